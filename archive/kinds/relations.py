"""Which records show another record's name: the one description the search index and the services share.

A quote's document shows its speaker's name, a session's its presenters', a source's the names
of the events it covers. When a named record changes (renamed, deleted, merged away), every record
that shows its name must be re-indexed: ``archive.services.unit`` enqueues them before a delete or
merge (the links are gone afterwards), and ``search.records`` expands each changed record to them
when it drains the outbox. Both read ``SHOWN_NAMES``; ``tests/search/test_rename_property.py``
checks it against what a fresh index shows, for every link column of the schema.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.sql.elements import ColumnElement

from archive.db import models as m

# A column of a model or of an association table.
IdColumn = InstrumentedAttribute[Any] | ColumnElement[Any]


@dataclass(frozen=True)
class ShownName:
    """Records of kind ``shown_by`` show the name of a ``named`` record they link to through ``link``.

    ``shown_by_id`` is the id of the showing record in the table ``link`` belongs to (the record
    itself, or an association row's owner). ``passes_on``: records that show the showing record's
    name show the named record's too (a quote shows its event's series).
    """

    named: str
    shown_by: str
    shown_by_id: IdColumn
    link: IdColumn
    passes_on: bool = False


SHOWN_NAMES: tuple[ShownName, ...] = (
    ShownName("person", "quote", m.Quote.id, m.Quote.speaker_id),
    ShownName("person", "statistic", m.Statistic.id, m.Statistic.speaker_id),
    ShownName("person", "session", m.Session.id, m.Session.moderator_id),
    ShownName("person", "session", m.SessionPresenter.session_id, m.SessionPresenter.person_id),
    ShownName("organisation", "person", m.Person.id, m.Person.organisation_id),
    ShownName("organisation", "quote", m.Quote.id, m.Quote.organisation_id),
    ShownName("organisation", "event", m.Event.id, m.Event.organiser_id),
    ShownName("organisation", "session", m.SessionPresenter.session_id, m.SessionPresenter.organisation_id),
    ShownName("series", "event", m.Event.id, m.Event.series_id, passes_on=True),
    ShownName("event", "quote", m.Quote.id, m.Quote.event_id),
    ShownName("event", "statistic", m.Statistic.id, m.Statistic.event_id),
    ShownName("event", "session", m.Session.id, m.Session.event_id),
    ShownName("event", "source", m.source_event.c.source_id, m.source_event.c.event_id),
    ShownName("session", "quote", m.Quote.id, m.Quote.session_id),
    ShownName("session", "statistic", m.Statistic.id, m.Statistic.session_id),
    ShownName("source", "quote", m.Quote.id, m.Quote.source_id),
    ShownName("source", "statistic", m.Statistic.id, m.Statistic.source_id),
)


def shown_by(kind: str) -> tuple[ShownName, ...]:
    """The relations through which other records show the name of a record of ``kind``."""
    return tuple(relation for relation in SHOWN_NAMES if relation.named == kind)


def showing(session: Session, kind: str, record_ids: Iterable[int]) -> dict[str, set[int]]:
    """kind -> ids of the records that show the name of any of ``record_ids`` (of ``kind``), near or far."""
    found: dict[str, set[int]] = {}
    wanted = sorted(set(record_ids))
    for relation in shown_by(kind) if wanted else ():
        ids = set(session.scalars(select(relation.shown_by_id).where(relation.link.in_(wanted))))
        if not ids:
            continue
        found.setdefault(relation.shown_by, set()).update(ids)
        if relation.passes_on:
            for further_kind, further_ids in showing(session, relation.shown_by, ids).items():
                found.setdefault(further_kind, set()).update(further_ids)
    return found


def referrers(session: Session, kind: str, record_id: int) -> list[tuple[str, int]]:
    """(kind, id) of every record that shows this one's name, sorted."""
    return sorted((shown_kind, shown_id) for shown_kind, ids in showing(session, kind, [record_id]).items()
                  for shown_id in ids)
