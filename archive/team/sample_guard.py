"""The sample archive never reaches the team server: ``team push`` and ``sync`` refuse it.

``muntada demo`` and the app's first start make an archive of invented records; pushed or synced,
they would land on every officer's desktop. The check is here, under both commands and the app,
so no caller can forget it.
"""

from __future__ import annotations

from archive.db import models as m
from archive.db.engine import Archive
from archive.services.maintenance import SAMPLE_MARK
from archive.team.errors import SampleArchiveNotSyncedError


def refuse_sample_archive(archive: Archive) -> None:
    """Raise ``SampleArchiveNotSyncedError`` when ``archive`` is the sample archive."""
    with archive.session() as session:
        mark = session.get(m.ArchiveMeta, SAMPLE_MARK)
    if mark is not None and mark.value == "1":
        raise SampleArchiveNotSyncedError(
            "This is the sample archive, with invented data: it is never synced, so that the team never receives "
            "it. Make an archive of your own: in the app, Settings, Archive location, Choose… and a new file name; "
            "or on the command line (muntada-cli.exe on Windows), muntada --archive NEW.sqlite sync ADDRESS, which "
            "also fills it from the team. Then sync that one.")
