"""Every longer message of the app, shown in a real wrapped label of the app, is read whole at any width.

The import page's report is the label under test (word-wrapped, the app's font, in the window's
layout); each of the catalogue's longer messages is put in it at several widths of the window, in
Arabic. Before labels got room for their ink, about one layout in twenty cut the last word's tail.
"""

from __future__ import annotations

import pytest

from tests.desktop.test_wrapped_text_screens import long_messages
from tests.desktop.wrapped_text_check import cut_off_columns

WIDTHS = (900, 1013, 1129, 1251, 1377)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_catalogues_messages_in_the_import_report(qtbot, qapp, workspace, collected_errors, language) -> None:
    from desktop.gui.appearance import apply_language
    from desktop.gui.main_window import MainWindow

    apply_language(qapp, language)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.start_loading()
    window.show_page("import")
    report = window.importer.report
    messages = long_messages()
    cut = []
    for width in WIDTHS:
        window.resize(width, 700)
        qtbot.wait(1)
        for text in messages:
            report.setText(text)
            window.importer.layout().activate()
            assert report.height() >= report.heightForWidth(report.width())  # all its lines have room
            columns = cut_off_columns(report)
            if columns:
                cut.append(f"{text[:50]!r} at {report.width()} px: {columns} columns")
    assert cut == [], f"{len(cut)} of {len(WIDTHS) * len(messages)} cut:\n" + "\n".join(cut)
