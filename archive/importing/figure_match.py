"""A figure as extraction proposes it, and the words after it that say what it counts.

``StatisticMatch`` is the value every figure rule returns (``statistics``, ``figure_reading``,
``figures_without_digits``); ``words_after`` reads the few words that follow a figure's unit, the first
guess at its subject (``figure_subjects`` decides).
"""

from __future__ import annotations

from dataclasses import dataclass

from archive.importing.tokens import Token


@dataclass(frozen=True)
class StatisticMatch:
    text: str
    start: int
    end: int
    value: float | None
    unit: str | None
    approximation: str | None
    subject: str | None
    number_text: str
    confidence: float
    reason: str


def words_after(text: str, tokens: list[Token], position: int, most: int = 5) -> str | None:
    """Up to ``most`` words from ``tokens[position]`` on, within its line; None when there is none."""
    end = position
    while end < len(tokens) and end - position < most and tokens[end].is_word and not tokens[end].newline_before:
        end += 1
    return text[tokens[position].start:tokens[end - 1].end] if end > position else None
