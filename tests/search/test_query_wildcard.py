"""A word ending in * is the beginning of a word, as officers type it in every other search box
(before, 'الإعلا*' found nothing and offered 'هل تقصد: الإعلام*')."""

from __future__ import annotations

from search.query import parse_query


def test_a_starred_word_is_a_prefix_anywhere_in_the_query() -> None:
    assert parse_query("الإعلا*").prefix == "اعلا"
    parsed = parse_query("المنص* الرقمي")
    assert parsed.prefix == "منص"
    assert [word.surface for word in parsed.words()] == ["الرقمي"]


def test_a_lone_star_or_a_one_letter_prefix_is_still_nothing_to_search() -> None:
    assert parse_query("*").is_empty
    assert parse_query("ا*").is_empty


def test_starred_words_find_the_records_with_words_so_begun(search_index, filled) -> None:
    _archive, ids = filled
    found = search_index.search("الإعلا*")
    assert ids.quote in {hit.id for hit in found.hits if hit.kind == "quote"}
    assert not found.did_you_mean
    both = search_index.search("التدر* المنصات")
    assert [hit.id for hit in both.hits if hit.kind == "quote"][:1] == [ids.second_quote]
