"""A source's section and page, for print press

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 11:31:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('source', sa.Column('section', sa.String(length=200), nullable=True))
    op.add_column('source', sa.Column('page', sa.String(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('source', schema=None) as batch_op:
        batch_op.drop_column('page')
        batch_op.drop_column('section')
