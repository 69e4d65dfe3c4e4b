"""The kill -9 series of the data-safety benchmark: create, demo, upgrade, import, reindex.

Each case copies a prepared archive folder (archive file plus its own MUNTADA_HOME; for import
and reindex a search first builds the copy's index, wherever the program keeps it), starts one
command, kills it (SIGKILL to its process group) after a random delay, then checks from the outside:

- usable: the archive file is absent and ``init`` (or a retried ``demo``) works, or ``info
  --json`` and ``check`` succeed (for ``demo``: the sample is complete, or a retry works);
- nothing committed lost: every article present before, and every one the killed ``import``
  reported on its progress lines (printed after each file is stored), is still listed; an
  upgraded archive keeps every count;
- index agrees: a search for the word every generated article holds finds exactly the
  generated sources the database lists (none missing, no hit for a missing record).

The delays are spread uniformly over the part of the command that does work: from the moment
the program has started (the time of ``--help``, measured) to the command's normal duration
(measured once on the same fixture), less 5%. A delay past the end lets the command finish (not a kill).
Reindex cases race, one in two, with an import of new articles in a second process.
"""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from safety_common import COMMON_WORD, CaseResult, CliProcess, parse_json, run_cli, write_articles

PROGRESS_LINE = re.compile(r"^\[(\d+)/(\d+)\] (.+)$")
KIND_COUNTS = {"create": 22, "demo": 22, "upgrade": 16, "import": 25, "reindex": 25}
ATTEMPTS = 3
FIXTURE_TIMEOUT_FACTOR = 10  # building fixtures is not measured: a busy machine must not fail it
QUICK_COUNTS = {"create": 3, "demo": 3, "upgrade": 3, "import": 4, "reindex": 4}


@dataclass
class KillFixtures:
    """Prepared folders and measured durations (seconds) shared by every kill case."""

    root: Path
    import_base: Path  # folder: a.sqlite + home/, some articles imported and indexed
    reindex_base: Path  # the same with 120 articles
    upgrade_base: Path  # folder: a.sqlite at schema revision 0001 with the sample records
    new_articles: Path  # a folder of articles for the killed imports
    race_articles: Path  # a folder of articles imported while a rebuild runs
    base_names: dict[str, set[str]]  # fixture name -> article file names it holds
    upgrade_counts: dict[str, int]
    demo_counts: dict[str, int]
    startup: float
    durations: dict[str, float]
    timeout: float


def prepare(root: Path, seed: int, timeout: float) -> KillFixtures:
    """Build the fixtures and measure each command's normal duration."""
    root.mkdir(parents=True, exist_ok=True)
    work = root / "work"
    new_articles, race_articles = root / "articles-new", root / "articles-race"
    write_articles(new_articles, 5000, 100, seed)
    write_articles(race_articles, 8000, 30, seed)
    import_base = _imported_folder(root / "import-base", write_articles(root / "articles-a", 0, 30, seed),
                                   root / "articles-a", timeout)
    reindex_base = _imported_folder(root / "reindex-base", write_articles(root / "articles-b", 1000, 120, seed),
                                    root / "articles-b", timeout)
    upgrade_base = root / "upgrade-base"
    _make_old_archive(upgrade_base, work, timeout)

    help_run = run_cli(work, ["--help"], None, root / "home-help", timeout)
    durations = {}
    durations["create"] = _timed(work, ["init"], root / "t-init", None, timeout)
    demo_folder = root / "t-demo"
    durations["demo"] = _timed(work, ["demo"], demo_folder, None, timeout)
    demo_counts = _counts(work, demo_folder, timeout)
    upgrade_folder = _copy(upgrade_base, root / "t-upgrade")
    durations["upgrade"] = _timed(work, ["info", "--json"], upgrade_folder, None, timeout, copy=False)
    upgrade_counts = _counts(work, upgrade_folder, timeout)
    durations["import"] = _timed(work, ["import", "--accept-all", new_articles], root / "t-import", import_base,
                                 timeout)
    durations["reindex"] = _timed(work, ["reindex"], root / "t-reindex", reindex_base, timeout)
    names = {"import": set(_names(root / "articles-a")), "reindex": set(_names(root / "articles-b"))}
    return KillFixtures(root, import_base, reindex_base, upgrade_base, new_articles, race_articles, names,
                        upgrade_counts, demo_counts, help_run.seconds, durations, timeout)


