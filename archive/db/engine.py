"""Opening an archive file: checks, SQLite settings, migrations, and the unit-of-work session.

``open_archive`` is the only way to get an ``Archive``. It refuses, with a clear message and
without changing anything, a file that is not SQLite, an SQLite file that is not a Muntada
archive, an archive written by a newer Muntada, and a folder that does not exist. An archive
that needs migrating is first copied aside with SQLite's online backup, then upgraded.
A file we may not write is opened read-only: browsing works, any change is refused clearly.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from archive.db import migrations
from archive.errors import ArchiveBusyError, ArchiveOpenError, ArchiveReadOnlyError

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_SECONDS = 5.0


# The unit of work open in this thread or task, per archive (see ``Archive.session``).
_open_sessions: ContextVar[dict[int, Session]] = ContextVar("muntada_open_sessions", default={})


@dataclass
class Archive:
    """An open archive: the database file, its engine, and who is working on it (for the audit trail)."""

    path: Path
    engine: Engine
    read_only: bool = False
    officer: str = ""
    _sessionmaker: sessionmaker = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sessionmaker = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits when the block ends, rolls back on any error.

        Called while a unit of work of this archive is already open in the same thread (or task),
        it joins that one: the services a larger change calls (accepting an article's proposals)
        then write into one transaction, stored all together or not at all.
        """
        joined = _open_sessions.get().get(id(self))
        if joined is not None:
            yield joined
            return
        try:
            with self._sessionmaker.begin() as session:
                token = _open_sessions.set({**_open_sessions.get(), id(self): session})
                try:
                    yield session
                finally:
                    _open_sessions.reset(token)
        except OperationalError as error:
            raise _translate_operational_error(error, self.path) from error

    def require_writable(self) -> None:
        """Raise ``ArchiveReadOnlyError`` when this archive can only be read."""
        if self.read_only:
            raise ArchiveReadOnlyError(
                "The archive {path} can only be read (the file or its folder is read-only). "
                "Copy it to a folder you can write to, or ask for write permission.",
                path=str(self.path),
            )

    def schema_version(self) -> str | None:
        """The Alembic revision the archive is at."""
        with self.engine.connect() as connection:
            return migrations.current_revision(connection)

    def close(self) -> None:
        """Release the database file (Windows keeps open files locked)."""
        self.engine.dispose()


def open_archive(path: str | os.PathLike[str], *, create: bool = True, officer: str = "") -> Archive:
    """Open the archive at ``path``, creating it when missing and ``create`` is true.

    Raises ``ArchiveOpenError`` for a missing folder, a missing file (when not creating), a file
    that is not a Muntada archive, or one from a newer Muntada; ``ArchiveBusyError`` when another
    program keeps it locked.
    """
    path = Path(path).expanduser().absolute()
    _check_location(path, create)
    read_only = path.exists() and not _is_writable(path)
    state = _inspect_without_changing(path)
    _refuse_unusable(state, path, read_only)
    engine = _make_engine(path, read_only)
    try:
        if state.needs_upgrade:
            _migrate(engine, path, state.revision)
    except OperationalError as error:
        engine.dispose()
        raise _translate_operational_error(error, path) from error
    except BaseException:
        engine.dispose()
        raise
    return Archive(path=path, engine=engine, read_only=read_only, officer=officer)


def _inspect_without_changing(path: Path) -> migrations.SchemaState:
    """Classify the file through a read-only connection (opening for writing would switch it to WAL)."""
    if not path.exists() or path.stat().st_size == 0:
        return migrations.SchemaState(revision=None, foreign=False, too_new=False, needs_upgrade=True)
    engine = create_engine(
        f"sqlite+pysqlite:///file:{path.as_posix()}?mode=ro&uri=true",
        connect_args={"timeout": BUSY_TIMEOUT_SECONDS},
    )
    try:
        with engine.connect() as connection:
            return migrations.inspect_state(connection)
    except OperationalError as error:
        raise _translate_operational_error(error, path) from error
    finally:
        engine.dispose()


def _check_location(path: Path, create: bool) -> None:
    if not path.parent.is_dir():
        raise ArchiveOpenError(
            "The folder {folder} does not exist. Create it first or choose another location.",
            folder=str(path.parent),
        )
    if path.is_dir():
        raise ArchiveOpenError("{path} is a folder, not an archive file.", path=str(path))
    if not path.exists():
        if not create:
            raise ArchiveOpenError(
                "There is no archive at {path}. Run 'muntada init' to create one.", path=str(path)
            )
        return
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header and header != SQLITE_HEADER:
        raise ArchiveOpenError(
            "{path} is not a Muntada archive (it is not an SQLite database). Nothing was changed.",
            path=str(path),
        )


def _is_writable(path: Path) -> bool:
    # SQLite writes its journal beside the file, so the folder must be writable too.
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _make_engine(path: Path, read_only: bool) -> Engine:
    if read_only:
        # immutable=1: no journal files can be created beside a read-only file.
        url = f"sqlite+pysqlite:///file:{path.as_posix()}?mode=ro&immutable=1&uri=true"
    else:
        url = f"sqlite+pysqlite:///{path.as_posix()}"
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_SECONDS, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _configure_connection(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        if not read_only:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    return engine


def _refuse_unusable(state: migrations.SchemaState, path: Path, read_only: bool) -> None:
    if state.foreign:
        raise ArchiveOpenError(
            "{path} is an SQLite database but not a Muntada archive. Nothing was changed.", path=str(path)
        )
    if state.too_new:
        raise ArchiveOpenError(
            "{path} was written by a newer version of Muntada (schema {revision}). "
            "Install the newer version to open it; nothing was changed.",
            path=str(path),
            revision=state.revision,
        )
    if state.needs_upgrade and read_only:
        raise ArchiveReadOnlyError(
            "The archive {path} must be upgraded to this version of Muntada, but it is read-only. "
            "Copy it to a folder you can write to.",
            path=str(path),
        )


def _migrate(engine: Engine, path: Path, revision: str | None) -> None:
    if revision is not None:
        backup_before_migration(path, revision)
    with engine.begin() as connection:
        migrations.upgrade(connection)


def backup_before_migration(path: Path, revision: str) -> Path:
    """Copy the archive aside (SQLite online backup) before its schema is changed; returns the copy."""
    folder = path.parent / "backups"
    folder.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}-before-upgrade-from-{revision}-{stamp}{path.suffix or '.sqlite'}"
    online_backup(path, target)
    return target


def online_backup(source: Path, target: Path) -> None:
    """Copy a live SQLite database consistently with SQLite's backup API (never a file copy)."""
    source_connection = sqlite3.connect(f"file:{source.as_posix()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_SECONDS)
    try:
        target_connection = sqlite3.connect(target)
        try:
            source_connection.backup(target_connection)
        finally:
            target_connection.close()
    finally:
        source_connection.close()


def _translate_operational_error(error: OperationalError, path: Path) -> Exception:
    text = str(error.orig).lower() if error.orig is not None else str(error).lower()
    if "locked" in text or "busy" in text:
        return ArchiveBusyError(
            "The archive {path} is locked by another program (or another copy of Muntada). "
            "Close it and try again.",
            path=str(path),
        )
    if "readonly" in text or "read-only" in text:
        return ArchiveReadOnlyError(
            "The archive {path} can only be read (the file or its folder is read-only). "
            "Copy it to a folder you can write to, or ask for write permission.",
            path=str(path),
        )
    if "not a database" in text or "malformed" in text:
        return ArchiveOpenError(
            "{path} is damaged or not a Muntada archive. Restore it from a backup ('muntada backup').",
            path=str(path),
        )
    return error
