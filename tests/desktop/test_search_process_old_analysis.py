"""The app, opening an archive whose search index an older Muntada built (analysis version 1, before the
Persian and Urdu letters were folded), rebuilds it in its search process with its progress shown."""

from __future__ import annotations

import json
import time

from archive.settings import Settings
from desktop.gui.tasks import TaskRunner
from search.analysis import ANALYSIS_VERSION
from search.index import SearchIndex
from search.storage import FORMAT_FILE


def test_an_index_of_the_previous_analysis_is_rebuilt_with_progress_in_the_app(qtbot, filled, collected_errors):
    from desktop.gui.workspace import Workspace

    space = Workspace(filled.archive, Settings(), TaskRunner())
    locations = space.locations.with_archive(filled.archive.path)
    SearchIndex.open(locations.index_folder, filled.archive, key_file=locations.index_key).close()
    format_file = locations.index_folder / FORMAT_FILE
    built = json.loads(format_file.read_text(encoding="utf-8"))
    format_file.write_text(json.dumps({**built, "analysis": 1}), encoding="utf-8")  # as the older version left it
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
        assert json.loads(format_file.read_text(encoding="utf-8"))["analysis"] == ANALYSIS_VERSION
    finally:
        space.tasks.shutdown()
