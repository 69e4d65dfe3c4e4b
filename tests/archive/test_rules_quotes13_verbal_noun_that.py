"""A verbal noun of speech with بـ before an أن clause introduces the subject's words, as "بالقول" does before a
colon: "استهل فلان المؤتمر الصحفي بالإشارة إلى أنه ..."، "تحدث عن أولويات الحكومة بالتأكيد على أنها ...".
The quote holds أنه/أنها as every quote opened by a complementiser with its pronoun does. Issue 10, round of
3 December 2026 (`quote_introducers.speech_noun_that_quote`).

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_pointing_out_that_introduces_the_words() -> None:
    text = ("استهل رئيس الوزراء سالم العبدلي المؤتمر الصحفي الأسبوعي، بالإشارة إلى أنه لم يتمكن من عقد المؤتمر "
            "الأسبوع الماضي بسبب سفره.\n")
    assert [(quote.text, quote.speaker) for quote in _quotes(text)] == [
        ("أنه لم يتمكن من عقد المؤتمر الأسبوع الماضي بسبب سفره", "سالم العبدلي")]


def test_affirming_that_introduces_the_words() -> None:
    text = ("تحدث وزير الإعلام سالم العبدلي عن أولويات الحكومة، بالتأكيد على أنها تقوم على ثلاثة مرتكزات "
            "رئيسية.\n")
    assert [quote.text for quote in _quotes(text)] == ["أنها تقوم على ثلاثة مرتكزات رئيسية"]


def test_the_verbal_noun_with_a_topic_is_no_quote() -> None:
    """The guard: "بالتأكيد على أهمية ..." names a topic, not words."""
    text = "اختتم وزير الإعلام سالم العبدلي اللقاء بالتأكيد على أهمية الحوار بين المؤسسات الإعلامية.\n"
    assert [quote.text for quote in _quotes(text)] == []
