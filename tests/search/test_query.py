"""The query language: what users type is understood, and nothing they type raises."""

from __future__ import annotations

import random

from search.query import parse_query


def test_words_phrases_exclusions_or_and_filters() -> None:
    parsed = parse_query('الإعلام "التواصل الحكومي" -ميتا فيسبوك OR تويتر speaker:السالمي السنة:٢٠٢٤ النوع:اقتباس')
    assert [len(clause.alternatives) for clause in parsed.clauses] == [1, 1, 2]
    assert len(parsed.clauses[1].alternatives[0]) == 2  # the phrase keeps its two words together
    assert [word.surface for phrase in parsed.excluded for word in phrase] == ["ميتا"]
    assert parsed.filters == {"speaker": ["السالمي"], "year": ["2024"]}
    assert parsed.kinds == ["quote"]


def test_quoted_filter_value_and_year_range() -> None:
    parsed = parse_query('المتحدث:"إبراهيم السالمي" year:2020-2022')
    assert parsed.filters["speaker"] == ["إبراهيم السالمي"]
    assert parsed.filters["year"] == ["2020", "2021", "2022"]


def test_prefix_only_while_typing_the_last_word() -> None:
    assert parse_query("منتدى الإعل", as_you_type=True).prefix == "اعل"
    assert parse_query("منتدى الإعل").prefix == ""
    assert parse_query("منتدى الإعل ", as_you_type=True).prefix == ""


def test_unknown_filter_names_are_searched_as_words() -> None:
    parsed = parse_query("http://example.com")
    assert parsed.words()


def test_random_input_never_raises() -> None:
    rng = random.Random(5)
    alphabet = 'ابتةىءأإآ ـًٌٍَُِّْ٠١٢٣"-:#_%٪()|*?\\\x00\x1b\n\t abcOR أو' + "".join(chr(c) for c in range(0x20, 0x7F))
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        parse_query(text, as_you_type=rng.random() < 0.5)
    parse_query(None)
    parse_query(12345)
    assert parse_query("x" * 100_000).notes
