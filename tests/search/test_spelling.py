"""'Did you mean' on a real index: nearest words first, short words left alone, new words offered after an edit."""

from __future__ import annotations

from archive.services import quotes
from archive.services.records import QuoteInput
from search.index import SearchIndex


def test_the_nearest_indexed_word_is_offered_for_each_unknown_word(search_index: SearchIndex) -> None:
    assert search_index.search("الحكوميت").did_you_mean == "الحكومية"
    assert search_index.search("التدربب المستمز").did_you_mean == "التدريب المستمر"


def test_a_suggestion_is_written_as_the_archive_writes_it(search_index: SearchIndex, filled) -> None:
    archive, ids = filled
    quotes.create_quote(archive, QuoteInput(text="أكّد أهميّة الإِعلام الرّقمي للمؤسسات", speaker_id=ids.person))
    search_index.drain_outbox()
    # Index words are normalized (اعلام); the suggestion keeps the hamza, without harakat.
    assert search_index.search("الاعلامم").did_you_mean == "الإعلام"
    assert search_index.search("واهميت").did_you_mean == "وأهمية"


def test_the_word_being_typed_is_corrected_only_when_no_word_starts_with_it(search_index: SearchIndex) -> None:
    assert search_index.search("الحكوميت", as_you_type=True).did_you_mean == "الحكومية"
    # "الحكو" is the start of indexed words: it is left as typed, the other word is corrected
    # (nothing is found here because of the year).
    results = search_index.search("year:1990 التدربب الحكو", as_you_type=True)
    assert not results.hits
    assert results.did_you_mean == "year:1990 التدريب الحكو"


def test_words_of_one_or_two_letters_get_no_suggestion(search_index: SearchIndex) -> None:
    results = search_index.search("قث")
    assert not results.hits
    assert results.did_you_mean == ""


def test_a_word_added_by_an_edit_is_offered_once_the_outbox_drains(search_index: SearchIndex, filled) -> None:
    archive, ids = filled
    assert search_index.search("الاستدامه").did_you_mean != "الاستدامة"
    quotes.create_quote(archive, QuoteInput(text="الاستدامة هدف كل مؤسسة", speaker_id=ids.person))
    search_index.drain_outbox()
    assert search_index.search("الاستدانة").did_you_mean == "الاستدامة"
