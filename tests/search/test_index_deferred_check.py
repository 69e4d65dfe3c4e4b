"""The app's search process opens its index with most of the signature check put off (issue 12).

``SearchIndex.open_files`` hashes only the table of contents before opening; every other file
must be signed, and is hashed after the first answer (``check_deferred_files``). Until then
Whoosh unpickles index data with no class or function allowed. Real indexes, real files.
"""

from __future__ import annotations

import io
import pickle
from pathlib import Path

import pytest
from whoosh.codec import whoosh3
from whoosh.filedb import structfile

from archive.location import data_folder
from archive.services import people, quotes
from archive.services.records import PersonInput
from search import whoosh_internals
from search.index import IndexDamagedError, SearchIndex
from search.storage import IndexFormat
from search.whoosh_internals import safe_unpickling, unpickling_is_safe


def _built(archive, tmp_path: Path) -> tuple[Path, Path]:
    index_dir = tmp_path / "index"
    SearchIndex.open(index_dir, archive).close()
    return index_dir, data_folder() / "index.key"


def _found(search_index: SearchIndex, text: str) -> set[tuple[str, int]]:
    return {(hit.kind, hit.id) for hit in search_index.search(text).hits}


def _largest(index_dir: Path, suffix: str) -> Path:
    return max(index_dir.glob(f"*{suffix}"), key=lambda path: path.stat().st_size)


def _flip_last_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF
    path.write_bytes(bytes(data))


