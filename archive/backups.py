"""Backups of an archive: written, verified, named, listed, kept or let go, and restored.

A backup is a copy made with SQLite's online backup API, so it is consistent even while the app
is writing (WAL). It is written to a temporary file, checked with ``PRAGMA integrity_check``, and
only then given its name, which never replaces an existing file (a hard link, or a rename that
refuses to overwrite on Windows): a backup name, once there, always holds the copy it was made
as. Names carry the kind of backup and the local time to the microsecond:
``archive-auto-20261202-081500-123456.sqlite``.

Kinds: ``auto`` (on the schedule of ``Settings.backup_every_days``, at start and on close),
``manual`` (``muntada backup``, "Back up now"), ``before-upgrade-from-REV`` (written before the
schema is changed) and ``before-restore`` (the archive as it was before a restore). Only
``auto`` backups are ever removed, by the retention rule (``kept_backups``): the newest of each
of the last 7 days, 4 weeks and 12 months that have one.

``restore_backup`` verifies the backup, keeps the current archive aside (never deleted), puts
a copy of the backup in its place and gives the archive a new generation, so the search index
(which records the generation it was built from) rebuilds itself.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from archive.db.uri import sqlite_uri
from archive.errors import ArchiveOpenError, MuntadaError
from archive.i18n import N_, tr
from archive.private_files import create_private_file, make_private_folder, restrict_to_user

if TYPE_CHECKING:
    from archive.db.engine import Archive

BACKUP_FOLDER_NAME = "backups"
AUTO, MANUAL, BEFORE_RESTORE = "auto", "manual", "before-restore"
BEFORE_UPGRADE_PREFIX = "before-upgrade-from-"
KIND_LABELS = {AUTO: N_("automatic"), MANUAL: N_("by hand"), BEFORE_RESTORE: N_("before a restore")}
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
BUSY_TIMEOUT_SECONDS = 5.0
_STAMP = "%Y%m%d-%H%M%S-%f"
_NAME = re.compile(r"^(?P<label>.*?)-?(?P<stamp>\d{8}-\d{6}(?:-\d{6})?)(?:-(?P<serial>\d+))?$")


class BackupError(MuntadaError):
    """A backup could not be written, listed or restored; the message says why and what to do."""


@dataclass(frozen=True)
class BackupInfo:
    """One backup file of an archive."""

    path: Path
    taken_at: datetime
    kind: str  # "auto", "manual", "before-restore", "before-upgrade-from-0001", ...
    size_bytes: int


# --- names and listing -------------------------------------------------------------------------


def backups_folder(archive_path: Path) -> Path:
    """Where an archive's backups live: ``backups/`` beside it."""
    return Path(archive_path).parent / BACKUP_FOLDER_NAME


def new_backup_path(archive_path: Path, kind: str, now: datetime | None = None) -> Path:
    """A name in the backups folder that no file has yet (the time to the microsecond, then a serial)."""
    archive_path = Path(archive_path)
    stamp = (now or datetime.now()).strftime(_STAMP)
    suffix = archive_path.suffix or ".sqlite"
    folder = backups_folder(archive_path)
    candidate = folder / f"{archive_path.stem}-{kind}-{stamp}{suffix}"
    serial = 1
    while candidate.exists():
        serial += 1
        candidate = folder / f"{archive_path.stem}-{kind}-{stamp}-{serial}{suffix}"
    return candidate


def list_backups(archive_path: Path) -> list[BackupInfo]:
    """The archive's backups, newest first (names written by any version of Muntada)."""
    archive_path = Path(archive_path)
    folder = backups_folder(archive_path)
    if not folder.is_dir():
        return []
    suffix = archive_path.suffix or ".sqlite"
    found = []
    for path in folder.glob(f"{archive_path.stem}-*{suffix}"):
        info = _backup_info(path, archive_path.stem, suffix)
        if info is not None:
            found.append(info)
    return sorted(found, key=lambda info: (info.taken_at, info.path.name), reverse=True)


