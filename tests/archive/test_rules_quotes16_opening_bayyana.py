""""بين" without its shadda opening a sentence is the verb بيّن when its أن follows the speaker and where he
spoke: "وبين فلان في تصريح صحفي أن ..."، "و بين فلان في ختام كلمته ان ..."; "بين" (between) before a pair of
nouns is no verb. Issue 10, round of 3 December 2026 (`quote_verbs.ambiguous_verb_before_that`).

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_bayyana_then_the_speaker_and_where_he_spoke() -> None:
    text = ("عمان - افتتح وزير السياحة سالم العبدلي المعرض الدولي أمس.\n"
            "وبين العبدلي في تصريح صحفي أن عدد الزوار ارتفع خلال الشهرين الأولين من العام بشكل كبير.\n")
    assert [(quote.text, quote.speaker) for quote in _quotes(text)] == [
        ("عدد الزوار ارتفع خلال الشهرين الأولين من العام بشكل كبير", "سالم العبدلي")]


def test_bayyana_after_a_separate_waw() -> None:
    text = ("اختتمت القمة أعمالها اليوم. و بين سالم العبدلي في ختام كلمته ان بلاده تتطلع لقرارات ترقى إلى"
            " مستوى التحديات.\n")
    assert [(quote.text, quote.speaker) for quote in _quotes(text)] == [
        ("بلاده تتطلع لقرارات ترقى إلى مستوى التحديات", "سالم العبدلي")]


def test_between_two_nouns_is_no_verb() -> None:
    """The guard: "وبين" opening a sentence before a noun phrase and a comma is "between", whatever أن follows."""
    text = "وبين البلدين الشقيقين، تاريخ طويل من التعاون أن يبقى نموذجا في المنطقة.\n"
    assert _quotes(text) == []
