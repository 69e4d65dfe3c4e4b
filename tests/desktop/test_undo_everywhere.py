"""Undo and redo of every kind of step, the same from the app and from the command line, also after a restart.

The scenarios are ``tests/archive/test_undo.py``'s (create, update, delete with cascades, merge,
import, accept an import). Each is made, the front end restarted (a new window on the archive
opened again; the command line is a new run each time), undone, restarted again and redone; the archive's
rows must be exactly as before the step after the undo, and as after it after the redo. The app
also shows the step's label in its Edit menu before and after the restart, and its lists follow.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from archive.db.engine import open_archive
from archive.services import people, steps
from desktop.cli import main
from tests.archive.test_undo import SCENARIOS, Scenario, snapshot
from tests.desktop.conftest import Filled

REPO = Path(__file__).resolve().parents[2]


class AppFrontEnd:
    """The app as the officer uses it: edits through the workspace, Ctrl+Z / Ctrl+Y, a restart."""

    def __init__(self, qtbot, window, filled: Filled) -> None:
        self.qtbot, self.window, self.filled = qtbot, window, filled
        self.opened: list = []

    def make(self, scenario: Scenario, folder: Path) -> None:
        self.window.workspace.perform(lambda archive: scenario.edit(self.filled, folder))

    def undo(self) -> None:
        label = steps.recent_steps(self.filled.archive, 1)[0].label()
        assert self.window.undo_action.isEnabled() and label in self.window.undo_action.text()
        self.window.undo_action.trigger()
        self.check_lists()

    def redo(self) -> None:
        assert self.window.redo_action.isEnabled()
        self.window.redo_action.trigger()
        self.check_lists()

    def restart(self) -> None:
        """Close the window and the archive; open both again (the Edit menu reads the archive)."""
        from archive.settings import Settings
        from desktop.gui.main_window import MainWindow
        from desktop.gui.tasks import TaskRunner
        from desktop.gui.workspace import Workspace

        path = self.filled.archive.path
        self.window.close()
        self.window.workspace.close()
        archive = open_archive(path, officer="ضابط الاختبار")
        self.filled = replace(self.filled, archive=archive)
        workspace = Workspace(archive, Settings(officer_name="ضابط الاختبار"), TaskRunner(synchronous=True))
        self.window = MainWindow(workspace)
        self.qtbot.addWidget(self.window)
        self.window.show()
        self.window.start_loading()
        self.opened.append(workspace)

    def check_lists(self) -> None:
        shown = self.window.browse.people.model.rowCount()
        assert shown == len(people.list_people(self.filled.archive))

    def close(self) -> None:
        for workspace in self.opened:
            workspace.close()


class CommandLine:
    """``muntada undo`` / ``muntada redo``: each run opens the archive anew (a restart every time)."""

    def __init__(self, filled: Filled, capsys) -> None:
        self.filled, self.capsys = filled, capsys

    def make(self, scenario: Scenario, folder: Path) -> None:
        scenario.edit(self.filled, folder)

    def run(self, command: str) -> str:
        name = steps.recent_steps(self.filled.archive, 1)[0].record_name if command == "undo" else None
        code = main(["--lang", "en", "--archive", str(self.filled.archive.path), command])
        out, err = self.capsys.readouterr()
        assert code == 0 and err == "", err
        assert out.startswith("Undone: " if command == "undo" else "Redone: ")
        assert name is None or name in out
        return out

    def undo(self) -> None:
        self.run("undo")

    def redo(self) -> None:
        self.run("redo")

    def restart(self) -> None:
        pass

    def close(self) -> None:
        pass


@pytest.fixture(params=["app", "command line"])
def front_end(request, filled: Filled) -> Iterator[AppFrontEnd | CommandLine]:
    if request.param == "app":
        opened = AppFrontEnd(request.getfixturevalue("qtbot"), request.getfixturevalue("window"), filled)
    else:
        opened = CommandLine(filled, request.getfixturevalue("capsys"))
    yield opened
    opened.close()


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda scenario: scenario.name)
def test_every_kind_of_step_is_undone_and_redone_after_a_restart(front_end, filled: Filled, tmp_path: Path,
                                                                 scenario: Scenario) -> None:
    scenario.prepare(filled, tmp_path)
    before = snapshot(filled.archive.path)
    front_end.make(scenario, tmp_path)
    after = snapshot(filled.archive.path)
    assert after != before

    front_end.restart()  # the step is undone by the front end opened again, as after closing it
    front_end.undo()
    assert snapshot(filled.archive.path) == before
    front_end.restart()
    front_end.redo()
    assert snapshot(filled.archive.path) == after


def test_the_app_sees_an_undo_made_by_the_command_line(qtbot, window, filled: Filled, capsys) -> None:
    from archive.services.records import PersonInput

    window.workspace.perform(lambda archive: people.create_person(archive, PersonInput(name="منى البلوشية")))
    assert window.browse.people.model.rowCount() == 3
    assert main(["--archive", str(filled.archive.path), "undo"]) == 0
    window.workspace.catch_up()  # what the app does when it is active again
    assert window.browse.people.model.rowCount() == 2
    assert window.redo_action.isEnabled() and "منى البلوشية" in window.redo_action.text()


def test_history_recent_marks_what_can_be_undone_and_redone(filled: Filled, capsys) -> None:
    people.update_person(filled.archive, filled.duplicate_id, person_input(name="سالم علي الهاشمي"))
    people.delete_person(filled.archive, filled.duplicate_id)
    main(["--archive", str(filled.archive.path), "undo"])
    capsys.readouterr()
    code = main(["--lang", "en", "--archive", str(filled.archive.path), "history", "--recent", "--limit", "3"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 0
    assert "Undo: Delete Person “سالم علي الهاشمي”" in lines[0] and lines[0].startswith(" ")
    assert lines[1].startswith("+ ") and "Delete Person" in lines[1] and f"Person {filled.duplicate_id}" in lines[1]
    assert lines[2].startswith("* ") and "Edit Person “سالم علي الهاشمي”" in lines[2]
    assert "redo would redo: Delete Person" in lines[-1]


def person_input(**changes: str):  # type: ignore[no-untyped-def]
    from archive.services.records import PersonInput

    return PersonInput(**{"name": "سالم الهاشمي", "title": "وزير", **changes})


def test_nothing_to_undo_is_one_line_and_exit_code_1(tmp_path: Path, capsys) -> None:
    path = tmp_path / "new.sqlite"
    main(["--archive", str(path), "init"])
    capsys.readouterr()
    assert main(["--lang", "en", "--archive", str(path), "undo"]) == 1
    assert capsys.readouterr().err == "There is nothing to undo.\n"
    assert main(["--archive", str(path), "redo"]) == 1
    assert capsys.readouterr().err == "لا يوجد ما يمكن إعادته.\n"


def test_undo_and_redo_in_new_processes(filled: Filled, tmp_path: Path) -> None:
    people.delete_person(filled.archive, filled.speaker_id)
    after = snapshot(filled.archive.path)
    filled.archive.close()
    command = [sys.executable, "-m", "desktop.cli", "--lang", "en", "--archive", str(filled.archive.path)]
    environment = {**os.environ, "MUNTADA_HOME": str(tmp_path / "home")}
    undone = subprocess.run([*command, "undo"], capture_output=True, text=True, cwd=REPO, env=environment,
                            timeout=120, check=False)
    assert undone.returncode == 0 and undone.stdout.startswith("Undone: Delete Person"), undone.stderr
    archive = open_archive(filled.archive.path)
    assert people.get_person(archive, filled.speaker_id).name == "سالم بن ناصر الهاشمي"
    archive.close()
    redone = subprocess.run([*command, "redo"], capture_output=True, text=True, cwd=REPO, env=environment,
                            timeout=120, check=False)
    assert redone.returncode == 0, redone.stderr
    assert snapshot(filled.archive.path) == after
