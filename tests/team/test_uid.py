"""Ids across desktops (migration 0006): every shared row gets a uid when it is made, whatever made
it; existing rows get one in the upgrade; every change to a shared row is queued for sync by the
archive's own triggers, in the change's transaction."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, inspect, select

from archive.db import migrations
from archive.db.engine import open_archive
from archive.db.models import SyncOutbox
from archive.services import people
from archive.services.records import PersonInput
from archive.team.wire import shared_tables


def test_every_shared_table_has_a_unique_uid_and_its_sync_triggers(tmp_path: Path) -> None:
    archive = open_archive(tmp_path / "archive.sqlite")
    try:
        with archive.engine.connect() as connection:
            triggers = {row[0] for row in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
            inspector = inspect(connection)
            for name in shared_tables():
                assert {f"sync_{event}_{name}" for event in ("uid", "insert", "update", "delete")} <= triggers, name
                assert any(index["column_names"] == ["uid"] and index["unique"]
                           for index in inspector.get_indexes(name)), name
    finally:
        archive.close()
    assert set(shared_tables()) >= {"quote", "person", "person_alias", "quote_tag", "source_event", "event_partner"}


def test_a_row_gets_its_uid_whatever_makes_it_and_its_change_is_queued(tmp_path: Path) -> None:
    archive = open_archive(tmp_path / "archive.sqlite")
    people.create_person(archive, PersonInput(name="ليلى المعمري", aliases=("ليلى",)))
    with sqlite3.connect(archive.path) as connection:  # another program, without our models' defaults
        connection.execute("INSERT INTO tag (name, name_key) VALUES ('اقتصاد', 'اقتصاد')")
        rows = dict(connection.execute("SELECT 'person', uid FROM person UNION ALL SELECT 'tag', uid FROM tag "
                                       "UNION ALL SELECT 'alias', uid FROM person_alias").fetchall())
        connection.execute("DELETE FROM person_alias")
    connection.close()
    assert all(len(uid) == 36 for uid in rows.values()) and len(set(rows.values())) == 3
    with archive.engine.connect() as connection:
        queued = connection.execute(select(SyncOutbox.table_name, SyncOutbox.uid).order_by(SyncOutbox.id)).all()
    assert {(table, uid) for table, uid in queued} == {
        ("person", rows["person"]), ("person_alias", rows["alias"]), ("tag", rows["tag"])}
    archive.close()


def test_the_upgrade_gives_existing_rows_distinct_uids_and_queues_nothing(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{path}")  # an archive as Muntada at schema 0005 left it
    with engine.begin() as connection:
        migrations.upgrade(connection, "0005")
        for number in range(3):
            connection.exec_driver_sql(
                "INSERT INTO person (name, name_key, created_at, updated_at) VALUES (?, ?, '2026-01-01', '2026-01-01')",
                (f"شخص {number}", f"شخص {number}"))
        connection.exec_driver_sql("INSERT INTO tag (name, name_key) VALUES ('ثقافة', 'ثقافة')")
    engine.dispose()
    archive = open_archive(path, create=False)  # upgraded to head on opening
    try:
        assert archive.schema_version() == migrations.head_revision()
        with archive.engine.connect() as connection:
            query = "SELECT uid FROM person UNION ALL SELECT uid FROM tag"
            uids = [row[0] for row in connection.exec_driver_sql(query)]
            assert len(uids) == 4 == len(set(uids)) and all(uid and len(uid) == 36 for uid in uids)
            assert connection.exec_driver_sql("SELECT count(*) FROM sync_outbox").scalar() == 0
    finally:
        archive.close()
