"""Starting the desktop app from the command line (``muntada`` alone, or ``muntada gui``).

``muntada gui --screenshot PATH [--view NAME] [--lang ar|en] [--query TEXT]`` renders one view
of the open archive offscreen and saves it as a PNG instead of opening the window.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from archive.i18n import tr
from desktop.cli.context import CliContext

SCREENSHOT_VIEWS = ("search", "browse", "record", "source", "dashboard", "import", "review", "editor", "history",
                    "brief", "settings")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("gui", help=tr("start the desktop app"))
    parser.add_argument("--screenshot", type=Path, metavar="PATH",
                        help=tr("render a view offscreen and save it as a PNG image instead of opening the window"))
    parser.add_argument("--view", choices=SCREENSHOT_VIEWS, default="browse",
                        help=tr("the view to render (with --screenshot)"))
    parser.add_argument("--query", metavar="TEXT", help=tr("the search typed before rendering (with --screenshot)"))
    parser.set_defaults(handler=run_gui)


def run_gui(args: argparse.Namespace, context: CliContext) -> int:
    """Open the archive (the sample archive on first run) and show the main window, or render a screenshot."""
    screenshot = getattr(args, "screenshot", None)
    if screenshot is not None:
        from desktop.gui.screenshot import render_screenshot  # Qt is imported only here

        path = render_screenshot(context, screenshot, args.view, context.language, args.query)
        context.say(tr("Saved {path}", path=str(path)))
        return 0
    from desktop.app import run_app  # Qt is imported only here

    return run_app(context)
