"""What a step changed, as the lists need it: the records whose counts it moved, and their rows read again."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from archive.db.engine import open_archive
from archive.services import history, organisations, people, quotes, sessions, steps
from archive.services.list_rows import rows_after
from archive.services.records import QuoteInput
from tests.conftest import BuiltArchives
from tests.desktop.conftest import Filled, fill_archive


@pytest.fixture
def filled(built_archives: BuiltArchives, tmp_path: Path):
    """A copy of the archive ``fill_archive`` writes (filled once per run), open."""
    path, made = built_archives.copy(fill_archive, tmp_path / "archive.sqlite", officer="ضابط")
    archive = open_archive(path, officer="ضابط")
    yield replace(made, archive=archive)
    archive.close()


def step(filled: Filled, work):  # type: ignore[no-untyped-def]
    since = steps.last_step_id(filled.archive)
    work(filled.archive)
    return steps.changes_since(filled.archive, since)[0]


def test_a_quote_moved_to_another_speaker_relinks_both_people(filled: Filled) -> None:
    data = history.current_input(filled.archive, "quote", filled.quote_id)
    changes = step(filled, lambda a: history.update(a, "quote", filled.quote_id,
                                                    replace(data, speaker_id=filled.duplicate_id)))
    assert changes.relinked == {"person": {filled.speaker_id, filled.duplicate_id}}
    rows = rows_after(filled.archive, changes)
    assert rows is not None
    shown = rows.records["person"]
    assert (shown[filled.speaker_id].quote_count, shown[filled.duplicate_id].quote_count) == (0, 1)


def test_a_quote_edited_in_its_text_relinks_nothing(filled: Filled) -> None:
    data = history.current_input(filled.archive, "quote", filled.quote_id)
    changes = step(filled, lambda a: history.update(a, "quote", filled.quote_id, replace(data, verified=True)))
    assert changes.relinked == {}
    assert not rows_after(filled.archive, changes)


def test_a_new_quote_relinks_every_record_it_counts_in(filled: Filled) -> None:
    changes = step(filled, lambda a: quotes.create_quote(a, QuoteInput(
        text="قول جديد", speaker_id=filled.duplicate_id, event_id=filled.event_id, session_id=filled.session_id,
        source_id=filled.source_id, organisation_id=filled.ministry_id)))
    assert changes.relinked == {"person": {filled.duplicate_id}, "event": {filled.event_id},
                                "session": {filled.session_id}, "source": {filled.source_id},
                                "organisation": {filled.ministry_id}}


def test_rows_read_again_are_the_lists_own_rows(filled: Filled) -> None:
    changes = step(filled, lambda a: organisations.update_organisation(a, filled.ministry_id, replace(
        history.current_input(a, "organisation", filled.ministry_id), name="وزارة الإعلام والاتصال")))
    rows = rows_after(filled.archive, changes)
    assert rows is not None
    listed = {person.id: person for person in people.list_people(filled.archive)}
    assert rows.records["person"] == {filled.speaker_id: listed[filled.speaker_id]}  # shows the organisation
    assert rows.records["organisation"] == {organisation.id: organisation for organisation in
                                            organisations.list_organisations(filled.archive)}
    changes = step(filled, lambda a: people.delete_person(a, filled.speaker_id))
    rows = rows_after(filled.archive, changes)
    assert rows is not None and rows.removed["person"] == {filled.speaker_id}
    assert rows.records["source"] == {}  # its quote lost its speaker, not its source: no count moved
    listed_sessions = {session.id: session for session in sessions.list_sessions(filled.archive)}
    assert rows.records["session"] == listed_sessions  # the session lost its moderator


def test_a_step_larger_than_the_limit_gives_none(filled: Filled) -> None:
    changes = step(filled, lambda a: people.delete_person(a, filled.duplicate_id))
    assert rows_after(filled.archive, changes, limit=0) is None
