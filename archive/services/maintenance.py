"""Looking after an archive as a whole: what it holds, whether it is sound, and backups."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from archive.db import migrations
from archive.db import models as m
from archive.db.engine import Archive
from archive.i18n import ntr, tr
from archive.kinds import KIND_LABELS
from archive.kinds.registry import KINDS
from archive.services.name_keys import shared_key_notes
from archive.services.records import RECORD_KINDS, ArchiveInfo

SAMPLE_MARK = "sample"
GENERATION_KEY = "generation"  # renewed whenever the archive's contents are replaced wholesale (restore)

# What ``archive_info`` counts: every kind of the registry, and tags.
_COUNTED: dict[str, type[m.Base]] = {**{kind: spec.model for kind, spec in KINDS.items()}, "tag": m.Tag}


@dataclass(frozen=True)
class CheckReport:
    """The result of ``check_archive``: problems make it fail; notes are for information."""

    problems: tuple[str, ...]
    notes: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def archive_info(archive: Archive) -> ArchiveInfo:
    """Counts of every kind of record, file location and size, schema version, pending index work."""
    with archive.session() as session:
        counts = {kind: session.scalar(select(func.count()).select_from(model)) or 0
                  for kind, model in _COUNTED.items()}
        pending = session.scalar(select(func.count()).select_from(m.OutboxEntry)) or 0
        sample = session.get(m.ArchiveMeta, SAMPLE_MARK)
    return ArchiveInfo(
        path=str(archive.path),
        schema_version=archive.schema_version(),
        newest_schema_version=migrations.HEAD_REVISION,
        read_only=archive.read_only,
        size_bytes=archive.path.stat().st_size if archive.path.exists() else 0,
        counts=counts,
        pending_outbox=pending,
        is_sample=sample is not None and sample.value == "1",
    )


def mark_as_sample(archive: Archive) -> None:
    """Flag the archive as holding sample data (shown in the app and by ``muntada info``)."""
    archive.require_writable()
    with archive.session() as session:
        session.merge(m.ArchiveMeta(key=SAMPLE_MARK, value="1"))


def archive_generation(archive: Archive) -> str:
    """Which copy of the archive's contents this is: "" until the contents are first replaced wholesale.

    A restore writes a new value, so anything derived from the archive (the search index records
    the generation it was built from) can tell that it describes other contents and must be rebuilt.
    """
    with archive.session() as session:
        row = session.get(m.ArchiveMeta, GENERATION_KEY)
    return row.value if row is not None else ""


def renew_generation(archive: Archive) -> str:
    """Give the archive a new generation (after its contents were replaced); returns it."""
    archive.require_writable()
    value = uuid.uuid4().hex
    with archive.session() as session:
        session.merge(m.ArchiveMeta(key=GENERATION_KEY, value=value))
    return value


def check_archive(archive: Archive) -> CheckReport:
    """SQLite integrity, foreign keys, outbox rows and provenance spans; never changes anything.

    Notes and problems are in the user's language; SQLite's own words about a damaged page stay
    as SQLite wrote them (a support engineer reads those)."""
    problems: list[str] = []
    notes: list[str] = []
    with archive.engine.connect() as connection:
        integrity = [row[0] for row in connection.execute(text("PRAGMA integrity_check"))]
        if integrity != ["ok"]:
            problems += [tr("Damaged file: {detail}", detail=line) for line in integrity[:20]]
        for table, rowid, parent, _ in connection.execute(text("PRAGMA foreign_key_check")):
            problems.append(tr("Broken link: row {row} of the table {table} points to a missing row of {parent}.",
                               row=rowid, table=table, parent=parent))
        notes += shared_key_notes(connection)
    with archive.session() as session:
        bad_outbox = session.scalar(
            select(func.count()).select_from(m.OutboxEntry).where(
                ~m.OutboxEntry.record_kind.in_(RECORD_KINDS) | ~m.OutboxEntry.op.in_(("upsert", "delete"))
            )
        ) or 0
        if bad_outbox:
            problems.append(ntr("Search queue: {n} row of an unknown kind or operation.",
                                "Search queue: {n} rows of an unknown kind or operation.", bad_outbox))
        pending = session.scalar(select(func.count()).select_from(m.OutboxEntry)) or 0
        notes.append(ntr("{n} change waits for the search index.", "{n} changes wait for the search index.", pending))
        problems += _span_problems(session)
    return CheckReport(problems=tuple(problems), notes=tuple(notes))


def _span_problems(session: Session) -> list[str]:
    problems: list[str] = []
    for model, kind in ((m.Quote, "quote"), (m.Statistic, "statistic")):
        query = (
            select(model.id)
            .join(m.Source, model.source_id == m.Source.id)
            .where(
                (model.source_start < 0)
                | (model.source_end <= model.source_start)
                | (model.source_end > func.length(m.Source.full_text))
            )
        )
        problems += [tr("Provenance: {kind} {id} points outside the text of its source.",
                        kind=tr(KIND_LABELS[kind]), id=record_id)
                     for record_id in session.scalars(query)]
    return problems


def backup_archive(archive: Archive, target: Path | None = None) -> Path:
    """Copy the live archive to a new, verified backup (see ``archive.backups``); returns where it is."""
    from archive.backups import write_backup

    return write_backup(archive, target)
