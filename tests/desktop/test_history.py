"""Edits by kind name (archive.services.history), without Qt: each is one undoable step and says what it changed.

(Until issue 13 this module reverted changes itself; undo now lives in archive.services.undo, and
what these tests asserted of reverts is asserted there of undo and redo, row for row.)
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from archive.errors import MuntadaError, RecordNotFoundError
from archive.services import events, history, people, quotes, sources, undo
from archive.services.records import PartnerInput, PersonInput
from tests.desktop.conftest import ARTICLE, QUOTE_TEXT


def test_an_update_returns_the_record_and_what_changed(filled):
    archive = filled.archive
    data = replace(history.current_input(archive, "person", filled.speaker_id), title="وزير الإعلام والاتصال")
    record, changes = history.update(archive, "person", filled.speaker_id, data)
    assert record.title == "وزير الإعلام والاتصال"
    assert changes.updated["person"] == {filled.speaker_id} and not changes.created and not changes.deleted


def test_a_creation_is_one_step_that_undo_removes(filled):
    archive = filled.archive
    person, changes = history.create(archive, "person", PersonInput(name="مريم البلوشية", title="مديرة"))
    assert changes.created == {"person": {person.id}}
    assert undo.undo(archive).changes.deleted == {"person": {person.id}}
    with pytest.raises(RecordNotFoundError):
        people.get_person(archive, person.id)
    undo.redo(archive)
    again = people.get_person(archive, person.id)
    assert (again.name, again.title) == ("مريم البلوشية", "مديرة")


def test_a_deleted_source_comes_back_with_its_full_text_and_events(filled):
    archive = filled.archive
    changes = history.delete(archive, "source", filled.source_id)
    assert changes.deleted["source"] == {filled.source_id}
    assert filled.quote_id in changes.updated["quote"]  # lost its provenance
    undo.undo(archive)
    restored = sources.get_source(archive, filled.source_id)
    assert restored.full_text == ARTICLE and restored.title == "انطلاق منتدى الاتصال المؤسسي"
    assert [event.id for event in restored.events] == [filled.event_id]
    assert quotes.get_quote(archive, filled.quote_id).source.id == filled.source_id


def test_a_deleted_quote_comes_back_with_its_span_and_tags(filled):
    archive = filled.archive
    data = replace(history.current_input(archive, "quote", filled.quote_id), tags=("رقمنة",))
    history.update(archive, "quote", filled.quote_id, data)
    history.delete(archive, "quote", filled.quote_id)
    undo.undo(archive)
    back = quotes.get_quote(archive, filled.quote_id)
    assert back.text == QUOTE_TEXT and back.tags == ("رقمنة",)
    span = (back.source.id, back.source_start, back.source_end)
    assert span == (filled.source_id, data.source_start, data.source_end)


def test_event_partners_are_undone(filled):
    archive = filled.archive
    data = replace(history.current_input(archive, "event", filled.event_id),
                   partners=(PartnerInput(filled.ministry_id, "sponsor"),))
    _record, changes = history.update(archive, "event", filled.event_id, data)
    assert "event_partner" in changes.tables and filled.event_id in changes.updated["event"]
    undo.undo(archive)
    assert events.get_event(archive, filled.event_id).partners == ()


def test_unknown_kinds_are_refused_clearly(filled):
    with pytest.raises(MuntadaError):
        history.current_input(filled.archive, "tag", 1)
