"""Reading the audit trail: every create, update, delete and merge, with who, when, before and after."""

from __future__ import annotations

from sqlalchemy import select

from archive.db import models as m
from archive.db.engine import Archive
from archive.services import convert
from archive.services.records import AuditRecord


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
