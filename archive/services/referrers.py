"""Which records show a given record's name, so the search index can refresh them too.

When a person, organisation, event, session or source is deleted or merged away, the rows that
pointed at it lose the link in the same transaction; the indexer could no longer find them
afterwards. Services therefore enqueue these referrers before the change.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive.db import models as m

# kind -> (referring kind, id column of the referrer, link column)
_REFERENCES: dict[str, tuple[tuple[str, object, object], ...]] = {
    "person": (
        ("quote", m.Quote.id, m.Quote.speaker_id),
        ("statistic", m.Statistic.id, m.Statistic.speaker_id),
        ("session", m.Session.id, m.Session.moderator_id),
        ("session", m.SessionPresenter.session_id, m.SessionPresenter.person_id),
    ),
    "organisation": (
        ("person", m.Person.id, m.Person.organisation_id),
        ("quote", m.Quote.id, m.Quote.organisation_id),
        ("event", m.Event.id, m.Event.organiser_id),
        ("event", m.EventPartner.event_id, m.EventPartner.organisation_id),
        ("session", m.SessionPresenter.session_id, m.SessionPresenter.organisation_id),
    ),
    "event": (
        ("quote", m.Quote.id, m.Quote.event_id),
        ("statistic", m.Statistic.id, m.Statistic.event_id),
        ("source", m.source_event.c.source_id, m.source_event.c.event_id),
    ),
    "session": (
        ("quote", m.Quote.id, m.Quote.session_id),
        ("statistic", m.Statistic.id, m.Statistic.session_id),
    ),
    "source": (
        ("quote", m.Quote.id, m.Quote.source_id),
        ("statistic", m.Statistic.id, m.Statistic.source_id),
    ),
    "series": (("event", m.Event.id, m.Event.series_id),),
}


def referrers(session: Session, kind: str, record_id: int) -> list[tuple[str, int]]:
    """(kind, id) of every record linked to this one, without repeats."""
    found: dict[tuple[str, int], None] = {}
    for referring_kind, id_column, link_column in _REFERENCES.get(kind, ()):
        for referring_id in session.scalars(select(id_column).where(link_column == record_id)):
            found[(referring_kind, referring_id)] = None
    return list(found)
