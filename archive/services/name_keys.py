"""Stored name keys: which columns hold one, how each is computed, and the records whose names share one.

A person's, organisation's, series' and tag's name (and every alias) is stored with a matching key
(``archive.text.names``) so that spellings of one name meet. When the spelling fold changes, migration 0009
recomputes them with ``KEYED_COLUMNS``; it merges nothing, so two records whose names now read alike (a
name typed once on a Persian keyboard, once on an Arabic one) both stay. ``shared_key_notes`` names them
for ``muntada check``: the officer decides whether they are one and merges them. ``recompute_stored_keys``
is what a revision changing the keys runs (0010: church titles became honorifics, left out of the key).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import Connection

from archive.i18n import join_list, tr
from archive.kinds import KIND_LABELS
from archive.services.unit import tag_key
from archive.text.names import name_key, organisation_key


@dataclass(frozen=True)
class KeyedColumn:
    """One stored key: its table, the text it is computed from, and the function that computes it."""

    table: str
    text_column: str
    key_column: str
    key: Callable[[str], str]
    unique_within: tuple[str, ...] | None  # columns a unique constraint pairs the key with; None: not unique
    owner: tuple[str, str]  # (record kind, its table's name too; the column holding the record's id)


KEYED_COLUMNS: tuple[KeyedColumn, ...] = (
    KeyedColumn("person", "name", "name_key", name_key, None, ("person", "id")),
    KeyedColumn("person_alias", "alias", "alias_key", name_key, ("person_id",), ("person", "person_id")),
    KeyedColumn("organisation", "name", "name_key", organisation_key, None, ("organisation", "id")),
    KeyedColumn("organisation_alias", "alias", "alias_key", organisation_key, ("organisation_id",),
                ("organisation", "organisation_id")),
    KeyedColumn("series", "name", "name_key", organisation_key, None, ("series", "id")),
    KeyedColumn("tag", "name", "name_key", tag_key, (), ("tag", "id")),
)


def recompute_stored_keys(connection: Connection) -> None:
    """Every stored key recomputed from its name with the current keys; nothing merged, no row deleted.

    Where a unique constraint forbids the new key (two spellings of one name, now alike) the row keeps its old
    key, and ``shared_key_notes`` names it for the officer. Nothing is queued for the team server: a key is
    derived from its name and every desktop and the server recompute it when they upgrade, so what the sync
    triggers queue here is no officer's change, and pushing it could only raise conflicts."""
    queued_before = connection.execute(text("SELECT max(id) FROM sync_outbox")).scalar() or 0
    for keyed in KEYED_COLUMNS:
        _recompute(connection, keyed)
    if connection.dialect.name == "sqlite":  # the server has no outbox triggers
        connection.execute(text("DELETE FROM sync_outbox WHERE id > :mark"), {"mark": queued_before})


def _recompute(connection: Connection, keyed: KeyedColumn) -> None:
    scope = "".join(f', "{column}"' for column in keyed.unique_within or ())
    select_rows = f'SELECT id, "{keyed.text_column}", "{keyed.key_column}"{scope} FROM "{keyed.table}" ORDER BY id'
    stale = [(row[0], tuple(row[3:]), row[2], keyed.key(row[1] or ""))
             for row in connection.execute(text(select_rows))]
    stale = [row for row in stale if row[3] != row[2]]
    if keyed.unique_within is None:
        for record_id, _scope, _stored, fresh in stale:
            _write_key(connection, keyed, record_id, fresh)
        return
    taken = {(*row[3:], row[2]) for row in connection.execute(text(select_rows))}
    while stale:  # again while a row freed a key another row waits for
        waiting = []
        for record_id, scoped, stored, fresh in stale:
            if (*scoped, fresh) in taken:
                waiting.append((record_id, scoped, stored, fresh))
                continue
            taken.discard((*scoped, stored))
            taken.add((*scoped, fresh))
            _write_key(connection, keyed, record_id, fresh)
        if len(waiting) == len(stale):
            return  # another row holds each of these keys: they keep their old keys (the check names them)
        stale = waiting


def _write_key(connection: Connection, keyed: KeyedColumn, record_id: int, key: str) -> None:
    connection.execute(text(f'UPDATE "{keyed.table}" SET "{keyed.key_column}" = :key WHERE id = :id'),
                       {"key": key, "id": record_id})


def shared_key_notes(connection: Connection) -> list[str]:
    """One note per group of records of one kind whose names (or aliases) read alike with the current fold.

    Keys are computed from the names, not read from the stored keys, so a row that kept an older key
    (a unique constraint forbade the new one) is named too."""
    notes = []
    for kind, groups in _records_sharing_keys(connection).items():
        for ids in groups:
            names: dict[int, str] = dict(connection.execute(
                text(f'SELECT id, name FROM "{kind}" WHERE id IN ({", ".join(map(str, ids))})')).all())
            records = join_list(f"{record_id} «{names.get(record_id, '')}»" for record_id in ids)
            if kind == "tag":  # tags are not merged: a label typed so goes to the tag holding its key
                notes.append(tr("Tags {records} are spelled alike: a label typed so goes to {holder}.",
                                records=records, holder=f"«{names[_key_holder(connection, ids)]}»"))
            else:
                notes.append(tr("{kind}: {records} are spelled alike. If they are one, merge them (Merge in the "
                                "app, or muntada merge); if not, leave them.", kind=tr(KIND_LABELS[kind]),
                                records=records))
    return notes


def _key_holder(connection: Connection, tag_ids: list[int]) -> int:
    """Of tags whose names read alike, the one whose stored key is the current one (labels are looked up by it)."""
    rows = connection.execute(text(f'SELECT id, name, name_key FROM tag WHERE id IN ({", ".join(map(str, tag_ids))})'))
    return next((tag_id for tag_id, name, key in rows if key == tag_key(name)), tag_ids[0])


def _records_sharing_keys(connection: Connection) -> dict[str, list[list[int]]]:
    owners: dict[tuple[str, str], set[int]] = defaultdict(set)
    for keyed in KEYED_COLUMNS:
        kind, owner_column = keyed.owner
        rows = connection.execute(text(f'SELECT "{owner_column}", "{keyed.text_column}" FROM "{keyed.table}"'))
        for owner_id, written in rows:
            key = keyed.key(written or "")
            if key:
                owners[(kind, key)].add(owner_id)
    shared: dict[str, list[list[int]]] = defaultdict(list)
    seen: set[tuple[str, tuple[int, ...]]] = set()
    for (kind, _key), ids in sorted(owners.items()):
        group = tuple(sorted(ids))
        if len(group) > 1 and (kind, group) not in seen:
            seen.add((kind, group))
            shared[kind].append(list(group))
    return shared
