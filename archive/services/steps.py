"""Steps: each change a user makes (an edit, a merge, an import accepted) is one undoable step.

Every write unit (``archive.services.unit.write_unit``) is one step, an ``operation`` row: its
audit entries carry the step's id, and the rows it changed are caught in ``row_change``
(``archive.services.row_capture``). The steps are the undo stack, kept in the archive itself, so
undo works after a restart and the same from the app and the command line:

- an edit step is "done"; undoing it makes it "undone" (redo makes it "done" again);
- a new edit "drops" every undone step: it can no longer be redone (the redo path is cleared);
- undo and redo are steps too (kind "undo"/"redo", ``step_id`` naming the edit), so their own
  rows are caught and a redo is the exact reverse of the undo before it.

Only the rows of the latest ``KEPT_EDITS`` edits (and of every later undo and redo) are kept (an
imported article's text is in them); older edits stay in the audit trail but can no longer be undone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, exists, func, select, update
from sqlalchemy.orm import Session

from archive.db import models as m
from archive.db.engine import Archive
from archive.i18n import N_, tr
from archive.kinds import KIND_LABELS
from archive.services import row_capture
from archive.services.changes import Changes, NetRowChange, changes_of, net_changes

EDIT, UNDO, REDO = "edit", "undo", "redo"
DONE, UNDONE, DROPPED = "done", "undone", "dropped"
PENDING_ID = 0  # the step id of rows caught before their step is stored (ids start at 1)
KEPT_EDITS = 100  # the edits whose rows are kept (their undos and redos are newer, and kept with them)
NAME_LENGTH = 60
_CAPTURE = "muntada_step_capture"  # session.info key: the capture of the step open on the session

STEP_LABELS = {
    "create": N_("Add {kind} “{name}”"),
    "update": N_("Edit {kind} “{name}”"),
    "delete": N_("Delete {kind} “{name}”"),
    "merge": N_("Merge into {kind} “{name}”"),
    "import": N_("Import the article “{name}”"),
    "accept": N_("Accept the proposals of “{name}”"),
    "reject": N_("Reject the proposals of “{name}”"),
}
OTHER_STEP_LABEL = N_("Change {kind} “{name}”")
_NAME_FIELDS = ("name", "title", "figure_text", "text")


@dataclass(frozen=True)
class AuditedChange:
    """What a service wrote to the audit trail in this step (kept to name the step)."""

    action: str
    kind: str
    record_id: int
    form: Any  # the record's form after the change (before it, for a deletion)


@dataclass(frozen=True)
class StepRecord:
    """One step as the history shows it; ``undoable``/``redoable``: on the undo/redo stack, its rows kept."""

    id: int
    at: datetime
    officer: str
    kind: str  # edit, undo, redo
    state: str | None
    step_id: int | None
    action: str | None
    record_kind: str | None
    record_id: int | None
    record_name: str | None
    undoable: bool
    redoable: bool = False

    def label(self) -> str:
        """What the step did, in the user's language: «Edit person “...”»."""
        template = STEP_LABELS.get(self.action or "", OTHER_STEP_LABEL)
        kind = tr(KIND_LABELS[self.record_kind]) if self.record_kind in KIND_LABELS else (self.record_kind or "")
        name = self.record_name or (f"#{self.record_id}" if self.record_id is not None else "")
        return tr(template, kind=kind, name=name)

    def history_label(self) -> str:
        """The label with "Undo:" or "Redo:" in front of undo and redo steps."""
        if self.kind == UNDO:
            return tr("Undo: {step}", step=self.label())
        if self.kind == REDO:
            return tr("Redo: {step}", step=self.label())
        return self.label()


# --- the life of a step (called by the write unit) ----------------------------------------------

def open_step(session: Session, officer: str, kind: str = EDIT) -> m.Operation:
    """Start a step: catch every row changed from now on; returns its ``operation`` row, not yet stored.

    Nothing is written before the step's first real change, so opening a step never takes the
    archive's write lock early: its rows and audit entries carry ``PENDING_ID`` until
    ``close_step`` stores the operation and gives them its id. Only one transaction at a time
    can hold uncommitted rows (SQLite has one writer), so one placeholder id is enough.
    """
    operation = m.Operation(officer=officer, kind=kind)
    session.info[_CAPTURE] = row_capture.start(session.connection(), PENDING_ID)
    return operation


def close_step(session: Session, operation: m.Operation, audited: Sequence[AuditedChange]) -> None:
    """End a step before its commit: stop capturing, store and name it, clear the redo path, forget old rows."""
    session.flush()  # rows the ORM still holds must be written while they are caught
    row_capture.stop(session.info.pop(_CAPTURE))
    rows = net_rows(session, PENDING_ID)
    if not rows and not audited:  # nothing changed (an article already stored, say): no step
        session.execute(delete(m.RowChange).where(m.RowChange.operation_id == PENDING_ID))
        return
    session.add(operation)
    session.flush()
    for model in (m.RowChange, m.AuditEntry):
        session.execute(update(model).where(model.operation_id == PENDING_ID).values(operation_id=operation.id))
    if operation.kind == EDIT:
        _name(session, operation, audited, rows)
        operation.state = DONE if rows else None
        session.execute(update(m.Operation).where(m.Operation.state == UNDONE).values(state=DROPPED))
    _forget_old_rows(session)
    session.flush()