def cases(quick: bool) -> list[tuple[str, int]]:
    counts = QUICK_COUNTS if quick else KIND_COUNTS
    return [(kind, number) for kind, count in counts.items() for number in range(count)]


def run_case(fixtures: KillFixtures, kind: str, number: int, seed: int) -> CaseResult:
    """One kill of ``kind`` (create, demo, upgrade, import, reindex), then the checks.

    When the command finished before its delay (the machine was faster than when measured),
    its outcome is checked all the same and the case is tried again with a delay drawn within
    the time that run took, up to ``ATTEMPTS`` times, so that each case ends with a kill.
    """
    rng = random.Random(f"{seed}-{kind}-{number}")
    result = CaseResult("kill", kind, f"{kind} #{number}")
    low, high = fixtures.startup * 0.8, fixtures.durations[kind] * 0.95
    for attempt in range(ATTEMPTS):
        folder = fixtures.root / "cases" / f"{kind}-{number}"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        delay = rng.uniform(low, max(low + 0.05, high))
        result.notes.update(delay=round(delay, 2), attempts=attempt + 1)
        KIND_RUNNERS[kind](fixtures, folder, delay, rng, result)
        shutil.rmtree(folder, ignore_errors=True)
        if result.notes.get("killed") or result.failures:
            break
        high = result.notes["seconds"] * 0.95
        low = min(low, high * 0.6)
    return result


def _kill_create(fixtures: KillFixtures, folder: Path, delay: float, rng, result: CaseResult) -> None:
    archive, home = folder / "a.sqlite", folder / "home"
    run = CliProcess(folder / "out", ["init"], archive, home).finish(fixtures.timeout, delay)
    _after_kill(result, run)
    if not archive.exists():
        retry = run_cli(folder / "out", ["init"], archive, home, fixtures.timeout)
        result.note_runs(retry)
        if retry.code != 0:
            result.unusable += 1
            result.fail(f"killed init left no file, and init then failed: {retry.describe()}")
            return
    _check_usable(fixtures, folder, result)


def _kill_demo(fixtures: KillFixtures, folder: Path, delay: float, rng, result: CaseResult) -> None:
    archive, home = folder / "a.sqlite", folder / "home"
    run = CliProcess(folder / "out", ["demo"], archive, home).finish(fixtures.timeout, delay)
    _after_kill(result, run)
    counts = _counts(folder / "out", folder, fixtures.timeout) if archive.exists() else None
    if counts != fixtures.demo_counts:
        retry = run_cli(folder / "out", ["demo"], archive, home, fixtures.timeout)
        result.note_runs(retry)
        if retry.code != 0:
            result.unusable += 1
            state = "no sample" if counts is None else f"a partial sample ({sum(counts.values())} records)"
            result.fail(f"killed demo left {state}; demo again: {retry.describe()}")
            return
        if _counts(folder / "out", folder, fixtures.timeout) != fixtures.demo_counts:
            result.unusable += 1
            result.fail("demo after a killed demo did not write the complete sample")
            return
    _check_usable(fixtures, folder, result)


def _kill_upgrade(fixtures: KillFixtures, folder: Path, delay: float, rng, result: CaseResult) -> None:
    _copy(fixtures.upgrade_base, folder)
    process = CliProcess(folder / "out", ["info", "--json"], folder / "a.sqlite", folder / "home")
    run = process.finish(fixtures.timeout, delay)
    _after_kill(result, run)
    if not _check_usable(fixtures, folder, result):
        return
    info = parse_json(run_cli(folder / "out", ["info", "--json"], folder / "a.sqlite", folder / "home",
                              fixtures.timeout))
    if info and info.get("schema_version") != info.get("newest_schema_version"):
        result.fail(f"schema still at {info.get('schema_version')} after the upgrade was retried")
    counts = (info or {}).get("counts") or {}
    lost = sum(max(0, expected - counts.get(kind, 0)) for kind, expected in fixtures.upgrade_counts.items())
    if lost:
        result.records_lost += lost
        result.fail(f"{lost} records lost by the killed upgrade")


