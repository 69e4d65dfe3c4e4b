"""The desktop's side of sync: its pending changes, the versions it last saw, and rows written from the wire.

- Pending changes: the uids in ``sync_outbox`` (written by the triggers of migration 0006 in each
  change's own transaction). What is pushed is the row as it is at push time: present, a put;
  gone, a delete.
- Versions: ``sync_version`` holds, per uid, the server's version this desktop last saw (none: 0).
- Rows from the wire (pulled, or a conflict resolved with the server's side) are written here with
  their links translated to local ids, and each record they change is queued for the search
  index (``outbox``) in the same transaction, with the records that show its name when it goes.
  The sync triggers fire for these writes too; the caller drops what they queued
  (``drop_pending_after``), since a pulled change must not be pushed back.
- State: the desktop's id, the last change-log entry applied and the last sync time, in ``sync_state``.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from archive.db import models as m
from archive.db.engine import Archive
from archive.kinds import KIND_LABELS
from archive.kinds.relations import showing
from archive.services.changes import Changes, NetRowChange, changes_of
from archive.services.maintenance import GENERATION_KEY
from archive.team.wire import CHUNK, Redirect, SharedTable, UidMap, from_wire, shared_table, shared_tables, to_wire

DESKTOP_KEY = "sync_desktop"
LAST_SEQ_KEY = "sync_last_seq"
LAST_SYNC_KEY = "sync_last_at"
SERVER_KEY = "sync_server"  # the team archive the position in the log belongs to


# --- the write transaction ----------------------------------------------------------------------

@contextmanager
def write_transaction(archive: Archive) -> Iterator[Connection]:
    """One transaction on the archive that holds its write lock from the start (``BEGIN IMMEDIATE``).

    A pull or a resolution reads what is pending and then drops what its own writes queued; an
    officer's edit committed in between (SQLite takes the lock only at the first write otherwise)
    would be taken for one of them and forgotten.
    """
    with archive.engine.connect() as connection:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            yield connection
        except BaseException:
            connection.rollback()
            raise
        connection.commit()


# --- state ---------------------------------------------------------------------------------------

def meta(connection: Connection, key: str) -> str | None:
    return connection.execute(select(m.SyncState.value).where(m.SyncState.key == key)).scalar()


def set_meta(connection: Connection, key: str, value: str) -> None:
    if meta(connection, key) is None:
        connection.execute(insert(m.SyncState).values(key=key, value=value))
    else:
        connection.execute(update(m.SyncState).where(m.SyncState.key == key).values(value=value))


def desktop_id(connection: Connection) -> str:
    """This archive's name in the change log (made at its first sync)."""
    known = meta(connection, DESKTOP_KEY)
    if known is None:
        known = m.new_uid()
        set_meta(connection, DESKTOP_KEY, known)
    return known


def last_seq(connection: Connection, server: str) -> int | None:
    """The last entry of ``server``'s change log applied here; None: never synced with that team archive.

    A desktop moved to another team archive (another address) starts again as if it joined: its
    position and versions belong to the other log.
    """
    value = meta(connection, LAST_SEQ_KEY)
    if value is None:
        return None
    known = meta(connection, SERVER_KEY)
    if known is not None and known != server:
        connection.execute(delete(m.SyncVersion))
        return None
    return int(value)


def renew_generation(connection: Connection) -> None:
    """Tell what is derived from the archive (its search index) that its contents were replaced wholesale."""
    statement = sqlite_insert(m.ArchiveMeta).values(key=GENERATION_KEY, value=uuid.uuid4().hex)
    connection.execute(statement.on_conflict_do_update(index_elements=[m.ArchiveMeta.key],
                                                       set_={"value": statement.excluded.value}))


def mark_synced(connection: Connection, seq: int, server: str) -> None:
    set_meta(connection, LAST_SEQ_KEY, str(seq))
    set_meta(connection, SERVER_KEY, server)
    set_meta(connection, LAST_SYNC_KEY, datetime.now(UTC).replace(tzinfo=None, microsecond=0).isoformat(sep=" "))


