"""A desktop's first pull commits in parts (issue 14): an officer can save while it runs, and a real
``muntada sync`` killed between parts resumes without loss or duplicates, the server's changes made
meanwhile included. Parts are made small here (``COMMIT_ROWS``) so that a small team archive has many."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select, text

from archive.db import models as m
from archive.db.engine import Archive
from archive.services.maintenance import GENERATION_KEY
from archive.services.organisations import create_organisation
from archive.services.people import delete_person
from archive.services.quotes import delete_quote
from archive.services.records import OrganisationInput
from archive.team import first_pull, local
from archive.team.push import push_archive
from archive.team.sync import SyncProgress, sync_status
from tests.team.sync_helpers import Team, new_desktop, prepared_template, shared_rows, team_fixture  # noqa: F401 (fixtures)
from tests.team.test_sync_crash import REPO, add_quotes, quote_texts

QUOTES = 1500
PART_ROWS = 100
SMALL_PARTS = ("import sys; import archive.team.first_pull as parts; parts.COMMIT_ROWS = {rows}; "
               "from desktop.cli import main; sys.exit(main(sys.argv[1:]))")


def team_of_quotes(tmp_path: Path, team: Team) -> Archive:
    first = new_desktop(tmp_path, "first", officer="amina")
    add_quotes(first, "قال الوزير", QUOTES)
    push_archive(first, team.engine, team.address)
    return first


def test_an_officer_saves_while_the_first_pull_runs(tmp_path: Path, team: Team,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(first_pull, "COMMIT_ROWS", PART_ROWS)
    first = team_of_quotes(tmp_path, team)
    second = new_desktop(tmp_path, "second", officer="omar")
    pulling = threading.Event()
    saved: dict[str, object] = {}

    def officer_saves() -> None:
        pulling.wait(timeout=60)
        create_organisation(second, OrganisationInput(name="وزارة الإعلام"))  # waits for the lock: 5 s at most
        with second.engine.connect() as connection:
            saved["last_seq"] = local.meta(connection, local.LAST_SEQ_KEY)
            saved["quotes"] = len(connection.execute(select(m.Quote.id)).all())

    officer = threading.Thread(target=officer_saves)
    officer.start()

    def progress(step: SyncProgress) -> None:
        if step.stage == "pull":
            pulling.set()

    result = team.sync_with(second, progress=progress)
    officer.join(timeout=60)
    # The save went in between two parts of the pull: the pull was not finished (no position in the log yet).
    assert saved["last_seq"] is None and 0 < int(str(saved["quotes"])) < QUOTES
    assert result.conflicts == 0 and result.pushed == 1  # the officer's organisation, sent by the same sync
    assert shared_rows(second.engine) == shared_rows(team.engine)
    team.sync(first)
    assert shared_rows(first.engine) == shared_rows(team.engine)
    assert sync_status(second).pending_changes == 0
    first.close()
    second.close()


def test_a_person_deleted_here_between_parts_leaves_the_quotes_pulled_after_without_speaker(
        tmp_path: Path, team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    """The parts share what they read of this desktop's ids: a row the officer removes in between is read again."""
    monkeypatch.setattr(first_pull, "COMMIT_ROWS", PART_ROWS)
    first = new_desktop(tmp_path, "first", officer="amina")
    with sqlite3.connect(first.path) as connection:
        connection.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) "
                           "INSERT INTO person (name, name_key, created_at, updated_at) "
                           "SELECT 'شخص ' || i, 'شخص ' || i, '2026-12-01 10:00:00', '2026-12-01 10:00:00' FROM n")
        connection.execute("UPDATE person SET name = 'سالم الهاشمي', name_key = 'سالم هاشمي' WHERE id = 1")
    connection.close()
    add_quotes(first, "قال الوزير", 50)
    with sqlite3.connect(first.path) as connection:
        connection.execute("UPDATE quote SET speaker_id = 1")
    connection.close()
    push_archive(first, team.engine, team.address)
    second = new_desktop(tmp_path, "second", officer="omar")
    deleted = threading.Event()

    def officer_deletes() -> None:
        deadline = time.monotonic() + 60
        while stored(second.path, first_pull.FIRST_PULL_KEY) is None and time.monotonic() < deadline:
            time.sleep(0.005)
        delete_person(second, 1)  # pulled by the first part (people come before quotes)
        deleted.set()

    officer = threading.Thread(target=officer_deletes)
    officer.start()
    result = team.sync(second)
    officer.join(timeout=60)
    assert deleted.is_set() and result.conflicts == 0
    with second.engine.connect() as connection:
        speakers = set(connection.execute(select(m.Quote.speaker_id)).scalars())
        assert speakers == {None} and len(connection.execute(select(m.Quote.id)).all()) == 50
    team.sync(first)
    assert shared_rows(first.engine) == shared_rows(second.engine) == shared_rows(team.engine)
    first.close()
    second.close()


