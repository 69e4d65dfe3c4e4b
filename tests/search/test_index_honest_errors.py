"""Issue 13, honest errors: only I/O and format errors count as damage to the index; a bug is a bug.

A fault is injected where our code calls Whoosh (a Whoosh method made to raise, not a mock of
our own code): ``SegmentReader.doc_frequency``, which the posting cache calls for every word of
a query, and ``SegmentWriter.update_document``, which draining the outbox calls for every
changed record. Raising ``ValueError`` (a bug) there must come out as itself, be logged with its
traceback, rebuild nothing and leave the outbox rows pending; raising ``OSError`` (damage) at
the same place must be taken for damage: a drain then rebuilds the index.
"""

from __future__ import annotations

import logging

import pytest
from whoosh.filedb.filestore import FileStorage
from whoosh.reading import SegmentReader
from whoosh.writing import SegmentWriter

from archive.services import outbox, people
from archive.services.records import PersonInput
from search.index import SearchIndex
from search.storage import IndexFormat


def _raising(error: Exception):  # type: ignore[no-untyped-def]
    def fault(*_args: object, **_kwargs: object) -> None:
        raise error
    return fault


def _rename(filled) -> None:  # type: ignore[no-untyped-def]
    archive, ids = filled
    people.update_person(archive, ids.person, PersonInput(name="سالم بن راشد البوسعيدي", title="مدير عام الإعلام"))


def test_a_bug_in_the_matching_is_raised_logged_with_its_traceback_and_rebuilds_nothing(
        search_index: SearchIndex, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    built = IndexFormat.read(search_index.index_dir).build
    monkeypatch.setattr(SegmentReader, "doc_frequency", _raising(ValueError("a bug while matching")))
    with caplog.at_level(logging.ERROR, logger="search.index"), pytest.raises(ValueError, match="a bug while"):
        search_index.search("الإعلام الرقمي")
    [record] = [record for record in caplog.records if record.name == "search.index"]
    assert "search for 'الإعلام الرقمي' failed" in record.getMessage()
    assert record.exc_info is not None and record.exc_info[0] is ValueError  # the traceback goes to the log
    assert "damaged" not in caplog.text and "rebuild" not in caplog.text
    assert IndexFormat.read(search_index.index_dir).build == built  # no rebuild
    monkeypatch.undo()
    assert search_index.search("الإعلام الرقمي").hits  # the same index answers once the bug is gone


def test_a_bug_while_draining_is_raised_rebuilds_nothing_and_leaves_the_changes_pending(
        search_index: SearchIndex, filled, monkeypatch: pytest.MonkeyPatch) -> None:
    archive, _ids = filled
    built = IndexFormat.read(search_index.index_dir).build
    _rename(filled)
    monkeypatch.setattr(SegmentWriter, "update_document", _raising(ValueError("a bug while indexing")))
    with pytest.raises(ValueError, match="a bug while indexing"):
        search_index.drain_outbox()
    assert IndexFormat.read(search_index.index_dir).build == built  # no rebuild
    assert outbox.pending_count(archive) > 0  # nothing acknowledged: applied once the bug is gone
    monkeypatch.undo()
    assert search_index.drain_outbox() > 0
    assert search_index.search("البوسعيدي").hits


def test_an_io_error_at_the_same_place_is_damage_and_the_drain_rebuilds(
        search_index: SearchIndex, filled, monkeypatch: pytest.MonkeyPatch) -> None:
    archive, _ids = filled
    built = IndexFormat.read(search_index.index_dir).build
    _rename(filled)
    with monkeypatch.context() as patch:
        patch.setattr(SegmentWriter, "update_document", _raising(OSError("read error on the index disk")))
        assert search_index.drain_outbox() == 0  # taken for damage: rebuilt rather than raised
        assert IndexFormat.read(search_index.index_dir).build != built
    assert outbox.pending_count(archive) == 0  # the rebuild covered the change
    assert search_index.search("البوسعيدي").hits


def test_a_bug_while_draining_stays_the_error_raised_when_its_files_cannot_be_deleted(
        search_index: SearchIndex, filled, monkeypatch: pytest.MonkeyPatch) -> None:
    _rename(filled)
    monkeypatch.setattr(SegmentWriter, "update_document", _raising(ValueError("a bug while indexing")))
    cancelled: list[bool] = []
    cancel, delete_file = SegmentWriter.cancel, FileStorage.delete_file

    def cancel_then_hold_the_files(writer: SegmentWriter) -> None:
        cancel(writer)
        cancelled.append(True)  # from now on the segment's files are held open (Windows: a virus scanner)

    def delete_unless_held(storage: FileStorage, name: str) -> None:
        if cancelled:
            raise PermissionError(f"{name} is in use by another program")
        delete_file(storage, name)

    monkeypatch.setattr(SegmentWriter, "cancel", cancel_then_hold_the_files)
    monkeypatch.setattr(FileStorage, "delete_file", delete_unless_held)
    with pytest.raises(ValueError, match="a bug while indexing"):  # not the cleanup's PermissionError (damage)
        search_index.drain_outbox()
    assert cancelled
