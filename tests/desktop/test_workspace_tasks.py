"""Background results whose widget is gone by the time they arrive are dropped, not delivered to a deleted widget."""

from __future__ import annotations

from pathlib import Path

from archive.db.engine import open_archive
from archive.location import data_folder
from archive.services import people
from archive.services.records import PersonInput
from archive.settings import Settings
from desktop.app import MuntadaApp


def test_a_window_rebuilt_while_its_pages_load_gets_no_late_results(qapp, qtbot, tmp_path: Path, qt_language,
                                                                   collected_errors) -> None:
    path = tmp_path / "archive.sqlite"
    archive = open_archive(path)
    people.create_person(archive, PersonInput(name="ليلى الراشد"))
    archive.close()
    app = MuntadaApp(qapp, Settings(officer_name="ضابط", backup_every_days=0), path, False,
                     settings_file=data_folder() / "settings.json", synchronous=False)
    try:
        app.open_and_show()
        qtbot.waitUntil(lambda: app.workspace.archive is not None, timeout=30_000)
        app.window.browse.reload()
        app.window.dashboard.reload()
        app.rebuild_window()  # as after a change of language: the old window is deleted, its loads still running
        qtbot.waitUntil(lambda: app.window.browse.data is not None and not app.workspace.tasks.busy, timeout=30_000)
        qtbot.wait(200)
        assert [person.name for person in app.window.browse.data.people] == ["ليلى الراشد"]
        assert not collected_errors, collected_errors
    finally:
        app.shutdown()
