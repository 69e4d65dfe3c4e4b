"""Figures round of the tenth set (issue 10, helper F12): how often, or for how many terms, is no count.

"لثلاث مرات متتالية"، "لأربع دورات": a number glued to ل before a noun of times or terms says for how many
times or terms something lasted, a frequency or a tenure (durations are no figures), not a count of things;
"5 دورات تدريبية" still counts. Every sentence is our own.
"""

from __future__ import annotations

import pytest

from archive.importing.extraction import extract


def _figures(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(figure.text, figure.value, figure.unit) for figure in extract(text).statistics]


@pytest.mark.parametrize("text", [
    "وأكد أن تنظيم مثل هذا المؤتمر لثلاث مرات متتالية صعب جدا.",
    "وقال النائب، وهو عضو في البرلمان لأربع دورات، إن الحوار ضروري.",
    "وفاز الفريق بالبطولة لثماني مرات.",
    "وزار الوزير المعرض لـ 3 مرات.",
])
def test_how_often_or_for_how_many_terms_is_no_count(text: str) -> None:
    assert _figures(text) == []


@pytest.mark.parametrize(("text", "figure"), [
    ("ونظمت الوزارة 5 دورات تدريبية للصحفيين.", ("5 دورات", 5.0, "دورات")),
    ("وخضع الفريق لـ 20 دورة تدريبية خلال العام.", ("20 دورة", 20.0, "دورة")),
])
def test_training_courses_are_still_counted(text: str, figure: tuple[str, float, str]) -> None:
    assert _figures(text) == [figure]
