"""Checks shared by quotes and figures: their links to speaker, event, session and source span."""

from __future__ import annotations

from sqlalchemy.orm import Session

from archive.db import models as m
from archive.errors import ValidationError
from archive.services.unit import check_link, check_span, get_or_raise


def check_context(session: Session, speaker_id: int | None, event_id: int | None, session_id: int | None) -> int | None:
    """Validate speaker, event and session links; returns the event id (taken from the session if missing)."""
    check_link(session, m.Person, "person", speaker_id)
    check_link(session, m.Event, "event", event_id)
    if session_id is not None:
        session_row = get_or_raise(session, m.Session, "session", session_id)
        if event_id is not None and session_row.event_id != event_id:
            raise ValidationError("The session {session} belongs to another event.", session=session_id)
        event_id = session_row.event_id
    return event_id


def check_provenance(session: Session, source_id: int | None, start: int | None, end: int | None) -> None:
    """A span needs a source, and must lie inside that source's text."""
    if source_id is None:
        if start is not None or end is not None:
            raise ValidationError("A span in a source needs the source.")
        return
    source = get_or_raise(session, m.Source, "source", source_id)
    check_span(start, end, len(source.full_text or ""))
