"""Starting the desktop app from the command line (``muntada`` alone, or ``muntada gui``)."""

from __future__ import annotations

import argparse

from archive.i18n import tr
from desktop.cli.context import CliContext


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("gui", help=tr("start the desktop app"))
    parser.set_defaults(handler=run_gui)


def run_gui(args: argparse.Namespace, context: CliContext) -> int:
    """Open the archive (the sample archive on first run) and show the main window."""
    from desktop.app import run_app  # Qt is imported only here

    return run_app(context)
