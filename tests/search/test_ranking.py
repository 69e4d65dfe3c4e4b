"""Ranking and counting on the sample archive: a record's own words first; total and facets agree."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from archive.db.engine import open_archive
from search.analysis import analyze_document
from search.index import SearchIndex

QUERY = "الاعلام الرقمي"


@pytest.fixture(scope="module")
def sample_index(sample_archive_file: Path, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("ranking")
    shutil.copy(sample_archive_file, folder / "sample.sqlite")
    archive = open_archive(folder / "sample.sqlite")
    opened = SearchIndex.open(folder / "sample.index", archive)
    yield opened
    opened.close()
    archive.close()


def own_words(hit) -> int:
    """How many query words the hit's own title or highlighted text holds (not a related record's name)."""
    highlighted = " ".join(hit.snippet.text[start:end] for start, end in hit.snippet.highlights)
    own_stems = set(analyze_document(f"{hit.title} {highlighted}").stems)
    return len(set(analyze_document(QUERY).stems) & own_stems)


def test_own_words_rank_above_a_related_records_name(sample_index: SearchIndex) -> None:
    hits = sample_index.search(QUERY, limit=500).hits
    positions_with_both = [index for index, hit in enumerate(hits) if own_words(hit) == 2]
    through_names = [index for index, hit in enumerate(hits) if own_words(hit) == 0]
    assert positions_with_both and through_names
    assert max(positions_with_both) < min(through_names)
    events_named = [index for index, hit in enumerate(hits) if hit.kind == "event" and own_words(hit) == 2]
    quotes_through_event = [index for index, hit in enumerate(hits) if hit.kind == "quote" and own_words(hit) == 0]
    assert events_named and quotes_through_event
    assert max(events_named) < min(quotes_through_event)


def test_total_counts_what_the_facets_count(sample_index: SearchIndex) -> None:
    results = sample_index.search(QUERY, limit=5)
    assert results.total == sum(row.count for row in results.facets["kind"])
    assert 0 < results.total_all_words <= results.total
    everything = sample_index.search(QUERY, limit=500)
    assert len(everything.hits) == everything.total
    assert sum(hit.all_words for hit in everything.hits) == everything.total_all_words


def test_filters_narrow_total_and_facets_alike(sample_index: SearchIndex) -> None:
    results = sample_index.search(f"{QUERY} kind:quote")
    assert [row.value for row in results.facets["kind"]] == ["quote"]
    assert results.total == results.facets["kind"][0].count
