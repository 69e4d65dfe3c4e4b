"""Undo in the domain: the steps of users (operation), the rows each changed, and the step of each audit entry

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 11:20:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('operation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('officer', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=True),
    sa.Column('step_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=10), nullable=True),
    sa.Column('record_kind', sa.String(length=20), nullable=True),
    sa.Column('record_id', sa.Integer(), nullable=True),
    sa.Column('record_name', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('operation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_operation_state'), ['state'], unique=False)
        batch_op.create_index(batch_op.f('ix_operation_step_id'), ['step_id'], unique=False)
    op.create_table('row_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('operation_id', sa.Integer(), nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('row_key', sa.Text(), nullable=False),
    sa.Column('before', sa.Text(), nullable=True),
    sa.Column('after', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('row_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_row_change_operation_id'), ['operation_id'], unique=False)
    # A plain ADD COLUMN (no table copy): the audit trail of a large archive is large.
    op.add_column('audit_entry', sa.Column('operation_id', sa.Integer(), nullable=True))
    op.create_index(op.f('ix_audit_entry_operation_id'), 'audit_entry', ['operation_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_audit_entry_operation_id'), table_name='audit_entry')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_column('operation_id')
    with op.batch_alter_table('row_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_row_change_operation_id'))
    op.drop_table('row_change')
    with op.batch_alter_table('operation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_operation_step_id'))
        batch_op.drop_index(batch_op.f('ix_operation_state'))
    op.drop_table('operation')
