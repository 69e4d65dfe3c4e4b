"""The outbox: records whose search-index documents must be refreshed.

Every service writes an outbox row in the same transaction as its change, so the index can
never silently fall behind the database: the search layer drains the outbox after each change
and again at start-up (a crash in between only delays the refresh). Only the changed record is
enqueued; the indexer expands dependents (a renamed person's quotes, an event's sessions).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, select

from archive.db import models as m
from archive.db.engine import Archive


@dataclass(frozen=True)
class OutboxItem:
    id: int
    record_kind: str
    record_id: int
    op: str  # "upsert" or "delete"


def pending(archive: Archive, limit: int = 1000) -> list[OutboxItem]:
    """The oldest outbox rows not yet applied to the index."""
    with archive.session() as session:
        rows = session.scalars(select(m.OutboxEntry).order_by(m.OutboxEntry.id).limit(limit))
        return [OutboxItem(row.id, row.record_kind, row.record_id, row.op) for row in rows]


def pending_count(archive: Archive) -> int:
    with archive.session() as session:
        return session.scalar(select(func.count()).select_from(m.OutboxEntry)) or 0


def acknowledge(archive: Archive, ids: list[int]) -> None:
    """Remove outbox rows once the index holds their changes (works on read-only archives too: no-op)."""
    if not ids or archive.read_only:
        return
    with archive.session() as session:
        for start in range(0, len(ids), 500):
            session.execute(delete(m.OutboxEntry).where(m.OutboxEntry.id.in_(ids[start : start + 500])))