def abandon_step(session: Session) -> None:
    """Stop capturing after a failed step (its transaction is rolled back)."""
    holder = session.info.pop(_CAPTURE, None)
    if holder is not None:
        row_capture.stop(holder)


def _name(session: Session, operation: m.Operation, audited: Sequence[AuditedChange],
          rows: Sequence[NetRowChange]) -> None:
    review = next((row for row in rows if row.table_name == "import_review"), None)
    if review is not None:
        source_id = int((review.after or review.before or {})["source_id"])
        operation.action = "import" if review.before is None else "accept" if len(audited) else "reject"
        operation.record_kind, operation.record_id = "source", source_id
        operation.record_name = _short(session.scalar(select(m.Source.title).where(m.Source.id == source_id)))
        return
    merges = [change for change in audited if change.action == "merge"]
    named = merges or list(audited)
    if not named:  # rows changed but no audit entry: name the first record changed
        first = next((row for row in rows if row.table_name in KIND_LABELS), None)
        if first is None:
            return
        operation.action, operation.record_kind, operation.record_id = "update", first.table_name, first.record_id
        operation.record_name = record_name(first.after or first.before)
        return
    main = named[-1]
    operation.action, operation.record_kind, operation.record_id = main.action, main.kind, main.record_id
    operation.record_name = record_name(main.form)


def record_name(form: Any) -> str | None:
    """A short name for a record from its audit form (its name, title, figure or text)."""
    if not isinstance(form, dict):
        return None
    for field_name in _NAME_FIELDS:
        if form.get(field_name):
            return _short(str(form[field_name]))
    return None


def _short(text: str | None) -> str | None:
    if not text:
        return None
    text = " ".join(text.split())
    return text if len(text) <= NAME_LENGTH else text[: NAME_LENGTH - 1] + "…"


def _forget_old_rows(session: Session) -> None:
    newest_forgotten = (select(m.Operation.id).where(m.Operation.kind == EDIT).order_by(m.Operation.id.desc())
                        .offset(KEPT_EDITS).limit(1).scalar_subquery())
    session.execute(delete(m.RowChange).where(m.RowChange.operation_id <= newest_forgotten))


def net_rows(session: Session, operation_id: int) -> list[NetRowChange]:
    """Each row the step changed, as it was before the step and after it, in the order first changed."""
    rows = session.execute(
        select(m.RowChange.id, m.RowChange.table_name, m.RowChange.row_key, m.RowChange.before, m.RowChange.after)
        .where(m.RowChange.operation_id == operation_id)
        .order_by(m.RowChange.id)
    )
    return net_changes((row.id, row.table_name, row.row_key, row.before, row.after) for row in rows)


def has_rows(session: Session, operation_id: int) -> bool:
    """Whether the rows of the step are still kept (so it can be undone)."""
    return bool(session.scalar(select(exists().where(m.RowChange.operation_id == operation_id))))


# --- reading the steps ---------------------------------------------------------------------------

def to_step_record(session: Session, operation: m.Operation) -> StepRecord:
    on_stack = operation.kind == EDIT and operation.state in (DONE, UNDONE) and has_rows(session, operation.id)
    return StepRecord(
        id=operation.id, at=operation.at, officer=operation.officer, kind=operation.kind, state=operation.state,
        step_id=operation.step_id, action=operation.action, record_kind=operation.record_kind,
        record_id=operation.record_id, record_name=operation.record_name,
        undoable=on_stack and operation.state == DONE, redoable=on_stack and operation.state == UNDONE,
    )


def recent_steps(archive: Archive, limit: int = 20) -> list[StepRecord]:
    """The latest steps, newest first (edits, undos and redos)."""
    with archive.session() as session:
        operations = session.scalars(select(m.Operation).order_by(m.Operation.id.desc()).limit(limit)).all()
        return [to_step_record(session, operation) for operation in operations]


def last_step_id(archive: Archive) -> int:
    """The id of the latest step (0 when there is none): give it to ``changes_since`` later."""
    with archive.session() as session:
        return int(session.scalar(select(func.max(m.Operation.id))) or 0)


def changes_since(archive: Archive, step_id: int) -> tuple[Changes, int]:
    """What the steps after ``step_id`` changed (by this program or any other), and the latest step's id."""
    with archive.session() as session:
        ids = session.scalars(select(m.Operation.id).where(m.Operation.id > step_id).order_by(m.Operation.id)).all()
        changes = Changes()
        for operation_id in ids:
            changes = changes.union(changes_of(net_rows(session, operation_id)))
        return changes, (ids[-1] if ids else step_id)
