"""A quotation standing before a verb of speech with no subject of its own ("«...»، قالت في مؤتمر صحفي"،
"«...»، كما أشار.") is the words of the speaker that verb continues: issue 10, round of 2 December 2026
(`line_quotes.quote_first_at`); seen missed in two outlets of the eighth set.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_a_quotation_before_a_bare_verb_and_where_it_was_said_is_the_last_speakers() -> None:
    text = ("قالت وزيرة التجارة سلمى الحربي إن الأسواق مستقرة هذا الشهر.\n"
            "\"نعمل مع التجار لضمان توفر السلع في كل المدن\"، قالت في مؤتمر صحفي بمقر الوزارة.\n")
    quote = _quotes(text)[-1]
    assert quote.text == "نعمل مع التجار لضمان توفر السلع في كل المدن"
    assert quote.speaker == "سلمى الحربي"
    assert quote.attribution == "continuation"


def test_a_quotation_before_kama_and_a_bare_verb_is_the_last_speakers() -> None:
    text = ("وأكد وزير التجارة سالم الحربي أن الأسواق مستقرة هذا الشهر.\n"
            "“سنواصل العمل مع التجار لضمان توفر السلع في كل المدن”، كما أشار.\n")
    quote = _quotes(text)[-1]
    assert quote.text == "سنواصل العمل مع التجار لضمان توفر السلع في كل المدن"
    assert quote.speaker == "سالم الحربي"


def test_a_verb_with_its_own_words_after_a_quotation_is_not_bare() -> None:
    """The guard: "«...»، وشدد على أن ..." gives the verb its own words; the quotation is not taken as its."""
    text = ("وأكد وزير التجارة سالم الحربي أن الأسواق مستقرة هذا الشهر.\n"
            "“الأسعار لن ترتفع في الأشهر المقبلة”، وشدد على أن الوزارة “تراقب الأسواق كل يوم”.\n")
    quotes = _quotes(text)
    assert quotes[-1].text == "تراقب الأسواق كل يوم"  # the marked words (test_rules_quotes10_marked_words)
    assert not any("no subject" in quote.reason for quote in quotes)
