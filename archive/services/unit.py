"""The write path shared by every service: one transaction, its audit entries and its outbox rows.

Every change goes through ``write_unit``: it refuses read-only archives, opens one session, and
``WriteUnit.record`` writes the audit entry (who, when, before and after) and the outbox row
that tells the search index to refresh the record, in the same transaction as the change.
Each outermost write unit is one undoable step (``archive.services.steps``): the rows it
changes are caught for undo, and its audit entries carry the step's id.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archive.db import models as m
from archive.db.engine import Archive
from archive.db.models import AuditEntry, Base, OutboxEntry, Tag
from archive.errors import RecordNotFoundError, ValidationError
from archive.kinds import KIND_LABELS
from archive.services import steps
from archive.services.records import reading_order
from archive.services.referrers import referrers
from archive.text.dates import validate_partial_date
from archive.text.normalize import normalize_arabic

ModelT = TypeVar("ModelT", bound=Base)


@dataclass
class WriteUnit:
    """A session plus the bookkeeping every change must leave behind."""

    session: Session
    officer: str
    operation: m.Operation | None = None  # the step this unit is (None: a unit of no step)
    audited: list[steps.AuditedChange] = field(default_factory=list)

    def record(
        self,
        action: str,
        kind: str,
        record_id: int,
        before: Any = None,
        after: Any = None,
        note: str | None = None,
        removed: bool = False,
    ) -> None:
        """Write the audit entry and the outbox row for one changed record (``removed``: it no longer exists)."""
        self.audit(action, kind, record_id, before, after, note)
        self.enqueue(kind, record_id, "delete" if action == "delete" or removed else "upsert")

    def audit(self, action: str, kind: str, record_id: int, before: Any = None, after: Any = None,
              note: str | None = None) -> None:
        """Write the audit entry of one changed record, as part of this unit's step."""
        before, after = as_json(before), as_json(after)
        self.session.add(
            AuditEntry(
                officer=self.officer,
                action=action,
                record_kind=kind,
                record_id=record_id,
                before=before,
                after=after,
                note=note,
                operation_id=steps.PENDING_ID if self.operation is not None else None,
            )
        )
        self.audited.append(steps.AuditedChange(action, kind, record_id, after if after is not None else before))

    def enqueue(self, kind: str, record_id: int, op: str = "upsert") -> None:
        """Ask the search index to refresh (or drop) one record."""
        self.session.add(OutboxEntry(record_kind=kind, record_id=record_id, op=op))

    def enqueue_referrers(self, kind: str, record_id: int) -> None:
        """Refresh every record that shows this one's name (call before deleting or merging it away)."""
        for referring_kind, referring_id in referrers(self.session, kind, record_id):
            self.enqueue(referring_kind, referring_id)

    def get(self, model: type[ModelT], kind: str, record_id: int | None) -> ModelT:
        return get_or_raise(self.session, model, kind, record_id)


# Where a service works: the archive (it opens its own unit of work) or the unit of work of a
# larger change that calls it (accepting an article's proposals, building the sample archive),
# passed explicitly, so that the whole change is stored all together or not at all.
ArchiveOrUnit = Archive | WriteUnit


@contextmanager
def write_unit(target: ArchiveOrUnit, step_kind: str | None = steps.EDIT) -> Iterator[WriteUnit]:
    """Open a transaction for a change, as one undoable step; commits when the block ends.

    Given the ``WriteUnit`` of a larger change, works inside it (one step, one transaction).
    ``step_kind`` None: a change that is no step (not undone, not on the undo stack: building the
    sample archive); "undo" and "redo" are for ``archive.services.undo`` alone.
    """
    if isinstance(target, WriteUnit):
        yield target
        return
    target.require_writable()
    with target.session() as session:
        unit = WriteUnit(session=session, officer=target.officer)
        if step_kind is None:
            yield unit
            return
        unit.operation = steps.open_step(session, target.officer, step_kind)
        try:
            yield unit
            steps.close_step(session, unit.operation, unit.audited)
        except BaseException:
            steps.abandon_step(session)
            raise


