"""Filter names and record kinds are understood however the officer spells them: with ه for ة,
without hamza, as the words are typed everywhere else in the search (before, 'السنه:2024' was
searched as two words and 'النوع:احصائيه' was an unknown kind)."""

from __future__ import annotations

import pytest

from search.query import parse_query


@pytest.mark.parametrize("typed", ["السنه:2024", "السنة:2024", "العام:2024", "سنه:٢٠٢٤"])
def test_a_year_filter_with_any_taa_marbuta(typed: str) -> None:
    parsed = parse_query(f"{typed} الاعلام")
    assert parsed.filters.get("year") == ["2024"]
    assert [word.surface for word in parsed.words()] == ["الاعلام"]


@pytest.mark.parametrize("typed", ["الفعاليه:الرابع", "الجهه:وزارة", "المؤسسه:وزارة", "السلسله:منتدى"])
def test_name_filters_with_ha_for_taa_marbuta(typed: str) -> None:
    parsed = parse_query(typed)
    assert parsed.filters and not parsed.words()


@pytest.mark.parametrize(("typed", "kind"), [("احصائيه", "statistic"), ("إحصائية", "statistic"),
                                             ("جلسه", "session"), ("فعاليه", "event"), ("اقتباسات", "quote")])
def test_kinds_with_any_spelling(typed: str, kind: str) -> None:
    assert parse_query(f"النوع:{typed}").kinds == [kind]


def test_a_year_filter_spelled_with_ha_narrows_the_results(search_index) -> None:
    assert search_index.search("السنه:2024 الإعلام").total == search_index.search("السنة:2024 الإعلام").total
    assert search_index.search("السنه:2019 الإعلام").total == 0


@pytest.mark.parametrize("typed", ["(", "***", "- -", '"', "؟!"])
def test_only_signs_asks_for_a_word_not_for_an_uncommon_one(typed: str) -> None:
    # "type at least one word that is not a common word" said of "(" sent the officer hunting for
    # the common word they had typed.
    parsed = parse_query(typed)
    assert parsed.is_empty
    assert [message for message, _params in parsed.notes] == ["Type a word, a name or a figure to search."]


def test_only_common_words_still_says_so() -> None:
    notes = [message for message, _params in parse_query("في من على").notes]
    assert notes == ["Nothing to search for: type at least one word that is not a common word."]
