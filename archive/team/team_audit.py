"""The audit trail of what sync writes on this desktop: other officers' changes, and conflicts resolved.

Sync writes rows straight from the wire (``archive.team.local``), not through the services, so it
writes its own audit entries, in the pull's (or the resolution's) transaction, as the services do:

- **a pulled change** (a log entry of the server) gets one entry on the record it changes (a link
  row, an alias or a tag of a quote, on the record it belongs to), named by the officer the server
  logged (``sync_change.officer``: the login that pushed it), at the time the server logged it,
  with the record's form before and after (``KindSpec.to_input``, as the services write it) and
  the note ``FROM_TEAM``. Several entries of one officer on one record in one pull are one entry.
- **a desktop's first pull** reads the team archive itself, not its log: each record written gets
  one entry, action ``RECEIVED``, named by the officer of its latest change on the server (the
  log's, or for a record uploaded by ``team push`` and not changed since, the server's copy of
  the first desktop's audit trail). No forms: a whole archive's would double the first pull.
- **a conflict resolved** gets one entry, action ``RESOLVED``, named by this desktop's officer (who
  resolved it; unnamed, by its login on the team server: ``resolver``), with the record's form
  before and after and a note saying which side was kept.

None of these are steps (``archive.services.steps``): a pulled change is another officer's work,
not on this desktop's undo stack (docs/undo.md). ``audit_entry`` is no shared table, so no entry is
ever pushed back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.dialects.postgresql import distinct_on
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from archive.db import models as m
from archive.kinds.registry import KINDS
from archive.services.audit import FROM_TEAM, RECEIVED, RESOLVED
from archive.services.unit import as_json
from archive.team import local
from archive.team.errors import TeamAddressError
from archive.team.server import parse_address
from archive.team.wire import CHUNK, SharedTable, UidMap


def owner_column(shared: SharedTable) -> str | None:
    """The link of a row that belongs to a record (an alias's person, a tag link's quote): its first link."""
    if shared.id_column is not None and shared.name in KINDS:
        return None
    return next(iter(shared.links), None)


@dataclass
class _Open:
    """One officer's changes to one record in this transaction, not written yet (notes: ``archive.services.audit``)."""

    officer: str
    at: datetime | None
    before: dict[str, Any] | None
    merged_into: int | None = None


