"""Storage safety: all-or-nothing schema changes, damaged and empty files, read-only folders, privacy.

Every test works on real SQLite files; the crash tests kill real ``muntada`` processes.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DatabaseError

from archive.db import engine, migrations
from archive.db.engine import backup_before_migration, open_archive
from archive.errors import ArchiveOpenError, ArchiveReadOnlyError
from archive.services import maintenance, people
from archive.services.records import PersonInput

REPO = Path(__file__).resolve().parents[2]
POSIX = os.name != "nt"


def table_names(path: Path) -> set[str]:
    connection = sqlite3.connect(path)
    try:
        return {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        connection.close()


def archive_at(path: Path, revision: str) -> Path:
    """An archive file at an older schema revision, built with Alembic as that version did."""
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        migrations.upgrade(connection, revision)
    engine.dispose()
    return path


# --- item 1: creating and upgrading the schema is all or nothing --------------------------------


def test_a_schema_creation_that_fails_midway_leaves_no_table_behind(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite"
    blocker = sqlite3.connect(path)
    blocker.execute("CREATE VIEW statistic_tag AS SELECT 1 AS x")  # the last table created cannot be made
    blocker.commit()
    blocker.close()
    with pytest.raises((ArchiveOpenError, DatabaseError)):
        open_archive(path)
    assert table_names(path) == set(), "a failed creation must leave the file as it was"
    blocker = sqlite3.connect(path)
    blocker.execute("DROP VIEW statistic_tag")
    blocker.commit()
    blocker.close()
    archive = open_archive(path)
    try:
        assert archive.schema_version() == migrations.head_revision()
    finally:
        archive.close()


def test_a_half_made_new_archive_left_by_an_older_version_opens(tmp_path: Path) -> None:
    """Older versions committed each CREATE on its own: a crash left tables but no revision."""
    path = tmp_path / "archive.sqlite"
    half = sqlite3.connect(path)
    half.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
    half.execute("CREATE TABLE archive_meta (key VARCHAR(100) NOT NULL PRIMARY KEY, value TEXT NOT NULL)")
    half.execute("CREATE TABLE outbox (id INTEGER NOT NULL PRIMARY KEY)")
    half.commit()
    half.close()
    archive = open_archive(path)
    try:
        assert archive.schema_version() == migrations.head_revision()
        people.create_person(archive, PersonInput(name="نورة"))
        assert maintenance.check_archive(archive).ok
    finally:
        archive.close()


def test_a_half_made_upgrade_left_by_an_older_version_opens_with_its_records(tmp_path: Path) -> None:
    path = archive_at(tmp_path / "archive.sqlite", "0001")
    half = sqlite3.connect(path)
    half.execute("INSERT INTO organisation (name, name_key, created_at, updated_at) "
                 "VALUES ('مركز الاتصال', 'k', '2024-01-01', '2024-01-01')")
    half.execute("CREATE TABLE import_review (id INTEGER NOT NULL PRIMARY KEY)")  # 0002 began, then the crash
    half.commit()
    half.close()
    archive = open_archive(path)
    try:
        assert archive.schema_version() == migrations.head_revision()
        from archive.services import organisations

        assert [item.name for item in organisations.list_organisations(archive)] == ["مركز الاتصال"]
    finally:
        archive.close()


def test_backups_before_an_upgrade_never_share_a_name(tmp_path: Path) -> None:
    path = archive_at(tmp_path / "archive.sqlite", "0001")
    first = backup_before_migration(path, "0001")
    second = backup_before_migration(path, "0001")  # a retry in the same second
    assert first != second and first.exists() and second.exists()


# --- item 7: empty files, quick check before the first write ------------------------------------


def test_an_empty_file_is_not_an_archive_unless_creating(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite"
    path.write_bytes(b"")
    with pytest.raises(ArchiveOpenError) as caught:
        open_archive(path, create=False)
    assert "empty" in str(caught.value) and "muntada init" in str(caught.value)
    assert path.stat().st_size == 0
    open_archive(path, create=True).close()
    assert path.stat().st_size > 0


def damage_a_middle_page(path: Path) -> None:
    connection = sqlite3.connect(path)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    page_count = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.close()
    with open(path, "r+b") as handle:
        handle.seek(page_size * (page_count // 2) + 8)
        handle.write(b"\xff" * 64)


def test_a_damaged_archive_refuses_the_first_write_and_points_to_restore(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite"
    archive = open_archive(path)
    for number in range(1500):
        people.create_person(archive, PersonInput(name=f"شخص رقم {number} من مركز التواصل الحكومي"))
    archive.close()
    damage_a_middle_page(path)
    archive = open_archive(path, create=False)
    try:
        with pytest.raises(ArchiveOpenError) as caught:
            people.create_person(archive, PersonInput(name="جديد"))
        assert "damaged" in str(caught.value) and "muntada restore" in str(caught.value)
    finally:
        archive.close()


# --- item 12: database errors become one clear error -----------------------------------------


@pytest.mark.parametrize("damage", ["truncated", "overwritten", "garbage"])
def test_a_damaged_file_gives_a_clear_error(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "archive.sqlite"
    archive = open_archive(path)
    for number in range(300):
        people.create_person(archive, PersonInput(name=f"شخص {number}"))
    archive.close()
    data = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(data[: len(data) // 3])
    elif damage == "overwritten":
        path.write_bytes(data[:100] + os.urandom(len(data) - 100))
    else:
        path.write_bytes(data[:16] + os.urandom(4000))
    with pytest.raises(ArchiveOpenError) as caught:
        opened = open_archive(path, create=False)
        try:
            people.list_people(opened)
            maintenance.check_archive(opened)
        finally:
            opened.close()
    assert "damaged" in str(caught.value) or "not a Muntada archive" in str(caught.value)


# --- item 21: statement parameters never reach messages or logs --------------------------------


def test_a_failing_statement_does_not_carry_its_parameters(archive) -> None:
    with pytest.raises(DatabaseError) as caught, archive.session() as session:
        session.execute(text("INSERT INTO tag (name, name_key) VALUES (:name, NULL)"),
                        {"name": "نص مقال سري للغاية"})
    assert "نص مقال سري للغاية" not in str(caught.value)


@pytest.mark.skipif(not POSIX, reason="POSIX locks are per process and file")
def test_opening_an_archive_again_keeps_the_locks_of_its_open_connections(tmp_path: Path) -> None:
    """Closing any descriptor of a file drops this process's POSIX locks on it, SQLite's included.

    If opening drops the open archive's shared lock, another program closing its connection takes
    itself for the last user and removes the WAL journal under the open archive.
    """
    path = tmp_path / "archive.sqlite"
    first = open_archive(path)
    people.create_person(first, PersonInput(name="سارة"))
    with first.engine.connect() as connection:
        connection.exec_driver_sql("SELECT 1")  # the pooled connection stays open, holding its lock
    journal = path.with_name(path.name + "-wal")
    assert journal.exists()
    try:
        open_archive(path, create=False).close()
        subprocess.run([sys.executable, "-c", ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
                                               "c.execute('SELECT count(*) FROM person').fetchone(); c.close()"),
                        str(path)],
                       check=True, timeout=60)
        assert journal.exists(), "another program removed the journal of an archive still open"
    finally:
        first.close()


# --- item 13: read-only folders ----------------------------------------------------------------


def test_the_writability_probe_leaves_nothing_behind(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite"
    open_archive(path).close()
    before = sorted(tmp_path.iterdir())
    assert engine.can_write_beside(path)
    assert sorted(tmp_path.iterdir()) == before


def run_as_nobody_available() -> bool:
    return POSIX and os.geteuid() == 0 and shutil.which("setpriv") is not None


@pytest.mark.skipif(not run_as_nobody_available(), reason="needs root and setpriv to run a command as nobody")
def test_an_archive_in_a_read_only_folder_opens_for_reading(tmp_path: Path) -> None:
    """Run as the unprivileged user nobody, for whom the folder really is read-only (root ignores modes)."""
    folder = Path(tempfile.mkdtemp(prefix="muntada-ro-"))
    home = Path(tempfile.mkdtemp(prefix="muntada-home-"))
    try:
        path = folder / "archive.sqlite"
        archive = open_archive(path)
        people.create_person(archive, PersonInput(name="سلمى"))
        archive.close()
        folder.chmod(0o755)
        path.chmod(0o644)
        home.chmod(0o777)
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c",
                   "import sys; from desktop.cli import main; sys.exit(main(sys.argv[1:]))",
                   "--lang", "en", "--archive", str(path)]
        environment = {**os.environ, "MUNTADA_HOME": str(home), "HOME": str(home)}
        for arguments in (["info"], ["check"], ["list", "people"]):
            result = subprocess.run(command + arguments, cwd=REPO, env=environment, capture_output=True,
                                    text=True, timeout=60)
            assert result.returncode == 0, (arguments, result.stderr)
            if arguments == ["info"]:
                assert "Read-only" in result.stdout
        other = folder / "other.sqlite"
        result = subprocess.run([*command[:-2], "--archive", str(other), "init"], cwd=REPO, env=environment,
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 2 and "cannot be created" in result.stderr and "Unexpected" not in result.stderr
        assert sorted(p.name for p in folder.iterdir()) == ["archive.sqlite"]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(home, ignore_errors=True)


def test_a_read_only_archive_refuses_changes_clearly(tmp_path: Path, monkeypatch) -> None:
    """The read-only path as the probe decides it (tested also where the tests run as root)."""
    path = tmp_path / "archive.sqlite"
    archive = open_archive(path)
    people.create_person(archive, PersonInput(name="سلمى"))
    archive.close()
    monkeypatch.setattr("archive.db.engine.can_write_beside", lambda _path: False)
    archive = open_archive(path, create=False)
    try:
        assert archive.read_only
        assert [person.name for person in people.list_people(archive)] == ["سلمى"]
        with pytest.raises(ArchiveReadOnlyError):
            people.create_person(archive, PersonInput(name="آخر"))
    finally:
        archive.close()


# --- item 20: files for the user alone -----------------------------------------------------------


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_the_archive_and_its_journal_are_for_the_user_alone(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite"
    archive = open_archive(path)
    people.create_person(archive, PersonInput(name="هدى"))
    try:
        for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
        backup = maintenance.backup_archive(archive)
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600
        assert stat.S_IMODE(backup.parent.stat().st_mode) == 0o700
    finally:
        archive.close()


# --- item 16: two programs creating the same archive at once ------------------------------------


def muntada(*arguments: str, home: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "desktop.cli", "--lang", "en", *arguments], cwd=REPO,
                            env={**os.environ, "MUNTADA_HOME": str(home)}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_two_inits_of_the_same_new_archive_both_end_well(tmp_path: Path) -> None:
    for attempt in range(2):
        path = tmp_path / f"together-{attempt}.sqlite"
        runs = [muntada("--archive", str(path), "init", home=tmp_path) for _ in range(2)]
        outcomes = [(run.wait(timeout=60), run.stderr.read()) for run in runs]
        for run in runs:
            run.stdout.close()
            run.stderr.close()
        for code, error in outcomes:
            assert code == 0 or "locked" in error, outcomes
            assert "Unexpected" not in error
        archive = open_archive(path, create=False)
        try:
            assert archive.schema_version() == migrations.head_revision()
            assert maintenance.check_archive(archive).ok
        finally:
            archive.close()


# --- crash tests: kill -9 at random points ---------------------------------------------------------
# Each kill waits until the process has reached the risky step (its file appeared), then lets it
# run a random short while more, so the kills land inside schema creation, building or upgrading
# whatever the machine's load. The checks afterwards run in this process (no start-up cost).


def kill_during(run: subprocess.Popen, started, delay: float) -> None:
    """SIGKILL ``run`` ``delay`` seconds after ``started()`` turns true (or leave it if it ended first)."""
    deadline = time.monotonic() + 60
    while not started() and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(delay)
    if run.poll() is None:
        run.send_signal(signal.SIGKILL)
    run.wait(timeout=30)
    run.stdout.close()
    run.stderr.close()


def assert_sound_or_absent(path: Path, retry) -> None:
    """After a kill: the archive opens and passes check, or is absent (or empty) and a retry makes it."""
    if not path.exists() or path.stat().st_size == 0:
        retry(path)
    archive = open_archive(path, create=False)
    try:
        assert archive.schema_version() == migrations.head_revision()
        assert maintenance.check_archive(archive).ok
    finally:
        archive.close()


def init_again(path: Path) -> None:
    open_archive(path, create=True).close()


@pytest.mark.crash
@pytest.mark.skipif(not POSIX, reason="SIGKILL")
def test_killing_init_at_random_points_never_leaves_a_broken_archive(tmp_path: Path) -> None:
    chance = random.Random()
    for attempt in range(4):
        path = tmp_path / f"init-{attempt}.sqlite"
        kill_during(muntada("--archive", str(path), "init", home=tmp_path), path.exists, chance.uniform(0, 0.3))
        assert_sound_or_absent(path, init_again)


@pytest.mark.crash
@pytest.mark.skipif(not POSIX, reason="SIGKILL")
def test_killing_demo_at_random_points_leaves_no_half_built_archive(tmp_path: Path) -> None:
    from archive.demo import create_sample_archive

    chance = random.Random()
    for attempt in range(2):
        path = tmp_path / f"demo-{attempt}.sqlite"
        building = path.with_name(f".{path.name}.building")
        kill_during(muntada("--archive", str(path), "demo", home=tmp_path),
                    lambda building=building, path=path: building.exists() or path.exists(), chance.uniform(0, 3))
        if path.exists():  # the kill came after the build was complete
            archive = open_archive(path, create=False)
            try:
                assert maintenance.archive_info(archive).is_sample
            finally:
                archive.close()
    if not path.exists():
        create_sample_archive(path)  # the leftover of the killed build does not stop a new one
        assert not building.exists()
    assert_sound_or_absent(path, create_sample_archive)


@pytest.mark.crash
@pytest.mark.skipif(not POSIX, reason="SIGKILL")
def test_killing_an_upgrade_at_random_points_never_leaves_a_broken_archive(tmp_path: Path) -> None:
    chance = random.Random()
    for attempt in range(3):
        path = archive_at(tmp_path / f"old-{attempt}.sqlite", "0001")
        backups_folder = tmp_path / "backups"

        def backup_begun(backups_folder: Path = backups_folder, path: Path = path) -> bool:
            return backups_folder.is_dir() and any(backups_folder.glob(f"*{path.stem}*"))

        kill_during(muntada("--archive", str(path), "info", home=tmp_path), backup_begun, chance.uniform(0, 0.3))
        assert_sound_or_absent(path, init_again)
