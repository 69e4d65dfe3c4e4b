"""A process killed (kill -9) in the middle of edits, undos and redos leaves an undo stack that still works.

A child process edits, undoes and redoes in a loop on a real archive file; it is killed at a
random moment, several times over. Afterwards the archive is sound, no caught row is left
without its step, and undoing every step there is brings the archive back, row for row, to what
it was before the first step (an empty archive): each step and its caught rows were committed
together or not at all.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from archive.db.engine import open_archive
from archive.services import undo
from tests.archive.test_undo import snapshot
from tests.desktop.conftest import fill_archive

REPO = Path(__file__).resolve().parents[2]
KILLS = 4
CHILD = """
import random, sys
from archive.db.engine import open_archive
from archive.errors import MuntadaError
from archive.services import people, undo
from archive.services.records import PersonInput

archive = open_archive(sys.argv[1], officer="child")
rng = random.Random(int(sys.argv[2]))
print("ready", flush=True)
for number in range(int(sys.argv[3])):
    choice = rng.random()
    try:
        if choice < 0.5:
            people.create_person(archive, PersonInput(name=f"شخص رقم {number}", title="مدير"))
        elif choice < 0.7:
            made = people.list_people(archive)
            people.update_person(archive, made[-1].id, PersonInput(name=made[-1].name, title=f"مدير {number}"))
        elif choice < 0.85:
            undo.undo(archive)
        else:
            undo.redo(archive)
    except MuntadaError:
        pass  # nothing to undo or redo: the loop goes on
"""


def _one_whole_run(tmp_path: Path, environment: dict[str, str]) -> float:
    """How long the child's edits take on this machine, from "ready" to its end, on a copy of its archive."""
    path = tmp_path / "timing.sqlite"
    open_archive(path, officer="ضابط الاختبار").close()
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(path), "0", "12"],
                             stdout=subprocess.PIPE, cwd=REPO, env=environment)
    assert child.stdout is not None and child.stdout.readline().strip() == b"ready"
    started = time.perf_counter()
    assert child.wait(timeout=60) == 0
    child.stdout.close()
    return time.perf_counter() - started


@pytest.mark.crash
def test_killed_while_editing_and_undoing_then_every_step_undoes_back_to_the_start(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite"
    archive = open_archive(path, officer="ضابط الاختبار")
    empty = snapshot(path)
    fill_archive(archive)
    archive.close()
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    full_run = _one_whole_run(tmp_path, environment)
    rng = random.Random(13)
    killed = 0
    for round_number in range(KILLS):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(path), str(round_number), "12"],
                                 stdout=subprocess.PIPE, cwd=REPO, env=environment)
        assert child.stdout is not None and child.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.1, 0.9) * full_run)  # within the time its edits take on this machine
        child.kill()  # SIGKILL on POSIX
        killed += child.wait(timeout=30) != 0
        child.stdout.close()
    assert killed, "no child was killed while working: the kills came too late"

    archive = open_archive(path)
    try:
        with archive.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert connection.exec_driver_sql("SELECT count(*) FROM row_change WHERE operation_id = 0").scalar() == 0
        for _ in range(200):
            try:
                undo.undo(archive)
            except undo.NothingToUndoError:
                break
        assert snapshot(path) == empty  # the filling's steps undone too: not a row left
    finally:
        archive.close()
