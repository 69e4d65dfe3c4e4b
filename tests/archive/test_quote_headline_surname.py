"""A headline that names its speaker by the family name alone (issue 10, round 4): "فلان: أتوقع ...".

The family name before the headline's colon is a speaker when the article then makes it the subject of a
verb of speech ("وذكر العلوي أن ..."); a place or a label before a colon is not. Our own sentences.
"""

from __future__ import annotations

from archive.importing.extraction import extract


def _quotes(text: str) -> list:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_a_headline_by_family_name_is_a_quote_when_the_body_makes_him_speak() -> None:
    text = ("العلوي: أتوقع انضمام دول جديدة إلى المبادرة\n"
            "الرباط - الأخبار\n"
            "توقع وزير الشباب محمد المهدي العلوي، أن تنضم دول جديدة إلى المبادرة خلال العام.\n"
            "وذكر العلوي، خلال حلوله ضيفا على برنامج إذاعي، أن الحوار مستمر مع الشركاء.\n")
    quotes = _quotes(text)
    assert quotes[0].text == "أتوقع انضمام دول جديدة إلى المبادرة"


def test_a_place_before_a_headline_colon_is_no_speaker() -> None:
    text = ("طنجة: انطلاق معرض الكتاب بمشاركة واسعة\n"
            "الرباط - الأخبار\n"
            "انطلق في طنجة معرض الكتاب. وقال وزير الثقافة سالم العلوي إن المعرض يستقبل الزوار يوميا.\n")
    assert [quote.text for quote in _quotes(text)] == ["المعرض يستقبل الزوار يوميا"]
