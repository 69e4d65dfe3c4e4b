"""Import review: proposals of imported articles waiting for the officer

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 08:10:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('import_review',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('proposals', sa.JSON(), nullable=False),
    sa.Column('decisions', sa.JSON(), nullable=True),
    sa.Column('proposal_count', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('source_id')
    )
    with op.batch_alter_table('import_review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_review_status'), ['status'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('import_review', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_review_status'))
    op.drop_table('import_review')
