"""``muntada import DIR`` as real processes: killed at random points, and two at once on one folder.

The articles are our own annotated ones (``bench/annotations``), each in four numbered variants,
so that the folder holds 20 distinct articles.
"""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ARTICLE_COUNT = 20


def muntada(archive: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "desktop.cli", "--lang", "en", "--archive", str(archive), *args]


def article_folder(tmp_path: Path, own_articles) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for number in range(ARTICLE_COUNT):
        name, text, _ = own_articles[number % len(own_articles)]
        variant = number // len(own_articles)
        (folder / f"{number:02d}-{name}").write_text(f"{text}\n\nالنسخة {variant} من المقال للتجربة.\n",
                                                     encoding="utf-8")
    return folder


def initialised_archive(tmp_path: Path) -> Path:
    archive = tmp_path / "archive.sqlite"
    subprocess.run(muntada(archive, "init"), check=True, capture_output=True, timeout=60)
    return archive


def assert_every_source_is_whole(archive: Path) -> int:
    """Each source has its review; a decided one has exactly the records it lists, a pending one none."""
    with sqlite3.connect(archive) as connection:
        sources = connection.execute("SELECT id, content_hash FROM source").fetchall()
        assert len({digest for _, digest in sources}) == len(sources)
        for (source_id, _) in sources:
            review = connection.execute("SELECT status, decisions FROM import_review WHERE source_id = ?",
                                        (source_id,)).fetchone()
            assert review is not None, f"source {source_id} has no review"
            quotes = {row[0] for row in connection.execute("SELECT id FROM quote WHERE source_id = ?", (source_id,))}
            figures = {row[0] for row in
                       connection.execute("SELECT id FROM statistic WHERE source_id = ?", (source_id,))}
            if review[0] == "pending":
                assert not quotes and not figures, f"source {source_id} is pending but has records"
            else:
                accepted = json.loads(review[1])["accepted"]
                assert quotes == set(accepted["quotes"]) and figures == set(accepted["statistics"])
        names = [name for (name,) in connection.execute("SELECT file_name FROM source")]
    assert len(names) == len(set(names)), "an article was stored twice"
    return len(sources)


@pytest.mark.crash
def test_import_killed_at_random_points_leaves_whole_sources_and_a_rerun_completes(tmp_path: Path,
                                                                                   own_articles) -> None:
    folder = article_folder(tmp_path, own_articles)
    archive = initialised_archive(tmp_path)
    rng = random.Random(20261202)
    stored_after_kills = [0]
    for attempt in range(5):
        accept = ["--accept-all"] if attempt % 2 else []
        process = subprocess.Popen(muntada(archive, "import", *accept, str(folder)),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        # Kill it a random moment after the progress line ("[k/20] name") of a file it is the first
        # to store (the ones before are duplicates by now), so that every kill falls among writes.
        kill_after = min(stored_after_kills[-1] + rng.randint(1, 3), ARTICLE_COUNT - 3)
        for _ in range(kill_after):
            if not process.stderr.readline():
                break
        time.sleep(rng.uniform(0, 0.05))
        process.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no clean-up runs
        process.wait(timeout=30)
        process.stderr.close()
        stored_after_kills.append(assert_every_source_is_whole(archive))
    assert stored_after_kills[1] > 0 and stored_after_kills[-1] < ARTICLE_COUNT, stored_after_kills
    finished = subprocess.run(muntada(archive, "import", "--accept-all", "--json", str(folder)),
                              capture_output=True, text=True, timeout=120)
    assert finished.returncode == 0, finished.stdout + finished.stderr
    results = json.loads(finished.stdout)
    assert len(results) == ARTICLE_COUNT and not any(result["skipped"] for result in results)
    assert assert_every_source_is_whole(archive) == ARTICLE_COUNT
    check = subprocess.run(muntada(archive, "check"), capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stdout + check.stderr


def test_the_same_folder_imported_by_two_processes_at_once(tmp_path: Path, own_articles) -> None:
    folder = article_folder(tmp_path, own_articles)
    archive = initialised_archive(tmp_path)
    command = muntada(archive, "import", "--accept-all", "--json", str(folder))
    both = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [process.communicate(timeout=180) for process in both]
    busy = "the archive was busy (another program was writing to it), so nothing of it was stored; import it again."
    for process, (out, err) in zip(both, outputs, strict=True):
        assert "UNIQUE" not in out + err and "Unexpected" not in err and "Traceback" not in err
        results = json.loads(out)
        # On a machine loaded enough, a file can wait past the busy timeout twice: it says so.
        assert all(result["skipped"] in (None, busy) for result in results), out
        assert process.returncode == (1 if any(result["skipped"] for result in results) else 0)
    first, second = (json.loads(out) for out, _ in outputs)
    for mine, other in zip(first, second, strict=True):
        assert mine["file"] == other["file"]
        stored_by = [result for result in (mine, other) if result["source_id"] and not result["duplicate"]]
        assert len(stored_by) == 1, (mine, other)  # stored by exactly one of them
        assert all(result["source_id"] in (None, stored_by[0]["source_id"]) for result in (mine, other))
    assert assert_every_source_is_whole(archive) == ARTICLE_COUNT
