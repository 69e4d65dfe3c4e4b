"""The merge dialog tells duplicates apart: each choice shows the title and organisation, not
only the shared name and a count in brackets."""

from __future__ import annotations

from archive.services import organisations, people
from archive.services.records import OrganisationInput, PersonInput


def test_each_duplicate_is_offered_with_its_title_and_organisation(qtbot, workspace, filled) -> None:
    from desktop.gui.dialogs import MergeDialog
    from desktop.gui.record_actions import merge_choice_label

    archive = filled.archive
    police = organisations.create_organisation(archive, OrganisationInput(name="شرطة عمان السلطانية"))
    officer = people.create_person(archive, PersonInput(name="سالم الهاشمي", title="ضابط اتصال",
                                                        organisation_id=police.id))
    records = [people.get_person(archive, filled.duplicate_id), people.get_person(archive, officer.id)]
    dialog = MergeDialog(records, merge_choice_label)
    qtbot.addWidget(dialog)
    labels = [dialog.group.button(position).text() for position in range(len(records))]
    assert labels[0] == "سالم الهاشمي · وزير · لا اقتباسات", labels
    assert labels[1] == "سالم الهاشمي · ضابط اتصال · شرطة عمان السلطانية · لا اقتباسات", labels
    assert "(" not in "".join(labels)
    ministry = organisations.get_organisation(archive, filled.ministry_id)
    assert merge_choice_label(ministry).startswith("وزارة الإعلام · ")
