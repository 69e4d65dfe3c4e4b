"""How long the browse lists take to show an edit on a 100k-record archive, and how long the GUI thread stalls.

    python bench/refresh.py [--records 100000] [--rounds 5] [--typing-rounds 3]

1. Copies the archive of ``bench/edit_refresh.py`` (generated once, cached under the temp folder)
   and opens the main window offscreen with real background threads, as the app runs.
2. Edits, as an officer makes them: rename a person, add a quote, delete a source, undo (the
   deletion). For each: the time from the step's commit (on the db lane) to the lists showing it,
   and the longest gap of a 1 ms heartbeat timer on the GUI thread meanwhile (the longest stall).
   Each round does every edit twice, alternating: "row by row" (issue 13: ``list_rows.rows_after``
   and ``RecordTableModel.apply_changes``) and "whole reload" (the lists read again, as before:
   ``BrowsePanel.row_limit = 0`` makes every step "too large"), so the baseline is measured in
   the same run under the same load. Medians and their ratio are printed.
3. The garbage collector: an officer types into the people list's filter box (one key every
   90 ms) while an edit is made every second; the longest heartbeat gap and the collector's
   pauses, with the pages' objects frozen after each load (``gc.freeze()``, as
   ``desktop.gui.main_window`` does) and without, in alternating rounds.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

WORK = Path(tempfile.gettempdir()) / "muntada-bench-refresh"
TYPED = ("الهاشمي", "وزارة الاعلام", "سالم")
KEY_INTERVAL_MS = 90
EDIT_INTERVAL_MS = 1000
TIMEOUT_S = 120


class Heartbeat:
    """A 1 ms timer on the GUI thread; ``longest()`` is the longest gap between its ticks since ``reset``."""

    def __init__(self) -> None:
        from PySide6.QtCore import QElapsedTimer, Qt, QTimer

        self.clock = QElapsedTimer()
        self.clock.start()
        self.last = self.clock.elapsed()
        self.gaps: list[int] = []
        self.timer = QTimer(interval=1, timerType=Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._beat)
        self.timer.start()

    def _beat(self) -> None:
        now = self.clock.elapsed()
        self.gaps.append(now - self.last)
        self.last = now

    def reset(self) -> None:
        self.last = self.clock.elapsed()
        self.gaps.clear()

    def longest(self) -> int:
        return max(self.gaps, default=0)


class Collector:
    """Times every run of Python's cyclic garbage collector (gc.callbacks)."""

    def __init__(self) -> None:
        self.pauses: list[float] = []
        self._started = 0.0

    def __call__(self, phase: str, _info: dict) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.pauses.append((time.perf_counter() - self._started) * 1000)


def open_window(path: Path):  # type: ignore[no-untyped-def]
    from archive.db.engine import open_archive
    from archive.settings import Settings
    from desktop.gui.main_window import MainWindow
    from desktop.gui.tasks import TaskRunner
    from desktop.gui.workspace import Workspace

    workspace = Workspace(open_archive(path, officer="bench"), Settings(officer_name="bench"), TaskRunner())
    window = MainWindow(workspace)
    window.show()
    window.browse.reload()
    window.dashboard.reload()
    wait_until(lambda: window.browse.data is not None and window.dashboard.data is not None)
    return window


def wait_until(condition: Callable[[], bool]) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.perf_counter() + TIMEOUT_S
    while not condition():
        QApplication.processEvents()
        time.sleep(0.001)
        if time.perf_counter() > deadline:
            raise SystemExit("the window did not show the change in time")


def edits(window):  # type: ignore[no-untyped-def]
    """(name, work on the db lane) of each edit measured."""
    from archive.services import history, quotes, sources, undo
    from archive.services.records import QuoteInput

    next_source = [100]

    def rename(archive):  # type: ignore[no-untyped-def]
        data = history.current_input(archive, "person", 1)
        return history.update(archive, "person", 1, replace(data, name=f"سالم الهاشمي {time.monotonic_ns()}"))

    def add_quote(archive):  # type: ignore[no-untyped-def]
        return quotes.create_quote(archive, QuoteInput(text="نص قول جديد للقياس", speaker_id=2, event_id=1,
                                                       source_id=1))

    def delete_source(archive) -> None:  # type: ignore[no-untyped-def]
        next_source[0] += 1
        sources.delete_source(archive, next_source[0])

    return [("rename a person", rename), ("add a quote", add_quote), ("delete a source", delete_source),
            ("undo (the deletion)", undo.undo)]  # what the Edit menu's Undo runs on the db lane


def measure_edit(window, heartbeat: Heartbeat, work) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    """(ms from the step's commit to the lists showing it, longest GUI stall in ms) of one edit."""
    browse = window.browse
    committed: list[float] = []
    shown: list[float] = []

    def done() -> None:
        shown.append(time.perf_counter())

    browse.sig_rows_shown.connect(done)
    browse.sig_loaded.connect(done)
    heartbeat.reset()

    def timed(archive):  # type: ignore[no-untyped-def]
        result = work(archive)
        committed.append(time.perf_counter())
        return result

    window.workspace.perform(timed)
    wait_until(lambda: bool(shown))
    wait_until(lambda: not window.workspace.tasks.busy)  # the dashboard too, before the next edit
    browse.sig_rows_shown.disconnect(done)
    browse.sig_loaded.disconnect(done)
    return (shown[0] - committed[0]) * 1000, heartbeat.longest()


