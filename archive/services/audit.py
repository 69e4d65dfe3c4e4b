"""Reading the audit trail: every create, update, delete and merge, with who, when, before and after.

An undo writes one entry per entry of the step it undoes, with the values swapped (action
"undo"), and a redo one with them as they were (action "redo"). Sync writes entries too
(``archive.team.team_audit``): another officer's change pulled here, named by that officer, with
the note ``FROM_TEAM``; a record a first pull received ("received"); a conflict resolved here
("resolved", with the side kept in its note). ``ACTION_LABELS`` names each action, and
``NOTE_LABELS`` each note stored as a fixed English phrase, for the history the app and the
command line show; the entries are read with those notes in the officer's language.
"""

from __future__ import annotations

import dataclasses

from sqlalchemy import select

from archive.db import models as m
from archive.db.engine import Archive
from archive.i18n import N_, tr
from archive.services import convert
from archive.services.records import AuditRecord

RECEIVED, RESOLVED = "received", "resolved"
ACTION_LABELS = {"create": N_("Created"), "update": N_("Changed"), "delete": N_("Deleted"), "merge": N_("Merged"),
                 "undo": N_("Undone"), "redo": N_("Redone"), RECEIVED: N_("Received from the team"),
                 RESOLVED: N_("Conflict resolved")}
FROM_TEAM = "from the team"
KEPT_MINE = "conflict: this desktop's version kept"
KEPT_THEIRS = "conflict: the team's version kept"
KEPT_FIELDS = "conflict: resolved field by field"
NOTE_LABELS = {FROM_TEAM: N_("by sync, from the team archive"),
               KEPT_MINE: N_("the conflict was resolved by keeping this desktop's version"),
               KEPT_THEIRS: N_("the conflict was resolved by keeping the team's version"),
               KEPT_FIELDS: N_("the conflict was resolved field by field")}


def record_history(archive: Archive, kind: str, record_id: int) -> list[AuditRecord]:
    """The audit entries of one record, oldest first."""
    with archive.session() as session:
        rows = session.scalars(
            select(m.AuditEntry)
            .where(m.AuditEntry.record_kind == kind, m.AuditEntry.record_id == record_id)
            .order_by(m.AuditEntry.id)
        )
        return [_shown(convert.to_audit_record(row)) for row in rows]


def recent_changes(archive: Archive, limit: int = 100) -> list[AuditRecord]:
    """The latest audit entries across the archive, newest first."""
    with archive.session() as session:
        rows = session.scalars(select(m.AuditEntry).order_by(m.AuditEntry.id.desc()).limit(limit))
        return [_shown(convert.to_audit_record(row)) for row in rows]


def _shown(entry: AuditRecord) -> AuditRecord:
    """The entry with a note stored as a fixed phrase in the officer's language."""
    if entry.note in NOTE_LABELS:
        return dataclasses.replace(entry, note=tr(NOTE_LABELS[entry.note]))
    return entry
