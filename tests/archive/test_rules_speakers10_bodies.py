"""A body that speaks (issue 10, the eighth set's speaker round, 2 December 2026): its name ends before the
colon and the mark that open its words.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import extract


def _bodies(text: str) -> list[tuple[str | None, str | None]]:
    proposals = extract(text)
    quotes = sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)
    return [(quote.speaker, quote.organisation) for quote in quotes]


def test_a_bodys_name_ends_before_the_colon_and_the_mark_opening_its_words() -> None:
    text = 'وقالت حكومة الجبل: "إن الهجوم انتهاك واضح لسيادة البلاد".'
    assert _bodies(text) == [("حكومة الجبل", "حكومة الجبل")]


def test_a_bodys_name_ends_before_the_colon_opening_its_words() -> None:
    text = "وقالت حكومة الجبل: إن الهجوم انتهاك واضح لسيادة البلاد."
    assert _bodies(text) == [("حكومة الجبل", "حكومة الجبل")]


def test_a_mark_closing_a_name_inside_the_bodys_name_stays() -> None:
    text = 'وأكدت هيئة "الإذاعة الوطنية" أن البث سيعود خلال يومين إلى كل المحافظات.'
    assert _bodies(text) == [('هيئة "الإذاعة الوطنية"', 'هيئة "الإذاعة الوطنية"')]
