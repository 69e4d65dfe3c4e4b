"""Push: this desktop's pending changes written to the team server, in one server transaction.

Each pending row (``sync_outbox``) is sent as it is now (a put; a delete when it is gone), with
the version of the server's row this desktop last saw. The server writes it only if its row is
still at that version (write-if-unchanged), and then bumps the version and appends the change to
its log (``sync_change``, ordered by one sequence). Otherwise nothing is written for that row: when
the server's row holds the same, this desktop just takes its version; when it differs, the
conflict is recorded here. Pushes take one advisory lock on the server, so the log's order is
the order in which pushes commit and a pull never skips an entry committed late.

Puts go parents first, deletes children first. A record merged away here is deleted on the
server with ``merged_into``: the server first moves every link to it onto the survivor, so
quotes another officer added meanwhile for the merged person end on the survivor.

Killed before the server commits: the server rolls back and the rows stay pending. Killed after
it commits but before this desktop records the new versions: the next pull finds this desktop's
own entries and takes their versions, and the re-push finds the same rows on the server, so
nothing is written twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection, Engine

from archive.db import models as m
from archive.db.engine import Archive
from archive.team import local
from archive.team.conflicts import open_conflict_uids, record_conflict
from archive.team.server import TeamAddress
from archive.team.wire import SharedTable, UidMap, from_wire, same_content, shared_table, shared_tables, to_wire

SYNC_LOCK_ID = 0x4D554E55  # one push at a time on a team server (init and team push use 0x4D554E54)


@dataclass(frozen=True)
class Outgoing:
    """One pending row as sent: its wire form (None: deleted here) and the version it is based on."""

    table_name: str
    uid: str
    row: dict[str, Any] | None
    base: int
    merged_into: str | None


@dataclass(frozen=True)
class Answer:
    """What the server did with one row: "written", "same" (held it already), "conflict", "adopted"."""

    outcome: str
    version: int
    theirs: dict[str, Any] | None = None
    server_uid: str | None = None  # adopted: the server's uid of the same row (a natural key matched)


@dataclass(frozen=True)
class PushOutcome:
    pushed: int
    conflicts: int


class PushCancelled(Exception):
    """Raised inside the push's server transaction to roll it back when the officer cancels."""


def push_changes(archive: Archive, engine: Engine, address: TeamAddress, progress: Callable[[int, int], None],
                 cancelled: Callable[[], bool]) -> PushOutcome:
    """Send the pending rows (see the module's docstring); raises ``PushCancelled`` when cancelled."""
    mark, me, outgoing = _read_pending(archive)
    if not outgoing:
        return PushOutcome(0, 0)
    answers: list[tuple[Outgoing, Answer]] = []
    with engine.begin() as server:
        server.exec_driver_sql(f"SELECT pg_advisory_xact_lock({SYNC_LOCK_ID})")
        writer = _ServerWriter(server, address.user, me)
        for done, change in enumerate(outgoing, start=1):
            answers.append((change, writer.write(change)))
            if done % 200 == 0 or done == len(outgoing):
                progress(done, len(outgoing))
                if cancelled():
                    raise PushCancelled
    return _record_answers(archive, mark, answers)


def _read_pending(archive: Archive) -> tuple[int, str, list[Outgoing]]:
    """The newest pending id, this desktop's id, and the rows to send in order, read in one snapshot."""
    with archive.engine.connect() as connection:
        connection.exec_driver_sql("BEGIN")
        mark = local.newest_pending_id(connection)
        me = local.desktop_id(connection)
        skipped = open_conflict_uids(connection)
        uids = UidMap(connection)
        merges = local.merges_here(connection, uids)
        order = {name: position for position, name in enumerate(shared_tables())}
        puts: list[Outgoing] = []
        deletes: list[Outgoing] = []
        for uid, table_name in local.pending(connection).items():
            if uid in skipped:
                continue
            row = local.wire_row(connection, shared_table(table_name), uid, uids)
            change = Outgoing(table_name, uid, row, local.version_of(connection, uid), merges.get(uid))
            (puts if row is not None else deletes).append(change)
        connection.rollback()
    puts.sort(key=lambda change: order[change.table_name])
    deletes.sort(key=lambda change: -order[change.table_name])
    return mark, me, puts + deletes


