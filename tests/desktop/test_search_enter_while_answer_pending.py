"""Enter in the search box opens the first result of what is typed, not of the query before it.

With the real search process, an answer comes back later: Enter pressed right after typing more
(within the 120 ms debounce, as an officer does) opened the first result still shown, the
previous query's, while the new query was on its way.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from archive.settings import Settings
from desktop.gui.search_panel import HIT_ROLE, SearchPanel
from desktop.gui.tasks import TaskRunner


def type_text(widget, text: str) -> None:
    for character in text:  # keyClicks aborts on non-ASCII text (shared notes)
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, character, Qt.KeyboardModifier.NoModifier)


def test_enter_opens_the_first_result_of_the_query_typed(qtbot, filled, qt_language, collected_errors) -> None:
    from desktop.gui.workspace import Workspace

    space = Workspace(filled.archive, Settings(), TaskRunner())  # real threads, the real search process
    panel = SearchPanel(space)
    qtbot.addWidget(panel)
    try:
        space.open_search_index()
        qtbot.waitUntil(lambda: space.search_state == "ready", timeout=60000)
        panel.box.setFocus()
        type_text(panel.box, "الهاشمي")
        qtbot.waitUntil(lambda: panel.model.rowCount() > 0 and panel.last_results is not None
                        and "الهاشمي" in panel.last_results.query, timeout=30000)
        first_before = panel.model.index(0).data(HIT_ROLE)
        opened: list[tuple[str, int]] = []
        panel.sig_open.connect(lambda kind, record_id: opened.append((kind, record_id)))
        panel.box.clear()
        type_text(panel.box, "نسبة المتابعين")
        QTest.keyClick(panel.box, Qt.Key.Key_Return)  # at once: the answer is not back yet
        qtbot.waitUntil(lambda: bool(opened), timeout=30000)
        qtbot.waitUntil(lambda: "المتابعين" in panel.last_results.query, timeout=30000)
        first_now = panel.model.index(0).data(HIT_ROLE)
        assert (first_now.kind, first_now.id) != (first_before.kind, first_before.id)
        assert opened == [(first_now.kind, first_now.id)], (opened, first_before, first_now)
    finally:
        space.close()
