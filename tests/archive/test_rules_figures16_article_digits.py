"""Figures round on every studied set with the eleventh (issue 10, helper F16): digits after the article.

Issue 10 names counts after "الـ" ("الـ 100 شخصية") among the figures missed; they were read only for one to
three digits, the length of an edition's number, so "تجاوز الـ 1500 صحفي" gave nothing: the article before four
digits made them a label. Digits after the article with a counted noun are a count whatever their length; a year
after the article ("رؤية الـ2030 الطموحة") has no counted noun and stays none. No studied text prints four digits
after the article with a noun (aljamaaouia's "ال1000 مليار دولار" is read by its currency): the rule is the
issue's class read whole, checked on our own sentences.
"""

from __future__ import annotations

import pytest

from archive.importing.extraction import extract


@pytest.mark.parametrize(("text", "figure"), [
    ("وقال إن عدد الصحفيين المعتمدين تجاوز الـ 1500 صحفي.", ("الـ 1500 صحفي", 1500.0)),
    ("وشارك في تنظيم الدورة أكثر من الـ3500 متطوع.", ("الـ3500 متطوع", 3500.0)),
])
def test_four_digits_after_the_article_with_a_counted_noun_are_a_count(text: str, figure: tuple) -> None:
    assert figure in [(statistic.text, statistic.value) for statistic in extract(text).statistics]


@pytest.mark.parametrize("text", [
    "وأكد التزام المملكة بتحقيق رؤية الـ2030 الطموحة.",
    "وتحدث عن إنجازات الـ2023 في القطاع.",
])
def test_a_year_after_the_article_stays_none(text: str) -> None:
    assert extract(text).statistics == ()
