"""Use cases for series and events (forum editions and meetings)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archive.db import models as m
from archive.errors import ValidationError
from archive.i18n import N_
from archive.services import convert
from archive.services.free_text import copy_free_text
from archive.services.records import (
    EVENT_KINDS,
    PARTNER_ROLES,
    EventInput,
    EventRecord,
    SeriesInput,
    SeriesRecord,
)
from archive.services.unit import (
    ArchiveOrUnit,
    check_choice,
    check_link,
    check_partial_date,
    clean_text,
    count_by,
    get_or_raise,
    reading,
    require_text,
    resolve_tags,
    write_unit,
)
from archive.text.names import organisation_key

EVENT = "event"
SERIES = "series"


# --- series ----------------------------------------------------------------------------------------

def create_series(archive: ArchiveOrUnit, data: SeriesInput) -> SeriesRecord:
    with write_unit(archive) as unit:
        row = m.Series()
        _apply_series(unit.session, row, data)
        unit.session.add(row)
        unit.session.flush()
        unit.record("create", SERIES, row.id, after=data)
        return convert.to_series_record(row)


def update_series(archive: ArchiveOrUnit, series_id: int, data: SeriesInput) -> SeriesRecord:
    with write_unit(archive) as unit:
        row = unit.get(m.Series, SERIES, series_id)
        before = convert.to_series_input(row)
        _apply_series(unit.session, row, data)
        unit.session.flush()
        unit.record("update", SERIES, row.id, before=before, after=convert.to_series_input(row))
        unit.enqueue_referrers(SERIES, row.id)
        return convert.to_series_record(row)


def delete_series(archive: ArchiveOrUnit, series_id: int) -> None:
    """Delete a series; its events stay, outside any series."""
    with write_unit(archive) as unit:
        row = unit.get(m.Series, SERIES, series_id)
        before = convert.to_series_input(row)
        unit.enqueue_referrers(SERIES, series_id)
        unit.session.delete(row)
        unit.record("delete", SERIES, series_id, before=before)


def get_series(archive: ArchiveOrUnit, series_id: int) -> SeriesRecord:
    with reading(archive) as session:
        row = get_or_raise(session, m.Series, SERIES, series_id)
        return convert.to_series_record(row, count_by(session, m.Event.series_id, [row.id]).get(row.id, 0))


def list_series(archive: ArchiveOrUnit) -> list[SeriesRecord]:
    with reading(archive) as session:
        rows = session.scalars(select(m.Series).order_by(m.Series.name)).all()
        counts = count_by(session, m.Event.series_id, [row.id for row in rows])
        return [convert.to_series_record(row, counts.get(row.id, 0)) for row in rows]


def find_or_create_series(archive: ArchiveOrUnit, name: str, organiser_id: int | None = None) -> SeriesRecord:
    """The series called ``name`` (compared across spellings), created when there is none."""
    key = organisation_key(name)
    with reading(archive) as session:
        row = session.scalar(select(m.Series).where(m.Series.name_key == key))
        if row is not None:
            return convert.to_series_record(row)
    return create_series(archive, SeriesInput(name=name, organiser_id=organiser_id))


def _apply_series(session: Session, row: m.Series, data: SeriesInput) -> None:
    copy_free_text(row, data)
    row.name = require_text(data.name, "Name")
    row.name_key = organisation_key(row.name)
    check_link(session, m.Organisation, "organisation", data.organiser_id)
    row.organiser_id = data.organiser_id


# --- events ------------------------------------------------------------------------------------------

def create_event(archive: ArchiveOrUnit, data: EventInput) -> EventRecord:
    with write_unit(archive) as unit:
        row = m.Event()
        _apply_event(unit.session, row, data)
        unit.session.add(row)
        unit.session.flush()
        unit.record("create", EVENT, row.id, after=convert.to_event_input(row))
        return convert.to_event_record(row)


def update_event(archive: ArchiveOrUnit, event_id: int, data: EventInput) -> EventRecord:
    """Replace an event's editable fields; its sessions, quotes and figures are refreshed in search."""
    with write_unit(archive) as unit:
        row = unit.get(m.Event, EVENT, event_id)
        before = convert.to_event_input(row)
        _apply_event(unit.session, row, data)
        unit.session.flush()
        unit.record("update", EVENT, row.id, before=before, after=convert.to_event_input(row))
        return convert.to_event_record(row)


