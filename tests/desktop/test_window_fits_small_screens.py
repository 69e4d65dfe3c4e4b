"""The main window fits a laptop's screen with a record open: 1366 pixels at 125 % scaling leave
1093 for the window. Before, opening a quote made the window at least 1325 pixels wide in English
(1274 in Arabic: the record's eight buttons in one row beside the search filters), wider than the
screen, cutting off its side."""

from __future__ import annotations

import pytest

SMALL_SCREEN_WIDTH = 1093  # 1366 px at 125 %: the logical width Qt lays the window out in


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_record_open_keeps_the_window_within_a_small_screen(qtbot, qapp, workspace, filled, collected_errors,
                                                              language: str) -> None:
    from desktop.gui.appearance import apply_language
    from desktop.gui.main_window import MainWindow

    apply_language(qapp, language)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    window.start_loading()
    for kind, record_id in (("quote", filled.quote_id), ("event", filled.event_id), ("person", filled.speaker_id)):
        window.open_record(kind, record_id)
        qtbot.wait(1)
        assert window.minimumSizeHint().width() <= SMALL_SCREEN_WIDTH - 40, (kind, window.minimumSizeHint())
        assert window.width() <= SMALL_SCREEN_WIDTH
    window.record_view.buttons["edit"].click()  # an action whose button had no room is still at hand
    editor = window.actions_helper.last_dialog
    assert editor is not None and editor.isVisible()
    editor.reject()
