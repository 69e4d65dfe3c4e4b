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
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.engine import Connection, Engine

from archive.db import models as m
from archive.db.engine import Archive
from archive.team import local
from archive.team.conflicts import open_conflict_uids, record_conflict
from archive.team.server import TeamAddress
from archive.team.wire import CHUNK, SharedTable, UidMap, from_wire, same_content, shared_table, shared_tables, to_wire

BULK = 1000  # from this many pending rows on, every uid and id of this desktop is read once
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
    officer: str = ""  # a conflict or an adopted row: who last changed the server's row (its log)


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
    with engine.begin() as server:
        server.exec_driver_sql(f"SELECT pg_advisory_xact_lock({SYNC_LOCK_ID})")
        answers = _ServerWriter(server, address.user, me).write_all(outgoing, progress, cancelled)
    return _record_answers(archive, mark, answers)


def _read_pending(archive: Archive) -> tuple[int, str, list[Outgoing]]:
    """The newest pending id, this desktop's id, and the rows to send in order, read in one snapshot."""
    with archive.engine.connect() as connection:
        connection.exec_driver_sql("BEGIN")
        mark = local.newest_pending_id(connection)
        me = local.desktop_id(connection)
        skipped = open_conflict_uids(connection)
        uids = UidMap(connection)
        pending = {uid: table for uid, table in local.pending(connection).items() if uid not in skipped}
        if len(pending) > BULK:
            uids.preload(shared_tables())
        merges = local.merges_here(connection, uids)
        versions = local.versions_of(connection, pending)
        puts: list[Outgoing] = []
        deletes: list[Outgoing] = []
        for table_name, shared in shared_tables().items():
            wanted = [uid for uid, table in pending.items() if table == table_name]
            rows = _rows_by_uid(connection, shared, wanted)
            for uid in wanted:
                row = to_wire(shared, rows[uid], uids) if uid in rows else None
                change = Outgoing(table_name, uid, row, versions.get(uid, 0), merges.get(uid))
                (puts if row is not None else deletes).append(change)
        connection.rollback()
    return mark, me, puts + deletes[::-1]


