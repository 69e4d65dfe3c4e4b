"""Headlines that quote a person without quotation marks ("وزير الإعلام: ..."), issue 10 class 3, on our own
sentences: the words after the colon are the person's, given to the person the article names with that title
or with that name in full."""

from __future__ import annotations

from archive.importing.extraction import extract


def _quotes(text: str) -> list:
    proposals = extract(text)
    return sorted((*proposals.quotes, *proposals.further_quotes), key=lambda quote: quote.start)


def test_a_title_headline_is_the_quote_of_the_person_the_article_names_with_that_title() -> None:
    text = ("وزير السياحة العماني: المعرض يستقبل عارضين من ثلاث قارات\n"
            "قال وزير السياحة كريم عادل الزعابي إن المعرض يستقبل هذا العام عارضين من ثلاث قارات.")
    quotes = _quotes(text)
    assert [quote.text for quote in quotes] == ["المعرض يستقبل عارضين من ثلاث قارات",
                                                "المعرض يستقبل هذا العام عارضين من ثلاث قارات"]
    assert quotes[0].speaker == "كريم عادل الزعابي"
    assert quotes[0].kind == "direct" and quotes[0].confidence < quotes[1].confidence


def test_a_headline_with_part_of_a_name_is_the_person_named_in_full_below() -> None:
    text = ("سالم الحداد: زوار المعرض تجاوزوا مليون زائر في أسبوعه الأول\n"
            "أعلن رئيس هيئة الكتاب سالم أحمد الحداد أن عدد زوار المعرض تجاوز مليون زائر.")
    quotes = _quotes(text)
    assert quotes[0].text == "زوار المعرض تجاوزوا مليون زائر في أسبوعه الأول"
    assert quotes[0].speaker == "سالم أحمد الحداد"


def test_a_media_tag_at_the_end_of_a_headline_is_not_quoted() -> None:
    text = ("المتحدث باسم الحكومة: لا تغيير في موعد الانتخابات (فيديو)\n"
            "قال المتحدث باسم الحكومة نبيل سعيد الخوري إن موعد الانتخابات ثابت.")
    assert _quotes(text)[0].text == "لا تغيير في موعد الانتخابات"


def test_a_byline_a_sentence_and_a_line_inside_the_article_are_no_headline_quotes() -> None:
    assert _quotes("كتب - محمد عاطف: افتتح المعرض أمس\nوحضر الافتتاح عدد من الوزراء والسفراء.") == []
    assert _quotes("وزير السياحة: افتتح المعرض أمس بحضور عدد من السفراء.\nوحضر الافتتاح عدد من الوزراء.") == []
    assert _quotes("افتتح المعرض أمس في العاصمة بحضور السفراء\n"
                   "وزير السياحة: المعرض يستقبل عارضين من ثلاث قارات\nوحضر الافتتاح عدد من الوزراء.") == []


def test_a_headlines_title_is_no_person_of_its_own_once_the_article_names_him() -> None:
    text = ("وزير السياحة العماني: المعرض يستقبل عارضين من ثلاث قارات\n"
            "قال وزير السياحة كريم عادل الزعابي إن المعرض يستقبل هذا العام عارضين من ثلاث قارات.")
    assert [(person.name, person.title) for person in extract(text).people] == [("كريم عادل الزعابي", "وزير السياحة")]
