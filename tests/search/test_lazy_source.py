"""The search process's quick reading of an archive (``search.lazy_source``) against the full one.

Real archives on disk: the quick path (``sqlite3``, read-only) must answer exactly what
``search.records.ArchiveDocuments`` answers, and hand over to it for everything else.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import pytest

from archive.errors import ArchiveOpenError
from archive.services import maintenance, outbox, people
from archive.services.records import PersonInput
from search.index import SearchIndex
from search.lazy_source import LazyArchiveDocuments
from search.records import ArchiveDocuments


def _fields(rows) -> list[tuple[int, str, int, str]]:
    return [(row.id, row.record_kind, row.record_id, row.op) for row in rows]


def test_the_quick_path_reads_what_the_full_one_reads(filled):
    archive, _ids = filled
    full, quick = ArchiveDocuments(archive), LazyArchiveDocuments(archive.path)
    try:
        assert quick.generation() == full.generation() == ""
        assert _fields(quick.pending_changes(100)) == _fields(full.pending_changes(100)) != []
        assert _fields(quick.pending_changes(2, 1)) == _fields(full.pending_changes(2, 1))
        maintenance.renew_generation(archive)
        people.create_person(archive, PersonInput(name="نورة بنت سيف الغافري"))
        assert quick.generation() == full.generation() != ""
        assert _fields(quick.pending_changes(100)) == _fields(full.pending_changes(100))
        outbox.acknowledge(archive, [row.id for row in full.pending_changes(1000)])
        assert quick.pending_changes(100) == []
        assert quick._full is None  # all of it without SQLAlchemy
    finally:
        quick.close()


def test_everything_else_goes_to_the_full_archive_layer(filled, tmp_path):
    archive, ids = filled
    quick = LazyArchiveDocuments(archive.path)
    try:
        assert [document.record_id for document in quick.documents("quote", [ids.quote])] == [ids.quote]
        assert quick.keeps_acknowledged() is False
        search_index = SearchIndex.open(tmp_path / "index", quick)  # a rebuild, then the outbox drained
        try:
            assert search_index.document_count() > 0
            assert quick.pending_changes(100) == []
        finally:
            search_index.close()
    finally:
        quick.close()


def test_an_archive_the_quick_path_cannot_read_gets_the_full_paths_clear_error(tmp_path):
    quick = LazyArchiveDocuments(tmp_path / "gone.sqlite")
    with pytest.raises(ArchiveOpenError, match="no archive"):
        quick.generation()
    assert not (tmp_path / "gone.sqlite").exists()  # read-only: nothing was created


def test_it_is_pickled_as_its_path_for_rebuild_workers(filled):
    archive, _ids = filled
    quick = LazyArchiveDocuments(archive.path)
    copy = pickle.loads(pickle.dumps(quick))
    try:
        assert isinstance(copy, LazyArchiveDocuments) and copy.path == Path(archive.path)
        assert _fields(copy.pending_changes(100)) == _fields(quick.pending_changes(100))
    finally:
        copy.close()
        quick.close()


def test_the_module_itself_does_not_load_sqlalchemy():
    import subprocess

    code = "import sys, search.lazy_source; print('sqlalchemy' in sys.modules)"
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert completed.stdout.strip() == "False"


def test_every_method_of_the_full_source_is_answered_by_it_or_the_quick_path():
    # A method added to ArchiveDocuments (or DocumentSource) and not here would answer with
    # DocumentSource's default (nothing pending, no documents): wrong without a sound.
    from search.documents import DocumentSource

    public = {name for cls in (ArchiveDocuments, DocumentSource) for name in vars(cls)
              if callable(getattr(cls, name)) and not name.startswith("_")}
    assert public <= {name for name in vars(LazyArchiveDocuments) if not name.startswith("_")}
