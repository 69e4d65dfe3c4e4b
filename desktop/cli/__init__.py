"""The ``muntada`` command line.

``muntada`` alone starts the desktop app; every other command works on the archive without Qt.
Each area of the app registers its own commands from a module of this package
(``archive_commands``, ``search_commands``, ``import_commands``, ``brief_commands``, ...):
a module exposes ``register(subparsers)``, which adds its parsers and sets ``handler`` on each
to a function ``handler(args, context) -> int`` (the exit code).

Errors reach the user as one line in their language and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import tempfile
import traceback
from datetime import datetime
from pathlib import Path
from collections.abc import Sequence

from archive.errors import MuntadaError
from archive.i18n import set_language, tr
from archive.location import data_folder
from desktop.cli.context import CliContext

COMMAND_MODULES = (
    "desktop.cli.archive_commands",
    "desktop.cli.search_commands",
    "desktop.cli.import_commands",
    "desktop.cli.brief_commands",
    "desktop.cli.gui_commands",
)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, with every area's commands registered."""
    parser = argparse.ArgumentParser(prog="muntada", description=tr("Muntada: an offline archive of forum proceedings."))
    parser.add_argument("--archive", metavar="PATH", help=tr("use the archive file at PATH instead of the default one"))
    parser.add_argument("--portable", action="store_true", help=tr("keep the archive and settings beside the program"))
    parser.add_argument("--lang", choices=("ar", "en"), help=tr("language of messages (default: the saved setting, Arabic)"))
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``muntada`` console script; returns the process exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    _configure_streams()
    context = CliContext.from_argv(argv)
    set_language(context.language)
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        context.args = args
        handler = getattr(args, "handler", None)
        if handler is None:  # no command: start the desktop app
            handler = importlib.import_module("desktop.cli.gui_commands").run_gui
        return int(handler(args, context) or 0)
    except MuntadaError as error:
        context.error(error.user_message())
        return error.exit_code
    except KeyboardInterrupt:
        context.error(tr("Interrupted."))
        return 130
    except BrokenPipeError:  # the reader stopped early (``muntada list quotes | head``): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as error:  # a bug: one line for the user, the details in the log file
        log_path = write_crash_log(context, error)
        context.error(tr("Unexpected error: {error}. Details were saved to {path}.", error=error, path=str(log_path)))
        return 70
    finally:
        context.close()


def write_crash_log(context: CliContext, error: BaseException) -> Path:
    """Append the traceback of an unexpected error to ``muntada.log`` in the data folder."""
    folder = data_folder(context.portable)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        log_path = folder / "muntada.log"
        with open(log_path, "a", encoding="utf-8") as log:
            log.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n")
            log.write("".join(traceback.format_exception(error)))
        return log_path
    except OSError:
        return Path(tempfile.gettempdir()) / "muntada.log"


def _configure_streams() -> None:
    # Windows consoles default to a legacy code page; Arabic output must not crash the command.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


if __name__ == "__main__":
    sys.exit(main())
