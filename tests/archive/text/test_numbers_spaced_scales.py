"""Spaced thousands are no scale: a row of axis ticks or a list of rising steps stays apart (issue 10).

«0 200 400 600 800» is five numbers, never 200,400,600,800; a group led by 0 never starts a thousands
number; «1 000 000» and «12 345 678» are still one number each. Our own sentences.
"""

from __future__ import annotations

import pytest

from archive.text.numbers import find_numbers


def _values(text: str) -> list[float]:
    return [number.value for number in find_numbers(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("ويبين المحور الأفقي القيم 0 200 400 600 800 بالآلاف.", [0.0, 200.0, 400.0, 600.0, 800.0]),
    ("وتدرجت الشرائح 200 400 600 800 دينار.", [200.0, 400.0, 600.0, 800.0]),
    ("بلغت الرسوم 100 150 200 ريال على التوالي.", [100.0, 150.0, 200.0]),
    ("ورقم الحجز 05 123 لدى المكتب.", [5.0, 123.0]),
])
def test_rising_steps_and_a_lead_zero_are_separate_numbers(text: str, expected: list[float]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize(("written", "value"), [
    ("1 000 000", 1_000_000.0),
    ("12 345 678", 12_345_678.0),
    ("250 000", 250_000.0),
    ("1 200", 1200.0),
    ("100 200", 100_200.0),
    ("3\u202f500\u202f000", 3_500_000.0),
])
def test_thousands_groups_still_make_one_number(written: str, value: float) -> None:
    numbers = find_numbers(f"وسجلت المنصة {written} زيارة خلال العام.")
    assert [(number.text, number.value) for number in numbers] == [(written, value)]
