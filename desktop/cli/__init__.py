"""The ``muntada`` command line.

``muntada`` alone starts the desktop app; every other command works on the archive without Qt.
Each area of the app registers its own commands from a module of this package
(``archive_commands``, ``search_commands``, ``import_commands``, ``brief_commands``, ...):
a module exposes ``register(subparsers)``, which adds its parsers and sets ``handler`` on each
to a function ``handler(args, context) -> int`` (the exit code).

Errors reach the user as one line in their language and a non-zero exit, never a traceback:
anything logged goes to ``muntada.log`` in the data folder, nothing to the terminal.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from archive.errors import MuntadaError
from archive.i18n import set_language, tr
from desktop.cli import argparse_i18n
from desktop.cli.context import CliContext
from desktop.log_file import append_to_log, install_log_file

COMMAND_MODULES = (
    "desktop.cli.archive_commands",
    "desktop.cli.change_commands",
    "desktop.cli.search_commands",
    "desktop.cli.import_commands",
    "desktop.cli.review_commands",
    "desktop.cli.brief_commands",
    "desktop.cli.gui_commands",
    "desktop.cli.history_commands",
    "desktop.cli.team_commands",
)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, with every area's commands registered (argparse's own words translated)."""
    argparse_i18n.install()
    parser = argparse.ArgumentParser(prog="muntada",
                                     description=tr("Muntada: an offline archive of forum proceedings."))
    parser.add_argument("--archive", metavar="PATH", help=tr("use the archive file at PATH instead of the default one"))
    parser.add_argument("--portable", action="store_true", help=tr("keep the archive and settings beside the program"))
    parser.add_argument("--lang", choices=("ar", "en"),
                        help=tr("language of messages (default: the saved setting, Arabic)"))
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    argparse_i18n.translate_names(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``muntada`` console script; returns the process exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    _configure_streams()
    context = CliContext.from_argv(argv)
    install_log_file(context.locations.data_folder)
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
    except OSError as error:
        if not is_closed_pipe(error):
            return _unexpected(context, error)
        # The reader stopped early (``muntada list quotes | head``): not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as error:  # noqa: BLE001 - the command line's last resort: one line, details in the log
        return _unexpected(context, error)
    finally:
        context.close()


def is_closed_pipe(error: OSError, windows: bool = os.name == "nt") -> bool:
    """Whether writing failed because the reader of our output went away.

    POSIX raises ``BrokenPipeError``; Windows raises a plain ``OSError`` with EINVAL
    (``[Errno 22] Invalid argument``) when writing to a pipe whose reader has closed it.
    """
    if isinstance(error, BrokenPipeError):
        return True
    return windows and error.errno == errno.EINVAL and error.filename is None


def _unexpected(context: CliContext, error: Exception) -> int:
    """A bug, or a database error that escaped the engine's translation: one line, details in the log."""
    translated = _translated_database_error(error, context.archive_path)
    if translated is not None:
        context.error(translated.user_message())
        return translated.exit_code
    log_path = write_crash_log(context, error)
    # Each change commits in its own transaction: a fault rolls back only the one it was making.
    context.error(tr("Muntada stopped on a fault it did not expect ({error}); what was already saved is kept. "
                     "Send {path} to your IT support.", error=error, path=str(log_path)))
    return 70


def write_crash_log(context: CliContext, error: BaseException) -> Path:
    """Append the traceback of an unexpected error to ``muntada.log`` in the data folder (for the user alone)."""
    return append_to_log(context.locations.data_folder, error)


def _translated_database_error(error: BaseException, archive_path: Path) -> MuntadaError | None:
    """The clear message for a damaged, locked or read-only archive (None for anything else).

    The last net behind the engine's own translation; loads nothing when no database was touched.
    """
    if "archive.db.engine" not in sys.modules:
        return None
    from archive.db.engine import translate_database_error

    return translate_database_error(error, archive_path)


def _configure_streams() -> None:
    # Windows consoles default to a legacy code page; Arabic output must not crash the command.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


if __name__ == "__main__":
    sys.exit(main())
