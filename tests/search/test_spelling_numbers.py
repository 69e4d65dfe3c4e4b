"""A number is never "corrected": 'did you mean: 2000' for a year that found nothing sent the
officer to a figure they did not ask for."""

from __future__ import annotations

from archive.services import quotes
from archive.services.records import QuoteInput


def test_a_number_that_finds_nothing_gets_no_suggestion(filled, tmp_path) -> None:
    from search.index import SearchIndex

    archive, ids = filled
    quotes.create_quote(archive, QuoteInput(text="شارك في المنتدى 2000 شخص وتابعه 8000 عبر الإنترنت",
                                            speaker_id=ids.person, event_id=ids.event))
    index = SearchIndex.open(tmp_path / "numbers.index", archive)
    try:
        assert index.search("2000").total == 1
        # (A year with records, such as 2024 here, finds them: test_search_results_read_well.py.)
        for typed in ("2019", "2001", "8001", "٢٠١٩"):
            found = index.search(typed)
            assert found.total == 0 and found.did_you_mean == "", (typed, found.did_you_mean)
        assert index.search("الانترنتت").did_you_mean  # words are still corrected
    finally:
        index.close()


def test_a_short_word_is_corrected_by_one_edit_at_most(filled, tmp_path) -> None:
    # 'كوفيد' (not in the archive) was offered 'توحيد': two letters of five replaced is another word.
    from search.index import SearchIndex

    archive, ids = filled
    quotes.create_quote(archive, QuoteInput(text="نعمل على توحيد الرسائل الحكومية في الأزمات",
                                            speaker_id=ids.person, event_id=ids.event))
    index = SearchIndex.open(tmp_path / "short.index", archive)
    try:
        assert index.search("كوفيد").did_you_mean == ""
        assert index.search("توحبد").did_you_mean == "توحيد"  # one letter off: still corrected
        assert index.search("الرسايلل").did_you_mean  # a longer word may be two edits off
    finally:
        index.close()
