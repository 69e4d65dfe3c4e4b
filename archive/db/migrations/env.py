"""Alembic environment: runs revisions on the connection given by ``archive.db.migrations.upgrade``."""

from alembic import context

from archive.db.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the developer's autogenerate path
    from sqlalchemy import create_engine

    url = context.config.get_main_option("sqlalchemy.url") or "sqlite:///autogenerate.sqlite"
    connection = create_engine(url).connect()

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things: let Alembic copy tables
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
