"""Figures round on every studied set with the eleventh (issue 10, helper F16): a duration in the accusative.

After eleven to ninety-nine Arabic puts the counted noun in the accusative singular ("18 شهرا"، "خلال الأحد
عشر شهرا"، "40 يوما"، "25 عاما"). A duration is no figure (bench/corpus/README.md), and the studied sets print
a number before an accusative duration 25 times in 20 outlets, none annotated as a figure but one average
age. The duration words held the accusatives "يوما" and "عاما" but not those of the other singulars, so "شهرا"
and "أسبوعا" were counted nouns ("عشر شهرا" was proposed three times in one release). The accusative of a
duration's singular is now a duration too; "عقدا" stays a counted noun ("15 عقدا" are contracts).
Every sentence is our own.
"""

from __future__ import annotations

import pytest

from archive.importing.extraction import extract


def _figures(text: str) -> list[str]:
    return [figure.text for figure in extract(text).statistics]


@pytest.mark.parametrize("text", [
    "وارتفعت الصادرات بنسبة 12 % خلال الأحد عشر شهرا الماضية.",
    "واستمر بناء الجسر 18 شهرا قبل افتتاحه.",
    "وتستمر الحملة 15 أسبوعا في المحافظات كلها.",
])
def test_a_number_before_an_accusative_duration_is_no_figure(text: str) -> None:
    assert _figures(text) == (["12 %"] if "%" in text else [])


def test_contracts_in_the_accusative_still_count() -> None:
    assert _figures("ووقعت الشركات المشاركة 15 عقدا مع الوزارة.") == ["15 عقدا"]
