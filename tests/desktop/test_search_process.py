"""The app's search process, for real: progress through its queue, ready before warm-up, ended for a restore."""

from __future__ import annotations

import time

from archive import backups
from archive.db.engine import open_archive
from archive.location import data_folder
from archive.services import people
from archive.services.records import PersonInput
from archive.settings import Settings
from desktop import search_worker
from desktop.app import MuntadaApp
from desktop.gui.tasks import TaskRunner


def test_a_rebuild_reports_progress_through_the_queue_of_the_real_process(qtbot, filled, collected_errors):
    from desktop.gui.workspace import Workspace

    space = Workspace(filled.archive, Settings(), TaskRunner())  # no index yet in this data folder: a rebuild
    shown = []
    space.sig_index_progress.connect(lambda done, total: shown.append((done, total)))
    try:
        space.open_search_index()
        qtbot.waitUntil(lambda: space.search_state == "ready", timeout=60000)
        deadline = time.monotonic() + 10
        while not shown and time.monotonic() < deadline:  # the queue's last items may still be on their way
            space.poll_index_progress()
            qtbot.wait(50)
        assert shown and shown[-1][0] == shown[-1][1] > 0
    finally:
        space.tasks.shutdown()


def test_the_index_is_ready_before_it_is_warm_and_a_first_query_is_answered_at_once(filled, tmp_path):
    search_worker.close()
    search_worker.open_index(str(tmp_path / "index"), str(filled.archive.path))
    try:
        assert not search_worker.is_warm()  # reported ready without waiting for the warm-up
        hits = search_worker.search("التحول الرقمي", None, 10).hits
        assert any(hit.kind == "quote" and hit.id == filled.quote_id for hit in hits)
        deadline = time.monotonic() + 20
        while not search_worker.is_warm() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert search_worker.is_warm()  # warmed once no query came for a moment
    finally:
        search_worker.close()


def test_a_restore_ends_a_busy_search_process_first(qapp, qtbot, tmp_path, qt_language, collected_errors):
    path = tmp_path / "archive.sqlite"
    archive = open_archive(path)
    people.create_person(archive, PersonInput(name="ليلى الراشد"))
    backup = backups.write_backup(archive)
    people.create_person(archive, PersonInput(name="سعاد المهيري"))
    archive.close()
    app = MuntadaApp(qapp, Settings(officer_name="ضابط", backup_every_days=0), path, False,
                     settings_file=data_folder() / "settings.json")
    try:
        app.open_and_show()
        qtbot.waitUntil(lambda: app.workspace is not None and app.workspace.search_state == "ready", timeout=60000)
        app.workspace.tasks.run_in_process(time.sleep, (60,))  # busy, as mid-rebuild, with the archive open
        started = time.monotonic()
        app.restore_backup(backup)  # the copy runs on a worker thread; the window comes back when it is done
        qtbot.waitUntil(lambda: app.window is not None, timeout=30000)
        assert time.monotonic() - started < 30
        assert collected_errors == []
        assert "Restored" in app.window.statusBar().currentMessage() or "استُعيدت" in \
            app.window.statusBar().currentMessage()
        qtbot.waitUntil(lambda: app.workspace.search_state == "ready", timeout=60000)
        answers = []
        app.workspace.search("سعاد", None, 10, answers.append)
        qtbot.waitUntil(lambda: bool(answers), timeout=20000)
        assert not answers[0].hits  # the index was rebuilt from the restored archive
        answers.clear()
        app.workspace.search("ليلى", None, 10, answers.append)
        qtbot.waitUntil(lambda: bool(answers), timeout=20000)
        assert answers[0].hits
    finally:
        app.shutdown()