class _ServerWriter:
    """Writes pushed rows on the server, inside the push's transaction, a table's rows at a time."""

    def __init__(self, server: Connection, officer: str, desktop: str) -> None:
        self.server = server
        self.officer = officer
        self.desktop = desktop
        self.uids = UidMap(server)
        self.versions: dict[str, int] = {}
        self.new_versions: dict[str, int] = {}
        self.log: list[dict[str, Any]] = []

    def write_all(self, outgoing: list[Outgoing], progress: Callable[[int, int], None],
                  cancelled: Callable[[], bool]) -> list[tuple[Outgoing, Answer]]:
        """Each row's answer, in the order sent; the versions and the log are written last, in two batches."""
        self.versions = local.versions_of(self.server, (change.uid for change in outgoing))
        answers: list[tuple[Outgoing, Answer]] = []
        for group in _runs(outgoing):
            answers += zip(group, self._write_run(shared_table(group[0].table_name), group), strict=True)
            progress(len(answers), len(outgoing))
            if cancelled():
                raise PushCancelled
        local.set_versions(self.server, self.new_versions)
        if self.log:
            self.server.execute(insert(m.SyncChange), self.log)
        return self._named(answers)

    def _named(self, answers: list[tuple[Outgoing, Answer]]) -> list[tuple[Outgoing, Answer]]:
        """The answers with the officer who last changed each conflicting or adopted row on the server."""
        wanted = {answer.server_uid or change.uid for change, answer in answers
                  if answer.outcome in ("conflict", "adopted")}
        officers: dict[str, str] = {}
        ordered = sorted(wanted)
        for start in range(0, len(ordered), CHUNK):
            log = m.SyncChange
            officers.update(self.server.execute(select(log.uid, log.officer).where(
                log.uid.in_(ordered[start:start + CHUNK])).order_by(log.seq)).all())
        return [(change, replace(answer, officer=officers.get(answer.server_uid or change.uid, "")))
                if answer.outcome in ("conflict", "adopted") else (change, answer) for change, answer in answers]

    def merged_into(self, uid: str) -> str | None:
        return self.server.execute(
            select(m.SyncChange.merged_into).where(m.SyncChange.uid == uid, m.SyncChange.merged_into.is_not(None))
            .order_by(m.SyncChange.seq.desc()).limit(1)).scalar()

    def _write_run(self, shared: SharedTable, changes: list[Outgoing]) -> list[Answer]:
        """Rows of one table, all puts or all deletes."""
        present = _rows_by_uid(self.server, shared, [change.uid for change in changes])
        self.uids.load_links(shared, [change.row for change in changes if change.row is not None])
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        deletes: list[dict[str, Any]] = []
        answers = []
        for change in changes:
            row = present.get(change.uid)
            version = self.versions.get(change.uid, 0)
            theirs = to_wire(shared, row, self.uids) if row is not None else None
            if same_content(theirs, change.row):
                answers.append(Answer("same", version))
            elif change.base != version:
                answers.append(Answer("conflict", version, theirs))
            elif change.row is None:
                assert row is not None
                self._repoint(shared, change, row)
                deletes.append({"match_uid": change.uid})
                answers.append(self._log(change, "delete", None, version + 1))
            else:
                answers.append(self._put(shared, change, row, version, (inserts, updates)))
        self._execute(shared, inserts, updates, deletes)
        return answers

    def _put(self, shared: SharedTable, change: Outgoing, present: dict[str, Any] | None, version: int,
             batches: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> Answer:
        assert change.row is not None
        values, missing = from_wire(shared, change.row, self.uids, self.merged_into)
        if any(column in shared.required_links for column in missing):
            return Answer("conflict", version, None)  # its parent record was deleted on the server
        if present is None:
            same = local.same_natural_row(self.server, shared, values) if shared.natural_keys else None
            if same is not None and same["uid"] is not None:
                return Answer("adopted", local.version_of(self.server, same["uid"]),
                              to_wire(shared, same, self.uids), server_uid=same["uid"])
            batches[0].append({"uid": change.uid, **values})
        else:
            batches[1].append({"match_uid": change.uid, **values})
        return self._log(change, "put", {**change.row, **dict.fromkeys(missing)}, version + 1)

    def _repoint(self, shared: SharedTable, change: Outgoing, present: dict[str, Any]) -> None:
        """A record merged away: its links move to the survivor before it goes (the server's newer rows too)."""
        if change.merged_into and shared.id_column is not None:
            self.uids.load(shared.name, [change.merged_into])
            survivor = self.uids.id_of(shared.name, change.merged_into)
            if survivor is not None:
                local.repoint_links(self.server, shared.name, int(present[shared.id_column]), survivor)

    def _execute(self, shared: SharedTable, inserts: list[dict[str, Any]], updates: list[dict[str, Any]],
                 deletes: list[dict[str, Any]]) -> None:
        table = shared.table
        if inserts and shared.id_column is not None:
            id_column = table.c[shared.id_column]
            made = self.server.execute(insert(table).returning(id_column, table.c.uid, sort_by_parameter_order=True),
                                       inserts)
            for row_id, uid in made:
                self.uids.remember(shared.name, int(row_id), uid)
        elif inserts:
            self.server.execute(insert(table), inserts)
        if updates:
            self.server.execute(update(table).where(table.c.uid == bindparam("match_uid")), updates)
        if deletes:
            self.server.execute(delete(table).where(table.c.uid == bindparam("match_uid")), deletes)
            for row in deletes:
                self.uids.remember(shared.name, None, row["match_uid"])

    def _log(self, change: Outgoing, op: str, row: dict[str, Any] | None, version: int) -> Answer:
        self.new_versions[change.uid] = version
        self.log.append({"table_name": change.table_name, "uid": change.uid, "version": version, "op": op,
                         "row": row, "merged_into": change.merged_into if op == "delete" else None,
                         "officer": self.officer, "desktop": self.desktop, "at": _now()})
        return Answer("written", version)


def _runs(outgoing: list[Outgoing]) -> list[list[Outgoing]]:
    """The rows in runs of one table and one kind (puts or deletes), in order."""
    runs: list[list[Outgoing]] = []
    for change in outgoing:
        last = runs[-1][-1] if runs else None
        if last is not None and last.table_name == change.table_name and (last.row is None) == (change.row is None):
            runs[-1].append(change)
        else:
            runs.append([change])
    return runs


def _rows_by_uid(connection: Connection, shared: SharedTable, uids: list[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(uids), CHUNK):
        rows = connection.execute(select(shared.table).where(shared.table.c.uid.in_(uids[start:start + CHUNK])))
        found.update({row["uid"]: dict(row) for row in rows.mappings()})
    return found


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def _record_answers(archive: Archive, mark: int, answers: list[tuple[Outgoing, Answer]]) -> PushOutcome:
    """This desktop's bookkeeping once the server committed: versions, conflicts, rows renamed."""
    pushed = conflicts = 0
    with archive.engine.begin() as connection:
        uids = UidMap(connection)
        versions: dict[str, int] = {}
        for change, answer in answers:
            if answer.outcome == "conflict":
                mine = local.wire_row(connection, shared_table(change.table_name), change.uid, uids)
                record_conflict(connection, change.table_name, change.uid, mine, answer.theirs, answer.version,
                                answer.officer)
                conflicts += 1
                continue
            if answer.outcome == "adopted" and answer.server_uid is not None:
                conflicts += _adopt(connection, change, answer, uids)
                continue
            pushed += answer.outcome == "written"
            versions[change.uid] = answer.version
        local.set_versions(connection, versions)
        local.drop_pending(connection, versions, up_to=mark)
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
    record_conflict(connection, change.table_name, answer.server_uid, mine, answer.theirs, answer.version,
                    answer.officer)
    return 1
