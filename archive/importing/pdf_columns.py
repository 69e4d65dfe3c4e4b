"""The reading order of a page set in columns: each column top to bottom, one after the other.

A PDF page in two (or three) columns draws a line of each column at about the same height, and
reading its lines across the page interleaves the columns' sentences. This module finds the
columns from where the glyphs are, and reorders the page's lines:

1. each line's glyphs are joined into runs (a gap narrower than ``GUTTER`` of the text height is a
   space between words, not between columns);
2. a gutter is an upright band at least that wide that the runs of at most ``CROSSING_SHARE`` of the
   page's lines enter (a headline, a footer set over the whole width), with text on both sides; where
   text is ragged beside it, the gutter is the part entered by the fewest lines;
3. the columns between the gutters must look like running text, not like a table: each at least
   ``MIN_COLUMN_SHARE`` of the text's width, with ``MIN_COLUMN_LINES`` lines, most of them one run
   filling most of the column. A programme's narrow column of times, or a few rows of a two-cell
   table inside a page of paragraphs, are read line by line as before;
4. the lines that cross a gutter (a headline over the columns) stay where they are; the lines between
   them are read column by column: the rightmost column first on a page mostly in right-to-left
   letters, the leftmost first otherwise.

It works on anything with ``text``, ``left``, ``right`` and ``height`` (``pdf_text``'s glyphs); lines
come top to bottom, each sorted left to right, and go out the same way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median
from typing import Protocol, TypeVar

GUTTER = 0.5  # of the median text height (ascent to descent): the narrowest gap between two columns
CROSSING_SHARE = 0.4  # at most this share of the page's lines may cross a gutter (headlines, footers)
MIN_COLUMN_SHARE = 0.25  # a column is at least this share of the text's width
MIN_COLUMN_LINES = 3
ONE_RUN_SHARE = 0.7  # this share of a column's lines at least is one run (a table row has several cells)
MIN_FILL = 0.5  # a column's median line spans at least this share of the column's width

_RTL_LETTER = re.compile(r"[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]")
_LTR_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")


class Placed(Protocol):
    """A glyph with its horizontal extent and its text's height."""

    text: str
    left: float
    right: float
    height: float


G = TypeVar("G", bound=Placed)


@dataclass(frozen=True)
class _Band:
    """An upright band of the page, from ``left`` to ``right``."""

    left: float
    right: float

    @property
    def width(self) -> float:
        return self.right - self.left


def in_reading_order(lines: list[list[G]]) -> list[list[G]]:
    """The page's lines in reading order: column by column between the lines that cross the columns.

    A page without columns comes back as it was given."""
    glyphs = [glyph for line in lines for glyph in line if glyph.text.strip()]
    if not glyphs:
        return lines
    gap = GUTTER * median(glyph.height for glyph in glyphs)
    runs = [_runs(line, gap) for line in lines]
    gutters = _gutters(runs, gap)
    if not gutters:
        return lines
    first_right = _mostly_right_to_left(glyphs)
    ordered: list[list[G]] = []
    section: list[list[list[G]]] = [[] for _ in range(len(gutters) + 1)]
    for line, line_runs in zip(lines, runs, strict=True):
        if _crosses(line_runs, gutters):
            ordered += _flushed(section, first_right)
            ordered.append(line)
            continue
        for column, part in enumerate(_split(line, gutters)):
            if part:
                section[column].append(part)
    return ordered + _flushed(section, first_right)


def _runs(line: Sequence[Placed], gap: float) -> list[_Band]:
    """The line's stretches of ink: glyphs closer than ``gap`` joined (spaces themselves left out)."""
    runs: list[_Band] = []
    for glyph in line:
        if not glyph.text.strip():
            continue
        if runs and glyph.left - runs[-1].right < gap:
            runs[-1] = _Band(runs[-1].left, max(runs[-1].right, glyph.right))
        else:
            runs.append(_Band(glyph.left, glyph.right))
    return runs


