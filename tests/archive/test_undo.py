"""Undo and redo in the domain, on a real archive file: every kind of edit comes back row for row.

Each scenario makes one user step through the services (create, update, delete with cascades,
merge, import, accept an import); the archive's rows are compared whole (every captured table,
every column, ``updated_at`` included) before the step, after it, after undo and after redo.
``tests/desktop/test_undo_everywhere.py`` runs the same scenarios through the app and the
command line.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from archive.db.engine import Archive, open_archive
from archive.importing.service import accept_proposals, import_files, pending_reviews
from archive.services import events, outbox, people, quotes, statistics, steps, undo
from archive.services.records import PersonInput
from archive.services.row_capture import captured_tables
from tests.conftest import BuiltArchives
from tests.desktop.conftest import ARTICLE, Filled, fill_archive

Snapshot = dict[str, list[tuple[object, ...]]]


def snapshot(path: Path) -> Snapshot:
    """Every row of every table a step can change, read straight from the file."""
    with sqlite3.connect(path) as connection:
        return {name: sorted(connection.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
                for name in captured_tables()}


def write_article(folder: Path) -> Path:
    path = folder / "forum-day-two.txt"
    path.write_text(ARTICLE.replace("الثانية", "الثالثة"), encoding="utf-8")
    return path


@dataclass(frozen=True)
class Scenario:
    """One user step: ``prepare`` runs first (its own steps), ``edit`` is the step undone and redone."""

    name: str
    edit: Callable[[Filled, Path], object]
    prepare: Callable[[Filled, Path], object] = lambda filled, folder: None


def _rename(filled: Filled, _folder: Path) -> object:
    return people.update_person(filled.archive, filled.speaker_id, PersonInput(
        name="سالم بن ناصر بن علي الهاشمي", honorific="معالي", title="وزير الإعلام والاتصال",
        aliases=("سالم الهاشمي",)))


def _import(filled: Filled, folder: Path) -> object:
    return import_files(filled.archive, [write_article(folder)])


def _accept(filled: Filled, _folder: Path) -> object:
    [review] = pending_reviews(filled.archive)
    return accept_proposals(filled.archive, review.source_id)


SCENARIOS = (
    Scenario("create", lambda f, _: people.create_person(f.archive, PersonInput(name="منى بنت خالد البلوشية"))),
    Scenario("update", _rename),
    Scenario("delete a speaker (quotes keep their place)", lambda f, _: people.delete_person(f.archive, f.speaker_id)),
    Scenario("delete an event with its sessions", lambda f, _: events.delete_event(f.archive, f.event_id)),
    Scenario("merge", lambda f, _: people.merge_people(f.archive, f.duplicate_id, [f.speaker_id])),
    Scenario("import an article", _import),
    Scenario("accept an import", _accept, prepare=_import),
)


@pytest.fixture
def filled(built_archives: BuiltArchives, tmp_path: Path):
    """A copy of the archive ``fill_archive`` writes (filled once per run), open."""
    path, made = built_archives.copy(fill_archive, tmp_path / "archive.sqlite", officer="ضابط الاختبار")
    archive = open_archive(path, officer="ضابط الاختبار")
    yield replace(made, archive=archive)
    archive.close()


def reopened(filled: Filled) -> Filled:
    """The same archive closed and opened again, as after a restart."""
    filled.archive.close()
    return Filled(open_archive(filled.archive.path, officer="ضابط آخر"), *_ids(filled))


def _ids(filled: Filled) -> tuple[int, ...]:
    return (filled.ministry_id, filled.speaker_id, filled.duplicate_id, filled.series_id, filled.event_id,
            filled.earlier_event_id, filled.session_id, filled.source_id, filled.quote_id, filled.statistic_id)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda scenario: scenario.name)
def test_a_step_is_undone_and_redone_row_for_row_also_after_a_restart(filled: Filled, tmp_path: Path,
                                                                       scenario: Scenario) -> None:
    scenario.prepare(filled, tmp_path)
    before = snapshot(filled.archive.path)
    scenario.edit(filled, tmp_path)
    after = snapshot(filled.archive.path)
    assert after != before

    filled = reopened(filled)
    outcome = undo.undo(filled.archive)
    assert snapshot(filled.archive.path) == before
    assert outcome.changes  # it says what it changed

    filled = reopened(filled)
    undo.redo(filled.archive)
    assert snapshot(filled.archive.path) == after
    undo.undo(filled.archive)
    assert snapshot(filled.archive.path) == before
    filled.archive.close()


def test_a_deleted_speaker_comes_back_with_the_same_id_and_their_quotes(filled: Filled) -> None:
    archive = filled.archive
    people.delete_person(archive, filled.speaker_id)
    assert quotes.get_quote(archive, filled.quote_id).speaker is None

    outcome = undo.undo(archive)

    assert people.get_person(archive, filled.speaker_id).name == "سالم بن ناصر الهاشمي"
    assert quotes.get_quote(archive, filled.quote_id).speaker.id == filled.speaker_id
    assert outcome.changes.created["person"] == {filled.speaker_id}
    assert filled.quote_id in outcome.changes.updated["quote"]
    assert outcome.step.label() and outcome.step.action == "delete"


def test_the_change_result_names_what_each_step_changed(filled: Filled) -> None:
    archive = filled.archive
    since = steps.last_step_id(archive)
    created = people.create_person(archive, PersonInput(name="منى البلوشية", aliases=("منى بنت خالد",)))
    events.delete_event(archive, filled.event_id)
    changes, latest = steps.changes_since(archive, since)

    assert changes.created["person"] == {created.id}
    assert changes.deleted["event"] == {filled.event_id}
    assert changes.deleted["session"] == {filled.session_id}
    assert filled.quote_id in changes.updated["quote"]  # lost its event and session
    assert filled.source_id in changes.updated["source"]  # lost its link to the event
    assert "person_alias" in changes.tables
    assert latest == steps.last_step_id(archive)
    assert steps.changes_since(archive, latest)[0].kinds == frozenset()


def test_undo_and_redo_are_in_the_audit_trail_and_the_search_outbox(filled: Filled) -> None:
    archive = filled.archive
    _rename(filled, Path())
    outbox.acknowledge(archive, [item.id for item in outbox.pending(archive)])

    undo.undo(archive)

    pending = {(item.record_kind, item.record_id, item.op) for item in outbox.pending(archive)}
    assert ("person", filled.speaker_id, "upsert") in pending
    assert ("quote", filled.quote_id, "upsert") in pending  # shows the speaker's name
    entries = archive_history(archive, filled.speaker_id)
    assert [entry.action for entry in entries][-2:] == ["update", "undo"]
    assert entries[-1].after == entries[-2].before and entries[-1].before == entries[-2].after
    undo.redo(archive)
    assert archive_history(archive, filled.speaker_id)[-1].action == "redo"


def test_an_undo_is_a_change_the_next_sync_sends(filled: Filled) -> None:
    """Sync's outbox is bookkeeping like the search outbox: an undo adds to it and never takes from it."""
    archive = filled.archive
    with sqlite3.connect(archive.path) as connection:
        uid = connection.execute("SELECT uid FROM person WHERE id = ?", (filled.speaker_id,)).fetchone()[0]
    _rename(filled, Path())
    with sqlite3.connect(archive.path) as connection:
        connection.execute("DELETE FROM sync_outbox")  # as a sync that sent the rename leaves it

    undo.undo(archive)

    with sqlite3.connect(archive.path) as connection:
        waiting = connection.execute("SELECT table_name, uid FROM sync_outbox").fetchall()
    assert ("person", uid) in waiting


