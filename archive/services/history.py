"""Create, change and delete a record of any kind by its kind's name, and say what changed.

What the editors and the record page call: each function is one step of the officer (so one
undo, ``archive.services.undo``) and returns, beside the record, the ``Changes`` the step made,
so that each screen refreshes only what changed. The services themselves come from the kind
registry (``archive.kinds.registry``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

from archive.db.engine import Archive
from archive.errors import EditConflictError
from archive.i18n import join_list, tr
from archive.kinds import KIND_LABELS
from archive.kinds.registry import KINDS, spec_of
from archive.services import steps
from archive.services.changes import Changes
from archive.services.unit import get_or_raise, write_unit

EDITABLE_KINDS = tuple(KINDS)
ResultT = TypeVar("ResultT")


def current_input(archive: Archive, kind: str, record_id: int) -> Any:
    """The editable ``*Input`` form of a stored record (a source with its full text)."""
    spec = spec_of(kind)
    with archive.session() as session:
        return spec.to_input(get_or_raise(session, spec.model, kind, record_id))


def create(archive: Archive, kind: str, data: Any) -> tuple[Any, Changes]:
    """Create a record; returns it and what changed."""
    return with_changes(archive, lambda: spec_of(kind).create(archive, data))


def update(archive: Archive, kind: str, record_id: int, data: Any, based_on: Any = None) -> tuple[Any, Changes]:
    """Change a record's editable fields; returns the updated record and what changed.

    ``based_on`` is the record's input as the officer's form was filled with it. Given, only
    the fields the officer changed are written: a field changed meanwhile by someone else (a
    sync, the command line, another window) keeps its new value, and a field both changed, to
    different values, raises ``EditConflictError`` and writes nothing. Without it, every field
    is replaced by ``data``.
    """
    spec = spec_of(kind)

    def work() -> Any:
        with write_unit(archive) as unit:
            wanted = data
            if based_on is not None:
                stored = spec.to_input(get_or_raise(unit.session, spec.model, kind, record_id))
                wanted = merge_edit(kind, based_on, data, stored)
            return spec.update(unit, record_id, wanted)

    return with_changes(archive, work)


def merge_edit(kind: str, based_on: Any, edited: Any, stored: Any) -> Any:
    """The officer's changes (``edited`` against ``based_on``) applied to the record as ``stored`` now."""
    changed = {field.name: getattr(edited, field.name) for field in dataclasses.fields(edited)
               if getattr(edited, field.name) != getattr(based_on, field.name)}
    clashing = [name for name, value in changed.items()
                if getattr(stored, name) != getattr(based_on, name) and getattr(stored, name) != value]
    if clashing:
        named = [tr(field.label) for field in spec_of(kind).fields() if field.name in clashing]
        raise EditConflictError(
            "This {kind} was changed while you edited it (by a sync, the command line or another window): "
            "{fields}. The form still shows what you typed; save again to keep it, or cancel to keep the other change.",
            kind=KIND_LABELS[kind], fields=join_list(named),
            fields_changed=tuple(clashing), stored=stored)
    return dataclasses.replace(stored, **changed)


def delete(archive: Archive, kind: str, record_id: int) -> Changes:
    """Delete a record (with what goes with it: an event's sessions); returns what changed."""
    return with_changes(archive, lambda: spec_of(kind).delete(archive, record_id))[1]


def with_changes(archive: Archive, work: Callable[[], ResultT]) -> tuple[ResultT, Changes]:
    """Run ``work`` (any services) and return its result with what the steps it made changed."""
    since = steps.last_step_id(archive)
    result = work()
    return result, steps.changes_since(archive, since)[0]