# --- pending changes and versions ----------------------------------------------------------------

def pending(connection: Connection) -> dict[str, str]:
    """uid -> table of every shared row changed here and not pushed yet."""
    rows = connection.execute(select(m.SyncOutbox.uid, m.SyncOutbox.table_name).order_by(m.SyncOutbox.id))
    return {row.uid: row.table_name for row in rows}


def pending_count(connection: Connection) -> int:
    return int(connection.execute(select(func.count(func.distinct(m.SyncOutbox.uid)))).scalar_one())


def newest_pending_id(connection: Connection) -> int:
    return int(connection.execute(select(func.max(m.SyncOutbox.id))).scalar() or 0)


def drop_pending(connection: Connection, uids: Iterable[str], up_to: int | None = None) -> None:
    """Forget the pending changes of ``uids`` (those queued up to ``up_to`` only, when given)."""
    wanted = sorted(set(uids))
    for start in range(0, len(wanted), 500):
        query = delete(m.SyncOutbox).where(m.SyncOutbox.uid.in_(wanted[start:start + 500]))
        if up_to is not None:
            query = query.where(m.SyncOutbox.id <= up_to)
        connection.execute(query)


def drop_pending_up_to(connection: Connection, up_to: int) -> None:
    connection.execute(delete(m.SyncOutbox).where(m.SyncOutbox.id <= up_to))


def drop_pending_after(connection: Connection, after_id: int) -> None:
    """Forget what the sync triggers queued after ``after_id`` (the writes of a pull, not the officer's)."""
    connection.execute(delete(m.SyncOutbox).where(m.SyncOutbox.id > after_id))


def add_pending(connection: Connection, table_name: str, uid: str) -> None:
    connection.execute(insert(m.SyncOutbox).values(table_name=table_name, uid=uid))


def version_of(connection: Connection, uid: str) -> int:
    return int(connection.execute(select(m.SyncVersion.version).where(m.SyncVersion.uid == uid)).scalar() or 0)


def set_version(connection: Connection, uid: str, version: int) -> None:
    set_versions(connection, {uid: version})


def versions_of(connection: Connection, uids: Iterable[str]) -> dict[str, int]:
    """uid -> version, for the uids that have one (the others are at 0)."""
    wanted = sorted(set(uids))
    found: dict[str, int] = {}
    for start in range(0, len(wanted), CHUNK):
        found.update(connection.execute(select(m.SyncVersion.uid, m.SyncVersion.version)
                                        .where(m.SyncVersion.uid.in_(wanted[start:start + CHUNK]))).all())
    return found


def set_versions(connection: Connection, versions: Mapping[str, int]) -> None:
    """Record these versions (an upsert, in one batch, on SQLite or PostgreSQL)."""
    if not versions:
        return
    upsert = sqlite_insert if connection.dialect.name == "sqlite" else postgresql_insert
    statement = upsert(m.SyncVersion)
    statement = statement.on_conflict_do_update(index_elements=[m.SyncVersion.uid],
                                                set_={"version": statement.excluded.version})
    connection.execute(statement, [{"uid": uid, "version": version} for uid, version in versions.items()])


# --- rows ----------------------------------------------------------------------------------------

def row_by_uid(connection: Connection, shared: SharedTable, uid: str) -> dict[str, Any] | None:
    row = connection.execute(select(shared.table).where(shared.table.c.uid == uid)).mappings().first()
    return dict(row) if row is not None else None


def wire_row(connection: Connection, shared: SharedTable, uid: str, uids: UidMap) -> dict[str, Any] | None:
    """The row named ``uid`` here in its wire form; None when there is none."""
    row = row_by_uid(connection, shared, uid)
    return to_wire(shared, row, uids) if row is not None else None


