"""Opening an archive file: checks, SQLite settings, migrations, and the unit-of-work session.

``open_archive`` is the only way to get an ``Archive``. It refuses, with a clear message and
without changing anything, a file that is not SQLite, an SQLite file that is not a Muntada
archive, an archive written by a newer Muntada, a missing or empty file (unless creating),
a folder that does not exist, and an archive on a network drive (``archive.network_drive``).
A new archive file is created for the user alone (0600).

Creating the schema and each upgrade is all or nothing: the migration runs on its own
connection in one ``BEGIN IMMEDIATE`` transaction, with the driver's implicit commits turned
off (pysqlite otherwise commits each CREATE on its own), so a crash leaves the file as it was.
The write lock taken at once also makes two programs creating the same archive wait for each
other: the second finds the schema made. Files half-made by older versions (tables but no
revision) are cleaned up in the same transaction when the leftover tables are empty.
An archive that needs migrating is first copied aside (``archive.backups``), then upgraded.

A file or folder we cannot write (found by trying, not by ``os.access``) is opened read-only
(``immutable=1``): browsing works, any change is refused clearly. Before the first write of an
opened archive, ``PRAGMA quick_check`` makes sure it is sound, so nothing is written into a
damaged file. Every database error meaning "damaged", "locked" or "read-only" becomes one
clear ``MuntadaError`` in one place (the engines' ``handle_error`` event), and statement
parameters (article text) never appear in error messages or logs (``hide_parameters``).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Connection, Engine, ExceptionContext
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from archive.db import migrations
from archive.db.uri import sqlite_uri
from archive.errors import ArchiveBusyError, ArchiveDiskFullError, ArchiveOpenError, ArchiveReadOnlyError, MuntadaError
from archive.network_drive import is_network_path
from archive.private_files import create_private_file

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_SECONDS = 5.0


@dataclass
class Archive:
    """An open archive: the database file, its engine, and who is working on it (for the audit trail)."""

    path: Path
    engine: Engine
    read_only: bool = False
    officer: str = ""
    _sessionmaker: sessionmaker[Session] = field(init=False, repr=False)
    _known_sound: bool = field(default=False, init=False, repr=False)

    def __post_init__(self) -> None:
        self._sessionmaker = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work of its own: commits when the block ends, rolls back on any error.

        Never joins another: a service that is part of a larger change is handed that change's
        unit explicitly (``archive.services.unit.write_unit``). Database errors reach the caller
        already translated into a ``MuntadaError`` (the engine's ``handle_error``, below).
        """
        with self._sessionmaker.begin() as session:
            yield session

    def require_writable(self) -> None:
        """Raise unless changes may be written: ``ArchiveReadOnlyError``, or ``ArchiveOpenError`` when damaged.

        Every writing service calls this first; the first call of an opened archive runs SQLite's
        quick check, so nothing is ever written into a damaged file.
        """
        if self.read_only:
            raise ArchiveReadOnlyError(
                "The archive {path} can only be read (the file or its folder is read-only). "
                "Copy it to a folder you can write to, or ask for write permission.",
                path=str(self.path),
            )
        if not self._known_sound:
            with self.engine.connect() as connection:
                verdict = [row[0] for row in connection.exec_driver_sql("PRAGMA quick_check")]
            if verdict != ["ok"]:
                raise damaged_archive_error(self.path)
            self._known_sound = True

    def schema_version(self) -> str | None:
        """The Alembic revision the archive is at (None before any), read without loading Alembic.

        The app's dashboard reads it at every start, beside the search process's start: Alembic
        with Mako costs 0.2-0.4 s of CPU to import (issue 12).
        """
        with self.engine.connect() as connection:
            if not inspect(connection).has_table("alembic_version"):
                return None
            revisions = [row[0] for row in connection.exec_driver_sql("SELECT version_num FROM alembic_version")]
        return revisions[0] if len(revisions) == 1 else None

    def close(self) -> None:
        """Release the database file (Windows keeps open files locked)."""
        self.engine.dispose()


def open_archive(path: str | os.PathLike[str], *, create: bool = True, officer: str = "") -> Archive:
    """Open the archive at ``path``, creating it when missing (or an empty file) and ``create`` is true.

    Raises ``ArchiveOpenError`` for a missing folder, a missing or empty file (when not creating), a network drive,
    a file that is not a Muntada archive or is damaged, or one from a newer Muntada;
    ``ArchiveBusyError`` when another program keeps it locked.
    """
    path = Path(path).expanduser().absolute()
    _refuse_network_drive(path)
    _check_location(path, create)
    if create:
        _create_file(path)
    read_only = not can_write_beside(path)
    state = _inspect_without_changing(path, read_only)
    _refuse_unusable(state, path, read_only)
    if state.needs_upgrade:
        _migrate(path, state.revision)
    return Archive(path=path, engine=_make_engine(path, read_only), read_only=read_only, officer=officer)


