"""Who speaks, across an article (issue 10), on sentences we wrote ourselves."""

from __future__ import annotations

from archive.importing.extraction import extract
from archive.text.names import name_tokens


def _quotes(text: str) -> list:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_family_name_alone_resolves_to_the_full_name_printed_earlier_without_a_quote() -> None:
    text = ("افتتح وزير السياحة كريم عادل الزعابي معرض السفر أمس في العاصمة.\n"
            "وأكد الزعابي، خلال جولته في الأجنحة، أن المعرض يستقبل هذا العام عارضين من قارات عدة.")
    [quote] = _quotes(text)
    assert quote.text == "المعرض يستقبل هذا العام عارضين من قارات عدة"
    assert {"كريم", "زعابي"} <= set(name_tokens(quote.speaker))


def test_speech_opening_after_a_circumstance_keeps_the_last_speaker() -> None:
    text = ("وقال الدكتور منصور بن راشد الحوسني إن التدريب مستمر طوال العام.\n"
            "وقال خلال كلمته في حفل الختام إن الدفعة المقبلة ستضم مئتي متدرب.")
    quotes = _quotes(text)
    assert [quote.text for quote in quotes] == ["التدريب مستمر طوال العام", "الدفعة المقبلة ستضم مئتي متدرب"]
    assert quotes[1].speaker == quotes[0].speaker
    assert quotes[1].attribution == "continuation" and quotes[1].confidence < quotes[0].confidence


def test_a_study_is_not_a_speaker() -> None:
    text = "وكشفت الدراسة أن نصف المشاركين يتابعون الأخبار عبر الهاتف."
    assert all(quote.speaker != "الدراسة" for quote in _quotes(text))