def _backup_info(path: Path, stem: str, suffix: str) -> BackupInfo | None:
    if not path.is_file():
        return None
    match = _NAME.match(path.name[len(stem) + 1 : len(path.name) - len(suffix)])
    if match is None:
        return None
    stamp = match["stamp"]
    taken_at = datetime.strptime(stamp, _STAMP if stamp.count("-") == 2 else "%Y%m%d-%H%M%S")
    return BackupInfo(path=path, taken_at=taken_at, kind=match["label"] or MANUAL, size_bytes=path.stat().st_size)


def find_backup(archive_path: Path, name_or_path: str) -> Path:
    """The backup a user named: a path, or a file name from ``muntada backup --list``."""
    given = Path(name_or_path).expanduser()
    for candidate in (given, backups_folder(archive_path) / given.name):
        if candidate.is_file():
            return candidate.absolute()
    raise BackupError("There is no backup {name}. 'muntada backup --list' shows the backups of this archive.",
                      name=str(name_or_path))


# --- writing -----------------------------------------------------------------------------------


def write_backup(archive: Archive, target: Path | None = None, kind: str = MANUAL) -> Path:
    """Copy the live archive to a new, verified backup file; returns its path.

    ``target`` None: a new name in the backups folder. A folder: a new name inside it. A file
    name: that file, which must not exist yet (a backup never overwrites anything).
    """
    return back_up_file(archive.path, target, kind)


def back_up_file(archive_path: Path, target: Path | None = None, kind: str = MANUAL) -> Path:
    """``write_backup`` for an archive file that need not be open (the copy before an upgrade)."""
    archive_path = Path(archive_path)
    target = _backup_target(archive_path, target, kind)
    staged = _staging_name(target)
    try:
        _online_copy(archive_path, staged)
        _require_sound_copy(staged, archive_path)
        place_without_overwriting(staged, target)
    finally:
        _remove_database_files(staged)
    return target


def _backup_target(archive_path: Path, target: Path | None, kind: str) -> Path:
    if target is None:
        make_private_folder(backups_folder(archive_path))
        return new_backup_path(archive_path, kind)
    target = Path(target).expanduser().absolute()
    if target.is_dir():
        return target / new_backup_path(archive_path, kind).name
    if target.exists() or target.is_symlink():
        raise BackupError("{path} already exists; a backup never overwrites a file. Choose a new file name.",
                          path=str(target))
    if not target.parent.is_dir():
        raise BackupError("The folder {folder} does not exist; choose a folder that does (a USB stick, a shared "
                          "folder), or leave out --to to use the backups folder.", folder=str(target.parent))
    return target


def _staging_name(target: Path) -> Path:
    staged = target.with_name(f".{target.name}.partial-{uuid.uuid4().hex[:12]}")
    if not create_private_file(staged):
        raise BackupError("The folder {folder} does not exist.", folder=str(target.parent))
    return staged


def _online_copy(source: Path, target: Path) -> None:
    """Copy a live SQLite database consistently with SQLite's backup API (never a plain file copy)."""
    source_connection = sqlite3.connect(sqlite_uri(source, mode="ro"), uri=True, timeout=BUSY_TIMEOUT_SECONDS)
    try:
        target_connection = sqlite3.connect(target)
        try:
            source_connection.backup(target_connection)
        finally:
            target_connection.close()
    except sqlite3.DatabaseError as error:
        raise _copy_failed(error, source) from error
    finally:
        source_connection.close()


def _copy_failed(error: sqlite3.DatabaseError, source: Path) -> MuntadaError:
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return BackupError("The archive {path} is locked by another program; no backup was written. Try again.",
                           path=str(source))
    return ArchiveOpenError(
        "The archive {path} is damaged, so it cannot be copied. Put back a backup: 'muntada backup --list' "
        "shows them, 'muntada restore BACKUP' restores one.", path=str(source))


def integrity_problems(path: Path) -> list[str]:
    """What ``PRAGMA integrity_check`` finds wrong with a database file ([] when it is sound)."""
    try:
        connection = sqlite3.connect(sqlite_uri(Path(path), mode="ro"), uri=True, timeout=BUSY_TIMEOUT_SECONDS)
        try:
            lines = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        return [str(error)]
    return [] if lines == ["ok"] else lines


