"""What one edit costs the open app on a 100k-record archive: the screens it reloads, the time, the collector.

    python bench/edit_refresh.py [--records 100000] [--rounds 3]

1. Generates (once; cached under the temp folder, beside bench/startup.py's) the same archive as
   ``bench/startup.py``, without a search index (the search process is not what is measured).
2. Opens the main window offscreen with background work made synchronous, fills its pages, and
   makes the edits an officer makes: mark a quote verified, correct a person's title, add a
   quote, then undo. For each it prints the time from the edit to the screens up to date (the
   edit and every refresh it causes, run synchronously) and the screens that were read again
   whole; then the time of reading every screen again, which is what each edit cost on top
   before issue 13.
3. The garbage collector: the longest and the total collection time while the edits run, with
   the pages' objects frozen (``gc.freeze()``, as ``desktop.gui.main_window`` does after each
   load) and without; and one full collection's time in both states. This is what says whether
   the freeze is still needed once the reloads are gone.

Since the lists and the event tree take only the rows a step changed and the dashboard its counts
(``list_rows.rows_after``, ``RecordTableModel.apply_changes``, ``EventTree.apply_rows``), no edit
here reads a screen again whole. The time from a step's commit to the lists showing it, and the
GUI thread's longest stall, with real background threads and against a whole reload in alternating
rounds, are ``bench/refresh.py``'s (its figures are in docs/desktop.md, "After an edit: each
screen refreshes only what changed": 25-95 ms row by row against 4.8-8.0 s for the lists read
whole, ×66-300, in three runs).

Measured 2026-12-02, 15:00 UTC (100k records, 2 cores shared with other work, load average 3.7-4.3,
so slow in absolute terms), medians of 3 rounds, two runs: marking a quote verified takes
20-77 ms from the edit to the screens up to date, a person's title 162-498 ms, a new quote 153-373 ms,
a new quote then undo 357-955 ms; no screen read again whole. Reading every screen again, as each
edit did before issue 13, took 1.2-3.7 s on top of the edit. The freeze is still needed: while
these edits ran, collections paused the GUI thread up to 175-414 ms with the pages unfrozen and
1.3-8.9 ms frozen (a full collection: 125-317 ms unfrozen, 1 ms frozen).
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

CACHE = Path(tempfile.gettempdir()) / "muntada-bench-edit-refresh"
SCREENS = ("browse", "dashboard", "importer")


def build_archive(records: int) -> Path:
    """The cached benchmark archive (bench/startup.py's records), generated when missing."""
    from startup import _insert_records

    from archive.db.engine import open_archive

    path = CACHE / f"archive-{records}.sqlite"
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    archive = open_archive(partial, officer="bench")
    try:
        _insert_records(archive, records)
    finally:
        archive.close()
    partial.rename(path)
    return path


class Collector:
    """Times every collection of Python's cyclic garbage collector (gc.callbacks)."""

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

    workspace = Workspace(open_archive(path, officer="bench"), Settings(officer_name="bench"),
                          TaskRunner(synchronous=True))
    window = MainWindow(workspace)
    window.show()
    for screen in SCREENS:
        getattr(window, screen).reload()
    return window


def count_reloads(window) -> dict[str, list[float]]:  # type: ignore[no-untyped-def]
    """Wrap each screen's ``reload`` so that every call is timed (ms)."""
    timings: dict[str, list[float]] = {screen: [] for screen in SCREENS}
    for screen in SCREENS:
        widget = getattr(window, screen)
        original = widget.reload

        def timed(original: Callable[[], None] = original, screen: str = screen) -> None:
            started = time.perf_counter()
            original()
            timings[screen].append((time.perf_counter() - started) * 1000)

        widget.reload = timed
    return timings


def edits(window) -> list[tuple[str, Callable[[], None]]]:  # type: ignore[no-untyped-def]
    from archive.services import history
    from archive.services.records import QuoteInput

    workspace = window.workspace
    archive = workspace.archive

    def verify() -> None:
        data = history.current_input(archive, "quote", 1)
        workspace.perform(lambda a: history.update(a, "quote", 1, replace(data, verified=not data.verified)))

    def retitle() -> None:
        data = history.current_input(archive, "person", 1)
        title = f"وزير {time.monotonic_ns()}"  # a new title each time: the same one is no change, so no step
        workspace.perform(lambda a: history.update(a, "person", 1, replace(data, title=title)))

    def add_quote() -> None:
        workspace.perform(lambda a: history.create(a, "quote", QuoteInput(text="نص قول جديد للقياس", speaker_id=2)))

    def add_then_undo() -> None:
        add_quote()
        workspace.undo_stack.undo()

    return [("mark a quote verified", verify), ("correct a person's title", retitle),
            ("add a quote", add_quote), ("add a quote, then undo", add_then_undo)]


def measure_edits(window, rounds: int) -> None:  # type: ignore[no-untyped-def]
    timings = count_reloads(window)
    for name, edit in edits(window):
        elapsed, reloaded = [], set()
        for _ in range(rounds):
            for screen in SCREENS:
                timings[screen].clear()
            started = time.perf_counter()
            edit()
            elapsed.append((time.perf_counter() - started) * 1000)
            reloaded |= {screen for screen in SCREENS if timings[screen]}
        screens = ", ".join(sorted(reloaded)) or "none"
        print(f"{name:28} now: {statistics.median(elapsed):7.0f} ms, screens read again whole: {screens}")
    every = []
    for _ in range(rounds):
        started = time.perf_counter()
        for screen in SCREENS:
            getattr(window, screen).reload()
        every.append((time.perf_counter() - started) * 1000)
    print(f"{'before (every screen reloaded)':28} {statistics.median(every):7.0f} ms of reloads per edit, "
          "on top of the edit")


def measure_collector(window, rounds: int) -> None:  # type: ignore[no-untyped-def]
    """Collection pauses while the officer edits, with the pages' objects frozen after each load and not."""
    from desktop.gui.main_window import freeze_loaded_objects

    collector = Collector()
    gc.callbacks.append(collector)
    named = dict(edits(window))
    for frozen in (True, False):
        if not frozen:  # what main_window does after each load, undone for this round
            window.browse.sig_loaded.disconnect(freeze_loaded_objects)
            window.dashboard.sig_loaded.disconnect(freeze_loaded_objects)
            gc.unfreeze()
        gc.collect()
        if frozen:
            gc.freeze()
        for work in ("correct a person's title", "add a quote, then undo"):
            collector.pauses.clear()
            for _ in range(rounds):
                named[work]()
            state = "frozen" if frozen else "not frozen"
            print(f"collector, pages {state:10} ({work}): {len(collector.pauses)} collections, longest "
                  f"{max(collector.pauses, default=0):.1f} ms, total {sum(collector.pauses):.1f} ms")
        started = time.perf_counter()
        gc.collect()
        print(f"one full collection, pages {'frozen' if frozen else 'not frozen'}: "
              f"{(time.perf_counter() - started) * 1000:.1f} ms ({len(gc.get_objects()):,} tracked objects, "
              f"{gc.get_freeze_count():,} frozen)")
    gc.callbacks.remove(collector)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["MUNTADA_HOME"] = str(CACHE / "home")
    started = time.perf_counter()
    path = build_archive(args.records)
    print(f"archive: {path} ({path.stat().st_size / 1e6:.0f} MB, ~{args.records:,} records; "
          f"ready in {time.perf_counter() - started:.1f} s)")
    from desktop.app import qt_application

    app = qt_application("ar")
    started = time.perf_counter()
    window = open_window(path)
    print(f"pages filled in {time.perf_counter() - started:.1f} s")
    if hasattr(os, "getloadavg"):
        print(f"machine load average (1 min): {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    measure_edits(window, args.rounds)
    measure_collector(window, args.rounds)
    window.close()
    window.workspace.close()
    app.processEvents()
    os._exit(0)  # the figures are out; skip interpreter teardown of Qt objects (not what is measured)


if __name__ == "__main__":
    main()
