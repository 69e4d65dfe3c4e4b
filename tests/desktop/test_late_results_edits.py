"""Saved edits, imports and searches whose widget is deleted before their result arrives (issue 13).

The change itself is kept and every other screen hears of it (``sig_changes``); only the deleted
dialog or panel is not called back. A panel that is gone no longer reads after each import.

Real archive, real worker threads and a real search process: the db lane is held by a task waiting
on a gate (``test_late_results.hold_db_lane``), so the widget is deleted while its work is queued.
"""

from __future__ import annotations

import logging
import os

import pytest
import shiboken6
from PySide6.QtWidgets import QWidget

from archive.errors import MuntadaError
from archive.services import people
from archive.services.changes import Changes
from archive.services.records import PersonInput
from tests.desktop.test_late_results import hold_db_lane, let_finish, threaded  # noqa: F401 (a fixture)


def _heard(space) -> list[Changes]:
    heard: list[Changes] = []
    space.sig_changes.connect(heard.append)
    return heard


def test_an_editor_closed_while_its_save_is_queued_is_not_called_and_the_change_is_passed_on(
        qtbot, threaded) -> None:  # noqa: F811
    from desktop.gui.editors import EditorDialog, load_editor

    space, filled = threaded
    heard = _heard(space)
    current, choices = load_editor(filled.archive, "person", filled.speaker_id)
    dialog = EditorDialog(space, "person", filled.speaker_id, current, choices)
    dialog.widgets["title"].setText("وزير الإعلام والاتصال")
    gate = hold_db_lane(space)
    dialog.save()
    shiboken6.delete(dialog)  # closed (or its window rebuilt) while the save waits for the disk
    let_finish(qtbot, space, gate)
    assert dialog.saved_record is None  # its _saved was not called
    assert people.get_person(filled.archive, filled.speaker_id).title == "وزير الإعلام والاتصال"
    assert any(filled.speaker_id in changes.ids("person") for changes in heard)


def test_a_review_closed_while_its_choices_are_saved_is_not_called_and_the_quotes_are_kept(
        qtbot, threaded) -> None:  # noqa: F811
    from archive.importing import service as importing
    from desktop.gui.review import ReviewDialog, load_review
    from tests.desktop.conftest import OWN_ARTICLES

    article = OWN_ARTICLES / "ona-oman-media-forum-third.txt"
    if not article.exists():
        pytest.skip(f"our own annotated article is missing: {article}")
    space, filled = threaded
    heard = _heard(space)
    [result] = importing.import_files(filled.archive, [article])
    dialog = ReviewDialog(space, load_review(filled.archive, result.source_id))
    gate = hold_db_lane(space)
    dialog.save()
    shiboken6.delete(dialog)
    let_finish(qtbot, space, gate)
    assert dialog.accepted_records is None  # its _saved was not called
    assert result.source_id not in {review.source_id for review in importing.pending_reviews(filled.archive)}
    assert any(changes.made_or_removed("quote") for changes in heard)


def test_a_change_whose_owner_is_deleted_passes_on_its_changes_but_calls_nobody_back(qtbot, threaded) -> None:  # noqa: F811
    space, _filled = threaded
    heard = _heard(space)
    owner = QWidget()
    done: list[object] = []
    gate = hold_db_lane(space)
    space.perform(lambda archive: people.create_person(archive, PersonInput(name="منى الحارثي")), done.append,
                  owner=owner)
    shiboken6.delete(owner)
    let_finish(qtbot, space, gate)
    assert done == []
    assert any(changes.made_or_removed("person") for changes in heard)
    assert space.undo_stack.can_undo()  # the step is the archive's like any other


def test_a_change_that_fails_after_its_dialog_closed_is_logged_not_shown(qtbot, threaded, caplog) -> None:  # noqa: F811
    space, _filled = threaded
    owner = QWidget()
    errors: list[BaseException] = []

    def fail(_archive):
        raise MuntadaError("The record was changed meanwhile.")

    gate = hold_db_lane(space)
    space.change("person", fail, None, errors.append, owner=owner)
    shiboken6.delete(owner)
    with caplog.at_level(logging.ERROR, logger="desktop.gui.workspace"):
        let_finish(qtbot, space, gate)
    assert errors == []  # no dialog left to show it in (the fixture checks no error dialog opened either)
    assert "failed after its window closed" in caplog.text


def test_a_change_whose_owner_lives_gets_its_result_and_its_error(qtbot, threaded) -> None:  # noqa: F811
    space, _filled = threaded
    owner = QWidget()
    qtbot.addWidget(owner)
    done: list[object] = []
    errors: list[BaseException] = []
    space.perform(lambda archive: people.create_person(archive, PersonInput(name="منى الحارثي")), done.append,
                  owner=owner)

    def fail(_archive):
        raise MuntadaError("The record was changed meanwhile.")

    space.perform(fail, done.append, errors.append, owner=owner)
    qtbot.waitUntil(lambda: len(done) == 1 and len(errors) == 1, timeout=30_000)
    assert done[0].name == "منى الحارثي"