def delete_event(archive: ArchiveOrUnit, event_id: int) -> None:
    """Delete an event and its sessions; its quotes and figures stay, without an event."""
    with write_unit(archive) as unit:
        row = unit.get(m.Event, EVENT, event_id)
        before = convert.to_event_input(row)
        for session_row in row.sessions:
            unit.enqueue_referrers("session", session_row.id)
            unit.record("delete", "session", session_row.id, before=convert.to_session_input(session_row))
        unit.enqueue_referrers(EVENT, event_id)
        unit.session.delete(row)
        unit.record("delete", EVENT, event_id, before=before)


def get_event(archive: ArchiveOrUnit, event_id: int) -> EventRecord:
    with reading(archive) as session:
        row = get_or_raise(session, m.Event, EVENT, event_id)
        return convert.to_event_record(row, _event_counts(session, [row.id]).get(row.id))


def list_events(
    archive: ArchiveOrUnit, series_id: int | None = None, year: int | None = None
) -> list[EventRecord]:
    """Events, newest first (undated last), optionally of one series or one year."""
    with reading(archive) as session:
        query = select(m.Event).order_by(m.Event.start_date.is_(None), m.Event.start_date.desc(), m.Event.id.desc())
        if series_id is not None:
            query = query.where(m.Event.series_id == series_id)
        if year is not None:
            query = query.where(func.substr(m.Event.start_date, 1, 4) == f"{year:04d}")
        rows = session.scalars(query).all()
        counts = _event_counts(session, [row.id for row in rows])
        return [convert.to_event_record(row, counts.get(row.id)) for row in rows]


def event_years(archive: ArchiveOrUnit) -> list[int]:
    """The years in which events took place, newest first."""
    with reading(archive) as session:
        years = session.scalars(
            select(func.substr(m.Event.start_date, 1, 4)).where(m.Event.start_date.is_not(None)).distinct()
        ).all()
    return sorted((int(year) for year in years if year and year.isdigit()), reverse=True)


def _event_counts(session: Session, ids: list[int]) -> dict[int, dict[str, int]]:
    sessions = count_by(session, m.Session.event_id, ids)
    quotes = count_by(session, m.Quote.event_id, ids)
    statistics = count_by(session, m.Statistic.event_id, ids)
    sources = count_by(session, m.source_event.c.event_id, ids)
    return {
        event_id: {
            "session": sessions.get(event_id, 0),
            "quote": quotes.get(event_id, 0),
            "statistic": statistics.get(event_id, 0),
            "source": sources.get(event_id, 0),
        }
        for event_id in ids
    }


def _apply_event(session: Session, row: m.Event, data: EventInput) -> None:
    copy_free_text(row, data)
    row.name = require_text(data.name, "Name")
    check_link(session, m.Series, SERIES, data.series_id)
    row.series_id = data.series_id
    if data.edition is not None and data.edition < 1:
        raise ValidationError("The edition must be a positive number.")
    row.edition = data.edition
    row.kind = check_choice(data.kind, EVENT_KINDS, "Kind")
    row.start_date = check_partial_date(data.start_date, "Start date")
    row.end_date = check_partial_date(data.end_date, "End date")
    if row.start_date and row.end_date and row.end_date < row.start_date:
        raise ValidationError("The end date is before the start date.")
    check_link(session, m.Organisation, "organisation", data.organiser_id)
    row.organiser_id = data.organiser_id
    row.hashtags = _clean_hashtags(data.hashtags)
    row.partners = _partners(session, row, data)
    row.tags = resolve_tags(session, data.tags)


def _clean_hashtags(hashtags: tuple[str, ...]) -> list[str]:
    cleaned: list[str] = []
    for typed in hashtags:
        bare = (clean_text(typed) or "").replace(" ", "_")
        if bare and bare.strip("#"):
            hashtag = "#" + bare.lstrip("#")
            if hashtag not in cleaned:
                cleaned.append(hashtag)
    return cleaned


def _partners(session: Session, row: m.Event, data: EventInput) -> list[m.EventPartner]:
    existing = {(p.organisation_id, p.role): p for p in row.partners}
    partners: dict[tuple[int, str], m.EventPartner] = {}
    for partner in data.partners:
        check_link(session, m.Organisation, "organisation", partner.organisation_id)
        key = (partner.organisation_id, check_choice(partner.role, PARTNER_ROLES, N_("Role")))
        partners[key] = existing.get(key) or m.EventPartner(organisation_id=key[0], role=key[1])
    return list(partners.values())
