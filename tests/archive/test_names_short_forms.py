"""A short form resolves to the full name the article prints, never across two people (issue 10, speakers).
Guards for the comparison the name layer feeds (a family name that is also a common word, two people with one
family name, a short form in another spelling). Our own sentences.
"""

from __future__ import annotations

from archive.importing.extraction import extract


def _quotes(text: str) -> list:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_a_family_name_that_is_a_common_word_resolves_only_where_a_speaker_stands() -> None:
    text = ("قال وزير التجارة أمين عطية إن الأسواق مستقرة منذ بداية الشهر الجاري.\n"
            "وأكد المدير العام للجمارك سالم النعيمي أن الحدود مفتوحة، وأن عطية الحكومة للتجار لم تصل بعد.\n"
            "وأضاف عطية أن الرقابة مستمرة على الأسواق كلها.")
    quotes = _quotes(text)
    assert [quote.speaker for quote in quotes] == ["أمين عطية", "سالم النعيمي", "أمين عطية"]
    assert sorted(person.name for person in extract(text).people) == ["أمين عطية", "سالم النعيمي"]


def test_two_people_with_one_family_name_stay_two() -> None:
    text = ("قال وزير التجارة أمين فرحات إن الأسواق مستقرة منذ بداية الشهر الجاري.\n"
            "وأكد رئيس الحكومة نواف فرحات أن الحكومة ستدعم الوزارة في خطتها.\n")
    assert [quote.speaker for quote in _quotes(text)] == ["أمين فرحات", "نواف فرحات"]
    assert len(extract(text).people) == 2


def test_a_short_form_in_another_spelling_is_the_same_person() -> None:
    # the full name typed on a Persian keyboard, the short form in Arabic letters, with a tatweel
    text = ("قال وزیر النفط خالد الکناني الیوم إن الإنتاج سيرتفع في الربع المقبل من العام.\n"
            "وأضاف الكنـاني أن الاتفاق مع الشركاء ما زال ساريا حتى نهاية العام.")
    quotes = _quotes(text)
    assert [quote.speaker for quote in quotes] == ["خالد الکناني", "خالد الکناني"]


def test_a_family_name_read_back_stops_at_the_and_joining_two_people() -> None:
    text = ("استقبل وزير الثقافة نادر حداد في مكتبه، في حضور النائبين ماهر أبو ناصيف وكريم الشماع، وفدا من الكتّاب.\n"
            "من جهته، أشار الشمّاع إلى أن اللقاء كان فرصة لبحث قانون النشر الجديد.")
    [quote] = _quotes(text)
    assert quote.speaker == "كريم الشماع"