def archive_history(archive: Archive, person_id: int):  # type: ignore[no-untyped-def]
    from archive.services.audit import record_history

    return record_history(archive, "person", person_id)


def test_the_redo_path_is_cleared_by_a_new_edit_and_nothing_left_is_said(filled: Filled) -> None:
    archive = filled.archive
    created = people.create_person(archive, PersonInput(name="منى البلوشية"))
    undo.undo(archive)
    assert undo.next_redo(archive) is not None
    people.create_person(archive, PersonInput(name="خالد البلوشي"))

    with pytest.raises(undo.NothingToUndoError, match="nothing to redo"):
        undo.redo(archive)
    assert created.name not in {person.name for person in people.list_people(archive)}


def test_nothing_to_undo_in_a_new_archive(tmp_path: Path) -> None:
    archive = open_archive(tmp_path / "empty.sqlite")
    with pytest.raises(undo.NothingToUndoError, match="nothing to undo"):
        undo.undo(archive)
    with pytest.raises(undo.NothingToUndoError):
        undo.redo(archive)
    archive.close()


def test_steps_undo_newest_first_and_redo_in_the_order_undone(filled: Filled) -> None:
    archive = filled.archive
    first = people.create_person(archive, PersonInput(name="منى البلوشية"))
    second = people.create_person(archive, PersonInput(name="خالد البلوشي"))
    assert undo.undo(archive).step.record_id == second.id
    assert undo.undo(archive).step.record_id == first.id
    assert undo.redo(archive).step.record_id == first.id
    assert undo.redo(archive).step.record_id == second.id
    assert {first.id, second.id} <= {person.id for person in people.list_people(archive)}


