"""Undo and redo of the archive's steps, in the domain: the same from the app and the command line.

``undo`` reverts the latest step not yet undone by writing back, row by row, what the step's
rows were before it (``archive.services.steps`` keeps them); ``redo`` re-applies the latest
undone step by reverting its undo. Both are steps of their own, written to the audit trail
(actions "undo" and "redo") and to the search outbox, and both return the ``Changes`` they made.
Because the rows are SQLite's own, a deleted record comes back with its id, its links and its
cascade (an event with its sessions; quotes get their speaker back), and a merge or an accepted
import is undone as a whole.

Undo is refused, and nothing is changed, when a row of the step was changed since by something
that is not a later step still in place (a change made outside Muntada's steps, an older Muntada),
or when writing the rows back would change other records too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from archive.db import models as m
from archive.db.engine import Archive
from archive.errors import MuntadaError
from archive.i18n import tr
from archive.kinds import EDITABLE_KINDS, KIND_LABELS
from archive.services import row_capture, steps
from archive.services.changes import Changes, NetRowChange, changes_of
from archive.services.steps import DONE, EDIT, REDO, UNDO, UNDONE, StepRecord
from archive.services.unit import WriteUnit, write_unit


class NothingToUndoError(MuntadaError):
    """There is no step left to undo (or redo)."""

    exit_code = 1


class UndoRefusedError(MuntadaError):
    """Undoing (or redoing) the step would not be safe; nothing was changed."""


@dataclass(frozen=True)
class UndoOutcome:
    """The step undone or redone, and what that changed."""

    step: StepRecord
    changes: Changes


def undo(archive: Archive) -> UndoOutcome:
    """Revert the latest step not yet undone. Raises ``NothingToUndoError`` or ``UndoRefusedError``."""
    with write_unit(archive, step_kind=UNDO) as unit:
        target = _latest(unit, DONE)
        if target is None:
            raise NothingToUndoError("There is nothing to undo.")
        applied = _latest_application(unit, target.id, (EDIT, REDO))
        return _revert(unit, target, applied, UNDONE, "undo")


def redo(archive: Archive) -> UndoOutcome:
    """Re-apply the latest undone step. Raises ``NothingToUndoError`` or ``UndoRefusedError``."""
    with write_unit(archive, step_kind=REDO) as unit:
        target = _latest(unit, UNDONE)
        if target is None:
            raise NothingToUndoError("There is nothing to redo.")
        applied = _latest_application(unit, target.id, (UNDO,))
        return _revert(unit, target, applied, DONE, "redo")


def next_undo(archive: Archive) -> StepRecord | None:
    """The step ``undo`` would revert (None: nothing to undo)."""
    return _next(archive, DONE)


def next_redo(archive: Archive) -> StepRecord | None:
    """The step ``redo`` would re-apply (None: nothing to redo)."""
    return _next(archive, UNDONE)


def _next(archive: Archive, state: str) -> StepRecord | None:
    with archive.session() as session:
        operation = session.scalar(_latest_query(state))
        return steps.to_step_record(session, operation) if operation is not None else None


def _latest_query(state: str):  # type: ignore[no-untyped-def]
    # Undo takes the newest done edit; redo the oldest undone one (the one undone last).
    order = m.Operation.id.desc() if state == DONE else m.Operation.id.asc()
    return select(m.Operation).where(m.Operation.kind == EDIT, m.Operation.state == state).order_by(order).limit(1)


def _latest(unit: WriteUnit, state: str) -> m.Operation | None:
    operation: m.Operation | None = unit.session.scalar(_latest_query(state))
    return operation


def _latest_application(unit: WriteUnit, edit_id: int, kinds: Sequence[str]) -> int:
    """The step whose rows hold the edit's latest effect: the edit or its latest redo (or its latest undo)."""
    latest_other = unit.session.scalar(
        select(func.max(m.Operation.id)).where(m.Operation.step_id == edit_id, m.Operation.kind.in_(kinds))
    )
    return int(latest_other) if latest_other is not None else edit_id