def measure_edits(window, rounds: int) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.browse import ROW_LIMIT

    heartbeat = Heartbeat()
    modes = {"row by row": ROW_LIMIT, "whole reload": 0}
    figures: dict[tuple[str, str], list[tuple[float, int]]] = {}
    for round_number in range(rounds):
        order = list(modes) if round_number % 2 == 0 else list(reversed(modes))
        for mode in order:
            window.browse.row_limit = modes[mode]
            for name, work in edits(window):
                figures.setdefault((name, mode), []).append(measure_edit(window, heartbeat, work))
    print(f"{'edit':22} {'mode':13} {'commit→shown (median)':>22} {'longest stall (median)':>23}")
    for name, _work in edits(window):
        medians = {}
        for mode in modes:
            values = figures[(name, mode)]
            medians[mode] = (statistics.median(v[0] for v in values), statistics.median(v[1] for v in values))
            print(f"{name:22} {mode:13} {medians[mode][0]:19.0f} ms {medians[mode][1]:20.0f} ms")
        after, before = medians["row by row"], medians["whole reload"]
        print(f"{'':22} {'ratio':13} {before[0] / max(after[0], 0.1):19.1f} x  {before[1] / max(after[1], 1):19.1f} x")


def measure_typing(window, rounds: int) -> None:  # type: ignore[no-untyped-def]
    """Typing in the people filter while an edit a second is made: stalls with the pages frozen and not."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest

    from desktop.gui.main_window import freeze_loaded_objects

    heartbeat, collector = Heartbeat(), Collector()
    gc.callbacks.append(collector)
    box = window.browse.people.filter_box
    named = dict(edits(window))
    results: dict[bool, list[tuple[int, float, float]]] = {True: [], False: []}
    pages = (window.browse, window.dashboard)
    for page in pages:  # connected by the main window; connected again below for the frozen rounds
        page.sig_loaded.disconnect(freeze_loaded_objects)
    for round_number in range(rounds * 2):
        frozen = round_number % 2 == 0
        gc.unfreeze()
        gc.collect()
        if frozen:
            for page in pages:
                page.sig_loaded.connect(freeze_loaded_objects)
            gc.freeze()
        script = [character for text in TYPED for character in (*text, None)]
        position = [0]
        loop = QEventLoop()

        def key(script=script, position=position, loop=loop) -> None:  # type: ignore[no-untyped-def]
            if position[0] >= len(script):
                loop.quit()
                return
            character = script[position[0]]
            position[0] += 1
            if character is None:
                box.clear()
            else:
                QTest.sendKeyEvent(QTest.KeyAction.Click, box, Qt.Key.Key_unknown, character,
                                   Qt.KeyboardModifier.NoModifier)

        def edit() -> None:
            window.workspace.perform(named["rename a person"])

        typist, editor = QTimer(interval=KEY_INTERVAL_MS), QTimer(interval=EDIT_INTERVAL_MS)
        typist.timeout.connect(key)
        editor.timeout.connect(edit)
        collector.pauses.clear()
        heartbeat.reset()
        typist.start()
        editor.start()
        loop.exec()
        typist.stop()
        editor.stop()
        wait_until(lambda: not window.workspace.tasks.busy)
        if frozen:
            for page in pages:
                page.sig_loaded.disconnect(freeze_loaded_objects)
        results[frozen].append((heartbeat.longest(), max(collector.pauses, default=0), sum(collector.pauses)))
    gc.callbacks.remove(collector)
    for frozen in (True, False):
        values = results[frozen]
        print(f"typing + an edit a second, pages {'frozen' if frozen else 'not frozen':10}: longest stall "
              f"{statistics.median(v[0] for v in values):.0f} ms (median of {len(values)}; max "
              f"{max(v[0] for v in values)} ms), longest collection {statistics.median(v[1] for v in values):.1f} ms, "
              f"collections in all {statistics.median(v[2] for v in values):.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--typing-rounds", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["MUNTADA_HOME"] = str(WORK / "home")
    from edit_refresh import build_archive

    cached = build_archive(args.records)
    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / "archive.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(cached, path)
    from desktop.app import qt_application

    app = qt_application("ar")
    window = open_window(path)
    if hasattr(os, "getloadavg"):
        print(f"machine load average (1 min): {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    if args.rounds:
        measure_edits(window, args.rounds)
    if args.typing_rounds:
        measure_typing(window, args.typing_rounds)
    window.close()
    window.workspace.close()
    app.processEvents()
    os._exit(0)  # the figures are out; skip interpreter teardown of Qt objects (not what is measured)


if __name__ == "__main__":
    main()
