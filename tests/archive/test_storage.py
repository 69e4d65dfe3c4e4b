"""Opening archives: migrations, and every kind of bad file refused clearly without changing it."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import inspect

from archive.db import migrations
from archive.db.engine import open_archive
from archive.db.models import Base
from archive.errors import ArchiveBusyError, ArchiveOpenError, ArchiveReadOnlyError
from archive.services import events, maintenance, people
from archive.services.records import EventInput, PersonInput


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_archive_has_every_table_at_the_newest_schema(tmp_path: Path) -> None:
    archive = open_archive(tmp_path / "new.sqlite")
    try:
        assert archive.schema_version() == migrations.head_revision()
        tables = set(inspect(archive.engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        with archive.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        archive.close()


def test_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    """The migrations build exactly the tables and columns the models declare."""
    archive = open_archive(tmp_path / "a.sqlite")
    try:
        inspector = inspect(archive.engine)
        for name, table in Base.metadata.tables.items():
            migrated = {column["name"] for column in inspector.get_columns(name)}
            assert migrated == set(table.columns.keys()), name
    finally:
        archive.close()


def test_each_revision_upgrades_from_its_predecessor_keeping_data(tmp_path: Path) -> None:
    revisions = list(reversed(list(migrations.script_directory().walk_revisions())))
    for revision in revisions:
        path = tmp_path / f"from-{revision.revision}.sqlite"
        connection = sqlite3.connect(path)
        connection.close()
        from sqlalchemy import create_engine

        engine = create_engine(f"sqlite:///{path}")
        with engine.begin() as conn:
            if revision.down_revision is not None:
                migrations.upgrade(conn, str(revision.down_revision))
        with engine.begin() as conn:
            if revision.down_revision is not None:
                conn.exec_driver_sql("INSERT INTO organisation (name, name_key, created_at, updated_at) "
                                     "VALUES ('مركز التواصل الحكومي', 'k', '2024-01-01', '2024-01-01')")
        engine.dispose()
        archive = open_archive(path)
        try:
            assert archive.schema_version() == migrations.head_revision()
            if revision.down_revision is not None:
                backups = list((tmp_path / "backups").glob(f"from-{revision.revision}-before-upgrade-*"))
                assert backups, "an upgrade must leave a backup copy first"
                from archive.services import organisations

                assert [o.name for o in organisations.list_organisations(archive)] == ["مركز التواصل الحكومي"]
        finally:
            archive.close()


def test_reopening_keeps_records(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    archive = open_archive(path)
    events.create_event(archive, EventInput(name="منتدى التواصل الحكومي الأول"))
    archive.close()
    archive = open_archive(path)
    try:
        assert [event.name for event in events.list_events(archive)] == ["منتدى التواصل الحكومي الأول"]
    finally:
        archive.close()


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("هذا ليس أرشيفا", encoding="utf-8")
    before = file_digest(path)
    with pytest.raises(ArchiveOpenError) as caught:
        open_archive(path)
    assert "not an SQLite database" in str(caught.value)
    assert file_digest(path) == before


def test_a_foreign_sqlite_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.commit()
    connection.close()
    before = file_digest(path)
    with pytest.raises(ArchiveOpenError) as caught:
        open_archive(path)
    assert "not a Muntada archive" in str(caught.value)
    assert file_digest(path) == before


def test_an_archive_from_a_newer_muntada_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    open_archive(path).close()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    before = file_digest(path)
    with pytest.raises(ArchiveOpenError) as caught:
        open_archive(path)
    assert "newer version" in str(caught.value)
    assert file_digest(path) == before


def test_a_missing_folder_is_reported_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "missing" / "archive.sqlite"
    with pytest.raises(ArchiveOpenError) as caught:
        open_archive(path)
    assert "does not exist" in str(caught.value)
    assert not path.parent.exists()


def test_a_missing_file_is_reported_when_not_creating(tmp_path: Path) -> None:
    with pytest.raises(ArchiveOpenError):
        open_archive(tmp_path / "absent.sqlite", create=False)
    assert not (tmp_path / "absent.sqlite").exists()


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root ignores file permissions")
def test_a_read_only_archive_can_be_read_but_not_changed(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "archive.sqlite"
    archive = open_archive(path)
    events.create_event(archive, EventInput(name="لقاء"))
    archive.close()
    path.chmod(0o444)
    folder.chmod(0o555)
    try:
        archive = open_archive(path)
        assert archive.read_only
        assert len(events.list_events(archive)) == 1
        with pytest.raises(ArchiveReadOnlyError):
            events.create_event(archive, EventInput(name="آخر"))
        archive.close()
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)


def test_a_read_only_flag_refuses_changes_without_touching_the_file(tmp_path: Path) -> None:
    """The same refusal, forced, so it is tested also where the tests run as root."""
    path = tmp_path / "archive.sqlite"
    archive = open_archive(path)
    archive.read_only = True
    with pytest.raises(ArchiveReadOnlyError):
        people.create_person(archive, PersonInput(name="أحمد"))
    assert people.list_people(archive) == []
    archive.close()


def test_a_locked_archive_gives_a_clear_busy_error_and_loses_nothing(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("archive.db.engine.BUSY_TIMEOUT_SECONDS", 0.2)
    path = tmp_path / "archive.sqlite"
    archive = open_archive(path)
    people.create_person(archive, PersonInput(name="فاطمة"))
    blocker = sqlite3.connect(path)
    blocker.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        with pytest.raises(ArchiveBusyError) as caught:
            people.create_person(archive, PersonInput(name="عزة"))
        assert "locked" in str(caught.value)
    finally:
        blocker.rollback()
        blocker.close()
    assert [person.name for person in people.list_people(archive)] == ["فاطمة"]
    people.create_person(archive, PersonInput(name="عزة"))
    assert len(people.list_people(archive)) == 2
    archive.close()


def test_readers_work_while_a_writer_is_busy(tmp_path: Path) -> None:
    """WAL: a long write in one thread does not stop reads in another."""
    archive = open_archive(tmp_path / "archive.sqlite")
    events.create_event(archive, EventInput(name="منتدى"))
    started, release = threading.Event(), threading.Event()

    def long_write() -> None:
        with archive.session() as session:
            from archive.db.models import Event

            session.add(Event(name="لقاء"))
            session.flush()
            started.set()
            release.wait(5)

    writer = threading.Thread(target=long_write)
    writer.start()
    started.wait(5)
    try:
        assert [event.name for event in events.list_events(archive)] == ["منتدى"]
    finally:
        release.set()
        writer.join()
    assert len(events.list_events(archive)) == 2
    archive.close()


def test_backup_is_a_consistent_copy_that_opens(archive) -> None:
    people.create_person(archive, PersonInput(name="إبراهيم بن سالم السالمي"))
    target = maintenance.backup_archive(archive)
    assert target.parent.name == "backups"
    copy = open_archive(target, create=False)
    try:
        assert [person.name for person in people.list_people(copy)] == ["إبراهيم بن سالم السالمي"]
    finally:
        copy.close()


def test_check_reports_a_sound_archive_and_finds_broken_links(archive) -> None:
    assert maintenance.check_archive(archive).ok
    other_program = sqlite3.connect(archive.path)  # foreign keys are off by default in plain SQLite
    other_program.execute(
        "INSERT INTO quote (text, speaker_id, speech, verified, created_at, updated_at) "
        "VALUES ('نص', 999, 'direct', 0, '2024-01-01', '2024-01-01')"
    )
    other_program.commit()
    other_program.close()
    report = maintenance.check_archive(archive)
    assert not report.ok
    assert any("quote" in problem and "person" in problem for problem in report.problems)  # a broken link named


def test_services_handed_a_unit_of_work_write_in_it_and_roll_back_with_it(tmp_path: Path) -> None:
    from archive.services.unit import write_unit

    archive = open_archive(tmp_path / "archive.sqlite")
    try:
        with pytest.raises(RuntimeError), write_unit(archive) as unit:
            people.create_person(unit, PersonInput(name="سالم بن ناصر الهاشمي"))
            events.create_event(unit, EventInput(name="ملتقى الاتصال المؤسسي"))
            assert len(people.list_people(unit)) == 1  # seen inside the open transaction
            raise RuntimeError("a later step fails")
        assert people.list_people(archive) == [] and events.list_events(archive) == []
        people.create_person(archive, PersonInput(name="مريم بنت خالد الحارثية"))  # on its own: committed
        assert len(people.list_people(archive)) == 1
    finally:
        archive.close()


def test_a_session_never_joins_another_one_open_in_the_same_thread(tmp_path: Path) -> None:
    archive = open_archive(tmp_path / "archive.sqlite")
    try:
        with archive.session() as outer, archive.session() as inner:
            assert inner is not outer
    finally:
        archive.close()


def test_generation_is_empty_until_renewed_and_then_changes(archive) -> None:
    from archive.services.maintenance import archive_generation, renew_generation

    assert archive_generation(archive) == ""
    first = renew_generation(archive)
    assert archive_generation(archive) == first != ""
    assert renew_generation(archive) != first
