"""Every stored name key recomputed with the current spelling fold

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 21:20:00

``archive.text.normalize`` now folds the Persian and Urdu letters (ھ ہ ۂ ۃ → ه, ڪ → ك) and drops the word
joiner: keys stored before were computed without that, so «وزیر» typed on a Persian keyboard and «وزير»
typed on an Arabic one did not meet. This revision recomputes ``person.name_key``, ``person_alias.alias_key``
(``archive.text.names.name_key``), ``organisation.name_key``, ``organisation_alias.alias_key``,
``series.name_key`` (``organisation_key``) and ``tag.name_key`` (``archive.services.unit.tag_key``).

It merges nothing: two people (organisations, series) whose names now share a key both stay, and
``muntada check`` names them (``archive.services.name_keys``) for the officer to merge or not. Where a unique
constraint forbids the new key (two tags, or two spellings of one person's name, now alike) the row keeps its
old key and is named by the check too; no row is deleted. Nothing is queued for the team server: each
desktop and the server recompute the keys themselves.
"""

from collections.abc import Callable

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    from archive.services.name_keys import KEYED_COLUMNS

    connection = op.get_bind()
    queued_before = connection.execute(sa.text("SELECT max(id) FROM sync_outbox")).scalar() or 0
    for keyed in KEYED_COLUMNS:
        _recompute(connection, keyed.table, keyed.text_column, keyed.key_column, keyed.key, keyed.unique_within)
    # A key is derived from its name, and every desktop and the team server recompute it when they upgrade:
    # what the sync triggers queued here is no officer's change, and pushing it could only raise conflicts.
    if connection.dialect.name == "sqlite":  # the server has no outbox triggers
        connection.execute(sa.text("DELETE FROM sync_outbox WHERE id > :mark"), {"mark": queued_before})


def _recompute(connection: sa.engine.Connection, table: str, text_column: str, key_column: str,
               key: Callable[[str], str], unique_within: tuple[str, ...] | None) -> None:
    scope = "".join(f', "{column}"' for column in unique_within or ())
    rows = connection.execute(sa.text(f'SELECT id, "{text_column}", "{key_column}"{scope} FROM "{table}" ORDER BY id'))
    stale = [(row[0], tuple(row[3:]), row[2], key(row[1] or "")) for row in rows]
    stale = [row for row in stale if row[3] != row[2]]
    if unique_within is None:
        for record_id, _scope, _stored, fresh in stale:
            _write(connection, table, key_column, record_id, fresh)
        return
    taken = {(*row[3:], row[2]) for row in connection.execute(
        sa.text(f'SELECT id, "{text_column}", "{key_column}"{scope} FROM "{table}"'))}
    while stale:  # again while a row freed a key another row waits for
        waiting = []
        for record_id, scoped, stored, fresh in stale:
            if (*scoped, fresh) in taken:
                waiting.append((record_id, scoped, stored, fresh))
                continue
            taken.discard((*scoped, stored))
            taken.add((*scoped, fresh))
            _write(connection, table, key_column, record_id, fresh)
        if len(waiting) == len(stale):
            return  # another row holds each of these keys: they keep their old keys (the check names them)
        stale = waiting


def _write(connection: sa.engine.Connection, table: str, key_column: str, record_id: int, key: str) -> None:
    connection.execute(sa.text(f'UPDATE "{table}" SET "{key_column}" = :key WHERE id = :id'),
                       {"key": key, "id": record_id})


def downgrade() -> None:
    pass  # the older keys are not kept: an older Muntada recomputes a key whenever it saves a record
