"""Backups: verified copies with names that never collide, the schedule, retention, and restore."""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from archive import backups
from archive.backups import BackupError, BackupInfo
from archive.db.engine import open_archive
from archive.services import maintenance, people
from archive.services.records import PersonInput


def names(archive) -> list[str]:
    return [person.name for person in people.list_people(archive)]


def test_many_backups_in_the_same_second_all_keep_their_own_copy(archive) -> None:
    written = [backups.write_backup(archive) for _ in range(5)]
    assert len(set(written)) == 5 and all(path.exists() for path in written)
    assert [info.path for info in backups.list_backups(archive.path)] == list(reversed(written))


def test_a_backup_never_replaces_an_existing_name(tmp_path: Path) -> None:
    staged, target = tmp_path / "staged", tmp_path / "target"
    staged.write_text("جديد", encoding="utf-8")
    target.write_text("قديم", encoding="utf-8")
    with pytest.raises(BackupError):
        backups.place_without_overwriting(staged, target)
    assert target.read_text(encoding="utf-8") == "قديم"


def test_a_backup_is_a_sound_copy_taken_while_another_thread_writes(archive) -> None:
    people.create_person(archive, PersonInput(name="أسماء"))
    stop = threading.Event()

    def keep_writing() -> None:
        number = 0
        while not stop.is_set():
            number += 1
            people.create_person(archive, PersonInput(name=f"كاتب {number}"))

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        copies = [backups.write_backup(archive) for _ in range(3)]
    finally:
        stop.set()
        writer.join()
    for copy in copies:
        assert backups.integrity_problems(copy) == []
        opened = open_archive(copy, create=False)
        try:
            assert "أسماء" in names(opened)
        finally:
            opened.close()


def test_an_old_style_name_is_listed(archive) -> None:
    folder = backups.backups_folder(archive.path)
    folder.mkdir()
    old = folder / f"{archive.path.stem}-20261101-101500{archive.path.suffix}"
    backups.write_backup(archive, old)
    listed = backups.list_backups(archive.path)
    assert [(info.path, info.kind, info.taken_at) for info in listed] == [
        (old, "manual", datetime(2026, 11, 1, 10, 15))]


def auto(day: datetime) -> BackupInfo:
    return BackupInfo(path=Path(f"/b/a-auto-{day:%Y%m%d-%H%M%S-%f}.sqlite"), taken_at=day, kind="auto", size_bytes=1)


def test_retention_keeps_7_daily_4_weekly_12_monthly() -> None:
    now = datetime(2026, 12, 2, 9, 0)
    every_day_for_two_years = [auto(now - timedelta(days=days, hours=hours)) for days in range(730) for hours in (0, 5)]
    kept = backups.kept_backups(every_day_for_two_years)
    kept_days = sorted({info.taken_at.date() for info in every_day_for_two_years if info.path in kept}, reverse=True)
    assert kept_days[:7] == [(now - timedelta(days=days)).date() for days in range(7)]
    assert len(kept) <= 7 + 4 + 12 and len(kept) >= 12
    months = {(info.taken_at.year, info.taken_at.month) for info in every_day_for_two_years if info.path in kept}
    assert len(months) == 12
    for info in every_day_for_two_years:  # within a day the newest is kept
        if info.path in kept:
            assert info.taken_at.hour == 9


def test_retention_removes_only_automatic_backups(archive) -> None:
    manual = backups.write_backup(archive)
    automatic = [backups.back_up_file(archive.path, kind="auto") for _ in range(3)]  # all today
    removed = backups.apply_retention(archive.path)
    assert sorted(removed) == sorted(automatic[:2])
    assert manual.exists() and automatic[2].exists()


def test_a_backup_is_due_on_the_schedule(archive) -> None:
    assert not backups.backup_is_due(archive.path, 0)
    assert backups.backup_is_due(archive.path, 7)
    written = backups.back_up_if_due(archive, 7)
    assert written is not None and written.exists()
    assert backups.back_up_if_due(archive, 7) is None
    assert backups.backup_is_due(archive.path, 7, now=datetime.now() + timedelta(days=7, minutes=1))


def test_restore_puts_back_the_backup_keeps_the_current_and_renews_the_generation(archive) -> None:
    people.create_person(archive, PersonInput(name="قبل"))
    backup = backups.write_backup(archive)
    people.create_person(archive, PersonInput(name="بعد"))
    generation = maintenance.archive_generation(archive)
    path = archive.path
    archive.close()
    outcome = backups.restore_backup(path, backup)
    restored = open_archive(path, create=False)
    try:
        assert names(restored) == ["قبل"]
        assert maintenance.archive_generation(restored) not in ("", generation)
    finally:
        restored.close()
    aside = open_archive(outcome.kept_aside, create=False)
    try:
        assert sorted(names(aside)) == ["بعد", "قبل"]
    finally:
        aside.close()


def test_restore_refuses_a_backup_from_a_newer_muntada(archive, tmp_path: Path) -> None:
    backup = backups.write_backup(archive)
    connection = sqlite3.connect(backup)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    path = archive.path
    archive.close()
    before = path.read_bytes()
    with pytest.raises(BackupError) as caught:
        backups.restore_backup(path, backup)
    assert "newer version" in str(caught.value)
    assert path.read_bytes() == before


def test_restore_refuses_an_archive_another_program_has_open(archive, monkeypatch) -> None:
    monkeypatch.setattr("archive.backups.BUSY_TIMEOUT_SECONDS", 0.2)
    people.create_person(archive, PersonInput(name="قبل"))
    backup = backups.write_backup(archive)
    people.create_person(archive, PersonInput(name="بعد"))
    with pytest.raises(BackupError) as caught:  # ``archive`` is still open: as if the app were running
        backups.restore_backup(archive.path, backup)
    assert "open in another program" in str(caught.value)
    assert sorted(names(archive)) == ["بعد", "قبل"]
    assert [info.kind for info in backups.list_backups(archive.path)] == ["manual"]
