"""Where Muntada keeps its files: the archive, its search index, settings and backups.

Search indexes always live in the user's own data folder (``indexes/``), whatever folder the
archive is in (created for the user alone by ``search.storage``, with ``archive.private_files``).

By default everything lives in the user's data folder (on Windows ``%LOCALAPPDATA%\\Muntada``).
In portable mode (``--portable``, or a file named ``portable.txt`` beside the program) it lives
in a ``MuntadaData`` folder beside the program, so the whole app can run from a USB stick.
``MUNTADA_HOME`` overrides both (used by tests and by officers with a shared drive).
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "Muntada"
ARCHIVE_FILE_NAME = "archive.sqlite"
PORTABLE_MARKER = "portable.txt"
PORTABLE_FOLDER = "MuntadaData"
INDEXES_FOLDER = "indexes"
INDEX_KEY_FILE = "index.key"


def program_folder() -> Path:
    """The folder of the running program (the .exe when frozen)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(sys.argv[0]).resolve().parent if sys.argv and sys.argv[0] else Path.cwd()


def is_portable(requested: bool = False) -> bool:
    return requested or (program_folder() / PORTABLE_MARKER).exists()


def data_folder(portable: bool = False) -> Path:
    """The folder holding the default archive, settings and backups (not created here)."""
    override = os.environ.get("MUNTADA_HOME")
    if override:
        return Path(override).expanduser().absolute()
    if is_portable(portable):
        return program_folder() / PORTABLE_FOLDER
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def default_archive_path(portable: bool = False) -> Path:
    return data_folder(portable) / ARCHIVE_FILE_NAME


def settings_path(portable: bool = False) -> Path:
    return data_folder(portable) / "settings.json"


def indexes_folder(portable: bool = False) -> Path:
    """The folder holding the search index of every archive this user opened (not created here)."""
    return data_folder(portable) / INDEXES_FOLDER


def index_folder_for(archive_path: Path, portable: bool = False) -> Path:
    """The search index of an archive: ``<data folder>/indexes/<stem>-<hash of the archive's path>/``.

    Never beside the archive: Whoosh unpickles its index files, so an index folder on a shared
    drive would run whatever code another user wrote into it. The hash keeps apart archives of
    the same name in different folders.
    """
    resolved = Path(archive_path).expanduser().resolve()
    digest = hashlib.sha256(os.fsencode(resolved)).hexdigest()[:12]
    return indexes_folder(portable) / f"{resolved.stem}-{digest}"


def index_key_path(portable: bool = False) -> Path:
    """The secret key that signs this user's index files (``search.signature``)."""
    return data_folder(portable) / INDEX_KEY_FILE