def _require_sound_copy(copy: Path, source: Path) -> None:
    if integrity_problems(copy):
        raise ArchiveOpenError(
            "The archive {path} is damaged, so it cannot be copied. Put back a backup: 'muntada backup --list' "
            "shows them, 'muntada restore BACKUP' restores one.", path=str(source))


def place_without_overwriting(staged: Path, target: Path) -> None:
    """Give ``staged`` the name ``target``, failing (``BackupError``) if ``target`` exists: never a replace."""
    try:
        if os.name == "nt":
            os.rename(staged, target)  # refuses an existing target on Windows
            return
        try:
            os.link(staged, target)  # atomic, and refuses an existing target
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links (FAT on a USB stick)
            if target.exists():
                raise FileExistsError(str(target)) from None
            os.rename(staged, target)
            return
        staged.unlink()
    except FileExistsError:
        raise BackupError("{path} already exists; a backup never overwrites a file. Choose a new file name.",
                          path=str(target)) from None


def _remove_database_files(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"),
                     path.with_name(path.name + "-journal")):
        leftover.unlink(missing_ok=True)


# --- the schedule and retention ------------------------------------------------------------------


def backup_is_due(archive_path: Path, every_days: int, now: datetime | None = None) -> bool:
    """Whether the newest backup (of any kind) is ``every_days`` old or older; never when 0."""
    if every_days <= 0:
        return False
    backups = list_backups(archive_path)
    if not backups:
        return True
    return (now or datetime.now()) - backups[0].taken_at >= timedelta(days=every_days)


def back_up_if_due(archive: Archive, every_days: int, now: datetime | None = None) -> Path | None:
    """Write an ``auto`` backup when one is due and let old ones go by the retention rule; returns it or None."""
    if archive.read_only or not backup_is_due(archive.path, every_days, now):
        return None
    written = write_backup(archive, kind=AUTO)
    apply_retention(archive.path)
    return written


def kept_backups(backups: list[BackupInfo]) -> set[Path]:
    """The ``auto`` backups the retention rule keeps: the newest of each of the last 7 days, 4 weeks, 12 months."""
    automatic = sorted((info for info in backups if info.kind == AUTO), key=lambda info: info.taken_at, reverse=True)
    kept: set[Path] = set()
    for period, limit in ((lambda t: t.date(), KEEP_DAILY), (lambda t: t.isocalendar()[:2], KEEP_WEEKLY),
                          (lambda t: (t.year, t.month), KEEP_MONTHLY)):
        seen: list[object] = []
        for info in automatic:
            key = period(info.taken_at)
            if key not in seen:
                if len(seen) == limit:
                    break
                seen.append(key)
                kept.add(info.path)
    return kept


def apply_retention(archive_path: Path) -> list[Path]:
    """Remove the ``auto`` backups the retention rule does not keep; returns what was removed."""
    backups = list_backups(archive_path)
    kept = kept_backups(backups)
    removed = [info.path for info in backups if info.kind == AUTO and info.path not in kept]
    for path in removed:
        _remove_database_files(path)
    return removed


# --- restore -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RestoreOutcome:
    """What a restore did: the backup put back, and where the replaced archive was kept."""

    restored_from: Path
    kept_aside: Path | None


def kind_label(kind: str) -> str:
    """What a kind of backup is called, in the officer's language ("تلقائية", "قبل الترقية من المخطط 0006")."""
    if kind.startswith(BEFORE_UPGRADE_PREFIX):
        return tr("before upgrading from schema {revision}", revision=kind[len(BEFORE_UPGRADE_PREFIX):])
    return tr(KIND_LABELS.get(kind, kind))


