"""The index stays in step with the database and survives damage: outbox, rebuilds, versions."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

from archive.services import people, quotes
from archive.services.outbox import pending_count
from archive.services.records import PersonInput, QuoteInput
from search.index import FORMAT_FILE, SearchIndex
from search.records import ArchiveDocuments


def found(search_index: SearchIndex, query: str) -> set[tuple[str, int]]:
    return {(hit.kind, hit.id) for hit in search_index.search(query).hits}


def test_an_edit_is_found_once_the_outbox_drains(search_index: SearchIndex, filled) -> None:
    archive, ids = filled
    created = quotes.create_quote(archive, QuoteInput(text="الشفافية أساس الثقة بين الحكومة والمجتمع",
                                                      speaker_id=ids.person))
    assert ("quote", created.id) not in found(search_index, "الشفافية")
    assert search_index.drain_outbox() >= 1
    assert ("quote", created.id) in found(search_index, "الشفافية")
    assert pending_count(archive) == 0
    quotes.delete_quote(archive, created.id)
    search_index.drain_outbox()
    assert ("quote", created.id) not in found(search_index, "الشفافية")


def test_a_renamed_person_is_found_in_their_quotes(search_index: SearchIndex, filled) -> None:
    archive, ids = filled
    person = people.get_person(archive, ids.person)
    people.update_person(archive, ids.person, PersonInput(name="سالم بن راشد البوسعيدي", title=person.title))
    search_index.drain_outbox()
    assert ("quote", ids.quote) in found(search_index, "speaker:البوسعيدي")
    assert ("quote", ids.quote) not in found(search_index, "speaker:الكندي")


def test_changes_made_while_closed_are_applied_at_start_up(filled, tmp_path: Path) -> None:
    archive, ids = filled
    SearchIndex.open(tmp_path / "archive.index", archive).close()
    created = quotes.create_quote(archive, QuoteInput(text="الابتكار في الخدمات الحكومية", speaker_id=ids.person))
    reopened = SearchIndex.open(tmp_path / "archive.index", archive)
    assert ("quote", created.id) in found(reopened, "الابتكار")
    reopened.close()


def test_a_deleted_index_is_rebuilt_from_the_database(filled, tmp_path: Path) -> None:
    archive, ids = filled
    index_dir = tmp_path / "archive.index"
    SearchIndex.open(index_dir, archive).close()
    shutil.rmtree(index_dir)
    reopened = SearchIndex.open(index_dir, archive)
    assert ("quote", ids.quote) in found(reopened, "الإعلام الرقمي")
    reopened.close()


def test_a_truncated_index_is_rebuilt_from_the_database(filled, tmp_path: Path) -> None:
    archive, ids = filled
    index_dir = tmp_path / "archive.index"
    SearchIndex.open(index_dir, archive).close()
    for file in index_dir.iterdir():
        if file.name != FORMAT_FILE:
            file.write_bytes(file.read_bytes()[: max(0, file.stat().st_size // 3)])
    reopened = SearchIndex.open(index_dir, archive)
    assert ("quote", ids.quote) in found(reopened, "الإعلام الرقمي")
    reopened.close()


def test_an_index_of_another_version_is_rebuilt(filled, tmp_path: Path) -> None:
    archive, ids = filled
    index_dir = tmp_path / "archive.index"
    SearchIndex.open(index_dir, archive).close()
    (index_dir / FORMAT_FILE).write_text(json.dumps({"schema": 0, "analysis": 0}), encoding="utf-8")
    reopened = SearchIndex.open(index_dir, archive)
    assert json.loads((index_dir / FORMAT_FILE).read_text(encoding="utf-8"))["schema"] >= 1
    assert ("quote", ids.quote) in found(reopened, "الإعلام")
    reopened.close()


def test_rebuild_reports_progress_and_keeps_searching(search_index: SearchIndex, filled) -> None:
    _archive, ids = filled
    reports: list[tuple[int, int]] = []
    count = search_index.rebuild(lambda done, total: reports.append((done, total)))
    assert count == search_index.document_count() >= 7
    assert reports and reports[-1][0] == reports[-1][1]
    assert ("quote", ids.quote) in found(search_index, "الإعلام الرقمي")


def test_parallel_rebuild_writes_the_same_documents(search_index: SearchIndex, filled) -> None:
    _archive, _ids = filled
    single = {(hit.kind, hit.id) for hit in search_index.search("الإعلام", limit=100).hits}
    assert search_index.rebuild(processes=2) == search_index.document_count()
    assert {(hit.kind, hit.id) for hit in search_index.search("الإعلام", limit=100).hits} == single


def test_a_parallel_rebuild_holds_one_document_per_record_newest_first(search_index: SearchIndex, filled) -> None:
    archive, ids = filled
    for number, said_on in enumerate(("2019-05-01", None, "2025-01-09", "", "2021-07-30", "2024-03-12")):
        quotes.create_quote(archive, QuoteInput(text=f"تصريح رقم {number} عن الإعلام", speaker_id=ids.person,
                                                said_on=said_on or None))
    source = ArchiveDocuments(archive)
    records = [(document.kind, document.record_id) for document in source.all_documents()]
    newest_first = sorted(source.all_documents(), key=lambda document: document.date or document.year or "",
                          reverse=True)
    assert source.rebuild_order() == [(document.kind, document.record_id) for document in newest_first]

    reports: list[tuple[int, int]] = []
    assert search_index.rebuild(lambda done, total: reports.append((done, total)), processes=2) == len(records)
    with search_index._ix.searcher() as searcher:
        keys = [fields["key"] for fields in searcher.all_stored_fields()]
    assert sorted(keys) == sorted(f"{kind}:{record_id}" for kind, record_id in records)
    assert reports[-1] == (len(records), len(records))
    assert ("quote", ids.quote) in found(search_index, "الإعلام الرقمي")
    assert len(search_index.search("تصريح", limit=100).hits) == 6


def test_a_cancelled_rebuild_keeps_the_old_index(search_index: SearchIndex, filled, tmp_path: Path) -> None:
    _archive, ids = filled
    cancel = threading.Event()
    cancel.set()
    assert search_index.rebuild(cancel=cancel, processes=2) == 0
    assert not (tmp_path / "archive.index.rebuilding").exists()
    assert ("quote", ids.quote) in found(search_index, "الإعلام الرقمي")
