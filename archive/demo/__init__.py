"""Muntada's sample archive: what a new user browses before they have imported anything.

``create_sample_archive`` writes a new archive file holding two sample forums (retold in our
own words from press coverage) and further invented editions, meetings and speakers of the
same kind, so that browsing, search, briefs and charts have something to show. The data is
clearly sample data: events say "(بيانات تجريبية)" and the archive is marked as a sample.
``muntada demo`` and the desktop app's first run both call it.
"""

from __future__ import annotations

from pathlib import Path

from archive.db.engine import open_archive
from archive.errors import MuntadaError
from archive.services import maintenance

SAMPLE_OFFICER = "منتدى (بيانات تجريبية)"


class SampleArchiveExistsError(MuntadaError):
    """The sample archive is only ever written to a new file."""


def create_sample_archive(path: Path, officer: str = "") -> None:
    """Create the sample archive as a new file at ``path``, marked as sample data, and close it.

    Raises ``SampleArchiveExistsError`` when a non-empty file is already there (nothing is
    changed). If building fails, the half-written file is removed so a later try starts clean.
    """
    from archive.demo.builder import build_sample  # the data modules load only when needed

    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        raise SampleArchiveExistsError(
            "The sample archive is only written to a new file, and {path} already exists.", path=str(path)
        )
    archive = open_archive(path, create=True, officer=officer or SAMPLE_OFFICER)
    try:
        build_sample(archive)
        maintenance.mark_as_sample(archive)
    except BaseException:
        archive.close()
        _remove_archive_files(path)
        raise
    archive.close()


def _remove_archive_files(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)


__all__ = ["create_sample_archive", "SampleArchiveExistsError", "SAMPLE_OFFICER"]
