"""The browse lists' rows of a few records, read again after a step: what each list must update.

The app's lists (events with their sessions by series, people, organisations, sources) show
names and counts. After a step, ``rows_after(archive, changes)`` reads, in one go, only the
records the step touched (``archive.services.changes.Changes``):

- the records of the listed kinds it created or updated;
- the records whose counts it may have changed (``Changes.relinked``: a quote moved from one
  speaker to another changes both people's counts, a new quote its event's, session's and
  source's);
- the records that show the name of a record it updated (``archive.kinds.relations``: a renamed
  organisation changes the rows of its people), one link away.

Each is read as the list reads it (``list_people`` and the others: the same records, with the
same counts), and records deleted or no longer found are given as removed. When a step touched
more than ``ROW_LIMIT`` records (a large import, a restore), reading them one by one is no
cheaper than the whole lists: ``rows_after`` returns None and the lists reload whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive.db import models as m
from archive.db.engine import Archive
from archive.kinds.relations import shown_by
from archive.services import convert
from archive.services.changes import Changes
from archive.services.unit import count_by

ROW_LIMIT = 500  # more records touched than this: the lists reload whole (see desktop.gui.browse)
LISTED_KINDS = ("series", "event", "session", "person", "organisation", "source")
_CHUNK = 500  # ids per IN (...) (SQLite allows more; this keeps each statement short)


@dataclass(frozen=True)
class ListRows:
    """The records to show again (kind -> id -> record, as the lists show it) and those to take away."""

    records: Mapping[str, Mapping[int, Any]] = field(default_factory=dict)
    removed: Mapping[str, frozenset[int]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return any(self.records.values()) or any(self.removed.values())

    def of(self, kind: str) -> tuple[Mapping[int, Any], frozenset[int]]:
        """The records of ``kind`` to show again and the ids of those to take away."""
        return self.records.get(kind, {}), self.removed.get(kind, frozenset())


def rows_after(archive: Archive, changes: Changes, limit: int = ROW_LIMIT) -> ListRows | None:
    """The list rows ``changes`` made stale, read again; None when there are more than ``limit``."""
    if changes.record_count > limit:
        return None
    with archive.session() as session:
        wanted = touched_records(session, changes)
        if sum(len(ids) for ids in wanted.values()) > limit:
            return None
        records: dict[str, dict[int, Any]] = {}
        removed: dict[str, frozenset[int]] = {}
        for kind in LISTED_KINDS:
            found = _READERS[kind](session, sorted(wanted.get(kind, ()))) if wanted.get(kind) else {}
            records[kind] = found
            removed[kind] = frozenset((wanted.get(kind, set()) | changes.deleted.get(kind, frozenset())) - set(found))
        return ListRows(records, removed)


def touched_records(session: Session, changes: Changes) -> dict[str, set[int]]:
    """kind -> ids of the listed records whose rows ``changes`` may have made stale (see the module)."""
    wanted: dict[str, set[int]] = {kind: set() for kind in LISTED_KINDS}
    for kind in LISTED_KINDS:
        wanted[kind] |= changes.created.get(kind, frozenset()) | changes.updated.get(kind, frozenset())
        wanted[kind] |= changes.relinked.get(kind, frozenset())
    for kind, ids in changes.updated.items():
        for relation in shown_by(kind):
            if relation.shown_by in wanted and ids:
                wanted[relation.shown_by].update(
                    session.scalars(select(relation.shown_by_id).where(relation.link.in_(sorted(ids)))))
    return wanted


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start:start + _CHUNK]


def _rows(session: Session, model: Any, ids: list[int]) -> list[Any]:
    rows: list[Any] = []
    for chunk in _chunks(ids):
        rows.extend(session.scalars(select(model).where(model.id.in_(chunk))))
    return rows


def _people(session: Session, ids: list[int]) -> dict[int, Any]:
    rows = _rows(session, m.Person, ids)
    quotes = count_by(session, m.Quote.speaker_id, ids)
    figures = count_by(session, m.Statistic.speaker_id, ids)
    return {row.id: convert.to_person_record(row, quotes.get(row.id, 0), figures.get(row.id, 0)) for row in rows}


def _organisations(session: Session, ids: list[int]) -> dict[int, Any]:
    rows = _rows(session, m.Organisation, ids)
    people = count_by(session, m.Person.organisation_id, ids)
    quotes = count_by(session, m.Quote.organisation_id, ids)
    return {row.id: convert.to_organisation_record(row, people.get(row.id, 0), quotes.get(row.id, 0))
            for row in rows}


def _sources(session: Session, ids: list[int]) -> dict[int, Any]:
    rows = _rows(session, m.Source, ids)
    quotes = count_by(session, m.Quote.source_id, ids)
    figures = count_by(session, m.Statistic.source_id, ids)
    return {row.id: convert.to_source_record(row, False, quotes.get(row.id, 0), figures.get(row.id, 0))
            for row in rows}


def _events(session: Session, ids: list[int]) -> dict[int, Any]:
    rows = _rows(session, m.Event, ids)
    counts = {kind: count_by(session, column, ids) for kind, column in (
        ("session", m.Session.event_id), ("quote", m.Quote.event_id), ("statistic", m.Statistic.event_id),
        ("source", m.source_event.c.event_id))}
    return {row.id: convert.to_event_record(row, {kind: found.get(row.id, 0) for kind, found in counts.items()})
            for row in rows}


def _sessions(session: Session, ids: list[int]) -> dict[int, Any]:
    rows = _rows(session, m.Session, ids)
    quotes = count_by(session, m.Quote.session_id, ids)
    return {row.id: convert.to_session_record(row, quotes.get(row.id, 0)) for row in rows}


def _series(session: Session, ids: list[int]) -> dict[int, Any]:
    rows = _rows(session, m.Series, ids)
    events = count_by(session, m.Event.series_id, ids)
    return {row.id: convert.to_series_record(row, events.get(row.id, 0)) for row in rows}


_READERS: dict[str, Callable[[Session, list[int]], dict[int, Any]]] = {
    "series": _series, "event": _events, "session": _sessions, "person": _people,
    "organisation": _organisations, "source": _sources,
}
