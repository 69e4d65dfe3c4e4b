"""The hostile-file series of the data-safety benchmark.

Each kind of file (bench/safety_hostile_files.py) is imported with ``muntada import`` in its own
process into a fresh copy of an empty archive, timed, its peak memory taken; then judged:

- clear: one output line per file, besides "FILE: warning: ..." notes (no traceback, no "Unexpected error",
  a file name with a newline must not split a line), no hang, peak memory <= 500 MB;
- data: an importable file is stored and its Arabic marker word is found by search (text not
  turned to mojibake); a refused file leaves nothing stored; in a folder with one bad file every
  good file is stored; a symbolic link out of the folder is never imported;
- speed: the import of a 1 MB article takes <= 2 s beyond the import of a short one.

Two command-line cases join them: two imports of the same folder at once (each article stored
once, no error), and ``search التواصل -ميتا`` (an excluded word is not an option).
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from safety_common import CaseResult, CliProcess, parse_json, run_cli, write_articles
from safety_hostile_files import HOSTILE_KINDS, HostileCase

MEMORY_LIMIT_KB = 500 * 1024
ONE_MB_TARGET_SECONDS = 2.0
PROGRESS_LINE = re.compile(r"^\[\d+/\d+\] ")
WARNING_LINE = re.compile(r"^[^\n]*\.(txt|docx|html?|pdf): warning: ")  # a file's note beside its result line
EMPTY_WORDS = ("empty", "blank", "no text")


@dataclass
class HostileFixtures:
    root: Path
    base: Path  # folder: a.sqlite (empty archive) + home/
    short_import_seconds: float
    timeout: float


def prepare(root: Path, seed: int, timeout: float) -> HostileFixtures:
    base = root / "base"
    shutil.rmtree(base, ignore_errors=True)
    base.mkdir(parents=True)
    run = run_cli(root / "work", ["init"], base / "a.sqlite", base / "home", timeout * 10)
    if run.code != 0:
        raise RuntimeError(f"hostile fixture: init failed: {run.describe()}")
    control = root / "control"
    shutil.copytree(base, control)
    write_articles(control / "files", 90_000, 1, seed)
    timed = run_cli(root / "work", ["import", control / "files"], control / "a.sqlite", control / "home", timeout)
    if timed.code != 0:
        raise RuntimeError(f"hostile fixture: importing a short article failed: {timed.describe()}")
    return HostileFixtures(root, base, timed.seconds, timeout)


def cases(quick: bool) -> list[str]:
    return [*HOSTILE_KINDS, "two imports of one folder at once", "search with an excluded word"]


def run_case(fixtures: HostileFixtures, kind: str, number: int, seed: int) -> CaseResult:
    result = CaseResult("hostile", _group(kind), kind)
    folder = fixtures.root / "cases" / f"case-{number}"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(fixtures.base, folder)
    if kind == "two imports of one folder at once":
        _two_imports(fixtures, folder, seed, result)
    elif kind == "search with an excluded word":
        run = run_cli(folder / "out", ["search", "التواصل", "-ميتا"], folder / "a.sqlite", folder / "home",
                      fixtures.timeout)
        result.note_runs(run)
        if run.code != 0:
            result.fail(f"`search التواصل -ميتا` failed: {run.describe()}")
    else:
        maker, expectation = HOSTILE_KINDS[kind]
        files = folder / "files"
        files.mkdir()
        _judge_import(fixtures, folder, maker(files, 20_000 + number * 20), expectation, result)
    shutil.rmtree(folder, ignore_errors=True)
    return result


def _group(kind: str) -> str:
    if kind.startswith("folder") or "symlink" in kind or "FIFO" in kind:
        return "folders and links"
    if "UTF" in kind or "Windows" in kind or "ISO" in kind or "Latin" in kind or "bad byte" in kind:
        return "encodings"
    if "MB" in kind:
        return "size"
    if "docx" in kind or "PDF" in kind or "HTML" in kind:
        return "documents"
    if kind.startswith("name"):
        return "file names"
    if "at once" in kind or "search" in kind:
        return "command line"
    return "not text"


def _judge_import(fixtures: HostileFixtures, folder: Path, case: HostileCase, expectation: str,
                  result: CaseResult) -> None:
    archive, home = folder / "a.sqlite", folder / "home"
    run = run_cli(folder / "out", ["import", *case.paths], archive, home, fixtures.timeout)
    result.note_runs(run)
    result.seconds = run.seconds
    result.notes.update(exit=run.code, seconds=round(run.seconds, 2), peak_mb=round(run.max_rss_kb / 1024))
    result.notes["output"] = run.describe()
    if run.hung or run.did_not_start():
        return
    if run.max_rss_kb > MEMORY_LIMIT_KB:
        result.fail(f"peak memory {run.max_rss_kb // 1024} MB (limit 500 MB)")
    lines = [line for line in run.output.splitlines() if line.strip() and not PROGRESS_LINE.match(line)
             and not WARNING_LINE.match(line)]
    if not case.files - case.unreported <= len(lines) <= case.files:
        result.fail(f"{len(lines)} output lines for {case.files} file(s): {run.describe()}")
    stored = _stored_names(fixtures, folder, result)
    found = _found(fixtures, folder, case.marker, result) if case.marker else None
    if case.good_names:
        missing = [name for name in case.good_names if name not in stored]
        if missing:
            result.fail(f"{len(missing)} of {len(case.good_names)} good files not stored: {run.describe()}")
    if case.forbidden_marker and (_found(fixtures, folder, case.forbidden_marker, result)
                                  or len(stored) > len(case.good_names)):
        result.fail("a file outside the folder (through a symbolic link) was imported")
    imported = run.code == 0 or bool(case.good_names)
    if expectation == "refuse" and (run.code == 0 or stored):
        result.fail(f"not refused ({len(stored)} sources stored): {run.describe()}")
    elif expectation == "import" and not case.good_names and run.code != 0:
        result.fail(f"refused: {run.describe()}")
    elif imported and case.marker and found is False and (expectation != "either" or run.code == 0):
        result.fail("stored, but its marker word is not found by search (text garbled?)")
    elif expectation == "either" and run.code != 0 and stored and not case.good_names:
        result.fail("reported a problem but stored the file anyway")
    if run.code != 0 and not case.good_names and any(word in run.output.lower() for word in EMPTY_WORDS) \
            and "nested" in result.name:
        result.fail(f"a page full of text reported as empty: {run.describe()}")
    if result.name == "1 MB article":
        net = run.seconds - fixtures.short_import_seconds
        result.notes["net_seconds"] = round(net, 2)
        if net > ONE_MB_TARGET_SECONDS:
            result.fail(f"1 MB article took {net:.1f} s beyond a short one (target <= 2 s)")


def _stored_names(fixtures: HostileFixtures, folder: Path, result: CaseResult) -> list[str]:
    run = run_cli(folder / "out", ["list", "sources", "--json"], folder / "a.sqlite", folder / "home", fixtures.timeout)
    result.note_runs(run)
    sources = parse_json(run)
    if not isinstance(sources, list):
        result.fail(f"list sources failed afterwards: {run.describe()}")
        return []
    return [source.get("file_name") for source in sources]


def _found(fixtures: HostileFixtures, folder: Path, word: str, result: CaseResult) -> bool:
    run = run_cli(folder / "out", ["search", word, "--kind", "source", "--json"], folder / "a.sqlite", folder / "home",
                  fixtures.timeout)
    result.note_runs(run)
    data = parse_json(run)
    if not isinstance(data, dict):
        result.fail(f"search failed afterwards: {run.describe()}")
        return False
    return any(word in (hit.get("title", "") + hit.get("snippet", "")) for hit in data.get("hits", []))


def _two_imports(fixtures: HostileFixtures, folder: Path, seed: int, result: CaseResult) -> None:
    names = write_articles(folder / "files", 30_000, 30, seed)
    archive, home = folder / "a.sqlite", folder / "home"
    first = CliProcess(folder / "out", ["import", folder / "files"], archive, home)
    second = CliProcess(folder / "out", ["import", folder / "files"], archive, home)
    runs = [first.finish(fixtures.timeout), second.finish(fixtures.timeout)]
    result.note_runs(*runs)
    for run in runs:
        if run.code != 0 and not run.hung:
            result.fail(f"one of two imports of the same folder failed: {run.describe()}")
    stored = _stored_names(fixtures, folder, result)
    if sorted(stored) != sorted(names):
        result.fail(f"{len(stored)} sources stored for {len(names)} articles imported twice at once")
