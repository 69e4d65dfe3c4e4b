"""Words relayed after "قوله" open past where and when they were said ("قوله أمس خلال ... إن"، 'قوله -خلال
...- "...'), and a mark after قوله opens them even with a space after it ('قوله " إن ...'): issue 10, round of 2
December 2026 (`quote_introducers.relayed`); seen missed in two outlets of two studied sets.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_relayed_words_open_past_when_and_where_they_were_said() -> None:
    text = ("ونقلت وكالة الأنباء عن وزير الخارجية سالم الحربي قوله أمس خلال استقباله السفراء الجدد إن بلاده "
            "تشغل مركزا نشطا في الساحة الدولية.\n")
    assert [(quote.text, quote.speaker) for quote in _quotes(text)] == [
        ("بلاده تشغل مركزا نشطا في الساحة الدولية", "سالم الحربي")]


def test_a_mark_after_qawlahu_opens_the_words_even_with_a_space_after_it() -> None:
    text = "ونقلت وكالة الأنباء عن وزير الخارجية سالم الحربي قوله \" إن بلاده مستعدة لاستئناف المفاوضات فورا\".\n"
    assert [(quote.text, quote.speaker) for quote in _quotes(text)] == [
        ("بلاده مستعدة لاستئناف المفاوضات فورا", "سالم الحربي")]


def test_a_one_word_name_met_nowhere_gives_no_far_opening() -> None:
    """The guard: a single word the article names nowhere in full is too weak a speaker for words that open
    far from قوله."""
    text = "ونقلت الوكالة عن كاريموف قوله أمس خلال استقباله السفراء الجدد إن بلاده تشغل مركزا نشطا في الساحة.\n"
    assert not any(quote.reason.startswith("relayed") for quote in _quotes(text))