def _revert(unit: WriteUnit, target: m.Operation, applied_id: int, new_state: str, action: str) -> UndoOutcome:
    assert unit.operation is not None
    record = steps.to_step_record(unit.session, target)
    rows = steps.net_rows(unit.session, applied_id)
    if not rows and not steps.has_rows(unit.session, applied_id):
        raise UndoRefusedError(
            "{step} is too old to be undone: only the latest steps are kept. Edit the record instead.",
            step=record.label(),
        )
    connection = unit.session.connection()
    _refuse_if_changed_since(unit, connection, rows, record)
    connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")  # rows come back one by one
    for row in reversed(rows):
        row_capture.write_row(connection, row.table_name, row.row_key, row.before)
    _refuse_if_more_changed(unit, rows, record)
    target.state = new_state
    operation = unit.operation
    operation.step_id = target.id
    operation.action, operation.record_kind = target.action, target.record_kind
    operation.record_id, operation.record_name = target.record_id, target.record_name
    _audit(unit, target.id, action)
    changes = changes_of(steps.net_rows(unit.session, steps.PENDING_ID))
    _enqueue(unit, changes)
    return UndoOutcome(step=record, changes=changes)


def _refuse_if_changed_since(unit: WriteUnit, connection: Connection, rows: Sequence[NetRowChange],
                             record: StepRecord) -> None:
    for row in rows:
        present = row_capture.current_row(connection, row.table_name, row.row_key)
        if not _same(present, row.after):
            raise UndoRefusedError(
                "{step} cannot be undone: {record} was changed since, outside the steps that can be undone. "
                "Edit it by hand instead.",
                step=record.label(), record=_describe_row(row),
            )


def _refuse_if_more_changed(unit: WriteUnit, rows: Sequence[NetRowChange], record: StepRecord) -> None:
    assert unit.operation is not None
    expected = {(row.table_name, row.row_key) for row in rows}
    for row in steps.net_rows(unit.session, steps.PENDING_ID):
        if (row.table_name, row.row_key) not in expected:
            raise UndoRefusedError(
                "{step} cannot be undone: it would also change {record}, which was added or changed since. "
                "Nothing was changed.",
                step=record.label(), record=_describe_row(row),
            )


def _same(present: dict[str, Any] | None, wanted: dict[str, Any] | None) -> bool:
    """Whether the row is as the step left it (columns added by a later upgrade are not compared)."""
    if present is None or wanted is None:
        return present is None and wanted is None
    return all(present[column] == value for column, value in wanted.items() if column in present)


def _describe_row(row: NetRowChange) -> str:
    """«Person 12» for a record's row; the record a link row belongs to otherwise."""
    changes = changes_of([row])
    for kind in sorted(changes.kinds):
        if kind in KIND_LABELS:
            record_id = min(changes.ids(kind))
            return f"{tr(KIND_LABELS[kind])} {record_id}"
    return row.table_name


def _audit(unit: WriteUnit, edit_id: int, action: str) -> None:
    """One audit entry per entry of the edit: values swapped for an undo, as they were for a redo."""
    entries = unit.session.scalars(
        select(m.AuditEntry).where(m.AuditEntry.operation_id == edit_id)
        .order_by(m.AuditEntry.id)
    ).all()
    if action == "undo":
        entries = list(reversed(entries))
    for entry in entries:
        before, after = (entry.after, entry.before) if action == "undo" else (entry.before, entry.after)
        unit.audit(action, entry.record_kind, entry.record_id, before, after)


def _enqueue(unit: WriteUnit, changes: Changes) -> None:
    """Ask the search index to drop what was removed and refresh what came back or changed."""
    for kind in EDITABLE_KINDS:
        for record_id in sorted(changes.deleted.get(kind, ())):
            unit.enqueue(kind, record_id, "delete")
        for record_id in sorted(changes.created.get(kind, frozenset()) | changes.updated.get(kind, frozenset())):
            unit.enqueue(kind, record_id)
            unit.enqueue_referrers(kind, record_id)
