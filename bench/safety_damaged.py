"""The damaged-archive series of the data-safety benchmark.

A good archive with a dozen accepted articles and its index is copied for each case, then
damaged: truncated at various points, bytes overwritten in the header, at the start, middle and
end of pages, replaced by a zero-byte file, a text file, a foreign SQLite database, a folder; a
garbage -wal/-shm/-journal beside it; a missing path; a damaged search index. Each case runs
``info``, ``list sources``, ``check``, ``search WORD`` and ``import FILE``, and is judged:

- every command gives a clear message (one line, no traceback, no "Unexpected error", no hang);
- a file that is not an archive (zero bytes, text, foreign database, folder, missing) is refused
  by every command and left exactly as it was (no archive made of it, none created);
- a damaged archive (``check`` or ``info`` fails) refuses the import, and no command changes
  its bytes; an archive found sound answers every command;
- a damaged index does not stop search: the marker word is still found.

Two archive-safety checks join them: ``backup --to`` an existing file leaves that file alone,
and no file Muntada writes (archive, index, backups, settings) is readable by other users.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from safety_common import CaseResult, marker, parse_json, run_cli, write_articles

COMMANDS = (("info",), ("list", "sources"), ("check",), ("search", "WORD"), ("import", "FILE"))


@dataclass
class DamagedFixtures:
    root: Path
    good: Path  # folder: a.sqlite + home/ with accepted articles, indexed
    size: int
    page_size: int
    word: str  # marker word of an article in the good archive
    new_article: Path
    timeout: float


def prepare(root: Path, seed: int, timeout: float) -> DamagedFixtures:
    good = root / "good"
    shutil.rmtree(good, ignore_errors=True)
    good.mkdir(parents=True)
    names = write_articles(root / "articles", 40_000, 12, seed)
    write_articles(root / "new", 41_000, 1, seed)
    for args in (["init"], ["import", "--accept-all", root / "articles"], ["search", marker(40_000)]):
        run = run_cli(root / "work", args, good / "a.sqlite", good / "home", timeout * 10)
        if run.code != 0:
            raise RuntimeError(f"damaged fixture: {args[0]} failed: {run.describe()}")
    data = (good / "a.sqlite").read_bytes()
    page_size = int.from_bytes(data[16:18], "big") or 65536
    assert names
    return DamagedFixtures(root, good, len(data), page_size, marker(40_000), next((root / "new").iterdir()), timeout)


# --- the damage ------------------------------------------------------------------------------------

def _truncate(fraction_or_bytes):
    def damage(path: Path, fixtures: DamagedFixtures, rng: random.Random) -> None:
        size = fraction_or_bytes if isinstance(fraction_or_bytes, int) else int(fixtures.size * fraction_or_bytes)
        with open(path, "r+b") as file:
            file.truncate(size if size >= 0 else fixtures.size + size)
    return damage


def _overwrite(offset_of, length: int, zeros: bool = False):
    def damage(path: Path, fixtures: DamagedFixtures, rng: random.Random) -> None:
        offset = offset_of(fixtures)
        with open(path, "r+b") as file:
            file.seek(offset)
            file.write(bytes(length) if zeros else rng.randbytes(length))
    return damage


def _page(index_of, where: str):
    def offset(fixtures: DamagedFixtures) -> int:
        pages = fixtures.size // fixtures.page_size
        page = index_of(pages)
        start = page * fixtures.page_size
        offsets = {"start": start, "middle": start + fixtures.page_size // 2, "end": start + fixtures.page_size - 100}
        return offsets[where]
    return offset


def _replace_with(data_of):
    def damage(path: Path, fixtures: DamagedFixtures, rng: random.Random) -> None:
        path.write_bytes(data_of(rng))
    return damage


def _foreign_database(path: Path, fixtures: DamagedFixtures, rng: random.Random) -> None:
    path.unlink()
    connection = sqlite3.connect(path)
    connection.execute("create table customers (id integer primary key, name text)")
    connection.execute("insert into customers (name) values ('someone')")
    connection.commit()
    connection.close()


def _future_schema(path: Path, fixtures: DamagedFixtures, rng: random.Random) -> None:
    connection = sqlite3.connect(path)
    connection.execute("update alembic_version set version_num = '9999'")
    connection.commit()
    connection.close()


def _folder_at_path(path: Path, fixtures: DamagedFixtures, rng: random.Random) -> None:
    path.unlink()
    path.mkdir()


def _missing(path: Path, fixtures: DamagedFixtures, rng: random.Random) -> None:
    path.unlink()


def _beside(suffix: str, size: int = 40_000):
    def damage(path: Path, fixtures: DamagedFixtures, rng: random.Random) -> None:
        Path(str(path) + suffix).write_bytes(rng.randbytes(size))
    return damage


def _damage_index(how: str):
    def damage(path: Path, fixtures: DamagedFixtures, rng: random.Random) -> None:
        folder = _index_folder(path, fixtures)
        files = sorted(item for item in folder.rglob("*") if item.is_file()) if folder else []
        if not files:
            raise RuntimeError("no index files found to damage")
        for item in files:
            if how == "garbage":
                item.write_bytes(rng.randbytes(max(64, item.stat().st_size)))
            elif how == "truncate":
                with open(item, "r+b") as file:
                    file.truncate(item.stat().st_size // 2)
            elif how == "delete-segments" and not item.name.startswith("_"):
                item.unlink()
            elif how == "empty":
                item.write_bytes(b"")
    return damage


def _index_folder(path: Path, fixtures: DamagedFixtures) -> Path | None:
    """The archive's index folder, as ``info --json`` names it (built first by a search)."""
    run_cli(path.parent / "out", ["search", fixtures.word], path, path.parent / "home", fixtures.timeout)
    info = parse_json(run_cli(path.parent / "out", ["info", "--json"], path, path.parent / "home", fixtures.timeout))
    for key, value in (info or {}).items():
        if "index" in key and isinstance(value, str) and Path(value).is_dir():
            return Path(value)
    return None


