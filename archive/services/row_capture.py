"""Catching every row a step changes, in SQLite itself, so that undo can write the rows back.

While a step (``archive.services.steps``) is open, temporary triggers on every table of the
archive's records copy each inserted, updated and deleted row into ``row_change``, as JSON
objects before and after. Triggers, not ORM events, because SQLite's own foreign-key actions
(a deleted person's quotes losing their speaker, an event's sessions deleted with it) and bulk
``UPDATE`` statements (a merge moving quotes over) never pass through the ORM.

The triggers are TEMP triggers, made from the models when a connection first opens a step:
they are never stored in the archive file, so a migration adding a column needs nothing here.
They fire only while the connection's SQL function ``muntada_step()`` names the open step: a
function kept in Python, not a table, so opening a step writes nothing and starts no
transaction (the first real change still takes the write lock, as before).

A ``Float`` column is kept as text of 21 significant digits (SQLite's JSON keeps 15, its printf
without the "!" flag 16), so a figure written back is the same number to the last bit.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Float, Table
from sqlalchemy.engine import Connection

from archive.db.models import Base

# Bookkeeping tables, never captured: the undo log itself, the audit trail, the search outbox, and
# sync's own (an undo is a new change to send, against the server version last seen: undoing the
# sync outbox or the versions would lose the change or make it conflict with itself).
NOT_CAPTURED = frozenset({"row_change", "operation", "audit_entry", "outbox", "archive_meta", "alembic_version",
                          "sync_outbox", "sync_state", "sync_version", "sync_change", "sync_conflict"})
STEP_FUNCTION = "muntada_step"
_STEP_HOLDER = "muntada_row_capture"  # connection.info key: the open step's id, in a one-item list


@dataclass(frozen=True)
class CapturedTable:
    """A table whose rows are captured: its columns, which of them are the key, which are floats."""

    name: str
    columns: tuple[str, ...]
    key_columns: tuple[str, ...]
    float_columns: frozenset[str]

    def row_json(self, alias: str, columns: tuple[str, ...] | None = None) -> str:
        """SQL for ``json_object`` of the row called ``alias`` (``NEW``, ``OLD`` or the table)."""
        parts = []
        for column in columns or self.columns:
            value = f'{alias}."{column}"'
            if column in self.float_columns:
                value = f"CASE WHEN {value} IS NULL THEN NULL ELSE printf('%!.20e', {value}) END"
            parts.append(f"'{column}', {value}")
        return f"json_object({', '.join(parts)})"

    def stored_values(self, row: Mapping[str, Any]) -> dict[str, Any]:
        """The values of a captured JSON row as they are bound back into SQL (floats from their text)."""
        return {
            column: float(value) if column in self.float_columns and value is not None else value
            for column, value in row.items()
            if column in self.columns
        }


@cache
def captured_tables() -> dict[str, CapturedTable]:
    """Every table of the models whose rows steps capture, by name."""
    return {table.name: _describe(table) for table in Base.metadata.sorted_tables if table.name not in NOT_CAPTURED}


def _describe(table: Table) -> CapturedTable:
    return CapturedTable(
        name=table.name,
        columns=tuple(column.name for column in table.columns),
        key_columns=tuple(column.name for column in table.primary_key.columns),
        float_columns=frozenset(column.name for column in table.columns if isinstance(column.type, Float)),
    )


def install(connection: Connection) -> list[int | None]:
    """Make the capturing triggers on this connection (once per connection); returns its step holder."""
    holder: list[int | None] | None = connection.info.get(_STEP_HOLDER)
    if holder is not None:
        return holder
    holder = [None]
    dbapi_connection = connection.connection.dbapi_connection
    assert dbapi_connection is not None
    dbapi_connection.create_function(STEP_FUNCTION, 0, lambda: holder[0])
    for statement in _trigger_statements():
        connection.exec_driver_sql(statement)
    connection.info[_STEP_HOLDER] = holder
    return holder


def start(connection: Connection, operation_id: int) -> list[int | None]:
    """From now on, rows changed on this connection belong to step ``operation_id``; give the result to ``stop``."""
    holder = install(connection)
    holder[0] = operation_id
    return holder


def stop(holder: list[int | None]) -> None:
    """Stop capturing (the step is about to commit, or failed): needs no database, so it cannot fail."""
    holder[0] = None


@cache
def _trigger_statements() -> tuple[str, ...]:
    statements = []
    for table in captured_tables().values():
        for event, before, after in (("INSERT", None, "NEW"), ("UPDATE", "OLD", "NEW"), ("DELETE", "OLD", None)):
            key_alias = after or before
            statements.append(
                f"CREATE TEMP TRIGGER IF NOT EXISTS muntada_capture_{table.name}_{event.lower()} "
                f'AFTER {event} ON main."{table.name}" '
                f"WHEN {STEP_FUNCTION}() IS NOT NULL BEGIN "
                "INSERT INTO row_change (operation_id, table_name, row_key, before, after) "
                f"VALUES ({STEP_FUNCTION}(), '{table.name}', {table.row_json(str(key_alias), table.key_columns)}, "
                f"{table.row_json(before) if before else 'NULL'}, {table.row_json(after) if after else 'NULL'}); END"
            )
    return tuple(statements)


def current_row(connection: Connection, table_name: str, row_key: str) -> dict[str, Any] | None:
    """The row as it is now, in the captured JSON form (None when there is no such row)."""
    table = captured_tables()[table_name]
    key = json.loads(row_key)
    where = " AND ".join(f'"{column}" = ?' for column in table.key_columns)
    row_json = table.row_json(f'"{table.name}"')
    text = connection.exec_driver_sql(
        f'SELECT {row_json} FROM "{table.name}" WHERE {where}',
        tuple(key[column] for column in table.key_columns),
    ).scalar()
    return json.loads(text) if text is not None else None


def write_row(connection: Connection, table_name: str, row_key: str, wanted: dict[str, Any] | None) -> None:
    """Make the row what ``wanted`` says (None: no such row), writing only the columns that differ."""
    table = captured_tables()[table_name]
    present = current_row(connection, table_name, row_key)
    key = json.loads(row_key)
    where = " AND ".join(f'"{column}" = ?' for column in table.key_columns)
    key_values = tuple(key[column] for column in table.key_columns)
    if wanted is None:
        if present is None:
            return
        connection.exec_driver_sql(f'DELETE FROM "{table.name}" WHERE {where}', key_values)
        return
    values = table.stored_values(wanted)
    if present is None:
        names = ", ".join(f'"{column}"' for column in values)
        marks = ", ".join("?" for _ in values)
        connection.exec_driver_sql(f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', tuple(values.values()))
        return
    changed = {column: value for column, value in values.items() if present.get(column) != wanted.get(column)}
    if changed:
        assignments = ", ".join(f'"{column}" = ?' for column in changed)
        connection.exec_driver_sql(
            f'UPDATE "{table.name}" SET {assignments} WHERE {where}', (*changed.values(), *key_values)
        )
