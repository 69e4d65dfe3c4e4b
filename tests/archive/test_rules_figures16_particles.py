"""Figures round on every studied set with the eleventh (issue 10, helper F16): a particle is never counted.

The counted noun after a number is an indefinite noun; the words that can never be one (prepositions,
conjunctions, negations) are listed in ``count_context.NOT_COUNTED``. "حتى" (until) and "لا"/"ولا" (and no) were
not, so "بلغ 22800 حتى الساعة ..." was shown as 22,800 "حتى" and "ارتفاع الإصابات إلى 244 ولا حالات ..." as
244 "ولا" (three outlets of two studied sets). The figure stays, counting nothing printed after it.
Every sentence is our own.
"""

from __future__ import annotations

import pytest

from archive.importing.extraction import extract


@pytest.mark.parametrize(("text", "figure"), [
    ("وقالت الوزارة إن عدد المصابين بلغ 3150 حتى مساء اليوم.", ("بلغ 3150", None)),
    ("وأعلن الوزير ارتفاع الإصابات إلى 312 ولا وفيات بين الطلاب.", ("إلى 312", None)),
    ("وقال إن عدد المتطوعين بلغ 140 لا أكثر.", ("بلغ 140", None)),
])
def test_a_particle_after_a_number_is_not_what_it_counts(text: str, figure: tuple[str, str | None]) -> None:
    figures = [(statistic.text, statistic.unit) for statistic in extract(text).statistics]
    assert [unit for _, unit in figures] == [figure[1]]
    assert figure[0].split()[-1] in figures[0][0]


def test_a_rise_or_a_fall_before_to_gives_a_count() -> None:
    """ "ارتفاع/انخفاض/وصول ... إلى N": the verbs' nouns give a count as the verbs do (seven outlets print it)."""
    statistics = extract("وأعلنت الوزارة ارتفاع الإصابات في المحافظة إلى 1250.").statistics
    figures = [statistic.text for statistic in statistics]
    assert any("1250" in figure for figure in figures)
