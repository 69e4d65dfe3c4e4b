"""The conflicts view as an officer uses it: a conflict made with ``record_conflict`` (as a sync
finds one) shows in the status bar and in the view, mine and theirs side by side with the
editors' Arabic labels, and each resolution (keep mine, keep theirs, merge field by field,
a delete against an edit) changes the record as chosen and closes the conflict."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from archive.db import models as m
from archive.services import quotes
from archive.team.conflicts import open_conflicts, record_conflict
from archive.team.credentials import save_address
from archive.team.local import wire_row
from archive.team.server import parse_address
from archive.team.wire import UidMap, shared_table
from desktop.gui.team_sync import SyncController
from tests.desktop.conftest import QUOTE_TEXT
from tests.desktop.test_sync_status import UNREACHABLE

THEIR_TEXT = "التحول الرقمي يفتح آفاقا واسعة أمام الإعلام الحكومي والخاص"
THEIR_TITLE = "وزير الإعلام والاتصال"


def quote_conflict(archive, quote_id: int, theirs: dict[str, Any] | None = "edited") -> int:  # type: ignore[assignment]
    """Record a conflict on the quote as a sync does: this desktop's row, and the server's (edited or deleted)."""
    with archive.engine.connect() as connection:
        uid = connection.execute(select(m.Quote.uid).where(m.Quote.id == quote_id)).scalar_one()
        mine = wire_row(connection, shared_table("quote"), uid, UidMap(connection))
    if theirs == "edited":
        theirs = {**mine, "text": THEIR_TEXT, "speaker_title": THEIR_TITLE}
    return record_conflict(archive, "quote", uid, mine, theirs, theirs_version=2)


@pytest.fixture
def conflicted_window(qtbot, workspace, filled, collected_errors):
    """The window of a desktop with a team server (unreachable now) and one open conflict on the quote."""
    from desktop.gui.main_window import MainWindow

    save_address(workspace.locations.data_folder, parse_address(UNREACHABLE)[0])
    quote_conflict(filled.archive, filled.quote_id)
    main = MainWindow(workspace)
    qtbot.addWidget(main)
    main.show()
    main.start_loading()
    yield main


def open_view(qtbot, window):
    button = window.sync_status.conflicts_button
    assert button.isVisible() and button.text() == "تعارض واحد"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    view = window.conflicts_view
    assert view is not None and view.isVisible()
    return view


def table_rows(view) -> list[tuple[str, str, str]]:
    return [tuple(view.fields.item(row, column).text() for column in range(3)) for row in range(view.fields.rowCount())]


def test_a_conflict_shows_in_the_status_and_the_view_side_by_side(qtbot, conflicted_window, filled) -> None:
    view = open_view(qtbot, conflicted_window)
    assert view.list.topLevelItemCount() == 1
    item = view.list.topLevelItem(0)
    assert item.text(0) == "الاقتباس" and QUOTE_TEXT[:20] in item.text(1)
    assert "عدّلتَ أنت وموظف آخر" in view.description.text()
    assert table_rows(view) == [("النص", QUOTE_TEXT, THEIR_TEXT), ("المنصب كما نُشر", "وزير الإعلام", THEIR_TITLE)]
    assert view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert view.merge.isEnabled() and not view.fields.isColumnHidden(3)


def test_keep_theirs_takes_the_servers_version_and_closes_the_conflict(qtbot, conflicted_window, filled) -> None:
    view = open_view(qtbot, conflicted_window)
    changed: list[Any] = []
    conflicted_window.workspace.sig_changes.connect(changed.append)
    qtbot.mouseClick(view.keep_theirs, Qt.MouseButton.LeftButton)
    quote = quotes.get_quote(filled.archive, filled.quote_id)
    assert (quote.text, quote.speaker_title) == (THEIR_TEXT, THEIR_TITLE)
    assert changed  # the screens were told
    assert open_conflicts(filled.archive) == [] and view.list.topLevelItemCount() == 0
    assert view.empty_label.isVisible()
    assert not conflicted_window.sync_status.conflicts_button.isVisible()


def test_keep_mine_leaves_the_record_and_sends_it_at_the_next_sync(qtbot, conflicted_window, filled) -> None:
    from archive.team.sync import sync_status

    view = open_view(qtbot, conflicted_window)
    qtbot.mouseClick(view.keep_mine, Qt.MouseButton.LeftButton)
    quote = quotes.get_quote(filled.archive, filled.quote_id)
    assert quote.text == QUOTE_TEXT
    assert open_conflicts(filled.archive) == []
    assert sync_status(filled.archive).pending_changes >= 1
    assert SyncController.of(conflicted_window.workspace).state.conflicts == 0


def test_merge_takes_each_field_from_the_side_chosen(qtbot, conflicted_window, filled) -> None:
    view = open_view(qtbot, conflicted_window)
    view.choose_field("text", "theirs")
    view.choose_field("speaker_title", "mine")
    qtbot.mouseClick(view.merge, Qt.MouseButton.LeftButton)
    quote = quotes.get_quote(filled.archive, filled.quote_id)
    assert (quote.text, quote.speaker_title) == (THEIR_TEXT, "وزير الإعلام")
    assert open_conflicts(filled.archive) == []


def test_a_delete_against_an_edit_says_so_and_keeps_a_whole_side(qtbot, workspace, filled, collected_errors) -> None:
    from desktop.gui.main_window import MainWindow

    quote_conflict(filled.archive, filled.quote_id, theirs=None)
    main = MainWindow(workspace)
    qtbot.addWidget(main)
    main.show()
    main.start_loading()
    main.show_conflicts()
    view = main.conflicts_view
    assert "حذف موظف آخر هذا السجل (الاقتباس)" in view.description.text()
    assert ("النص", QUOTE_TEXT, "(محذوف)") in table_rows(view)
    assert not view.merge.isEnabled() and view.fields.isColumnHidden(3)
    qtbot.mouseClick(view.keep_theirs, Qt.MouseButton.LeftButton)
    assert all(quote.id != filled.quote_id for quote in quotes.list_quotes(filled.archive))
    assert open_conflicts(filled.archive) == []


def test_one_differing_field_offers_mine_or_theirs_only(qtbot, workspace, filled, collected_errors) -> None:
    from desktop.gui.main_window import MainWindow

    with filled.archive.engine.connect() as connection:
        uid = connection.execute(select(m.Quote.uid).where(m.Quote.id == filled.quote_id)).scalar_one()
        mine = wire_row(connection, shared_table("quote"), uid, UidMap(connection))
    record_conflict(filled.archive, "quote", uid, mine, {**mine, "speaker_title": THEIR_TITLE}, theirs_version=2)
    main = MainWindow(workspace)
    qtbot.addWidget(main)
    main.start_loading()
    main.show_conflicts()
    view = main.conflicts_view
    assert table_rows(view) == [("المنصب كما نُشر", "وزير الإعلام", THEIR_TITLE)]
    assert view.fields.isColumnHidden(3) and not view.merge.isEnabled()
    assert view.keep_mine.isEnabled() and view.keep_theirs.isEnabled()


def test_fields_of_a_link_row_are_named_by_the_kind_they_point_at(qt_language) -> None:
    from desktop.gui.conflicts_view import conflict_field_label, kind_label

    assert kind_label("quote_tag") == "وسم على سجل"
    assert (conflict_field_label("quote_id", "quote_tag"), conflict_field_label("tag_id", "quote_tag")) == \
        ("الاقتباس", "الوسم")
    assert conflict_field_label("speaker_id", "quote") == "المتحدث"
