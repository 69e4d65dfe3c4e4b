"""Where Muntada keeps its files: the archive, its search index, settings and backups.

Search indexes always live in the user's own data folder (``indexes/``), whatever folder the
archive is in (created for the user alone by ``search.storage``, with ``archive.private_files``).

By default everything lives in the user's data folder (on Windows ``%LOCALAPPDATA%\\Muntada``).
In portable mode (``--portable``, or a file named ``portable.txt`` beside the program) it lives
in a ``MuntadaData`` folder beside the program, so the whole app can run from a USB stick.
``MUNTADA_HOME`` overrides the user's data folder (used by tests and by officers with a shared
drive), but not an asked-for portable folder: ``--portable`` writes nothing outside ``MuntadaData``.

``resolve_locations`` decides every place once, at start-up, from the command line options; the
``Locations`` it returns is passed to everything (the command line's ``CliContext``, the app, its
window, its search process), so no part falls back to the user's data folder on its own.
"""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import platformdirs

APP_NAME = "Muntada"
ARCHIVE_FILE_NAME = "archive.sqlite"
PORTABLE_MARKER = "portable.txt"
PORTABLE_FOLDER = "MuntadaData"
INDEXES_FOLDER = "indexes"
INDEX_KEY_FILE = "index.key"
SETTINGS_FILE = "settings.json"
LOG_FILE = "muntada.log"
LOCK_FILE = "muntada.lock"
WINDOW_FILE = "window.ini"


def program_folder() -> Path:
    """The folder of the running program (the .exe when frozen)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(sys.argv[0]).resolve().parent if sys.argv and sys.argv[0] else Path.cwd()


def is_portable(requested: bool = False) -> bool:
    return requested or (program_folder() / PORTABLE_MARKER).exists()


def data_folder(portable: bool = False) -> Path:
    """The folder holding the default archive, settings and backups (not created here)."""
    if is_portable(portable):
        return program_folder() / PORTABLE_FOLDER
    override = os.environ.get("MUNTADA_HOME")
    if override:
        return Path(override).expanduser().absolute()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def settings_path(portable: bool = False) -> Path:
    return data_folder(portable) / SETTINGS_FILE


def index_folder_for(archive_path: Path, portable: bool = False) -> Path:
    """The search index of an archive: ``<data folder>/indexes/<stem>-<hash of the archive's path>/``.

    Never beside the archive: Whoosh unpickles its index files, so an index folder on a shared
    drive would run whatever code another user wrote into it. The hash keeps apart archives of
    the same name in different folders.
    """
    return _index_folder_in(data_folder(portable), Path(archive_path))


def _index_folder_in(folder: Path, archive_path: Path) -> Path:
    resolved = archive_path.expanduser().resolve()
    digest = hashlib.sha256(os.fsencode(resolved)).hexdigest()[:12]
    return folder / INDEXES_FOLDER / f"{resolved.stem}-{digest}"


def index_key_path(portable: bool = False) -> Path:
    """The secret key that signs this user's index files (``search.signature``)."""
    return data_folder(portable) / INDEX_KEY_FILE


@dataclass(frozen=True)
class Locations:
    """Every place the program reads or writes, decided once at start-up (``resolve_locations``)."""

    data_folder: Path
    archive: Path
    is_default_archive: bool
    portable: bool = False

    @property
    def settings(self) -> Path:
        return self.data_folder / SETTINGS_FILE

    @property
    def index_folder(self) -> Path:
        """The archive's search index: ``<data folder>/indexes/<stem>-<hash>/`` (see ``index_folder_for``)."""
        return _index_folder_in(self.data_folder, self.archive)

    @property
    def index_key(self) -> Path:
        return self.data_folder / INDEX_KEY_FILE

    @property
    def backups(self) -> Path:
        from archive.backups import backups_folder

        return backups_folder(self.archive)

    @property
    def log(self) -> Path:
        return self.data_folder / LOG_FILE

    @property
    def lock_folder(self) -> Path:
        """Where the app's lock file is: the data folder, or the folder of an archive chosen elsewhere
        (so two copies of the app on one shared archive notice each other)."""
        return self.data_folder if self.is_default_archive else self.archive.parent

    @property
    def lock_file(self) -> Path:
        return self.lock_folder / LOCK_FILE

    @property
    def window_state(self) -> Path:
        """The window's size, position and splitters (``window.ini``)."""
        return self.data_folder / WINDOW_FILE

    def with_archive(self, archive: str | os.PathLike[str] | None) -> Locations:
        """The same locations for another archive (None: the default one of the data folder)."""
        if not archive:
            return replace(self, archive=self.data_folder / ARCHIVE_FILE_NAME, is_default_archive=True)
        return replace(self, archive=Path(archive).expanduser().absolute(), is_default_archive=False)


def resolve_locations(portable: bool = False, archive: str | os.PathLike[str] | None = None) -> Locations:
    """The locations for these command line options (``--portable``, ``--archive``); the saved archive
    choice of the settings is applied by the caller with ``Locations.with_archive``."""
    portable = is_portable(portable)
    folder = data_folder(portable)
    return Locations(data_folder=folder, archive=folder / ARCHIVE_FILE_NAME, is_default_archive=True,
                     portable=portable).with_archive(archive)
