"""Undo and redo in the domain (archive.services.history), without Qt: every revert is itself revertible."""

from __future__ import annotations

from dataclasses import replace

import pytest

from archive.errors import MuntadaError, RecordNotFoundError
from archive.services import audit, events, history, people, quotes, sources
from archive.services.records import EventInput, PartnerInput, PersonInput
from tests.desktop.conftest import ARTICLE, QUOTE_TEXT


def test_an_update_is_undone_and_redone(filled):
    archive = filled.archive
    data = replace(history.current_input(archive, "person", filled.speaker_id), title="وزير الإعلام والاتصال")
    _record, change = history.update(archive, "person", filled.speaker_id, data)
    assert change.before["title"] == "وزير الإعلام" and change.after["title"] == "وزير الإعلام والاتصال"
    undo = history.revert(archive, change)
    assert people.get_person(archive, filled.speaker_id).title == "وزير الإعلام"
    history.revert(archive, undo)
    assert people.get_person(archive, filled.speaker_id).title == "وزير الإعلام والاتصال"
    assert [entry.action for entry in audit.record_history(archive, "person", filled.speaker_id)][-3:] == ["update"] * 3


def test_undoing_a_creation_deletes_and_redoing_it_creates_again(filled):
    archive = filled.archive
    person, change = history.create(archive, "person", PersonInput(name="مريم البلوشية", title="مديرة"))
    removal = history.revert(archive, change)
    with pytest.raises(RecordNotFoundError):
        people.get_person(archive, person.id)
    recreation = history.revert(archive, removal)
    again = people.get_person(archive, recreation.record_id)
    assert (again.name, again.title) == ("مريم البلوشية", "مديرة")


def test_a_deleted_source_comes_back_with_its_full_text(filled):
    archive = filled.archive
    change = history.delete(archive, "source", filled.source_id)
    assert change.before["full_text"] == ARTICLE
    back = history.revert(archive, change)
    restored = sources.get_source(archive, back.record_id)
    assert restored.full_text == ARTICLE and restored.title == "انطلاق منتدى الاتصال المؤسسي"
    assert [event.id for event in restored.events] == [filled.event_id]


def test_a_deleted_quote_comes_back_with_its_span_and_tags(filled):
    archive = filled.archive
    data = replace(history.current_input(archive, "quote", filled.quote_id), tags=("رقمنة",))
    history.update(archive, "quote", filled.quote_id, data)
    change = history.delete(archive, "quote", filled.quote_id)
    back = quotes.get_quote(archive, history.revert(archive, change).record_id)
    assert back.text == QUOTE_TEXT and back.tags == ("رقمنة",)
    assert (back.source.id, back.source_start, back.source_end) == (filled.source_id, data.source_start, data.source_end)


def test_event_partners_survive_the_json_round_trip(filled):
    archive = filled.archive
    data = replace(history.current_input(archive, "event", filled.event_id),
                   partners=(PartnerInput(filled.ministry_id, "sponsor"),))
    _record, change = history.update(archive, "event", filled.event_id, data)
    rebuilt = history.input_from_json("event", change.after)
    assert isinstance(rebuilt, EventInput) and rebuilt.partners == (PartnerInput(filled.ministry_id, "sponsor"),)
    history.revert(archive, change)
    assert events.get_event(archive, filled.event_id).partners == ()


def test_merges_and_unknown_kinds_are_refused_clearly(filled):
    merge = history.Change("person", filled.speaker_id, "merge", {}, {})
    with pytest.raises(MuntadaError):
        history.revert(filled.archive, merge)
    with pytest.raises(MuntadaError):
        history.current_input(filled.archive, "tag", 1)
