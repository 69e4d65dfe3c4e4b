"""The team sync in the status bar, without a team server: its words for each state, hidden on a
computer with no team server, and "offline" (never a dialog) when the saved server cannot be reached.

The sync itself against a real PostgreSQL server is in test_sync_team.py.
"""

from __future__ import annotations

import re
import socket
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from itertools import pairwise

import pytest
from PySide6.QtCore import QTimer

from archive.settings import Settings
from archive.team.credentials import save_address
from archive.team.server import parse_address
from desktop.gui.sync_status import status_text, status_tooltip, synced_when
from desktop.gui.team_sync import SyncController, SyncState

# A socket folder that does not exist: the connection fails at once, as with a server switched off.
UNREACHABLE = "postgresql://amina@/muntada?host=/nonexistent-muntada-socket"


def test_status_words_for_each_state(qt_language) -> None:
    now = datetime(2026, 12, 2, 10, 50).astimezone()
    assert status_text(SyncState()) == ""
    assert status_text(SyncState(team=True)) == "لم تتم المزامنة بعد"
    today, earlier = datetime(2026, 12, 2, 10, 42).astimezone(), datetime(2026, 11, 30, 9, 5).astimezone()
    assert status_text(SyncState(team=True, last_synced=today), now) == "آخر مزامنة 10:42"
    assert status_text(SyncState(team=True, last_synced=earlier), now) == "آخر مزامنة 2026-11-30 09:05"
    assert status_text(SyncState(team=True, running=True, stage="pull", done=120, total=400)) == \
        "جارٍ المزامنة… (الاستلام 120/400)"
    assert status_text(SyncState(team=True, running=True, stage="connect")) == "جارٍ المزامنة… (الاتصال)"
    assert status_text(SyncState(team=True, offline=True)) == "غير متصل: تعذّر الوصول إلى خادم الفريق"
    assert status_text(SyncState(team=True, problem="رفض الخادم")) == "تعذّرت المزامنة"
    assert "3 تغييرات تنتظر" in status_tooltip(SyncState(team=True, offline=True, pending=3))


@pytest.fixture
def muscat_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This computer in Oman's time zone (UTC+4), so UTC and local time differ."""
    if not hasattr(time, "tzset"):
        pytest.skip("time zones are set through TZ on Unix only")
    monkeypatch.setenv("TZ", "Asia/Muscat")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_sync_time_in_naive_utc_is_shown_in_local_time(muscat_time) -> None:
    when = datetime(2026, 12, 2, 8, 0)  # as the archive keeps it
    local = when.replace(tzinfo=UTC).astimezone()
    assert synced_when(when, now=local + timedelta(minutes=5)) == "12:00"


def test_no_sync_status_without_a_team_server(qtbot, window) -> None:
    controller = SyncController.of(window.workspace)
    assert controller.address is None and not controller.state.team
    assert not window.sync_status.isVisibleTo(window)
    assert not controller.sync_now(manual=True)


def _with_saved_server(workspace, address: str) -> None:
    save_address(workspace.locations.data_folder, parse_address(address)[0])


@pytest.fixture
def offline_window(qtbot, workspace, collected_errors):
    from desktop.gui.main_window import MainWindow

    _with_saved_server(workspace, UNREACHABLE)
    main = MainWindow(workspace)
    qtbot.addWidget(main)
    main.show()
    main.start_loading()
    yield main


def test_an_unreachable_server_is_a_calm_status_not_a_dialog(qtbot, offline_window, collected_errors) -> None:
    controller = SyncController.of(offline_window.workspace)
    assert controller.state.team and controller.state.offline  # the sync at start found no server
    assert offline_window.sync_status.isVisibleTo(offline_window)
    assert re.fullmatch(r"غير متصل: تعذّر الوصول إلى خادم الفريق الساعة \d\d:\d\d",
                        offline_window.sync_status.label.text())  # when it last tried
    assert offline_window.statusBar().currentMessage() == ""  # an automatic sync: only the line above
    assert controller.sync_now(manual=True)  # asked for: still a status, not a dialog
    assert controller.state.offline and not controller.state.running
    assert offline_window.statusBar().currentMessage().startswith("جُرّبت المزامنة الساعة ")  # that it tried
    assert collected_errors == []
    assert offline_window.sync_status.sync_button.isVisible()