class RecordForms:
    """The forms of records as their editors show them, read on the sync's own connection."""

    def __init__(self, connection: Connection, uids: UidMap) -> None:
        self.connection = connection
        self.uids = uids
        self.session = Session(bind=connection)

    def owner(self, shared: SharedTable, uid: str, wire: Mapping[str, Any] | None) -> tuple[str, int] | None:
        """The record (kind, local id) that the row ``uid`` belongs to here; None: none (yet)."""
        if shared.name in KINDS:
            record_id = self.uids.id_of(shared.name, uid)
            return (shared.name, record_id) if record_id is not None else None
        column = owner_column(shared)
        if column is None or shared.links[column] not in KINDS:
            return None
        target = shared.links[column]
        if wire is not None and wire.get(column) is not None:
            record_id = self.uids.id_of(target, str(wire[column]))
        else:
            present = local.row_by_uid(self.connection, shared, uid)
            record_id = present[column] if present is not None else None
        return (target, int(record_id)) if record_id is not None else None

    def form(self, kind: str, record_id: int) -> dict[str, Any] | None:
        """The record's form as it is now in this transaction; None: not here."""
        return self.forms(kind, [record_id]).get(record_id)

    def forms(self, kind: str, record_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
        """The forms of these records as they are now (those here), read together: one query per relation
        for many records rather than for each (a pull of 100 changes read them in 1.1 s one by one)."""
        model = KINDS[kind].model
        wanted = sorted(set(record_ids))
        found: dict[int, dict[str, Any]] = {}
        try:
            for start in range(0, len(wanted), CHUNK):
                rows = self.session.scalars(select(model).where(
                    model.id.in_(wanted[start:start + CHUNK])))  # type: ignore[attr-defined]
                for row in rows:
                    form = as_json(KINDS[kind].to_input(row))
                    if isinstance(form, dict):
                        found[int(row.id)] = form  # type: ignore[attr-defined]
        finally:
            self.session.expunge_all()  # read afresh next time; an identity map that grows would slow each read
        return found

    def close(self) -> None:
        self.session.close()


class PulledAudit:
    """Collects the audit entries of a pull's changes (see the module's docstring) and writes them at the end.

    ``before`` is called before an entry is written here, ``after`` once it is (for a row inserted
    in a batch, once the batch is); ``flush`` writes the rows still batched, before a form is read.
    """

    def __init__(self, connection: Connection, uids: UidMap, flush: Callable[[], None]) -> None:
        self.forms = RecordForms(connection, uids)
        self.flush = flush
        self.open: dict[tuple[str, int], _Open] = {}
        self.ready: dict[tuple[str, int], dict[str, Any] | None] = {}  # forms read ahead (``prepare``)
        self.closed: list[dict[str, Any]] = []

    def prepare(self, rows: Iterable[tuple[SharedTable, str, Mapping[str, Any] | None]]) -> None:
        """Read together the forms of the records these rows (table, uid, wire) change, before they are applied."""
        wanted: dict[str, set[int]] = {}
        for shared, uid, wire in rows:
            owner = self.forms.owner(shared, uid, wire)
            if owner is not None and owner not in self.open and owner not in self.ready:
                wanted.setdefault(owner[0], set()).add(owner[1])
        for kind, record_ids in wanted.items():
            found = self.forms.forms(kind, record_ids)
            self.ready.update({(kind, record_id): found.get(record_id) for record_id in record_ids})

    def before(self, shared: SharedTable, uid: str, wire: Mapping[str, Any] | None, officer: str,
               at: datetime | None, merged_into: str | None = None) -> None:
        owner = self.forms.owner(shared, uid, wire)
        if owner is None:
            return  # a new record: ``after`` opens it
        self._touch(owner, officer, at)
        if merged_into is not None and shared.name in KINDS:
            self.open[owner].merged_into = self.forms.uids.id_of(shared.name, merged_into)

    def after(self, shared: SharedTable, uid: str, wire: Mapping[str, Any] | None, officer: str,
              at: datetime | None) -> None:
        owner = self.forms.owner(shared, uid, wire)
        if owner is not None and owner not in self.open:
            self.open[owner] = _Open(officer, at, None)  # made by this pull

    def _touch(self, owner: tuple[str, int], officer: str, at: datetime | None) -> None:
        known = self.open.get(owner)
        if known is not None and known.officer == officer:
            known.at = at or known.at
            return
        if known is None and owner in self.ready:
            form = self.ready.pop(owner)
        else:
            self.flush()
            form = self.forms.form(*owner)
        if known is not None:  # another officer's change follows: the first one's ends here
            self._close(owner, known, form)
        self.open[owner] = _Open(officer, at, form)

    def _close(self, owner: tuple[str, int], change: _Open, after: dict[str, Any] | None) -> None:
        kind, record_id = owner
        if change.before is None and after is None:
            return  # made and removed again within the pull
        if change.before is None:
            action = "create"
        elif after is None:
            action = "merge" if change.merged_into is not None else "delete"
            after = {"merged_into": change.merged_into} if change.merged_into is not None else None
        elif after == change.before:
            return  # nothing the officer sees changed (a timestamp)
        else:
            action = "update"
        self.closed.append({"at": change.at or now(), "officer": change.officer, "action": action,
                            "record_kind": kind, "record_id": record_id, "before": change.before, "after": after,
                            "note": FROM_TEAM, "operation_id": None})

    def write(self) -> int:
        """Write the entries collected (the pull's writes are done); returns how many."""
        self.flush()
        by_kind: dict[str, set[int]] = {}
        for kind, record_id in self.open:
            by_kind.setdefault(kind, set()).add(record_id)
        after = {kind: self.forms.forms(kind, record_ids) for kind, record_ids in by_kind.items()}
        for owner, change in self.open.items():
            self._close(owner, change, after[owner[0]].get(owner[1]))
        self.open = {}
        self.ready = {}
        self.close()
        if self.closed:
            self.forms.connection.execute(insert(m.AuditEntry), self.closed)
        return len(self.closed)

    def close(self) -> None:
        self.forms.close()


def write_received(connection: Connection, uids: UidMap, received: list[tuple[str, str, str, datetime | None]]) -> int:
    """One ``RECEIVED`` entry per record (table, uid, officer, at) a first pull wrote; returns how many."""
    rows = []
    when = now()
    for table_name, uid, officer, at in received:
        record_id = uids.id_of(table_name, uid)
        if record_id is not None:
            rows.append({"at": at or when, "officer": officer, "action": RECEIVED, "record_kind": table_name,
                         "record_id": record_id, "before": None, "after": None, "note": FROM_TEAM,
                         "operation_id": None})
    for start in range(0, len(rows), 5000):
        connection.execute(insert(m.AuditEntry), rows[start:start + 5000])
    return len(rows)


def authors(server: Connection, newest: int) -> tuple[dict[str, tuple[str, datetime]], dict[tuple[str, int],
                                                                                             tuple[str, datetime]]]:
    """Who changed each row last on the server, and when: by uid from its log (up to ``newest``), and by
    (kind, server id) from its audit trail (the first desktop's, uploaded by ``team push``)."""
    log = m.SyncChange.__table__
    by_uid = {row.uid: (row.officer, row.at) for row in server.execute(
        select(log.c.uid, log.c.officer, log.c.at).where(log.c.seq <= newest)
        .ext(distinct_on(log.c.uid)).order_by(log.c.uid, log.c.seq.desc()))}
    trail = m.AuditEntry.__table__
    by_record = {(row.record_kind, int(row.record_id)): (row.officer, row.at) for row in server.execute(
        select(trail.c.record_kind, trail.c.record_id, trail.c.officer, trail.c.at)
        .ext(distinct_on(trail.c.record_kind, trail.c.record_id))
        .order_by(trail.c.record_kind, trail.c.record_id, trail.c.id.desc()))}
    return by_uid, by_record


def write_resolution(connection: Connection, uids: UidMap, shared: SharedTable, uid: str,
                     wire: Mapping[str, Any] | None, officer: str, note: str,
                     write: Callable[[], None]) -> None:
    """Run ``write`` (the resolution's own writes) and record the ``RESOLVED`` entry of the record it concerns."""
    forms = RecordForms(connection, uids)
    try:
        owner = forms.owner(shared, uid, wire)
        before = forms.form(*owner) if owner is not None else None
        write()
        owner = owner or forms.owner(shared, uid, wire)
        if owner is None:
            return
        after = forms.form(*owner)
        connection.execute(insert(m.AuditEntry).values(
            at=now(), officer=officer, action=RESOLVED, record_kind=owner[0], record_id=owner[1], before=before,
            after=after, note=note, operation_id=None))
    finally:
        forms.close()


def resolver(connection: Connection, officer: str) -> str:
    """Who resolves a conflict here: this desktop's officer, or, when it names none (the command line),
    its login on the team server it last synced with, the name the other desktops will see."""
    if officer:
        return officer
    server = local.meta(connection, local.SERVER_KEY)
    try:
        return parse_address(server)[0].user if server else ""
    except TeamAddressError:
        return ""


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)
