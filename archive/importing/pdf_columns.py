"""The reading order of a page set in columns: each column top to bottom, one after the other.

A PDF page in two (or three) columns draws a line of each column at about the same height, and
reading its lines across the page interleaves the columns' sentences. This module finds the
columns from where the glyphs are, and reorders the page's lines:

1. each line's glyphs are joined into words (ink closer than ``WORD_GAP`` of the text height, the gap
   ``pdf_text`` reads as a space);
2. a gutter is an upright band that the words of at most ``CROSSING_SHARE`` of the page's lines enter
   (a headline, a footer set over the whole width), with text on both sides, cut down to the part
   entered by the fewest lines (text may be ragged beside it), at least ``GUTTER_WORDS`` times as wide
   as the page's usual gap between words and ``GUTTER`` of the text height: producers leave gutters as
   narrow as 0.6 em (LibreOffice), narrower than some gaps of a justified line, so it is their lining
   up over the page that tells them;
3. the columns between the gutters must look like running text, not like a table: each at least
   ``MIN_COLUMN_SHARE`` of the text's width, with ``MIN_COLUMN_LINES`` lines (``MIN_LINES_IN_COLUMNS``
   in all), most of them with no gap as wide as the gutter (a table's cells have one), and many of them
   full: running text breaks its lines where the column is full, a table's cell where its text ends
   (in our own columns 62-85% of the lines span 0.9 of the column, in a programme's table 12-25%). A
   programme's table, a brief's tables and charts, or a few rows of a two-cell table inside a page of
   paragraphs are read line by line as before;
4. the lines that cross a gutter (a headline over the columns, also one in a larger type whose gap
   between two words falls in the gutter, or whose short last line sits over one column), and a
   header or footer in another size than the body (a page number in a corner), stay where they are;
   the lines between them are read column by column: the rightmost column first on a page mostly in
   right-to-left letters, the leftmost first otherwise.

It works on anything with ``text``, ``left``, ``right``, ``height`` and ``size`` (``pdf_text``'s
glyphs); lines come top to bottom, each sorted left to right, and go out the same way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from statistics import median
from typing import Protocol, TypeVar

WORD_GAP = 0.12  # of the median text height: glyphs closer than this are one word (``pdf_text.SPACE_GAP``)
GUTTER_WORDS = 1.5  # a gutter is at least this many times as wide as the page's median gap between words,
GUTTER = 0.5  # and at least this share of the median text height (ascent to descent)
CROSSING_SHARE = 0.4  # at most this share of the page's lines may cross a gutter (headlines, footers)
CORE_SLACK = 0.05  # of the lines: the gutter is the band entered by the fewest lines, give or take this share
MIN_COLUMN_SHARE = 0.25  # a column is at least this share of the text's width
MIN_COLUMN_LINES = 2  # a last column may hold only the end of the article
MIN_LINES_IN_COLUMNS = 10  # all columns together
ONE_RUN_SHARE = 0.7  # this share of a column's lines at least has no gap as wide as the gutter (table cells do)
FULL_LINE = 0.85  # a line spanning this share of its column's width ends because the column is full,
FULL_SHARE = 0.4  # as this share of a column's lines at least do in running text; a table's cells end where
FULL_CHECKED = 5  # their text does. Checked in columns of this many lines (a last column may be short)
OTHER_SIZE = 1.2  # a line this many times taller (or shorter) than the body, on both sides of a gutter, crosses it

_RTL_LETTER = re.compile(r"[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]")
_LTR_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")


class Placed(Protocol):
    """A glyph with its horizontal extent, its text's height (ascent to descent) and its font size."""

    text: str
    left: float
    right: float
    height: float
    size: float


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
    ink = [glyph for line in lines for glyph in line if _is_ink(glyph)]
    if not ink:
        return lines
    body = median(glyph.height for glyph in ink)
    words = [_words(line, WORD_GAP * body) for line in lines]
    spacing = _word_spacing(words)
    gutters = _gutters(words, max(GUTTER_WORDS * spacing, GUTTER * body)) if spacing else []
    if not gutters:
        return lines
    first_right = _mostly_right_to_left(ink)
    body_size = median(glyph.size for glyph in ink)
    ordered: list[list[G]] = []
    section: list[list[list[G]]] = [[] for _ in range(len(gutters) + 1)]
    footer = len(lines)  # the lines under the columns in another size than the body: a page number in a corner
    while footer > 0 and _all_in_another_size(lines[footer - 1], body_size):
        footer -= 1
    for index, (line, line_words) in enumerate(zip(lines, words, strict=True)):
        # a header or a headline's last line over one column only, before any column line, stays on top
        heading = index >= footer or (not any(section) and _all_in_another_size(line, body_size))
        if heading or _crosses(line_words, gutters) or _headline_over(line, gutters, body_size):
            ordered += _flushed(section, first_right)
            ordered.append(line)
            continue
        for column, part in enumerate(_split(line, gutters)):
            if part:
                section[column].append(part)
    return ordered + _flushed(section, first_right)


def _is_ink(glyph: Placed) -> bool:
    """Whether a glyph puts ink on the page: a drawn space does not (a kashida, with no letter, does)."""
    return not (glyph.text and glyph.text.isspace())