def test_no_automatic_sync_when_the_interval_is_zero(qtbot, workspace, collected_errors) -> None:
    from desktop.gui.main_window import MainWindow

    workspace.settings = Settings(officer_name="ضابط الاختبار", sync_every_minutes=0)
    _with_saved_server(workspace, UNREACHABLE)
    main = MainWindow(workspace)
    qtbot.addWidget(main)
    main.start_loading()
    controller = SyncController.of(workspace)
    assert controller.state.team and not controller.state.offline  # not tried
    assert not controller._timer.isActive()
    workspace.settings = Settings(sync_every_minutes=3)
    workspace.sig_settings_changed.emit()
    assert controller._timer.interval() == 3 * 60_000 and controller._timer.isActive()


@pytest.fixture
def silent_server() -> Iterator[str]:
    """The address of a server that takes the connection and never answers (a hung network)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    yield f"postgresql://amina@127.0.0.1:{listener.getsockname()[1]}/muntada?connect_timeout=2"
    listener.close()


def test_an_unreachable_server_never_holds_the_gui_thread_nor_the_database(qtbot, filled, silent_server,
                                                                           qt_language, collected_errors) -> None:
    """With real worker threads: while the connection hangs, the GUI keeps ticking and edits go through."""
    from desktop.gui.tasks import TaskRunner
    from desktop.gui.workspace import Workspace

    space = Workspace(filled.archive, Settings(officer_name="ضابط"), TaskRunner(synchronous=False))
    try:
        _with_saved_server(space, silent_server)
        controller = SyncController.of(space)
        ticks: list[float] = []
        timer = QTimer(interval=20)
        timer.timeout.connect(lambda: ticks.append(time.monotonic()))
        timer.start()
        controller.start()
        qtbot.waitUntil(lambda: controller.state.running, timeout=5000)
        read: list[object] = []
        space.tasks.run(lambda: space.archive.path, read.append)  # the db lane is free meanwhile
        qtbot.waitUntil(lambda: bool(read), timeout=1000)
        assert controller.state.running  # still waiting for the server
        qtbot.waitUntil(lambda: not controller.state.running, timeout=15000)
        timer.stop()
        assert controller.state.offline and collected_errors == []
        gaps = [later - earlier for earlier, later in pairwise(ticks)]
        assert len(ticks) > 20 and max(gaps) < 0.5, max(gaps)
    finally:
        space.close()


def test_a_team_server_set_up_while_the_app_runs_is_seen_on_coming_back(qtbot, window, qapp,
                                                                       collected_errors) -> None:
    from PySide6.QtCore import Qt

    controller = SyncController.of(window.workspace)
    assert not controller.state.team
    _with_saved_server(window.workspace, UNREACHABLE)  # 'muntada team init' in a terminal meanwhile
    qapp.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    assert controller.state.team and controller.state.offline  # set up, and tried at once
    assert window.sync_status.isVisibleTo(window) and collected_errors == []


def test_an_automatic_sync_waits_while_an_editor_is_open(qtbot, offline_window) -> None:
    """An editor holds the record as it was when opened: a pull under it would be undone by its save."""
    from PySide6.QtWidgets import QDialog

    controller = SyncController.of(offline_window.workspace)
    started: list[SyncState] = []
    controller.sig_state.connect(lambda state: started.append(state) if state.running else None)
    editor = QDialog(offline_window)
    editor.open()
    controller._timer.timeout.emit()  # the automatic sync falls due
    assert started == []
    editor.reject()
    controller._timer.timeout.emit()
    assert started and started[0].stage == "connect"


def test_opening_another_archive_stops_the_syncs_of_the_one_closed(qapp, tmp_path, qt_language,
                                                                   collected_errors) -> None:
    """After the app reopens on another archive, the closed archive's timer must never sync it again."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from archive.location import data_folder
    from tests.desktop.test_app_backups import make_app, new_archive

    save_address(data_folder(), parse_address(UNREACHABLE)[0])
    app = make_app(qapp, new_archive(tmp_path / "first.sqlite", "ليلى"))
    assert app.open_and_show()
    first = SyncController.of(app.workspace)
    assert first.state.offline and first._timer.isActive()
    app.reopen(app.locations.with_archive(new_archive(tmp_path / "second.sqlite", "سلمى")))
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the old window goes
    second = SyncController.of(app.workspace)
    try:
        assert second is not first and second._timer.isActive()
        assert not first._timer.isActive() and not first.sync_now()
    finally:
        app.workspace.close()


