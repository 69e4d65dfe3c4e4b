"""Use cases for the sessions of an event: panels, workshops, keynotes, presentations, discussions."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive.db import models as m
from archive.errors import ValidationError
from archive.services import convert
from archive.services.free_text import copy_free_text
from archive.services.records import SESSION_KINDS, SessionInput, SessionRecord
from archive.services.unit import (
    ArchiveOrUnit,
    check_choice,
    check_link,
    check_partial_date,
    check_time,
    count_by,
    get_or_raise,
    reading,
    require_text,
    write_unit,
)

KIND = "session"


def create_session(archive: ArchiveOrUnit, data: SessionInput) -> SessionRecord:
    with write_unit(archive) as unit:
        row = m.Session()
        _apply(unit.session, row, data)
        unit.session.add(row)
        unit.session.flush()
        unit.record("create", KIND, row.id, after=convert.to_session_input(row))
        return convert.to_session_record(row)


def update_session(archive: ArchiveOrUnit, session_id: int, data: SessionInput) -> SessionRecord:
    with write_unit(archive) as unit:
        row = unit.get(m.Session, KIND, session_id)
        before = convert.to_session_input(row)
        _apply(unit.session, row, data)
        unit.session.flush()
        unit.record("update", KIND, row.id, before=before, after=convert.to_session_input(row))
        return convert.to_session_record(row)


def delete_session(archive: ArchiveOrUnit, session_id: int) -> None:
    """Delete a session; its quotes and figures stay with the event."""
    with write_unit(archive) as unit:
        row = unit.get(m.Session, KIND, session_id)
        before = convert.to_session_input(row)
        unit.enqueue_referrers(KIND, session_id)
        unit.session.delete(row)
        unit.record("delete", KIND, session_id, before=before)


def get_session(archive: ArchiveOrUnit, session_id: int) -> SessionRecord:
    with reading(archive) as session:
        row = get_or_raise(session, m.Session, KIND, session_id)
        return convert.to_session_record(row, count_by(session, m.Quote.session_id, [row.id]).get(row.id, 0))


def list_sessions(archive: ArchiveOrUnit, event_id: int | None = None) -> list[SessionRecord]:
    """Sessions in programme order (by event, date and time), optionally of one event."""
    with reading(archive) as session:
        query = select(m.Session).order_by(m.Session.event_id, m.Session.date, m.Session.start_time, m.Session.id)
        if event_id is not None:
            query = query.where(m.Session.event_id == event_id)
        rows = session.scalars(query).all()
        counts = count_by(session, m.Quote.session_id, [row.id for row in rows])
        return [convert.to_session_record(row, counts.get(row.id, 0)) for row in rows]


def _apply(session: Session, row: m.Session, data: SessionInput) -> None:
    copy_free_text(row, data)
    check_link(session, m.Event, "event", data.event_id)
    row.event_id = data.event_id
    row.title = require_text(data.title, "Title")
    row.kind = check_choice(data.kind, SESSION_KINDS, "Kind")
    row.date = check_partial_date(data.date, "Date")
    row.start_time = check_time(data.start_time, "Start time")
    row.end_time = check_time(data.end_time, "End time")
    check_link(session, m.Person, "person", data.moderator_id)
    row.moderator_id = data.moderator_id
    if data.attendance is not None and data.attendance < 0:
        raise ValidationError("The attendance cannot be negative.")
    row.attendance = data.attendance
    presenters = []
    for person_id in dict.fromkeys(data.presenter_person_ids):
        check_link(session, m.Person, "person", person_id)
        presenters.append(m.SessionPresenter(person_id=person_id))
    for organisation_id in dict.fromkeys(data.presenter_organisation_ids):
        check_link(session, m.Organisation, "organisation", organisation_id)
        presenters.append(m.SessionPresenter(organisation_id=organisation_id))
    row.presenters = presenters