def _words(line: Sequence[Placed], joint: float) -> list[_Band]:
    """The line's words as bands: ink closer than ``joint`` joined (drawn spaces left out)."""
    words: list[_Band] = []
    for glyph in line:
        if not _is_ink(glyph):
            continue
        if words and glyph.left - words[-1].right < joint:
            words[-1] = _Band(words[-1].left, max(words[-1].right, glyph.right))
        else:
            words.append(_Band(glyph.left, glyph.right))
    return words


def _word_spacing(words: list[list[_Band]]) -> float | None:
    """The page's median gap between two words of a line, or None for a page of single words."""
    gaps = [after.left - before.right for line_words in words for before, after in pairwise(line_words)]
    return median(gaps) if gaps else None


def _gutters(words: list[list[_Band]], narrowest: float) -> list[_Band]:
    """The page's gutters, left to right, when the columns between them pass for running text."""
    bands = [band for line_words in words for band in line_words]
    text = _Band(min(band.left for band in bands), max(band.right for band in bands))
    slack = max(1, int(CORE_SLACK * len(words)))
    candidates = _free_bands(bands, text, int(CROSSING_SHARE * len(words)), slack, narrowest)
    for gutters in (candidates, *([band] for band in sorted(candidates, key=lambda band: -band.width))):
        if gutters and _columns_hold_text(words, gutters):
            return gutters
    return []


def _free_bands(bands: list[_Band], text: _Band, crossings: int, slack: int, narrowest: float) -> list[_Band]:
    """Bands inside the text at least ``narrowest`` wide that at most ``crossings`` lines enter, each cut
    down to its part entered by the fewest lines (give or take ``slack``)."""
    free: list[_Band] = []
    stretch: list[tuple[_Band, int]] = []
    for piece, count in [*_coverage(bands), (_Band(text.right, text.right), crossings + 1)]:
        if count <= crossings:
            stretch.append((piece, count))
            continue
        if stretch:
            fewest = min(count for _, count in stretch)
            core = _widest_touching([piece for piece, count in stretch if count <= fewest + slack])
            if core.width >= narrowest and text.left < core.left and core.right < text.right:
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


def _columns_hold_text(words: list[list[_Band]], gutters: list[_Band]) -> bool:
    """Whether every column between ``gutters`` reads as running text (see the module docstring)."""
    kept = [line_words for line_words in words if not _crosses(line_words, gutters)]
    bands = [band for line_words in kept for band in line_words]
    if not bands:
        return False
    # The columns' own width, not the page's: a headline over them may reach further.
    text = _Band(min(band.left for band in bands), max(band.right for band in bands))
    edges = [text.left, *(edge for gutter in gutters for edge in (gutter.left, gutter.right)), text.right]
    columns = [_Band(edges[index], edges[index + 1]) for index in range(0, len(edges), 2)]
    widest_gap = min(gutter.width for gutter in gutters)  # a gap as wide as a gutter parts two cells
    column_lines = 0
    for column in columns:
        if column.width < MIN_COLUMN_SHARE * text.width:
            return False
        parts = [[band for band in line_words if column.left <= band.left and band.right <= column.right]
                 for line_words in kept]
        parts = [part for part in parts if part]
        if len(parts) < MIN_COLUMN_LINES:
            return False
        column_lines += len(parts)
        one_run = [all(after.left - before.right < widest_gap for before, after in pairwise(part)) for part in parts]
        if sum(one_run) < ONE_RUN_SHARE * len(parts):
            return False
        full = sum(part[-1].right - part[0].left >= FULL_LINE * column.width for part in parts)
        if len(parts) >= FULL_CHECKED and full < FULL_SHARE * len(parts):
            return False
    return column_lines >= MIN_LINES_IN_COLUMNS


def _crosses(line_words: list[_Band], gutters: list[_Band]) -> bool:
    """Whether a word of the line enters a gutter's middle half (a column's edge may stray a little into it:
    a glyph's box is wider than its ink)."""
    return any(band.left < gutter.right - gutter.width / 4 and band.right > gutter.left + gutter.width / 4
               for band in line_words for gutter in gutters)


def _headline_over(line: Sequence[Placed], gutters: list[_Band], body: float) -> bool:
    """A line in a larger (or smaller) type than the body on both sides of a gutter, the same on both: a
    headline whose gap between two words happens to fall in the gutter."""
    for gutter in gutters:
        sides = ([glyph.size for glyph in line if _is_ink(glyph) and glyph.right <= gutter.left],
                 [glyph.size for glyph in line if _is_ink(glyph) and glyph.left >= gutter.right])
        if not all(sides):
            continue
        left, right = (median(heights) for heights in sides)
        same = max(left, right) <= 1.1 * min(left, right)
        if same and max(left, body) > OTHER_SIZE * min(left, body):
            return True
    return False


def _all_in_another_size(line: Sequence[Placed], body: float) -> bool:
    sizes = [glyph.size for glyph in line if _is_ink(glyph)]
    return bool(sizes) and (min(sizes) > OTHER_SIZE * body or max(sizes) * OTHER_SIZE < body)


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
