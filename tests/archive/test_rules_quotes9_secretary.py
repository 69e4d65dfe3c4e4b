"""A post word is a title with the article as without it: "السكرتير الصحفي للرئيس فلان" names a speaker as
"سكرتير ..." does (issue 10, round of 2 December 2026, `lexicon.TITLE_WORDS`); seen in two outlets of the
eighth set (a quote missed, a speaker read as the president he speaks for).

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_the_press_secretary_with_the_article_is_a_title_before_the_name() -> None:
    text = "قال السكرتير الصحفي للرئيس سالم الحربي إن الرئيس سيزور القاهرة في نوفمبر المقبل.\n"
    quotes = _quotes(text)
    assert [(quote.text, quote.speaker) for quote in quotes] == [
        ("الرئيس سيزور القاهرة في نوفمبر المقبل", "سالم الحربي")]
    assert quotes[0].speaker_title == "السكرتير الصحفي للرئيس"
