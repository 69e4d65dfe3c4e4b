"""Searching a real archive's index: variants, phrases, exclusions, filters, highlights, notes."""

from __future__ import annotations

import pytest

from search.index import SearchIndex


def kinds_and_ids(results) -> list[tuple[str, int]]:
    return [(hit.kind, hit.id) for hit in results.hits]


@pytest.mark.parametrize(
    "query",
    ["الاعلام الرقمي", "الإعلام الرقمى", "إعلام رقمي", "والإعلام", "المؤسسات الحكومية", "مؤسسة حكومية",
     "المؤسّسات الحكوميّة", "الحكوميه"],
)
def test_spelling_variants_find_the_quote(search_index: SearchIndex, filled, query: str) -> None:
    _archive, ids = filled
    assert ("quote", ids.quote) in kinds_and_ids(search_index.search(query))


def test_names_with_or_without_bin(search_index: SearchIndex, filled) -> None:
    _archive, ids = filled
    for query in ("سالم الكندي", "سالم بن راشد الكندي", '"سالم راشد الكندي"', "الكندى"):
        assert ("person", ids.person) in kinds_and_ids(search_index.search(query)), query
    assert ("person", ids.second_person) in kinds_and_ids(search_index.search("مريم بنت خالد الحارثيه"))


def test_digits_and_percent_in_both_systems(search_index: SearchIndex, filled) -> None:
    _archive, ids = filled
    for query in ("80%", "٨٠٪", "80"):
        assert ("statistic", ids.statistic) in kinds_and_ids(search_index.search(query)), query


def test_hashtag_found_by_its_words(search_index: SearchIndex, filled) -> None:
    _archive, ids = filled
    assert ("event", ids.event) in kinds_and_ids(search_index.search("الاتصال المؤسسي صلالة"))
    assert ("event", ids.event) in kinds_and_ids(search_index.search("#ملتقى_الاتصال_المؤسسي"))


def test_all_words_rank_before_partial_matches(search_index: SearchIndex, filled) -> None:
    _archive, ids = filled
    results = search_index.search("التدريب المنصات")
    assert (results.hits[0].kind, results.hits[0].id, results.hits[0].all_words) == ("quote", ids.second_quote, True)
    partial = [hit for hit in results.hits if not hit.all_words]
    assert partial and all(not hit.all_words for hit in results.hits[results.hits.index(partial[0]):])


def test_phrase_requires_adjacent_words(search_index: SearchIndex, filled) -> None:
    _archive, ids = filled
    assert ("quote", ids.quote) in kinds_and_ids(search_index.search('"الإعلام الرقمي"'))
    assert ("quote", ids.quote) not in kinds_and_ids(search_index.search('"الرقمي الإعلام"'))


def test_exclusion_and_or(search_index: SearchIndex, filled) -> None:
    _archive, ids = filled
    assert ("quote", ids.quote) not in kinds_and_ids(search_index.search("المؤسسات -المواطنين"))
    either = kinds_and_ids(search_index.search("التدريب OR المواطنين kind:quote"))
    assert {("quote", ids.quote), ("quote", ids.second_quote)} <= set(either)
    assert set(either) == set(kinds_and_ids(search_index.search("التدريب أو المواطنين النوع:اقتباس")))


def test_filters_in_english_and_arabic(search_index: SearchIndex, filled) -> None:
    _archive, ids = filled
    by_speaker = kinds_and_ids(search_index.search("speaker:الكندي"))
    assert ("quote", ids.quote) in by_speaker and ("quote", ids.second_quote) not in by_speaker
    assert kinds_and_ids(search_index.search("المتحدث:الكندي")) == by_speaker
    assert all(kind == "statistic" for kind, _ in kinds_and_ids(search_index.search("المستخدمين kind:statistic")))
    assert ("quote", ids.quote) in kinds_and_ids(search_index.search("المؤسسات year:2024 event:ملتقى"))
    assert not search_index.search("المؤسسات السنة:٢٠٢٣").hits
    assert ("quote", ids.quote) in kinds_and_ids(search_index.search("المؤسسات year:2020-2024"))


def test_facets_count_kinds_and_speakers(search_index: SearchIndex) -> None:
    results = search_index.search("المستخدمين")
    kinds = {row.value: row.count for row in results.facets["kind"]}
    assert kinds.get("statistic") == 1 and kinds.get("source") == 1
    assert any("الحارثية" in row.label for row in results.facets["speaker"])


def test_highlights_cover_the_original_words(search_index: SearchIndex, filled) -> None:
    _archive, ids = filled
    results = search_index.search("المؤسسات الحكومية kind:quote")
    hit = next(hit for hit in results.hits if hit.id == ids.quote)
    marked = [hit.snippet.text[start:end] for start, end in hit.snippet.highlights]
    assert marked == ["المؤسسات الحكوميّة"]


def test_hits_carry_their_source(search_index: SearchIndex, filled) -> None:
    _archive, ids = filled
    hits = {(hit.kind, hit.id): hit for hit in search_index.search("الإعلام الرقمي").hits}
    assert hits[("quote", ids.quote)].source_id == ids.source
    assert hits[("quote", ids.quote)].source_file == "khabar-2024-03-13.txt"
    assert hits[("source", ids.source)].source_id == ids.source
    assert hits[("source", ids.source)].source_file == "khabar-2024-03-13.txt"


def test_did_you_mean_when_nothing_is_found(search_index: SearchIndex) -> None:
    results = search_index.search("الاعلاك")
    assert not results.hits
    assert results.did_you_mean == "الإعلام"  # as the archive writes it


@pytest.mark.parametrize(
    "query",
    ['"الإعلام الرقمي', '"', "-", "OR", "أو أو", "- - -", "!!! ؟؟ ...", "speaker:", "kind:nothing",
     "year:abc", "\x00\x07\x1b[31m الإعلام", "الإعلام " * 2500, ":", '-"', "((", "*", "(الإعلام) AND"],
)
def test_malformed_queries_return_cleanly(search_index: SearchIndex, query: str) -> None:
    results = search_index.search(query)
    assert results.total >= 0
    assert isinstance(results.note, str)


def test_as_you_type_matches_the_last_word_as_prefix(search_index: SearchIndex, filled) -> None:
    _archive, ids = filled
    for typed in ("المؤسسات الحكو", "الإعل", "والرقم"):
        assert ("quote", ids.quote) in kinds_and_ids(search_index.search(typed, as_you_type=True)), typed


def test_typing_letter_by_letter_expands_like_a_fresh_search(search_index: SearchIndex, filled, tmp_path) -> None:
    _archive, ids = filled
    typed = [search_index.search(text, as_you_type=True)
             for text in ("المؤسسات الحك", "المؤسسات الحكو", "المؤسسات الحكوم")]
    assert ("quote", ids.quote) in kinds_and_ids(typed[-1])
    fresh = SearchIndex.open(tmp_path / "archive.index", filled[0])
    try:
        assert kinds_and_ids(fresh.search("المؤسسات الحكوم", as_you_type=True)) == kinds_and_ids(typed[-1])
    finally:
        fresh.close()
