"""``muntada team push``: a desktop archive uploaded whole into an empty team archive.

The first officer's archive becomes the team's: every table, every row, ids kept, in one
transaction on the server. Killed half-way (``kill -9``, a dropped network), the server rolls
the transaction back, so the team archive is left empty, never half-filled, and the push can
simply be run again. The advisory lock of ``archive.team.schema`` keeps two pushes (or a push
and an init) from overlapping; a team archive that already holds records is refused.

The desktop archive is read in one SQLite read transaction, so the upload is one consistent
snapshot even while the app keeps writing. Tables go in foreign-key order; rows are read and
written in batches (psycopg sends each batch pipelined). Afterwards each table's id sequence is
moved past the largest id, so records the server numbers later never collide with pushed ones.

Not uploaded: ``outbox``, this desktop's queue of search-index work (the server has no index), and
sync's own tables. Afterwards this desktop counts as synced: what it uploaded is no longer pending
(``archive.team.sync``).

SQLite does not enforce ``VARCHAR(n)`` lengths and accepts NUL characters; PostgreSQL refuses
both. Each row is checked before it is sent, so such a record is named (table, id, field) in
one clear message instead of a failed transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, Table, exists, func, insert, select, text
from sqlalchemy.engine import Connection, Engine

from archive.db.engine import Archive
from archive.db.models import ArchiveMeta, Base
from archive.team.errors import TeamArchiveNotEmptyError, TeamPushDataError
from archive.team.local import drop_pending_up_to, mark_synced, newest_pending_id
from archive.team.sample_guard import refuse_sample_archive
from archive.team.schema import TEAM_MARKER_KEY, lock_team_archive, require_current_schema
from archive.team.server import TeamAddress

# This desktop's own queues and bookkeeping: the search index's, and sync's (the server's change log
# and versions start empty: what is uploaded is every row at version 0).
LOCAL_ONLY_TABLES = frozenset({"outbox", "sync_outbox", "sync_conflict", "sync_version", "sync_change",
                               "sync_state"})
BATCH_ROWS = 2000  # rows per INSERT batch: large enough to pipeline well, small enough for steady progress


@dataclass(frozen=True)
class PushProgress:
    """Where an upload is: the table being copied and the rows sent so far (of that table and in all)."""

    table: str
    table_rows_sent: int
    table_rows: int
    rows_sent: int
    rows: int


@dataclass(frozen=True)
class PushResult:
    """What was uploaded: rows per table (in the order sent) and their sum."""

    rows_by_table: tuple[tuple[str, int], ...]

    @property
    def rows(self) -> int:
        return sum(count for _table, count in self.rows_by_table)


def pushed_tables() -> list[Table]:
    """The tables uploaded, parents before children (foreign keys are checked row by row)."""
    return [table for table in Base.metadata.sorted_tables if table.name not in LOCAL_ONLY_TABLES]


def push_archive(archive: Archive, engine: Engine, address: TeamAddress,
                 progress: Callable[[PushProgress], None] | None = None) -> PushResult:
    """Upload ``archive`` into the empty team archive behind ``engine``, all or nothing.

    Raises ``TeamArchiveNotEmptyError`` when the team archive holds records, ``TeamSchemaError``
    when it is not at this program's schema, ``TeamPushDataError`` for a record the server cannot
    store; server failures arrive as the ``TeamServerError``s of ``archive.team.server``.
    """
    refuse_sample_archive(archive)
    tables = pushed_tables()
    with engine.begin() as server:
        lock_team_archive(server)
        require_current_schema(server, address)
        _refuse_records(server, tables, address)
        with archive.engine.connect() as local:
            # pysqlite starts no transaction for SELECTs: without this BEGIN each table would be read
            # in a snapshot of its own, and a write between two tables could break a foreign key.
            local.exec_driver_sql("BEGIN")
            uploaded_changes = newest_pending_id(local)
            counts = {table.name: local.execute(select(func.count()).select_from(table)).scalar_one()
                      for table in tables}
            total = sum(counts.values())
            sent = 0
            for table in tables:
                sent = _copy_table(local, server, table, (sent, counts[table.name], total), progress)
            local.rollback()
        _move_sequences_past_ids(server, tables)
    with archive.engine.begin() as local:  # the server holds every change made before the snapshot
        drop_pending_up_to(local, uploaded_changes)
        mark_synced(local, 0, address.display)
    return PushResult(tuple((table.name, counts[table.name]) for table in tables))


def _refuse_records(server: Connection, tables: Iterable[Table], address: TeamAddress) -> None:
    for table in tables:
        query = select(table)
        if table.name == ArchiveMeta.__tablename__:
            query = query.where(table.c.key != TEAM_MARKER_KEY)
        if server.execute(select(exists(query))).scalar():
            raise TeamArchiveNotEmptyError(
                "The team archive at {server} already holds records (table {table}); nothing was uploaded. "
                "'team push' fills an empty team archive only: the first officer's archive becomes the team's.",
                server=address.display, table=table.name)


def _copy_table(local: Connection, server: Connection, table: Table, position: tuple[int, int, int],
                progress: Callable[[PushProgress], None] | None) -> int:
    """Send every row of ``table``; ``position`` is (rows sent before, rows of this table, rows in all)."""
    sent_before, table_rows, total = position
    sent_here = 0
    rows = local.execute(select(table).order_by(*table.primary_key.columns)).mappings()
    for batch in rows.partitions(BATCH_ROWS):
        values = [dict(row) for row in batch]
        for row in values:
            _check_fits(table, row)
        server.execute(insert(table), values)
        sent_here += len(values)
        if progress is not None:
            progress(PushProgress(table.name, sent_here, table_rows, sent_before + sent_here, total))
    return sent_before + sent_here


def _check_fits(table: Table, row: Mapping[str, Any]) -> None:
    """Refuse, by name, a text longer than its column allows or holding a NUL (SQLite keeps both)."""
    for column in table.columns:
        value = row[column.key]
        if not isinstance(value, str):
            continue
        length = column.type.length if isinstance(column.type, String) else None
        if (length is not None and len(value) > length) or "\x00" in value:
            raise TeamPushDataError(
                "The record {record} of the table {table} cannot be stored on the team server: its field {column} "
                "is too long or holds a NUL character. Correct it on this desktop and push again.",
                record=_row_name(table, row), table=table.name, column=column.name)


def _row_name(table: Table, row: Mapping[str, Any]) -> str:
    return "/".join(str(row[column.key]) for column in table.primary_key.columns)


def _move_sequences_past_ids(server: Connection, tables: Iterable[Table]) -> None:
    """Make each id sequence hand out the next id after the largest pushed (ids were given explicitly)."""
    quote = server.dialect.identifier_preparer.quote
    for table in tables:
        column = table.autoincrement_column
        if column is None:
            continue
        server.execute(
            text(f"SELECT setval(pg_get_serial_sequence(:table, :column), "
                 f"COALESCE(MAX({quote(column.name)}), 0) + 1, false) FROM {quote(table.name)}"),
            {"table": quote(table.name), "column": column.name})
