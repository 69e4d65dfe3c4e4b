"""The brief dialog's preview shows every page, one at a time: an officer checks the whole brief
before printing it for a meeting (before, only the cover page could be seen)."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_the_preview_turns_to_each_page_and_back(qtbot, workspace, filled) -> None:
    from desktop.gui.brief_dialog import BriefDialog, load_brief_choices

    dialog = BriefDialog(workspace, load_brief_choices(workspace.archive), "event", filled.event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.brief is not None, timeout=10000)
    count = dialog.brief.page_count
    assert count > 1
    assert dialog.page_label.text() == f"صفحة 1 من {count}"
    assert not dialog.previous_page.isEnabled() and dialog.next_page.isEnabled()
    cover = dialog.preview.pixmap().toImage()
    qtbot.mouseClick(dialog.next_page, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.page_label.text() == f"صفحة 2 من {count}", timeout=5000)
    assert dialog.preview.pixmap().toImage() != cover
    assert dialog.previous_page.isEnabled()
    for _ in range(count):
        dialog.next_page.click()
    assert dialog.page_label.text() == f"صفحة {count} من {count}" and not dialog.next_page.isEnabled()
    dialog.cover_title.setText("موجز الاجتماع")  # a new brief: the same page stays in view
    qtbot.waitUntil(lambda: dialog.options().title == "موجز الاجتماع" and dialog.brief is not None
                    and not dialog.timer.isActive(), timeout=5000)
    assert dialog.page_label.text() == f"صفحة {count} من {dialog.brief.page_count}"
    qtbot.mouseClick(dialog.previous_page, Qt.MouseButton.LeftButton)
    assert dialog.page_label.text() == f"صفحة {count - 1} من {dialog.brief.page_count}"