def stored(path: Path, key: str, table: str = "sync_state") -> str | None:
    """A value of the archive's ``sync_state`` (or ``archive_meta``), read by another connection; None: none yet."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as connection:
            row = connection.execute(f"SELECT value FROM {table} WHERE key = ?", (key,)).fetchone()
    except sqlite3.OperationalError:  # the file or its tables are not made yet
        return None
    return str(row[0]) if row else None


def sync_command(archive: Path, team_url: str, part_rows: int | None = None) -> list[str]:
    start = ["-c", SMALL_PARTS.format(rows=part_rows)] if part_rows else ["-m", "desktop.cli"]
    return [sys.executable, *start, "--lang", "en", "--archive", str(archive), "sync", team_url]


@pytest.mark.crash
def test_a_first_pull_killed_between_parts_resumes_without_loss_or_duplicates(tmp_path: Path, team: Team) -> None:
    first = team_of_quotes(tmp_path, team)
    second = tmp_path / "second.sqlite"
    environment = {**os.environ, "MUNTADA_HOME": str(tmp_path / "home")}
    parts = random.randint(1, 4)
    process = subprocess.Popen(sync_command(second, team.url, PART_ROWS), cwd=REPO, env=environment,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seen: list[str] = []
    deadline = time.monotonic() + 60
    while len(seen) < parts and process.poll() is None and time.monotonic() < deadline:
        position = stored(second, first_pull.FIRST_PULL_KEY)
        if position is not None and (not seen or seen[-1] != position):
            seen.append(position)  # a part committed
        time.sleep(0.005)
    process.kill()  # SIGKILL, in the pause between two parts or early in the next one
    process.wait(timeout=30)
    assert process.stderr is not None
    process.stderr.close()
    assert len(seen) == parts, "the pull ended before the kill"
    assert stored(second, local.LAST_SEQ_KEY) is None
    generation = stored(second, GENERATION_KEY, "archive_meta")

    # Meanwhile on the server: a quote the killed pull had applied is changed, another deleted, one added.
    with first.engine.begin() as connection:
        connection.execute(text("UPDATE quote SET text = text || ' (مصحح)' WHERE id = 1"))
    delete_quote(first, 2)
    add_quotes(first, "قالت الوزيرة", 1)
    assert team.sync(first).pushed == 3

    done = subprocess.run(sync_command(second, team.url), cwd=REPO, env=environment, capture_output=True,
                          text=True, encoding="utf-8", timeout=300)
    assert done.returncode == 0, done.stderr
    assert "New conflicts: 0." in done.stdout
    resumed = new_desktop(tmp_path, "second")
    try:
        assert shared_rows(resumed.engine) == shared_rows(team.engine) == shared_rows(first.engine)
        texts = quote_texts(shared_rows(resumed.engine))
        assert len(texts) == len(set(texts)) == QUOTES and "قالت الوزيرة 1" in texts
        with resumed.engine.connect() as connection:
            received = connection.execute(text(
                "SELECT record_id, count(*) FROM audit_entry WHERE action = 'received' GROUP BY record_kind, "
                "record_id HAVING count(*) > 1")).all()
            assert received == []  # no record written twice
            assert local.meta(connection, first_pull.FIRST_PULL_KEY) is None
        assert sync_status(resumed).pending_changes == 0
        # The index is rebuilt once, from the whole archive: the generation renewed by the last part.
        assert stored(second, GENERATION_KEY, "archive_meta") != generation
    finally:
        resumed.close()
        first.close()
