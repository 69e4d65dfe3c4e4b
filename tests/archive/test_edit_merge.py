"""An edit based on what a form showed writes only what the officer changed (archive.services.history)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from archive.errors import EditConflictError
from archive.services import history, quotes
from archive.services.records import PersonInput, QuoteInput


@pytest.fixture()
def quote_id(archive) -> int:
    speaker = history.create(archive, "person", PersonInput(name="سلمى الكندية"))[0]
    return history.create(archive, "quote", QuoteInput(text="الإعلام شريك في التنمية", speaker_id=speaker.id))[0].id


def test_fields_the_officer_left_alone_keep_what_others_changed_meanwhile(archive, quote_id) -> None:
    shown = history.current_input(archive, "quote", quote_id)
    history.update(archive, "quote", quote_id, replace(shown, notes="من البث المباشر", verified=True))
    history.update(archive, "quote", quote_id, replace(shown, said_on="2025-03-04"), based_on=shown)
    stored = quotes.get_quote(archive, quote_id)
    assert (stored.said_on, stored.notes, stored.verified) == ("2025-03-04", "من البث المباشر", True)


def test_a_field_both_changed_to_different_values_is_refused_and_nothing_is_written(archive, quote_id) -> None:
    shown = history.current_input(archive, "quote", quote_id)
    history.update(archive, "quote", quote_id, replace(shown, speaker_title="وزيرة الإعلام"))
    with pytest.raises(EditConflictError) as refused:
        history.update(archive, "quote", quote_id,
                       replace(shown, speaker_title="رئيسة اللجنة", notes="ملاحظة"), based_on=shown)
    assert refused.value.params["fields_changed"] == ("speaker_title",)
    assert refused.value.params["stored"].speaker_title == "وزيرة الإعلام"
    stored = quotes.get_quote(archive, quote_id)
    assert stored.speaker_title == "وزيرة الإعلام" and not stored.notes


def test_the_same_change_made_twice_is_no_conflict(archive, quote_id) -> None:
    shown = history.current_input(archive, "quote", quote_id)
    history.update(archive, "quote", quote_id, replace(shown, said_on="2025-03-04"))
    history.update(archive, "quote", quote_id, replace(shown, said_on="2025-03-04"), based_on=shown)
    assert quotes.get_quote(archive, quote_id).said_on == "2025-03-04"


def test_without_a_base_every_field_is_replaced(archive, quote_id) -> None:
    shown = history.current_input(archive, "quote", quote_id)
    history.update(archive, "quote", quote_id, replace(shown, notes="من البث المباشر"))
    history.update(archive, "quote", quote_id, replace(shown, said_on="2025-03-04"))
    assert quotes.get_quote(archive, quote_id).notes is None
