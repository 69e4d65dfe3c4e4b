"""Sync with the team server: a uid on every shared row, the sync outbox, versions, change log, conflicts

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 14:00:00

Every shared row (records, aliases, partners, presenters, tags and the links between records)
gets a ``uid``, its name across desktops; existing rows get one here. On SQLite, triggers write
each change to a shared row into ``sync_outbox`` in the change's own transaction (whatever made
it: a service, a foreign-key cascade, undo) and give a row inserted without a uid its uid. A
later migration that recreates one of these tables (``batch_alter_table`` on SQLite) must make
its triggers again (``tests/team/test_uid_triggers.py`` checks every table has them).
"""

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

SHARED_TABLES = (
    'tag', 'organisation', 'organisation_alias', 'person', 'person_alias', 'series', 'event', 'event_partner',
    'session', 'session_presenter', 'source', 'quote', 'statistic',
    'event_tag', 'quote_tag', 'statistic_tag', 'source_tag', 'source_event',
)
# A version 4 UUID made by SQLite itself (for existing rows, and rows inserted without one).
SQLITE_UUID = ("lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
               "substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || "
               "substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))")


def sqlite_triggers(table: str) -> list[str]:
    """The statements making ``table``'s sync triggers (SQLite only)."""
    outbox = "INSERT INTO sync_outbox (table_name, uid) VALUES"
    return [
        f'CREATE TRIGGER sync_uid_{table} AFTER INSERT ON "{table}" WHEN NEW.uid IS NULL BEGIN '
        f'UPDATE "{table}" SET uid = {SQLITE_UUID} WHERE rowid = NEW.rowid; END',
        f'CREATE TRIGGER sync_insert_{table} AFTER INSERT ON "{table}" WHEN NEW.uid IS NOT NULL BEGIN '
        f"{outbox} ('{table}', NEW.uid); END",
        f'CREATE TRIGGER sync_update_{table} AFTER UPDATE ON "{table}" WHEN NEW.uid IS NOT NULL BEGIN '
        f"{outbox} ('{table}', NEW.uid); "
        f"INSERT INTO sync_outbox (table_name, uid) SELECT '{table}', OLD.uid "
        "WHERE OLD.uid IS NOT NULL AND OLD.uid IS NOT NEW.uid; END",
        f'CREATE TRIGGER sync_delete_{table} AFTER DELETE ON "{table}" WHEN OLD.uid IS NOT NULL BEGIN '
        f"{outbox} ('{table}', OLD.uid); END",
    ]


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == 'sqlite'
    for table in SHARED_TABLES:
        # A plain ADD COLUMN (no table copy), filled in one UPDATE.
        op.add_column(table, sa.Column('uid', sa.String(length=36), nullable=True))
        op.execute(f'UPDATE "{table}" SET uid = {SQLITE_UUID if sqlite else "gen_random_uuid()::text"}')
        op.create_index(f'ix_{table}_uid', table, ['uid'], unique=True)
    op.create_table('sync_outbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_sync_outbox_uid', 'sync_outbox', ['uid'], unique=False)
    op.create_table('sync_state',
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('sync_version',
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('uid')
    )
    op.create_table('sync_change',
    sa.Column('seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('op', sa.String(length=10), nullable=False),
    sa.Column('row', sa.JSON(), nullable=True),
    sa.Column('merged_into', sa.String(length=36), nullable=True),
    sa.Column('officer', sa.String(length=200), nullable=False),
    sa.Column('desktop', sa.String(length=36), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('seq')
    )
    op.create_index('ix_sync_change_uid', 'sync_change', ['uid'], unique=False)
    op.create_table('sync_conflict',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('mine', sa.JSON(), nullable=True),
    sa.Column('theirs', sa.JSON(), nullable=True),
    sa.Column('theirs_version', sa.Integer(), nullable=False),
    sa.Column('found_at', sa.DateTime(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.Column('resolution', sa.String(length=10), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_sync_conflict_uid', 'sync_conflict', ['uid'], unique=False)
    if sqlite:  # the server has no outbox: its writes are the change log itself (archive.team.push_changes)
        for table in SHARED_TABLES:
            for statement in sqlite_triggers(table):
                op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        for table in SHARED_TABLES:
            for event in ('uid', 'insert', 'update', 'delete'):
                op.execute(f'DROP TRIGGER IF EXISTS sync_{event}_{table}')
    for table in ('sync_conflict', 'sync_change', 'sync_outbox'):
        op.drop_index(f'ix_{table}_uid', table_name=table)
        op.drop_table(table)
    op.drop_table('sync_version')
    op.drop_table('sync_state')
    for table in SHARED_TABLES:
        op.drop_index(f'ix_{table}_uid', table_name=table)
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('uid')
