"""A statement in marks over several paragraphs: a mark that opens a paragraph and is not closed on it runs to
the mark closing a later paragraph, when no other mark opens on the way (issue 10, round of 2 December 2026,
`quote_spans.statement_close`); seen cut at its first paragraph in two outlets of two studied sets.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_a_statement_after_a_verb_and_a_colon_runs_over_its_paragraphs() -> None:
    text = ("قالت وزيرة الخارجية سلمى الحربي في بيان اليوم:\n"
            "\"نشعر بقلق بالغ إزاء ما جرى على الحدود الليلة الماضية.\n"
            "وندعو جميع الأطراف إلى ضبط النفس والعودة إلى الحوار.\"\n"
            "مصدر النص: وزارة الخارجية\n")
    quote = _quotes(text)[0]
    assert quote.text == ("نشعر بقلق بالغ إزاء ما جرى على الحدود الليلة الماضية.\n"
                          "وندعو جميع الأطراف إلى ضبط النفس والعودة إلى الحوار.")
    assert quote.speaker == "سلمى الحربي"


def test_a_mark_opening_inside_a_line_still_ends_with_its_line() -> None:
    """The guard: a mark left open in the middle of a line is not carried into later paragraphs."""
    text = ("وقالت وزيرة الخارجية سلمى الحربي: \"نتابع الوضع عن قرب وندعو إلى التهدئة\n"
            "وأعلنت الوزارة لاحقا إغلاق المعبر حتى إشعار آخر\".\n")
    quote = _quotes(text)[0]
    assert quote.text == "نتابع الوضع عن قرب وندعو إلى التهدئة"
