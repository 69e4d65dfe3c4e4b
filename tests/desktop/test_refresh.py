"""Each list refreshes only the rows a step changed (issue 13): no full reload, selection and sort kept.

Real archive, real widgets; background work synchronous (tests/desktop/conftest.py). A full
reload is counted with ``BrowsePanel.reload_count``.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt

from archive.services import history, people, quotes
from archive.services.records import PersonInput, QuoteInput
from desktop.gui.event_tree import ID_ROLE, KIND_ROLE, tree_items


def _names(table) -> list[str]:
    return [table.model.index(row, 0).data() for row in range(table.model.rowCount())]


def _row_of(table, record_id: int) -> int:
    return next(row for row in range(table.model.rowCount()) if table.model.record_at(row).id == record_id)


def _edit(window, kind: str, record_id: int, **values) -> None:
    archive = window.workspace.archive
    data = history.current_input(archive, kind, record_id)
    window.workspace.perform(lambda a: history.update(a, kind, record_id, replace(data, **values)))


def _select(table, record_id: int) -> None:
    table.view.selectionModel().select(
        table.model.index(_row_of(table, record_id), 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)


def test_a_renamed_person_shows_in_the_people_list_without_a_full_reload(window, filled):
    browse, table = window.browse, window.browse.people
    reloads = browse.reload_count
    _select(table, filled.speaker_id)
    _edit(window, "person", filled.speaker_id, name="سالم بن ناصر الكندي")
    assert "سالم بن ناصر الكندي" in " ".join(_names(table))
    assert browse.reload_count == reloads
    assert table.selected_ids() == [filled.speaker_id]  # the selection followed the row


def test_a_renamed_organisation_changes_the_rows_of_its_people(window, filled):
    table = window.browse.people
    reloads = window.browse.reload_count
    _edit(window, "organisation", filled.ministry_id, name="وزارة الإعلام والاتصال")
    row = _row_of(table, filled.speaker_id)
    assert table.model.index(row, 2).data() == "وزارة الإعلام والاتصال"
    organisations = window.browse.organisations
    assert organisations.model.index(_row_of(organisations, filled.ministry_id), 0).data() == "وزارة الإعلام والاتصال"
    assert window.browse.reload_count == reloads


def test_a_quote_moved_to_another_speaker_updates_both_counts(window, filled):
    table = window.browse.people
    quote_column = 3
    reloads = window.browse.reload_count

    def quote_count(person_id: int) -> str:
        return table.model.index(_row_of(table, person_id), quote_column).data()

    assert (quote_count(filled.speaker_id), quote_count(filled.duplicate_id)) == ("1", "0")
    _edit(window, "quote", filled.quote_id, speaker_id=filled.duplicate_id)
    assert (quote_count(filled.speaker_id), quote_count(filled.duplicate_id)) == ("0", "1")
    assert window.browse.reload_count == reloads


def test_a_new_quote_counts_in_its_event_row_of_the_tree(window, filled):
    reloads = window.browse.reload_count
    window.workspace.perform(lambda a: quotes.create_quote(a, QuoteInput(
        text="قول جديد", speaker_id=filled.duplicate_id, event_id=filled.event_id)))
    event = tree_items(window.browse.event_tree.model())[("event", filled.event_id)]
    assert event.parent().child(event.row(), 2).text() == "2"
    assert window.browse.reload_count == reloads


def test_a_delete_removes_the_row_and_undo_puts_it_back(window, filled):
    table = window.browse.people
    reloads = window.browse.reload_count
    rows = table.model.rowCount()
    window.workspace.perform(lambda a: people.delete_person(a, filled.duplicate_id))
    assert table.model.rowCount() == rows - 1
    assert filled.duplicate_id not in [table.model.record_at(row).id for row in range(table.model.rowCount())]
    window.workspace.undo_stack.undo()
    assert table.model.rowCount() == rows
    assert table.model.record_at(_row_of(table, filled.duplicate_id)).name == "سالم الهاشمي"
    assert window.browse.reload_count == reloads


def test_the_sort_is_kept_and_a_renamed_row_moves_to_its_place(window, filled):
    table = window.browse.people
    table.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    window.workspace.perform(lambda a: people.create_person(a, PersonInput(name="بدر العامري")))
    assert _names(table) == sorted(_names(table))
    _select(table, filled.duplicate_id)
    _edit(window, "person", filled.duplicate_id, name="أحمد الهاشمي")
    names = _names(table)
    assert names == sorted(names) and names[0] == "أحمد الهاشمي"
    assert table.selected_ids() == [filled.duplicate_id]


def test_the_filter_is_kept_a_renamed_row_leaves_it_and_a_new_match_joins(window, filled):
    table = window.browse.people
    table.filter_box.setText("الهاشمي")
    assert table.model.rowCount() == 2
    _edit(window, "person", filled.duplicate_id, name="سالم الكندي")
    assert [table.model.record_at(row).id for row in range(table.model.rowCount())] == [filled.speaker_id]
    window.workspace.perform(lambda a: people.create_person(a, PersonInput(name="ناصر الهاشمي")))
    assert table.model.rowCount() == 2


def test_a_change_made_by_the_command_line_is_picked_up(window, filled):
    reloads = window.browse.reload_count
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--archive", str(filled.archive.path), "edit", "person",
         str(filled.duplicate_id), "--name", "سالم الهاشمي الثاني"],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    window.workspace.catch_up()
    assert "سالم الهاشمي الثاني" in _names(window.browse.people)
    assert window.browse.reload_count == reloads


def test_a_step_too_large_for_row_by_row_reloads_the_lists(window, filled):
    window.browse.row_limit = 1  # a new quote touches its speaker, event and source: 3 records
    reloads = window.browse.reload_count
    window.workspace.perform(lambda a: quotes.create_quote(a, QuoteInput(
        text="قول جديد", speaker_id=filled.duplicate_id, event_id=filled.event_id)))
    assert window.browse.reload_count == reloads + 1


def test_a_renamed_session_changes_its_row_of_the_tree_in_place(window, filled):
    from archive.services import sessions

    model = window.browse.event_tree.model()
    window.workspace.perform(lambda a: sessions.update_session(a, filled.session_id, replace(
        history.current_input(a, "session", filled.session_id), title="الإعلام الحكومي والذكاء الاصطناعي")))
    assert window.browse.event_tree.model() is model  # not rebuilt
    session = tree_items(model)[("session", filled.session_id)]
    assert session.text().endswith("الإعلام الحكومي والذكاء الاصطناعي")


def test_a_deleted_event_leaves_the_tree_and_a_new_one_joins_it_without_a_reload(window, filled):
    from archive.services import events
    from archive.services.records import EventInput

    reloads = window.browse.reload_count
    window.workspace.perform(lambda a: events.delete_event(a, filled.earlier_event_id))
    items = tree_items(window.browse.event_tree.model())
    assert ("event", filled.earlier_event_id) not in items and ("event", filled.event_id) in items
    created = []
    window.workspace.perform(lambda a: events.create_event(a, EventInput(
        name="منتدى الإعلام العربي", start_date="2025-03-01")), created.append)
    assert ("event", created[0].id) in tree_items(window.browse.event_tree.model())
    assert window.browse.tabs.tabText(0) == "فعاليتان"
    assert window.browse.reload_count == reloads


def test_rows_changed_one_by_one_keep_the_model_consistent(qtmodeltester):
    from dataclasses import dataclass

    from desktop.gui.models import MOVE_LIMIT, Column, RecordTableModel

    @dataclass(frozen=True)
    class Row:
        id: int
        name: str
        count: int

    model = RecordTableModel((Column("Name", lambda r: r.name), Column("Count", lambda r: r.count, numeric=True)))
    model.set_records([Row(i, f"جهة {i:04d}", i % 7) for i in range(200)])  # all fetched: the tester
    model.sort(1, Qt.SortOrder.DescendingOrder)  # fetches more from inside row signals, which no view does
    qtmodeltester.check(model)
    model.apply_changes({3: Row(3, "جهة 0003", 99), 10_000: Row(10_000, "جهة جديدة", 50)}, removed=[5, 6])
    assert [model.record_at(row).id for row in range(2)] == [3, 10_000]
    assert 5 not in {model.record_at(row).id for row in range(model.rowCount())}
    many = {i: Row(i, f"جهة {i:04d}", (i * 13) % 11) for i in range(20, 20 + MOVE_LIMIT + 5)}
    model.apply_changes(many)  # too many moves one by one: one re-sort
    counts = [model.record_at(row).count for row in range(model.rowCount())]
    assert counts == sorted(counts, reverse=True)
    qtmodeltester.check(model)


def test_rows_beyond_those_fetched_are_changed_without_signals_and_shown_when_fetched():
    from dataclasses import dataclass

    from desktop.gui.models import FETCH_CHUNK, Column, RecordTableModel

    @dataclass(frozen=True)
    class Row:
        id: int
        name: str

    model = RecordTableModel((Column("Name", lambda r: r.name),))
    model.set_records([Row(i, f"اسم {i:05d}") for i in range(FETCH_CHUNK * 2)])
    last = FETCH_CHUNK * 2 - 1
    model.apply_changes({last: Row(last, "اسم أخير"), 99_999: Row(99_999, "اسم جديد")}, removed=[FETCH_CHUNK + 3])
    assert model.rowCount() == FETCH_CHUNK
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    names = [model.record_at(row).name for row in range(model.rowCount())]
    assert len(names) == FETCH_CHUNK * 2 and names[-2:] == ["اسم أخير", "اسم جديد"]
    assert f"اسم {FETCH_CHUNK + 3:05d}" not in names


def test_two_steps_in_a_row_with_real_threads_leave_the_tree_with_both(qtbot, filled, qt_language, collected_errors):
    """A new event (the tree rebuilt off the GUI thread) then a renamed session (patched in place) at once."""
    from archive.services import events, sessions
    from archive.services.records import EventInput
    from archive.settings import Settings
    from desktop.gui.main_window import MainWindow
    from desktop.gui.tasks import TaskRunner
    from desktop.gui.workspace import Workspace

    workspace = Workspace(filled.archive, Settings(officer_name="ضابط"), TaskRunner())
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    try:
        window.browse.reload()
        qtbot.waitUntil(lambda: window.browse.data is not None and not workspace.tasks.busy, timeout=30_000)
        workspace.perform(lambda a: events.create_event(a, EventInput(name="منتدى الإعلام العربي",
                                                                      start_date="2025-03-01")))
        workspace.perform(lambda a: sessions.update_session(a, filled.session_id, replace(
            history.current_input(a, "session", filled.session_id), title="جلسة بعنوان جديد")))
        qtbot.waitUntil(lambda: not workspace.tasks.busy, timeout=30_000)
        qtbot.wait(100)
        items = tree_items(window.browse.event_tree.model())
        assert len([key for key in items if key[0] == "event"]) == 3
        assert items[("session", filled.session_id)].text().endswith("جلسة بعنوان جديد")
    finally:
        workspace.close()


def test_the_scroll_position_is_kept_when_rows_change(qtbot):
    from dataclasses import dataclass

    from desktop.gui.browse import RecordTable
    from desktop.gui.models import Column

    @dataclass(frozen=True)
    class Row:
        id: int
        name: str
        display_name: str = ""

    table = RecordTable("person", (Column("Name", lambda r: r.name),))
    qtbot.addWidget(table)
    table.resize(400, 300)
    table.show()
    table.set_records([Row(i, f"اسم {i:04d}") for i in range(1200)])
    qtbot.waitExposed(table)
    while table.model.canFetchMore(QModelIndex()):  # as the view fetches while the officer scrolls down
        table.model.fetchMore(QModelIndex())
    qtbot.wait(10)  # laid out
    table.view.scrollTo(table.model.index(900, 0), table.view.ScrollHint.PositionAtTop)
    top = table.view.indexAt(table.view.viewport().rect().topLeft()).row()
    scrolled = table.view.verticalScrollBar().value()
    assert scrolled > 0
    table.model.apply_changes({901: Row(901, "اسم معدّل"), 5000: Row(5000, "اسم جديد")}, removed=[1199])
    assert table.view.verticalScrollBar().value() == scrolled
    assert table.view.indexAt(table.view.viewport().rect().topLeft()).row() == top


def test_a_rebuilt_tree_keeps_the_open_events_and_the_current_row(window, filled):
    from archive.services import events
    from archive.services.records import EventInput

    tree = window.browse.event_tree
    items = tree_items(tree.model())
    tree.setExpanded(items[("event", filled.event_id)].index(), True)
    tree.setCurrentIndex(items[("session", filled.session_id)].index())
    old_model = tree.model()
    window.workspace.perform(lambda a: events.create_event(a, EventInput(name="منتدى الإعلام العربي",
                                                                      start_date="2025-03-01")))
    assert tree.model() is not old_model  # a new event: the tree was rebuilt
    items = tree_items(tree.model())
    assert tree.isExpanded(items[("event", filled.event_id)].index())
    current = tree.currentIndex().siblingAtColumn(0)
    assert (current.data(KIND_ROLE), current.data(ID_ROLE)) == ("session", filled.session_id)