def damage_kinds() -> dict[str, tuple]:
    """name -> (damage(path, fixtures, rng), expectation): "not-archive", "newer", "auto" or "index"."""
    kinds: dict[str, tuple] = {}
    for cut in (0, 50, 100, 512, 1024, 4096, 4196, 8192, 0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9, -4096, -1000, -100, -1):
        expectation = "not-archive" if cut == 0 else "auto"
        kinds[f"truncated at {cut if isinstance(cut, int) else f'{cut:.0%}'}"] = (_truncate(cut), expectation)
    for offset, length, label in ((0, 16, "magic"), (16, 2, "page size"), (18, 2, "format versions"),
                                  (20, 4, "reserved bytes"), (24, 4, "change counter"), (28, 4, "page count"),
                                  (32, 8, "freelist"), (40, 20, "schema cookie"), (56, 4, "text encoding"),
                                  (92, 8, "version-valid-for"), (0, 100, "whole header"),
                                  (100, 200, "first page body")):
        kinds[f"header: {label} random"] = (_overwrite(lambda f, o=offset: o, length), "auto")
    kinds["header: whole header zeroed"] = (_overwrite(lambda f: 0, 100, zeros=True), "auto")
    pages = {"page 2": lambda n: 1, "page 3": lambda n: 2, "page 5": lambda n: min(4, n - 1),
             "middle page": lambda n: n // 2, "page at 3/4": lambda n: n * 3 // 4, "last page": lambda n: n - 1}
    for page_name, index_of in pages.items():
        for where in ("start", "middle", "end"):
            kinds[f"{page_name}: {where} random"] = (_overwrite(_page(index_of, where), 100), "auto")
    kinds["middle page: zeroed"] = (_overwrite(_page(lambda n: n // 2, "start"), 4096, zeros=True), "auto")
    kinds["second half zeroed"] = (_overwrite(lambda f: f.size // 2, 10 ** 7, zeros=True), "auto")
    kinds["64 KB random in the middle"] = (_overwrite(lambda f: f.size // 3, 65536), "auto")
    kinds["zero-byte file"] = (_replace_with(lambda rng: b""), "not-archive")
    notes = "ملاحظات الاجتماع\nnotes\n".encode() * 50
    kinds["text file named .sqlite"] = (_replace_with(lambda rng: notes), "not-archive")
    kinds["random bytes named .sqlite"] = (_replace_with(lambda rng: rng.randbytes(300_000)), "not-archive")
    kinds["HTML page named .sqlite"] = (_replace_with(lambda rng: b"<html><body>404</body></html>"), "not-archive")
    kinds["foreign SQLite database"] = (_foreign_database, "not-archive")
    kinds["archive of a newer Muntada (schema 9999)"] = (_future_schema, "newer")
    kinds["a folder at the archive path"] = (_folder_at_path, "not-archive")
    kinds["missing archive path"] = (_missing, "not-archive")
    kinds["garbage -wal beside it"] = (_beside("-wal"), "auto")
    kinds["garbage -wal and -shm beside it"] = (
        lambda p, f, r: (_beside("-wal")(p, f, r), _beside("-shm", 32768)(p, f, r)), "auto")
    kinds["garbage -shm beside it"] = (_beside("-shm", 32768), "auto")
    kinds["garbage -journal beside it"] = (_beside("-journal"), "auto")
    for how in ("garbage", "truncate", "delete-segments", "empty"):
        kinds[f"index: {how}"] = (_damage_index(how), "index")
    return kinds


# --- the cases -------------------------------------------------------------------------------------

def cases(quick: bool) -> list[str]:
    """Every damage kind (``quick``: every third of the "auto" ones) and the two safety checks."""
    kinds = damage_kinds()
    auto = [name for name, (_, expectation) in kinds.items() if expectation == "auto"]
    chosen = [name for name in kinds if name not in auto or not quick or auto.index(name) % 3 == 0]
    return [*chosen, "backup --to an existing file", "files readable by other users"]


def run_case(fixtures: DamagedFixtures, name: str, number: int, seed: int) -> CaseResult:
    rng = random.Random(f"{seed}-{name}")
    folder = fixtures.root / "cases" / f"case-{number}"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(fixtures.good, folder)
    archive = folder / "a.sqlite"
    if name == "backup --to an existing file":
        result = CaseResult("damaged", "archive safety", name)
        _backup_over_file(fixtures, folder, result)
    elif name == "files readable by other users":
        result = CaseResult("damaged", "archive safety", name)
        _world_readable(fixtures, folder, result)
    else:
        damage, expectation = damage_kinds()[name]
        result = CaseResult("damaged", expectation, name)
        damage(archive, fixtures, rng)
        _judge(fixtures, folder, expectation, result)
    shutil.rmtree(folder, ignore_errors=True)
    return result


def _state(archive: Path) -> tuple:
    def digest(path: Path):
        if path.is_dir():
            return "folder"
        return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None
    return digest(archive), archive.exists()


def _judge(fixtures: DamagedFixtures, folder: Path, expectation: str, result: CaseResult) -> None:
    archive, home = folder / "a.sqlite", folder / "home"
    before = _state(archive)
    runs = {}
    for command in COMMANDS:
        args = [fixtures.word if word == "WORD" else fixtures.new_article if word == "FILE" else word
                for word in command]
        if command[0] == "search":
            args += ["--json"]
        run = run_cli(folder / "out", args, archive, home, fixtures.timeout)
        result.note_runs(run)
        runs[command[0]] = run
        if run.did_not_start():
            return  # counted as "did not start": nothing to judge of the archive
        if run.code != 0 and not run.hung:
            _check_clear(command[0], run, result)
    after = _state(archive)
    damaged = runs["info"].code != 0 or runs["check"].code != 0 or expectation == "newer"
    result.notes.update({name: run.code for name, run in runs.items()}, damaged=damaged)
    if expectation == "not-archive":
        for name, run in runs.items():
            if run.code == 0:
                result.fail(f"`{name}` accepted a file that is not an archive: {run.describe()}")
        if after != before:
            result.fail("the file was changed (or created) although it is not an archive")
    elif expectation == "index":
        hits = (parse_json(runs["search"]) or {}).get("hits", [])
        if not any(fixtures.word in hit.get("title", "") for hit in hits):
            result.fail(f"search with a damaged index did not find the marker: {runs['search'].describe()}")
        for name, run in runs.items():
            if run.code != 0:
                result.fail(f"`{name}` failed with a damaged index: {run.describe()}")
    elif damaged:
        if runs["import"].code == 0:
            result.fail("import into a damaged archive was not refused")
        if after != before:
            result.fail("the damaged archive's bytes were changed by the commands")
    else:
        result.notes["undetected"] = True
        for name, run in runs.items():
            if run.code != 0:
                result.fail(f"`{name}` failed though `check` found the archive sound: {run.describe()}")


def _check_clear(command: str, run, result: CaseResult) -> None:
    lines = [line for line in run.output.splitlines() if line.strip() and not line.startswith("[")]
    if not lines:
        result.fail(f"`{command}` failed without a message (exit {run.code})")
    elif len(lines) > 1 and command != "check":
        result.fail(f"`{command}` gave {len(lines)} lines, not one: {run.describe()}")


def _backup_over_file(fixtures: DamagedFixtures, folder: Path, result: CaseResult) -> None:
    target = folder / "minutes.docx"
    target.write_bytes(b"the officer's own document, not a backup")
    run = run_cli(folder / "out", ["backup", "--to", target], folder / "a.sqlite", folder / "home", fixtures.timeout)
    result.note_runs(run)
    if target.read_bytes() != b"the officer's own document, not a backup":
        result.fail(f"backup --to an existing file overwrote it: {run.describe()}")
    elif run.code != 0:
        _check_clear("backup", run, result)


def _world_readable(fixtures: DamagedFixtures, folder: Path, result: CaseResult) -> None:
    fresh, home = folder / "fresh", folder / "fresh-home"
    fresh.mkdir()
    runs = [run_cli(folder / "out", args, fresh / "a.sqlite", home, fixtures.timeout)
            for args in (["init"], ["import", fixtures.new_article.parent], ["search", "منتدى"], ["backup"])]
    result.note_runs(*runs)
    exposed = [path for base in (fresh, home) for path in base.rglob("*")
               if path.is_file() and os.stat(path).st_mode & 0o004]
    if exposed:
        result.fail(f"{len(exposed)} files readable by other users, e.g. {exposed[0].relative_to(folder)} "
                    f"({oct(os.stat(exposed[0]).st_mode & 0o777)})")
