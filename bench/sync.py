"""Benchmark of the team archive's sync against a real PostgreSQL server (issue 14).

    python bench/sync.py [--records 100000] [--rounds 3] [--desktops 20] [--seconds 60] [--server URL]

1. A server: ``--server`` (a ``postgresql://`` URL of a role that may create databases), else a
   throwaway one started for the run as the tests do (``initdb``, ``pg_ctl`` on a Unix socket in
   a temporary folder, as the ``postgres`` user when run as root), stopped at the end.
2. A team archive of ``--records`` records: the generated archive of ``bench/startup.py``
   (cached), ``team init`` and ``team push`` into a new database (the push is timed too).
3. **Initial pull** into an empty desktop: ``muntada --archive NEW sync`` in a process of its own,
   timed from start to exit, search index included (target ≤ 60 s).
4. **Incremental sync of 100 changes**: one desktop edits 100 quotes and syncs (their push),
   another syncs (their pull); each timed, ``--rounds`` times (target ≤ 1 s).
5. **Many desktops at once**: ``--desktops`` processes, each with its own copy of a small team
   archive, edit quotes (half of them from a small shared set, so officers collide) and sync,
   for ``--seconds``; then each syncs until nothing is left, keeping the server's version of
   every conflict. Checked afterwards: every edit a desktop made reached the server's change log
   or was kept as a conflict on that desktop (**0 lost updates**), every conflict is in a
   desktop's conflicts list, and every desktop's archive equals the server's.

Figures are printed as medians of the runs with the runs themselves; the machine's load is
printed with them (timings on a shared machine are noisy). ``--parts pull`` or ``--parts many``
runs one half; ``--pulls 0`` measures the initial pull's sync alone (no index, no rounds).

Measured 2026-12-02 (2 shared cores, load 4-19; the table and what is missed: docs/team.md,
"Benchmark"): 20 desktops for 60 s, 0 lost updates and every desktop equal to the server; 100
changes pushed in 0.10 s, pulled and indexed in 0.38 s; the initial pull's sync fast (20,000
records in 4-7 s) but its search index far over the target (300 s at 20,000 records), most of
it applying again, row by row, the outbox rows of records the rebuild had just indexed. Since
the fix (a pull into an empty desktop queues no outbox rows; a rebuild acknowledges the rows
written before it read the archive), the same session, load 5-7: 20,000 records pulled and
indexed in 375 s before, 75.7 and 59.8 s after (index 364 s before, 65.6 and 51.5 s after);
100,000 records after it, load 1.0-1.3: 33.8 s in all (sync 9.8 s, index 22.7 s), 1 run.

``--baseline CHECKOUT`` (a copy of an earlier version, e.g. ``git archive REV | tar -x -C DIR``)
measures only the initial pull's sync, by that checkout and this one in turn, ``--pulls`` rounds,
and how long a save waits meanwhile (a probe takes the archive's write lock every half second).
The first pull in parts, 100,000 records, load 5-6: sync medians 26.6 s before, 29.6 s after; the
longest wait of a save 24.9 s before, 1.4 s after.
"""

from __future__ import annotations

import argparse
import json
import os
import pwd
import random
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

CACHE = Path(tempfile.gettempdir()) / "muntada-bench-sync"
SUPERUSER = "muntada"
UNPRIVILEGED_USERS = ("postgres", "nobody")
INCREMENTAL_CHANGES = 100
SMALL_TEAM_QUOTES = 400  # the archive the many desktops share: collisions matter there, not size
HOT_QUOTES = 40  # the quotes every desktop may edit (so two officers edit one quote offline)


# --- the server -----------------------------------------------------------------------------------

def postgres_bin_folder() -> Path:
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda path: int(path.parts[-3]))
    if not versions:
        sys.exit("PostgreSQL's programs (initdb, pg_ctl) were not found: install Debian's postgresql, or give --server")
    return versions[-1].parent


