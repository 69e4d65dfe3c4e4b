"""Pull: the team server's changes applied to this desktop, all in one local transaction.

A desktop that synced before reads the change log after the last entry it applied. A desktop that
never synced (a new laptop, or an officer's own archive joining the team) reads the team archive
itself instead, every shared row with its version, in one snapshot of the server
(``REPEATABLE READ``) together with the newest entry of the log; its own rows, if it has any,
are then all pending, so they are pushed unless the server holds them already.

Each entry is applied unless this desktop saw it already (its version), it is this desktop's own
push whose bookkeeping was cut short (only its version is taken: the row is still pending here, and
the next push finds the server holding it), or the row was changed here and not pushed: then, unless both
sides hold the same row, a conflict is recorded and the row stays as it is here
(``archive.team.conflicts``). The writes queue the search index's work (``outbox``) and the
position in the log is stored in the same transaction: killed half-way, nothing is applied and
the next pull starts again from the same place, so nothing is lost and nothing applied twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, literal, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from archive.db import models as m
from archive.db.engine import Archive
from archive.errors import MuntadaError
from archive.kinds.registry import KINDS
from archive.services.changes import Changes
from archive.team import local, team_audit
from archive.team.conflicts import open_conflict_uids, record_conflict
from archive.team.server import TeamAddress, first_line
from archive.team.wire import SharedTable, UidMap, from_wire, same_content, shared_table, shared_tables, to_wire

BATCH = 2000  # log entries read per query
INSERT_BATCH = 1000  # new rows inserted per statement
BULK = 1000  # from this many entries on, every uid and id of this desktop is read once, at the start


@dataclass(frozen=True)
class Entry:
    """One change to apply: a log entry, or a row of the server's snapshot (``desktop`` empty)."""

    table_name: str
    uid: str
    version: int
    op: str  # put, delete
    row: dict[str, Any] | None
    merged_into: str | None = None
    desktop: str = ""
    officer: str = ""  # who made it: the login that pushed it (for a snapshot's row, who changed it last)
    at: datetime | None = None  # when the server logged it


@dataclass
class PullOutcome:
    pulled: int = 0
    conflicts: int = 0
    changes: Changes = field(default_factory=Changes)


class SyncApplyError(MuntadaError):
    """A pulled change breaks a uniqueness rule of this desktop (two records would be one)."""


class PullCancelled(Exception):
    """Raised inside the pull's transaction to roll it back when the officer cancels."""


def pull_changes(archive: Archive, engine: Engine, address: TeamAddress, progress: Callable[[int, int], None],
                 cancelled: Callable[[], bool]) -> PullOutcome:
    """Apply the server's changes here (see the module's docstring); raises ``PullCancelled`` when cancelled."""
    with local.write_transaction(archive) as connection, engine.connect() as server_connection:
        server = server_connection
        since = local.last_seq(connection, address.display)
        me = local.desktop_id(connection)
        if since is None:
            server.execution_options(isolation_level="REPEATABLE READ")
            newest = int(server.execute(select(func.coalesce(func.max(m.SyncChange.seq), 0))).scalar_one())
            total = _snapshot_size(server)
            _mark_everything_pending(connection)
            entries = _snapshot(server, newest)
        else:
            newest = int(server.execute(select(func.coalesce(func.max(m.SyncChange.seq), 0))).scalar_one())
            total = int(server.execute(select(func.count()).where(m.SyncChange.seq > since,
                                                                   m.SyncChange.seq <= newest)).scalar_one())
            entries = _log_after(server, since, newest)
        applier = _Applier(connection, me, bulk=total > BULK, snapshot=since is None)
        entry = None
        try:
            for done, entry in enumerate(entries, start=1):
                applier.apply(entry)
                if done % 200 == 0 or done == total:
                    progress(done, total)
                    if cancelled():
                        raise PullCancelled
            applier.finish()
        except IntegrityError as error:
            raise SyncApplyError(
                "A change from the team server to a record of the table {table} cannot be applied here: it would "
                "make it the same as another record of this desktop ({reason}). Nothing was pulled. Rename or merge "
                "that record here, then sync again.", table=entry.table_name if entry else "?",
                reason=first_line(str(error.orig))) from None
        local.mark_synced(connection, newest, address.display)
        server.rollback()
        return PullOutcome(pulled=applier.pulled, conflicts=applier.conflicts, changes=applier.changes)


