"""``team init`` and ``team push`` through the archive's own functions, against a real server."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import insert, inspect, select, text, update
from sqlalchemy.engine import Engine

from archive.db import migrations
from archive.db.engine import Archive, open_archive
from archive.db.models import ArchiveMeta, Quote, Tag
from archive.team.errors import TeamArchiveNotEmptyError, TeamPushDataError, TeamSchemaError
from archive.team.push import LOCAL_ONLY_TABLES, PushProgress, push_archive, pushed_tables
from archive.team.schema import TEAM_MARKER_KEY, InitOutcome, init_team_archive
from archive.team.server import TeamAddress, make_engine, parse_address


@pytest.fixture
def address(team_url: str) -> TeamAddress:
    return parse_address(team_url)[0]


@pytest.fixture
def server(address: TeamAddress) -> Iterator[Engine]:
    engine = make_engine(address, None)
    yield engine
    engine.dispose()


@pytest.fixture
def desktop(sample_archive: Path) -> Iterator[Archive]:
    archive = open_archive(sample_archive, create=False)
    yield archive
    archive.close()


def rows_of(engine: Engine, table_name: str) -> list[dict[str, object]]:
    table = next(table for table in pushed_tables() if table.name == table_name)
    with engine.connect() as connection:
        query = select(table).order_by(*table.primary_key.columns)
        if table_name == "archive_meta":
            query = query.where(table.c.key != TEAM_MARKER_KEY)
        return [dict(row) for row in connection.execute(query).mappings()]


def test_init_makes_an_empty_database_a_marked_team_archive_at_head(server: Engine, address: TeamAddress) -> None:
    result = init_team_archive(server, address)
    assert (result.outcome, result.revision) == (InitOutcome.CREATED, migrations.head_revision())
    with server.connect() as connection:
        assert migrations.current_revision(connection) == migrations.head_revision()
        marker = connection.execute(select(ArchiveMeta.value).where(ArchiveMeta.key == TEAM_MARKER_KEY)).scalar()
    assert marker is not None
    assert init_team_archive(server, address).outcome is InitOutcome.ALREADY


def test_init_upgrades_a_team_archive_of_an_older_schema(server: Engine, address: TeamAddress) -> None:
    with server.begin() as connection:
        migrations.upgrade(connection, "0004")
        connection.execute(insert(ArchiveMeta).values(key=TEAM_MARKER_KEY, value="1"))
    result = init_team_archive(server, address)
    assert (result.outcome, result.previous_revision) == (InitOutcome.UPGRADED, "0004")
    with server.connect() as connection:
        assert "page" in {column["name"] for column in inspect(connection).get_columns("source")}


def test_init_refuses_a_database_that_is_not_a_team_archive(server: Engine, address: TeamAddress) -> None:
    with server.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE invoices (id integer primary key)")
    with pytest.raises(TeamSchemaError, match="not a Muntada team archive"):
        init_team_archive(server, address)
    with server.connect() as connection:
        assert inspect(connection).get_table_names() == ["invoices"]  # nothing was changed


def test_a_newer_schema_is_refused_by_init_and_push(server: Engine, address: TeamAddress, desktop: Archive) -> None:
    init_team_archive(server, address)
    with server.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(TeamSchemaError, match="newer version of Muntada"):
        init_team_archive(server, address)
    with pytest.raises(TeamSchemaError, match="newer version of Muntada"):
        push_archive(desktop, server, address)


def test_push_into_an_uninitialised_database_is_refused(server: Engine, address: TeamAddress, desktop: Archive) -> None:
    with pytest.raises(TeamSchemaError, match="muntada team init"):
        push_archive(desktop, server, address)


def test_push_uploads_every_table_with_its_ids(server: Engine, address: TeamAddress, desktop: Archive) -> None:
    init_team_archive(server, address)
    seen: list[PushProgress] = []
    result = push_archive(desktop, server, address, progress=seen.append)

    for table in pushed_tables():
        assert rows_of(server, table.name) == rows_of(desktop.engine, table.name), table.name
    counts = dict(result.rows_by_table)
    assert counts["quote"] == len(rows_of(desktop.engine, "quote")) > 0
    assert not LOCAL_ONLY_TABLES & set(counts)
    assert seen[-1].rows_sent == seen[-1].rows == result.rows


def test_after_a_push_the_server_numbers_new_records_past_the_pushed_ids(
        server: Engine, address: TeamAddress, desktop: Archive) -> None:
    init_team_archive(server, address)
    push_archive(desktop, server, address)
    largest = max(row["id"] for row in rows_of(desktop.engine, "tag"))
    with server.begin() as connection:
        new_id = connection.execute(insert(Tag).values(name="جديد", name_key="جديد").returning(Tag.id)).scalar()
    assert new_id == largest + 1


def test_push_refuses_a_team_archive_that_holds_records(
        server: Engine, address: TeamAddress, desktop: Archive) -> None:
    init_team_archive(server, address)
    with server.begin() as connection:
        connection.execute(insert(Tag).values(name="موجود", name_key="موجود"))
    with pytest.raises(TeamArchiveNotEmptyError, match="table tag"):
        push_archive(desktop, server, address)
    assert len(rows_of(server, "tag")) == 1 and rows_of(server, "quote") == []


def test_a_record_the_server_cannot_store_is_named_and_nothing_is_uploaded(
        server: Engine, address: TeamAddress, desktop: Archive) -> None:
    """SQLite keeps a text longer than its column and a NUL; PostgreSQL refuses both."""
    init_team_archive(server, address)
    quote_id = rows_of(desktop.engine, "quote")[-1]["id"]
    with desktop.engine.begin() as connection:
        connection.execute(update(Quote).where(Quote.id == quote_id).values(speaker_title="م" * 401))
    with pytest.raises(TeamPushDataError, match=f"record {quote_id} of the table quote.*speaker_title"):
        push_archive(desktop, server, address)
    with server.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM person")).scalar() == 0  # all or nothing


def test_push_reads_one_snapshot_while_the_desktop_keeps_writing(
        server: Engine, address: TeamAddress, desktop: Archive) -> None:
    """A source and a quote citing it, written while the push is between the two tables: neither goes."""
    init_team_archive(server, address)
    before = len(rows_of(desktop.engine, "quote"))
    written: list[str] = []

    def write_meanwhile(step: PushProgress) -> None:
        if step.table == "person" and not written:  # after source was read, before quote is
            with sqlite3.connect(desktop.path, timeout=5) as connection:
                source_id = connection.execute(
                    "INSERT INTO source (kind, full_text, content_hash, created_at, updated_at) "
                    "VALUES ('article', 'نص', 'meanwhile', '2026-12-02 12:00:00', '2026-12-02 12:00:00')").lastrowid
                connection.execute(
                    "INSERT INTO quote (text, speech, verified, source_id, created_at, updated_at) "
                    "VALUES ('قول', 'direct', 0, ?, '2026-12-02 12:00:00', '2026-12-02 12:00:00')", (source_id,))
            connection.close()
            written.append("yes")

    result = push_archive(desktop, server, address, progress=write_meanwhile)
    assert written and dict(result.rows_by_table)["quote"] == before == len(rows_of(server, "quote"))
    assert len(rows_of(desktop.engine, "quote")) == before + 1
