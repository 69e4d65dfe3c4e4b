"""Arabic text utilities: normalization, names, numbers, ordinals and partial dates.

Pure functions with no Qt and no database, fast enough to run inside extraction and import
over thousands of articles. Modules: ``normalize``, ``names``, ``numbers``, ``ordinals``, ``dates``.
"""
