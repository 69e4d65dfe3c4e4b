"""Figures round on every studied set with the eleventh (issue 10, helper F16): square and cubic metres.

The press writes square and cubic metres as "م2"، "م3" (or "م²"، "م³"): the digit glued to "م" is the unit's
power, not a number. It was read as one, so "بأكثر من 16 مليون م3 يوميا" became the figure 3 "يوميا" and
"على مساحة 5000 م2 وتضم" the figure 2 "وتضم", the area itself lost (halves: almowaten). After a decimal
number "م" is metres too ("على مساحة قدرها 3.829 م", fresh9: elmaouid): no year and no hour is written with a
decimal point, so "م" there is no "ميلادي" nor "مساءً" ("8.30 م", hours and two digits of minutes, stays an hour).
Every sentence is our own.
"""

from __future__ import annotations

import pytest

from archive.importing.extraction import extract


def _figures(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(figure.text, figure.value, figure.unit) for figure in extract(text).statistics]


@pytest.mark.parametrize(("text", "figure"), [
    ("ويقام المعرض على مساحة 5000 م2 وتضم أجنحته دور النشر.", ("5000 م2", 5000.0, "م2")),
    ("وتنتج المحطة أكثر من 12 مليون م3 يوميا من المياه المحلاة.", ("أكثر من 12 مليون م3", 12e6, "م3")),
    ("وأقيم الجناح على مساحة 750 م² في القاعة الرئيسية.", ("750 م²", 750.0, "م2")),
])
def test_square_and_cubic_metres_are_the_unit_of_the_number_before(text: str, figure: tuple) -> None:
    assert _figures(text) == [figure]


def test_metres_after_a_decimal_number() -> None:
    figures = _figures("وخصص للجناح الرسمي مساحة قدرها 2.450 م.")
    assert [value for _, value, _ in figures] in ([2.45], [2450.0])


@pytest.mark.parametrize("text", [
    "وانطلقت الدورة الأولى في عام 2025م بمشاركة واسعة.",
    "نشر في 14 سبتمبر 2025 05:42 م بتوقيت القدس",
    "وعقد المؤتمر يوم 20 / 09 / 2014 م بمدينة طبرق.",
    "ويبدأ الحفل في تمام 8.30 م بتوقيت مكة.",
    "وانطلق السباق عند 7.45 م أمس.",
])
def test_a_year_or_an_hour_before_m_stays_none(text: str) -> None:
    assert _figures(text) == []
