"""Every error reaches the officer as a clear dialog: never a silent failure, never a traceback.

``show_error`` shows a ``MuntadaError`` with its message in the user's language; anything else
is a bug: a short apology with where the details were written (``muntada.log`` in the data
folder the app started with). ``install_excepthook`` routes exceptions escaping Qt slots to the same dialog.
"""

from __future__ import annotations

import errno
import logging
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from archive.errors import MuntadaError
from archive.i18n import tr
from archive.location import data_folder
from desktop.log_file import append_to_log

log = logging.getLogger(__name__)

# Where ``muntada.log`` goes: the data folder resolved at start-up (``install_excepthook``).
_log_folder: Path | None = None

# Tests set this to collect errors instead of opening modal dialogs.
shown_errors: list[str] = []
dialogs_enabled = True


def error_text(error: BaseException) -> str:
    """What the officer reads for this error."""
    if isinstance(error, MuntadaError):
        return error.user_message()
    if isinstance(error, OSError):
        return tr("The file {path} cannot be used: {reason}", path=str(error.filename or ""),
                  reason=os_reason(error))
    log_path = write_log(error)
    return tr("Something went wrong: {error}. Details were saved to {path}.", error=str(error) or type(error).__name__,
              path=str(log_path))


def os_reason(error: OSError) -> str:
    """Why the system refused, in the user's language: its own reason (``strerror``) is English
    on most machines, so the reasons an officer meets are named here; others are given as they are."""
    if isinstance(error, FileNotFoundError):
        return tr("it does not exist; check the name and the folder.")
    if isinstance(error, IsADirectoryError):
        return tr("it is a folder, not a file.")
    if isinstance(error, PermissionError):
        return tr("it is open in another program or you are not allowed to use it; close it or choose another.")
    if error.errno == errno.ENOSPC:
        return tr("the disk is full; free some space and try again.")
    return error.strerror or str(error)


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """Show ``error`` in a dialog over ``parent``."""
    text = error_text(error)
    shown_errors.append(text)
    if not dialogs_enabled:
        return
    box = QMessageBox(QMessageBox.Icon.Warning, tr("Muntada"), text, QMessageBox.StandardButton.Ok, parent)
    box.exec()


def inform(parent: QWidget | None, text: str) -> None:
    """Tell the officer something that stops what they asked for (not an error of theirs)."""
    shown_errors.append(text)
    if dialogs_enabled:
        QMessageBox.warning(parent, tr("Muntada"), text)


def write_log(error: BaseException) -> Path:
    """Append the traceback of an unexpected error to ``muntada.log`` (for the user alone); returns its path."""
    return append_to_log(_log_folder or data_folder(), error)


def install_excepthook(log_folder: Path | None = None) -> None:
    """Show exceptions that escape Qt slots in a dialog instead of only printing them; their details
    go to ``muntada.log`` in ``log_folder`` (the data folder of the running app, portable or not)."""
    global _log_folder  # noqa: PLW0603 (set once at start-up, read by the excepthook)
    _log_folder = log_folder

    def hook(kind, error, trace) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        show_error(QApplication.activeWindow(), error)

    sys.excepthook = hook
