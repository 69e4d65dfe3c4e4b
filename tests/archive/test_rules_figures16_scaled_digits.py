"""Figures round on every studied set with the eleventh (issue 10, helper F16): digits with a scale word.

Digits followed by a scale word ("618.3 ألفا"، "26 ألف"، "3 آلاف") are an amount whatever follows, as a million
or more written with its scale word already was ("بمليون ونصف"): the press drops the counted noun when it
compares with a count just given ("بلغ 878 ألف زائر، مقارنة مع 618 ألفا"). In the studied sets every one of
the 161 places where digits stand before a scale word is annotated as a figure (75 outlets); before this rule
a thousand with nothing counted and no word of a count before it was dropped. A number word with a thousand
("عن ثلاثة آلاف،") still needs its counted noun or a word of a count before it, and a duration after the
scale ("منذ 5 آلاف عام") stays none.
Every sentence is our own.
"""

from __future__ import annotations

import pytest

from archive.importing.extraction import extract


def _figures(text: str) -> list[tuple[str, float | None]]:
    return [(figure.text, figure.value) for figure in extract(text).statistics]


@pytest.mark.parametrize(("text", "figure"), [
    ("واستقبلت المدينة 912 ألف زائر هذا الموسم، مقارنة مع 705.4 ألفا خلال الموسم السابق.", ("705.4 ألفا", 705400.0)),
    ("وارتفع عدد المتدربين إلى 40 ألف متدرب، بعد 12 ألف في العام الأول.", ("12 ألف", 12000.0)),
    ("وقال إن الحملة وزعت هذا الشهر نحو 3 آلاف، على الأسر المحتاجة.", ("نحو 3 آلاف", 3000.0)),
])
def test_digits_with_a_scale_word_are_an_amount(text: str, figure: tuple[str, float]) -> None:
    assert figure in _figures(text)


@pytest.mark.parametrize("text", [
    "وتحدث الكاتب عن ثلاثة آلاف، ثم انتقل إلى غيرها من المراحل.",
    "وتعود آثار المدينة إلى 5 آلاف عام من التاريخ.",
])
def test_a_thousand_word_alone_or_a_duration_stays_none(text: str) -> None:
    assert _figures(text) == []
