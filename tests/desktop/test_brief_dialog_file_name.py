"""The brief dialog offers to save under the name of what the brief is about, safe on Windows,
in the officer's Documents folder (before: always 'brief.pdf' in the home folder, so each new
brief offered to overwrite the last one)."""

from __future__ import annotations

from archive.services import events
from archive.services.records import EventInput


def _dialog(workspace, kind: str, record_id: int | None, quote_ids=None):
    from desktop.gui.brief_dialog import BriefDialog, load_brief_choices

    return BriefDialog(workspace, load_brief_choices(workspace.archive), kind, record_id, quote_ids)


def test_an_event_brief_is_offered_under_the_events_name(qtbot, workspace, filled):
    event = events.create_event(filled.archive, EventInput(name='ملتقى "الإعلام": الواقع/المستقبل؟ 2024*'))
    dialog = _dialog(workspace, "event", event.id)
    qtbot.addWidget(dialog)
    path = dialog.suggested_save_path()
    assert path.suffix == ".pdf"
    assert "ملتقى" in path.stem and "الإعلام" in path.stem and "المستقبل" in path.stem
    assert not set('<>:"/\\|?*') & set(path.name)  # characters Windows refuses in a file name


def test_a_speaker_brief_and_a_selection_get_their_own_names(qtbot, workspace, filled):
    speaker = _dialog(workspace, "person", filled.speaker_id)
    selection = _dialog(workspace, "selection", None, [filled.quote_id])
    qtbot.addWidget(speaker)
    qtbot.addWidget(selection)
    assert "الهاشمي" in speaker.suggested_save_path().stem
    assert selection.suggested_save_path().name != speaker.suggested_save_path().name
    assert selection.suggested_save_path().suffix == ".pdf"
