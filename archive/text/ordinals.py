"""Arabic ordinals ("الأول", "التاسع والعشرين", "الـ29"): parsing, display words, spans in text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OrdinalMatch:
    start: int
    end: int
    value: int
    text: str


def parse_ordinal(text: str) -> int | None:
    return None


def ordinal_words(number: int, feminine: bool = False) -> str:
    return str(number)


def find_ordinals(text: str) -> list[OrdinalMatch]:
    return []
