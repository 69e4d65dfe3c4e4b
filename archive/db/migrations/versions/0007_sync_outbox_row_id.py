"""The sync outbox keeps the local id of a deleted record, so a merge is pushed as a merge however old

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 14:55:00

A record merged away here is deleted on the server with the record it was merged into, so that
links other officers made to it meanwhile move to the survivor (``archive.team.push_changes``).
The survivor is read from the audit trail's merge entry, found by the deleted record's local id:
the outbox's delete triggers now keep that id (before, it was looked up in the undo rows, which
keep the latest 100 edits only).
"""

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

RECORD_TABLES = (
    'tag', 'organisation', 'organisation_alias', 'person', 'person_alias', 'series', 'event', 'event_partner',
    'session', 'session_presenter', 'source', 'quote', 'statistic',
)


def upgrade() -> None:
    op.add_column('sync_outbox', sa.Column('row_id', sa.Integer(), nullable=True))
    if op.get_bind().dialect.name != 'sqlite':  # the server has no outbox triggers
        return
    for table in RECORD_TABLES:
        op.execute(f'DROP TRIGGER sync_delete_{table}')
        op.execute(f'CREATE TRIGGER sync_delete_{table} AFTER DELETE ON "{table}" WHEN OLD.uid IS NOT NULL BEGIN '
                   f"INSERT INTO sync_outbox (table_name, uid, row_id) VALUES ('{table}', OLD.uid, OLD.id); END")


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        for table in RECORD_TABLES:
            op.execute(f'DROP TRIGGER sync_delete_{table}')
            op.execute(f'CREATE TRIGGER sync_delete_{table} AFTER DELETE ON "{table}" WHEN OLD.uid IS NOT NULL '
                       f"BEGIN INSERT INTO sync_outbox (table_name, uid) VALUES ('{table}', OLD.uid); END")
    with op.batch_alter_table('sync_outbox', schema=None) as batch_op:
        batch_op.drop_column('row_id')