def restore_backup(archive_path: Path, backup_path: Path) -> RestoreOutcome:
    """Put ``backup_path`` back as the archive at ``archive_path`` (which must not be open).

    The backup is checked first (sound, a Muntada archive this version can open); the current
    archive, even a damaged one, is kept aside in the backups folder and never deleted; the
    restored archive gets a new generation, so the search index rebuilds itself from it.
    """
    archive_path, backup_path = Path(archive_path).absolute(), Path(backup_path).absolute()
    if backup_path == archive_path:
        raise BackupError("A backup cannot overwrite the archive itself.")
    _require_restorable(backup_path)
    staged = _staging_name(archive_path)
    try:
        _online_copy(backup_path, staged)
        _require_sound_copy(staged, backup_path)
        kept_aside = keep_aside(archive_path) if archive_path.exists() else None
        for stale in (archive_path.with_name(archive_path.name + "-wal"),
                      archive_path.with_name(archive_path.name + "-shm")):
            stale.unlink(missing_ok=True)  # a journal of the old archive must never be applied to the new one
        os.replace(staged, archive_path)
    finally:
        _remove_database_files(staged)
    restrict_to_user(archive_path)
    _renew_generation(archive_path)
    return RestoreOutcome(restored_from=backup_path, kept_aside=kept_aside)


def _require_restorable(backup_path: Path) -> None:
    from archive.db import migrations

    if not _is_sqlite_file(backup_path):  # a picture or a document chosen by mistake is not "damaged"
        raise BackupError("{path} is not a backup of a Muntada archive; choose another one.", path=str(backup_path))
    problems = integrity_problems(backup_path)
    if problems:
        raise BackupError("The backup {path} is damaged ({problem}); choose another one.", path=str(backup_path),
                          problem=problems[0])
    connection = sqlite3.connect(sqlite_uri(backup_path, mode="ro"), uri=True)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone() \
            if "alembic_version" in tables else None
    finally:
        connection.close()
    if revision is None:
        raise BackupError("{path} is not a backup of a Muntada archive; choose another one.", path=str(backup_path))
    if revision[0] not in migrations.known_revisions():
        raise BackupError("The backup {path} was written by a newer version of Muntada; install it to restore this "
                          "backup.", path=str(backup_path))


def _is_sqlite_file(path: Path) -> bool:
    """Whether the file starts as every SQLite database does (an empty one counts: SQLite takes it)."""
    from archive.db.engine import SQLITE_HEADER

    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError:  # unreadable or gone: the integrity check that follows says so
        return True
    return header in (b"", SQLITE_HEADER)


def keep_aside(archive_path: Path) -> Path:
    """Copy the archive file as it is (with its WAL journal) into the backups folder; returns the copy.

    A plain file copy, not the online backup: the archive being replaced may be damaged.
    """
    make_private_folder(backups_folder(archive_path))
    _take_out_of_use(archive_path)
    target = new_backup_path(archive_path, BEFORE_RESTORE)
    staged = _staging_name(target)
    try:
        shutil.copyfile(archive_path, staged)
        journal = archive_path.with_name(archive_path.name + "-wal")
        if journal.exists() and journal.stat().st_size > 0:
            shutil.copyfile(journal, target.with_name(target.name + "-wal"))
        place_without_overwriting(staged, target)
    finally:
        staged.unlink(missing_ok=True)
    return target


def _take_out_of_use(archive_path: Path) -> None:
    """Fold the WAL journal into the archive file, making sure no other program has the archive open.

    Leaving WAL mode needs every other connection closed, so it doubles as the check that the
    archive is not in use (SQLite waits up to its busy timeout). A damaged archive cannot be
    checked this way: it is then kept aside as it is, journal included.
    """
    try:
        connection = sqlite3.connect(archive_path, timeout=BUSY_TIMEOUT_SECONDS)
        try:
            connection.execute("PRAGMA journal_mode = DELETE").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        if "locked" in str(error).lower() or "busy" in str(error).lower():
            raise BackupError("The archive {path} is open in another program (another copy of Muntada?). "
                              "Close it and try again; nothing was changed.", path=str(archive_path)) from error


def _renew_generation(archive_path: Path) -> None:
    from archive.db.engine import open_archive
    from archive.services.maintenance import renew_generation

    archive = open_archive(archive_path, create=False)
    try:
        renew_generation(archive)
    finally:
        archive.close()
