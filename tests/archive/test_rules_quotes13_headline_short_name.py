"""A headline's speaker printed by one word of his name ("العبدلي: ..."، "ماهر: ..."), also with what he speaks
about before the colon ("العبدلي عن ارتفاع الأسعار: ..."), is the person the article prints below in full with
that word as the first or last of his name. Issue 10, round of 3 December 2026 (`line_quotes.headline_quote`,
`_headline_speaker`).

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_a_given_name_alone_before_the_colon_is_the_person_named_below() -> None:
    text = ("ماهر: المجلس سيبت في أمر الموازنة الجديدة\n"
            "قال رئيس الوزراء المؤقت ماهر الحسيني اليوم الخميس إن المجلس قرر دعوة النواب إلى جلسة طارئة.\n")
    first = _quotes(text)[0]
    assert (first.text, first.speaker) == (
        "المجلس سيبت في أمر الموازنة الجديدة", "ماهر الحسيني")


def test_a_family_name_and_his_topic_before_the_colon() -> None:
    text = ("العبدلي عن ارتفاع الأسعار: الزيادة سببها الأزمة العالمية وسعر النفط\n\n"
            "صرح الدكتور سالم العبدلي، بأن الحكومة تدرك شكاوى المواطنين بشأن ارتفاع الأسعار.\n")
    first = _quotes(text)[0]
    assert (first.text, first.speaker) == (
        "الزيادة سببها الأزمة العالمية وسعر النفط", "سالم العبدلي")


def test_a_word_the_article_names_nobody_with_is_no_headline_speaker() -> None:
    """The guard: a first word that is no name printed below ("دبي ترحب ...") gives no headline quote."""
    text = ("دبي ترحب بزوار المعرض الدولي للكتاب: أرقام قياسية\n\n"
            "قال مدير المعرض سالم العبدلي إن المعرض استقبل أكثر من مليون زائر هذا العام.\n")
    assert [quote.text for quote in _quotes(text)] == ["المعرض استقبل أكثر من مليون زائر هذا العام"]


def test_a_state_before_the_colon_is_no_persons_name() -> None:
    """The guard: "رئيس جمهورية بلادستان" below does not make "بلادستان:" a person's short name."""
    text = ("بلادستان عن المؤتمر الدولي: هدفه تعزيز الثقة بين دول المنطقة\n"
            "ويحضر المؤتمر رئيس جمهورية بلادستان ووزراء خارجية دول المنطقة.\n")
    assert [quote.text for quote in _quotes(text)] == []
