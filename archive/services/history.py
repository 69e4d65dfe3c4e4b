"""Create, change and delete a record of any kind by its kind's name, and say what changed.

What the editors and the record page call: each function is one step of the officer (so one
undo, ``archive.services.undo``) and returns, beside the record, the ``Changes`` the step made,
so that each screen refreshes only what changed. The services themselves come from the kind
registry (``archive.kinds.registry``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from archive.db.engine import Archive
from archive.kinds.registry import KINDS, spec_of
from archive.services import steps
from archive.services.changes import Changes
from archive.services.unit import get_or_raise

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


def update(archive: Archive, kind: str, record_id: int, data: Any) -> tuple[Any, Changes]:
    """Replace a record's editable fields; returns the updated record and what changed."""
    return with_changes(archive, lambda: spec_of(kind).update(archive, record_id, data))


def delete(archive: Archive, kind: str, record_id: int) -> Changes:
    """Delete a record (with what goes with it: an event's sessions); returns what changed."""
    return with_changes(archive, lambda: spec_of(kind).delete(archive, record_id))[1]


def with_changes(archive: Archive, work: Callable[[], ResultT]) -> tuple[ResultT, Changes]:
    """Run ``work`` (any services) and return its result with what the steps it made changed."""
    since = steps.last_step_id(archive)
    result = work()
    return result, steps.changes_since(archive, since)[0]