def _gutters(runs: list[list[_Band]], gap: float) -> list[_Band]:
    """The page's gutters, left to right, when the columns between them pass for running text."""
    bands = [band for line_runs in runs for band in line_runs]
    if not bands:
        return []
    text = _Band(min(band.left for band in bands), max(band.right for band in bands))
    candidates = _free_bands(bands, text, int(CROSSING_SHARE * len(runs)), gap)
    for gutters in (candidates, *([band] for band in sorted(candidates, key=lambda band: -band.width))):
        if gutters and _columns_hold_text(runs, gutters, text):
            return gutters
    return []


def _free_bands(bands: list[_Band], text: _Band, crossings: int, gap: float) -> list[_Band]:
    """Bands inside the text at least ``gap`` wide that at most ``crossings`` lines enter, each cut down to
    its part entered by the fewest lines."""
    free: list[_Band] = []
    stretch: list[tuple[_Band, int]] = []
    for piece, count in [*_coverage(bands), (_Band(text.right, text.right), crossings + 1)]:
        if count <= crossings:
            stretch.append((piece, count))
            continue
        if stretch:
            fewest = min(count for _, count in stretch)
            core = _widest_touching([piece for piece, count in stretch if count == fewest])
            if core.width >= gap and text.left < core.left and core.right < text.right:
                free.append(core)
        stretch = []
    return free


def _coverage(bands: list[_Band]) -> list[tuple[_Band, int]]:
    """The text's width cut where a band starts or ends, each piece with how many bands cover it."""
    events = sorted([(band.left, 1) for band in bands] + [(band.right, -1) for band in bands])
    pieces: list[tuple[_Band, int]] = []
    count = 0
    for (x, change), (next_x, _) in zip(events, [*events[1:], events[-1]], strict=True):
        count += change
        if next_x > x:
            pieces.append((_Band(x, next_x), count))
    return pieces


def _widest_touching(pieces: list[_Band]) -> _Band:
    """The widest band made of pieces (left to right) that touch one another."""
    best = current = pieces[0]
    for piece in pieces[1:]:
        current = _Band(current.left, piece.right) if piece.left == current.right else piece
        best = max(best, current, key=lambda band: band.width)
    return best


def _columns_hold_text(runs: list[list[_Band]], gutters: list[_Band], text: _Band) -> bool:
    """Whether every column between ``gutters`` reads as running text (see the module docstring)."""
    edges = [text.left, *(edge for gutter in gutters for edge in (gutter.left, gutter.right)), text.right]
    columns = [_Band(edges[index], edges[index + 1]) for index in range(0, len(edges), 2)]
    kept = [line_runs for line_runs in runs if not _crosses(line_runs, gutters)]
    for column in columns:
        if column.width < MIN_COLUMN_SHARE * text.width:
            return False
        parts = [[band for band in line_runs if column.left <= band.left and band.right <= column.right]
                 for line_runs in kept]
        parts = [part for part in parts if part]
        if len(parts) < MIN_COLUMN_LINES:
            return False
        if sum(len(part) == 1 for part in parts) < ONE_RUN_SHARE * len(parts):
            return False
        if median(part[-1].right - part[0].left for part in parts) < MIN_FILL * column.width:
            return False
    return True


def _crosses(line_runs: list[_Band], gutters: list[_Band]) -> bool:
    return any(band.left < gutter.right and band.right > gutter.left for band in line_runs for gutter in gutters)


def _split(line: list[G], gutters: list[_Band]) -> list[list[G]]:
    """The line's glyphs by column, left to right (a glyph goes where its centre is)."""
    parts: list[list[G]] = [[] for _ in range(len(gutters) + 1)]
    for glyph in line:
        centre = (glyph.left + glyph.right) / 2
        parts[sum(centre > gutter.left for gutter in gutters)].append(glyph)
    return parts


def _flushed(section: list[list[list[G]]], first_right: bool) -> list[list[G]]:
    """The lines gathered column by column, in reading order; ``section`` is emptied for the next one."""
    columns = reversed(section) if first_right else iter(section)
    lines = [line for column in columns for line in column if any(glyph.text.strip() for glyph in line)]
    for column in section:
        column.clear()
    return lines


def _mostly_right_to_left(glyphs: Sequence[Placed]) -> bool:
    text = "".join(glyph.text for glyph in glyphs)
    return len(_RTL_LETTER.findall(text)) > len(_LTR_LETTER.findall(text))
