"""Benchmark of the printed briefs: a 20-page event brief (target ≤ 0.5 s) and 200 quotes (≤ 1 s).

Builds its own data in a temporary archive through the services, then prints the median of
several renders of each brief (fonts are registered once, before timing, as in the app).

    .venv/bin/python bench/briefs.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from archive.briefs.event_brief import event_brief
from archive.briefs.fonts import register_fonts, string_width
from archive.briefs.options import BriefOptions
from archive.briefs.rtl import clear_caches
from archive.briefs.selection_brief import selection_brief
from tests.archive.briefs.archive_data import build_archive

RUNS = 5


def median_seconds(render) -> tuple[float, int]:
    timings, pages = [], 0
    for _ in range(RUNS):
        clear_caches()  # cold: no word or paragraph shaped or measured by an earlier run
        string_width.cache_clear()
        started = time.perf_counter()
        pages = render().page_count
        timings.append(time.perf_counter() - started)
    return statistics.median(timings), pages


def main() -> None:
    started = time.perf_counter()
    register_fonts()
    print(f"font set-up: {time.perf_counter() - started:.3f} s")
    with tempfile.TemporaryDirectory() as folder:
        # 12 fixture quotes per repeat: 23 repeats = 276 quotes (about 20 pages), 17 = 204 quotes.
        archive, ids = build_archive(Path(folder) / "twenty.sqlite", quote_repeats=23)
        options = BriefOptions(organisation_name="مركز التواصل الحكومي")
        seconds, pages = median_seconds(lambda: event_brief(archive, ids.event_id, options))
        print(f"event brief, {len(ids.quote_ids)} quotes, {pages} pages: median {seconds:.3f} s (target ≤ 0.5 s)")
        archive.close()
        archive, ids = build_archive(Path(folder) / "two-hundred.sqlite", quote_repeats=17)
        chosen = list(ids.quote_ids[:200])
        seconds, pages = median_seconds(lambda: selection_brief(archive, chosen, ()))
        print(f"selection brief, {len(chosen)} quotes, {pages} pages: median {seconds:.3f} s (target ≤ 1 s)")
        seconds, pages = median_seconds(lambda: event_brief(archive, ids.event_id, BriefOptions(language="en")))
        print(f"English event brief, {len(ids.quote_ids)} quotes, {pages} pages: median {seconds:.3f} s")
        archive.close()


if __name__ == "__main__":
    main()
