"""Shared rows on the wire: named by ``uid``, each foreign key sent as the ``uid`` of the row it points at.

Desktops and the team server number rows on their own (integer ids, the primary and foreign keys
everywhere); what they share is the ``uid`` every shared row carries (migration 0006). This module
derives from the models, not per kind, which tables are shared, which of their columns point at
which table, and which columns name a row naturally (a tag's key, an article's hash, the two ends
of a link), and turns a row into its wire form and back:

- wire form: every column but the local ``id`` and ``uid``; a foreign key holds the ``uid`` of the
  row it points at (None stays None); datetimes are ISO text; the rest as JSON holds it.
- ``UidMap`` translates one side's ids to uids and back on one connection, with a cache per table
  (a pull or a push asks about the same few parents again and again).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cache, cached_property
from typing import Any

from sqlalchemy import DateTime, Table, UniqueConstraint, select
from sqlalchemy.engine import Connection

from archive.db.models import Base

UID = "uid"
BOOKKEEPING_PREFIX = "sync_"  # sync's own tables carry uids too, but are never shared
CHUNK = 500  # values per IN (...) list
TIMESTAMPS = frozenset({"created_at", "updated_at"})  # not compared: two equal edits differ in them


@dataclass(frozen=True)
class SharedTable:
    """A table whose rows desktops share: its id column (None for a link table), links and natural keys."""

    table: Table
    id_column: str | None
    links: Mapping[str, str]  # column -> the shared table it points at
    required_links: frozenset[str]  # links that may not be None (the row cannot exist without its parent)
    natural_keys: tuple[tuple[str, ...], ...]  # column sets unique on both sides, besides uid
    datetime_columns: frozenset[str]

    @property
    def name(self) -> str:
        return self.table.name

    @cached_property
    def content_columns(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.table.columns if column.name not in (UID, self.id_column))


@cache
def shared_tables() -> dict[str, SharedTable]:
    """Every shared table by name, parents before children (the order rows are put in)."""
    return {table.name: _describe(table) for table in Base.metadata.sorted_tables
            if UID in table.columns and not table.name.startswith(BOOKKEEPING_PREFIX)}


def shared_table(name: str) -> SharedTable:
    return shared_tables()[name]


def _describe(table: Table) -> SharedTable:
    primary = [column.name for column in table.primary_key.columns]
    id_column = primary[0] if len(primary) == 1 and table.c[primary[0]].autoincrement in (True, "auto") and not \
        table.c[primary[0]].foreign_keys else None
    links = {column.name: next(iter(column.foreign_keys)).column.table.name
             for column in table.columns if column.foreign_keys}
    keys = [tuple(column.name for column in constraint.columns)
            for constraint in table.constraints if isinstance(constraint, UniqueConstraint)]
    keys += [tuple(column.name for column in index.columns) for index in table.indexes if index.unique]
    if id_column is None:
        keys.append(tuple(primary))
    natural = tuple(dict.fromkeys(key for key in keys if UID not in key))
    return SharedTable(
        table=table, id_column=id_column, links=links,
        required_links=frozenset(name for name in links if not table.c[name].nullable),
        natural_keys=natural,
        datetime_columns=frozenset(column.name for column in table.columns if isinstance(column.type, DateTime)))


class UidMap:
    """Ids and uids of shared rows on one side (a desktop or the server), read through ``connection``."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self._uid_of: dict[str, dict[int, str | None]] = {}
        self._id_of: dict[str, dict[str, int | None]] = {}
        self._complete: set[str] = set()  # tables read whole: a uid not known is not there

    def preload(self, table_names: Iterable[str]) -> None:
        """Read every id and uid of these tables at once (a whole archive is being copied)."""
        for name in table_names:
            shared = shared_table(name)
            if shared.id_column is None:
                continue
            id_column = shared.table.c[shared.id_column]
            rows = self.connection.execute(select(id_column, shared.table.c.uid)).all()
            self._uid_of[name] = {row[0]: row[1] for row in rows}
            self._id_of[name] = {row[1]: row[0] for row in rows if row[1] is not None}
            self._complete.add(name)

    def load(self, table_name: str, uids: Iterable[str]) -> None:
        """Read the ids of these uids of one table at once (the parents a batch of rows points at)."""
        known = self._id_of.setdefault(table_name, {})
        wanted = sorted({uid for uid in uids if uid not in known})
        table = shared_table(table_name).table
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start:start + CHUNK]
            found = dict(self.connection.execute(select(table.c.uid, table.c.id).where(table.c.uid.in_(chunk))).all())
            for uid in chunk:
                known[uid] = found.get(uid)

    def load_links(self, shared: SharedTable, rows: Iterable[Mapping[str, Any]]) -> None:
        """``load`` the parents that these wire rows of ``shared`` point at."""
        rows = list(rows)
        for column, target in shared.links.items():
            self.load(target, (str(row[column]) for row in rows if row.get(column) is not None))

    def uid_of(self, table_name: str, row_id: int) -> str | None:
        known = self._uid_of.setdefault(table_name, {})
        if row_id not in known and table_name in self._complete:
            return None
        if row_id not in known:
            table = shared_table(table_name).table
            known[row_id] = self.connection.execute(select(table.c.uid).where(table.c.id == row_id)).scalar()
        return known[row_id]

    def id_of(self, table_name: str, uid: str) -> int | None:
        known = self._id_of.setdefault(table_name, {})
        if uid not in known and table_name in self._complete:
            return None
        if uid not in known:
            table = shared_table(table_name).table
            known[uid] = self.connection.execute(select(table.c.id).where(table.c.uid == uid)).scalar()
        return known[uid]

    def refresh(self, table_name: str, uids: Iterable[str]) -> None:
        """Read the ids of these uids again: another writer may have added or removed their rows since."""
        known = self._id_of.setdefault(table_name, {})
        reverse = self._uid_of.setdefault(table_name, {})
        wanted = sorted(set(uids))
        table = shared_table(table_name).table
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start:start + CHUNK]
            found = dict(self.connection.execute(select(table.c.uid, table.c.id).where(table.c.uid.in_(chunk))).all())
            for uid in chunk:
                before = known.get(uid)
                if before is not None:
                    reverse.pop(before, None)
                known[uid] = found.get(uid)
                if found.get(uid) is not None:
                    reverse[found[uid]] = uid

    def remember(self, table_name: str, row_id: int | None, uid: str | None) -> None:
        """A row was inserted (``uid`` now names ``row_id``) or deleted (``row_id`` None)."""
        if uid is None:
            return
        if row_id is None:
            self._id_of.setdefault(table_name, {})[uid] = None
            return
        self._id_of.setdefault(table_name, {})[uid] = row_id
        self._uid_of.setdefault(table_name, {})[row_id] = uid


