"""A push killed at a random point (``kill -9``) leaves the team archive empty, and the next one completes."""

from __future__ import annotations

import math
import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from archive.db.engine import open_archive
from archive.team.push import BATCH_ROWS, pushed_tables
from archive.team.schema import TEAM_MARKER_KEY, init_team_archive
from archive.team.server import make_engine, parse_address

REPO = Path(__file__).resolve().parents[2]
EXTRA_QUOTES = 12_000  # enough batches that a kill lands in the middle of the upload


def grow(archive_path: Path) -> None:
    """Add many quotes straight into the file, so the push takes many batches."""
    with sqlite3.connect(archive_path) as connection:
        connection.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
            "INSERT INTO quote (text, speech, verified, created_at, updated_at) "
            "SELECT 'قال المتحدث إن العدد ' || i, 'direct', 0, '2026-12-01 10:00:00', '2026-12-01 10:00:00' FROM n",
            (EXTRA_QUOTES,))
    connection.close()


def table_counts(engine) -> dict[str, int]:  # type: ignore[no-untyped-def]
    counts = {}
    with engine.connect() as connection:
        for table in pushed_tables():
            query = select(func.count()).select_from(table)
            if table.name == "archive_meta":
                query = query.where(table.c.key != TEAM_MARKER_KEY)
            counts[table.name] = connection.execute(query).scalar_one()
    return counts


def push_command(archive_path: Path, team_url: str) -> list[str]:
    return [sys.executable, "-m", "desktop.cli", "--lang", "en", "--archive", str(archive_path), "team", "push",
            team_url]


@pytest.mark.crash
def test_a_push_killed_at_random_points_leaves_the_server_empty(
        sample_archive: Path, team_url: str, tmp_path: Path) -> None:
    grow(sample_archive)
    address = parse_address(team_url)[0]
    server = make_engine(address, None)
    init_team_archive(server, address)
    desktop = open_archive(sample_archive, create=False)
    local_counts = table_counts(desktop.engine)
    desktop.close()
    progress_lines = sum(math.ceil(rows / BATCH_ROWS) for rows in local_counts.values())
    environment = {**os.environ, "MUNTADA_HOME": str(tmp_path / "home")}

    for _attempt in range(2):
        kill_after = random.randint(1, progress_lines - 3)  # the last batches, the sequences and COMMIT follow
        process = subprocess.Popen(push_command(sample_archive, team_url), cwd=REPO, env=environment,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
        seen = 0
        while seen < kill_after:
            line = process.stdout.readline()
            assert line, f"the push ended before {kill_after} progress lines: {process.stderr.read()}"
            seen += line.startswith("Uploading ")
        assert process.poll() is None, "the push finished before it could be killed"
        process.kill()  # SIGKILL: no clean-up of any kind in the client
        process.wait(timeout=30)
        process.stdout.close()
        process.stderr.close()
        assert sum(table_counts(server).values()) == 0, f"killed after {kill_after} progress lines"

    done = subprocess.run(push_command(sample_archive, team_url), cwd=REPO, env=environment,
                          capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert done.returncode == 0, done.stderr
    assert table_counts(server) == local_counts
    server.dispose()