def _kill_import(fixtures: KillFixtures, folder: Path, delay: float, rng, result: CaseResult) -> None:
    _copy(fixtures.import_base, folder)
    _build_index(fixtures, folder, result)
    args = ["import", fixtures.new_articles] + (["--accept-all"] if rng.random() < 0.5 else [])
    run = CliProcess(folder / "out", args, folder / "a.sqlite", folder / "home").finish(fixtures.timeout, delay)
    _after_kill(result, run)
    committed = fixtures.base_names["import"] | _reported_files(run)
    result.notes["reported"] = len(committed) - len(fixtures.base_names["import"])
    if _check_usable(fixtures, folder, result):
        _check_records_and_index(fixtures, folder, committed, result)


def _kill_reindex(fixtures: KillFixtures, folder: Path, delay: float, rng, result: CaseResult) -> None:
    _copy(fixtures.reindex_base, folder)
    _build_index(fixtures, folder, result)
    archive, home = folder / "a.sqlite", folder / "home"
    racing = rng.random() < 0.5
    importer = CliProcess(folder / "out", ["import", fixtures.race_articles], archive, home) if racing else None
    run = CliProcess(folder / "out", ["reindex"], archive, home).finish(fixtures.timeout, delay)
    _after_kill(result, run)
    committed = set(fixtures.base_names["reindex"])
    if importer is not None:
        result.group = "reindex+import"
        imported = importer.finish(fixtures.timeout)
        result.note_runs(imported)
        committed |= _reported_files(imported)
        if imported.code != 0:
            result.fail(f"the import racing the rebuild failed: {imported.describe()}")
    result.notes["race"] = racing
    if _check_usable(fixtures, folder, result):
        _check_records_and_index(fixtures, folder, committed, result)


KIND_RUNNERS = {"create": _kill_create, "demo": _kill_demo, "upgrade": _kill_upgrade, "import": _kill_import,
                "reindex": _kill_reindex}


def _build_index(fixtures: KillFixtures, folder: Path, result: CaseResult) -> None:
    """Search once, so the copied archive has its index (it lives where the program keeps it)."""
    run = run_cli(folder / "out", ["search", COMMON_WORD], folder / "a.sqlite", folder / "home", fixtures.timeout)
    result.note_runs(run)
    if run.code != 0:
        result.fail(f"search before the kill failed: {run.describe()}")


# --- checks ----------------------------------------------------------------------------------------

def _after_kill(result: CaseResult, run) -> None:
    result.note_runs(run)
    result.killed += int(run.killed)
    result.notes.update(killed=run.killed, seconds=run.seconds)
    if not run.killed and run.code != 0 and not run.hung:
        result.fail(f"the command (not killed) failed: {run.describe()}")


def _check_usable(fixtures: KillFixtures, folder: Path, result: CaseResult) -> bool:
    archive, home = folder / "a.sqlite", folder / "home"
    if not archive.exists():
        result.unusable += 1
        result.fail("the archive file is gone")
        return False
    for args in (["info", "--json"], ["check"]):
        run = run_cli(folder / "out", args, archive, home, fixtures.timeout)
        result.note_runs(run)
        if run.did_not_start():
            return False
        if run.code != 0:
            result.unusable += 1
            result.fail(f"unusable after the kill: `{args[0]}` {run.describe()}")
            return False
    return True


