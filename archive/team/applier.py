"""Applying the team server's changes here, inside one local transaction: conflicts, merges, versions, audit.

``Applier`` takes entries one at a time: log entries (``archive.team.pull``) or rows of the server's
snapshot (``archive.team.first_pull``). Each entry is applied unless this desktop saw it already (its
version), it is this desktop's own push whose bookkeeping was cut short (only its version is taken:
the row is still pending here, and the next push finds the server holding it), or the row was
changed here and not pushed: then, unless both sides hold the same row, a conflict is recorded and
the row stays as it is here (``archive.team.conflicts``). Rows new here go in batched inserts. Each
change applied is written to the audit trail, named by its officer (``archive.team.team_audit``).
``finish`` records the versions seen, drops what the pull's own writes queued for pushing, and
queues the search index's work (``outbox``), all in the same transaction.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from archive.db import models as m
from archive.errors import MuntadaError
from archive.kinds.registry import KINDS
from archive.services.changes import Changes
from archive.team import local, team_audit
from archive.team.conflicts import open_conflict_uids, record_conflict
from archive.team.server import first_line
from archive.team.wire import SharedTable, UidMap, from_wire, same_content, shared_table, shared_tables

INSERT_BATCH = 1000  # new rows inserted per statement
PREPARED = 200  # entries whose records' forms are read together, before they are applied (the audit trail)


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
    key: tuple[Any, ...] | None = None  # a snapshot's row: its primary key on the server (where a pull got to)


@dataclass
class PullOutcome:
    pulled: int = 0
    conflicts: int = 0
    changes: Changes = field(default_factory=Changes)

    def plus(self, other: PullOutcome) -> PullOutcome:
        """Both parts of a pull together."""
        return PullOutcome(self.pulled + other.pulled, self.conflicts + other.conflicts,
                           self.changes.union(other.changes))


class SyncApplyError(MuntadaError):
    """A pulled change breaks a uniqueness rule of this desktop (two records would be one)."""


class PullCancelled(Exception):
    """Raised inside the pull's transaction to roll it back when the officer cancels."""


class Applier:
    """Applies entries one by one inside one transaction of the pull (``finish`` ends its part).

    ``empty``: the tables that were empty before the pull began (read here when not given: a first
    pull committed in parts gives those of its first part, less those this desktop wrote to since).
    ``wholesale``: a desktop with no records filled by its first pull (read here when not given).
    ``uids``: the ids and uids of this desktop, read already (by an earlier part of a first pull).
    """

    def __init__(self, connection: Connection, me: str, bulk: bool, snapshot: bool = False,
                 empty: set[str] | None = None, wholesale: bool | None = None, uids: UidMap | None = None) -> None:
        self.connection = connection
        self.me = me
        self.uids = uids or UidMap(connection)  # a first pull's parts share one (``archive.team.first_pull``)
        self.snapshot = snapshot  # the team archive itself, not its log (a desktop's first pull)
        self.audit = team_audit.PulledAudit(connection, self.uids, self._flush)
        self.received: list[tuple[str, str, str, datetime | None]] = []  # a snapshot's records, for the audit
        # Tables empty before the pull: a row put there is new unless this pull put it there already.
        self.empty = empty if empty is not None else empty_tables(connection)
        # A desktop with no records that pulls: its contents are replaced wholesale, as by a restore.
        self.wholesale = wholesale if wholesale is not None else self.empty == set(shared_tables())
        self.put_here: set[str] = set()
        self.batch: list[tuple[SharedTable, dict[str, Any]]] = []  # new rows of one table, inserted together
        self.batch_entries: list[Entry] = []  # the entries of those rows
        if bulk and uids is None:
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
            record_conflict(self.connection, entry.table_name, entry.uid, mine, entry.row, entry.version,
                            entry.officer)
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

    def _prepared(self, entries: Iterable[Entry]) -> Iterator[Entry]:
        """The entries, in runs of ``PREPARED``, the forms of the records each run changes read together first."""
        source = iter(entries)
        while run := list(islice(source, PREPARED)):
            if not self.snapshot:
                self.audit.prepare((shared_table(entry.table_name), entry.uid, entry.row) for entry in run)
            yield from run

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

    def finish(self, renew: bool | None = None) -> None:
        """Record the versions; drop what the pull's own writes queued for pushing; queue what must go back.

        ``renew``: whether a wholesale pull renews the archive's generation now (default: when it wrote
        rows; a first pull in parts renews it at its last part, when any part wrote rows).
        """
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
        if self.wholesale:
            # Not one search-outbox row per record: a new generation makes the index rebuild from the
            # archive (archive.services.maintenance), which a replay of the outbox would only repeat.
            # A first pull in parts renews it at its last part (``renew``), so the rebuild sees all.
            self.changes = self.writes.changes()
            if renew if renew is not None else bool(self.writes.rows):
                local.renew_generation(self.connection)
        else:
            self.changes = self.writes.enqueue(self.connection)

    def run(self, entries: Iterable[Entry], total: int, done: int, progress: Callable[[int, int], None],
            cancelled: Callable[[], bool], limit: int | None = None, until: float | None = None) -> int:
        """Apply ``entries`` (up to ``limit`` of them, or until ``time.monotonic()`` passes ``until``),
        reporting progress; returns the count done so far (the echoes of this desktop's own pushes
        are applied, and not counted: ``total`` leaves them out too).

        Raises ``PullCancelled`` when cancelled, ``SyncApplyError`` when a pulled row breaks a
        uniqueness rule here; the caller's transaction is then rolled back.
        """
        entry = None
        applied = 0
        try:
            # A first pull's snapshot writes no forms: its entries are taken one at a time, so one cut short by
            # ``limit`` or ``until`` has taken exactly the entries it applied (where it got to is the last one).
            for entry in entries if self.snapshot else self._prepared(entries):
                self.apply(entry)
                applied += 1
                echo = bool(entry.desktop) and entry.desktop == self.me  # this desktop's own push: not counted
                done += 0 if echo else 1
                if not echo and (done % 200 == 0 or done == total):
                    progress(done, total)
                    if cancelled():
                        raise PullCancelled
                    if until is not None and time.monotonic() > until:
                        break
                if limit is not None and applied >= limit:
                    break
            self._flush()
        except IntegrityError as error:
            table, reason = entry.table_name if entry else "?", first_line(str(error.orig))
            if self.snapshot:  # the parts committed before this one are kept
                raise SyncApplyError(
                    "A record of the table {table} from the team server cannot be added here: it would be the same "
                    "as another record of this desktop ({reason}). The records received before it are kept. Rename "
                    "or merge that record here, then sync again to receive the rest.", table=table,
                    reason=reason) from None
            raise SyncApplyError(
                "A change from the team server to a record of the table {table} cannot be applied here: it would "
                "make it the same as another record of this desktop ({reason}). Nothing was pulled. Rename or merge "
                "that record here, then sync again.", table=table, reason=reason) from None
        return done


def empty_tables(connection: Connection) -> set[str]:
    """The shared tables without a row here."""
    return {name for name, shared in shared_tables().items()
            if connection.execute(select(shared.table.c.uid).limit(1)).first() is None}
