"""A result that arrives after its widget was deleted (a window rebuilt, a dialog closed) is dropped,
and a record page asked for is never replaced by an older one arriving later.

Real archive, real worker threads: the db lane is held by a task waiting on a gate, so the widget
can be deleted (or another page asked for) while its read is queued, as when the officer is quicker
than the disk.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QWidget

from archive.db.engine import open_archive
from archive.services.changes import Changes
from archive.settings import Settings
from desktop.gui.tasks import TaskRunner
from desktop.gui.workspace import Workspace
from tests.desktop.conftest import Filled, fill_archive

GATE_TIMEOUT_S = 20


@pytest.fixture
def threaded(qtbot, filled: Filled, qt_language, collected_errors) -> Iterator[tuple[Workspace, Filled]]:
    """A workspace whose work runs on real worker threads (not synchronously as in the other tests)."""
    space = Workspace(filled.archive, Settings(officer_name="ضابط الاختبار"), TaskRunner())
    yield space, filled
    space.close()
    assert not collected_errors, collected_errors


def hold_db_lane(space: Workspace) -> threading.Event:
    """Keep the db lane busy until the returned gate is set: work asked for meanwhile waits behind it."""
    gate = threading.Event()
    space.tasks.run(lambda: gate.wait(GATE_TIMEOUT_S))
    return gate


def let_finish(qtbot, space: Workspace, gate: threading.Event) -> None:
    gate.set()
    qtbot.waitUntil(lambda: not space.tasks.busy, timeout=30_000)
    qtbot.wait(100)  # the queued results reach the GUI thread


def test_a_record_view_deleted_while_its_page_loads_gets_no_page(qtbot, threaded) -> None:
    from desktop.gui.record_view import RecordView

    space, filled = threaded
    view = RecordView(space)
    gate = hold_db_lane(space)
    view.show_record("person", filled.speaker_id)
    shiboken6.delete(view)  # the window rebuilt for a change of language
    let_finish(qtbot, space, gate)


def test_a_page_asked_for_is_not_replaced_by_the_refresh_of_the_page_before_it(qtbot, threaded) -> None:
    from desktop.gui.record_view import RecordView

    space, filled = threaded
    view = RecordView(space)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.sig_shown, timeout=30_000):
        view.show_record("person", filled.speaker_id)
    gate = hold_db_lane(space)
    view.show_record("person", filled.duplicate_id)  # the officer opens another person...
    # ...and a change to the one still shown arrives (a sync, another window) before the new page.
    space.sig_changes.emit(Changes(updated={"person": frozenset({filled.speaker_id})}))
    let_finish(qtbot, space, gate)
    assert view.page is not None
    assert (view.page.kind, view.page.record.id) == ("person", filled.duplicate_id)
    assert "سالم الهاشمي" in view.details.toPlainText()


def test_the_page_shown_is_the_last_asked_for_when_several_loads_are_queued(qtbot, threaded) -> None:
    from desktop.gui.record_view import RecordView

    space, filled = threaded
    view = RecordView(space)
    qtbot.addWidget(view)
    shown: list[int] = []
    view.sig_shown.connect(lambda page: shown.append(page.record.id))
    gate = hold_db_lane(space)
    view.show_record("person", filled.speaker_id)
    view.show_record("person", filled.duplicate_id)
    let_finish(qtbot, space, gate)
    assert shown == [filled.duplicate_id]  # the first page never flashes up before it


@pytest.mark.parametrize("action", ["edit", "history", "brief", "merge"])
def test_a_window_closed_before_its_dialog_is_read_opens_no_dialog(qtbot, threaded, action: str) -> None:
    from desktop.gui.record_actions import RecordActions

    space, filled = threaded
    window = QWidget()
    actions = RecordActions(space, window)
    opened: list[object] = []
    actions.sig_dialog_opened.connect(opened.append)
    gate = hold_db_lane(space)
    ids = [filled.speaker_id, filled.duplicate_id] if action == "merge" else [filled.speaker_id]
    actions.run(action, "person", ids)
    shiboken6.delete(window)  # its actions go with it
    let_finish(qtbot, space, gate)
    assert opened == []


def test_a_brief_dialog_closed_before_its_preview_is_drawn_gets_no_preview(qtbot, threaded) -> None:
    from desktop.gui.brief_dialog import BriefDialog, load_brief_choices

    space, filled = threaded
    choices = load_brief_choices(filled.archive)
    gate = hold_db_lane(space)
    dialog = BriefDialog(space, choices, "event", filled.event_id)
    dialog.timer.stop()
    dialog.refresh_preview()  # as the timer does a moment after the dialog opens
    shiboken6.delete(dialog)
    let_finish(qtbot, space, gate)


def test_a_settings_dialog_closed_during_a_backup_gets_no_message_and_the_backup_is_made(qtbot, threaded) -> None:
    from archive.backups import list_backups
    from desktop.gui.settings_dialog import SettingsDialog

    space, filled = threaded
    dialog = SettingsDialog(space)
    gate = hold_db_lane(space)
    dialog.back_up_now()
    shiboken6.delete(dialog)
    let_finish(qtbot, space, gate)
    assert list_backups(filled.archive.path)  # the work itself still ran


def test_a_window_rebuilt_while_a_record_page_and_its_history_load_shows_them_nowhere(
        qapp, qtbot, tmp_path: Path, qt_language, collected_errors) -> None:
    """As the officer does it: opens a record and its history, and changes the language meanwhile."""
    from archive.location import data_folder
    from desktop.app import MuntadaApp

    path = tmp_path / "archive.sqlite"
    filled = fill_archive(open_archive(path, officer="ضابط الاختبار"))
    filled.archive.close()
    app = MuntadaApp(qapp, Settings(officer_name="ضابط", backup_every_days=0), path, False,
                     settings_file=data_folder() / "settings.json", synchronous=False)
    try:
        app.open_and_show()
        qtbot.waitUntil(lambda: app.workspace.archive is not None and not app.workspace.tasks.busy, timeout=30_000)
        gate = hold_db_lane(app.workspace)
        old = app.window
        old.open_record("quote", filled.quote_id)
        old.actions_helper.history("quote", filled.quote_id)
        app.rebuild_window()  # the old window is deleted, its page and dialog still on their way
        let_finish(qtbot, app.workspace, gate)
        qtbot.waitUntil(lambda: not shiboken6.isValid(old), timeout=10_000)
        qtbot.waitUntil(lambda: not app.workspace.tasks.busy, timeout=30_000)  # the new window's own loads
        assert app.window.record_view.page is None  # the new window was not asked for it
        assert app.window.actions_helper.last_dialog is None
        assert not collected_errors, collected_errors
    finally:
        app.shutdown()