def _check_records_and_index(fixtures: KillFixtures, folder: Path, committed: set[str], result: CaseResult) -> None:
    archive, home = folder / "a.sqlite", folder / "home"
    listed = run_cli(folder / "out", ["list", "sources", "--json"], archive, home, fixtures.timeout)
    result.note_runs(listed)
    sources = parse_json(listed)
    if not isinstance(sources, list):
        result.unusable += 1
        result.fail(f"list sources failed: {listed.describe()}")
        return
    in_database = {source["id"]: source.get("file_name") for source in sources}
    lost = committed - set(in_database.values())
    if lost:
        result.records_lost += len(lost)
        result.fail(f"{len(lost)} committed articles lost, e.g. {sorted(lost)[0]}")
    found = run_cli(folder / "out", ["search", COMMON_WORD, "--kind", "source", "--limit", "100000", "--json"],
                    archive, home, fixtures.timeout)
    result.note_runs(found)
    hits = parse_json(found)
    if not isinstance(hits, dict):
        result.index_mismatches += 1
        result.fail(f"search failed: {found.describe()}")
        return
    hit_ids = {hit["id"] for hit in hits.get("hits", [])}
    missing = set(in_database) - hit_ids
    ghosts = hit_ids - set(in_database)
    if missing or ghosts:
        result.index_mismatches += len(missing) + len(ghosts)
        result.fail(f"index disagrees with the database: {len(missing)} sources not found, {len(ghosts)} hits "
                    f"for sources not in the database")


def _reported_files(run) -> set[str]:
    """Files the import reported on its progress lines (each printed after the file was stored)."""
    return {match.group(3).strip() for line in run.stderr.splitlines() if (match := PROGRESS_LINE.match(line))}


# --- fixtures --------------------------------------------------------------------------------------

def _copy(source: Path, target: Path) -> Path:
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target, symlinks=True)
    return target


def _names(folder: Path) -> list[str]:
    return [path.name for path in folder.iterdir()]


def _imported_folder(folder: Path, names: dict, articles: Path, timeout: float) -> Path:
    """A folder with a.sqlite and home/: ``init``, the articles imported (accepted), the index built."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    archive, home, work = folder / "a.sqlite", folder / "home", folder.parent / "work"
    for args in (["init"], ["import", "--accept-all", articles], ["search", COMMON_WORD]):
        run = run_cli(work, args, archive, home, timeout * FIXTURE_TIMEOUT_FACTOR)
        if run.code != 0:
            raise RuntimeError(f"fixture {folder.name}: {args[0]} failed: {run.describe()}")
    return folder


def _make_old_archive(folder: Path, work: Path, timeout: float) -> None:
    """The sample archive taken back to schema revision 0001 (as an archive of an older Muntada)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    archive = folder / "a.sqlite"
    run = run_cli(work, ["demo"], archive, folder / "home", timeout * FIXTURE_TIMEOUT_FACTOR)
    if run.code != 0:
        raise RuntimeError(f"fixture upgrade-base: demo failed: {run.describe()}")
    from alembic import command
    from sqlalchemy import create_engine

    from archive.db.migrations import alembic_config

    engine = create_engine(f"sqlite:///{archive}")
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0001")
    engine.dispose()
    for leftover in folder.iterdir():
        if leftover.name not in ("a.sqlite", "home"):
            shutil.rmtree(leftover, ignore_errors=True) if leftover.is_dir() else leftover.unlink()
    shutil.rmtree(folder / "home", ignore_errors=True)


def _timed(work: Path, args: list, folder: Path, base: Path | None, timeout: float, copy: bool = True) -> float:
    if copy:
        shutil.rmtree(folder, ignore_errors=True)
        if base is not None:
            _copy(base, folder)
        folder.mkdir(parents=True, exist_ok=True)
    run = run_cli(work, args, folder / "a.sqlite", folder / "home", timeout * FIXTURE_TIMEOUT_FACTOR)
    if run.code != 0:
        raise RuntimeError(f"measuring `{args[0]}` failed: {run.describe()}")
    return run.seconds


def _counts(work: Path, folder: Path, timeout: float) -> dict[str, int] | None:
    info = parse_json(run_cli(work, ["info", "--json"], folder / "a.sqlite", folder / "home", timeout))
    return info.get("counts") if isinstance(info, dict) else None
