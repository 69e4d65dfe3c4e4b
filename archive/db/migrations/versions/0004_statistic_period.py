"""A figure's period: the year or span it refers to, as distinct from when it was stated

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 11:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('statistic', sa.Column('period', sa.String(length=100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('statistic', schema=None) as batch_op:
        batch_op.drop_column('period')
