"""The archive's schema is the same on PostgreSQL as on SQLite: the whole migration chain runs on
both, and the migrated schema equals the models (Alembic's ``compare_metadata`` finds nothing)."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import Engine, make_url

from archive.db import migrations
from archive.db.engine import open_archive
from archive.db.models import Base
from tests.team.conftest import PostgresServer


def differences(engine: Engine) -> list[object]:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True, "compare_server_default": True})
        return list(compare_metadata(context, Base.metadata))


@pytest.fixture
def postgres_engine(postgres_server: PostgresServer, team_database: str) -> Engine:
    engine = create_engine(make_url(postgres_server.url(team_database)).set(drivername="postgresql+psycopg"))
    yield engine
    engine.dispose()


def test_the_migration_chain_on_postgresql_gives_the_models_schema(postgres_engine: Engine) -> None:
    with postgres_engine.begin() as connection:
        migrations.upgrade(connection)
    with postgres_engine.connect() as connection:
        assert migrations.current_revision(connection) == migrations.head_revision()
        assert set(inspect(connection).get_table_names()) - {"alembic_version"} == set(Base.metadata.tables)
    assert differences(postgres_engine) == []


def test_each_revision_runs_on_postgresql_in_order(postgres_engine: Engine) -> None:
    """Step by step, as a team archive prepared by an older Muntada is upgraded by a newer one."""
    chain = [revision.revision for revision in reversed(list(migrations.script_directory().walk_revisions()))]
    assert chain[0] == "0001" and chain[-1] == migrations.head_revision()
    for revision in chain:
        with postgres_engine.begin() as connection:
            migrations.upgrade(connection, revision)
        with postgres_engine.connect() as connection:
            assert migrations.current_revision(connection) == revision
            assert set(inspect(connection).get_table_names()) - {"alembic_version"} == migrations.tables_at(revision)


def test_the_migration_chain_on_sqlite_gives_the_models_schema(tmp_path: Path) -> None:
    archive = open_archive(tmp_path / "archive.sqlite")
    try:
        assert archive.schema_version() == migrations.head_revision()
        assert differences(archive.engine) == []
    finally:
        archive.close()
