"""A complementiser is never followed by the particle كي: «بان كي مون» after a post is the name's first word,
not «بأن» written without its hamza, and the quote opens at the أن/إن that follows ("وقال الأمين العام ... بان
كي مون، في كلمة ... إن ..."). Issue 10, round of 3 December 2026 (`quote_openings.opening_at`).

Every sentence here is written for these tests.
"""

from __future__ import annotations

from archive.importing.extraction import QuoteProposal, extract


def _quotes(text: str) -> list[QuoteProposal]:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_the_quote_opens_after_the_name_not_at_its_first_word() -> None:
    text = ("وقال الأمين العام للأمم المتحدة بان كي مون، في كلمة أمام المؤتمر الدولي، إن التعهدات المقدمة هذا العام "
            "فاقت كل التوقعات.\n")
    assert [quote.text for quote in _quotes(text)] == ["التعهدات المقدمة هذا العام فاقت كل التوقعات"]


def test_the_quote_opens_at_the_complementiser_right_after_the_name() -> None:
    text = "وقال الأمين العام للأمم المتحدة بان كي مون أن التعهدات المقدمة هذا العام فاقت كل التوقعات.\n"
    assert [quote.text for quote in _quotes(text)] == ["التعهدات المقدمة هذا العام فاقت كل التوقعات"]


def test_bian_without_hamza_before_a_clause_is_still_the_complementiser() -> None:
    """The guard: «بان» written without its hamza before the clause's subject opens the quote."""
    text = "وصرح وزير المالية سالم العبدلي بان الحكومة ستخفض الإنفاق العام في الموازنة المقبلة.\n"
    assert [quote.text for quote in _quotes(text)] == ["الحكومة ستخفض الإنفاق العام في الموازنة المقبلة"]


def test_the_name_after_the_post_is_the_speaker_with_the_post_as_title() -> None:
    text = ("وقال الأمين العام للأمم المتحدة (بان كي مون)، في الكلمة الختامية للمؤتمر، التي نقلتها وكالة الأنباء، "
            "إن “القيمة الإجمالية للتعهدات فاقت كل التوقعات”.\n"
            "وأكد الأمين العام أن تنظيم المؤتمر للمرة الثالثة كان صعبا على الجميع.\n")
    assert [(quote.speaker, quote.speaker_title) for quote in _quotes(text)] == [
        ("بان كي مون", "الأمين العام للأمم المتحدة"), ("بان كي مون", "الأمين العام للأمم المتحدة")]
