"""The interval of automatic team syncs: a setting with a default, saved from the Settings dialog."""

from __future__ import annotations

from archive.settings import Settings, load_settings, save_settings


def test_automatic_sync_every_five_minutes_unless_changed(tmp_path) -> None:
    assert Settings().sync_every_minutes == 5
    save_settings(Settings(sync_every_minutes=0), tmp_path / "settings.json")
    assert load_settings(tmp_path / "settings.json").sync_every_minutes == 0


def test_the_settings_dialog_saves_the_sync_interval(qtbot, workspace) -> None:
    from desktop.gui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(workspace)
    qtbot.addWidget(dialog)
    assert dialog.sync_minutes.value() == 5
    assert dialog.sync_minutes.specialValueText() == "عند الطلب فقط"  # 0: only when the officer asks
    dialog.sync_minutes.setValue(15)
    dialog.save()
    assert dialog.result_settings.sync_every_minutes == 15