def test_an_import_panel_closed_during_an_import_is_not_called_and_the_article_is_kept(qtbot, threaded) -> None:  # noqa: F811
    from archive.services import sources
    from desktop.gui.import_panel import ImportPanel

    space, filled = threaded
    heard = _heard(space)
    panel = ImportPanel(space)
    imported: list[object] = []
    panel.sig_imported.connect(imported.append)
    let_finish(qtbot, space, hold_db_lane(space))  # its first read of pending reviews
    before = len(sources.list_sources(filled.archive))
    gate = hold_db_lane(space)
    panel.import_text("قال وزير الإعلام إن التحول الرقمي أولوية للاتصال الحكومي.", "مقال ملصوق")
    shiboken6.delete(panel)
    let_finish(qtbot, space, gate)
    assert imported == []
    assert len(sources.list_sources(filled.archive)) == before + 1
    assert any(changes.made_or_removed("source") for changes in heard)


def test_a_deleted_import_panel_no_longer_reads_after_each_import(qtbot, threaded) -> None:  # noqa: F811
    from desktop.gui.import_panel import ImportPanel

    space, _filled = threaded
    panel = ImportPanel(space)
    let_finish(qtbot, space, hold_db_lane(space))  # its first read of pending reviews
    an_import = Changes(created={"source": frozenset({999})})
    space.sig_changes.emit(an_import)
    assert space.tasks.busy  # a live panel reads its pending reviews again
    let_finish(qtbot, space, hold_db_lane(space))
    shiboken6.delete(panel)  # the window rebuilt for a change of language
    space.sig_changes.emit(an_import)
    assert not space.tasks.busy  # nothing left of it reads
    assert space.receivers("2sig_changes(PyObject)") == 0


def test_a_result_from_the_process_is_dropped_once_its_owner_is_deleted(qtbot, threaded) -> None:  # noqa: F811
    space, _filled = threaded
    owner = QWidget()
    answers: list[int] = []
    space.tasks.run_in_process(os.getpid, (), answers.append, owner=owner)
    shiboken6.delete(owner)
    qtbot.waitUntil(lambda: not space.tasks.busy, timeout=60_000)
    qtbot.wait(100)
    alive = QWidget()
    qtbot.addWidget(alive)
    space.tasks.run_in_process(os.getpid, (), answers.append, owner=alive)
    qtbot.waitUntil(lambda: bool(answers), timeout=60_000)
    assert len(answers) == 1 and answers[0] != os.getpid()  # only the living owner's, from the process


@pytest.fixture
def searching(qtbot, threaded):  # noqa: F811
    """The threaded workspace with its index open in the real search process."""
    space, filled = threaded
    space.open_search_index()
    qtbot.waitUntil(lambda: space.search_state == "ready", timeout=90_000)
    return space, filled


def test_a_search_panel_deleted_while_it_searches_gets_no_results(qtbot, searching) -> None:
    from desktop.gui.search_panel import SearchPanel

    space, _filled = searching
    panel = SearchPanel(space)
    panel.box.setText("الهاشمي")
    panel.run_search()
    shiboken6.delete(panel)  # the window rebuilt while the search process works
    qtbot.waitUntil(lambda: not space.tasks.busy, timeout=60_000)
    qtbot.wait(100)
    assert panel._shown_generation == 0  # _show was never called
    answers: list[object] = []
    space.search("الهاشمي", None, 10, answers.append)  # the process still answers the next one
    qtbot.waitUntil(lambda: bool(answers), timeout=60_000)
    assert answers[0].hits


@pytest.mark.crash
def test_a_search_process_that_dies_after_its_panel_closed_is_still_started_again(qtbot, searching) -> None:
    """The panel is gone, but the workspace still hears that the process died and opens the index anew."""
    import signal
    import time

    from desktop.gui.search_panel import SearchPanel

    space, _filled = searching
    pids: list[int] = []
    space.tasks.run_in_process(os.getpid, (), pids.append)
    qtbot.waitUntil(lambda: bool(pids), timeout=60_000)
    states: list[str] = []
    space.sig_search_state.connect(states.append)
    space.tasks.run_in_process(time.sleep, (30,))  # the process busy: the search waits behind it
    panel = SearchPanel(space)
    panel.box.setText("الهاشمي")
    panel.run_search()
    shiboken6.delete(panel)
    os.kill(pids[0], getattr(signal, "SIGKILL", signal.SIGTERM))  # the process dies (out of memory, killed)
    qtbot.waitUntil(lambda: states[-2:] == ["opening", "ready"], timeout=90_000)
    assert panel._shown_generation == 0
    answers: list[object] = []
    space.search("الهاشمي", None, 10, answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=60_000)
    assert answers[0].hits
