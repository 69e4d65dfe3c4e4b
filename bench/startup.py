"""Desktop start-up and typing benchmark on a 100k-record archive (prints its figures).

    python bench/startup.py [--records 100000] [--rounds 3] [--frozen dist/Muntada] [--startup-only]
                            [--against OLD_CHECKOUT]

1. Generates (once; cached under the temp folder) an archive of about ``--records`` records:
   organisations, people, series, events, sessions, sources with article text, quotes and
   figures, written with SQLAlchemy Core inserts (it is a benchmark), plus its search index.
2. Start-up: a fresh process imports the app, opens the archive, shows the main window and types
   a query at once; the times from process start to the window shown, its first paint and the
   first search answered are reported (and when the pages were filled and the index opened).
   The measuring code is ``packaging/startup_probe.py``; with ``--frozen DIR`` it runs inside the
   built program (``dist/Muntada``, made by ``python dev.py package``), so the figures are the
   shipped program's. With ``--against DIR`` (another checkout, e.g. ``git worktree add /tmp/old
   HEAD~3``) the rounds alternate between DIR's code and this one, and the medians of both and
   their ratio are printed: a baseline measured in the same run, on the same machine load.
3. Typing: with real background threads, Arabic queries are typed into the search box one
   character every 90 ms (a fast typist), while a 1 ms heartbeat timer on the GUI thread
   records the longest gap between its ticks: the longest time the GUI thread was blocked.

Targets (issue 6): window usable in <= 1 s; typing never blocks the GUI thread > 50 ms.
Targets (issue 12, frozen build, warm): window shown <= 1 s; first search answered <= 2 s after launch.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "packaging")]

CACHE = Path(tempfile.gettempdir()) / "muntada-bench-startup"
BENCH_HOME = CACHE / "home"  # MUNTADA_HOME of every run: the index and its key live there, built once
QUERIES = ("التواصل الحكومي", "الاعلام الرقمي", "منتدى", "نسبة المتابعين", "الهاشمي")
KEY_INTERVAL_MS = 90
STARTUP_QUERY = "منتدى"  # in many event and series names of the generated archive


# --- the archive ---------------------------------------------------------------------------------

def archive_path(records: int) -> Path:
    return CACHE / f"archive-{records}.sqlite"


def build_archive(records: int) -> Path:
    """The cached benchmark archive (and its search index), generated when missing."""
    from archive.location import index_folder_for

    path = archive_path(records)
    if path.exists():
        if not index_folder_for(path).exists():
            _build_index(path)
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".partial")
    temporary.unlink(missing_ok=True)
    from archive.db.engine import open_archive

    archive = open_archive(temporary, officer="bench")
    try:
        _insert_records(archive, records)
    finally:
        archive.close()
    temporary.rename(path)
    _build_index(path)
    return path


def _insert_records(archive, records: int) -> None:
    from sqlalchemy import insert
    from synthetic import Vocabulary

    from archive.db import models as m
    from archive.services.sources import content_hash
    from archive.text.names import name_key, organisation_key

    rng = random.Random(11)
    words = Vocabulary(rng)
    counts = {"organisation": 200, "person": 3000, "series": 20, "event": 400, "session": 2000, "source": 4000}
    counts["statistic"] = records // 5
    counts["quote"] = records - sum(counts.values())
    text = lambda low, high: " ".join(words.words(rng.randint(low, high)))  # noqa: E731
    rows = {
        "organisation": [{"id": i, "name": f"وزارة {text(1, 3)}", "kind": "ministry"}
                         for i in range(1, counts["organisation"] + 1)],
        "person": [{"id": i, "name": text(2, 4), "title": f"وزير {text(1, 2)}",
                    "organisation_id": rng.randint(1, counts["organisation"])} for i in range(1, counts["person"] + 1)],
        "series": [{"id": i, "name": f"منتدى {text(1, 3)}"} for i in range(1, counts["series"] + 1)],
    }
    for row in rows["organisation"] + rows["series"]:
        row["name_key"] = organisation_key(row["name"])
    for row in rows["person"]:
        row["name_key"] = name_key(row["name"])
    rows["event"] = [{"id": i, "name": f"منتدى {text(1, 3)}", "series_id": rng.randint(1, counts["series"]),
                      "edition": i % 30 + 1, "kind": "forum",
                      "start_date": f"{rng.randint(2010, 2025)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                      "city": "مسقط", "hashtags": []} for i in range(1, counts["event"] + 1)]
    rows["session"] = [{"id": i, "event_id": rng.randint(1, counts["event"]), "title": text(3, 8), "kind": "panel"}
                       for i in range(1, counts["session"] + 1)]
    rows["source"] = []
    for i in range(1, counts["source"] + 1):
        body = f"{i} " + text(250, 600)
        rows["source"].append({"id": i, "kind": "article", "outlet": "جريدة " + text(1, 1), "title": text(5, 10),
                               "full_text": body, "content_hash": content_hash(body),
                               "published_on": f"{rng.randint(2010, 2025)}-05-12"})
    rows["quote"] = [_quote(i, rng, text, counts) for i in range(1, counts["quote"] + 1)]
    rows["statistic"] = [{"id": i, "figure_text": f"{rng.randint(1, 99)}%", "value": float(rng.randint(1, 99)),
                          "unit": "percent", "subject": text(2, 6), "speaker_id": rng.randint(1, counts["person"]),
                          "event_id": rng.randint(1, counts["event"]), "verified": False}
                         for i in range(1, counts["statistic"] + 1)]
    tables = {"organisation": m.Organisation, "person": m.Person, "series": m.Series, "event": m.Event,
              "session": m.Session, "source": m.Source, "quote": m.Quote, "statistic": m.Statistic}
    with archive.engine.begin() as connection:
        for kind, model in tables.items():
            for start in range(0, len(rows[kind]), 5000):
                connection.execute(insert(model.__table__), rows[kind][start:start + 5000])


def _quote(i: int, rng: random.Random, text, counts: dict[str, int]) -> dict:
    return {"id": i, "text": text(15, 50), "speaker_id": rng.randint(1, counts["person"]),
            "event_id": rng.randint(1, counts["event"]), "speech": "direct", "verified": False,
            "said_on": f"{rng.randint(2010, 2025)}-05-12"}


def _build_index(path: Path) -> None:
    from archive.db.engine import open_archive
    from archive.location import index_folder_for
    from search.index import SearchIndex

    archive = open_archive(path)
    try:
        SearchIndex.open(index_folder_for(path), archive).close()
    finally:
        archive.close()


# --- measurements (in a child process each, so imports count) --------------------------------

def measure_startup(path: Path) -> dict:
    """Child: process start -> main window shown, first paint, first search answered, pages filled."""
    from startup_probe import measure

    return measure(path, STARTUP_QUERY)


def measure_typing(path: Path) -> dict:
    """Child: longest GUI-thread stall while typing queries with real background threads."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, Qt, QTimer
    from PySide6.QtTest import QTest

    from archive.settings import Settings
    from desktop.app import MuntadaApp, qt_application

    app = qt_application("ar")
    muntada = MuntadaApp(app, Settings(), path, is_default_archive=False)
    muntada.open_and_show()
    window = muntada.window
    deadline = time.perf_counter() + 120
    while window.workspace.search_state != "ready" or window.browse.data is None:
        app.processEvents()
        time.sleep(0.005)
        if time.perf_counter() > deadline:
            raise SystemExit("search index not ready")
    window.focus_search()
    clock = QElapsedTimer()
    clock.start()
    gaps: list[int] = []
    last = [clock.elapsed()]
    key_times: list[float] = []
    shown: list[int] = []
    window.search.sig_results_shown.connect(lambda results: shown.append(len(results.hits) if results else 0))

    def beat() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer(interval=1, timerType=Qt.TimerType.PreciseTimer)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    script = []
    for query in QUERIES:
        script += [("key", character) for character in query] + [("wait", None)] * 8 + [("clear", None)]
    position = [0]

    def step() -> None:
        if position[0] >= len(script):
            app.quit()
            return
        action, character = script[position[0]]
        position[0] += 1
        started = time.perf_counter()
        if action == "key":
            QTest.sendKeyEvent(QTest.KeyAction.Click, window.search.box, Qt.Key.Key_unknown, character,
                               Qt.KeyboardModifier.NoModifier)
        elif action == "clear":
            window.search.box.clear()
        key_times.append((time.perf_counter() - started) * 1000)

    typist = QTimer(interval=KEY_INTERVAL_MS)
    typist.timeout.connect(step)
    typist.start()
    app.exec()
    window.close()
    muntada.shutdown()
    steady = gaps[5:]
    return {"max_stall_ms": max(steady), "p99_gap_ms": sorted(steady)[int(len(steady) * 0.99)],
            "max_keystroke_ms": round(max(key_times), 1), "results_shown": len(shown), "heartbeats": len(steady)}


