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


def test_the_restore_list_says_what_kind_each_backup_is(qtbot, workspace) -> None:
    """It listed "2026-12-02 16:49 (1084 ك.ب): archive-auto-20261202-164915-067199.sqlite"."""
    from archive import backups
    from desktop.gui.settings_dialog import backup_choice_label

    backups.write_backup(workspace.archive)
    backups.write_backup(workspace.archive, kind=backups.AUTO)
    labels = sorted(backup_choice_label(info) for info in backups.list_backups(workspace.archive.path))
    assert len(labels) == 2 and all(" · " in label and "ك.ب" in label for label in labels), labels
    assert {label.split(" · ")[1] for label in labels} == {"يدوية", "تلقائية"}, labels
    assert not any("archive-" in label or "(" in label for label in labels), labels