def to_wire(shared: SharedTable, row: Mapping[str, Any], uids: UidMap) -> dict[str, Any]:
    """The wire form of a row read from a table (all its columns)."""
    wire: dict[str, Any] = {}
    for column in shared.content_columns:
        value = row[column]
        if value is not None and column in shared.links:
            value = uids.uid_of(shared.links[column], int(value))
        elif isinstance(value, datetime):
            value = value.isoformat(sep=" ")
        wire[column] = value
    return wire


Redirect = Callable[[str], "str | None"]


def from_wire(shared: SharedTable, wire: Mapping[str, Any], uids: UidMap,
              redirect: Redirect | None = None) -> tuple[dict[str, Any], list[str]]:
    """The row's column values on this side, and the links whose row is not here (set to None).

    ``redirect`` gives, for the uid of a row merged away, the uid of the row it was merged into.
    """
    values: dict[str, Any] = {}
    missing = []
    for column in shared.content_columns:
        if column not in wire:
            continue
        value = wire[column]
        if value is not None and column in shared.links:
            target = shared.links[column]
            found = uids.id_of(target, str(value))
            survivor = redirect(str(value)) if found is None and redirect is not None else None
            if survivor is not None:
                found = uids.id_of(target, survivor)
            if found is None:
                missing.append(column)
            value = found
        elif value is not None and column in shared.datetime_columns:
            value = datetime.fromisoformat(str(value))
        values[column] = value
    return values, missing


def same_content(first: Mapping[str, Any] | None, second: Mapping[str, Any] | None) -> bool:
    """Whether two wire rows hold the same record (timestamps aside); None is a deleted row."""
    if first is None or second is None:
        return first is None and second is None
    return differing_fields(first, second) == ()


def differing_fields(first: Mapping[str, Any] | None, second: Mapping[str, Any] | None) -> tuple[str, ...]:
    """The fields whose values differ (every field when one side is deleted), timestamps aside."""
    names = [name for name in dict.fromkeys([*(first or {}), *(second or {})]) if name not in TIMESTAMPS]
    if first is None or second is None:
        return tuple(names)
    return tuple(name for name in names if first.get(name) != second.get(name))
