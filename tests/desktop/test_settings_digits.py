"""The settings' number boxes write the digits the rest of the Arabic app writes ("7", not "٧")."""

from __future__ import annotations

from desktop.gui.settings_dialog import SettingsDialog


def test_number_boxes_use_the_apps_digits(qtbot, workspace) -> None:
    dialog = SettingsDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.backup_days.setValue(7)
    dialog.sync_minutes.setValue(15)
    assert dialog.backup_days.text() == "7" and dialog.sync_minutes.text() == "15"
    dialog.backup_days.setValue(0)
    assert dialog.backup_days.text() == "أبدًا"  # the special value still in the officer's words
