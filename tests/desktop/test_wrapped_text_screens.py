"""No text of the app's screens is cut at its edge, in Arabic or English, at any width of the window.

Qt wraps a line by its glyphs' advances, and the tails of some Arabic glyphs of the interface font
draw past theirs: a word-wrapped label cut its last word's tail at its edge (at the left, in
Arabic) at about one width in twenty («أو» read «أ»). Every label now gets room for that ink as
it is polished (``desktop.gui.appearance.LabelInkRoom``). These tests walk the real screens as an officer resizing
the window would: the pages of the main window, the record page, the import review, the editor
with its error, and message boxes; each checks every text shown (``wrapped_text_check``).
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QMessageBox

from archive.i18n import tr
from archive.services import history
from tests.desktop.conftest import OWN_ARTICLES
from tests.desktop.test_edit_flow import open_editor
from tests.desktop.test_search_flow import type_text
from tests.desktop.wrapped_text_check import cut_texts

WINDOW_WIDTHS = range(900, 1500, 37)
DIALOG_WIDTHS = range(420, 900, 23)
ARTICLE = OWN_ARTICLES / "ona-oman-media-forum-third.txt"
PO_FILE = "archive/i18n/locale/ar/LC_MESSAGES/muntada.po"


@pytest.fixture(params=["ar", "en"])
def language_window(request, qtbot, qapp, workspace, collected_errors):
    from desktop.gui.appearance import apply_language
    from desktop.gui.main_window import MainWindow

    apply_language(qapp, request.param)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.start_loading()
    yield window
    window.close()


def cut_at_widths(qtbot, widget, widths, height: int) -> list[str]:
    cut = []
    for width in widths:
        widget.resize(width, height)
        qtbot.wait(1)
        cut += cut_texts(widget)
    return cut


def test_the_main_windows_pages_and_the_record_page(qtbot, language_window, filled) -> None:
    window = language_window
    window.focus_search()
    type_text(window.search.box, "الإعلام")
    qtbot.waitUntil(lambda: window.search.model.rowCount() > 0, timeout=3000)
    window.search.results.clearSelection()  # a selected row's colour reaches the list's edges
    window.search.results.setCurrentIndex(QModelIndex())
    cut = []
    for page in ("search", "browse", "dashboard", "import"):
        window.show_page(page)
        for kind, record_id in (("quote", filled.quote_id), ("person", filled.speaker_id)):
            window.open_record(kind, record_id)
            cut += cut_at_widths(qtbot, window, WINDOW_WIDTHS, 700)
    assert cut == [], "\n".join(sorted(set(cut)))


def test_the_import_page_with_its_report_and_the_review(qtbot, language_window, filled, tmp_path) -> None:
    if not ARTICLE.exists():
        pytest.skip(f"our own annotated article is missing: {ARTICLE}")
    window = language_window
    window.show_page("import")
    empty = tmp_path / "بيان وزارة الإعلام عن اليوم الثاني من منتدى الاتصال المؤسسي.txt"
    empty.write_bytes(b"")
    window.importer.import_paths([ARTICLE, empty])
    dialog = window.actions_helper.last_dialog  # one article imported: its review opens
    assert dialog is not None and dialog.isVisible()
    cut = cut_at_widths(qtbot, dialog, range(700, 1400, 41), 700)
    dialog.reject()
    assert empty.name in window.importer.report.text()  # the empty file is reported as skipped, with why
    cut += cut_at_widths(qtbot, window, WINDOW_WIDTHS, 700)
    assert cut == [], "\n".join(sorted(set(cut)))


def test_the_editor_with_its_errors(qtbot, language_window, filled) -> None:
    dialog = open_editor(language_window, "person", filled.speaker_id)
    stored = history.current_input(filled.archive, "person", filled.speaker_id)
    history.update(filled.archive, "person", filled.speaker_id,
                   replace(stored, title="وزير الدولة للإعلام", notes="أضافها زميل"))
    dialog.widgets["title"].setText("وزير الإعلام والاتصال")
    dialog.save()  # refused: a colleague changed the title meanwhile; the message names it
    assert dialog.isVisible() and dialog.error_label.text()
    cut = cut_at_widths(qtbot, dialog, DIALOG_WIDTHS, 620)
    dialog.reject()
    dialog = open_editor(language_window, "quote", filled.quote_id)
    dialog.set_value("said_on", "12/05/2024")
    dialog.save()
    assert dialog.isVisible() and dialog.error_label.text()
    cut += cut_at_widths(qtbot, dialog, DIALOG_WIDTHS, 620)
    dialog.reject()
    assert cut == [], "\n".join(sorted(set(cut)))


def long_messages() -> list[str]:
    """The catalogue's longer messages, in the current language (placeholders as they read)."""
    with open(PO_FILE, "rb") as catalogue:
        ids = [message.id for message in read_po(catalogue) if isinstance(message.id, str) and len(message.id) > 70]
    return [tr(text) for text in ids]


def test_message_boxes(qtbot, language_window) -> None:
    messages = long_messages()
    assert len(messages) > 100
    cut = []
    for text in messages:
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Muntada"), text, QMessageBox.StandardButton.Ok, language_window)
        box.show()
        qtbot.wait(1)
        cut += cut_texts(box)
        box.close()
        box.deleteLater()
    assert cut == [], "\n".join(sorted(set(cut)))
