"""The search index shared by real processes: a rebuild racing an import, and rebuilds killed mid-way."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import insert

from archive.db import models as m
from archive.db.engine import open_archive
from archive.location import index_folder_for
from archive.services import outbox, quotes
from archive.services.records import QuoteInput
from search.index import SearchIndex

REPO = Path(__file__).resolve().parents[2]
MARK_WORD = "التجريبية"
# Enough records for a rebuild of about two seconds in one process (below search.build.PARALLEL_FROM).
EXTRA_QUOTES = 3000


def muntada_command(archive_path: Path, *arguments: str) -> list[str]:
    return [sys.executable, "-m", "desktop.cli", "--lang", "en", "--archive", str(archive_path), *arguments]


def run_muntada(archive_path: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(muntada_command(archive_path, *arguments), cwd=REPO, capture_output=True, text=True,
                          timeout=120, env={**os.environ})


@pytest.fixture
def large_archive(sample_archive_file: Path, tmp_path: Path) -> Path:
    """The sample archive and 3,000 more quotes, each with ``MARK_WORD``, and its search index built."""
    path = tmp_path / "archive.sqlite"
    shutil.copy(sample_archive_file, path)
    archive = open_archive(path)
    words = ["التواصل", "الحكومي", "الإعلام", "الرقمي", "المنصات", "المجتمع", "التدريب", "الموظفين", "الهاتف",
             "الأخبار", "المؤسسات"]
    with archive.session() as session:
        session.execute(insert(m.Quote), [
            {"text": " ".join(words[(number + shift) % len(words)] for shift in range(20)) + f" {MARK_WORD} {number}",
             "speech": "direct", "verified": False}
            for number in range(EXTRA_QUOTES)])
    archive.close()
    assert run_muntada(path, "reindex").returncode == 0
    return path


def wait_for(condition, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.01)


def test_a_rebuild_racing_an_import_keeps_the_imported_records(large_archive: Path) -> None:
    """``reindex`` in one process; an import and a search in another while it runs: nothing is lost."""
    index_dir = index_folder_for(large_archive)
    rebuilding = index_dir.with_name(index_dir.name + ".rebuilding")
    reindex = subprocess.Popen(muntada_command(large_archive, "reindex"), cwd=REPO, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env={**os.environ})
    try:
        wait_for(rebuilding.exists)
        time.sleep(0.4)  # the rebuild has read its list of records by now and is writing them
        archive = open_archive(large_archive)
        created = quotes.create_quote(archive, QuoteInput(text="الابتكار المفتوح في الخدمات الحكومية"))
        searching = SearchIndex.open(index_dir, archive)  # what ``muntada search`` does: drain, then search
        searching.search("الابتكار")
        searching.close()
        archive.close()
    finally:
        _out, errors = reindex.communicate(timeout=120)
    assert reindex.returncode == 0, errors

    result = run_muntada(large_archive, "search", "الابتكار", "المفتوح", "--json")
    assert result.returncode == 0, result.stderr
    assert ["quote", created.id] in [[hit["kind"], hit["id"]] for hit in json.loads(result.stdout)["hits"]]
    archive = open_archive(large_archive)
    assert outbox.pending_count(archive) == 0
    archive.close()


@pytest.mark.crash
def test_reindex_killed_at_random_points_never_loses_the_index(large_archive: Path) -> None:
    index_dir = index_folder_for(large_archive)
    before = run_muntada(large_archive, "search", MARK_WORD, "--json", "--limit", "1")
    expected_total = json.loads(before.stdout)["total"]
    assert expected_total >= EXTRA_QUOTES
    chance = random.Random(int.from_bytes(os.urandom(4), "big"))
    for _attempt in range(5):
        reindex = subprocess.Popen(muntada_command(large_archive, "reindex"), cwd=REPO, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, env={**os.environ})
        time.sleep(chance.uniform(0.3, 2.6))  # start-up, listing, writing, signing, swapping, draining
        reindex.send_signal(signal.SIGKILL)
        reindex.wait()

    result = run_muntada(large_archive, "search", MARK_WORD, "--json", "--limit", "1")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["total"] == expected_total
    assert "Traceback" not in result.stderr

    assert run_muntada(large_archive, "reindex").returncode == 0  # nothing left behind stops a rebuild
    leftovers = sorted(path.name for path in index_dir.parent.iterdir())
    assert leftovers == [index_dir.name, index_dir.name + ".lock"]
    result = run_muntada(large_archive, "search", MARK_WORD, "--json", "--limit", "1")
    assert json.loads(result.stdout)["total"] == expected_total