def _log_after(server: Connection, since: int, newest: int) -> Iterator[Entry]:
    position = since
    while position < newest:
        log = m.SyncChange.__table__
        rows = server.execute(select(log).where(log.c.seq > position, log.c.seq <= newest)
                              .order_by(log.c.seq).limit(BATCH)).all()
        if not rows:
            return
        for row in rows:
            yield Entry(row.table_name, row.uid, row.version, row.op, row.row, row.merged_into, row.desktop,
                        row.officer, row.at)
        position = rows[-1].seq


def _snapshot_size(server: Connection) -> int:
    return sum(int(server.execute(select(func.count()).select_from(shared.table)).scalar_one())
               for shared in shared_tables().values())


def _snapshot(server: Connection, newest: int) -> Iterator[Entry]:
    """Every shared row of the server, parents first, as puts at the server's versions.

    A record's row is named by the officer who changed it last (``team_audit.authors``).
    """
    uids = UidMap(server)
    uids.preload(shared_tables())
    versions = dict(server.execute(select(m.SyncVersion.uid, m.SyncVersion.version)).all())
    by_uid, by_record = team_audit.authors(server, newest)
    for shared in shared_tables().values():
        order = shared.table.primary_key.columns
        named = shared.name in KINDS
        for row in server.execute(select(shared.table).order_by(*order)).mappings().yield_per(BATCH):
            uid = row["uid"]
            if uid is None:
                continue
            officer, at = (by_uid.get(uid) or by_record.get((shared.name, row["id"])) or ("", None)) if named \
                else ("", None)
            yield Entry(shared.name, uid, versions.get(uid, 0), "put", to_wire(shared, dict(row), uids),
                        officer=officer, at=at)


def _mark_everything_pending(connection: Connection) -> None:
    """A desktop joining the team: each of its rows is pushed unless the server holds the same."""
    for shared in shared_tables().values():
        connection.execute(insert(m.SyncOutbox).from_select(
            ["table_name", "uid"],
            select(literal(shared.name), shared.table.c.uid).where(shared.table.c.uid.is_not(None))))


