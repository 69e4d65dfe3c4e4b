"""A sync conflict keeps the login of the officer who made the team's side

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 18:00:00

The server logs who pushed each change (``sync_change.officer``); a conflict now keeps that
login with the team's row, so the conflicts view and ``muntada conflicts`` can name the other
officer (empty: not known, as for the conflicts recorded before this revision).
"""

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('sync_conflict', sa.Column('officer', sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.drop_column('officer')
