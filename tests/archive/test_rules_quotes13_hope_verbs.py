"""Verbs of hoping and wishing report words, as hope expressed does ("وأعرب عن أمله في أن", bench/corpus/README.md):
"وأمل فلان أن ..."، "وتمنى فلان أن ..."، "، آملا أن ..." quote the words after أن. The noun ("على أمل أن") reports
nothing. Issue 10, round of 3 December 2026 (`quotes._hopes`, the participles in `attribution.json`).

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_a_verb_of_hoping_quotes_the_words_after_that() -> None:
    text = "وأمل وزير الخارجية سالم العبدلي أن تسهم القمة في تعزيز العمل العربي المشترك.\n"
    assert [(quote.text, quote.speaker) for quote in _quotes(text)] == [
        ("تسهم القمة في تعزيز العمل العربي المشترك", "سالم العبدلي")]


def test_a_verb_of_wishing_quotes_the_words_after_that() -> None:
    text = "وتمنى المدير العام للمركز ماجد الكعبي أن تخرج الندوة بتوصيات تفيد جميع الأطراف.\n"
    assert [(quote.text, quote.speaker) for quote in _quotes(text)] == [
        ("تخرج الندوة بتوصيات تفيد جميع الأطراف", "ماجد الكعبي")]


def test_a_participle_of_hoping_continues_the_speaker() -> None:
    text = ("وقال وزير الخارجية سالم العبدلي إن بلاده تقدر دعم الدول الشقيقة في كل المراحل، "
            "آملا أن تسرع في تقديم المساعدات العاجلة للمتضررين.\n")
    assert [(quote.text, quote.speaker) for quote in _quotes(text)] == [
        ("بلاده تقدر دعم الدول الشقيقة في كل المراحل", "سالم العبدلي"),
        ("تسرع في تقديم المساعدات العاجلة للمتضررين", "سالم العبدلي")]


def test_the_noun_of_hope_reports_nothing() -> None:
    """The guard: "على أمل أن" is the reporter's purpose, and "أمل" without و is the noun."""
    text = ("وتوجه الوفد الوزاري برئاسة سالم العبدلي إلى العاصمة على أمل أن تنطلق المفاوضات الأسبوع المقبل.\n"
            "أمل الشباب أن تتحسن الأوضاع الاقتصادية قريبا في المنطقة كلها.\n")
    assert [quote.text for quote in _quotes(text)] == []