class _ServerWriter:
    """Writes pushed rows on the server, inside the push's transaction."""

    def __init__(self, server: Connection, officer: str, desktop: str) -> None:
        self.server = server
        self.officer = officer
        self.desktop = desktop
        self.uids = UidMap(server)

    def merged_into(self, uid: str) -> str | None:
        return self.server.execute(
            select(m.SyncChange.merged_into).where(m.SyncChange.uid == uid, m.SyncChange.merged_into.is_not(None))
            .order_by(m.SyncChange.seq.desc()).limit(1)).scalar()

    def write(self, change: Outgoing) -> Answer:
        shared = shared_table(change.table_name)
        present = local.row_by_uid(self.server, shared, change.uid)
        version = local.version_of(self.server, change.uid)
        theirs = to_wire(shared, present, self.uids) if present is not None else None
        if same_content(theirs, change.row):
            return Answer("same", version)
        if change.base != version:
            return Answer("conflict", version, theirs)
        if change.row is None:
            assert present is not None
            return self._delete(shared, change, dict(present), version)
        return self._put(shared, change, present, version)

    def _put(self, shared: SharedTable, change: Outgoing, present: Any, version: int) -> Answer:
        assert change.row is not None
        values, missing = from_wire(shared, change.row, self.uids, self.merged_into)
        if any(column in shared.required_links for column in missing):
            return Answer("conflict", version, None)  # its parent record was deleted on the server
        table = shared.table
        if present is None:
            same = local.same_natural_row(self.server, shared, values)
            if same is not None and same["uid"] is not None:
                return Answer("adopted", local.version_of(self.server, same["uid"]),
                              to_wire(shared, same, self.uids), server_uid=same["uid"])
            result = self.server.execute(insert(table).values(uid=change.uid, **values))
            if shared.id_column is not None:
                self.uids.remember(shared.name, local.inserted_id(result), change.uid)
        else:
            self.server.execute(update(table).where(table.c.uid == change.uid).values(**values))
        row = {**change.row, **dict.fromkeys(missing)}
        return self._log(change, "put", row, version + 1)

    def _delete(self, shared: SharedTable, change: Outgoing, present: dict[str, Any], version: int) -> Answer:
        if change.merged_into and shared.id_column is not None:
            survivor = self.uids.id_of(shared.name, change.merged_into)
            if survivor is not None:
                local.repoint_links(self.server, shared.name, int(present[shared.id_column]), survivor)
        self.server.execute(shared.table.delete().where(shared.table.c.uid == change.uid))
        self.uids.remember(shared.name, None, change.uid)
        return self._log(change, "delete", None, version + 1)

    def _log(self, change: Outgoing, op: str, row: dict[str, Any] | None, version: int) -> Answer:
        local.set_version(self.server, change.uid, version)
        self.server.execute(insert(m.SyncChange).values(
            table_name=change.table_name, uid=change.uid, version=version, op=op, row=row,
            merged_into=change.merged_into if op == "delete" else None, officer=self.officer, desktop=self.desktop))
        return Answer("written", version)


def _record_answers(archive: Archive, mark: int, answers: list[tuple[Outgoing, Answer]]) -> PushOutcome:
    """This desktop's bookkeeping once the server committed: versions, conflicts, rows renamed."""
    pushed = conflicts = 0
    with archive.engine.begin() as connection:
        uids = UidMap(connection)
        done: list[str] = []
        for change, answer in answers:
            if answer.outcome == "conflict":
                mine = local.wire_row(connection, shared_table(change.table_name), change.uid, uids)
                record_conflict(connection, change.table_name, change.uid, mine, answer.theirs, answer.version)
                conflicts += 1
                continue
            if answer.outcome == "adopted" and answer.server_uid is not None:
                conflicts += _adopt(connection, change, answer, uids)
                continue
            pushed += answer.outcome == "written"
            local.set_version(connection, change.uid, answer.version)
            done.append(change.uid)
        local.drop_pending(connection, done, up_to=mark)
    return PushOutcome(pushed, conflicts)


def _adopt(connection: Connection, change: Outgoing, answer: Answer, uids: UidMap) -> int:
    """The server already holds this row under another uid (the same tag, the same article): take its uid."""
    assert answer.server_uid is not None
    shared = shared_table(change.table_name)
    connection.execute(update(shared.table).where(shared.table.c.uid == change.uid).values(uid=answer.server_uid))
    uids.remember(shared.name, None, change.uid)
    local.drop_pending(connection, [change.uid, answer.server_uid], up_to=local.newest_pending_id(connection))
    local.set_version(connection, answer.server_uid, answer.version)
    mine = local.wire_row(connection, shared, answer.server_uid, uids)
    if same_content(mine, answer.theirs):
        return 0
    record_conflict(connection, change.table_name, answer.server_uid, mine, answer.theirs, answer.version)
    return 1
