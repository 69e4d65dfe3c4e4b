"""Thousands grouped with a space (French-style press, Maghreb) are one number (issue 10, item 1).

"250 000", "1 200", "3\u202f000" (narrow no-break space) and "3\u00a0000" (no-break space) are
one figure each; dates and lists of numbers written side by side stay apart. Our own sentences.
"""

from __future__ import annotations

import pytest

from archive.importing.extraction import extract
from archive.text.numbers import find_numbers


def _figures(text: str) -> list[tuple[str, float | None]]:
    return [(figure.text, figure.value) for figure in extract(text).statistics]


def test_the_officers_sentence_gives_two_figures() -> None:
    text = ("الرباط - ماب\nوقال الوزير إن المعرض استقبل أكثر من 250 000 زائر هذا العام، "
            "فيما بلغ عدد العارضين 1 200 عارض.")
    assert _figures(text) == [("أكثر من 250 000 زائر", 250000.0), ("1 200 عارض", 1200.0)]


@pytest.mark.parametrize(("written", "value"), [
    ("3\u202f000", 3000.0),
    ("3\u00a0000", 3000.0),
    ("12 500 000", 12500000.0),
    ("١٥ ٠٠٠", 15000.0),
])
def test_spaced_groups_read_as_one_number(written: str, value: float) -> None:
    numbers = find_numbers(f"وسجلت المنصة {written} مستخدم خلال الشهر.")
    assert [(number.text, number.value) for number in numbers] == [(written, value)]


@pytest.mark.parametrize(("text", "expected"), [
    ("وتقام الورش يومي 10 و11 من الشهر.", [10.0, 11.0]),
    ("ففي 2024 200 متدرب أنهوا البرنامج.", [2024.0, 200.0]),
    ("وصدر القرار رقم 45 1234 بعد الاجتماع.", [45.0, 1234.0]),
    ("وحصل على 12 0000 نقطة.", [12.0, 0.0]),
    ("والنسبة 5 200.5 في المئة.", [5.0, 200.5]),
])
def test_numbers_side_by_side_stay_apart(text: str, expected: list[float]) -> None:
    assert [number.value for number in find_numbers(text)] == expected
