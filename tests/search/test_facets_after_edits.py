"""Facet counts stay right as edits add segments (facet columns are kept per segment between searchers)."""

from __future__ import annotations

from archive.services import quotes
from archive.services.records import QuoteInput
from search.index import SearchIndex


def kind_counts(results) -> dict[str, int]:
    return {row.value: row.count for row in results.facets["kind"]}


def test_facets_count_records_added_and_deleted_after_the_first_search(search_index: SearchIndex, filled) -> None:
    archive, ids = filled
    search_index.warm_up()
    before = kind_counts(search_index.search("الرقمي"))
    added = [quotes.create_quote(archive, QuoteInput(text=f"التحول الرقمي أولوية رقم {number}",
                                                     speaker_id=ids.second_person)) for number in range(3)]
    search_index.drain_outbox()
    after = kind_counts(search_index.search("الرقمي"))
    assert after["quote"] == before.get("quote", 0) + 3
    speakers = {row.label: row.count for row in search_index.search("الرقمي").facets["speaker"]}
    assert any("الحارثية" in label and count >= 3 for label, count in speakers.items())

    quotes.delete_quote(archive, added[0].id)
    search_index.drain_outbox()
    assert kind_counts(search_index.search("الرقمي"))["quote"] == before.get("quote", 0) + 2
