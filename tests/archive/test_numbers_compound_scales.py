"""A number in digits with a scale, then "و" and a smaller group in digits, is one number (issue 10).

"3 ملايين و500 ألف دولار" is 3,500,000 dollars, as "ثلاثة ملايين وخمسمائة ألف" is; the press writes
both. Sentences are our own.
"""

from __future__ import annotations

import pytest

from archive.importing.extraction import extract
from archive.text.numbers import find_numbers


@pytest.mark.parametrize(("text", "number", "value"), [
    ("بلغت الكلفة 3 ملايين و500 ألف دولار", "3 ملايين و500 ألف", 3_500_000),
    ("بلغت الكلفة 3 ملايين و 500 ألف دولار", "3 ملايين و 500 ألف", 3_500_000),
    ("وسجل مليونان و300 ألف زائر", "مليونان و300 ألف", 2_300_000),
    ("ورصدت الحكومة 2 مليار و750 مليون جنيه", "2 مليار و750 مليون", 2_750_000_000),
    ("وبلغ العدد ألف و200 متطوع", "ألف و200", 1200),
])
def test_a_smaller_group_after_a_scale_joins_it(text: str, number: str, value: float) -> None:
    assert [(match.text, match.value) for match in find_numbers(text)] == [(number, value)]


@pytest.mark.parametrize(("text", "numbers"), [
    ("وسجل 3 ملايين و5 ملايين في العام التالي", [3e6, 5e6]),  # the second is not smaller
    ("يومي 10 و11 سبتمبر", [10, 11]),  # no scale before "و"
    ("بلغت 3 ملايين،\nو500 ألف في العام التالي", [3e6, 5e5]),  # not on one line
])
def test_numbers_that_do_not_join(text: str, numbers: list[float]) -> None:
    assert [match.value for match in find_numbers(text)] == numbers


def test_the_joined_number_is_one_figure_with_its_currency() -> None:
    figures = extract("وبلغت الاستثمارات 3 ملايين و500 ألف دولار.").statistics
    assert [(figure.text, figure.value, figure.unit) for figure in figures] == [
        ("3 ملايين و500 ألف دولار", 3_500_000, "USD")]