@dataclass
class LocalWrites:
    """What writing rows from the wire changed here: row changes for ``Changes``, records to re-index."""

    rows: list[NetRowChange] = field(default_factory=list)
    referrers: list[tuple[str, int]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # uids not written: a row they need is not here

    def changes(self) -> Changes:
        return changes_of(self.rows)

    def enqueue(self, connection: Connection) -> Changes:
        """Queue every changed record for the search index (the search layer drains the queue)."""
        changes = self.changes()
        queued = {(kind, record_id, "upsert") for kind, record_id in self.referrers}
        for ops, op in ((changes.created, "upsert"), (changes.updated, "upsert"), (changes.deleted, "delete")):
            queued |= {(kind, record_id, op) for kind, ids in ops.items() for record_id in ids}
        queued = {item for item in queued if item[0] in KIND_LABELS}
        live = {(kind, record_id) for kind, record_id, op in queued if op == "delete"}
        rows = [{"record_kind": kind, "record_id": record_id, "op": op} for kind, record_id, op in sorted(queued)
                if op == "delete" or (kind, record_id) not in live]
        if rows:
            connection.execute(insert(m.OutboxEntry), rows)
        return changes


def _key(shared: SharedTable, values: Mapping[str, Any]) -> str:
    if shared.id_column is not None:
        return json.dumps({shared.id_column: values[shared.id_column]})
    return json.dumps({column.name: values[column.name] for column in shared.table.primary_key.columns})


def put_row(connection: Connection, shared: SharedTable, uid: str, wire: Mapping[str, Any], uids: UidMap,
            writes: LocalWrites, redirect: Redirect | None = None, new: bool = False) -> bool:
    """Make the row named ``uid`` hold ``wire`` here; False (nothing written) when a row it needs is missing.

    A link to a missing row that may be empty is emptied (as the server's foreign key did). A row
    that is new here but has the natural key of a row already here (the same tag, the same
    article, imported on both desktops) is that row: it takes the wire's uid. ``new``: the caller
    knows there is neither (a table that was empty), so neither is looked for.
    """
    values, missing = from_wire(shared, wire, uids, redirect)
    if any(column in shared.required_links for column in missing):
        writes.skipped.append(uid)
        return False
    table = shared.table
    present = None if new else row_by_uid(connection, shared, uid) or same_natural_row(connection, shared, values)
    if present is None:
        result = connection.execute(insert(table), {"uid": uid, **values})  # bound, so compiled once
        after = {**values, "uid": uid}
        if shared.id_column is not None:
            after[shared.id_column] = inserted_id(result)
            uids.remember(shared.name, int(after[shared.id_column]), uid)
        writes.rows.append(NetRowChange(shared.name, _key(shared, after), None, after, len(writes.rows)))
        return True
    before = dict(present)
    keys = {f"match_{column.name}": before[column.name] for column in table.primary_key.columns}
    connection.execute(update(table).where(*[column == bindparam(f"match_{column.name}")
                                             for column in table.primary_key.columns]),
                       {**keys, "uid": uid, **values})
    after = {**before, **values, "uid": uid}
    if before.get("uid") != uid:
        uids.remember(shared.name, None, before.get("uid"))
        if shared.id_column is not None:
            uids.remember(shared.name, int(before[shared.id_column]), uid)
    writes.rows.append(NetRowChange(shared.name, _key(shared, after), before, after, len(writes.rows)))
    return True


def insert_rows(connection: Connection, shared: SharedTable, rows: list[dict[str, Any]], uids: UidMap,
                writes: LocalWrites) -> None:
    """Insert rows new here (each with its ``uid`` and local link ids) in one executemany.

    Their ids are given here, after the largest (the pull holds the archive's write lock): SQLite
    returns no ids from an executemany.
    """
    table = shared.table
    if shared.id_column is not None:
        id_column = table.c[shared.id_column]
        next_id = int(connection.execute(select(func.coalesce(func.max(id_column), 0))).scalar_one()) + 1
        for offset, row in enumerate(rows):
            row[shared.id_column] = next_id + offset
            uids.remember(shared.name, next_id + offset, row["uid"])
    connection.execute(insert(table), rows)
    for row in rows:
        writes.rows.append(NetRowChange(shared.name, _key(shared, row), None, row, len(writes.rows)))


def inserted_id(result: Any) -> int:
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def _where_key(shared: SharedTable, row: Mapping[str, Any]) -> list[Any]:
    return [column == row[column.name] for column in shared.table.primary_key.columns]


def same_natural_row(connection: Connection, shared: SharedTable,
                      values: Mapping[str, Any]) -> dict[str, Any] | None:
    for key in shared.natural_keys:
        if any(values.get(column) is None for column in key):
            continue
        found = connection.execute(select(shared.table).where(
            *[shared.table.c[column] == values[column] for column in key])).mappings().first()
        if found is not None:
            return dict(found)
    return None


def delete_row(connection: Connection, shared: SharedTable, uid: str, uids: UidMap, writes: LocalWrites,
               merged_into: str | None = None) -> None:
    """Remove the row named ``uid`` here; its links move to ``merged_into`` first when it was merged away."""
    present = row_by_uid(connection, shared, uid)
    if present is None:
        return
    before = dict(present)
    if shared.id_column is not None:
        row_id = int(before[shared.id_column])
        survivor = uids.id_of(shared.name, merged_into) if merged_into else None
        if survivor is not None:
            repoint_links(connection, shared.name, row_id, survivor)
        if shared.name in KIND_LABELS:
            with Session(bind=connection) as session:
                for kind, ids in showing(session, shared.name, [row_id]).items():
                    writes.referrers += [(kind, record_id) for record_id in ids]
        uids.remember(shared.name, None, uid)
    connection.execute(delete(shared.table).where(*_where_key(shared, before)))
    writes.rows.append(NetRowChange(shared.name, _key(shared, before), before, None, len(writes.rows)))


def repoint_links(connection: Connection, table_name: str, from_id: int, to_id: int) -> None:
    """Point the links at row ``from_id`` of ``table_name`` to ``to_id`` (a merge), on either side.

    Links that are part of a row's natural key (an alias's person, a tag link's ends) are not
    moved: the merge itself moved or dropped those, and moving them could make two rows one.
    """
    for shared in shared_tables().values():
        for column, target in shared.links.items():
            if target != table_name or any(column in key for key in shared.natural_keys):
                continue
            connection.execute(update(shared.table).where(shared.table.c[column] == from_id)
                               .values({column: to_id}))


def merges_here(connection: Connection, uids: UidMap) -> dict[str, str]:
    """uid of a record merged away here and not pushed yet -> uid of the record it was merged into.

    Read from the audit trail's merge entries (``{"merged_into": id}``) of the records whose
    deletion is pending (the outbox keeps a deleted record's local id, migration 0007).
    """
    found: dict[str, str] = {}
    by_table: dict[str, list[str]] = {}
    for uid, table in pending(connection).items():
        if table in KIND_LABELS:
            by_table.setdefault(table, []).append(uid)
    for table, wanted in by_table.items():
        uids.load(table, wanted)
        for uid in wanted:
            survivor = _merge_entry_of(connection, table, uid) if uids.id_of(table, uid) is None else None
            if survivor is not None:
                found[uid] = survivor
    return found


def _merge_entry_of(connection: Connection, table: str, uid: str) -> str | None:
    """The uid of the record a deleted one was merged into: its audit trail's merge entry, by its local id."""
    record_id = connection.execute(
        select(m.SyncOutbox.row_id).where(m.SyncOutbox.uid == uid, m.SyncOutbox.row_id.is_not(None))
        .order_by(m.SyncOutbox.id.desc()).limit(1)).scalar()
    if record_id is None:
        return None
    merged = connection.execute(
        select(m.AuditEntry.after).where(m.AuditEntry.record_kind == table, m.AuditEntry.record_id == record_id,
                                         m.AuditEntry.action == "merge").order_by(m.AuditEntry.id.desc()).limit(1)
    ).scalar()
    if not isinstance(merged, dict) or merged.get("merged_into") is None:
        return None
    shared = shared_table(table)
    survivor = connection.execute(select(shared.table.c.uid).where(
        shared.table.c.id == int(merged["merged_into"]))).scalar()
    return str(survivor) if survivor else None
