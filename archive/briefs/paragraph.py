"""``TextBlock``: the ReportLab Flowable that prints bidi paragraphs correctly.

It takes plain logical text (one or more paragraphs separated by newlines), shapes and
resolves each paragraph with ``rtl.BidiParagraph``, breaks lines in logical order with the
font's metrics, and draws each line reordered for display, aligned to the paragraph's start
(right for Arabic, left for Latin) or justified. It splits across pages at line boundaries
and works inside Table cells. A word wider than the line is cut into pieces that fit.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable

from archive.briefs.fonts import REGULAR, mark_outline, string_width
from archive.briefs.rtl import BidiParagraph

ALIGN_START, ALIGN_END, ALIGN_CENTER, ALIGN_JUSTIFY = "start", "end", "center", "justify"
MAX_JUSTIFY_STRETCH = 1.5  # extra space a justified line may add between words, in font sizes


@dataclass(frozen=True)
class TextStyle:
    """How a ``TextBlock`` looks. ``direction`` is "rtl", "ltr" or "auto" (first strong letter)."""

    font_name: str = REGULAR
    font_size: float = 11
    leading: float = 18
    color: object = colors.black
    alignment: str = ALIGN_START
    direction: str = "auto"
    space_before: float = 0
    space_after: float = 0

    def but(self, **changes: Any) -> TextStyle:
        """A copy with some fields changed."""
        return replace(self, **changes)


@dataclass(frozen=True)
class Line:
    """One printed line: ``paragraph.text[start:end]``; ``last`` ends its paragraph (never justified)."""

    paragraph: BidiParagraph
    start: int
    end: int
    width: float
    space_count: int
    last: bool


class TextBlock(Flowable):
    """Bidi-correct wrapped text for ReportLab (see the module docstring)."""

    def __init__(self, text: str, style: TextStyle, *, _lines: list[Line] | None = None) -> None:
        super().__init__()
        self.style = style
        self.text = text
        self._paragraphs: list[BidiParagraph] = [] if _lines is not None else [
            BidiParagraph.from_text(part, style.direction) for part in text.split("\n") if part.strip()
        ]
        self._lines: list[Line] = _lines if _lines is not None else []
        self._laid_out_width: float | None = None if _lines is None else -1.0
        self.spaceBefore = style.space_before
        self.spaceAfter = style.space_after

    def __repr__(self) -> str:
        return f"TextBlock({self.text[:30]!r})"

    # --- ReportLab protocol -------------------------------------------------------------
    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._lay_out(availWidth)
        self.width = availWidth
        self.height = len(self._lines) * self.style.leading
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self._lay_out(availWidth)
        fitting = int((availHeight + 1e-6) // self.style.leading)
        if fitting <= 0:
            return []
        if fitting >= len(self._lines):
            return [self]
        head = TextBlock(self.text, self.style.but(space_after=0), _lines=self._lines[:fitting])
        tail = TextBlock(self.text, self.style.but(space_before=0), _lines=self._lines[fitting:])
        return [head, tail]

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFillColor(self.style.color)
        style = self.style
        baseline = self.height - style.leading + (style.leading - style.font_size) / 2 + 0.2 * style.font_size
        for line in self._lines:
            self._draw_line(line, baseline)
            baseline -= self.style.leading

    # --- layout ------------------------------------------------------------------------
    def _lay_out(self, width: float) -> None:
        if self._laid_out_width is not None and (self._laid_out_width < 0 or abs(self._laid_out_width - width) < 0.01):
            return
        self._lines = [line for paragraph in self._paragraphs for line in self._break_lines(paragraph, width)]
        self._laid_out_width = width

    def _break_lines(self, paragraph: BidiParagraph, width: float) -> list[Line]:
        """Greedy line breaking over the logical text, measured with the font."""
        space_width = self._width(" ")
        lines: list[Line] = []
        line_start: int | None = None
        line_end = 0
        line_width = 0.0
        spaces = 0
        for word_start, word_end in self._word_spans(paragraph.text, width):
            word_width = self._width(paragraph.text[word_start:word_end])
            if line_start is None:
                line_start, line_end, line_width, spaces = word_start, word_end, word_width, 0
            elif line_width + space_width + word_width <= width + 1e-6:
                line_end, line_width, spaces = word_end, line_width + space_width + word_width, spaces + 1
            else:
                lines.append(Line(paragraph, line_start, line_end, line_width, spaces, False))
                line_start, line_end, line_width, spaces = word_start, word_end, word_width, 0
        if line_start is not None:
            lines.append(Line(paragraph, line_start, line_end, line_width, spaces, True))
        return lines

    def _word_spans(self, text: str, width: float) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        position = 0
        for word in text.split(" "):
            if word:
                spans += self._cut_long_word(text, position, position + len(word), width)
            position += len(word) + 1
        return spans

    def _cut_long_word(self, text: str, start: int, end: int, width: float) -> list[tuple[int, int]]:
        """A word wider than the line becomes pieces that fit (never cutting off a combining mark)."""
        if self._width(text[start:end]) <= width:
            return [(start, end)]
        pieces: list[tuple[int, int]] = []
        piece_start = start
        for position in range(start + 1, end + 1):
            if position < end and unicodedata.combining(text[position]):
                continue
            if position - piece_start > 1 and self._width(text[piece_start:position]) > width:
                cut = position - 1
                while cut > piece_start + 1 and unicodedata.combining(text[cut]):
                    cut -= 1
                pieces.append((piece_start, cut))
                piece_start = cut
        pieces.append((piece_start, end))
        return pieces

    def _width(self, text: str) -> float:
        return string_width(text, self.style.font_name, self.style.font_size)

    # --- drawing -----------------------------------------------------------------------
    def _draw_line(self, line: Line, baseline: float) -> None:
        visual = line.paragraph.visual_line(line.start, line.end)
        text_object = self.canv.beginText()
        text_object.setFont(self.style.font_name, self.style.font_size)
        free_space = max(self.width - line.width, 0.0)
        alignment = self.style.alignment
        # Word spacing is graphics state and outlives the text object: set it on every line.
        word_space = 0.0
        justified = alignment == ALIGN_JUSTIFY and not line.last and line.space_count > 0
        stretch = free_space / line.space_count if justified else 0.0
        if justified and stretch <= MAX_JUSTIFY_STRETCH * self.style.font_size:
            word_space = stretch
            x = 0.0
        elif justified:
            # A line cut short by a long word after it (a link) keeps its natural spacing rather
            # than a few words spread across the page.
            x = free_space if line.paragraph.is_rtl else 0.0
        elif alignment == ALIGN_CENTER:
            x = free_space / 2
        else:
            at_right = (alignment == ALIGN_END) != line.paragraph.is_rtl
            x = free_space if at_right else 0.0
        text_object.setWordSpace(word_space)
        if any(unicodedata.combining(char) for char in visual):
            self._text_out_with_marks(text_object, visual, x, baseline, word_space)
        else:
            text_object.setTextOrigin(x, baseline)
            text_object.textOut(visual)
        self.canv.drawText(text_object)

    def _text_out_with_marks(self, text_object: Any, visual: str, x: float, baseline: float,
                             word_space: float) -> None:
        """Draw a line whose marks are each centred over the letter before them in display order.

        ReportLab applies no font anchors, and Amiri's marks have no advance and an outline to the
        right of the pen: drawn where they fall, they stand over the next letter or in a space."""
        font, size = self.style.font_name, self.style.font_size
        pen = x
        run_start = 0
        base_left = base_width = 0.0
        stacked_top: float | None = None  # the top of the marks already over this base
        for position, char in enumerate(visual + "\n"):
            if position < len(visual) and not unicodedata.combining(char):
                continue
            run = visual[run_start:position]
            if run:
                text_object.setTextOrigin(pen, baseline)
                text_object.textOut(run)
                base_width = string_width(run[-1], font, size) + (word_space if run[-1] == " " else 0.0)
                pen += string_width(run, font, size) + word_space * run.count(" ")
                base_left, stacked_top = pen - base_width, None
            run_start = position + 1
            outline = mark_outline(char, font, size) if position < len(visual) else None
            if outline is None:
                if position < len(visual):
                    text_object.setTextOrigin(pen, baseline)
                    text_object.textOut(char)
                continue
            rise = 0.0
            if stacked_top is not None and outline.bottom > 0:  # a second mark above: over the first
                rise = max(stacked_top - outline.bottom + 0.04 * size, 0.0)
            text_object.setTextOrigin(base_left + base_width / 2 - outline.centre, baseline + rise)
            text_object.textOut(char)
            if outline.bottom > 0:
                stacked_top = outline.top + rise
