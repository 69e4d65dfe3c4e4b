"""Data-safety benchmark (issue 11): nothing lost, nothing hangs, nothing runs that shouldn't.

    .venv/bin/python bench/safety.py [--quick] [--series kill,hostile,damaged] [--seed N]
                                     [--jobs 2] [--timeout 60] [--json FILE] [--keep] [--code DIR]
                                     [--only TEXT]

It measures whatever code is in the tree, from the outside only: every step is a ``muntada``
command (``python -m desktop.cli --lang en --archive PATH ...``) in its own process with its own
MUNTADA_HOME temp folder; fixtures are built with the command line too (and one archive is taken
back to schema revision 0001 with Alembic, as an older Muntada would have left it).

Three series:

- kill (bench/safety_kill.py): ``init``, ``demo``, the upgrade of a 0001 archive, ``import`` of a
  folder, ``reindex`` (half of them racing an import in another process), each SIGKILLed after a
  random delay spread over the command's measured working time; 110 cases (17 with ``--quick``).
  Then: is the archive usable, is every committed record still there, does the index agree with
  the database (a search for a word in every generated article finds exactly the listed sources)?
- hostile (bench/safety_hostile.py and safety_hostile_files.py): about 45 kinds of file
  (empty, binary, broken encodings, UTF-16/32, 25 MB text, 1 MB articles, a .docx zip bomb that
  expands to 2 GB, broken .docx/PDF, odd HTML, odd file names, links out of the folder, a FIFO,
  folders mixing one bad file with five good ones), each imported in its own process: time, peak
  memory (``os.wait4`` rusage), exit code, output lines, and whether the text was stored intact.
- damaged (bench/safety_damaged.py): about 70 damaged archives (truncated, overwritten header
  and pages, not an archive at all, garbage WAL/journal, missing, damaged index), each run
  through ``info``, ``list sources``, ``check``, ``search``, ``import``; plus ``backup --to`` an
  existing file and file permissions (``--quick``: a third of the damaged files).

A command still running after ``--timeout`` seconds is killed and counted as a hang. Any
"Unexpected error" or traceback in any output is an unexpected error, except a traceback of the
program failing to import (a tree caught mid-edit), counted apart as "did not start".

Targets (the issue): at least 100 kills; archives left unusable 0; committed records lost 0;
index mismatches 0; unexpected errors 0; hangs 0; peak memory on hostile files <= 500 MB.
The script prints a table per series, the totals against the targets, and every failing case on
one line with what went wrong; the exit code is 1 when a target is missed. Generated files live
in a temp folder, removed at the end unless ``--keep``.

Run time: on the two-core development machine while other work loaded it (load 4-8, each
command taking 2-4 s just to start instead of 1.2 s), the full run took 39 minutes (kill series
28 of them) and ``--quick`` 13; on a quiet machine expect roughly a third (an estimate, not yet
measured). ``--jobs`` runs that many cases at once; ``--only TEXT`` retries single cases;
``--code DIR`` measures another checkout (``git archive COMMIT | tar -x -C DIR``) for a baseline.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import safety_damaged  # noqa: E402
import safety_hostile  # noqa: E402
import safety_kill  # noqa: E402
from safety_common import CODE, CaseResult  # noqa: E402

SERIES = {"kill": safety_kill, "hostile": safety_hostile, "damaged": safety_damaged}
TOTAL_FIELDS = ("killed", "unusable", "records_lost", "index_mismatches", "unexpected_errors", "hangs", "not_started")
MEMORY_TARGET_MB = 500
MINIMUM_KILLS = 100


def main(argv: list[str] | None = None) -> int:
    options = _parse(argv)
    sys.stdout.reconfigure(errors="backslashreplace")  # odd file names (undecodable bytes) in the report
    if options.code:
        CODE["root"] = Path(options.code).resolve()
        print(f"Measuring the code in {CODE['root']}")
    root = Path(tempfile.mkdtemp(prefix="muntada-safety-"))
    started = time.perf_counter()
    results: list[CaseResult] = []
    try:
        for name in options.series:
            results += run_series(name, root / name, options)
    finally:
        if not options.keep:
            shutil.rmtree(root, ignore_errors=True)
        else:
            print(f"Files kept in {root}")
    totals = summarize(results, options, time.perf_counter() - started)
    if options.json:
        Path(options.json).write_text(json.dumps({"totals": totals, "cases": [asdict(result) for result in results]},
                                                 ensure_ascii=False, indent=2), encoding="utf-8",
                                     errors="backslashreplace")
    return 0 if totals["targets_met"] else 1


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Muntada data-safety benchmark (issue 11).")
    parser.add_argument("--quick", action="store_true", help="fewer kills (a few minutes)")
    parser.add_argument("--series", default="kill,hostile,damaged", help="kill, hostile, damaged (comma-separated)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--jobs", type=int, default=2, help="cases run at the same time")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a command counts as a hang")
    parser.add_argument("--json", metavar="FILE", help="write every case and the totals as JSON")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument("--only", metavar="TEXT", help="only the cases whose name contains TEXT (to retry one)")
    parser.add_argument("--code", metavar="DIR", help="measure the code of another checkout (e.g. an older commit "
                        "unpacked with git archive) with this tree's .venv")
    options = parser.parse_args(argv)
    options.series = [name.strip() for name in options.series.split(",") if name.strip()]
    unknown = [name for name in options.series if name not in SERIES]
    if unknown:
        parser.error(f"unknown series: {', '.join(unknown)} (choose from {', '.join(SERIES)})")
    return options


def run_series(name: str, root: Path, options: argparse.Namespace) -> list[CaseResult]:
    """Prepare one series' fixtures, run its cases ``--jobs`` at a time, print its table."""
    module = SERIES[name]
    started = time.perf_counter()
    print(f"\n== {name} series: preparing ...", flush=True)
    try:
        fixtures = module.prepare(root, options.seed, options.timeout)
    except RuntimeError as error:
        failed = CaseResult(name, "fixtures", "prepare")
        failed.fail(f"could not prepare the series: {error}")
        print(f"   {failed.failures[0]}")
        return [failed]
    if name == "kill":
        print(f"   measured (s): start-up {fixtures.startup:.2f}, "
              + ", ".join(f"{kind} {seconds:.2f}" for kind, seconds in fixtures.durations.items()), flush=True)
    case_list = [case for case in module.cases(options.quick) if not options.only or options.only in str(case)]
    print(f"   running {len(case_list)} cases", end="", flush=True)

    def one(numbered):
        number, case = numbered
        try:
            if name == "kill":
                outcome = module.run_case(fixtures, case[0], case[1], options.seed)
            else:
                outcome = module.run_case(fixtures, case, number, options.seed)
        except (OSError, RuntimeError, ValueError) as error:  # the benchmark's own trouble: reported, not fatal
            outcome = CaseResult(name, "benchmark error", str(case))
            outcome.fail(f"the benchmark could not run this case: {error!r}")
        print("." if not outcome.failures else "F", end="", flush=True)
        return outcome

    with ThreadPoolExecutor(max_workers=max(1, options.jobs)) as pool:
        results = list(pool.map(one, enumerate(case_list)))
    print(f" {time.perf_counter() - started:.0f} s")
    print_table(name, results)
    return results


