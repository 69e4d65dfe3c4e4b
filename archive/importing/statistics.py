"""Figures in an article: counts, amounts and percentages, with what they count.

Owns ``find_statistics``: where the figures are. Numbers come from ``archive.text.numbers.find_numbers``
(digits of both kinds, decimals, number words); a date's numbers are left out, an ordinal's are read
only as a count after the article ("أداء الـ40 مؤسسة"), as longer digits after it are ("الـ 1500 صحفي"); a
part of the count just given ("14 إصابة منها واحدة محلية"، "منهم ثلاثة") counts what that count counts. Each
part of reading a figure has its own module:
- ``figure_reading``: one number read as a figure, with the words before and after it as the press
  writes them ("أكثر من 65 ألف مشارك"، "7 من كل 10 متابعين" as a share);
- ``figure_units``: how much it says (approximation, scale, percent, currency);
- ``figure_currencies``: which state's currency a noun several states share is ("دينار" in a report from Amman);
- ``not_figures``: what a number is when it is no figure (a date or a year, an edition or a label, a
  duration, a rank, a time, a phone number, a number inside a name, a list marker, page noise);
- ``count_context``: what a number may count, and the words that say it gives a count;
- ``figures_without_digits``: counts no number reader sees (duals, "حاجز المليار دولار"، "صفر")；
- ``figure_subjects``: what a figure counts; ``figure_match``: the value proposed.
"""

from __future__ import annotations

from dataclasses import replace

from archive.importing.count_context import after_partitive
from archive.importing.figure_currencies import settle_currencies
from archive.importing.figure_match import StatisticMatch
from archive.importing.figure_reading import GLUED_CONJUNCTIONS, count_with_article, read_statistic, share_of_every
from archive.importing.figure_subjects import figure_subject
from archive.importing.figures_without_digits import figures_without_digits
from archive.importing.spans import SpanSet
from archive.importing.tokens import Token
from archive.text.dates import find_dates
from archive.text.numbers import find_numbers
from archive.text.ordinals import find_ordinals

__all__ = ["StatisticMatch", "find_statistics"]

_GLUED_PREPOSITIONS = "لبك"


def find_statistics(text: str, tokens: list[Token]) -> list[StatisticMatch]:
    """Every figure in ``text`` that reads as a statistic, in text order."""
    by_start = {token.start: i for i, token in enumerate(tokens)}
    by_end = {token.end: i for i, token in enumerate(tokens)}
    date_spans = SpanSet((date.start, date.end) for date in find_dates(text))
    ordinal_spans = SpanSet((ordinal.start, ordinal.end) for ordinal in find_ordinals(text))
    found: list[StatisticMatch] = []
    for number in find_numbers(text):
        first, last = _token_range(number.start, number.end, by_start, by_end, tokens)
        if first is None or number.start in date_spans:
            continue
        if number.start in ordinal_spans:
            statistic = count_with_article(text, tokens, first, last, number.value, number.text)
        else:
            statistic = (share_of_every(text, tokens, first, last, number.value, number.text)
                         or (count_with_article(text, tokens, first, last, number.value, number.text)
                             if number.text.isdigit() else None)  # "الـ 1500 صحفي": longer than an edition's
                         or read_statistic(text, tokens, first, last, number.value, number.text))
        if statistic is not None and not (found and found[-1].end > statistic.start):
            if found and after_partitive(tokens, first) and (statistic.unit is None or statistic.value == 1):
                statistic = replace(statistic, unit=found[-1].unit)  # "14 إصابة منها واحدة محلية": 1 إصابة
            span_first = by_start.get(statistic.start, first)
            found.append(replace(statistic, subject=figure_subject(
                text, tokens, min(span_first, first), last, statistic.subject, statistic.unit)))
    extra = figures_without_digits(text, tokens, found, by_start)
    in_order = sorted(found + extra, key=lambda statistic: statistic.start) if extra else found
    return settle_currencies(tokens, in_order, by_end)  # "دينار" in a report from Amman is JOD


def _token_range(start: int, end: int, by_start: dict[int, int], by_end: dict[int, int],
                 tokens: list[Token]) -> tuple[int | None, int]:
    first = by_start.get(start)
    glued = by_start.get(start - 1)
    if first is None and glued is not None and tokens[glued].text[0] in _GLUED_PREPOSITIONS + GLUED_CONJUNCTIONS:
        first = glued  # "لخمسين وسيلة", "بمليون": a one-letter preposition glued to the number word
    last = by_end.get(end)
    if first is None or last is None:
        return None, 0
    return first, last
