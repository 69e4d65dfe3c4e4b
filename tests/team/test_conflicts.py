"""Conflicts between two desktops through a real team server: an edit against an edit, a delete
against an edit (both ways), a merge of two people against new quotes for one of them, and the
three ways of resolving (keep mine, keep theirs, field by field)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from archive.db.engine import Archive
from archive.services import people, quotes
from archive.services.records import PersonInput, QuoteInput
from archive.services.steps import KEPT_EDITS
from archive.team.conflicts import ConflictResolutionError, open_conflicts, record_conflict, resolve_conflict
from archive.team.push import push_archive
from archive.team.sync import sync_status
from tests.team.sync_helpers import (  # noqa: F401 (fixtures)
    Team,
    id_of,
    new_desktop,
    prepared_template,
    same_record,
    shared_rows,
    team_fixture,
    uid_of,
)


@pytest.fixture
def desktops(tmp_path: Path, team: Team) -> Iterator[tuple[Archive, Archive]]:
    """Two desktops holding the same small team archive: a person with a quote."""
    first = new_desktop(tmp_path, "first", "amina")
    speaker = people.create_person(first, PersonInput(name="سالم الهاشمي", title="وكيل الوزارة"))
    quotes.create_quote(first, QuoteInput(text="الاتصال الحكومي شراكة مع المجتمع", speaker_id=speaker.id))
    push_archive(first, team.engine, team.address)
    second = new_desktop(tmp_path, "second", "omar")
    team.sync(second)
    yield first, second
    first.close()
    second.close()


def converged(team: Team, *desktops: Archive) -> bool:
    server = shared_rows(team.engine)
    return all(shared_rows(desktop.engine) == server for desktop in desktops)


def edit_title(archive: Archive, person_id: int, title: str) -> None:
    person = people.get_person(archive, person_id)
    people.update_person(archive, person_id, PersonInput(name=person.name, title=title, notes=person.notes))


def test_an_edit_against_an_edit_is_kept_on_both_sides_then_mine_wins(
        desktops: tuple[Archive, Archive], team: Team) -> None:
    first, second = desktops
    edit_title(first, 1, "وزير الإعلام")
    theirs_id = same_record(first, "person", 1, second)
    edit_title(second, theirs_id, "المتحدث الرسمي")
    assert team.sync(first).pushed == 1
    result = team.sync(second)
    assert result.conflicts == 1 and result.pushed == 0
    assert people.get_person(second, theirs_id).title == "المتحدث الرسمي"  # the desktop keeps its edit
    [conflict] = open_conflicts(second)
    assert (conflict.kind, conflict.local_id, conflict.differing) == ("person", theirs_id, ("title",))
    assert conflict.mine is not None and conflict.mine["title"] == "المتحدث الرسمي"
    assert conflict.theirs is not None and conflict.theirs["title"] == "وزير الإعلام"
    assert shared_rows(team.engine) == shared_rows(first.engine)  # the server keeps its version
    assert sync_status(second).open_conflicts == 1
    assert team.sync(second).conflicts == 0  # still open: neither pulled over nor pushed

    resolve_conflict(second, conflict.id, "mine")
    assert open_conflicts(second) == [] and team.sync(second).pushed == 1
    team.sync(first)
    assert people.get_person(first, 1).title == "المتحدث الرسمي"
    assert converged(team, first, second)


def test_keep_theirs_takes_the_server_row_and_pushes_nothing(desktops: tuple[Archive, Archive], team: Team) -> None:
    first, second = desktops
    theirs_id = same_record(first, "person", 1, second)
    edit_title(first, 1, "وزير الإعلام")
    edit_title(second, theirs_id, "المتحدث الرسمي")
    team.sync(first)
    team.sync(second)
    [conflict] = open_conflicts(second)
    changes = resolve_conflict(second, conflict.id, "theirs")
    assert theirs_id in changes.updated["person"]
    assert people.get_person(second, theirs_id).title == "وزير الإعلام"
    assert sync_status(second).pending_changes == 0
    assert team.sync(second).pushed == 0 and converged(team, first, second)
    with pytest.raises(ConflictResolutionError):
        resolve_conflict(second, conflict.id, "mine")


def test_field_by_field_makes_one_row_of_both(desktops: tuple[Archive, Archive], team: Team) -> None:
    first, second = desktops
    theirs_id = same_record(first, "person", 1, second)
    edit_title(first, 1, "وزير الإعلام")
    person = people.get_person(second, theirs_id)
    people.update_person(second, theirs_id, PersonInput(name=person.name, title=person.title, notes="ملاحظة عمر"))
    team.sync(first)
    team.sync(second)
    [conflict] = open_conflicts(second)
    assert set(conflict.differing) == {"title", "notes"}
    resolve_conflict(second, conflict.id, {"title": "theirs", "notes": "mine"})
    team.sync(second)
    team.sync(first)
    for desktop, person_id in ((first, 1), (second, theirs_id)):
        merged = people.get_person(desktop, person_id)
        assert (merged.title, merged.notes) == ("وزير الإعلام", "ملاحظة عمر")
    assert converged(team, first, second)


def test_a_delete_against_an_edit_then_keep_mine_brings_the_record_back(
        desktops: tuple[Archive, Archive], team: Team) -> None:
    first, second = desktops
    quote_id = same_record(first, "quote", 1, second)
    quotes.delete_quote(first, 1)
    text = "الاتصال الحكومي شراكة حقيقية مع المجتمع"
    quotes.update_quote(second, quote_id, QuoteInput(text=text, speaker_id=same_record(first, "person", 1, second)))
    team.sync(first)
    assert team.sync(second).conflicts == 1
    [conflict] = open_conflicts(second)
    assert conflict.theirs is None and conflict.mine is not None and conflict.local_id == quote_id
    resolve_conflict(second, conflict.id, "mine")
    team.sync(second)
    team.sync(first)
    [back] = quotes.list_quotes(first)
    assert back.text == text and converged(team, first, second)


def test_an_edit_against_a_delete_then_keep_theirs_restores_the_record_here(
        desktops: tuple[Archive, Archive], team: Team) -> None:
    first, second = desktops
    quote_id = same_record(first, "quote", 1, second)
    quotes.delete_quote(second, quote_id)
    text = "الاتصال الحكومي شراكة حقيقية مع المجتمع"
    quotes.update_quote(first, 1, QuoteInput(text=text, speaker_id=1))
    team.sync(first)
    team.sync(second)
    [conflict] = open_conflicts(second)
    assert conflict.mine is None and conflict.theirs is not None
    changes = resolve_conflict(second, conflict.id, "theirs")
    [back] = quotes.list_quotes(second)
    assert back.text == text and back.id in changes.created["quote"]
    assert team.sync(second).pushed == 0 and converged(team, first, second)
    with pytest.raises(ConflictResolutionError):
        resolve_conflict(second, conflict.id, {"text": "mine"})


@pytest.mark.parametrize("merger_syncs_first", [True, False])
def test_new_quotes_for_a_person_merged_away_elsewhere_end_on_the_survivor(
        desktops: tuple[Archive, Archive], team: Team, merger_syncs_first: bool) -> None:
    first, second = desktops
    duplicate = people.create_person(first, PersonInput(name="سالم بن سعيد الهاشمي"))
    team.sync(first)
    team.sync(second)
    speaker_there = same_record(first, "person", duplicate.id, second)
    people.merge_people(first, 1, [duplicate.id])  # first: the two are one person
    duplicate_uid = uid_of(second, "person", speaker_there)
    added = quotes.create_quote(second, QuoteInput(text="نطلق اليوم منصة البيانات المفتوحة",
                                                   speaker_id=speaker_there))
    order = (first, second, first, second) if merger_syncs_first else (second, first, second, first)
    for desktop in order:
        assert team.sync(desktop).conflicts == 0
    survivor_uid = uid_of(first, "person", 1)
    for desktop in (first, second):
        assert id_of(desktop, "person", duplicate_uid) is None
        texts = {quote.text: quote.speaker.id if quote.speaker else None for quote in quotes.list_quotes(desktop)}
        assert texts[added.text] == id_of(desktop, "person", survivor_uid)
    assert converged(team, first, second)


def test_record_conflict_is_listed_and_resolved(desktops: tuple[Archive, Archive]) -> None:
    _first, second = desktops
    uid = uid_of(second, "person", 1)
    mine = {"name": "سالم الهاشمي", "title": "أ"}
    conflict_id = record_conflict(second, "person", uid, mine, {"name": "سالم الهاشمي", "title": "ب"}, 3)
    assert record_conflict(second, "person", uid, mine, {"name": "سالم الهاشمي", "title": "ج"}, 4) == conflict_id
    [conflict] = open_conflicts(second)
    assert (conflict.id, conflict.label, conflict.differing) == (conflict_id, "سالم الهاشمي", ("title",))
    assert conflict.theirs is not None and conflict.theirs["title"] == "ج"
    resolve_conflict(second, conflict_id, "mine")
    assert open_conflicts(second) == [] and sync_status(second).pending_changes == 1


def test_a_merge_made_long_before_the_sync_still_moves_new_quotes_to_the_survivor(
        desktops: tuple[Archive, Archive], team: Team) -> None:
    first, second = desktops
    duplicate = people.create_person(first, PersonInput(name="سالم بن سعيد الهاشمي"))
    other = people.create_person(first, PersonInput(name="ليلى المعمري"))
    team.sync(first)
    team.sync(second)
    speaker_there = same_record(first, "person", duplicate.id, second)
    people.merge_people(first, 1, [duplicate.id])
    for number in range(KEPT_EDITS + 1):  # the merge's undo rows are forgotten by now
        people.update_person(first, other.id, PersonInput(name="ليلى المعمري", notes=f"ملاحظة {number}"))
    added = quotes.create_quote(second, QuoteInput(text="نطلق اليوم منصة البيانات المفتوحة",
                                                   speaker_id=speaker_there))
    team.sync(second)
    assert team.sync(first).conflicts == 0
    team.sync(second)
    for desktop in (first, second):
        speakers = {quote.text: quote.speaker.id if quote.speaker else None for quote in quotes.list_quotes(desktop)}
        assert speakers[added.text] == same_record(first, "person", 1, desktop)
    assert converged(team, first, second)
