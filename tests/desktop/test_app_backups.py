"""The app's backups: on the schedule at start and on close, and a restore asked for in Settings."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from archive import backups
from archive.db.engine import open_archive
from archive.location import data_folder
from archive.services import people
from archive.services.records import PersonInput
from archive.settings import Settings
from desktop.app import MuntadaApp


def make_app(qapp, archive_path: Path, every_days: int = 7) -> MuntadaApp:
    return MuntadaApp(qapp, Settings(officer_name="ضابط", backup_every_days=every_days), archive_path, False,
                      settings_file=data_folder() / "settings.json", synchronous=True)


def new_archive(path: Path, *names: str) -> Path:
    archive = open_archive(path)
    for name in names:
        people.create_person(archive, PersonInput(name=name))
    archive.close()
    return path


def automatic(path: Path) -> list[backups.BackupInfo]:
    return [info for info in backups.list_backups(path) if info.kind == backups.AUTO]


def test_a_due_backup_is_written_when_the_app_starts(qapp, tmp_path, qt_language, collected_errors) -> None:
    path = new_archive(tmp_path / "archive.sqlite", "ليلى")
    app = make_app(qapp, path)
    try:
        assert app.open_and_show()
        written = automatic(path)
        assert len(written) == 1 and backups.integrity_problems(written[0].path) == []
    finally:
        app.shutdown()
    assert len(automatic(path)) == 1, "not due again on close"


def test_a_due_backup_is_written_when_the_app_closes(qapp, tmp_path, qt_language, collected_errors) -> None:
    path = new_archive(tmp_path / "archive.sqlite", "ليلى")
    app = make_app(qapp, path, every_days=1)
    assert app.open_and_show()
    first = automatic(path)[0].path
    old_name = f"{path.stem}-auto-{datetime.now() - timedelta(days=2):%Y%m%d-%H%M%S-%f}{path.suffix}"
    first.rename(first.with_name(old_name))  # as if the app had stayed open for two days
    app.shutdown()
    assert len(automatic(path)) == 2


def test_no_backup_when_the_schedule_is_off(qapp, tmp_path, qt_language, collected_errors) -> None:
    path = new_archive(tmp_path / "archive.sqlite")
    app = make_app(qapp, path, every_days=0)
    assert app.open_and_show()
    app.shutdown()
    assert backups.list_backups(path) == []


def test_restore_from_settings_puts_the_backup_back_and_reopens(qapp, tmp_path, qt_language, collected_errors) -> None:
    from desktop.gui.settings_dialog import SettingsDialog

    path = new_archive(tmp_path / "archive.sqlite", "قبل")
    archive = open_archive(path, create=False)
    backup = backups.write_backup(archive)
    people.create_person(archive, PersonInput(name="بعد"))
    archive.close()
    app = make_app(qapp, path, every_days=0)
    try:
        assert app.open_and_show()
        dialog = SettingsDialog(app.workspace, app.window)
        dialog.sig_restore_requested.connect(app.window.sig_restore_requested.emit)
        dialog.request_restore(backup)
        assert app.window is not None and app.workspace.archive is not None
        assert [person.name for person in people.list_people(app.workspace.archive)] == ["قبل"]
        aside = [info.path for info in backups.list_backups(path) if info.kind == backups.BEFORE_RESTORE]
        assert len(aside) == 1
        kept = open_archive(aside[0], create=False)
        try:
            assert sorted(person.name for person in people.list_people(kept)) == ["بعد", "قبل"]
        finally:
            kept.close()
        assert not collected_errors, collected_errors
    finally:
        app.shutdown()


def test_the_backup_on_close_is_written_on_the_db_lane_and_closing_again_does_not_lose_it(
        qapp, qtbot, tmp_path, qt_language, collected_errors) -> None:
    import threading

    path = new_archive(tmp_path / "archive.sqlite", "ليلى")
    app = MuntadaApp(qapp, Settings(officer_name="ضابط", backup_every_days=1), path, False,
                     settings_file=data_folder() / "settings.json", synchronous=False)
    try:
        app.open_and_show()
        qtbot.waitUntil(lambda: app.workspace.archive is not None and len(automatic(path)) == 1, timeout=30_000)
        first = automatic(path)[0].path
        first.rename(first.with_name(
            f"{path.stem}-auto-{datetime.now() - timedelta(days=2):%Y%m%d-%H%M%S-%f}{path.suffix}"))
        busy = threading.Event()
        app.workspace.tasks.run(lambda: busy.wait(30))  # the db lane busy: the backup waits behind it
        window = app.window
        assert not window.close(), "the window waits for the backup"
        assert window.isVisible()
        assert not window.close(), "closing again does not drop the backup"
        qtbot.wait(50)  # the window keeps handling events meanwhile
        assert window.isVisible() and len(automatic(path)) == 1
        busy.set()
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=30_000)
        assert len(automatic(path)) == 2
    finally:
        app.shutdown()
    assert len(automatic(path)) == 2, "not written twice"


def test_a_restore_runs_off_the_gui_thread_under_a_progress_dialog(
        qapp, qtbot, tmp_path, qt_language, collected_errors) -> None:
    from PySide6.QtWidgets import QProgressDialog

    path = new_archive(tmp_path / "archive.sqlite", "قبل")
    archive = open_archive(path, create=False)
    backup = backups.write_backup(archive)
    people.create_person(archive, PersonInput(name="بعد"))
    archive.close()
    app = MuntadaApp(qapp, Settings(officer_name="ضابط", backup_every_days=0), path, False,
                     settings_file=data_folder() / "settings.json", synchronous=False)
    try:
        app.open_and_show()
        qtbot.waitUntil(lambda: app.workspace.archive is not None, timeout=30_000)
        app.window.sig_restore_requested.emit(backup)
        # The copy runs on a worker thread: the GUI thread is back at once, showing the progress.
        assert app.window is None
        assert any(isinstance(widget, QProgressDialog) and widget.isVisible() for widget in qapp.topLevelWidgets())
        qtbot.waitUntil(lambda: app.window is not None and app.workspace.archive is not None, timeout=30_000)
        assert [person.name for person in people.list_people(app.workspace.archive)] == ["قبل"]
        assert not any(isinstance(widget, QProgressDialog) and widget.isVisible() for widget in qapp.topLevelWidgets())
        assert not collected_errors, collected_errors
    finally:
        app.shutdown()


def test_a_restore_asked_while_the_db_lane_is_busy_does_not_hold_the_gui_thread(
        qapp, qtbot, tmp_path, qt_language, collected_errors) -> None:
    import threading
    import time

    path = new_archive(tmp_path / "archive.sqlite", "قبل")
    archive = open_archive(path, create=False)
    backup = backups.write_backup(archive)
    people.create_person(archive, PersonInput(name="بعد"))
    archive.close()
    app = MuntadaApp(qapp, Settings(officer_name="ضابط", backup_every_days=0), path, False,
                     settings_file=data_folder() / "settings.json", synchronous=False)
    try:
        app.open_and_show()
        qtbot.waitUntil(lambda: app.workspace.archive is not None, timeout=30_000)
        busy = threading.Event()
        app.workspace.tasks.run(lambda: busy.wait(20))  # a long read still running on the db lane
        started = time.monotonic()
        app.window.sig_restore_requested.emit(backup)
        assert time.monotonic() - started < 2, "the GUI thread waited for the db lane"
        busy.set()
        qtbot.waitUntil(lambda: app.window is not None and app.workspace.archive is not None, timeout=30_000)
        assert [person.name for person in people.list_people(app.workspace.archive)] == ["قبل"]
        assert not collected_errors, collected_errors
    finally:
        app.shutdown()
