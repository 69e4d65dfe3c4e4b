"""``muntada.log`` in the data folder: where the command line and the app log, never the terminal.

Without a handler, ``log.exception(...)`` reaches the terminal through Python's last-resort
handler, which prints a traceback to an officer. ``install_log_file`` gives the root logger one
handler that appends to ``muntada.log`` (created on the first record, for the user alone) and
nothing else. ``append_to_log`` writes the traceback of an unexpected error there.
"""

from __future__ import annotations

import logging
import tempfile
import traceback
from datetime import datetime
from pathlib import Path

from archive.private_files import make_private_folder, open_private_for_append

LOG_FILE_NAME = "muntada.log"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class PrivateLogHandler(logging.FileHandler):
    """A file handler that opens its file only when something is logged, readable by the user alone."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, encoding="utf-8", delay=True)

    def _open(self):
        path = Path(self.baseFilename)
        make_private_folder(path.parent)
        return open_private_for_append(path, encoding=self.encoding or "utf-8")

    def handleError(self, record: logging.LogRecord) -> None:  # a log that cannot be written is not the user's problem
        pass


def install_log_file(folder: Path, level: int = logging.WARNING) -> Path:
    """Send every log record to ``folder/muntada.log`` and none to the terminal; returns the log's path.

    Called again (tests run ``main`` many times) it replaces its own handler rather than adding one.
    """
    path = Path(folder) / LOG_FILE_NAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, PrivateLogHandler):
            root.removeHandler(handler)
            handler.close()
    handler = PrivateLogHandler(path)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
    return path


def append_to_log(folder: Path, error: BaseException) -> Path:
    """Append the traceback of an unexpected error to ``folder/muntada.log``; returns where it went."""
    try:
        make_private_folder(folder)
        path = Path(folder) / LOG_FILE_NAME
        with open_private_for_append(path) as log:
            log.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n")
            log.write("".join(traceback.format_exception(error)))
        return path
    except OSError:
        return Path(tempfile.gettempdir()) / LOG_FILE_NAME
