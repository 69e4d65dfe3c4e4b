"""Numbers and figures as written in Arabic press text: digits, number words, scales, units."""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.text.normalize import fold_digits


@dataclass(frozen=True)
class Figure:
    value: float
    unit: str | None
    approximation: str | None
    number_text: str


@dataclass(frozen=True)
class NumberMatch:
    start: int
    end: int
    value: float
    text: str


_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def parse_number(text: str) -> float | None:
    match = _NUMBER.search(fold_digits(text))
    return float(match.group().replace(",", "")) if match else None


def parse_figure(text: str) -> Figure | None:
    value = parse_number(text)
    return None if value is None else Figure(value, None, None, text)


def find_numbers(text: str) -> list[NumberMatch]:
    folded = fold_digits(text)
    return [NumberMatch(m.start(), m.end(), float(m.group().replace(",", "")), text[m.start():m.end()])
            for m in _NUMBER.finditer(folded)]
