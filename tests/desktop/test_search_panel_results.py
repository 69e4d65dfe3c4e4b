"""The results list of the search panel on the sample archive: what the officer sees after typing."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor


@pytest.fixture
def sample_window(qtbot, sample_archive, qt_language, collected_errors):
    from archive.db.engine import open_archive
    from archive.settings import Settings
    from desktop.gui.main_window import MainWindow
    from desktop.gui.tasks import TaskRunner
    from desktop.gui.workspace import Workspace

    archive = open_archive(sample_archive, officer="ضابط الاختبار")
    space = Workspace(archive, Settings(officer_name="ضابط الاختبار"), TaskRunner(synchronous=True))
    main = MainWindow(space)
    qtbot.addWidget(main)
    main.resize(1360, 860)
    main.show()
    main.start_loading()
    yield main
    main.close()
    space.close()
    archive.close()


def _inked_rows(image, left: int, right: int) -> int:
    """How many pixel rows of the image have some dark ink between left and right."""
    inked = 0
    for y in range(image.height()):
        if any(QColor(image.pixel(x, y)).lightness() < 100 for x in range(left, right, 3)):
            inked += 1
    return inked


def test_a_page_of_results_is_drawn_not_an_empty_list(qtbot, sample_window):
    panel = sample_window.search
    panel.box.setText("الاعلام الرقمي")
    panel.run_search()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=5000)
    qtbot.wait(300)
    image = panel.results.viewport().grab().toImage()
    # A page of 50 results, more than fit: before, the list's layout restarted for ever as its
    # scroll bar came and went, and nothing was drawn (0 inked rows).
    assert panel.model.rowCount() == 50
    assert _inked_rows(image, 0, image.width()) > 200
    assert panel.results.verticalScrollBar().maximum() > 0



def test_filter_lists_count_in_words_not_in_brackets(qtbot, window):
    panel = window.search
    panel.box.setText("منتدى")
    panel.run_search()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=3000)
    entries = [combo.itemText(row) for combo in (panel.event_filter, panel.speaker_filter, panel.year_filter)
               for row in range(1, combo.count())]
    assert entries
    for entry in entries:
        assert not re.search(r"\(\d+\)", entry), entry  # "منتدى التواصل (3)" before
        assert re.search(r"نتيجة|نتيجتان|نتائج", entry), entry


def test_a_results_date_is_written_in_words_so_it_cannot_be_reversed(qtbot, window):
    # "2025-09-17" after Arabic names is laid out by the bidi rules as "17-09-2025" in the
    # Arabic interface; "17 سبتمبر 2025" reads the same in any direction.
    from archive.i18n import current_language
    from archive.text.dates import MONTHS_AR
    from desktop.gui.search_panel import hit_html

    panel = window.search
    panel.box.setText("منتدى")
    panel.run_search()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=3000)
    dated = [hit for hit in panel.model.hits if hit.date and len(hit.date) == 10]
    assert dated and current_language() == "ar"
    shown = hit_html(dated[0])
    assert dated[0].date not in shown
    year, month, day = (int(part) for part in dated[0].date.split("-"))
    assert f"{day} {MONTHS_AR[month - 1]} {year}" in shown


def test_a_result_whose_text_is_its_title_shows_it_once_highlighted(qtbot, window):
    from desktop.gui.search_panel import hit_html

    panel = window.search
    panel.box.setText("الإعلام الحكومي")
    panel.run_search()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=3000)
    same = [hit for hit in panel.model.hits if hit.snippet.text.strip() == hit.title.strip()]
    assert same  # the session "الإعلام الحكومي في العصر الرقمي" is its own text
    shown = hit_html(same[0])
    assert shown.count("العصر") == 1, shown
    assert "background-color" in shown  # the typed words are still marked


def test_highlighted_words_stay_dark_on_the_selected_row(qtbot, window):
    # The selected row paints its text white; a highlighted word was white on pale yellow there.
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextDocument

    from desktop.gui.search_panel import HIGHLIGHT_COLOUR

    panel = window.search
    panel.box.setText("منتدى")
    panel.run_search()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=3000)
    document = QTextDocument()
    document.setHtml(panel.model.data(panel.model.index(0)))
    marked = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().background().color().name() == HIGHLIGHT_COLOUR:
                marked.append(fragment.charFormat())
            fragments += 1
        block = block.next()
    assert marked
    assert all(form.foreground().style() != Qt.BrushStyle.NoBrush and form.foreground().color().lightness() < 80
               for form in marked)


def _dark_on_the_selection(image, highlight) -> int:
    """Pixels of ``image`` (a selected row) darker than its selection colour, other than the dark
    words on a highlighted word's pale mark (a mark's pixel within a few of them): text the officer
    can hardly read on the selection."""
    from PySide6.QtGui import QColor

    from desktop.gui.search_panel import HIGHLIGHT_COLOUR

    mark, limit, near = QColor(HIGHLIGHT_COLOUR), highlight.lightness() - 10, 6
    width, height = image.width(), image.height()
    colours = [[QColor(image.pixel(x, y)) for x in range(width)] for y in range(height)]
    on_mark = [[abs(c.red() - mark.red()) + abs(c.green() - mark.green()) + abs(c.blue() - mark.blue()) < 40
                for c in row] for row in colours]

    def beside_a_mark(x: int, y: int) -> bool:
        return any(on_mark[row][column] for row in range(max(0, y - 2), min(height, y + 3))
                   for column in range(max(0, x - near), min(width, x + near + 1)))

    return sum(1 for y in range(height) for x in range(width)
               if colours[y][x].lightness() < limit and not beside_a_mark(x, y))


def test_the_selected_rows_words_all_read_on_the_selection(qtbot, sample_window):
    # The kind, speaker, event and date beside a result's title were grey (#666) on the blue of the
    # selected row: barely readable on the row the officer is about to open.
    panel = sample_window.search
    panel.box.setText("التحول الرقمي")
    panel.run_search()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=5000)
    panel.results.setCurrentIndex(panel.model.index(0))
    highlight = panel.results.palette().highlight().color()

    def selected_row():  # type: ignore[no-untyped-def]
        return panel.results.viewport().grab(panel.results.visualRect(panel.model.index(0))).toImage()

    qtbot.waitUntil(lambda: QColor(selected_row().pixel(2, 2)).name() == highlight.name(), timeout=3000)
    image = selected_row()
    assert _dark_on_the_selection(image, highlight) == 0


def test_first_letters_of_a_word_say_keep_typing_not_no_results(qtbot, sample_window):
    from archive.i18n import tr

    panel = sample_window.search
    for typed in ("ال", "الت"):
        panel.box.setText(typed)
        panel.run_search()
        qtbot.waitUntil(lambda typed=typed: getattr(panel.last_results, "query", None) == typed, timeout=5000)
        assert panel.status.text() == tr("Keep typing…"), typed
    panel.box.setText("التواصل")
    panel.run_search()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=5000)
    assert tr("Keep typing…") not in panel.status.text()