def _as_server_user(command: list[str], folder: Path) -> list[str]:
    if os.name == "nt" or os.geteuid() != 0:
        return command
    for name in UNPRIVILEGED_USERS:
        try:
            user = pwd.getpwnam(name)
        except KeyError:
            continue
        for path in [folder, *folder.rglob("*")]:
            os.chown(path, user.pw_uid, user.pw_gid)
        return ["runuser", "-u", name, "--", *command]
    sys.exit("run as root and there is no unprivileged user (postgres, nobody) for PostgreSQL")


@contextmanager
def throwaway_server() -> Iterator[str]:
    """A PostgreSQL server on a Unix socket for this run; yields the superuser's address."""
    bin_folder = postgres_bin_folder()
    folder = Path(tempfile.mkdtemp(prefix="muntada-bench-pg-"))
    data = folder / "data"

    def run(command: list[str]) -> None:
        subprocess.run(_as_server_user(command, folder), check=True, capture_output=True, timeout=120)

    try:
        run([str(bin_folder / "initdb"), "-D", str(data), "-U", SUPERUSER, "-E", "UTF8", "--no-locale",
             "--auth=trust"])
        (data / "pg_hba.conf").write_text(f"local all {SUPERUSER} trust\nlocal all all scram-sha-256\n")
        # fsync stays on (the default): commits cost what they cost on a real server.
        options = f"-k {folder} -c listen_addresses='' -c max_connections=100 -c shared_buffers=128MB"
        run([str(bin_folder / "pg_ctl"), "start", "-D", str(data), "-w", "-t", "60", "-l",
             str(folder / "server.log"), "-o", options])
        yield f"postgresql://{SUPERUSER}@/postgres?host={folder}"
    finally:
        subprocess.run(_as_server_user([str(bin_folder / "pg_ctl"), "stop", "-D", str(data), "-m", "fast", "-w"],
                                       folder), check=False, capture_output=True, timeout=60)
        shutil.rmtree(folder, ignore_errors=True)


