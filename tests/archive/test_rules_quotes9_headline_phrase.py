"""A headline's speaker goes on to its colon through what he does or where he speaks ("فلان يفاجئ أنصاره:"،
"رئيس الوزراء ... في كلمة أمام القمة:"): the words after the colon are his (issue 10, round of 2 December 2026,
`line_quotes._headline_speaker`); seen missed in three outlets of two studied sets.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_a_headline_title_with_where_he_spoke_before_the_colon() -> None:
    text = ("رئيس الوزراء القطري في كلمة أمام القمة العربية: العدوان يهدد مسار التفاوض\n\n"
            "قال رئيس الوزراء القطري سالم الحربي إن العدوان على المدينة يهدد مسار التفاوض كله.\n")
    quote = _quotes(text)[0]
    assert quote.text == "العدوان يهدد مسار التفاوض"
    assert quote.speaker == "سالم الحربي"


def test_a_headline_name_with_what_he_does_before_the_colon() -> None:
    text = ("سالم الحربي يفاجئ أنصاره: حوار وطني سيبدأ قريبا مع كل الأطراف\n\n"
            "أعلن الرئيس سالم الحربي أن الحوار سيبدأ الأسبوع المقبل في العاصمة.\n")
    quote = _quotes(text)[0]
    assert quote.text == "حوار وطني سيبدأ قريبا مع كل الأطراف"
    assert quote.speaker == "سالم الحربي"


def test_words_read_as_a_name_that_the_article_never_names_again_are_no_speaker() -> None:
    """The guard: "صحار ترفع راية الفرح:" is a town doing something, not a person speaking."""
    text = ("صحار ترفع راية الفرح: مهرجان الصيف يبدأ غدا بمشاركة واسعة\n\n"
            "أعلنت البلدية أن المهرجان سيستمر أسبوعين في الحدائق العامة.\n")
    assert all(not quote.text.startswith("مهرجان الصيف") for quote in _quotes(text))
