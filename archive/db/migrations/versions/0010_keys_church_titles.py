"""Stored name keys recomputed now that church titles are honorifics

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 23:55:00

``archive.text.names.HONORIFICS`` now holds the church titles the press prints with a name as it prints a
king's (قداسة، غبطة، نيافة، البابا، البطريرك، الأنبا، الكاردينال، المطران), and a name's key leaves them out as
it leaves out «الملك»: a person stored as «البابا فرنسيس» had the key «بابا فرنسيس» and now has «فرنسيس», so
he meets «فرنسيس» and «قداسة البابا فرنسيس». This revision recomputes every stored key
(``archive.services.name_keys.recompute_stored_keys``, as 0009 does). It merges nothing: records whose names
now read alike both stay, and ``muntada check`` names them. Nothing is queued for the team server.
"""

from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    from archive.services.name_keys import recompute_stored_keys

    recompute_stored_keys(op.get_bind())


def downgrade() -> None:
    pass  # the older keys are not kept: an older Muntada recomputes a key whenever it saves a record
