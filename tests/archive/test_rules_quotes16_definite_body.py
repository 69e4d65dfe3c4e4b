"""A body named by two definite words or more speaks: "أكد البيت الأبيض أن ..."، "أعلن الديوان الأميري
القطري أن ..."، "وأعلنت الأمم المتحدة مؤخرا أنها ..." are the body's words, as "أكدت وزارة الخارجية أن ..."
are, though no list of bodies knows them; a lone definite word ("وكشفت الدراسة أن ...") is still no speaker
unless met before. Issue 10, round of 3 December 2026 (`quote_attribution._definite_body`).

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_a_body_of_two_definite_words_speaks() -> None:
    text = "واشنطن - أكد البيت الأبيض أن الإدارة ترغب في إقامة علاقة تعاون مع الجيران في المرحلة المقبلة.\n"
    assert [(quote.text, quote.kind, quote.speaker) for quote in _quotes(text)] == [
        ("الإدارة ترغب في إقامة علاقة تعاون مع الجيران في المرحلة المقبلة", "indirect", "البيت الأبيض")]


def test_a_body_speaks_after_when_it_spoke() -> None:
    text = "وأعلنت الأمم المتحدة مؤخرا أنها ستطلق نداء لجمع التبرعات للأسر النازحة في الداخل.\n"
    assert [quote.speaker for quote in _quotes(text)] == ["الأمم المتحدة"]


def test_the_body_named_again_shorter_is_the_one_met_before() -> None:
    text = ("أعلن الديوان الملكي الأردني أن الملك سيلقي خطابا إلى الأمة مساء الخميس المقبل.\n"
            "وأضاف الديوان الملكي أن الخطاب سيتناول الأوضاع الاقتصادية في البلاد.\n")
    assert [quote.speaker for quote in _quotes(text)] == ["الديوان الملكي الأردني", "الديوان الملكي الأردني"]


def test_a_lone_definite_word_never_met_is_no_speaker() -> None:
    """The guard: one definite word after the verb may be a study, a report, anything: no quote is proposed."""
    text = "وكشفت الدراسة أن نسبة القراء الشباب ارتفعت خلال السنوات الخمس الأخيرة بشكل لافت.\n"
    assert _quotes(text) == []


def test_definite_words_running_into_more_of_the_sentence_are_no_body() -> None:
    """The guard: definite words followed by more of a noun phrase, not by أن or where it was said, are no body's
    name: "الدراسة الحديثة للجامعة" is a study."""
    text = "وكشفت الدراسة الحديثة للجامعة أن نسبة القراء الشباب ارتفعت خلال السنوات الخمس الأخيرة.\n"
    assert _quotes(text) == []