def test_the_closed_archives_syncs_stop_before_its_close_waits_for_them(qapp, tmp_path, qt_language,
                                                                        collected_errors) -> None:
    """Reopening stops the old workspace's syncs at once, not when its window is deleted later."""
    from archive.location import data_folder
    from tests.desktop.test_app_backups import make_app, new_archive

    save_address(data_folder(), parse_address(UNREACHABLE)[0])
    app = make_app(qapp, new_archive(tmp_path / "first.sqlite", "ليلى"))
    assert app.open_and_show()
    first = SyncController.of(app.workspace)
    assert first._timer.isActive()
    app.reopen(app.locations.with_archive(new_archive(tmp_path / "second.sqlite", "سلمى")))
    try:
        assert not first._timer.isActive() and not first.sync_now()  # no deferred deletion needed
    finally:
        app.workspace.close()


def test_a_desktop_without_team_server_loads_no_team_code(tmp_path) -> None:
    """The app looks for the team server's file without loading psycopg and keyring (~200 ms at each start)."""
    import os
    import subprocess
    import sys

    from archive.team import credentials
    from desktop.gui import team_sync

    assert team_sync.TEAM_FILE == credentials.TEAM_FILE
    script = ("import os, sys\n"
              "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
              "from PySide6.QtWidgets import QApplication\n"
              "from archive.db.engine import open_archive\n"
              "from archive.settings import Settings\n"
              "from desktop.gui.tasks import TaskRunner\n"
              "from desktop.gui.workspace import Workspace\n"
              "from desktop.gui.team_sync import SyncController\n"
              "app = QApplication([])\n"
              f"archive = open_archive({str(tmp_path / 'a.sqlite')!r})\n"
              "space = Workspace(archive, Settings(), TaskRunner(synchronous=True))\n"
              "SyncController.of(space).start()\n"
              "print(sorted(name for name in ('psycopg', 'keyring') if name in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "MUNTADA_HOME": str(tmp_path)})
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stderr


def test_edits_made_offline_are_counted_as_waiting_to_be_sent(qtbot, offline_window, filled) -> None:
    from archive.services import people
    from archive.services.records import PersonInput

    controller = SyncController.of(offline_window.workspace)
    before = controller.state.pending
    offline_window.workspace.perform(lambda archive: people.create_person(archive, PersonInput(name="ليلى الحارثية")))
    assert controller.state.pending > before and controller.state.offline
    tooltip = offline_window.sync_status.label.toolTip()
    assert str(controller.state.pending) in tooltip and "الإرسال إلى خادم الفريق" in tooltip


def menu_action(window, text: str):
    return next(action for menu in window.menuBar().actions() for action in menu.menu().actions()
                if action.text() == text)


def test_the_archive_menu_syncs_or_says_how_to_set_a_team_server_up(qtbot, window, collected_errors) -> None:
    sync = menu_action(window, "المزامنة مع خادم الفريق")
    assert sync.shortcut().toString() == "F9"
    sync.trigger()
    assert len(collected_errors) == 1 and "muntada sync postgresql://" in collected_errors[0]
    menu_action(window, "تعارضات المزامنة…").trigger()
    assert window.conflicts_view.isVisible() and window.conflicts_view.empty_label.isVisible()


def test_the_archive_menu_starts_a_sync_with_a_team_server(qtbot, offline_window, collected_errors) -> None:
    controller = SyncController.of(offline_window.workspace)
    started: list[SyncState] = []
    controller.sig_state.connect(lambda state: started.append(state) if state.running else None)
    menu_action(offline_window, "المزامنة مع خادم الفريق").trigger()
    assert started and controller.state.offline and collected_errors == []
