"""The headline and the dateline of a page copied whole: a byline, a source line, a subheading below the first
paragraph and a date with a slash in a sentence are none of them (``event.find_headline``,
``places.find_dateline``). Our own sentences."""

from __future__ import annotations

import pytest

from archive.importing.extraction import extract

BODY = "افتتح وزير الإعلام سالم بن خالد الراشدي الملتقى صباح اليوم بحضور 300 مشارك من 12 دولة.\n"


@pytest.mark.parametrize("byline", ["كتب: محمد سالم الراشد", "كتبت : نورة بنت علي الحمد", "بقلم - هدى الخالدي",
                                    "تصوير: سعيد المعمري", "المصدر : وكالة الأنباء"])
def test_a_byline_is_never_the_headline(byline: str) -> None:
    assert extract(f"{byline}\n{BODY}").headline is None
    proposals = extract(f"{byline}\nالملتقى الإعلامي يفتح أبوابه\n{BODY}")
    assert proposals.headline is not None and proposals.headline.text == "الملتقى الإعلامي يفتح أبوابه"


def test_a_headline_that_opens_with_a_byline_word_and_no_colon_stays_the_headline() -> None:
    proposals = extract(f"كتب الوزير رسالة إلى المشاركين في الملتقى\n{BODY}")
    assert proposals.headline is not None and proposals.headline.text.startswith("كتب الوزير رسالة")


def test_a_short_line_below_the_first_paragraph_is_a_subheading_not_the_headline() -> None:
    text = BODY + "محاور الملتقى\nويناقش الملتقى ثلاثة محاور في جلساته.\n"
    assert extract(text).headline is None
    assert extract("الملتقى الإعلامي يفتح أبوابه\n" + text).headline.text == "الملتقى الإعلامي يفتح أبوابه"


def test_a_month_with_a_slash_in_a_sentence_is_no_dateline() -> None:
    text = (f"الملتقى الإعلامي يفتح أبوابه\n{BODY}"
            "يذكر أنه في الخامس من يونيو/حزيران الماضي، انطلقت الدورة الأولى من الملتقى.\n")
    assert extract(text).dateline is None


@pytest.mark.parametrize("credit,outlet", [("/العمانية/", "العمانية"), ("/أ ش أ/", "أ ش أ")])
def test_an_agency_between_slashes_makes_a_dateline_with_its_whole_name(credit: str, outlet: str) -> None:
    text = f"الملتقى الإعلامي يفتح أبوابه\n\nمسقط في 7 يوليو {credit} {BODY}"
    dateline = extract(text).dateline
    assert dateline is not None and dateline.city == "مسقط" and dateline.outlet == outlet
    assert text[dateline.start:dateline.end] == f"مسقط في 7 يوليو {credit}"
