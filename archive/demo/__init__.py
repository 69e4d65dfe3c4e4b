"""Muntada's sample archive: what a new user browses before they have imported anything.

``create_sample_archive`` writes a new archive file holding two sample forums (retold in our
own words from press coverage) and further invented editions, meetings and speakers of the
same kind, so that browsing, search, briefs and charts have something to show. The data is
clearly sample data: events say "(بيانات تجريبية)" and the archive is marked as a sample.
``muntada demo`` and the desktop app's first run both call it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from archive.db.engine import open_archive
from archive.errors import MuntadaError
from archive.services import maintenance

SAMPLE_OFFICER = "منتدى (بيانات تجريبية)"


class SampleArchiveExistsError(MuntadaError):
    """The sample archive is only ever written to a new file."""


def create_sample_archive(path: Path, officer: str = "") -> None:
    """Create the sample archive as a new file at ``path``, marked as sample data, and close it.

    Raises ``SampleArchiveExistsError`` when any file is already there (nothing is changed).
    The sample is built in a temporary file beside ``path`` and renamed into place only when
    complete and marked, so a crash never leaves a half-built archive at ``path`` (nor one the
    app would take for the user's own); a temporary file left by a killed build is removed here.
    """
    from archive.backups import BackupError, place_without_overwriting
    from archive.demo.builder import build_sample  # the data modules load only when needed

    path = Path(path)
    if path.exists():
        raise SampleArchiveExistsError(
            "The sample archive is only written to a new file, and {path} already exists.", path=str(path)
        )
    building = path.with_name(f".{path.name}.building")
    _remove_archive_files(building)  # left by a build that was killed
    try:
        archive = open_archive(building, create=True, officer=officer or SAMPLE_OFFICER)
        try:
            build_sample(archive)
            maintenance.mark_as_sample(archive)
        finally:
            archive.close()
        _fold_journal(building)
        try:
            place_without_overwriting(building, path)
        except BackupError:  # another program put a file there meanwhile: it is kept
            raise SampleArchiveExistsError(
                "The sample archive is only written to a new file, and {path} already exists.", path=str(path)
            ) from None
    finally:
        _remove_archive_files(building)


def _fold_journal(path: Path) -> None:
    """Checkpoint and end WAL mode, so the file alone holds everything before it is renamed."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode = DELETE")
    finally:
        connection.close()


def _remove_archive_files(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"),
                     path.with_name(path.name + "-journal")):
        leftover.unlink(missing_ok=True)


__all__ = ["SAMPLE_OFFICER", "SampleArchiveExistsError", "create_sample_archive"]
