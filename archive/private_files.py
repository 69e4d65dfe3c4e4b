"""Files and folders for the user alone: the archive, its backups, settings, the log, the data folder.

An archive holds what officers collected, so on Linux and macOS everything Muntada creates is
readable by its user only (files 0600, folders 0700; SQLite gives the ``-wal`` and ``-shm``
files the permissions of the database file). On Windows the user's profile folder already
keeps other users out, and POSIX modes mean little there: these functions only create.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TextIO

PRIVATE_FILE_MODE = 0o600
PRIVATE_FOLDER_MODE = 0o700


def _posix_modes_apply() -> bool:
    return os.name != "nt"


def make_private_folder(folder: Path) -> Path:
    """Create ``folder`` (and its parents) if needed, and make it the user's alone; returns it."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER_MODE)
    restrict_to_user(folder)
    return folder


def restrict_to_user(path: Path) -> None:
    """Take away group and others' access to an existing file or folder (does nothing on Windows)."""
    if not _posix_modes_apply():
        return
    mode = PRIVATE_FOLDER_MODE if Path(path).is_dir() else PRIVATE_FILE_MODE
    with contextlib.suppress(OSError):  # not ours (a shared folder): leave its permissions to its owner
        os.chmod(path, mode)


def create_private_file(path: Path) -> bool:
    """Create ``path`` empty, for the user alone; False (nothing changed) when it already exists."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), PRIVATE_FILE_MODE)
    except FileExistsError:
        return False
    os.close(descriptor)
    return True


def open_private_for_append(path: Path, encoding: str = "utf-8") -> TextIO:
    """Open a text file for appending, creating it for the user alone (a log file)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE_MODE)
    return open(descriptor, "a", encoding=encoding)