def _create_file(path: Path) -> None:
    """Create a missing archive file for the user alone (SQLite gives -wal and -shm the same mode)."""
    try:
        create_private_file(path)
    except OSError as error:
        raise ArchiveReadOnlyError(
            "The archive {path} cannot be created there ({reason}). Choose a folder you can write to.",
            path=str(path), reason=error.strerror or str(error)) from error


def can_write_beside(path: Path) -> bool:
    """Whether we may write ``path`` and create files beside it (SQLite's -wal and -shm).

    The folder is tried: a probe file is created and removed. The file itself is tried on
    Windows (opened for appending; nothing is written), where ``os.access`` only sees the
    read-only attribute. On POSIX it must not be opened by us: closing any descriptor of a file
    drops every POSIX lock this process holds on it, SQLite's included; there ``access(2)``
    answers for the real user (root may indeed write, a read-only mount says no).
    """
    try:
        probe = path.with_name(f".{path.name}.probe-{uuid.uuid4().hex[:12]}")
        if create_private_file(probe):
            probe.unlink()
    except OSError:
        return False
    return _file_is_writable(path)


def _file_is_writable(path: Path) -> bool:
    if os.name != "nt":
        return os.access(path, os.W_OK)
    try:
        with open(path, "ab"):
            pass
    except OSError:
        return False
    return True


def _inspect_without_changing(path: Path, read_only: bool) -> migrations.SchemaState:
    """Classify the file through a read-only connection (opening for writing would switch it to WAL)."""
    if path.stat().st_size == 0:
        return migrations.SchemaState(revision=None, foreign=False, too_new=False, needs_upgrade=True)
    engine = _make_engine(path, read_only, inspect_only=True)
    try:
        with engine.connect() as connection:
            return migrations.inspect_state(connection)
    except ArchiveOpenError:  # SQLite found it damaged, or not a database at all
        _refuse_if_not_sqlite(path)
        raise
    finally:
        engine.dispose()


def _refuse_network_drive(path: Path) -> None:
    """Refuse an archive on a network share: SQLite's write-ahead log is not safe there (``archive.network_drive``)."""
    if is_network_path(path):
        raise ArchiveOpenError(
            "The archive {path} is on a network drive, where it could be damaged. Keep the archive on this "
            "computer, and put backups on the share ('muntada backup --to FOLDER').", path=str(path))


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
    if path.stat().st_size == 0 and not create:
        raise ArchiveOpenError(
            "{path} is an empty file, not an archive. Check the path, or run 'muntada init' to make it a new archive.",
            path=str(path),
        )


def _refuse_if_not_sqlite(path: Path) -> None:
    """Say "not an SQLite database" rather than "damaged" when the file never was one.

    Read only after SQLite has refused the file: opening (and closing) a file SQLite has open in
    this process would drop SQLite's POSIX locks on it.
    """
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise ArchiveOpenError(
            "{path} is not a Muntada archive (it is not an SQLite database). Nothing was changed.",
            path=str(path),
        )


