"""The search process's head start (issue 12): the index opened before the archive, attached after.

``search_worker.prepare`` runs while the app builds its window and opens the archive; these
tests call it in this process, on a real archive and a real index, then ``open_index`` as the
app does once the archive is open, and check that what happened in between is not missed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from archive.location import data_folder
from archive.services import maintenance, people
from archive.services.records import PersonInput
from desktop import search_worker
from search.index import SearchIndex
from search.storage import IndexFormat


def _built_index(archive, tmp_path: Path) -> tuple[str, str]:
    """A complete, signed index of ``archive``; returns (index folder, key file) as the app passes them."""
    index_dir = tmp_path / "index"
    SearchIndex.open(index_dir, archive).close()
    return str(index_dir), str(data_folder() / "index.key")


def _names_found(text: str) -> set[int]:
    return {hit.id for hit in search_worker.search(text, "person", 10).hits}


def test_a_prepared_index_is_attached_and_takes_in_edits_made_before_the_archive_opened(filled, tmp_path):
    index_dir, key_file = _built_index(filled.archive, tmp_path)
    search_worker.close()
    try:
        assert search_worker.prepare(index_dir, key_file)
        built = IndexFormat.read(Path(index_dir)).build
        added = people.create_person(filled.archive, PersonInput(name="نورة بنت سيف الغافري"))  # an outbox row
        assert search_worker.open_index(index_dir, str(filled.archive.path), True, key_file) > 0
        assert IndexFormat.read(Path(index_dir)).build == built  # attached, not rebuilt
        assert added.id in _names_found("الغافري")
        assert any(hit.id == filled.quote_id for hit in search_worker.search("التحول الرقمي", None, 10).hits)
    finally:
        search_worker.close()


# What the app's search process does for its first answer, in a fresh interpreter (as spawned).
FIRST_ANSWER = """
import json, sys
from desktop import search_worker
index_dir, key_file, archive_path = sys.argv[1:4]
prepared = search_worker.prepare(index_dir, key_file)
search_worker.open_index(index_dir, archive_path, True, key_file)
hits = search_worker.search("التحول الرقمي", None, 10).hits
loaded = sorted(name for name in ("sqlalchemy", "alembic", "archive.db.models") if name in sys.modules)
print(json.dumps({"prepared": prepared, "hits": [[hit.kind, hit.id] for hit in hits], "loaded": loaded}))
"""


def test_the_search_process_answers_its_first_query_without_loading_sqlalchemy(filled, tmp_path):
    # SQLAlchemy and the models cost the search process ~0.6 s on the way to the first answer (issue 12).
    index_dir, key_file = _built_index(filled.archive, tmp_path)
    completed = subprocess.run([sys.executable, "-c", FIRST_ANSWER, index_dir, key_file, str(filled.archive.path)],
                               capture_output=True, text=True, timeout=120, env=dict(os.environ), check=True)
    answer = json.loads(completed.stdout.strip().splitlines()[-1])
    assert answer["prepared"]
    assert ["quote", filled.quote_id] in answer["hits"]
    assert answer["loaded"] == []


def test_an_edit_after_the_first_answer_is_applied_through_the_full_archive_layer(filled, tmp_path):
    index_dir, key_file = _built_index(filled.archive, tmp_path)
    search_worker.close()
    try:
        assert search_worker.prepare(index_dir, key_file)
        search_worker.open_index(index_dir, str(filled.archive.path), True, key_file)
        assert not _names_found("الغافري")
        added = people.create_person(filled.archive, PersonInput(name="نورة بنت سيف الغافري"))
        assert search_worker.drain() >= 1  # the edit's outbox row, applied and removed
        assert added.id in _names_found("الغافري")
        assert search_worker.drain() == 0
    finally:
        search_worker.close()


def test_a_prepared_index_of_another_copy_of_the_archive_is_rebuilt_when_attached(filled, tmp_path):
    index_dir, key_file = _built_index(filled.archive, tmp_path)
    search_worker.close()
    try:
        assert search_worker.prepare(index_dir, key_file)
        built = IndexFormat.read(Path(index_dir)).build
        maintenance.renew_generation(filled.archive)  # as a restore does, while the app opens the archive
        search_worker.open_index(index_dir, str(filled.archive.path), True, key_file)
        assert IndexFormat.read(Path(index_dir)).build != built
        assert any(hit.id == filled.quote_id for hit in search_worker.search("التحول الرقمي", None, 10).hits)
    finally:
        search_worker.close()


def test_without_an_index_prepare_opens_nothing_and_open_index_builds_it(filled, tmp_path):
    index_dir, key_file = str(tmp_path / "index"), str(data_folder() / "index.key")
    search_worker.close()
    try:
        assert not search_worker.prepare(index_dir, key_file)
        assert not Path(index_dir).exists()  # prepare writes nothing
        search_worker.open_index(index_dir, str(filled.archive.path), True, key_file)
        assert any(hit.id == filled.quote_id for hit in search_worker.search("التحول الرقمي", None, 10).hits)
    finally:
        search_worker.close()


def test_an_index_prepared_for_another_folder_is_closed_not_used(filled, tmp_path):
    index_dir, key_file = _built_index(filled.archive, tmp_path)
    search_worker.close()
    try:
        assert search_worker.prepare(index_dir, key_file)
        other = str(tmp_path / "other-index")
        search_worker.open_index(other, str(filled.archive.path), True, key_file)
        assert IndexFormat.read(Path(other)) is not None
        assert any(hit.id == filled.quote_id for hit in search_worker.search("التحول الرقمي", None, 10).hits)
    finally:
        search_worker.close()


def test_a_stopped_warm_up_leaves_the_rest_for_later(filled, tmp_path):
    search_index = SearchIndex.open(tmp_path / "index", filled.archive)
    try:
        stop = threading.Event()
        stop.set()  # as a query does (search_worker.search) while the warm-up runs
        assert search_index.warm_up(stop) is False
        assert search_index.warm_up() is True  # goes on later, to the end
    finally:
        search_index.close()


def test_a_query_stops_the_warm_up_and_it_resumes_after(filled, tmp_path):
    search_worker.close()
    search_worker.open_index(str(tmp_path / "index"), str(filled.archive.path))
    try:
        _timer, stop = search_worker._state["warm_up"]
        search_worker.search("التحول", None, 10)
        assert stop.is_set()  # the scheduled (or running) warm-up stops after its current step
        _timer, resumed = search_worker._state["warm_up"]
        assert not resumed.is_set()  # and a new one is scheduled once the query is answered
    finally:
        search_worker.close()


def test_the_warm_up_hashes_the_files_whose_check_was_put_off(filled, tmp_path):
    from search.whoosh_internals import unpickling_is_safe

    index_dir, key_file = _built_index(filled.archive, tmp_path)
    search_worker.close()
    try:
        assert search_worker.prepare(index_dir, key_file)
        search_worker.open_index(index_dir, str(filled.archive.path), True, key_file)
        index = search_worker._state["index"]
        assert index._unchecked and unpickling_is_safe()  # answered before the large files are hashed
        assert any(hit.id == filled.quote_id for hit in search_worker.search("التحول الرقمي", None, 10).hits)
        deadline = time.monotonic() + 20
        while not search_worker.is_warm() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert search_worker.is_warm()
        assert index._unchecked == set() and not unpickling_is_safe()
    finally:
        search_worker.close()