class _Applier:
    """Applies entries one by one inside the pull's transaction."""

    def __init__(self, connection: Connection, me: str, bulk: bool, snapshot: bool = False) -> None:
        self.connection = connection
        self.me = me
        self.uids = UidMap(connection)
        self.snapshot = snapshot  # the team archive itself, not its log (a desktop's first pull)
        self.audit = team_audit.PulledAudit(connection, self.uids, self._flush)
        self.received: list[tuple[str, str, str, datetime | None]] = []  # a snapshot's records, for the audit
        # Tables empty before the pull: a row put there is new unless this pull put it there already.
        self.empty = {name for name, shared in shared_tables().items()
                      if connection.execute(select(shared.table.c.uid).limit(1)).first() is None}
        # A desktop with no records that pulls: its contents are replaced wholesale, as by a restore.
        self.wholesale = self.empty == set(shared_tables())
        self.put_here: set[str] = set()
        self.batch: list[tuple[SharedTable, dict[str, Any]]] = []  # new rows of one table, inserted together
        self.batch_entries: list[Entry] = []  # the entries of those rows
        if bulk:
            self.uids.preload(shared_tables())
        self.pending = local.pending(connection)
        self.in_conflict = open_conflict_uids(connection)
        self.versions = dict(connection.execute(select(m.SyncVersion.uid, m.SyncVersion.version)).all())
        self.new_versions: dict[str, int] = {}
        self.local_merges = local.merges_here(connection, self.uids)
        self.pulled_merges: dict[str, str] = {}
        self.mark = local.newest_pending_id(connection)
        self.writes = local.LocalWrites()
        self.settled: list[str] = []  # pending here, but the server holds the same row
        self.repush: list[tuple[str, str]] = []  # rows written with a link moved to a merge's survivor
        self.pulled = 0
        self.conflicts = 0
        self.changes = Changes()

    def redirect(self, uid: str) -> str | None:
        return self.pulled_merges.get(uid) or self.local_merges.get(uid)

    def apply(self, entry: Entry) -> None:
        known = self.versions.get(entry.uid, 0)
        if known > entry.version or (known == entry.version and entry.version > 0):
            return  # seen already (a pull or a push of this desktop)
        if entry.desktop == self.me and entry.uid in self.pending:
            self._take_version(entry)  # this desktop's own push, its bookkeeping interrupted: pushed again as same
            return
        shared = shared_table(entry.table_name)
        if entry.uid in self.pending or entry.uid in self.in_conflict:
            mine = local.wire_row(self.connection, shared, entry.uid, self.uids)
            if same_content(mine, entry.row):
                self.settled.append(entry.uid)
                self._take_version(entry)
                return
            record_conflict(self.connection, entry.table_name, entry.uid, mine, entry.row, entry.version)
            self.in_conflict.add(entry.uid)
            self.conflicts += 1
            return
        self.pulled += 1
        new = entry.op == "put" and entry.uid not in self.put_here and self._new_here(shared, entry.uid)
        if not new or (self.batch and self.batch[0][0] is not shared):
            self._flush()
        audited = not self.snapshot
        if audited:
            self.audit.before(shared, entry.uid, entry.row, entry.officer, entry.at, entry.merged_into)
        if entry.op == "delete":
            if entry.merged_into:
                self.pulled_merges[entry.uid] = entry.merged_into
            local.delete_row(self.connection, shared, entry.uid, self.uids, self.writes, entry.merged_into)
        elif entry.row is not None:
            if new:
                written = self._add_to_batch(shared, entry)
            else:
                written = local.put_row(self.connection, shared, entry.uid, entry.row, self.uids, self.writes,
                                        self.redirect)
                if written and audited:
                    self.audit.after(shared, entry.uid, entry.row, entry.officer, entry.at)
            self.put_here.add(entry.uid)
            if written and self.snapshot and shared.name in KINDS:
                self.received.append((shared.name, entry.uid, entry.officer, entry.at))
            if written and self._redirected(shared.name, entry.row):
                self.repush.append((shared.name, entry.uid))
        self._take_version(entry)

    def _add_to_batch(self, shared: SharedTable, entry: Entry) -> bool:
        """Queue a row new here for one batched insert (rows that point at it come in later tables or runs)."""
        assert entry.row is not None
        values, missing = from_wire(shared, entry.row, self.uids, self.redirect)
        if any(column in shared.required_links for column in missing):
            self.writes.skipped.append(entry.uid)
            return False
        self.batch.append((shared, {"uid": entry.uid, **values}))
        self.batch_entries.append(entry)
        if len(self.batch) >= INSERT_BATCH:
            self._flush()
        return True

    def _flush(self) -> None:
        if self.batch:
            shared = self.batch[0][0]
            local.insert_rows(self.connection, shared, [values for _shared, values in self.batch],
                              self.uids, self.writes)
            entries, self.batch, self.batch_entries = self.batch_entries, [], []
            if not self.snapshot:
                for entry in entries:
                    self.audit.after(shared, entry.uid, entry.row, entry.officer, entry.at)

    def _new_here(self, shared: SharedTable, uid: str) -> bool:
        """Whether no row here has this uid, nor can share its natural key (its table was empty)."""
        if shared.name in self.empty:
            return True
        if shared.id_column is None or shared.natural_keys:
            return False
        return self.uids.id_of(shared.name, uid) is None

    def _redirected(self, table_name: str, row: dict[str, Any]) -> bool:
        links = shared_table(table_name).links
        return any(row.get(column) is not None and self.uids.id_of(target, str(row[column])) is None
                   and self.redirect(str(row[column])) is not None for column, target in links.items())

    def _take_version(self, entry: Entry) -> None:
        self.versions[entry.uid] = max(entry.version, self.versions.get(entry.uid, 0))
        self.new_versions[entry.uid] = self.versions[entry.uid]

    def finish(self) -> None:
        """Record the versions; drop what the pull's own writes queued for pushing; queue what must go back."""
        self._flush()
        if self.snapshot:
            self.audit.close()
            team_audit.write_received(self.connection, self.uids, self.received)
        else:
            self.audit.write()
        local.set_versions(self.connection, {uid: version for uid, version in self.new_versions.items() if version})
        local.drop_pending_after(self.connection, self.mark)
        local.drop_pending(self.connection, self.settled, up_to=self.mark)
        for table_name, uid in self.repush:
            local.add_pending(self.connection, table_name, uid)
        if self.wholesale and self.writes.rows:
            # Not one search-outbox row per record: a new generation makes the index rebuild from the
            # archive (archive.services.maintenance), which a replay of the outbox would only repeat.
            self.changes = self.writes.changes()
            local.renew_generation(self.connection)
        else:
            self.changes = self.writes.enqueue(self.connection)