@contextmanager
def reading(target: ArchiveOrUnit) -> Iterator[Session]:
    """A session to read in: the larger change's (which sees what it wrote so far), else a new one."""
    if isinstance(target, WriteUnit):
        yield target.session
        return
    with target.session() as session:
        yield session


def get_or_raise(session: Session, model: type[ModelT], kind: str, record_id: int | None) -> ModelT:
    """The row with this id, or a ``RecordNotFoundError`` naming the kind."""
    row = session.get(model, record_id) if record_id is not None else None
    if row is None:
        raise RecordNotFoundError("{kind} {id} does not exist.", kind=KIND_LABELS.get(kind, kind), id=record_id)
    return row


def check_link(session: Session, model: type[Base], kind: str, record_id: int | None) -> None:
    """Validate an optional link to another record before it is stored."""
    if record_id is not None:
        get_or_raise(session, model, kind, record_id)


def as_json(value: Any) -> Any:
    """A dataclass (or plain value) as JSON-ready data for the audit trail."""
    if value is None:
        return None
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data = dataclasses.asdict(value)  # in the order its form reads, as the history names what changed
        return {field.name: _jsonable(data[field.name]) for field in reading_order(type(value))}
    return _jsonable(value)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    return value


# --- validation helpers -------------------------------------------------------------------------

def clean_text(value: str | None) -> str | None:
    """Trimmed text, or None for empty input."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def require_text(value: str | None, field_label: str) -> str:
    cleaned = clean_text(value)
    if cleaned is None:
        raise ValidationError("{field} must not be empty.", field=field_label)
    return cleaned


def check_choice(value: str, choices: tuple[str, ...], field_label: str) -> str:
    if value not in choices:
        raise ValidationError(
            "{field} must be one of: {choices}.", field=field_label, choices=", ".join(choices)
        )
    return value


def check_partial_date(value: str | None, field_label: str) -> str | None:
    value = clean_text(value)
    if value is not None and not validate_partial_date(value):
        raise ValidationError(
            "{field} must be a date written as YYYY, YYYY-MM or YYYY-MM-DD (got {value}).",
            field=field_label,
            value=value,
        )
    return value


def check_time(value: str | None, field_label: str) -> str | None:
    value = clean_text(value)
    if value is None:
        return None
    parts = value.split(":")
    if len(parts) == 2 and all(part.isdigit() for part in parts):
        hours, minutes = int(parts[0]), int(parts[1])
        if 0 <= hours < 24 and 0 <= minutes < 60:
            return f"{hours:02d}:{minutes:02d}"
    raise ValidationError("{field} must be a time written as HH:MM (got {value}).", field=field_label, value=value)


def check_span(start: int | None, end: int | None, text_length: int | None) -> None:
    """A provenance span must be given whole and lie inside its source text."""
    if start is None and end is None:
        return
    if start is None or end is None or start < 0 or end <= start:
        raise ValidationError("The span in the source must have a start before its end.")
    if text_length is not None and end > text_length:
        raise ValidationError(
            "The span {start}-{end} lies outside the source text ({length} characters).",
            start=start,
            end=end,
            length=text_length,
        )


# --- tags ----------------------------------------------------------------------------------------

def tag_key(name: str) -> str:
    return normalize_arabic(name.lstrip("#")).casefold()


def resolve_tags(session: Session, names: tuple[str, ...]) -> list[Tag]:
    """The Tag rows for these names, created when new; spelling variants share one tag."""
    tags: dict[str, Tag] = {}
    for raw in names:
        name = clean_text(raw)
        if name is None:
            continue
        key = tag_key(name)
        if key in tags:
            continue
        tag = session.scalar(select(Tag).where(Tag.name_key == key))
        if tag is None:
            tag = Tag(name=name, name_key=key)
            session.add(tag)
        tags[key] = tag
    return list(tags.values())


def count_by(session: Session, column: Any, ids: list[int]) -> dict[int, int]:
    """How many rows point at each of ``ids`` through ``column`` (one query)."""
    if not ids:
        return {}
    rows = session.execute(select(column, func.count()).where(column.in_(ids)).group_by(column))
    return {int(row[0]): int(row[1]) for row in rows}