def _child(kind: str, path: Path, frozen: Path | None = None, checkout: Path = ROOT) -> dict:
    """Run one measurement in a new process: ``bench/startup.py --child`` of ``checkout`` (its code) from
    source, or the frozen program's console exe in probe mode (``packaging/startup_probe.py``)."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MUNTADA_HOME": str(BENCH_HOME)}
    if frozen is None:
        command = [sys.executable, str(checkout / "bench" / "startup.py"), "--child", kind, "--archive", str(path)]
    else:
        command = [str(frozen_console_exe(frozen))]
        environment.update(MUNTADA_STARTUP_PROBE=str(path), MUNTADA_STARTUP_PROBE_QUERY=STARTUP_QUERY)
    environment["MUNTADA_STARTUP_PROBE_T0"] = repr(time.time())
    output = subprocess.run(command, capture_output=True, text=True, timeout=900, env=environment, check=False)
    for line in output.stdout.splitlines():
        if line.startswith("{"):
            return json.loads(line)
    raise SystemExit(f"{kind} measurement failed:\n{output.stdout}\n{output.stderr}")


def frozen_console_exe(folder: Path) -> Path:
    for name in ("muntada-cli.exe", "muntada-cli"):
        if (folder / name).is_file():
            return folder / name
    raise SystemExit(f"{folder} holds no built muntada-cli (build it with: python dev.py package)")


def _seconds(times: dict, name: str) -> str:
    return f"{times[name]:.3f} s" if name in times else "never"


def _print_medians(rounds: dict[str, list[dict]]) -> None:
    """Median of each start-up time over the rounds of each checkout; with a baseline, new / baseline."""
    names = ("window_shown", "first_paint", "search_ready", "first_search", "browse_filled")
    medians = {checkout: {name: statistics.median(times.get(name, float("inf")) for times in runs) for name in names}
               for checkout, runs in rounds.items()}
    for checkout, values in medians.items():
        print(f"medians ({checkout}, {len(rounds[checkout])} rounds): "
              + ", ".join(f"{name.replace('_', ' ')} {value:.2f} s" for name, value in values.items()))
    if len(medians) == 2:
        baseline, new = medians.values()
        print("ratio this checkout / baseline: "
              + ", ".join(f"{name.replace('_', ' ')} {new[name] / baseline[name]:.2f}" for name in names))
    if hasattr(os, "getloadavg"):
        print(f"machine load average (1 min) after the start-up rounds: {os.getloadavg()[0]:.2f} "
              f"on {os.cpu_count()} cores")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--frozen", type=Path, metavar="DIR",
                        help="measure the built program in DIR (dist/Muntada) instead of the source; start-up only")
    parser.add_argument("--startup-only", action="store_true", help="skip the typing rounds")
    parser.add_argument("--against", type=Path, metavar="DIR",
                        help="another checkout (the baseline): alternate rounds with its code, print both medians")
    parser.add_argument("--child", choices=("startup", "typing"))
    parser.add_argument("--archive", type=Path)
    args = parser.parse_args()
    if args.child:
        result = measure_startup(args.archive) if args.child == "startup" else measure_typing(args.archive)
        print(json.dumps(result), flush=True)
        os._exit(0)  # the figures are out; skip interpreter teardown of Qt objects (not what is measured)
    os.environ["MUNTADA_HOME"] = str(BENCH_HOME)
    started = time.perf_counter()
    path = build_archive(args.records)
    print(f"archive: {path} ({path.stat().st_size / 1e6:.0f} MB, ~{args.records:,} records; "
          f"ready in {time.perf_counter() - started:.1f} s)")
    what = f"frozen build {args.frozen}" if args.frozen else "from source"
    checkouts = {"this checkout": ROOT}
    if args.against:
        checkouts = {f"baseline {args.against}": args.against.resolve(), **checkouts}
    rounds: dict[str, list[dict]] = {name: [] for name in checkouts}
    for round_number in range(1, args.rounds + 1):
        for name, checkout in checkouts.items():  # alternated, so both see the same machine load
            times = _child("startup", path, args.frozen, checkout)
            rounds[name].append(times)
            print(f"start-up {round_number} ({name}, {what}; from process start): "
                  f"window shown {_seconds(times, 'window_shown')}, "
                  f"first paint {_seconds(times, 'first_paint')}, "
                  f"first search answered {_seconds(times, 'first_search')} "
                  f"({times.get('first_search_hits', 0)} results); "
                  f"search worker asked {_seconds(times, 'search_opening')}, ready {_seconds(times, 'search_ready')}, "
                  f"pages filled {_seconds(times, 'browse_filled')}", flush=True)
    _print_medians(rounds)
    if args.frozen or args.startup_only:
        return
    if hasattr(os, "getloadavg"):
        print(f"machine load average (1 min) before typing: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores "
              "(a stall can be the scheduler's when other work runs)")
    for round_number in range(1, args.rounds + 1):
        typing = _child("typing", path)
        print(f"typing {round_number}: longest GUI-thread stall {typing['max_stall_ms']} ms "
              f"(99th percentile gap {typing['p99_gap_ms']} ms, slowest keystroke {typing['max_keystroke_ms']} ms, "
              f"{typing['results_shown']} result lists shown, {typing['heartbeats']} heartbeats)")


if __name__ == "__main__":
    main()
