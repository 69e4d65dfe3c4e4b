"""No table, tree or list of the app cuts the first or last letter of a cell's text, in Arabic or English.

Qt's style clips a cell at its edges and keeps the text 3 px from them, and glyphs of the interface
font draw past their advance (a ك's top at the right, the tails of ن ى ي at the left): at 13 pt a
cell starting with ك lost the top of its first letter. Every view with Qt's own delegate gets
``desktop.gui.appearance.InkRoomDelegate`` as it is polished (the same filter as labels'). The
tests look at what is drawn (``wrapped_text_check.cut_cells``): on the app's real screens, and on
each kind of view with words whose ink overhangs, at several sizes of the interface font.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
)

from tests.desktop.test_wrapped_text_screens import ARTICLE
from tests.desktop.wrapped_text_check import cut_cells

WINDOW_WIDTHS = range(900, 1500, 97)
# Words whose ink overhangs their advance: a first ك (right, in Arabic), a last ن ى ي ر (left); English.
OVERHANGING = ["كتاب من", "كان يمين", "كي", "كن", "كر", "كلي", "لكن", "ذكرى", "يحيى", "السيابي", "Kyoto fly",
               "jffy", "Wolf", "fjord"]
POINT_SIZES = (10, 13, 20)


@pytest.fixture(params=["ar", "en"])
def language(request, qapp, qt_language):
    from desktop.gui.appearance import apply_language

    apply_language(qapp, request.param)
    yield request.param


@pytest.fixture(params=[10, 13])
def sample_window(request, qtbot, qapp, sample_archive, language, collected_errors):
    from archive.db.engine import open_archive
    from archive.settings import Settings
    from desktop.gui.appearance import ui_font
    from desktop.gui.main_window import MainWindow
    from desktop.gui.tasks import TaskRunner
    from desktop.gui.workspace import Workspace

    qapp.setFont(ui_font(request.param))  # the app's size, and a larger one (glyphs overhang more)
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
    qapp.setFont(ui_font())


def cut_in_views(qtbot, root, widths, height: int) -> list[str]:
    cut = []
    for width in widths:
        root.resize(width, height)
        qtbot.wait(1)
        for view in root.findChildren(QAbstractItemView):
            view.clearSelection()
            cut += cut_cells(view)
    return cut


def test_browse_tables_and_event_tree(qtbot, sample_window) -> None:
    window = sample_window
    window.show_page("browse")
    browse = window.browse
    browse.event_tree.expandAll()
    cut = []
    for tab in range(browse.tabs.count()):
        browse.tabs.setCurrentIndex(tab)
        cut += cut_in_views(qtbot, window, WINDOW_WIDTHS, 800)
    assert cut == [], "\n".join(sorted(set(cut)))


def test_search_results_history_review_and_conflicts(qtbot, sample_window) -> None:
    from archive.services import people, quotes
    from archive.team.credentials import save_address
    from archive.team.server import parse_address
    from tests.desktop.test_conflicts_view import quote_conflict
    from tests.desktop.test_search_flow import type_text
    from tests.desktop.test_sync_status import UNREACHABLE

    window, archive = sample_window, sample_window.workspace.archive
    window.focus_search()
    type_text(window.search.box, "الإعلام")
    window.search.run_search()
    assert window.search.model.rowCount() > 0
    cut = cut_in_views(qtbot, window, WINDOW_WIDTHS, 800)
    person = people.list_people(archive)[0]
    window.actions_helper.history("person", person.id)
    cut += cut_in_views(qtbot, window.actions_helper.last_dialog, range(500, 1100, 149), 500)
    window.actions_helper.last_dialog.reject()
    if ARTICLE.exists():  # an imported article's review: its table of proposals with their check boxes
        window.show_page("import")
        window.importer.import_paths([ARTICLE])
        review = window.actions_helper.last_dialog
        assert review.isVisible() and review.rows
        cut += cut_in_views(qtbot, review, range(700, 1400, 173), 700)
        review.reject()
    save_address(window.workspace.locations.data_folder, parse_address(UNREACHABLE)[0])
    quote_conflict(archive, quotes.list_quotes(archive)[0].id)  # another officer changed it too
    window.show_conflicts()
    cut += cut_in_views(qtbot, window.conflicts_view, range(600, 1200, 149), 600)
    assert cut == [], "\n".join(sorted(set(cut)))


def views_of_overhanging_words() -> list[QAbstractItemView]:
    """A table (a column per word, sized to it), a tree and a list, each holding ``OVERHANGING``."""
    table = QTableWidget(1, len(OVERHANGING))
    table.horizontalHeader().setMinimumSectionSize(4)
    for column, word in enumerate(OVERHANGING):
        table.setItem(0, column, QTableWidgetItem(word))
    tree = QTreeWidget()
    tree.setColumnCount(2)
    for word in OVERHANGING:
        QTreeWidgetItem(tree, [word, word])
    listed = QListWidget()
    listed.addItems(OVERHANGING)
    return [table, tree, listed]


@pytest.mark.parametrize("point_size", POINT_SIZES)
def test_cells_keep_the_ink_of_overhanging_letters(qtbot, qapp, language, point_size: int) -> None:
    from desktop.gui.appearance import ui_font

    qapp.setFont(ui_font(point_size))
    try:
        cut = []
        for view in views_of_overhanging_words():
            qtbot.addWidget(view)
            view.resize(1800, 700)
            view.show()
            if isinstance(view, QTableWidget):
                view.resizeColumnsToContents()
            elif isinstance(view, QTreeWidget):
                view.resizeColumnToContents(0)
            view.setCurrentIndex(view.model().index(-1, -1))
            qtbot.wait(1)
            cut += cut_cells(view)
    finally:
        qapp.setFont(ui_font())
    assert cut == [], "\n".join(cut)
