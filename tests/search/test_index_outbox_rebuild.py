"""A rebuild acknowledges the outbox rows its records already hold and applies only the later ones
(issue 14: the rows of a 20,000-record pull were applied again one by one after the rebuild)."""

from __future__ import annotations

from pathlib import Path

from archive.db.engine import Archive
from archive.services import outbox, quotes
from archive.services.records import QuoteInput
from search.index import SearchIndex
from search.whoosh_internals import segment_count
from tests.search.conftest import Ids

EDITED = "أطلقت الهيئة منصة رقمية جديدة لخدمة الصيادين في المحافظات الساحلية"
DURING = "افتتحت البلدية حديقة عامة للأطفال قرب مستودعات الميناء القديم"


def _found(index: SearchIndex, text: str) -> set[tuple[str, int]]:
    return {(hit.kind, hit.id) for hit in index.search(text).hits if hit.all_words}


def test_a_rebuild_acknowledges_the_rows_written_before_it_without_applying_them(filled: tuple[Archive, Ids],
                                                                                tmp_path: Path) -> None:
    archive, ids = filled
    assert outbox.pending_count(archive) > 0  # every record of the sample archive queued its row
    index = SearchIndex.open(tmp_path / "archive.index", archive)  # no index yet: built from the archive
    try:
        # One segment, as the rebuild wrote it: not one commit more applying rows it already held.
        assert (segment_count(index._ix), outbox.pending_count(archive)) == (1, 0)
        quotes.update_quote(archive, ids.quote, QuoteInput(text=EDITED, speaker_id=ids.person))
        assert outbox.pending_count(archive) == 1
        index.rebuild(processes=1)
        assert (segment_count(index._ix), outbox.pending_count(archive)) == (1, 0)
        assert ("quote", ids.quote) in _found(index, "منصة رقمية لخدمة الصيادين")
    finally:
        index.close()


def test_a_change_made_while_a_rebuild_reads_the_archive_is_still_applied(filled: tuple[Archive, Ids],
                                                                          tmp_path: Path) -> None:
    archive, ids = filled
    index = SearchIndex.open(tmp_path / "archive.index", archive)
    made: list[int] = []

    def edit_once_read(written: int, total: int) -> None:
        # Called once every record is read (and written): these changes come after the rebuild's snapshot.
        if written == total and not made:
            quotes.update_quote(archive, ids.quote, QuoteInput(text=EDITED, speaker_id=ids.person))
            made.append(quotes.create_quote(archive, QuoteInput(text=DURING, speaker_id=ids.person)).id)

    try:
        index.rebuild(edit_once_read, processes=1)
        assert made and outbox.pending_count(archive) == 0
        assert segment_count(index._ix) == 2  # the rebuild's segment and the one commit applying the two rows
        assert ("quote", ids.quote) in _found(index, "منصة رقمية لخدمة الصيادين")
        assert ("quote", made[0]) in _found(index, "حديقة عامة للأطفال")
        assert ("quote", ids.quote) not in _found(index, "المؤسسات الحكومية تتجه")
    finally:
        index.close()
