"""Searching as a user does: type Arabic letter by letter, see the quote, open it and its source."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.desktop.conftest import QUOTE_TEXT


def type_text(widget, text: str) -> None:
    """Type like a keyboard, one character at a time (keyClicks aborts on non-ASCII text)."""
    for character in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, character, Qt.KeyboardModifier.NoModifier)


def test_typing_an_arabic_word_finds_the_quote_and_enter_opens_it(qtbot, window, filled):
    assert window.workspace.search_state == "ready"
    window.focus_search()
    # A different word form than printed: "الرقمية" (the article says "الرقمي").
    type_text(window.search.box, "التحول الرقمية")
    qtbot.waitUntil(lambda: window.search.model.rowCount() > 0, timeout=3000)
    hits = window.search.model.hits
    assert (hits[0].kind, hits[0].id) in {("quote", filled.quote_id), ("source", filled.source_id)}
    assert any(hit.kind == "quote" and hit.id == filled.quote_id for hit in hits)
    quote_row = next(row for row, hit in enumerate(hits) if hit.kind == "quote")
    window.search.results.setCurrentIndex(window.search.model.index(quote_row))
    QTest.keyClick(window.search.box, Qt.Key.Key_Return)
    page = window.record_view.page
    assert page is not None and page.kind == "quote" and page.record.id == filled.quote_id
    assert QUOTE_TEXT in window.record_view.details.toPlainText()


def test_highlighted_snippet_marks_the_typed_word(qtbot, window):
    window.focus_search()
    type_text(window.search.box, "الإعلام")
    qtbot.waitUntil(lambda: window.search.model.rowCount() > 0, timeout=3000)
    html_text = window.search.model.data(window.search.model.index(0))
    assert "background-color" in html_text


def test_opening_the_source_highlights_the_quoted_passage(qtbot, window, filled):
    window.open_record("quote", filled.quote_id)
    window.record_view.open_source()
    view = window.record_view
    assert view.page.kind == "source" and view.page.record.id == filled.source_id
    assert view.highlighted_text() == QUOTE_TEXT
    assert view.source_text.isVisibleTo(window)
    selections = view.source_text.extraSelections()
    assert any(selection.cursor.selectedText() == QUOTE_TEXT for selection in selections)
    view.go_back()
    assert view.page.kind == "quote"


def test_copy_with_citation_names_speaker_title_event_date_and_outlet(qtbot, window, filled, qapp):
    window.open_record("quote", filled.quote_id)
    text = window.record_view.copy_citation()
    assert qapp.clipboard().text() == text
    for part in (QUOTE_TEXT, "معالي الدكتور سالم بن ناصر الهاشمي", "وزير الإعلام", "منتدى الاتصال المؤسسي",
                 "2024-05-12", "وكالة الأنباء"):
        assert part in text


def test_filters_come_from_facets_and_narrow_the_results(qtbot, window):
    window.focus_search()
    type_text(window.search.box, "منتدى")
    qtbot.waitUntil(lambda: window.search.model.rowCount() > 0, timeout=3000)
    kinds = [window.search.kind_filter.itemData(i) for i in range(window.search.kind_filter.count())]
    assert "quote" in kinds
    window.search.kind_filter.setCurrentIndex(kinds.index("event"))
    window.search.run_search()
    assert window.search.model.hits and all(hit.kind == "event" for hit in window.search.model.hits)
    years = [window.search.year_filter.itemData(i) for i in range(window.search.year_filter.count())]
    assert "2023" in years
    window.search.year_filter.setCurrentIndex(years.index("2023"))
    window.search.run_search()
    assert [hit.year for hit in window.search.model.hits] == ["2023"]


def test_a_misspelled_word_offers_a_suggestion_that_searches_when_clicked(qtbot, window):
    window.focus_search()
    type_text(window.search.box, "الرقمب")  # mistyped "الرقمي"
    qtbot.waitUntil(lambda: "suggestion" in window.search.status.text(), timeout=3000)
    assert window.search.model.rowCount() == 0
    assert 'href="suggestion">الرقمي</a>' in window.search.status.text()
    window.search.status.linkActivated.emit("suggestion")
    assert window.search.box.text() == "الرقمي"
    qtbot.waitUntil(lambda: window.search.model.rowCount() > 0, timeout=3000)