def test_a_row_changed_outside_the_steps_refuses_the_undo_and_changes_nothing(filled: Filled) -> None:
    archive = filled.archive
    _rename(filled, Path())
    with sqlite3.connect(archive.path) as connection:  # e.g. an older Muntada, or a hand edit
        connection.execute("UPDATE person SET title = 'مستشار' WHERE id = ?", (filled.speaker_id,))
    before = snapshot(archive.path)

    with pytest.raises(undo.UndoRefusedError, match="was changed since"):
        undo.undo(archive)
    assert snapshot(archive.path) == before
    assert undo.next_undo(archive).record_id == filled.speaker_id  # still on the stack


def test_an_undo_that_would_change_a_record_added_outside_the_steps_is_refused(filled: Filled) -> None:
    archive = filled.archive
    person = people.create_person(archive, PersonInput(name="منى البلوشية"))
    with sqlite3.connect(archive.path) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("UPDATE quote SET speaker_id = ? WHERE id = ?", (person.id, filled.quote_id))
    before = snapshot(archive.path)

    with pytest.raises(undo.UndoRefusedError, match="would also change"):
        undo.undo(archive)
    assert snapshot(archive.path) == before


def test_a_figure_comes_back_to_the_last_bit(filled: Filled) -> None:
    archive = filled.archive
    value = 0.1 + 0.2  # 0.30000000000000004: SQLite's JSON would keep 0.3
    with sqlite3.connect(archive.path) as connection:
        connection.execute("UPDATE statistic SET value = ? WHERE id = ?", (value, filled.statistic_id))
    statistics.delete_statistic(archive, filled.statistic_id)
    undo.undo(archive)
    with sqlite3.connect(archive.path) as connection:
        [(stored,)] = connection.execute("SELECT value FROM statistic WHERE id = ?", (filled.statistic_id,))
    assert stored == value


def test_only_the_latest_steps_keep_their_rows(filled: Filled, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = filled.archive
    monkeypatch.setattr(steps, "KEPT_EDITS", 3)
    made = [people.create_person(archive, PersonInput(name=f"شخص رقم {number}")) for number in range(5)]
    for _ in range(3):
        undo.undo(archive)  # made[4], made[3], made[2]
    with pytest.raises(undo.UndoRefusedError, match="too old"):
        undo.undo(archive)
    assert {person.id for person in made[:2]} <= {person.id for person in people.list_people(archive)}


def test_a_write_that_changes_nothing_is_no_step(filled: Filled, tmp_path: Path) -> None:
    archive = filled.archive
    path = write_article(tmp_path)
    import_files(archive, [path])
    latest = steps.last_step_id(archive)
    [again] = import_files(archive, [path])
    assert again.duplicate
    assert steps.last_step_id(archive) == latest


def test_the_recent_steps_are_labelled_and_marked(filled: Filled) -> None:
    archive = filled.archive
    _rename(filled, Path())
    people.delete_person(archive, filled.duplicate_id)
    undo.undo(archive)
    recent = steps.recent_steps(archive, 3)
    assert [step.kind for step in recent] == ["undo", "edit", "edit"]
    assert recent[1].redoable and not recent[1].undoable
    assert recent[2].undoable and recent[2].record_name == "سالم بن ناصر بن علي الهاشمي"
    assert recent[0].history_label().endswith(recent[1].label())


def test_a_unit_of_no_step_is_not_on_the_undo_stack(filled: Filled) -> None:
    from archive.services.unit import write_unit

    archive = filled.archive
    latest = steps.last_step_id(archive)
    with write_unit(archive, step_kind=None) as unit:  # as the sample archive is built
        people.create_person(unit, PersonInput(name="منى البلوشية"))
    assert steps.last_step_id(archive) == latest
    with sqlite3.connect(archive.path) as connection:
        assert connection.execute("SELECT count(*) FROM row_change WHERE operation_id = 0").fetchone() == (0,)
    assert undo.next_undo(archive).record_id == filled.statistic_id + 1  # the last step before it


def test_a_step_caught_before_an_upgrade_added_columns_still_undoes(filled: Filled) -> None:
    archive = filled.archive
    _rename(filled, Path())
    people.delete_person(archive, filled.duplicate_id)
    with sqlite3.connect(archive.path) as connection:  # as if "notes" had come with a later schema
        connection.execute("UPDATE row_change SET before = json_remove(before, '$.notes'), "
                           "after = json_remove(after, '$.notes') WHERE table_name = 'person'")
    undo.undo(archive)
    assert people.get_person(archive, filled.duplicate_id).notes is None
    undo.undo(archive)
    assert people.get_person(archive, filled.speaker_id).name == "سالم بن ناصر الهاشمي"
