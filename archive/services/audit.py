"""Reading the audit trail: every create, update, delete and merge, with who, when, before and after.

An undo writes one entry per entry of the step it undoes, with the values swapped (action
"undo"), and a redo one with them as they were (action "redo"). ``ACTION_LABELS`` names each
action for the history the app and the command line show.
"""

from __future__ import annotations

from sqlalchemy import select

from archive.db import models as m
from archive.db.engine import Archive
from archive.i18n import N_
from archive.services import convert
from archive.services.records import AuditRecord

ACTION_LABELS = {"create": N_("Created"), "update": N_("Changed"), "delete": N_("Deleted"), "merge": N_("Merged"),
                 "undo": N_("Undone"), "redo": N_("Redone")}


def record_history(archive: Archive, kind: str, record_id: int) -> list[AuditRecord]:
    """The audit entries of one record, oldest first."""
    with archive.session() as session:
        rows = session.scalars(
            select(m.AuditEntry)
            .where(m.AuditEntry.record_kind == kind, m.AuditEntry.record_id == record_id)
            .order_by(m.AuditEntry.id)
        )
        return [convert.to_audit_record(row) for row in rows]


def recent_changes(archive: Archive, limit: int = 100) -> list[AuditRecord]:
    """The latest audit entries across the archive, newest first."""
    with archive.session() as session:
        rows = session.scalars(select(m.AuditEntry).order_by(m.AuditEntry.id.desc()).limit(limit))
        return [convert.to_audit_record(row) for row in rows]
