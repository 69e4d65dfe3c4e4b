"""Use cases for quotes: what speakers said, with their title as printed and where it was read."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive.db import models as m
from archive.services import convert
from archive.services.free_text import copy_free_text
from archive.services.provenance import check_context, check_provenance
from archive.services.records import SPEECH_KINDS, QuoteInput, QuoteRecord
from archive.services.unit import (
    ArchiveOrUnit,
    check_choice,
    check_link,
    check_partial_date,
    get_or_raise,
    reading,
    require_text,
    resolve_tags,
    write_unit,
)

KIND = "quote"


def create_quote(archive: ArchiveOrUnit, data: QuoteInput) -> QuoteRecord:
    with write_unit(archive) as unit:
        row = m.Quote()
        _apply(unit.session, row, data)
        unit.session.add(row)
        unit.session.flush()
        unit.record("create", KIND, row.id, after=convert.to_quote_input(row))
        return convert.to_quote_record(row)


def update_quote(archive: ArchiveOrUnit, quote_id: int, data: QuoteInput) -> QuoteRecord:
    with write_unit(archive) as unit:
        row = unit.get(m.Quote, KIND, quote_id)
        before = convert.to_quote_input(row)
        _apply(unit.session, row, data)
        unit.session.flush()
        unit.record("update", KIND, row.id, before=before, after=convert.to_quote_input(row))
        return convert.to_quote_record(row)


def delete_quote(archive: ArchiveOrUnit, quote_id: int) -> None:
    with write_unit(archive) as unit:
        row = unit.get(m.Quote, KIND, quote_id)
        before = convert.to_quote_input(row)
        unit.session.delete(row)
        unit.record("delete", KIND, quote_id, before=before)


def get_quote(archive: ArchiveOrUnit, quote_id: int) -> QuoteRecord:
    with reading(archive) as session:
        return convert.to_quote_record(get_or_raise(session, m.Quote, KIND, quote_id))


def list_quotes(
    archive: ArchiveOrUnit,
    event_id: int | None = None,
    speaker_id: int | None = None,
    session_id: int | None = None,
    source_id: int | None = None,
    ids: list[int] | None = None,
) -> list[QuoteRecord]:
    """Quotes by date said (undated last), filtered by any of event, speaker, session, source or ids."""
    with reading(archive) as session:
        query = select(m.Quote).order_by(m.Quote.said_on.is_(None), m.Quote.said_on, m.Quote.id)
        for column, value in (
            (m.Quote.event_id, event_id),
            (m.Quote.speaker_id, speaker_id),
            (m.Quote.session_id, session_id),
            (m.Quote.source_id, source_id),
        ):
            if value is not None:
                query = query.where(column == value)
        if ids is not None:
            query = query.where(m.Quote.id.in_(ids))
        return [convert.to_quote_record(row) for row in session.scalars(query)]


def _apply(session: Session, row: m.Quote, data: QuoteInput) -> None:
    copy_free_text(row, data)
    row.text = require_text(data.text, "Text")
    row.event_id = check_context(session, data.speaker_id, data.event_id, data.session_id)
    row.speaker_id = data.speaker_id
    row.session_id = data.session_id
    check_link(session, m.Organisation, "organisation", data.organisation_id)
    row.organisation_id = data.organisation_id
    row.speech = check_choice(data.speech, SPEECH_KINDS, "Speech")
    row.said_on = check_partial_date(data.said_on, "Date")
    row.verified = bool(data.verified)
    check_provenance(session, data.source_id, data.source_start, data.source_end)
    row.source_id = data.source_id
    row.source_start = data.source_start
    row.source_end = data.source_end
    row.tags = resolve_tags(session, data.tags)
