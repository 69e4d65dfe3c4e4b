"""Figures round on every studied set with the eleventh (issue 10, helper F16): no subject opens with a time.

What a figure counts is read after it when nothing before names it; the words that open the sentence's time or
another clause ("منذ"، "خلال"، "حتى"، "الذي") end it there (``figure_subjects``), but not when they came first:
"مقارنة مع 618.3 ألفا خلال الفترة نفسها" counted "خلال الفترة نفسها من العام", "بلغ 22800 حتى الساعة" counted
"حتى الساعة" (six figures in four outlets of two studied sets). A figure whose next words open a time or a clause
has no subject read after it. Every sentence is our own.
"""

from __future__ import annotations

import pytest

from archive.importing.extraction import extract


@pytest.mark.parametrize("text", [
    "واستقبلت المدينة 912 ألف زائر، مقارنة مع 705.4 ألفا خلال الفترة نفسها من العام الماضي.",
    "وأعلنت الوزارة تسجيل 3 آلاف حتى مساء اليوم في المنصة.",
    "وقال إن الموقع استقبل 2.4 مليون منذ بداية العام الحالي.",
])
def test_a_time_after_the_figure_is_not_what_it_counts(text: str) -> None:
    subjects = [figure.subject for figure in extract(text).statistics]
    assert all(subject is None or not subject.startswith(("خلال", "حتى", "منذ")) for subject in subjects), subjects


def test_a_subject_after_the_unit_still_stops_at_a_time() -> None:
    figures = extract("وشارك في الملتقى 300 شاب من المحافظات منذ الصباح.").statistics
    assert [figure.subject for figure in figures] == ["شاب من المحافظات"]
