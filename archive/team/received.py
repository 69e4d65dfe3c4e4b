"""What pulls wrote to this archive since a given point, whichever program ran them.

A sync run in a terminal (``muntada sync``) while the app is open changes the archive under the
app's screens. Pulls are no undo steps (``archive.services.steps``), so the app's catch-up on
steps does not see them; their audit entries do: each record a pull wrote has one (note
``FROM_TEAM``, or action ``RECEIVED`` for a first pull), as has each conflict resolved
(``archive.team.team_audit``), all written in the change's own transaction. The point is the id
of the newest audit entry (``received_mark``); ``received_since`` returns the records changed
after it, as ``Changes``, and the new point. Nothing here reaches the server.
"""

from __future__ import annotations

from sqlalchemy import func, or_, select

from archive.db import models as m
from archive.db.engine import Archive
from archive.services.audit import FROM_TEAM, RECEIVED, RESOLVED
from archive.services.changes import Changes

CREATED_ACTIONS = frozenset({"create", RECEIVED})
DELETED_ACTIONS = frozenset({"delete", "merge"})


def received_mark(archive: Archive) -> int:
    """The point to give ``received_since`` later: the newest audit entry's id (0 when none)."""
    with archive.engine.connect() as connection:
        return int(connection.execute(select(func.max(m.AuditEntry.id))).scalar() or 0)


def received_since(archive: Archive, mark: int) -> tuple[Changes, int]:
    """The records pulls (and conflict resolutions) changed after ``mark``, and the new mark."""
    entries = m.AuditEntry
    with archive.engine.connect() as connection:
        latest = int(connection.execute(select(func.max(entries.id))).scalar() or 0)
        rows = connection.execute(
            select(entries.record_kind, entries.record_id, entries.action)
            .where(entries.id > mark, entries.id <= latest, entries.operation_id.is_(None),
                   or_(entries.note == FROM_TEAM, entries.action.in_([RECEIVED, RESOLVED])))).all()
    created: dict[str, set[int]] = {}
    updated: dict[str, set[int]] = {}
    deleted: dict[str, set[int]] = {}
    for kind, record_id, action in rows:
        into = created if action in CREATED_ACTIONS else deleted if action in DELETED_ACTIONS else updated
        into.setdefault(kind, set()).add(int(record_id))
    return Changes(created=_frozen(created), updated=_frozen(updated), deleted=_frozen(deleted)), max(latest, mark)


def _frozen(ids: dict[str, set[int]]) -> dict[str, frozenset[int]]:
    return {kind: frozenset(found) for kind, found in ids.items()}
