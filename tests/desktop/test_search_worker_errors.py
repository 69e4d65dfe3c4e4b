"""Issue 13, honest errors: a bug in the matching code is a bug, in the app's real search process.

Only I/O and format errors count as damage to the index (``search.index.DAMAGE_ERRORS``) and
are repaired by a rebuild. A plain bug (here a TypeError raised in ``search.matching`` by a
query whose kind filter is a list) must come back to the app and be shown as an error, be
written to ``muntada.log`` with its traceback, and leave the index as it was.
"""

from __future__ import annotations

from archive.location import data_folder
from archive.settings import Settings
from desktop.app import MuntadaApp
from desktop.log_file import LOG_FILE_NAME
from search.storage import IndexFormat


def test_a_bug_in_the_matching_code_is_shown_logged_with_its_traceback_and_rebuilds_nothing(
        qapp, qtbot, filled, collected_errors):
    app = MuntadaApp(qapp, Settings(officer_name="ضابط", backup_every_days=0), filled.archive.path, False,
                     settings_file=data_folder() / "settings.json")
    try:
        app.open_and_show()
        qtbot.waitUntil(lambda: app.workspace is not None and app.workspace.search_state == "ready", timeout=60000)
        index_dir = app.workspace.locations.with_archive(app.workspace.archive.path).index_folder
        built = IndexFormat.read(index_dir).build
        answers = []
        app.workspace.search("الإعلام", ["quote"], 10, answers.append)  # a caller's bug: a list as the kind
        qtbot.waitUntil(lambda: bool(collected_errors), timeout=30000)
        assert answers == []
        assert "unhashable" in collected_errors[0] and LOG_FILE_NAME in collected_errors[0]  # shown as a bug
        log = (data_folder() / LOG_FILE_NAME).read_text(encoding="utf-8")
        assert "search for 'الإعلام' failed" in log  # the search process's own record, with its traceback:
        assert "Traceback" in log and "TypeError: unhashable type: 'list'" in log and "matching.py" in log
        assert IndexFormat.read(index_dir).build == built  # no rebuild
        collected_errors.clear()
        app.workspace.search("الإعلام", "quote", 10, answers.append)  # the process still answers
        qtbot.waitUntil(lambda: bool(answers), timeout=30000)
        assert answers[0].hits and collected_errors == []
    finally:
        app.shutdown()
