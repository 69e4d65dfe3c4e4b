"""The app's sync against a real PostgreSQL server (tests/team/conftest.py), as officers use it.

Desktop A (the filled archive) prepares the team archive and uploads itself; desktop B is a
new, empty archive on another "computer" (a data folder of its own, where its team server is
saved). B's window pulls everything at start, A adds a quote and syncs, B presses "Sync now"
and finds A's quote by searching, with a different word form than typed by A.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

from archive.db.engine import Archive, open_archive
from archive.location import Locations
from archive.services import quotes
from archive.services.records import QuoteInput
from archive.settings import Settings
from archive.team.credentials import save_address
from archive.team.push import push_archive
from archive.team.schema import init_team_archive
from archive.team.server import TeamAddress, make_engine, parse_address
from desktop.gui.tasks import TaskRunner
from desktop.gui.team_sync import SyncController
from desktop.gui.workspace import Workspace
from tests.desktop.test_search_flow import type_text
from tests.team.conftest import postgres_server, team_database, team_url  # noqa: F401 (fixtures)

NEW_QUOTE = "الشراكة بين القطاعين تصنع اقتصادا معرفيا متينا"


@dataclass(frozen=True)
class Team:
    address: TeamAddress
    desktop_a: Archive
    speaker_id: int


def sync_desktop(archive: Archive, address: TeamAddress):  # type: ignore[no-untyped-def]
    """A sync of ``archive`` as another officer's computer does it (the engine's own API)."""
    from archive.team.sync import sync_archive

    engine = make_engine(address, None)
    try:
        return sync_archive(archive, engine, address)
    finally:
        engine.dispose()


@pytest.fixture
def team(filled, team_url: str) -> Team:  # noqa: F811
    """The team archive, prepared and filled by desktop A (the filled archive)."""
    address = parse_address(team_url)[0]
    engine = make_engine(address, None)
    try:
        init_team_archive(engine, address)
        push_archive(filled.archive, engine, address)
    finally:
        engine.dispose()
    return Team(address, filled.archive, filled.speaker_id)


def desktop_workspace(folder: Path, address: TeamAddress, tasks: TaskRunner,
                      settings: Settings | None = None) -> Workspace:
    """An empty archive on a computer of its own (its data folder holds its team server)."""
    folder.mkdir(parents=True, exist_ok=True)
    save_address(folder, address)
    archive = open_archive(folder / "archive.sqlite", officer="أمينة")
    locations = Locations(data_folder=folder, archive=archive.path, is_default_archive=False)
    return Workspace(archive, settings or Settings(officer_name="أمينة"), tasks, locations=locations)


@pytest.fixture
def window_b(qtbot, tmp_path, team, qt_language, collected_errors) -> Iterator:
    from desktop.gui.main_window import MainWindow

    space = desktop_workspace(tmp_path / "desktop-b", team.address, TaskRunner(synchronous=True))
    main = MainWindow(space)
    qtbot.addWidget(main)
    main.show()
    main.start_loading()
    yield main
    space.close()


def found_texts(qtbot, window, query: str) -> list[str]:
    """The results of typing ``query`` in the search box, as the officer reads them (without markup)."""
    window.focus_search()
    window.search.box.clear()
    type_text(window.search.box, query)
    window.search.run_search()
    model = window.search.model
    return [re.sub(r"<[^>]+>", "", model.data(model.index(row))) for row in range(model.rowCount())]


def test_the_sync_button_pulls_another_desktops_quote_and_search_finds_it(qtbot, window_b, team,
                                                                         collected_errors) -> None:
    controller = SyncController.of(window_b.workspace)
    state = controller.state
    assert state.team and not state.running and not state.offline and not state.problem, state
    assert state.last_synced is not None  # the sync at start pulled the team archive
    assert window_b.sync_status.label.text().startswith("آخر مزامنة ")
    assert any("التحول الرقمي" in text for text in found_texts(qtbot, window_b, "التحول الرقمية"))

    quotes.create_quote(team.desktop_a, QuoteInput(text=NEW_QUOTE, speaker_id=team.speaker_id))
    sync_desktop(team.desktop_a, team.address)
    assert not any(NEW_QUOTE in text for text in found_texts(qtbot, window_b, "اقتصاد معرفي"))
    changed: list[object] = []
    window_b.workspace.sig_changes.connect(changed.append)
    qtbot.mouseClick(window_b.sync_status.sync_button, Qt.MouseButton.LeftButton)
    assert changed and "quote" in changed[-1].kinds  # the screens were told
    assert any(NEW_QUOTE in text for text in found_texts(qtbot, window_b, "اقتصاد معرفي"))
    assert collected_errors == []


def test_a_sync_never_holds_the_gui_thread(qtbot, tmp_path, team, qt_language, collected_errors) -> None:
    """With real worker threads, a whole first pull: the GUI thread keeps ticking, and a second
    press of the button while it runs starts nothing."""
    space = desktop_workspace(tmp_path / "desktop-c", team.address, TaskRunner(synchronous=False),
                              Settings(officer_name="سالم", sync_every_minutes=0))
    try:
        controller = SyncController.of(space)
        controller.start()
        qtbot.waitUntil(lambda: controller.state.team, timeout=5000)
        ticks: list[float] = []
        timer = QTimer(interval=10)
        timer.timeout.connect(lambda: ticks.append(time.monotonic()))
        timer.start()
        assert controller.sync_now(manual=True)
        assert not controller.sync_now(manual=True)  # never twice at once
        qtbot.waitUntil(lambda: not controller.state.running, timeout=30000)
        timer.stop()
        assert controller.state.last_synced is not None and not controller.state.problem, controller.state
        gaps = [later - earlier for earlier, later in pairwise(ticks)]
        assert gaps and max(gaps) < 0.5, max(gaps)
    finally:
        space.close()


def test_cancel_stops_a_sync_and_the_next_one_completes(qtbot, tmp_path, team, qt_language, collected_errors) -> None:
    from desktop.gui.sync_status import SyncStatus

    space = desktop_workspace(tmp_path / "desktop-d", team.address, TaskRunner(synchronous=False),
                              Settings(officer_name="سالم", sync_every_minutes=0))
    try:
        controller = SyncController.of(space)
        status = SyncStatus(controller)
        qtbot.addWidget(status)
        controller.start()
        qtbot.waitUntil(lambda: controller.state.team, timeout=5000)
        assert controller.sync_now(manual=True)
        assert status.cancel_button.isVisibleTo(status) and not status.sync_button.isVisibleTo(status)
        qtbot.mouseClick(status.cancel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not controller.state.running, timeout=30000)
        assert controller.state.last_synced is None and not controller.state.problem  # stopped, nothing failed
        with space.archive.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT count(*) FROM quote").scalar() == 0
        assert controller.sync_now(manual=True)
        qtbot.waitUntil(lambda: not controller.state.running, timeout=30000)
        assert controller.state.last_synced is not None
        with space.archive.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT count(*) FROM quote").scalar() == 1
        assert collected_errors == []
    finally:
        space.close()


def test_an_edit_conflict_from_a_real_sync_is_resolved_in_the_view(qtbot, window_b, team, collected_errors) -> None:
    """Both officers edit the same quote offline; A syncs first; B's "Sync now" finds the conflict,
    B merges in the view (A's text, B's title), syncs again, and A's next sync brings B's merge."""
    from dataclasses import replace

    from archive.services import history

    archive_b = window_b.workspace.archive
    quote_b = next(quote for quote in quotes.list_quotes(archive_b) if "التحول الرقمي" in quote.text)
    quote_a = next(quote for quote in quotes.list_quotes(team.desktop_a) if "التحول الرقمي" in quote.text)
    text_a, title_b = "التحول الرقمي يفتح آفاقا أوسع أمام الإعلام الحكومي", "وزير الإعلام والاتصال"
    quotes.update_quote(team.desktop_a, quote_a.id, replace(history.current_input(team.desktop_a, "quote", quote_a.id),
                                                             text=text_a, speaker_title="وزير"))
    window_b.workspace.perform(lambda archive: quotes.update_quote(archive, quote_b.id, replace(
        history.current_input(archive, "quote", quote_b.id), text="نص آخر من الموظف الثاني", speaker_title=title_b)))
    sync_desktop(team.desktop_a, team.address)
    qtbot.mouseClick(window_b.sync_status.sync_button, Qt.MouseButton.LeftButton)
    assert SyncController.of(window_b.workspace).state.conflicts == 1
    qtbot.mouseClick(window_b.sync_status.conflicts_button, Qt.MouseButton.LeftButton)
    view = window_b.conflicts_view
    assert view.list.topLevelItemCount() == 1
    shown = {view.fields.item(row, 0).text(): (view.fields.item(row, 1).text(), view.fields.item(row, 2).text())
             for row in range(view.fields.rowCount())}
    assert shown == {"النص": ("نص آخر من الموظف الثاني", text_a), "المنصب كما نُشر": (title_b, "وزير")}
    view.choose_field("text", "theirs")
    view.choose_field("speaker_title", "mine")
    qtbot.mouseClick(view.merge, Qt.MouseButton.LeftButton)
    assert view.list.topLevelItemCount() == 0
    qtbot.mouseClick(window_b.sync_status.sync_button, Qt.MouseButton.LeftButton)
    state = SyncController.of(window_b.workspace).state
    assert (state.conflicts, state.pending, state.problem) == (0, 0, ""), state
    sync_desktop(team.desktop_a, team.address)
    merged = quotes.get_quote(team.desktop_a, quote_a.id)
    assert (merged.text, merged.speaker_title) == (text_a, title_b)
    assert collected_errors == []


def test_a_refused_login_is_a_status_at_start_and_a_dialog_when_asked(qtbot, tmp_path, team, postgres_server,  # noqa: F811
                                                                      qt_language, collected_errors) -> None:
    from desktop.gui.main_window import MainWindow

    address = parse_address(postgres_server.url(team.address.url.database, user="stranger"))[0]
    space = desktop_workspace(tmp_path / "desktop-e", address, TaskRunner(synchronous=True))
    main = MainWindow(space)
    qtbot.addWidget(main)
    main.show()
    main.start_loading()
    try:
        state = SyncController.of(space).state
        assert state.problem and not state.offline and "stranger" in state.problem
        assert main.sync_status.label.text() == "تعذّرت المزامنة" and main.sync_status.why_button.isVisible()
        assert collected_errors == []  # the sync at start only says so in the status bar
        qtbot.mouseClick(main.sync_status.sync_button, Qt.MouseButton.LeftButton)
        assert collected_errors == [state.problem]  # asked for: the reason in a dialog
    finally:
        space.close()


def test_the_sample_archive_is_never_synced(qtbot, tmp_path, team, qt_language, collected_errors) -> None:
    """The app's first start makes the sample archive: with a team server set up, its invented
    records must not reach the team (found by hand: 128 invented quotes pushed by the first sync)."""
    from archive.services.maintenance import mark_as_sample
    from desktop.gui.main_window import MainWindow

    space = desktop_workspace(tmp_path / "desktop-f", team.address, TaskRunner(synchronous=True))
    mark_as_sample(space.archive)
    quotes.create_quote(space.archive, QuoteInput(text="اقتباس مختلق للتجربة فقط"))
    main = MainWindow(space)
    qtbot.addWidget(main)
    main.start_loading()
    try:
        state = SyncController.of(space).state
        assert "الأرشيف التجريبي" in state.problem and state.last_synced is None
        engine = make_engine(team.address, None)
        try:
            with engine.connect() as connection:
                texts = connection.exec_driver_sql("SELECT text FROM quote").scalars().all()
        finally:
            engine.dispose()
        assert "اقتباس مختلق للتجربة فقط" not in texts and len(texts) == 1
        with space.archive.engine.connect() as connection:  # nothing pulled into it either
            assert connection.exec_driver_sql("SELECT count(*) FROM quote").scalar() == 1
        assert collected_errors == []
    finally:
        space.close()
