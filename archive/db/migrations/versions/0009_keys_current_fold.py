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

from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    from archive.services.name_keys import recompute_stored_keys

    recompute_stored_keys(op.get_bind())


def downgrade() -> None:
    pass  # the older keys are not kept: an older Muntada recomputes a key whenever it saves a record