def new_database(admin_url: str, prefix: str) -> str:
    """A new empty database on the server; returns its address (the same login)."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    engine = create_engine(make_url(admin_url).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.exec_driver_sql(f"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0")
    engine.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


# --- the archives ---------------------------------------------------------------------------------

def generated_archive(records: int) -> Path:
    """The generated archive of ``records`` records (bench/startup.py's generator), cached, without index."""
    from startup import _insert_records

    from archive.db.engine import open_archive

    path = CACHE / f"archive-{records}.sqlite"
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.partial")  # two runs at once each build their own
    partial.unlink(missing_ok=True)
    archive = open_archive(partial, officer="bench")
    try:
        _insert_records(archive, records)
    finally:
        archive.close()
    partial.replace(path)
    return path


def copy_archive(path: Path, folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy2(path, folder / name))


def team_archive(admin_url: str, records: int, prefix: str) -> tuple[str, float]:
    """A new team archive filled by ``team push`` from the generated archive; its address and the push's seconds."""
    from archive.db.engine import open_archive
    from archive.team.push import push_archive
    from archive.team.schema import init_team_archive
    from archive.team.server import make_engine, parse_address

    url = new_database(admin_url, prefix)
    source = copy_archive(generated_archive(records), CACHE / "push", f"{prefix}-{os.getpid()}.sqlite")
    address = parse_address(url)[0]
    engine = make_engine(address, None)
    archive = open_archive(source, officer="bench")
    try:
        init_team_archive(engine, address)
        started = time.perf_counter()
        push_archive(archive, engine, address)
        return url, time.perf_counter() - started
    finally:
        archive.close()
        engine.dispose()
        source.unlink(missing_ok=True)


# --- figures --------------------------------------------------------------------------------------

def load_average() -> str:
    try:
        return "load average " + " ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "load average unknown"


def summary(values: list[float]) -> str:
    runs = ", ".join(f"{value:.2f}" for value in values)
    return f"median {statistics.median(values):.2f} s (runs: {runs})"


# --- 3. the initial pull ----------------------------------------------------------------------------

def child_pull(archive_path: Path, url: str, with_index: bool) -> None:
    """In a process of its own: an empty desktop syncs with the team archive, then its index is built."""
    from archive.db.engine import open_archive
    from archive.team.server import make_engine, parse_address
    from archive.team.sync import sync_archive
    from desktop.cli.context import CliContext

    started = time.perf_counter()
    address = parse_address(url)[0]
    engine = make_engine(address, None)
    archive = open_archive(archive_path, officer="bench")
    result = sync_archive(archive, engine, address)
    engine.dispose()
    synced = time.perf_counter()
    archive.close()
    documents = 0
    if with_index:
        context = CliContext.from_argv(["--archive", str(archive_path)])
        index = context.open_search_index()  # a new desktop has no index: built from the archive
        documents = index.document_count()
        index.close()
        context.close()
    print(json.dumps({"pulled": result.pulled, "sync": synced - started, "index": time.perf_counter() - synced,
                      "documents": documents}))


def initial_pull(url: str, home: Path, name: str, with_index: bool, tree: Path = ROOT) -> tuple[Path, dict[str, float]]:
    """An empty desktop ``name`` pulls the whole team archive in a process of its own (the code of ``tree``, a
    checkout); its figures, with the longest an officer's save waited for the archive meanwhile."""
    archive = home / f"{name}.sqlite"
    environment = {**os.environ, "MUNTADA_HOME": str(home)}
    started = time.perf_counter()
    command = [sys.executable, str(tree / "bench" / "sync.py"), "--child-pull", str(archive), url,
               "index" if with_index else "no-index"]
    process = subprocess.Popen(command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    waited = longest_save_wait(archive, process)
    out, err = process.communicate()
    if process.returncode != 0:
        sys.exit(f"the initial pull failed: {err.strip()[-2000:]}")
    figures = json.loads(out.strip().splitlines()[-1])
    figures["total"] = time.perf_counter() - started
    figures["save_wait"] = waited
    return archive, figures


def longest_save_wait(archive: Path, process: subprocess.Popen[str]) -> float:
    """While ``process`` runs: the longest wait for the archive's write lock, taken (and let go at once) every
    half second, as an officer's save in the app would take it."""
    longest = 0.0
    while process.poll() is None:
        time.sleep(0.5)
        try:  # mode=rw: never made here (the pull makes the archive)
            connection = sqlite3.connect(f"file:{archive}?mode=rw", uri=True, timeout=600, isolation_level=None)
        except sqlite3.OperationalError:
            continue
        try:
            started = time.perf_counter()
            connection.execute("BEGIN IMMEDIATE")
            longest = max(longest, time.perf_counter() - started)
            connection.execute("ROLLBACK")
        except sqlite3.OperationalError:
            pass  # the archive not made yet, or being made
        finally:
            connection.close()
    return longest


def compared_pulls(url: str, home: Path, trees: list[Path], rounds: int) -> None:
    """The initial pull's sync by each checkout in turn (alternating rounds); medians per checkout.

    The sync alone: the search index is built after it by code the checkouts compared share.
    """
    figures: dict[Path, list[dict[str, float]]] = {tree: [] for tree in trees}
    for number in range(rounds):
        for place, tree in enumerate(trees):
            figures[tree].append(initial_pull(url, home, f"compare{number}-{place}", False, tree)[1])
            run = figures[tree][-1]
            print(f"  round {number + 1}, {tree}: the sync {run['sync']:.1f} s, process {run['total']:.1f} s, "
                  f"longest wait of a save {run['save_wait']:.1f} s; {load_average()}", flush=True)
    for tree, runs in figures.items():
        print(f"initial pull by {tree}, the sync {summary([run['sync'] for run in runs])}; "
              f"the longest wait of a save meanwhile {summary([run['save_wait'] for run in runs])}")


# --- 4. an incremental sync of 100 changes ----------------------------------------------------------

def edit_quotes(archive, count: int, label: str, rng: random.Random, only: list[int] | None = None) -> list[int]:
    """``count`` quotes edited as an officer edits them (one step each); returns their ids."""
    from dataclasses import replace

    from sqlalchemy import select

    from archive.db import models as m
    from archive.services import history

    with archive.engine.connect() as connection:
        ids = only or list(connection.execute(select(m.Quote.id)).scalars())
    chosen = rng.sample(ids, count)
    for number, quote_id in enumerate(chosen):
        data = history.current_input(archive, "quote", quote_id)
        history.update(archive, "quote", quote_id, replace(data, text=f"{data.text[:200]} ({label} {number})"))
    return chosen


def incremental_rounds(url: str, home: Path, reader: Path, writer: Path, rounds: int) -> dict[str, list[float]]:
    """Rounds of: ``writer`` edits 100 quotes and syncs (timed), ``reader`` syncs and indexes (timed)."""
    from archive.db.engine import open_archive
    from archive.team.server import make_engine, parse_address
    from archive.team.sync import sync_archive
    from desktop.cli.context import CliContext

    os.environ["MUNTADA_HOME"] = str(home)
    address = parse_address(url)[0]
    engine = make_engine(address, None)
    writing = open_archive(writer, officer="writer")
    context = CliContext.from_argv(["--archive", str(reader)])
    index = context.open_search_index()  # open, as in the app, before the sync
    reading = context.open_archive()
    rng = random.Random(5)
    figures: dict[str, list[float]] = {"push": [], "pull": [], "pull+index": []}
    try:
        sync_archive(reading, engine, address)  # anything left from the pulls (none expected)
        index.drain_outbox()
        for round_number in range(rounds):
            edit_quotes(writing, INCREMENTAL_CHANGES, f"round {round_number}", rng)
            started = time.perf_counter()
            pushed = sync_archive(writing, engine, address).pushed
            figures["push"].append(time.perf_counter() - started)
            started = time.perf_counter()
            pulled = sync_archive(reading, engine, address).pulled
            synced = time.perf_counter()
            index.drain_outbox()
            figures["pull"].append(synced - started)
            figures["pull+index"].append(time.perf_counter() - started)
            if pushed != INCREMENTAL_CHANGES or pulled != INCREMENTAL_CHANGES:
                print(f"  round {round_number}: pushed {pushed}, pulled {pulled} (expected {INCREMENTAL_CHANGES})")
    finally:
        index.close()
        context.close()
        writing.close()
        engine.dispose()
    return figures


# --- 5. many desktops at once -----------------------------------------------------------------------

def quote_uids(archive) -> dict[str, int]:
    from sqlalchemy import select

    from archive.db import models as m

    with archive.engine.connect() as connection:
        return {uid: quote_id for quote_id, uid in connection.execute(select(m.Quote.id, m.Quote.uid))}


def child_desktop(number: int, archive_path: Path, url: str, desktops: int, seconds: float, log_path: Path) -> None:
    """In a process of its own: one officer's desktop pulls the team archive, says "ready", waits for "go",
    then edits quotes and syncs until ``seconds`` are over, resolving each conflict as mine or theirs.

    Every edit is logged (uid, the text written, the sync round it belongs to) for the checks.
    """
    from dataclasses import replace

    from archive.db.engine import open_archive
    from archive.services import history
    from archive.team import local
    from archive.team.conflicts import open_conflicts, resolve_conflict
    from archive.team.errors import TeamServerError
    from archive.team.server import make_engine, parse_address
    from archive.team.sync import sync_archive

    address = parse_address(url)[0]
    engine = make_engine(address, None)
    archive = open_archive(archive_path, officer=f"desk{number}")
    sync_archive(archive, engine, address)
    uids = quote_uids(archive)
    ordered = sorted(uids)
    hot, mine = ordered[:HOT_QUOTES], [uid for index, uid in enumerate(ordered) if index % desktops == number]
    print("ready", flush=True)
    sys.stdin.readline()
    rng = random.Random(number)
    deadline = time.monotonic() + seconds
    stats = {"edits": 0, "syncs": 0, "conflicts": 0, "errors": 0, "resolved_mine": 0, "resolved_theirs": 0,
             "sync_seconds": []}
    round_number = edit_number = 0
    with log_path.open("w", encoding="utf-8") as log:
        while time.monotonic() < deadline:
            for _ in range(rng.randint(1, 4)):
                uid = rng.choice(hot) if rng.random() < 0.5 else rng.choice(mine)
                data = history.current_input(archive, "quote", uids[uid])
                text = f"desk{number} edit {edit_number}"
                with archive.engine.connect() as connection:
                    base = local.version_of(connection, uid)  # the server's version this edit is made on
                history.update(archive, "quote", uids[uid], replace(data, text=text))
                log.write(json.dumps({"uid": uid, "text": text, "round": round_number, "base": base}) + "\n")
                edit_number += 1
                stats["edits"] += 1
            started = time.perf_counter()
            try:
                result = sync_archive(archive, engine, address)
            except TeamServerError as error:
                stats["errors"] += 1
                print(f"desk{number}: {error}", file=sys.stderr)
                continue
            stats["sync_seconds"].append(time.perf_counter() - started)
            stats["syncs"] += 1
            stats["conflicts"] += result.conflicts
            round_number += 1
            for conflict in open_conflicts(archive):
                choice = rng.choice(["mine", "theirs"])
                resolve_conflict(archive, conflict.id, choice)  # type: ignore[arg-type]
                stats[f"resolved_{choice}"] += 1
            time.sleep(rng.uniform(0, 0.3))
    archive.close()
    engine.dispose()
    print(json.dumps(stats), flush=True)


def small_team_archive(admin_url: str) -> str:
    """A new team archive of ``SMALL_TEAM_QUOTES`` quotes by a few people at a few events; its address."""
    from sqlalchemy import insert

    from archive.db import models as m
    from archive.db.engine import open_archive
    from archive.team.push import push_archive
    from archive.team.schema import init_team_archive
    from archive.team.server import make_engine, parse_address
    from archive.text.names import name_key, organisation_key

    rng = random.Random(3)
    path = CACHE / "push" / f"small-{os.getpid()}.sqlite"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    archive = open_archive(path, officer="bench")
    with archive.engine.begin() as connection:
        connection.execute(insert(m.Organisation.__table__), [
            {"id": i, "name": f"وزارة رقم {i}", "name_key": organisation_key(f"وزارة رقم {i}"), "kind": "ministry"}
            for i in range(1, 11)])
        connection.execute(insert(m.Person.__table__), [
            {"id": i, "name": f"المتحدث رقم {i}", "name_key": name_key(f"المتحدث رقم {i}"),
             "organisation_id": i % 10 + 1} for i in range(1, 61)])
        connection.execute(insert(m.Event.__table__), [
            {"id": i, "name": f"منتدى الإعلام {i}", "kind": "forum", "start_date": f"2025-0{i % 9 + 1}-10",
             "hashtags": []} for i in range(1, 13)])
        connection.execute(insert(m.Quote.__table__), [
            {"id": i, "text": f"قال المتحدث في الجلسة رقم {i}", "speaker_id": rng.randint(1, 60),
             "event_id": rng.randint(1, 12), "speech": "direct", "verified": False}
            for i in range(1, SMALL_TEAM_QUOTES + 1)])
    url = new_database(admin_url, "many")
    address = parse_address(url)[0]
    engine = make_engine(address, None)
    try:
        init_team_archive(engine, address)
        push_archive(archive, engine, address)
    finally:
        archive.close()
        engine.dispose()
        path.unlink(missing_ok=True)
    return url


def many_desktops(admin_url: str, home: Path, desktops: int, seconds: float) -> None:
    url = small_team_archive(admin_url)
    folder = home / "many"
    folder.mkdir(parents=True, exist_ok=True)
    environment = {**os.environ, "MUNTADA_HOME": str(folder)}
    children = []
    for number in range(desktops):
        command = [sys.executable, __file__, "--child-desktop", str(number), str(folder / f"desk{number}.sqlite"), url,
                   str(desktops), str(seconds), str(folder / f"desk{number}.log")]
        children.append(subprocess.Popen(command, env=environment, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=subprocess.PIPE, text=True))
    started = time.perf_counter()
    for child in children:
        if child.stdout is None or child.stdout.readline().strip() != "ready":
            sys.exit(f"a desktop failed to start: {child.stderr.read() if child.stderr else ''}")
    print(f"  {desktops} desktops pulled the team archive ({SMALL_TEAM_QUOTES} quotes) at once: "
          f"{time.perf_counter() - started:.1f} s")
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    stats = []
    for number, child in enumerate(children):
        out, err = child.communicate()
        if child.returncode != 0:
            sys.exit(f"desktop {number} failed: {err.strip()[-2000:]}")
        stats.append(json.loads(out.strip().splitlines()[-1]))
    total = {key: sum(stat[key] for stat in stats) for key in ("edits", "syncs", "conflicts", "errors",
                                                                 "resolved_mine", "resolved_theirs")}
    sync_seconds = [value for stat in stats for value in stat["sync_seconds"]]
    print(f"  {seconds:.0f} s of work: {total['edits']} edits, {total['syncs']} syncs "
          f"(median {statistics.median(sync_seconds):.2f} s, slowest {max(sync_seconds):.2f} s), "
          f"{total['conflicts']} conflicts reported by syncs ({total['resolved_mine']} kept mine, "
          f"{total['resolved_theirs']} kept theirs), {total['errors']} syncs failed")
    check_many(url, folder, desktops, total["conflicts"])


def settle(url: str, archives: list[Path]) -> int:
    """Every desktop syncs, keeping the server's version of any conflict, until a whole round changes nothing;
    then each pulls once more. Returns the rounds it took."""
    from archive.db.engine import open_archive
    from archive.team.conflicts import open_conflicts, resolve_conflict
    from archive.team.server import make_engine, parse_address
    from archive.team.sync import sync_archive, sync_status

    address = parse_address(url)[0]
    engine = make_engine(address, None)
    try:
        for round_number in range(1, 11):
            busy = False
            for path in archives:
                archive = open_archive(path)
                result = sync_archive(archive, engine, address)
                for conflict in open_conflicts(archive):
                    resolve_conflict(archive, conflict.id, "theirs")
                    busy = True
                busy = busy or result.pushed > 0 or result.conflicts > 0 or sync_status(archive).pending_changes > 0
                archive.close()
            if not busy:
                return round_number
        return -1
    finally:
        engine.dispose()


def contents(connection) -> dict[str, dict[str, str]]:
    """Every shared row on one side, by table and uid, in its wire form without timestamps (as JSON)."""
    from sqlalchemy import select

    from archive.team.wire import TIMESTAMPS, UidMap, shared_tables, to_wire

    uids = UidMap(connection)
    uids.preload(shared_tables())
    found: dict[str, dict[str, str]] = {}
    for name, shared in shared_tables().items():
        rows = connection.execute(select(shared.table)).mappings()
        found[name] = {row["uid"]: json.dumps({key: value for key, value in to_wire(shared, row, uids).items()
                                               if key not in TIMESTAMPS}, sort_keys=True, default=str)
                       for row in rows}
    return found


def check_many(url: str, folder: Path, desktops: int, conflicts_reported: int) -> None:
    """The checks of part 5 (see the module's docstring); prints each with its figures."""
    from sqlalchemy import select

    from archive.db import models as m
    from archive.db.engine import open_archive
    from archive.team.server import make_engine, parse_address

    archives = [folder / f"desk{number}.sqlite" for number in range(desktops)]
    rounds = settle(url, archives)
    print(f"  afterwards every desktop synced until nothing was left: {rounds} rounds" if rounds > 0 else
          "  MISSED: the desktops did not settle in 10 rounds")
    engine = make_engine(parse_address(url)[0], None)
    with engine.connect() as connection:
        server = contents(connection)
        logged: dict[str, set[str]] = {}
        versions: dict[str, list[int]] = {}
        written_on: dict[str, int] = {}  # text -> the version it was written as
        for uid, version, row in connection.execute(select(m.SyncChange.uid, m.SyncChange.version,
                                                           m.SyncChange.row).where(m.SyncChange.table_name == "quote")):
            versions.setdefault(uid, []).append(version)
            if row is not None:
                logged.setdefault(uid, set()).add(str(row.get("text")))
                written_on[str(row.get("text"))] = version
    engine.dispose()
    broken = [uid for uid, numbers in versions.items() if sorted(numbers) != list(range(1, len(numbers) + 1))]
    print(f"  server's change log: {sum(map(len, versions.values()))} quote entries, "
          f"{len(broken)} quotes whose versions are not 1, 2, 3... (two writes on one version: must be 0)")
    lost = blind = surfaced = equal = 0
    for number, path in enumerate(archives):
        archive = open_archive(path)
        with archive.engine.connect() as connection:
            kept: dict[str, set[str]] = {}
            bases: dict[str, set[int]] = {}  # text -> versions it may be written on (a conflict kept "mine")
            for uid, mine, theirs_version, resolution in connection.execute(select(
                    m.SyncConflict.uid, m.SyncConflict.mine, m.SyncConflict.theirs_version, m.SyncConflict.resolution)):
                text = str((mine or {}).get("text"))
                kept.setdefault(uid, set()).add(text)
                if resolution == "mine":
                    bases.setdefault(text, set()).add(theirs_version)
                surfaced += 1
            equal += contents(connection) == server
        archive.close()
        last: dict[tuple[str, int], dict] = {}
        for line in (folder / f"desk{number}.log").read_text(encoding="utf-8").splitlines():
            edit = json.loads(line)
            last[(edit["uid"], edit["round"])] = edit  # a later edit before the sync replaces it here
        for (uid, _round), edit in last.items():
            text = edit["text"]
            if text not in logged.get(uid, set()) and text not in kept.get(uid, set()):
                lost += 1
                print(f"  LOST: desk{number}'s edit {text!r} of quote {uid} is neither on the server nor a conflict")
            if text in written_on and written_on[text] - 1 not in bases.get(text, set()) | {edit["base"]}:
                blind += 1
                print(f"  LOST: desk{number}'s edit {text!r} was written as version {written_on[text]}, "
                      f"over a version it had not seen (it was made on version {edit['base']})")
    print(f"  lost updates: {lost + blind} (target 0: {lost} edits neither on the server nor a conflict, "
          f"{blind} written over a version their desktop had not seen)")
    print(f"  conflicts in the desktops' lists: {surfaced} "
          f"(reported by their syncs: {conflicts_reported}, the rest while settling)")
    print(f"  desktops whose archive equals the server's: {equal} of {desktops}")


# --- the run ----------------------------------------------------------------------------------------

def pull_and_incremental(admin_url: str, home: Path, arguments: argparse.Namespace) -> None:
    """Parts 2 to 4: the team archive, two initial pulls, rounds of incremental syncs."""
    started = time.perf_counter()
    generated_archive(arguments.records)
    print(f"generated archive of {arguments.records} records: ready in {time.perf_counter() - started:.1f} s")
    url, push_seconds = team_archive(admin_url, arguments.records, "bench")
    print(f"team push of {arguments.records} records into an empty team archive: {push_seconds:.1f} s")
    if arguments.baseline:  # before and after a change: the initial pull alone, alternating
        compared_pulls(url, home, [Path(tree).resolve() for tree in arguments.baseline] + [ROOT], arguments.pulls)
        return

    # The reading desktop has its index built, as a new laptop does; the writing one needs none (``--pulls``
    # more desktops with an index give more runs of the whole).
    pulls = [initial_pull(url, home, f"reader{number}", True) for number in range(arguments.pulls)]
    pulls.append(initial_pull(url, home, "writer", False))
    indexed = pulls[:-1]
    print(f"initial pull into an empty desktop, the sync alone: {summary([pull[1]['sync'] for pull in pulls])}; "
          f"pulled {pulls[0][1]['pulled']} rows; {load_average()}")
    if not indexed:  # --pulls 0: the sync alone, no incremental rounds (they need an indexed desktop)
        return
    print(f"initial pull into an empty desktop, in all: {summary([pull[1]['total'] for pull in indexed])} "
          "(target ≤ 60 s, index included)")
    print(f"  of which the search index: {summary([pull[1]['index'] for pull in indexed])}, "
          f"{pulls[0][1]['documents']} documents")

    figures = incremental_rounds(url, home, pulls[0][0], pulls[-1][0], arguments.rounds)
    for name, values in figures.items():
        print(f"incremental sync of {INCREMENTAL_CHANGES} changes, {name}: {summary(values)}"
              + (" (target ≤ 1 s)" if name == "pull+index" else ""))


def run(admin_url: str, arguments: argparse.Namespace) -> None:
    home = Path(tempfile.mkdtemp(prefix="muntada-bench-sync-home-"))
    try:
        print(f"machine: {os.cpu_count()} cores, {load_average()}")
        if "pull" in arguments.parts:
            pull_and_incremental(admin_url, home, arguments)
        if "many" in arguments.parts and arguments.desktops:
            print(f"{arguments.desktops} desktops editing and syncing at once for {arguments.seconds:.0f} s "
                  f"({load_average()}):")
            many_desktops(admin_url, home, arguments.desktops, arguments.seconds)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def main() -> None:
    if sys.argv[1:2] == ["--child-pull"]:
        child_pull(Path(sys.argv[2]), sys.argv[3], sys.argv[4] == "index")
        return
    if sys.argv[1:2] == ["--child-desktop"]:
        number, path, url, desktops, seconds, log = sys.argv[2:8]
        child_desktop(int(number), Path(path), url, int(desktops), float(seconds), Path(log))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the incremental sync")
    parser.add_argument("--pulls", type=int, default=1, help="initial pulls with the index built (each one run)")
    parser.add_argument("--desktops", type=int, default=20, help="desktops syncing at once (0: skip that part)")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long the desktops work at once")
    parser.add_argument("--parts", default="pull,many", help="pull (parts 2-4), many (part 5), or both")
    parser.add_argument("--baseline", action="append", default=[],
                        help="a checkout of another version: --pulls rounds of the initial pull's sync alternate "
                             "between it (or each, when given more than once) and this one; nothing else is measured")
    parser.add_argument("--server", help="a postgresql:// URL of a role that may create databases (default: "
                                         "a throwaway server)")
    arguments = parser.parse_args()
    # Stopped by a timeout or kill: leave through the ``finally`` blocks, so the server is stopped too.
    signal.signal(signal.SIGTERM, lambda _signal, _frame: sys.exit(143))
    import archive.team.sync  # noqa: F401  (now: the code measured is the code at the start of the run)
    import search.index  # noqa: F401

    if arguments.server:
        run(arguments.server, arguments)
        return
    with throwaway_server() as admin_url:
        run(admin_url, arguments)


if __name__ == "__main__":
    main()
