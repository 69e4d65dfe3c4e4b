"""Conflicts: a shared row changed both on this desktop and on the team server since this desktop last saw it.

Sync never overwrites either side silently (issue 14). When a pulled change meets a change made
here and not pushed yet, or a push finds the server's version moved on, the server keeps its
version, this desktop keeps its own, and the conflict is recorded here (``sync_conflict``): both
rows in their wire form (None: deleted on that side) and the server's version. While it is
open, sync neither applies the server's change to the row nor pushes the row.

The officer resolves it (``resolve_conflict``):
- **mine**: this desktop's row stays and is pushed at the next sync against the server's version;
- **theirs**: the server's row is written here (or the row removed) and this desktop's change dropped;
- **field by field**: a row made of the chosen side of each differing field, written here and pushed
  (a field's comparison key, ``name_key``, goes with the side chosen for it).

Each resolution is written to this desktop's audit trail, named by its officer, with the side
kept (``archive.team.team_audit``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import Table, insert, select, update
from sqlalchemy.engine import Connection, Row

from archive.db import models as m
from archive.db.engine import Archive
from archive.errors import MuntadaError
from archive.services.audit import KEPT_FIELDS, KEPT_MINE, KEPT_THEIRS
from archive.services.changes import Changes
from archive.services.steps import record_name
from archive.team import local
from archive.team.local import inserted_id
from archive.team.team_audit import resolver, write_resolution
from archive.team.wire import UidMap, differing_fields, shared_table

CONFLICTS: Table = m.SyncConflict.__table__  # type: ignore[assignment]
KEY_SUFFIX = "_key"  # a column derived from another for comparisons (name_key of name): it follows its field
Side = Literal["mine", "theirs"]
Choice = Side | Mapping[str, Side]


class ConflictResolutionError(MuntadaError):
    """A conflict cannot be resolved as asked (already resolved, or fields asked of a deleted row)."""


@dataclass(frozen=True)
class Conflict:
    """One open conflict, as the conflicts view shows it."""

    id: int
    kind: str  # the table: a record kind ("quote"), or a link's table ("quote_tag", "person_alias")
    local_id: int | None  # the row's id here (None: deleted here, or a link row)
    uid: str
    label: str  # a short name of the record
    mine: Mapping[str, object] | None  # field -> value here; None: deleted here
    theirs: Mapping[str, object] | None  # field -> value on the server; None: deleted there
    differing: tuple[str, ...]  # the fields whose values differ
    found_at: datetime
    officer: str = ""  # the login that made theirs, as the server logged it ("": not known)


def record_conflict(target: Archive | Connection, kind: str, uid: str, mine: Mapping[str, Any] | None,
                    theirs: Mapping[str, Any] | None, theirs_version: int, officer: str = "") -> int:
    """Record (or bring up to date) the open conflict on the row ``uid``; returns its id.

    ``mine`` and ``theirs`` are wire rows (links as uids, ``archive.team.wire``); ``officer`` is the
    login that made theirs (``sync_change.officer``; "" when not known). Called by the
    sync engine inside its transaction (a ``Connection``), or by tests on an ``Archive``.
    """
    if isinstance(target, Archive):
        with target.engine.begin() as connection:
            return record_conflict(connection, kind, uid, mine, theirs, theirs_version, officer)
    table = CONFLICTS
    existing = target.execute(select(table.c.id).where(table.c.uid == uid, table.c.resolved_at.is_(None))).scalar()
    values = {"table_name": kind, "uid": uid, "mine": _plain(mine), "theirs": _plain(theirs),
              "theirs_version": theirs_version, "officer": officer or None}
    if existing is not None:
        target.execute(update(table).where(table.c.id == existing).values(**values))
        return int(existing)
    return inserted_id(target.execute(insert(table).values(found_at=_now(), **values)))


def open_conflicts(archive: Archive) -> list[Conflict]:
    """The conflicts not resolved yet, oldest first."""
    with archive.engine.connect() as connection:
        uids = UidMap(connection)
        table = CONFLICTS
        rows = connection.execute(select(table).where(table.c.resolved_at.is_(None)).order_by(table.c.id)).all()
        return [_conflict(connection, row, uids) for row in rows]


def open_conflict_uids(connection: Connection) -> set[str]:
    return set(connection.execute(select(m.SyncConflict.uid).where(m.SyncConflict.resolved_at.is_(None))).scalars())


def open_conflict_count(connection: Connection) -> int:
    return len(open_conflict_uids(connection))


def _conflict(connection: Connection, row: Row[Any], uids: UidMap) -> Conflict:
    shared = shared_table(row.table_name)
    local_id = uids.id_of(row.table_name, row.uid) if shared.id_column is not None else None
    named = row.mine or row.theirs
    label = record_name(named) or f"{row.table_name} {row.uid[:8]}"
    return Conflict(id=row.id, kind=row.table_name, local_id=local_id, uid=row.uid, label=label,
                    mine=_shown(row.table_name, row.mine, uids), theirs=_shown(row.table_name, row.theirs, uids),
                    differing=differing_fields(row.mine, row.theirs), found_at=row.found_at,
                    officer=row.officer or "")


def _shown(table_name: str, wire: Mapping[str, Any] | None, uids: UidMap) -> Mapping[str, object] | None:
    """A wire row with each link shown as the id of its record here (its uid when it is not here)."""
    if wire is None:
        return None
    links = shared_table(table_name).links
    shown: dict[str, object] = {}
    for name, value in wire.items():
        if name in links and value is not None:
            shown[name] = uids.id_of(links[name], str(value)) or value
        else:
            shown[name] = value
    return shown


def resolve_conflict(archive: Archive, conflict_id: int, choice: Choice) -> Changes:
    """Resolve an open conflict (see the module's docstring); returns the records changed here.

    Raises ``ConflictResolutionError`` for a conflict already resolved, a field-by-field choice
    on a row deleted on one side, or a server row whose parent record is not here.
    """
    archive.require_writable()
    with local.write_transaction(archive) as connection:
        table = CONFLICTS
        row = connection.execute(select(table).where(table.c.id == conflict_id)).first()
        if row is None or row.resolved_at is not None:
            raise ConflictResolutionError("This conflict was already resolved. Sync again to see the open ones.")
        shared = shared_table(row.table_name)
        uids = UidMap(connection)
        mark = local.newest_pending_id(connection)
        writes = local.LocalWrites()
        mine_now = local.wire_row(connection, shared, row.uid, uids)
        if choice == "mine":
            resolution, note, wanted = "mine", KEPT_MINE, mine_now
        elif choice == "theirs":
            resolution, note, wanted = "theirs", KEPT_THEIRS, row.theirs
        else:
            resolution, note = "fields", KEPT_FIELDS
            if mine_now is None or row.theirs is None:
                raise ConflictResolutionError(
                    "The record {name} was deleted on one side: keep this desktop's version or the server's.",
                    name=record_name(row.mine or row.theirs) or row.uid)
            sides = with_derived_keys(choice, mine_now)
            wanted = {name: (row.theirs.get(name) if sides.get(name) == "theirs" else value)
                      for name, value in mine_now.items()}

        def write() -> None:
            if resolution != "mine":
                _write(connection, row.table_name, row.uid, wanted, uids, writes)

        # The officer who resolved it is named in this desktop's audit trail (and who made theirs, in the
        # server's log); the entry is written in the resolution's transaction.
        write_resolution(connection, uids, shared, row.uid, wanted or mine_now or row.theirs,
                         resolver(connection, archive.officer), note, write)
        local.drop_pending_after(connection, mark)
        local.set_version(connection, row.uid, row.theirs_version)
        if resolution == "theirs":
            local.drop_pending(connection, [row.uid])
        else:
            local.add_pending(connection, row.table_name, row.uid)
        connection.execute(update(m.SyncConflict).where(m.SyncConflict.id == conflict_id)
                           .values(resolved_at=_now(), resolution=resolution))
        return writes.enqueue(connection)


def with_derived_keys(choice: Mapping[str, Side], fields: Iterable[str]) -> dict[str, Side]:
    """``choice`` with each comparison key (``name_key``) on the side chosen for its field, unless chosen itself."""
    derived = {name: choice[name[: -len(KEY_SUFFIX)]] for name in fields
               if name.endswith(KEY_SUFFIX) and name[: -len(KEY_SUFFIX)] in choice and name not in choice}
    return {**choice, **derived}


def _write(connection: Connection, table_name: str, uid: str, wire: Mapping[str, Any] | None, uids: UidMap,
           writes: local.LocalWrites) -> None:
    shared = shared_table(table_name)
    if wire is None:
        local.delete_row(connection, shared, uid, uids, writes)
        return
    if not local.put_row(connection, shared, uid, wire, uids, writes):
        raise ConflictResolutionError(
            "The server's version of {name} belongs to a record that is not on this desktop. "
            "Sync first, then resolve the conflict again.", name=record_name(wire) or uid)


def _plain(wire: Mapping[str, Any] | None) -> dict[str, Any] | None:
    return dict(wire) if wire is not None else None


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)
