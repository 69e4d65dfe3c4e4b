""""Sync now" pressed while the team server is switched off: the officer sees that the app tried,
when, that the server could not be reached, when the last sync went through, and that their
edits are kept for the next sync (before: the status line read exactly as before the press).

A PostgreSQL server of this test's own (tests/team/conftest.py's start and stop), stopped after
desktop B's first sync.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from archive.services import organisations
from archive.services.records import OrganisationInput
from archive.team.push import push_archive
from archive.team.schema import init_team_archive
from archive.team.server import make_engine, parse_address
from desktop.gui.tasks import TaskRunner
from desktop.gui.team_sync import SyncController
from tests.desktop.test_sync_team import desktop_workspace
from tests.team.conftest import SUPERUSER, _start_server, _stop_server, postgres_bin_folder

TIME = r"\d\d:\d\d"


@pytest.fixture
def stoppable_server() -> Iterator[tuple[str, object]]:
    """A team server of this test's own: its address, and a function that switches it off."""
    bin_folder = postgres_bin_folder()
    if bin_folder is None:
        pytest.skip("PostgreSQL's programs (initdb, pg_ctl) are not installed")
    folder = Path(tempfile.mkdtemp(prefix="muntada-pg-", dir="/tmp"))  # a short Unix socket path
    try:
        _start_server(folder, bin_folder)
        yield f"postgresql://{SUPERUSER}@/postgres?host={folder}", lambda: _stop_server(folder, bin_folder)
    finally:
        _stop_server(folder, bin_folder)
        shutil.rmtree(folder, ignore_errors=True)


def test_sync_now_with_the_server_off_says_it_tried_and_that_the_edits_wait(
        qtbot, tmp_path, filled, stoppable_server, qt_language, collected_errors) -> None:
    from desktop.gui.main_window import MainWindow

    url, switch_off = stoppable_server
    address = parse_address(url)[0]
    engine = make_engine(address, None)
    try:
        init_team_archive(engine, address)
        push_archive(filled.archive, engine, address)
    finally:
        engine.dispose()
    space = desktop_workspace(tmp_path / "desktop-b", address, TaskRunner(synchronous=True))
    try:
        window = MainWindow(space)
        qtbot.addWidget(window)
        window.show()
        window.start_loading()  # the sync at start pulls the team archive
        controller = SyncController.of(space)
        assert controller.state.last_synced is not None and not controller.state.offline
        ministry = OrganisationInput(name="وزارة الإعلام")  # an edit made here, waiting to be sent
        space.perform(lambda archive: organisations.create_organisation(archive, ministry))
        qtbot.waitUntil(lambda: controller.state.pending == 1)
        switch_off()
        before = window.sync_status.label.text()

        qtbot.mouseClick(window.sync_status.sync_button, Qt.MouseButton.LeftButton)

        assert controller.state.offline and controller.state.tried_at is not None
        label = window.sync_status.label.text()
        assert label != before
        assert re.fullmatch(rf"غير متصل: تعذّر الوصول إلى خادم الفريق الساعة {TIME} \(آخر مزامنة {TIME}\)", label), label
        message = window.statusBar().currentMessage()  # said where the officer looks, not in a dialog
        assert re.match(rf"جُرّبت المزامنة الساعة {TIME}:\d\d وتعذّر الوصول إلى خادم الفريق\.", message), message
        assert message.endswith("تغييراتك محفوظة على هذا الحاسوب وتُرسَل عند المزامنة التالية."), message
        assert collected_errors == []
    finally:
        space.close()
