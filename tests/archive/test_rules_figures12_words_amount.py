"""Figures round of the tenth set (issue 10, helper F12): a number word where the words before give a count.

Digits with nothing counted after them are a figure when the words before say they give a count ("وبلغ عدد
المتدربين 90"، "ارتفع عدد الحالات ... إلى 1250": six outlets of the studied sets). A number word there is
read the same way ("من 100 جنيه إلى ألف"، "وصل عدد المكرمين إلى ثلاثين"); one or two, a duration and a
number word with nothing before it that gives a count stay none. Every sentence is our own.
"""

from __future__ import annotations

import pytest

from archive.importing.extraction import extract


def _figures(text: str) -> list[tuple[str, float | None]]:
    return [(figure.text, figure.value) for figure in extract(text).statistics]


@pytest.mark.parametrize(("text", "figure"), [
    ("وقال إن عدد المتطوعين في الحملة ارتفع إلى ألف، بحسب اللجنة.", ("ألف", 1000.0)),
    ("وأوضح أن عدد المكرمين هذا العام وصل إلى ثلاثين.", ("ثلاثين", 30.0)),
    ("وبلغ عدد الورش المتخصصة خمسة عشر، بحسب المنظمين.", ("خمسة عشر", 15.0)),
])
def test_a_number_word_after_words_that_give_a_count_is_a_figure(text: str, figure: tuple[str, float]) -> None:
    assert _figures(text) == [figure]


@pytest.mark.parametrize("text", [
    "وقال إن عدد الحالات ارتفع إلى واحدة فقط.",
    "وارتفع عدد الزوار خلال ثلاثة أيام، بحسب المنظمين.",
    "وأكد الوزير أن الخطة تقوم على ثلاثة، وشرحها بالتفصيل.",
    "وقال إن الوزارة عملت في آن واحد على الملفين.",
])
def test_one_a_duration_or_no_count_before_stays_none(text: str) -> None:
    assert _figures(text) == []


def test_a_conjunction_after_a_figure_is_no_subject() -> None:
    figures = extract("وقال إن سعر المتر ارتفع من 100 جنيه إلى ألف أو أكثر.").statistics
    assert [(figure.text, figure.subject) for figure in figures if figure.text == "ألف"] == [("ألف", None)]
