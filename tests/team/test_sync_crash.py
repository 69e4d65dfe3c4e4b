"""An interrupted sync resumes without loss or duplicates: ``kill -9`` at random points of a real
``muntada sync`` process, the network dropped by the server mid-push, and a desktop put back to
its state before a push the server had already committed."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from archive.db.engine import Archive
from archive.team.errors import TeamServerUnreachableError
from archive.team.push import push_archive
from archive.team.sync import SyncProgress, sync_archive, sync_status
from tests.team.sync_helpers import Team, new_desktop, prepared_template, shared_rows, team_fixture  # noqa: F401 (fixtures)

REPO = Path(__file__).resolve().parents[2]
QUOTES_EACH = 600  # a few progress lines (every 200 rows) in each stage, for the kill to land among



def add_quotes(archive: Archive, prefix: str, count: int = QUOTES_EACH) -> None:
    """Many quotes written straight into the file, as another program would: the triggers still queue them."""
    with sqlite3.connect(archive.path) as connection:
        connection.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
            "INSERT INTO quote (text, speech, verified, created_at, updated_at) "
            "SELECT ? || ' ' || i, 'direct', 0, '2026-12-01 10:00:00', '2026-12-01 10:00:00' FROM n",
            (count, prefix))
    connection.close()


def quote_texts(rows: dict[str, dict[str, dict[str, object]]]) -> list[str]:
    return sorted(str(row["text"]) for row in rows["quote"].values())


def sync_command(archive: Path, team_url: str) -> list[str]:
    return [sys.executable, "-m", "desktop.cli", "--lang", "en", "--archive", str(archive), "sync", team_url]


@pytest.mark.crash
def test_a_sync_killed_at_random_points_resumes_without_loss_or_duplicates(
        tmp_path: Path, team: Team) -> None:
    first = new_desktop(tmp_path, "first")
    push_archive(first, team.engine, team.address)
    second = new_desktop(tmp_path, "second")
    team.sync(second)
    add_quotes(first, "قال الوزير")
    add_quotes(second, "قالت الوزيرة")
    team.sync(first)  # the server holds first's quotes: second pulls them, then pushes its own
    environment = {**os.environ, "MUNTADA_HOME": str(tmp_path / "home")}
    second.close()

    killed_in = set()
    for _attempt in range(2):
        kill_after = random.randint(1, 5)
        process = subprocess.Popen(sync_command(second.path, team.url), cwd=REPO, env=environment,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
        seen = 0
        while seen < kill_after:
            line = process.stdout.readline()
            if not line or line.startswith(("Indexing", "Synced")):
                break
            seen += line.startswith(("Pulling", "Pushing"))
            killed_in.add(line.split(":")[0])
        process.kill()  # SIGKILL: no clean-up of any kind in the client
        process.wait(timeout=30)
        process.stdout.close()
        process.stderr.close()

    done = subprocess.run(sync_command(second.path, team.url), cwd=REPO, env=environment,
                          capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert done.returncode == 0, done.stderr
    assert "New conflicts: 0." in done.stdout
    team.sync(first)
    expected = sorted([f"قال الوزير {i}" for i in range(1, QUOTES_EACH + 1)]
                      + [f"قالت الوزيرة {i}" for i in range(1, QUOTES_EACH + 1)])
    for engine in (team.engine, first.engine, second.engine):
        assert quote_texts(shared_rows(engine)) == expected, f"killed in {sorted(killed_in)}"
    assert shared_rows(first.engine) == shared_rows(second.engine) == shared_rows(team.engine)
    assert sync_status(second).pending_changes == sync_status(first).pending_changes == 0
    first.close()


def test_a_network_drop_mid_push_changes_nothing_and_the_next_sync_completes(
        tmp_path: Path, team: Team, postgres_server) -> None:  # type: ignore[no-untyped-def]
    first = new_desktop(tmp_path, "first")
    push_archive(first, team.engine, team.address)
    add_quotes(first, "قال الوزير", 600)
    admin = postgres_server.admin_engine()

    def drop_the_network(step: SyncProgress) -> None:
        if step.stage == "push" and step.done >= 200:
            with admin.connect() as connection:
                connection.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                        "WHERE application_name = 'muntada' AND pid <> pg_backend_pid()"))

    with pytest.raises(TeamServerUnreachableError):
        sync_archive(first, team.engine, team.address, progress=drop_the_network)
    admin.dispose()
    assert quote_texts(shared_rows(team.engine)) == []
    assert sync_status(first).pending_changes == 600
    assert team.sync(first).pushed == 600
    assert shared_rows(first.engine) == shared_rows(team.engine)
    first.close()


def test_a_desktop_put_back_to_before_a_committed_push_pushes_nothing_twice(tmp_path: Path, team: Team) -> None:
    """The state a kill leaves between the server's commit and the desktop's own bookkeeping."""
    first = new_desktop(tmp_path, "first")
    push_archive(first, team.engine, team.address)
    add_quotes(first, "قال الوزير", 50)
    first.close()
    shutil.copy(first.path, tmp_path / "before.sqlite")
    first = new_desktop(tmp_path, "first")
    assert team.sync(first).pushed == 50
    first.close()
    shutil.copy(tmp_path / "before.sqlite", first.path)
    first = new_desktop(tmp_path, "first")
    assert sync_status(first).pending_changes == 50
    result = team.sync(first)
    assert (result.pulled, result.pushed, result.conflicts) == (0, 0, 0)
    assert sync_status(first).pending_changes == 0
    with team.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM sync_change")).scalar() == 50
    assert shared_rows(first.engine) == shared_rows(team.engine)
    first.close()