def print_table(name: str, results: list[CaseResult]) -> None:
    header = (f"{'group':<22}{'cases':>6}{'failed':>7}{'kills':>6}{'unusable':>9}{'lost':>6}{'index':>6}"
              f"{'unexp.':>7}{'hangs':>6}{'peak MB':>8}")
    print(f"\n{name} series\n{header}\n{'-' * len(header)}")
    groups: dict[str, list[CaseResult]] = {}
    for result in results:
        groups.setdefault(result.group, []).append(result)
    for group, members in [*groups.items(), ("all", results)]:
        sums = {field: sum(getattr(member, field) for member in members) for field in TOTAL_FIELDS}
        peak = max((member.peak_rss_kb for member in members), default=0) / 1024
        failed = sum(1 for member in members if member.failures)
        print(f"{group:<22}{len(members):>6}{failed:>7}{sums['killed']:>6}{sums['unusable']:>9}"
              f"{sums['records_lost']:>6}{sums['index_mismatches']:>6}{sums['unexpected_errors']:>7}"
              f"{sums['hangs']:>6}{peak:>8.0f}")
    if name == "hostile":
        timed = [result for result in results if "MB article" in result.name]
        if timed:
            print("article import times (s, whole command): "
                  + ", ".join(f"{result.name.split(' article')[0]} {result.seconds:.1f}" for result in timed))


def summarize(results: list[CaseResult], options: argparse.Namespace, seconds: float) -> dict:
    """Print the totals against the targets and the failing cases; return the totals."""
    totals = {field: sum(getattr(result, field) for result in results) for field in TOTAL_FIELDS}
    hostile = [result for result in results if result.series == "hostile"]
    totals["peak_memory_hostile_mb"] = round(max((result.peak_rss_kb for result in hostile), default=0) / 1024)
    totals["cases"] = len(results)
    totals["failed_cases"] = sum(1 for result in results if result.failures)
    totals["seconds"] = round(seconds)
    kill_target = "kill" not in options.series or options.quick or totals["killed"] >= MINIMUM_KILLS
    totals["targets_met"] = (kill_target and all(totals[field] == 0 for field in TOTAL_FIELDS[1:])
                             and totals["peak_memory_hostile_mb"] <= MEMORY_TARGET_MB and not totals["failed_cases"])
    print("\nTotals (target)")
    print(f"  kills                     {totals['killed']:>6}  (>= {MINIMUM_KILLS} in a full run)")
    print(f"  archives left unusable    {totals['unusable']:>6}  (0)")
    print(f"  committed records lost    {totals['records_lost']:>6}  (0)")
    print(f"  index mismatches          {totals['index_mismatches']:>6}  (0)")
    print(f"  unexpected errors         {totals['unexpected_errors']:>6}  (0)")
    print(f"  hangs                     {totals['hangs']:>6}  (0)")
    print(f"  program did not start     {totals['not_started']:>6}  (0: else the tree was broken during the run)")
    print(f"  peak memory, hostile (MB) {totals['peak_memory_hostile_mb']:>6}  (<= {MEMORY_TARGET_MB})")
    print(f"  failing cases             {totals['failed_cases']:>6}  of {totals['cases']}  ({totals['seconds']} s)")
    failing = [result for result in results if result.failures]
    if failing:
        print("\nFailing cases")
        for result in failing:
            print(f"  [{result.series}/{result.group}] {result.name}: " + "; ".join(dict.fromkeys(result.failures)))
    return totals


if __name__ == "__main__":
    sys.exit(main())
