"""Muntada's application layer: the Qt desktop app and the ``muntada`` command line.

The only package that knows Qt, and the only one that wires ``archive`` and ``search`` together.
The command line (``desktop.cli``) imports no Qt unless the GUI is started.
"""