class _Planted:
    """A pickle that would create ``marker`` when unpickled by ``pickle.loads``."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def test_only_the_table_of_contents_is_hashed_before_the_first_answer(filled, tmp_path):
    archive, ids = filled
    index_dir, key_file = _built(archive, tmp_path)
    search_index = SearchIndex.open_files(index_dir, key_file)
    assert search_index is not None
    try:
        put_off = search_index._unchecked
        assert _largest(index_dir, ".pst").name in put_off and _largest(index_dir, ".trm").name in put_off
        assert not any(name.endswith(".toc") for name in put_off)
        assert unpickling_is_safe()
        search_index.attach(archive)
        assert ("quote", ids.quote) in _found(search_index, "الإعلام الرقمي")  # answered with safe unpickling
        assert search_index.check_deferred_files() is True
        assert search_index._unchecked == set()
        assert not unpickling_is_safe()  # the C unpickler is back once every file checked out
        assert whoosh3.loads is pickle.loads
    finally:
        search_index.close()


def test_a_changed_posting_file_is_found_after_the_first_answer_and_the_index_rebuilt(filled, tmp_path):
    archive, ids = filled
    index_dir, key_file = _built(archive, tmp_path)
    built = IndexFormat.read(index_dir).build
    _flip_last_byte(_largest(index_dir, ".pst"))
    search_index = SearchIndex.open_files(index_dir, key_file)
    assert search_index is not None  # not hashed yet
    try:
        search_index.attach(archive)
        with pytest.raises(IndexDamagedError):
            search_index.check_deferred_files()
        assert ("quote", ids.quote) in _found(search_index, "الإعلام الرقمي")  # the next search rebuilt it
        assert IndexFormat.read(index_dir).build != built
        assert search_index._unchecked == set() and not unpickling_is_safe()
    finally:
        search_index.close()


def test_a_stopped_check_goes_on_later(filled, tmp_path):
    import threading

    archive, _ids = filled
    index_dir, key_file = _built(archive, tmp_path)
    search_index = SearchIndex.open_files(index_dir, key_file)
    try:
        stop = threading.Event()
        stop.set()  # a query came
        assert search_index.check_deferred_files(stop) is False
        assert search_index._unchecked and unpickling_is_safe()
        assert search_index.check_deferred_files() is True
    finally:
        search_index.close()


def test_an_unsigned_file_or_a_changed_table_of_contents_is_refused_before_opening(filled, tmp_path):
    archive, _ids = filled
    index_dir, key_file = _built(archive, tmp_path)
    planted = index_dir / "MAIN_planted.pst"
    planted.write_bytes(pickle.dumps(_Planted(tmp_path / "ran")))
    assert SearchIndex.open_files(index_dir, key_file) is None  # not in the signature: refused unhashed
    planted.unlink()
    _flip_last_byte(next(index_dir.glob("_MAIN_*.toc")))
    assert SearchIndex.open_files(index_dir, key_file) is None
    assert not (tmp_path / "ran").exists()
    assert not unpickling_is_safe()


def test_while_files_are_unchecked_whoosh_unpickles_no_class_or_function(filled, tmp_path):
    archive, _ids = filled
    index_dir, key_file = _built(archive, tmp_path)
    marker = tmp_path / "ran"
    planted = pickle.dumps(_Planted(marker), 2)
    search_index = SearchIndex.open_files(index_dir, key_file)
    try:
        for unpickle in (whoosh3.loads, whoosh_internals.whoosh_columns.loads,
                         lambda data: structfile.load_pickle(io.BytesIO(data))):
            with pytest.raises(pickle.UnpicklingError):
                unpickle(planted)
        block = ((1, 2, 3), [1.0, 2.0], b"\x00\x01")  # plain data, with bytes as protocol 2 writes them
        assert whoosh3.loads(pickle.dumps(block, 2)) == block
        with pytest.raises(pickle.UnpicklingError):  # protocol 2's bytes, but through another codec
            whoosh3.loads(b"\x80\x02c_codecs\nencode\nq\x00X\x01\x00\x00\x00xX\x04\x00\x00\x00zlibq\x01\x86q\x02Rq\x03.")
    finally:
        search_index.close()
    assert not marker.exists()


def test_edits_deletions_and_merges_read_back_with_safe_unpickling(filled, tmp_path, caplog):
    """Every pickle Whoosh reads from our indexes (bulk-written, then written by Whoosh after edits,
    deletions and a merge) names only ``DATA_GLOBALS``: a refusal would show as a rebuild."""
    archive, ids = filled
    owner = object()
    safe_unpickling(owner, True)
    try:
        search_index = SearchIndex.open(tmp_path / "index", archive)
        built = IndexFormat.read(tmp_path / "index").build
        try:
            added = [people.create_person(archive, PersonInput(name=f"نورة بنت سيف الغافري {number}")).id
                     for number in range(14)]
            for _person in added:  # a commit each: more than 12 segments make Whoosh merge them
                search_index.drain_outbox(batch=1)
            quotes.delete_quote(archive, ids.second_quote)
            search_index.drain_outbox()
            assert {("person", person) for person in added} <= _found(search_index, "الغافري")
            assert ("quote", ids.second_quote) not in _found(search_index, "التدريب المستمر")
            assert ("quote", ids.quote) in _found(search_index, "الإعلام الرقمي")
            search_index.warm_up()
            assert IndexFormat.read(tmp_path / "index").build == built  # never rebuilt: nothing was refused
            assert "damaged" not in caplog.text
        finally:
            search_index.close()
    finally:
        safe_unpickling(owner, False)


def test_edits_and_a_rebuild_before_the_check_leave_nothing_unchecked(filled, tmp_path):
    archive, _ids = filled
    index_dir, key_file = _built(archive, tmp_path)
    search_index = SearchIndex.open_files(index_dir, key_file)
    try:
        search_index.attach(archive)
        for number in range(3):  # commits while files are unchecked: they stay put off, not re-signed as read
            people.create_person(archive, PersonInput(name=f"سعاد المهيري {number}"))
            search_index.drain_outbox()
        assert search_index._unchecked and unpickling_is_safe()
        assert search_index.check_deferred_files() is True
        assert search_index._unchecked == set() and not unpickling_is_safe()
        reopened = SearchIndex.open_files(index_dir, key_file)
        try:
            reopened.attach(archive)
            reopened.rebuild()  # checked as it is written: nothing left to hash
            assert reopened._unchecked == set() and reopened.check_deferred_files() is True
            assert len(_found(reopened, "المهيري")) == 3
        finally:
            reopened.close()
        assert not unpickling_is_safe()
    finally:
        search_index.close()
