"""Initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-22 07:41:39.774592
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('archive_meta',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('audit_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('officer', sa.String(length=200), nullable=False),
    sa.Column('action', sa.String(length=10), nullable=False),
    sa.Column('record_kind', sa.String(length=20), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index('ix_audit_record', ['record_kind', 'record_id'], unique=False)

    op.create_table('organisation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=400), nullable=False),
    sa.Column('name_key', sa.String(length=400), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organisation_name_key'), ['name_key'], unique=False)

    op.create_table('outbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('record_kind', sa.String(length=20), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('op', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('source',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('outlet', sa.String(length=200), nullable=True),
    sa.Column('title', sa.String(length=600), nullable=True),
    sa.Column('author', sa.String(length=300), nullable=True),
    sa.Column('dateline', sa.String(length=200), nullable=True),
    sa.Column('published_on', sa.String(length=10), nullable=True),
    sa.Column('url', sa.String(length=2000), nullable=True),
    sa.Column('full_text', sa.Text(), nullable=False),
    sa.Column('file_name', sa.String(length=500), nullable=True),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('content_hash')
    )
    with op.batch_alter_table('source', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_source_published_on'), ['published_on'], unique=False)

    op.create_table('tag',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_key', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name_key')
    )
    op.create_table('organisation_alias',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('alias', sa.String(length=400), nullable=False),
    sa.Column('alias_key', sa.String(length=400), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('organisation_id', 'alias_key')
    )
    with op.batch_alter_table('organisation_alias', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organisation_alias_alias_key'), ['alias_key'], unique=False)

    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('name_key', sa.String(length=300), nullable=False),
    sa.Column('honorific', sa.String(length=100), nullable=True),
    sa.Column('title', sa.String(length=400), nullable=True),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_name_key'), ['name_key'], unique=False)

    op.create_table('series',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=400), nullable=False),
    sa.Column('name_key', sa.String(length=400), nullable=False),
    sa.Column('organiser_id', sa.Integer(), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['organiser_id'], ['organisation.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('series', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_series_name_key'), ['name_key'], unique=False)

    op.create_table('source_tag',
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('tag_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tag_id'], ['tag.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('source_id', 'tag_id')
    )
    op.create_table('event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('series_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=400), nullable=False),
    sa.Column('edition', sa.Integer(), nullable=True),
    sa.Column('edition_label', sa.String(length=100), nullable=True),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('start_date', sa.String(length=10), nullable=True),
    sa.Column('end_date', sa.String(length=10), nullable=True),
    sa.Column('venue', sa.String(length=400), nullable=True),
    sa.Column('city', sa.String(length=100), nullable=True),
    sa.Column('country', sa.String(length=100), nullable=True),
    sa.Column('organiser_id', sa.Integer(), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('hashtags', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['organiser_id'], ['organisation.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['series_id'], ['series.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_series_id'), ['series_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_start_date'), ['start_date'], unique=False)

    op.create_table('person_alias',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('alias', sa.String(length=300), nullable=False),
    sa.Column('alias_key', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('person_id', 'alias_key')
    )
    with op.batch_alter_table('person_alias', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_alias_alias_key'), ['alias_key'], unique=False)

    op.create_table('event_partner',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('event_id', 'organisation_id', 'role')
    )
    with op.batch_alter_table('event_partner', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_partner_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('event_tag',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('tag_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tag_id'], ['tag.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'tag_id')
    )
    op.create_table('session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=400), nullable=False),
    sa.Column('date', sa.String(length=10), nullable=True),
    sa.Column('start_time', sa.String(length=5), nullable=True),
    sa.Column('end_time', sa.String(length=5), nullable=True),
    sa.Column('moderator_id', sa.Integer(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('attendance', sa.Integer(), nullable=True),
    sa.Column('attendance_text', sa.String(length=100), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['moderator_id'], ['person.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_session_event_id'), ['event_id'], unique=False)

    op.create_table('source_event',
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('source_id', 'event_id')
    )
    op.create_table('quote',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('speaker_id', sa.Integer(), nullable=True),
    sa.Column('speaker_title', sa.String(length=400), nullable=True),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('organisation_text', sa.String(length=400), nullable=True),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('session_id', sa.Integer(), nullable=True),
    sa.Column('speech', sa.String(length=10), nullable=False),
    sa.Column('said_on', sa.String(length=10), nullable=True),
    sa.Column('verified', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.Column('source_start', sa.Integer(), nullable=True),
    sa.Column('source_end', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['session_id'], ['session.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['speaker_id'], ['person.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('quote', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quote_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quote_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quote_said_on'), ['said_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_quote_session_id'), ['session_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quote_source_id'), ['source_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quote_speaker_id'), ['speaker_id'], unique=False)

    op.create_table('session_presenter',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['session.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('session_presenter', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_session_presenter_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_session_presenter_session_id'), ['session_id'], unique=False)

    op.create_table('statistic',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('figure_text', sa.String(length=200), nullable=False),
    sa.Column('value', sa.Float(), nullable=True),
    sa.Column('unit', sa.String(length=100), nullable=True),
    sa.Column('approximation', sa.String(length=20), nullable=True),
    sa.Column('subject', sa.Text(), nullable=True),
    sa.Column('speaker_id', sa.Integer(), nullable=True),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('session_id', sa.Integer(), nullable=True),
    sa.Column('stated_on', sa.String(length=10), nullable=True),
    sa.Column('verified', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.Column('source_start', sa.Integer(), nullable=True),
    sa.Column('source_end', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['session_id'], ['session.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['speaker_id'], ['person.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('statistic', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_statistic_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_statistic_session_id'), ['session_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_statistic_source_id'), ['source_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_statistic_speaker_id'), ['speaker_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_statistic_stated_on'), ['stated_on'], unique=False)

    op.create_table('quote_tag',
    sa.Column('quote_id', sa.Integer(), nullable=False),
    sa.Column('tag_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['quote_id'], ['quote.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tag_id'], ['tag.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('quote_id', 'tag_id')
    )
    op.create_table('statistic_tag',
    sa.Column('statistic_id', sa.Integer(), nullable=False),
    sa.Column('tag_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['statistic_id'], ['statistic.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tag_id'], ['tag.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('statistic_id', 'tag_id')
    )


def downgrade() -> None:
    op.drop_table('statistic_tag')
    op.drop_table('quote_tag')
    with op.batch_alter_table('statistic', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_statistic_stated_on'))
        batch_op.drop_index(batch_op.f('ix_statistic_speaker_id'))
        batch_op.drop_index(batch_op.f('ix_statistic_source_id'))
        batch_op.drop_index(batch_op.f('ix_statistic_session_id'))
        batch_op.drop_index(batch_op.f('ix_statistic_event_id'))

    op.drop_table('statistic')
    with op.batch_alter_table('session_presenter', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_session_presenter_session_id'))
        batch_op.drop_index(batch_op.f('ix_session_presenter_person_id'))

    op.drop_table('session_presenter')
    with op.batch_alter_table('quote', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quote_speaker_id'))
        batch_op.drop_index(batch_op.f('ix_quote_source_id'))
        batch_op.drop_index(batch_op.f('ix_quote_session_id'))
        batch_op.drop_index(batch_op.f('ix_quote_said_on'))
        batch_op.drop_index(batch_op.f('ix_quote_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_quote_event_id'))

    op.drop_table('quote')
    op.drop_table('source_event')
    with op.batch_alter_table('session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_session_event_id'))

    op.drop_table('session')
    op.drop_table('event_tag')
    with op.batch_alter_table('event_partner', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_partner_organisation_id'))

    op.drop_table('event_partner')
    with op.batch_alter_table('person_alias', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_alias_alias_key'))

    op.drop_table('person_alias')
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_start_date'))
        batch_op.drop_index(batch_op.f('ix_event_series_id'))

    op.drop_table('event')
    op.drop_table('source_tag')
    with op.batch_alter_table('series', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_series_name_key'))

    op.drop_table('series')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_name_key'))

    op.drop_table('person')
    with op.batch_alter_table('organisation_alias', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organisation_alias_alias_key'))

    op.drop_table('organisation_alias')
    op.drop_table('tag')
    with op.batch_alter_table('source', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_source_published_on'))

    op.drop_table('source')
    op.drop_table('outbox')
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organisation_name_key'))

    op.drop_table('organisation')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_record')

    op.drop_table('audit_entry')
    op.drop_table('archive_meta')
