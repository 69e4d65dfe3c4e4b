"""A rebuild killed (kill -9) around its acknowledgement of the outbox rows its new index covers
loses nothing: killed before, the rows stay pending and the next open applies them; killed right
after, the new index holding their changes is in place already (issue 14)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from archive.db.engine import Archive
from archive.location import index_folder_for
from archive.services import outbox, quotes
from archive.services.records import QuoteInput
from search.index import SearchIndex
from tests.search.conftest import Ids

ROOT = Path(__file__).resolve().parents[2]
EDITED = "أطلقت الهيئة منصة رقمية جديدة لخدمة الصيادين في المحافظات الساحلية"

# A rebuild whose process is killed when it acknowledges the rows its new index covers: before the
# acknowledgement is committed ("before") or right after it ("after").
KILLED_AT_ACKNOWLEDGE = """
import os, signal, sys
from pathlib import Path
from archive.db.engine import open_archive
from search.index import SearchIndex
from search.records import ArchiveDocuments

class KilledAtAcknowledge(ArchiveDocuments):
    def acknowledge(self, ids):
        if sys.argv[3] == "after":
            super().acknowledge(ids)
        os.kill(os.getpid(), signal.SIGKILL)

archive = open_archive(sys.argv[1], create=False)
SearchIndex(Path(sys.argv[2]), KilledAtAcknowledge(archive)).rebuild(processes=1)
"""


def _found(index: SearchIndex, text: str) -> set[tuple[str, int]]:
    return {(hit.kind, hit.id) for hit in index.search(text).hits if hit.all_words}


def _edited_after_index(archive: Archive, ids: Ids, index_dir: Path) -> None:
    SearchIndex.open(index_dir, archive).close()
    quotes.update_quote(archive, ids.quote, QuoteInput(text=EDITED, speaker_id=ids.person))
    assert outbox.pending_count(archive) == 1


def _assert_nothing_lost(archive: Archive, ids: Ids, index_dir: Path) -> None:
    index = SearchIndex.open(index_dir, archive)
    try:
        assert outbox.pending_count(archive) == 0
        assert ("quote", ids.quote) in _found(index, "منصة رقمية لخدمة الصيادين")
        assert ("quote", ids.quote) not in _found(index, "المؤسسات الحكومية تتجه")
        assert ("quote", ids.second_quote) in _found(index, "التدريب المستمر للموظفين")
    finally:
        index.close()


@pytest.mark.crash
@pytest.mark.parametrize("killed", ["before", "after"])
def test_a_rebuild_killed_when_it_acknowledges_what_it_covers_loses_nothing(filled: tuple[Archive, Ids],
                                                                            tmp_path: Path, killed: str) -> None:
    archive, ids = filled
    index_dir = tmp_path / "archive.index"
    _edited_after_index(archive, ids, index_dir)
    done = subprocess.run([sys.executable, "-c", KILLED_AT_ACKNOWLEDGE, str(archive.path), str(index_dir), killed],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert outbox.pending_count(archive) == (1 if killed == "before" else 0)
    _assert_nothing_lost(archive, ids, index_dir)


@pytest.mark.crash
def test_muntada_reindex_killed_at_random_points_loses_nothing(filled: tuple[Archive, Ids], tmp_path: Path) -> None:
    archive, ids = filled
    index_dir = index_folder_for(Path(archive.path))
    _edited_after_index(archive, ids, index_dir)
    command = [sys.executable, "-m", "desktop.cli", "--archive", str(archive.path), "reindex"]
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, capture_output=True, timeout=120, check=True)
    full_run = time.perf_counter() - started
    quotes.update_quote(archive, ids.quote, QuoteInput(text="نص مؤقت", speaker_id=ids.person))
    quotes.update_quote(archive, ids.quote, QuoteInput(text=EDITED, speaker_id=ids.person))
    rng = random.Random(14)
    for _round in range(4):
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 1.0) * full_run)
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
    _assert_nothing_lost(archive, ids, index_dir)
