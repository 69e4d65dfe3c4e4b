"""The first letters of a word, typed in the search box: "ت", "ال", "الت" are not yet a word. The answer says
to keep typing instead of "no records match", and the words typed before still find their records."""

from __future__ import annotations

import pytest

from archive.i18n import tr
from archive.services import quotes
from archive.services.records import QuoteInput
from search.index import SearchIndex


def found(results) -> set[tuple[str, int]]:
    return {(hit.kind, hit.id) for hit in results.hits}


@pytest.mark.parametrize("typed", ["ت", "ال", "وال", "الت", "والت"])
def test_a_word_begun_is_not_a_search_that_found_nothing(search_index: SearchIndex, typed: str) -> None:
    results = search_index.search(typed, as_you_type=True)
    assert results.still_typing and not results.hits
    assert results.note == tr("Keep typing…")
    assert results.note != tr("No records match this search.")


def test_the_words_before_a_word_begun_still_find_their_records(search_index: SearchIndex, filled) -> None:
    _archive, ids = filled
    results = search_index.search("المؤسسات الت", as_you_type=True)
    assert ("quote", ids.quote) in found(results)
    assert not results.still_typing


def test_article_and_one_letter_that_starts_a_word_is_searched(search_index: SearchIndex, filled) -> None:
    # "ألف" is stored as "الف" (its "ال" is no article: one letter would be left): "الف" typed finds it.
    archive, ids = filled
    thousand = quotes.create_quote(archive, QuoteInput(text="حضر ألف مشارك من الشباب", speaker_id=ids.person))
    search_index.drain_outbox()
    results = search_index.search("الف", as_you_type=True)
    assert not results.still_typing
    assert ("quote", thousand.id) in found(results)


def test_a_finished_search_that_finds_nothing_still_says_so(search_index: SearchIndex) -> None:
    results = search_index.search("زرافة", as_you_type=True)
    assert not results.still_typing
    assert results.note == tr("No records match this search.")
    plain = search_index.search("الت")  # not typing: the CLI searches the word as written
    assert not plain.still_typing
