"""Hope and confidence expressed ("أعرب عن أمله في أن ..."، "معربا عن أمله أن ...") report the words after أن:
reported speech, as bench/corpus/README.md writes it; issue 10, round of 2 December 2026
(`quote_openings.hope_expressed`, `quotes._expresses_hope`, the participle معربا in attribution.json). A topic
("أهمية أن"، "معربا عن أسفه لـ ...") is still none.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_a_verb_expressing_hope_reports_the_words_after_an() -> None:
    text = "وأعرب وزير التجارة سالم الحربي عن أمله في أن يسهم المعرض في زيادة الصادرات الوطنية هذا العام.\n"
    assert [(quote.text, quote.speaker) for quote in _quotes(text)] == [
        ("يسهم المعرض في زيادة الصادرات الوطنية هذا العام", "سالم الحربي")]


def test_confidence_with_bi_an_reports_the_words_after_it() -> None:
    text = "وأعرب وزير التجارة سالم الحربي عن ثقته بأن المعرض سيحقق نجاحا كبيرا في دورته الجديدة.\n"
    assert [(quote.text, quote.speaker) for quote in _quotes(text)] == [
        ("المعرض سيحقق نجاحا كبيرا في دورته الجديدة", "سالم الحربي")]


def test_a_participle_expressing_hope_ends_the_quote_and_opens_its_own() -> None:
    text = "وقال وزير التجارة سالم الحربي إن الصادرات زادت كثيرا، معربا عن أمله أن تتضاعف الصادرات في العام المقبل.\n"
    assert [(quote.text, quote.speaker) for quote in _quotes(text)] == [
        ("الصادرات زادت كثيرا", "سالم الحربي"),
        ("تتضاعف الصادرات في العام المقبل", "سالم الحربي")]


def test_regret_with_a_noun_stays_inside_the_quote() -> None:
    """The guard: "معربا عن أسفه لـ ..." reports a topic, no words: the sentence's quote runs on across it."""
    text = "وقال وزير التجارة سالم الحربي إن الصادرات زادت كثيرا هذا العام، معربا عن أسفه لتأخر المعرض.\n"
    assert [quote.text for quote in _quotes(text)] == [
        "الصادرات زادت كثيرا هذا العام، معربا عن أسفه لتأخر المعرض"]
