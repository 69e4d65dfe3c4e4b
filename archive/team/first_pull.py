"""A desktop's first pull: the team archive itself, read in one snapshot and applied here in parts.

A desktop that never synced with this team archive (a new laptop, or an officer's own archive
joining the team) reads the team archive itself rather than its log: every shared row with its
version, parents first, in one snapshot of the server (``REPEATABLE READ``), together with the
newest entry of the log. Its own rows, if it has any, are all marked pending first, so they are
pushed unless the server holds them already.

**In parts.** Applying a large team archive takes tens of seconds, and a part holds the archive's
write lock while it is applied: an officer who opens the app meanwhile cannot save. So after
``COMMIT_ROWS`` rows or ``COMMIT_SECONDS`` the part commits, and with it, in the same transaction, where the pull got to
(``FIRST_PULL_KEY`` in ``sync_state``: the team archive, the log's newest entry when the pull began,
the table and server key of the last row applied, whether the desktop was empty, which tables
were). The lock is let go between parts, and an officer's save goes through.

**Resumed.** Killed between parts (or a part cut short: it is rolled back whole), the next sync
opens a new snapshot and reads on after the last row applied, so no row is applied twice and none
is skipped. What changed on the server meanwhile in the rows already applied is in its log after
the newest entry of the first start, where the desktop's position in the log is set: a resumed
pull reads that log at once (``archive.team.pull``); versions keep it from applying a row twice.
A desktop that was empty stays "wholesale" across a resume: its search index is rebuilt once, from
the whole archive, when the last part commits (its generation renewed then, not before).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import delete, func, insert, literal, select, tuple_
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from archive.db import models as m
from archive.db.engine import Archive
from archive.kinds.registry import KINDS
from archive.team import local, team_audit
from archive.team.applier import Applier, Entry, PullOutcome, empty_tables
from archive.team.server import TeamAddress
from archive.team.wire import SharedTable, UidMap, shared_tables, to_wire

FIRST_PULL_KEY = "sync_first_pull"
# A part ends after COMMIT_ROWS rows or COMMIT_SECONDS, whichever comes first; then the write lock is
# let go for PAUSE_SECONDS: SQLite's busy handler retries a waiting write every 100 ms at most, so a
# save the officer started meanwhile (it waits up to 5 s: archive.db.engine) is sure to get in.
COMMIT_ROWS = 20_000
COMMIT_SECONDS = 1.0
PAUSE_SECONDS = 0.15
READ_ROWS = 2000  # rows read from the server per round trip


@dataclass
class Position:
    """Where a first pull got to (stored as JSON in ``sync_state`` with each part)."""

    server: str
    newest: int  # the log's newest entry when the pull began: the desktop's position in the log at the end
    wholesale: bool  # the desktop had no records: its index is rebuilt from the archive at the end
    empty: list[str] = field(default_factory=list)  # tables without a row here when the pull began
    table: str | None = None  # the last row applied: its table and its server key
    after: list[Any] | None = None


@dataclass
class FirstPullOutcome:
    outcome: PullOutcome
    resumed: bool  # a pull begun by an earlier sync: the log since its start is still to read
    finished: bool  # False: another sync went on with this pull meanwhile


def pull_team_archive(archive: Archive, server: Connection, address: TeamAddress,
                      progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> FirstPullOutcome:
    """Apply the team archive here in parts (see the module's docstring); raises ``PullCancelled``."""
    server.execution_options(isolation_level="REPEATABLE READ")
    outcome = PullOutcome()
    rows: _Rows | None = None
    expected: Position | None = None
    uids: UidMap | None = None  # this desktop's ids and uids, read once, kept up to date across parts
    resumed = False
    done = total = mark = 0
    while True:
        with local.write_transaction(archive) as connection:
            until = time.monotonic() + COMMIT_SECONDS
            position = stored_position(connection, address.display)
            if rows is None:
                resumed = position is not None
                position = position or _begin(connection, server, address)
                total = _snapshot_size(server, position)
                rows = _Rows(_snapshot(server, position))
            elif position != expected:
                return FirstPullOutcome(outcome, resumed, finished=False)  # another sync took it on
            assert position is not None
            uids = _up_to_date(uids, connection, mark)
            applier = Applier(connection, local.desktop_id(connection), bulk=False, snapshot=True,
                              empty=set(position.empty) - _written_here(connection), wholesale=position.wholesale,
                              uids=uids)
            done = applier.run(rows, total, done, progress, cancelled, limit=COMMIT_ROWS, until=until)
            finished = rows.exhausted()
            applier.finish(renew=finished)
            outcome = outcome.plus(PullOutcome(applier.pulled, applier.conflicts, applier.changes))
            if finished:
                local.mark_synced(connection, position.newest, address.display)
                connection.execute(delete(m.SyncState).where(m.SyncState.key == FIRST_PULL_KEY))
                return FirstPullOutcome(outcome, resumed, finished=True)
            if rows.last is not None:
                position.table, position.after = rows.last.table_name, list(rows.last.key or ())
            local.set_meta(connection, FIRST_PULL_KEY, json.dumps(asdict(position)))
            expected = Position(**asdict(position))
            mark = local.newest_pending_id(connection)
        time.sleep(PAUSE_SECONDS)  # the lock let go: an officer's save gets in


def stored_position(connection: Connection, server: str) -> Position | None:
    """Where an unfinished first pull from ``server`` got to; None: none began (or one from another server)."""
    value = local.meta(connection, FIRST_PULL_KEY)
    if value is None:
        return None
    position = Position(**json.loads(value))
    return position if position.server == server else None


def _begin(connection: Connection, server: Connection, address: TeamAddress) -> Position:
    newest = int(server.execute(select(func.coalesce(func.max(m.SyncChange.seq), 0))).scalar_one())
    empty = empty_tables(connection)
    _mark_everything_pending(connection)
    return Position(server=address.display, newest=newest, wholesale=empty == set(shared_tables()),
                    empty=sorted(empty))


def _up_to_date(uids: UidMap | None, connection: Connection, mark: int) -> UidMap:
    """The ids and uids of an earlier part, on this part's connection, with the rows the officer added or
    removed in between (queued for pushing after ``mark``) read again; a new map for the first part.

    Read whole once, not at each part: at 100,000 records that read held the write lock for most of a part.
    """
    if uids is None:
        uids = UidMap(connection)
        uids.preload(shared_tables())
        return uids
    uids.connection = connection
    touched: dict[str, list[str]] = {}
    for table_name, uid in connection.execute(select(m.SyncOutbox.table_name, m.SyncOutbox.uid)
                                              .where(m.SyncOutbox.id > mark)):
        touched.setdefault(table_name, []).append(uid)
    for table_name, changed in touched.items():
        if shared_tables()[table_name].id_column is not None:
            uids.refresh(table_name, changed)
    return uids


def _written_here(connection: Connection) -> set[str]:
    """The tables this desktop's officer wrote to (pending rows): no longer empty, whatever the pull began with."""
    return set(connection.execute(select(m.SyncOutbox.table_name).distinct()).scalars())


def _mark_everything_pending(connection: Connection) -> None:
    """A desktop joining the team: each of its rows is pushed unless the server holds the same."""
    for shared in shared_tables().values():
        connection.execute(insert(m.SyncOutbox).from_select(
            ["table_name", "uid"],
            select(literal(shared.name), shared.table.c.uid).where(shared.table.c.uid.is_not(None))))


class _Rows:
    """The snapshot's entries, remembering the last one taken and whether any are left."""

    def __init__(self, entries: Iterator[Entry]) -> None:
        self.entries = entries
        self.last: Entry | None = None
        self.ahead: Entry | None = None

    def __iter__(self) -> Iterator[Entry]:
        return self

    def __next__(self) -> Entry:
        if self.ahead is not None:
            entry, self.ahead = self.ahead, None
        else:
            entry = next(self.entries)
        self.last = entry
        return entry

    def exhausted(self) -> bool:
        if self.ahead is None:
            self.ahead = next(self.entries, None)
        return self.ahead is None


def _remaining(shared: SharedTable, position: Position) -> ColumnElement[bool] | None:
    """The condition for the rows of ``shared`` not applied yet; None: all of them."""
    if position.table != shared.name or position.after is None:
        return None
    key = list(shared.table.primary_key.columns)
    return tuple_(*key) > tuple_(*[literal(value) for value in position.after])


def _tables_left(position: Position) -> list[SharedTable]:
    tables = list(shared_tables().values())
    names = [shared.name for shared in tables]
    return tables[names.index(position.table):] if position.table in names else tables


def _snapshot_size(server: Connection, position: Position) -> int:
    total = 0
    for shared in _tables_left(position):
        query = select(func.count()).select_from(shared.table)
        condition = _remaining(shared, position)
        total += int(server.execute(query if condition is None else query.where(condition)).scalar_one())
    return total


def _snapshot(server: Connection, position: Position) -> Iterator[Entry]:
    """The server's shared rows after the position, parents first, as puts at the server's versions.

    A record's row is named by the officer who changed it last (``team_audit.authors``).
    """
    uids = UidMap(server)
    uids.preload(shared_tables())
    versions = dict(server.execute(select(m.SyncVersion.uid, m.SyncVersion.version)).all())
    by_uid, by_record = team_audit.authors(server, position.newest)
    for shared in _tables_left(position):
        key = list(shared.table.primary_key.columns)
        query = select(shared.table).order_by(*key)
        condition = _remaining(shared, position)
        named = shared.name in KINDS
        for row in server.execute(query if condition is None else query.where(condition)).mappings() \
                .yield_per(READ_ROWS):
            uid = row["uid"]
            if uid is None:
                continue
            officer, at = (by_uid.get(uid) or by_record.get((shared.name, row["id"])) or ("", None)) if named \
                else ("", None)
            yield Entry(shared.name, uid, versions.get(uid, 0), "put", to_wire(shared, dict(row), uids),
                        officer=officer, at=at, key=tuple(row[column.name] for column in key))
