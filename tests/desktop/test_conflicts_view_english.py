"""The conflicts view in English: Arabic values (the quote, a title) read from the right, as the
search results show them, and Latin values from the left; in Arabic, the same."""

from __future__ import annotations

from PySide6.QtCore import Qt

from archive.team.credentials import save_address
from archive.team.server import parse_address
from tests.desktop.conftest import QUOTE_TEXT
from tests.desktop.test_conflicts_view import THEIR_TEXT, quote_conflict
from tests.desktop.test_sync_status import UNREACHABLE

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute


def opened_view(qtbot, workspace, filled, language: str):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from desktop.gui.appearance import apply_language
    from desktop.gui.main_window import MainWindow

    apply_language(QApplication.instance(), language)
    save_address(workspace.locations.data_folder, parse_address(UNREACHABLE)[0])
    quote_conflict(filled.archive, filled.quote_id)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.start_loading()
    window.show_conflicts()
    return window.conflicts_view


def alignment_of(view, text: str) -> Qt.AlignmentFlag:  # type: ignore[no-untyped-def]
    for row in range(view.fields.rowCount()):
        for column in (1, 2):
            item = view.fields.item(row, column)
            if item.text() == text:
                return Qt.AlignmentFlag(item.textAlignment())
    raise AssertionError(f"{text} is not shown")


def test_arabic_values_read_from_the_right_in_the_english_view(qtbot, workspace, filled, collected_errors) -> None:
    view = opened_view(qtbot, workspace, filled, "en")
    assert view.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert alignment_of(view, QUOTE_TEXT) & RIGHT == RIGHT
    assert alignment_of(view, THEIR_TEXT) & RIGHT == RIGHT
    assert Qt.AlignmentFlag(view.list.topLevelItem(0).textAlignment(1)) & RIGHT == RIGHT
    assert view.fields.item(0, 0).text() == "Text"  # the labels stay in the app's language and direction


def test_latin_values_read_from_the_left_in_the_arabic_view(qtbot, workspace, filled, collected_errors) -> None:
    from archive.services import quotes
    from archive.services.records import QuoteInput

    current = quotes.get_quote(filled.archive, filled.quote_id)
    quotes.update_quote(filled.archive, filled.quote_id, QuoteInput(
        text=current.text, speaker_id=filled.speaker_id, speaker_title="Minister of Information"))
    view = opened_view(qtbot, workspace, filled, "ar")
    assert view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert alignment_of(view, "Minister of Information") & LEFT == LEFT
    assert alignment_of(view, QUOTE_TEXT) & RIGHT == RIGHT


def test_a_narrower_view_wraps_the_values_on_more_lines(qtbot, workspace, filled, collected_errors) -> None:
    view = opened_view(qtbot, workspace, filled, "ar")
    view.resize(1400, 540)
    qtbot.waitUntil(lambda: view.width() == 1400)
    qtbot.wait(50)
    wide = view.fields.rowHeight(0)  # the quote's text
    view.resize(760, 540)
    qtbot.waitUntil(lambda: view.width() == 760)
    qtbot.wait(50)
    assert view.fields.rowHeight(0) > wide
    text_width = view.fields.columnWidth(1) - 8
    lines = view.fields.rowHeight(0) // view.fields.fontMetrics().lineSpacing()
    assert lines * text_width >= view.fields.fontMetrics().horizontalAdvance(QUOTE_TEXT)  # all of it shows
