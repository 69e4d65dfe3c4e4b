"""Use cases for statistics: headline figures as written, parsed, and where they were read."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive.db import models as m
from archive.services import convert
from archive.services.free_text import copy_free_text
from archive.services.provenance import check_context, check_provenance
from archive.services.records import APPROXIMATIONS, StatisticInput, StatisticRecord
from archive.services.unit import (
    ArchiveOrUnit,
    check_choice,
    check_partial_date,
    clean_text,
    get_or_raise,
    reading,
    require_text,
    resolve_tags,
    write_unit,
)
from archive.text.numbers import parse_figure

KIND = "statistic"


def create_statistic(archive: ArchiveOrUnit, data: StatisticInput) -> StatisticRecord:
    """Store a figure; when no value is given it is parsed from the figure as written."""
    with write_unit(archive) as unit:
        row = m.Statistic()
        _apply(unit.session, row, data)
        unit.session.add(row)
        unit.session.flush()
        unit.record("create", KIND, row.id, after=convert.to_statistic_input(row))
        return convert.to_statistic_record(row)


def update_statistic(archive: ArchiveOrUnit, statistic_id: int, data: StatisticInput) -> StatisticRecord:
    with write_unit(archive) as unit:
        row = unit.get(m.Statistic, KIND, statistic_id)
        before = convert.to_statistic_input(row)
        _apply(unit.session, row, data)
        unit.session.flush()
        unit.record("update", KIND, row.id, before=before, after=convert.to_statistic_input(row))
        return convert.to_statistic_record(row)


def delete_statistic(archive: ArchiveOrUnit, statistic_id: int) -> None:
    with write_unit(archive) as unit:
        row = unit.get(m.Statistic, KIND, statistic_id)
        before = convert.to_statistic_input(row)
        unit.session.delete(row)
        unit.record("delete", KIND, statistic_id, before=before)


def get_statistic(archive: ArchiveOrUnit, statistic_id: int) -> StatisticRecord:
    with reading(archive) as session:
        return convert.to_statistic_record(get_or_raise(session, m.Statistic, KIND, statistic_id))


def list_statistics(
    archive: ArchiveOrUnit,
    event_id: int | None = None,
    speaker_id: int | None = None,
    source_id: int | None = None,
    series_id: int | None = None,
    ids: list[int] | None = None,
) -> list[StatisticRecord]:
    """Figures by date stated (undated last), filtered by event, speaker, source, series of the event, or ids."""
    with reading(archive) as session:
        query = select(m.Statistic).order_by(m.Statistic.stated_on.is_(None), m.Statistic.stated_on, m.Statistic.id)
        for column, value in (
            (m.Statistic.event_id, event_id),
            (m.Statistic.speaker_id, speaker_id),
            (m.Statistic.source_id, source_id),
        ):
            if value is not None:
                query = query.where(column == value)
        if series_id is not None:
            query = query.join(m.Event, m.Statistic.event_id == m.Event.id).where(m.Event.series_id == series_id)
        if ids is not None:
            query = query.where(m.Statistic.id.in_(ids))
        return [convert.to_statistic_record(row) for row in session.scalars(query)]


def _apply(session: Session, row: m.Statistic, data: StatisticInput) -> None:
    copy_free_text(row, data)
    row.figure_text = require_text(data.figure_text, "Figure")
    value, unit, approximation = data.value, clean_text(data.unit), data.approximation
    if value is None:
        parsed = parse_figure(row.figure_text)
        if parsed is not None:
            value = parsed.value
            unit = unit or parsed.unit
            approximation = approximation or parsed.approximation
    row.value = value
    row.unit = unit
    row.approximation = check_choice(approximation, APPROXIMATIONS, "Approximation") if approximation else None
    row.event_id = check_context(session, data.speaker_id, data.event_id, data.session_id)
    row.speaker_id = data.speaker_id
    row.session_id = data.session_id
    row.stated_on = check_partial_date(data.stated_on, "Date")
    row.verified = bool(data.verified)
    check_provenance(session, data.source_id, data.source_start, data.source_end)
    row.source_id = data.source_id
    row.source_start = data.source_start
    row.source_end = data.source_end
    row.tags = resolve_tags(session, data.tags)
