"""Use cases for sources: press articles and other documents, stored once each with their full text.

The full text is what provenance spans point into, so it never changes after it is stored;
its content hash (of the text with line endings and spacing evened out) keeps the same article
from being stored twice.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive.db import models as m
from archive.errors import ValidationError
from archive.i18n import N_
from archive.services import convert
from archive.services.free_text import copy_free_text
from archive.services.records import SOURCE_KINDS, SavedSource, SourceInput, SourceRecord
from archive.services.unit import (
    ArchiveOrUnit,
    as_json,
    check_choice,
    check_partial_date,
    count_by,
    get_or_raise,
    reading,
    resolve_tags,
    write_unit,
)

KIND = "source"
_SPACES = re.compile(r"\s+")


def content_hash(full_text: str) -> str:
    """The identity of an article's text: SHA-256 of the NFC text with all runs of white space as one space."""
    canonical = _SPACES.sub(" ", unicodedata.normalize("NFC", full_text)).strip()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def add_source(archive: ArchiveOrUnit, data: SourceInput) -> SavedSource:
    """Store a source, or return the one already stored with the same text (changing nothing)."""
    if not data.full_text or not data.full_text.strip():
        raise ValidationError("The source has no text.")
    digest = content_hash(data.full_text)
    with write_unit(archive) as unit:
        existing = unit.session.scalar(select(m.Source).where(m.Source.content_hash == digest))
        if existing is not None:
            return SavedSource(source=convert.to_source_record(existing), already_present=True)
        row = m.Source(full_text=data.full_text, content_hash=digest)
        _apply(unit.session, row, data)
        unit.session.add(row)
        unit.session.flush()
        unit.record("create", KIND, row.id, after=_audit_form(row))
        return SavedSource(source=convert.to_source_record(row), already_present=False)


def update_source(archive: ArchiveOrUnit, source_id: int, data: SourceInput) -> SourceRecord:
    """Replace a source's details (outlet, title, dates, events, tags); its text cannot change."""
    with write_unit(archive) as unit:
        row = unit.get(m.Source, KIND, source_id)
        if data.full_text and content_hash(data.full_text) != row.content_hash:
            raise ValidationError("The text of a stored source cannot be changed; quotes point into it.")
        before = _audit_form(row)
        _apply(unit.session, row, data)
        unit.session.flush()
        unit.record("update", KIND, row.id, before=before, after=_audit_form(row))
        return convert.to_source_record(row)


def link_source_to_event(archive: ArchiveOrUnit, source_id: int, event_id: int) -> SourceRecord:
    """Record that a source covers an event."""
    with reading(archive) as session:
        current = convert.to_source_input(get_or_raise(session, m.Source, KIND, source_id))
    event_ids = tuple(dict.fromkeys((*current.event_ids, event_id)))
    return update_source(archive, source_id, dataclasses.replace(current, full_text="", event_ids=event_ids))


def delete_source(archive: ArchiveOrUnit, source_id: int) -> None:
    """Delete a source; quotes and figures read from it stay, without provenance."""
    with write_unit(archive) as unit:
        row = unit.get(m.Source, KIND, source_id)
        before = _audit_form(row)
        unit.enqueue_referrers(KIND, source_id)
        unit.session.delete(row)
        unit.record("delete", KIND, source_id, before=before)


def get_source(archive: ArchiveOrUnit, source_id: int) -> SourceRecord:
    """A source with its full text."""
    with reading(archive) as session:
        row = get_or_raise(session, m.Source, KIND, source_id)
        quotes = count_by(session, m.Quote.source_id, [row.id]).get(row.id, 0)
        statistics = count_by(session, m.Statistic.source_id, [row.id]).get(row.id, 0)
        return convert.to_source_record(row, with_text=True, quote_count=quotes, statistic_count=statistics)


def list_sources(archive: ArchiveOrUnit, event_id: int | None = None) -> list[SourceRecord]:
    """Sources, newest publication first (undated last), without their text."""
    with reading(archive) as session:
        query = select(m.Source).order_by(m.Source.published_on.is_(None), m.Source.published_on.desc(), m.Source.id)
        if event_id is not None:
            query = query.where(m.Source.events.any(m.Event.id == event_id))
        rows = session.scalars(query).all()
        ids = [row.id for row in rows]
        quotes = count_by(session, m.Quote.source_id, ids)
        statistics = count_by(session, m.Statistic.source_id, ids)
        return [convert.to_source_record(row, False, quotes.get(row.id, 0), statistics.get(row.id, 0)) for row in rows]


def _audit_form(row: m.Source) -> dict[str, Any]:
    # The full text is immutable and can be large: the audit trail keeps its hash instead.
    form: dict[str, Any] = as_json(convert.to_source_input(row))
    form["full_text"] = None
    form["content_hash"] = row.content_hash
    return form


def _apply(session: Session, row: m.Source, data: SourceInput) -> None:
    copy_free_text(row, data)
    row.kind = check_choice(data.kind, SOURCE_KINDS, N_("Kind"))
    row.published_on = check_partial_date(data.published_on, N_("Publication date"))
    row.events = [get_or_raise(session, m.Event, "event", event_id) for event_id in dict.fromkeys(data.event_ids)]
    row.tags = resolve_tags(session, data.tags)