def _make_engine(path: Path, read_only: bool, *, inspect_only: bool = False,
                 transactional_ddl: bool = False) -> Engine:
    """An engine on the archive file; every engine translates database errors and hides statement parameters."""
    if read_only:
        # immutable=1: no journal files can be created beside a read-only file.
        uri = sqlite_uri(path, mode="ro", immutable=1)
    elif inspect_only:
        uri = sqlite_uri(path, mode="ro")
    else:
        uri = sqlite_uri(path)

    def connect() -> sqlite3.Connection:
        # The URI is built by us, escaped, and given to sqlite3 directly: a URL that SQLAlchemy parses
        # would take a "?" or "#" in a folder name for the start of its query or fragment.
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False)

    engine = create_engine("sqlite+pysqlite://", creator=connect, poolclass=QueuePool, hide_parameters=True)
    writes = not read_only and not inspect_only

    @event.listens_for(engine, "connect")
    def _configure_connection(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        if transactional_ddl:
            dbapi_connection.isolation_level = None  # no implicit commits: we say BEGIN and COMMIT
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if writes:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    if transactional_ddl:
        @event.listens_for(engine, "begin")
        def _begin(connection: Connection) -> None:
            connection.exec_driver_sql("BEGIN IMMEDIATE")  # the write lock at once: one creator at a time

    @event.listens_for(engine, "handle_error")
    def _translate(context: ExceptionContext) -> Exception | None:
        return translate_database_error(context.sqlalchemy_exception or context.original_exception, path)

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


def _migrate(path: Path, revision: str | None) -> None:
    """Create or upgrade the schema in one transaction (a copy is kept first when upgrading)."""
    if revision is not None:
        backup_before_migration(path, revision)
    engine = _make_engine(path, read_only=False, transactional_ddl=True)
    try:
        with engine.begin() as connection:
            state = migrations.inspect_state(connection)  # again, under the write lock: another may have finished
            _refuse_unusable(state, path, read_only=False)
            if state.needs_upgrade:
                _discard_half_made_tables(connection, state.revision, path)
                migrations.upgrade(connection)
    finally:
        engine.dispose()


def _discard_half_made_tables(connection: Connection, revision: str | None, path: Path) -> None:
    """Drop empty tables a crashed older version created beyond ``revision`` (they stop the upgrade).

    Versions before transactional migrations committed each CREATE on its own, so a crash could
    leave tables the recorded revision does not have. A table that holds rows is never dropped.
    """
    ours = migrations.tables_at(migrations.head_revision())
    leftovers = {table for table in set(inspect(connection).get_table_names()) - migrations.tables_at(revision)
                 if table in ours or table.startswith("_alembic_tmp_")}  # batch ALTERs copy through these
    for table in sorted(leftovers):
        if connection.exec_driver_sql(f'SELECT EXISTS (SELECT 1 FROM "{table}")').scalar():
            raise ArchiveOpenError(
                "The archive {path} was left half-upgraded and its table {table} already holds data. "
                "Restore a backup ('muntada backup --list', 'muntada restore BACKUP').",
                path=str(path), table=table)
    for table in sorted(leftovers):
        connection.exec_driver_sql(f'DROP TABLE "{table}"')


def backup_before_migration(path: Path, revision: str) -> Path:
    """Copy the archive aside (SQLite online backup, verified, never overwriting) before its schema changes."""
    from archive.backups import BEFORE_UPGRADE_PREFIX, back_up_file

    return back_up_file(path, kind=f"{BEFORE_UPGRADE_PREFIX}{revision}")


def damaged_archive_error(path: Path) -> ArchiveOpenError:
    return ArchiveOpenError(
        "The archive {path} is damaged. Put back a backup: 'muntada backup --list' shows them, "
        "'muntada restore BACKUP' restores one.", path=str(path))


MINIMUM_FREE_BYTES = 1 << 20  # below this SQLite cannot be relied on to make its -wal and -shm files


def _disk_is_full(path: Path) -> bool:
    """Whether the disk holding ``path`` has (almost) no room left."""
    try:
        return shutil.disk_usage(path.parent).free < MINIMUM_FREE_BYTES
    except OSError:
        return False


def translate_database_error(error: BaseException, path: Path) -> MuntadaError | None:
    """The clear error a user reads for a database error (damaged, locked, read-only), or None for a bug."""
    if isinstance(error, MuntadaError):
        return error
    original = getattr(error, "orig", None) or error
    if not isinstance(original, (sqlite3.DatabaseError, DatabaseError)):
        return None
    message = str(original).lower()
    if "locked" in message or "busy" in message:
        return ArchiveBusyError(
            "The archive {path} is locked by another program (or another copy of Muntada). "
            "Close it and try again.",
            path=str(path),
        )
    if "readonly" in message or "read-only" in message:
        return ArchiveReadOnlyError(
            "The archive {path} can only be read (the file or its folder is read-only). "
            "Copy it to a folder you can write to, or ask for write permission.",
            path=str(path),
        )
    if "full" in message or ("disk i/o" in message and _disk_is_full(path)):
        # SQLITE_FULL: the transaction was rolled back, the archive is as it was. With no room
        # for its -shm file SQLite reports an I/O error instead: not damage, and a restore would
        # throw away every change since the backup.
        return ArchiveDiskFullError(
            "The disk holding the archive {path} is full: nothing was changed. "
            "Free some space (or move the archive to a larger disk) and try again.",
            path=str(path),
        )
    damage = ("not a database", "malformed", "disk i/o", "corrupt", "unsupported file format")
    if any(sign in message for sign in damage):
        return damaged_archive_error(path)
    return None
