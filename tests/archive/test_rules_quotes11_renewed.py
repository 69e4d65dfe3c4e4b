"""A statement renewed reports words: "وجدد فلان التأكيد على أن ..." (he affirmed again that ...) attributes the
words after أن to the verb's subject, as "أكد أن ..." does; issue 10, round of 3 December 2026
(`quotes._renews_a_statement`). A renewed call or a renewed topic without أن is no quote.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_a_person_renewing_his_affirmation_is_quoted() -> None:
    text = ("استقبل رئيس الحكومة سالم العبدلي وفد الاتحاد.\nوجدد رئيس الحكومة التأكيد على أن الإقليم يريد علاقات "
            "متوازنة مع جميع دول الجوار.\n")
    assert [(quote.text, quote.speaker) for quote in _quotes(text)] == [
        ("الإقليم يريد علاقات متوازنة مع جميع دول الجوار", "سالم العبدلي")]


def test_the_statement_renewing_its_affirmation_is_quoted() -> None:
    text = ("نفى مجلس الوزراء في بيان رسمي ما نشر عن المفاوضات.\nوجدد البيان التأكيد على أن المجلس يلتزم بالعمل مع "
            "كافة القوى الوطنية لتحقيق التطلعات.\n")
    assert [quote.text for quote in _quotes(text)] == [
        "المجلس يلتزم بالعمل مع كافة القوى الوطنية لتحقيق التطلعات"]


def test_a_renewed_call_or_topic_without_that_is_no_quote() -> None:
    """The guard: a renewal of something other than words said."""
    text = "وجدد رئيس الحكومة سالم العبدلي التأكيد على أهمية الحوار بين جميع القوى السياسية في البلاد.\n"
    assert _quotes(text) == []
