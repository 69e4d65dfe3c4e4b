"""Measure how fast the app starts and answers its first search, inside the program being measured.

The same code runs from source (``bench/startup.py`` starts a Python child that calls ``measure``)
and frozen: the launcher of the built program (``packaging/launcher.py``) calls ``main`` instead of
the app when the environment variable ``MUNTADA_STARTUP_PROBE`` names an archive. It then
prints one JSON line of times and exits; it only reads the archive (the app opens it as usual).

Times are seconds since ``MUNTADA_STARTUP_PROBE_T0`` (the wall-clock time the parent started the
process, so that loading the program counts), or since this module was imported:

- ``window_shown``: the main window shown; ``first_paint``: its first paint;
- ``first_search``: a query typed at once (as an officer does) has its results on screen
  (``first_search_hits``: how many);
- ``search_opening``: the search worker asked to open the index (once the archive is open);
  ``search_ready``: it has the index open; ``browse_filled``: the browse page filled;
- ``window_icon_drawn``: 1 when the window icon (an SVG) could be drawn, else 0: the built
  program must carry Qt's SVG plugins (``packaging/smoke.py`` checks it).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

PROBE_VARIABLE = "MUNTADA_STARTUP_PROBE"
START_VARIABLE = "MUNTADA_STARTUP_PROBE_T0"
QUERY_VARIABLE = "MUNTADA_STARTUP_PROBE_QUERY"
DEFAULT_QUERY = "منتدى"
GIVE_UP_S = 120
_IMPORTED = time.time()


def elapsed() -> float:
    """Seconds since the process was started (as told by the parent), else since this module was imported."""
    return time.time() - float(os.environ.get(START_VARIABLE) or _IMPORTED)


def measure(archive_path: Path, query: str = DEFAULT_QUERY) -> dict[str, float]:
    """Start the app on ``archive_path`` offscreen, type ``query`` at once; returns the times."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject, QTimer

    from archive.settings import Settings
    from desktop.app import MuntadaApp, qt_application

    app = qt_application("ar")
    times: dict[str, float] = {"window_icon_drawn": float(not app.windowIcon().pixmap(32, 32).isNull())}

    class FirstPaint(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint and "first_paint" not in times:
                times["first_paint"] = elapsed()
            return False

    muntada = MuntadaApp(app, Settings(), archive_path, is_default_archive=False)
    watcher = FirstPaint()
    app.installEventFilter(watcher)
    muntada.open_and_show()
    times["window_shown"] = elapsed()
    window = muntada.window
    window.browse.sig_loaded.connect(lambda: times.setdefault("browse_filled", elapsed()))
    state_times = {"opening": "search_opening", "ready": "search_ready"}
    window.workspace.sig_search_state.connect(
        lambda state: times.setdefault(state_times.get(state, state), elapsed()))

    def answered(results) -> None:
        if results is not None and "first_search" not in times:  # None: "not searchable yet", no answer
            times["first_search"] = elapsed()
            times["first_search_hits"] = len(results.hits)

    window.search.sig_results_shown.connect(answered)
    window.show_page("search")
    window.search.box.setText(query)  # typed before the index is open: searched as soon as it is

    def check() -> None:
        if {"first_paint", "browse_filled", "search_ready", "first_search"} <= set(times) or elapsed() > GIVE_UP_S:
            app.quit()

    timer = QTimer(interval=10)
    timer.timeout.connect(check)
    timer.start()
    app.exec()
    window.close()
    muntada.shutdown()
    return times


def main() -> int:
    """Entry point of the built program in probe mode: print the times as one JSON line."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    times = measure(Path(os.environ[PROBE_VARIABLE]), os.environ.get(QUERY_VARIABLE) or DEFAULT_QUERY)
    sys.stdout.write(json.dumps(times) + "\n")
    sys.stdout.flush()
    os._exit(0)  # the figures are out; skip interpreter teardown of Qt objects (not what is measured)
