"""What a step changed, by record kind and id, so that each screen refreshes only that.

A ``Changes`` (after Anki's ``OpChanges``) is read from the rows a step changed
(``row_change``): a record's own row makes it created, updated or deleted; a row of a table
that only links records (an alias, a tag, a partner, a presenter) updates each record it names.
Tables that hold no record (the import reviews) are named in ``tables``. ``relinked`` names the
records a changed row pointed at, before or after the step, when the row was made, removed or
moved to another record: the records whose counts may have changed (a quote moved from one
speaker to another changes both people's quote counts), so a list re-reads only those.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, TypeVar

from archive.db.models import Base
from archive.kinds import KIND_LABELS

RECORD_KINDS = frozenset(KIND_LABELS)  # a table named after a kind holds that kind's records
T = TypeVar("T")


@dataclass(frozen=True)
class NetRowChange:
    """One row's change over a whole step: as it was before the step and after it (None: absent)."""

    table_name: str
    row_key: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    first_change_id: int

    @property
    def record_id(self) -> int:
        return int(json.loads(self.row_key)["id"])


def _empty() -> Mapping[str, frozenset[int]]:
    return MappingProxyType({})


@dataclass(frozen=True)
class Changes:
    """The records a step created, updated and deleted (kind -> ids), the other tables it changed, and
    the records whose links it made, cut or moved (``relinked``: see the module's docstring)."""

    created: Mapping[str, frozenset[int]] = field(default_factory=_empty)
    updated: Mapping[str, frozenset[int]] = field(default_factory=_empty)
    deleted: Mapping[str, frozenset[int]] = field(default_factory=_empty)
    tables: frozenset[str] = frozenset()
    relinked: Mapping[str, frozenset[int]] = field(default_factory=_empty)

    def __bool__(self) -> bool:
        return bool(self.created or self.updated or self.deleted or self.tables)

    @property
    def kinds(self) -> frozenset[str]:
        """Every kind with a created, updated or deleted record."""
        return frozenset(self.created) | frozenset(self.updated) | frozenset(self.deleted)

    def touches(self, *kinds: str) -> bool:
        """Whether any record of these kinds (or any of these tables) changed."""
        return any(kind in self.kinds or kind in self.tables for kind in kinds)

    def ids(self, kind: str) -> frozenset[int]:
        """The ids of the records of ``kind`` created, updated or deleted."""
        return self.created.get(kind, frozenset()) | self.updated.get(kind, frozenset()) | self.deleted.get(
            kind, frozenset()
        )

    def made_or_removed(self, *kinds: str) -> bool:
        """Whether a record of these kinds was created or deleted (counts change)."""
        return any(kind in self.created or kind in self.deleted for kind in kinds)

    def union(self, other: Changes) -> Changes:
        """Both steps' changes (a record created by one and deleted by the other counts as both)."""
        return Changes(
            created=_merged(self.created, other.created),
            updated=_merged(self.updated, other.updated),
            deleted=_merged(self.deleted, other.deleted),
            tables=self.tables | other.tables,
            relinked=_merged(self.relinked, other.relinked),
        )

    @property
    def record_count(self) -> int:
        """How many records were created, updated or deleted (a measure of how large the step was)."""
        return sum(len(self.ids(kind)) for kind in self.kinds)


def _merged(*mappings: Mapping[str, frozenset[T]]) -> Mapping[str, frozenset[T]]:
    merged: dict[str, set[T]] = {}
    for mapping in mappings:
        for kind, ids in mapping.items():
            merged.setdefault(kind, set()).update(ids)
    return MappingProxyType({kind: frozenset(ids) for kind, ids in merged.items() if ids})


def net_changes(rows: Iterable[tuple[int, str, str, str | None, str | None]]) -> list[NetRowChange]:
    """Each row's first ``before`` and last ``after`` from ``(id, table, key, before, after)``, in step order.

    Rows that end as they began (made and removed in the same step) are left out.
    """
    first: dict[tuple[str, str], tuple[int, str | None]] = {}
    last: dict[tuple[str, str], str | None] = {}
    for change_id, table_name, row_key, before, after in rows:
        first.setdefault((table_name, row_key), (change_id, before))
        last[(table_name, row_key)] = after
    result = []
    for (table_name, row_key), (change_id, before) in first.items():
        after = last[(table_name, row_key)]
        if before != after:
            result.append(NetRowChange(table_name, row_key, _load(before), _load(after), change_id))
    return sorted(result, key=lambda change: change.first_change_id)


def _load(text: str | None) -> dict[str, Any] | None:
    return json.loads(text) if text is not None else None


def changes_of(rows: Iterable[NetRowChange]) -> Changes:
    """The ``Changes`` that these net row changes make."""
    created: dict[str, set[int]] = {}
    updated: dict[str, set[int]] = {}
    deleted: dict[str, set[int]] = {}
    tables: set[str] = set()
    relinked: dict[str, set[int]] = {}
    for row in rows:
        if row.table_name in RECORD_KINDS:
            target = created if row.before is None else deleted if row.after is None else updated
            target.setdefault(row.table_name, set()).add(row.record_id)
            _add_relinked(relinked, row)
            continue
        tables.add(row.table_name)
        for column, kind in _LINK_COLUMNS.get(row.table_name, ()):
            for values in (row.before, row.after):
                if values is not None and values.get(column) is not None:
                    updated.setdefault(kind, set()).add(int(values[column]))
    for kind in updated:  # a record made or removed in the step is not also "updated"
        updated[kind] -= created.get(kind, set()) | deleted.get(kind, set())
    return Changes(
        created=_merged(_frozen(created)),
        updated=_merged(_frozen(updated)),
        deleted=_merged(_frozen(deleted)),
        tables=frozenset(tables),
        relinked=_merged(_frozen(relinked)),
    )


def _add_relinked(relinked: dict[str, set[int]], row: NetRowChange) -> None:
    """The records a record's row pointed at before or after, where the link was made, cut or moved."""
    for column, kind in _RECORD_LINK_COLUMNS.get(row.table_name, ()):
        before = row.before.get(column) if row.before is not None else None
        after = row.after.get(column) if row.after is not None else None
        if row.before is not None and row.after is not None and before == after:
            continue  # the same link as before: no count changes
        for value in (before, after):
            if value is not None:
                relinked.setdefault(kind, set()).add(int(value))


def _frozen(mapping: dict[str, set[int]]) -> dict[str, frozenset[int]]:
    return {kind: frozenset(ids) for kind, ids in mapping.items()}


def _link_columns(record_tables: bool = False) -> dict[str, tuple[tuple[str, str], ...]]:
    """For each table that is no record kind (or, ``record_tables``, is one): its columns pointing at
    records, with the kind they point at."""
    links = {}
    for table in Base.metadata.sorted_tables:
        if (table.name in RECORD_KINDS) != record_tables:
            continue
        links[table.name] = tuple(
            (column.name, next(iter(column.foreign_keys)).column.table.name)
            for column in table.columns
            if column.foreign_keys and next(iter(column.foreign_keys)).column.table.name in RECORD_KINDS
        )
    return links


_LINK_COLUMNS = _link_columns()
_RECORD_LINK_COLUMNS = _link_columns(record_tables=True)
