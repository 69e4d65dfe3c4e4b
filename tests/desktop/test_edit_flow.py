"""Editing as a user does: correct a speaker's title, see it, undo and redo it; validation; merge; history."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtTest import QTest

from archive.services import audit, history, people, quotes
from tests.desktop.test_search_flow import type_text


def open_editor(window, kind: str, record_id: int | None):
    window.actions_helper.edit(kind, record_id)
    dialog = window.actions_helper.last_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_correcting_a_title_then_undo_and_redo(qtbot, window, filled):
    window.open_record("person", filled.speaker_id)
    dialog = open_editor(window, "person", filled.speaker_id)
    title = dialog.widgets["title"]
    title.clear()
    type_text(title, "وزير الإعلام والاتصال")
    dialog.save()
    assert not dialog.isVisible()
    assert people.get_person(filled.archive, filled.speaker_id).title == "وزير الإعلام والاتصال"
    assert "وزير الإعلام والاتصال" in window.record_view.details.toPlainText()
    assert window.undo_action.isEnabled()

    QTest.keySequence(window, "Ctrl+Z")
    assert people.get_person(filled.archive, filled.speaker_id).title == "وزير الإعلام"
    assert "وزير الإعلام والاتصال" not in window.record_view.details.toPlainText()
    assert window.redo_action.isEnabled()

    QTest.keySequence(window, "Ctrl+Y")
    assert people.get_person(filled.archive, filled.speaker_id).title == "وزير الإعلام والاتصال"
    entries = audit.record_history(filled.archive, "person", filled.speaker_id)
    assert [entry.action for entry in entries] == ["create", "update", "undo", "redo"]  # the domain's undo
    assert entries[-1].officer == "ضابط الاختبار"


def test_an_invalid_date_is_explained_in_the_editor_which_stays_open(qtbot, window, filled):
    dialog = open_editor(window, "quote", filled.quote_id)
    dialog.set_value("said_on", "12/05/2024")
    dialog.save()
    assert dialog.isVisible()
    assert "YYYY" in dialog.error_label.text()
    assert quotes.get_quote(filled.archive, filled.quote_id).said_on == "2024-05-12"
    dialog.set_value("said_on", "2024-05")
    dialog.save()
    assert not dialog.isVisible()
    assert quotes.get_quote(filled.archive, filled.quote_id).said_on == "2024-05"


def test_a_new_person_is_created_and_undo_removes_them(qtbot, window, filled):
    dialog = open_editor(window, "person", None)
    type_text(dialog.widgets["name"], "الأستاذة مريم البلوشية")
    dialog.set_value("organisation_id", filled.ministry_id)
    dialog.save()
    created = dialog.saved_record
    assert created.name == "مريم البلوشية" and created.honorific == "الأستاذة"
    assert window.record_view.page.record.id == created.id
    window.workspace.undo_stack.undo()
    assert created.id not in {person.id for person in people.list_people(filled.archive)}


def test_verified_flag_toggles_and_undoes(qtbot, window, filled):
    window.open_record("quote", filled.quote_id)
    window.record_view.buttons["verify"].click()
    assert quotes.get_quote(filled.archive, filled.quote_id).verified
    assert window.record_view.buttons["verify"].text() != window.record_view.buttons["copy"].text()
    window.workspace.undo_stack.undo()
    assert not quotes.get_quote(filled.archive, filled.quote_id).verified


def test_merging_duplicate_people_from_the_browse_list(qtbot, window, filled):
    table = window.browse.people
    assert table.model.rowCount() == 2
    table.view.selectAll()
    window.actions_helper.merge("person", table.selected_ids())
    dialog = window.actions_helper.last_dialog
    keep_position = [record.id for record in dialog.records].index(filled.speaker_id)
    dialog.choose(keep_position)
    dialog.accept()
    remaining = people.list_people(filled.archive)
    assert [person.id for person in remaining] == [filled.speaker_id]
    assert "سالم الهاشمي" in remaining[0].aliases
    assert table.model.rowCount() == 1


def test_the_audit_trail_lists_changes_with_before_and_after(qtbot, window, filled):
    changed = replace(history.current_input(filled.archive, "quote", filled.quote_id), speaker_title="الوزير")
    window.workspace.edit("title", lambda archive: history.update(archive, "quote", filled.quote_id, changed))
    window.actions_helper.history("quote", filled.quote_id)
    dialog = window.actions_helper.last_dialog
    assert dialog.table.rowCount() == 2
    assert "المنصب كما نُشر" in dialog.table.item(1, 3).text()
    assert "الوزير" in dialog.detail.toPlainText()


def test_the_audit_trail_names_linked_records_and_choices_in_words(qtbot, window, filled):
    from archive.services import people

    speaker = people.get_person(filled.archive, filled.speaker_id)
    window.actions_helper.history("quote", filled.quote_id)
    dialog = window.actions_helper.last_dialog
    dialog.show_entry(0)  # the creation: every field from nothing
    detail = dialog.detail.toPlainText()
    assert speaker.display_name in detail
    assert f"→ {filled.speaker_id}\n" not in detail and f"← {filled.speaker_id}\n" not in detail
    assert "direct" not in detail  # the kind of speech in words ("مباشر"), not its code


def test_an_editor_open_while_another_changes_the_record_loses_neither_change(qtbot, window, filled):
    """A sync, the command line or another window changes the record while the officer edits it."""
    dialog = open_editor(window, "person", filled.speaker_id)
    stored = history.current_input(filled.archive, "person", filled.speaker_id)
    history.update(filled.archive, "person", filled.speaker_id, replace(stored, notes="أضافها زميل"))

    dialog.widgets["title"].clear()
    type_text(dialog.widgets["title"], "وزير الإعلام والاتصال")
    dialog.save()
    assert not dialog.isVisible(), dialog.error_label.text()
    person = people.get_person(filled.archive, filled.speaker_id)
    assert person.title == "وزير الإعلام والاتصال" and person.notes == "أضافها زميل"


def test_an_editor_whose_field_was_changed_meanwhile_says_so_and_a_second_save_keeps_the_officers_value(
        qtbot, window, filled):
    dialog = open_editor(window, "person", filled.speaker_id)
    stored = history.current_input(filled.archive, "person", filled.speaker_id)
    history.update(filled.archive, "person", filled.speaker_id,
                   replace(stored, title="وزير الدولة للإعلام", notes="أضافها زميل"))

    dialog.widgets["title"].clear()
    type_text(dialog.widgets["title"], "وزير الإعلام والاتصال")
    dialog.save()
    assert dialog.isVisible()
    assert dialog.error_label.text()
    assert people.get_person(filled.archive, filled.speaker_id).title == "وزير الدولة للإعلام"
    assert dialog.widgets["notes"].toPlainText() == "أضافها زميل"  # the colleague's note now shows

    dialog.save()
    assert not dialog.isVisible()
    person = people.get_person(filled.archive, filled.speaker_id)
    assert person.title == "وزير الإعلام والاتصال" and person.notes == "أضافها زميل"
