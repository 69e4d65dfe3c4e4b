"""Partial dates ("2024", "2024-05", "2024-05-12"): parsing press dates, validating, formatting, spans."""

from __future__ import annotations

import re
from dataclasses import dataclass

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    value: str
    text: str


def validate_partial_date(value: str) -> bool:
    return bool(_PARTIAL.match(value or ""))


def parse_partial_date(text: str) -> str | None:
    text = text.strip()
    return text if validate_partial_date(text) else None


def format_partial_date(value: str, language: str = "ar") -> str:
    return value


def partial_date_year(value: str) -> int | None:
    match = _PARTIAL.match(value or "")
    return int(match.group(1)) if match else None


def find_dates(text: str) -> list[DateMatch]:
    return []
