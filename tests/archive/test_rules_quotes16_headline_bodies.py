"""Two definite words or more alone before a headline's colon are a body's name, not a family name: "البيت
الأبيض: ..." quotes the body (which speaks below itself: "أكد البيت الأبيض أن ..."), and '"مجلس الشورى": ...'
quotes the person who speaks for it below; a body that speaks below only by a continuation still gives the
headline to its spokesman. Issue 10, round of 3 December 2026 (`line_quotes._headline_body`,
`line_quotes.headline_speakers`).

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_a_body_of_definite_words_before_the_colon_speaks() -> None:
    text = ("البيت الأبيض: التصعيد الأخير يمنع تحسن العلاقات مع الجيران\n"
            "أكد البيت الأبيض أن الإدارة ترغب في علاقة تعاون مع الجيران، لكن التصعيد الأخير يحول دون ذلك.\n"
            "وقال المتحدث باسم البيت الأبيض سالم العبدلي في مؤتمر صحفي: \"علاقتنا مع جيراننا مسؤولية مشتركة بيننا\".\n")
    assert [(quote.text, quote.speaker) for quote in _quotes(text)][:2] == [
        ("التصعيد الأخير يمنع تحسن العلاقات مع الجيران", "البيت الأبيض"),
        ("الإدارة ترغب في علاقة تعاون مع الجيران، لكن التصعيد الأخير يحول دون ذلك", "البيت الأبيض")]


def test_a_body_in_marks_speaks_through_its_spokesman_below() -> None:
    text = ("\"التعاون الخليجي\": التطورات الإقليمية تستوجب تعزيز العمل المشترك\n\n"
            "أكد الأمين العام لمجلس التعاون الخليجي سالم محمد العبدلي، أن انعقاد المجلس الوزاري يأتي في ظل"
            " تطورات إقليمية تستوجب تعزيز العمل المشترك.\n")
    assert [(quote.text, quote.speaker) for quote in _quotes(text)][:1] == [
        ("التطورات الإقليمية تستوجب تعزيز العمل المشترك", "سالم محمد العبدلي")]


def test_one_unknown_definite_word_before_the_colon_is_no_body() -> None:
    """The guard: a lone definite word no list knows ("المحصلة:") is a label, not a body."""
    text = ("المحصلة: التطورات الإقليمية تستوجب تعزيز العمل المشترك\n\n"
            "افتتح المجلس الوزاري دورته الجديدة أمس في العاصمة بحضور الوزراء.\n")
    assert _quotes(text) == []


def test_a_body_continued_below_still_speaks_through_its_spokesman() -> None:
    """The guard: a body that speaks below only by a continuation (the participle after the headline continues it)
    is no speaker of its own there; the headline goes to the person who speaks for it."""
    text = ("الحكومة الأردنية: صورة فنانة أهم عند الناس من تصريحات المسؤولين!\n"
            "صدى نيوز - استغرب الناطق باسم الحكومة سالم العبدلي، انشغال رواد مواقع التواصل بالأخبار الصغيرة، معلقا :"
            " \"لا أعرف ما الذي يجري في المستوى العام للإدراك\".\n"
            "وأضاف العبدلي في جلسة حوارية السبت: المنصات الرقمية هي التي تقود الرأي العام اليوم في كل مكان.\n")
    assert {quote.speaker for quote in _quotes(text)} == {"سالم العبدلي"}
