"""Every page has its Ctrl+number, the search page Ctrl+1 as well as Ctrl+F and Ctrl+K."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence


def action_for(window, keys: str):
    wanted = QKeySequence(keys)
    return next(action for action in window.findChildren(type(window.undo_action))
                if any(shortcut == wanted for shortcut in action.shortcuts()))


def test_ctrl_and_a_number_goes_to_each_page_in_order(qtbot, window) -> None:
    for number, page in enumerate((window.search, None, None, None), start=1):
        window.pages.setCurrentIndex(3 if number == 1 else 0)
        action_for(window, f"Ctrl+{number}").trigger()
        assert window.pages.currentIndex() == number - 1
        if page is not None:
            assert window.pages.currentWidget() is page
