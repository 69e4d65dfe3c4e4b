"""The text of a PDF in logical (reading) order, Arabic, numbers and Latin words alike.

PDF producers draw Arabic as glyphs in visual order, left to right, and each one orders what the
text layer gives differently: ReportLab (our own briefs) draws whole lines in visual order, cairo
and pango draw clusters in visual order, and extractors that follow the content stream give
"3 من1 صفحة" (pypdf), whole lines reversed (pypdfium2 on a pango PDF) or LAM-ALEF swapped
("اإلعالم": a ligature glyph's two letters reversed with the run, pypdfium2, pdfminer, pdftotext).

Positions do not depend on the producer. So this module takes every glyph PDFium finds with its
position and its Unicode text (the font's ToUnicode entry), and:

1. groups the glyphs into lines by baseline, top of the page first;
2. keeps one glyph's letters together (a LAM-ALEF ligature is one glyph with two letters, in logical
   order) and puts each combining mark (harakat) after the letter it sits on (the lam of a LAM-ALEF);
3. sorts each line's glyphs left to right by where the pen drew them (not by their boxes: Amiri stacks
   «لح», and the second glyph's box reaches past the first's), which is the visual order, and puts a
   space where the gap between two glyphs is wider than a fraction of the text's height and none was
   drawn;
4. turns the visual line back into logical order with the Unicode bidi algorithm (python-bidi's
   ``bidi.algorithm``, the module the briefs use to draw the same text), right to left when most of
   the line's letters are (a percentage then reads number first, however it was drawn).

A page set in columns is read column by column (``pdf_columns``: the right column first on an Arabic
page), a headline over the columns first; a blank line opens each paragraph the page spaces apart or
sets in another size. A scanned page (a picture of the page, with at most the one line a scanning app
prints on it) gives no text, so a scan is refused as one with no text at all. Presentation forms
(producers that map glyphs to FExx code points) are folded with NFKC by the reader.
"""

from __future__ import annotations

import ctypes
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from statistics import median

import pypdfium2
import pypdfium2.raw as pdfium_c
from bidi.algorithm import get_display

from archive.importing.pdf_columns import in_reading_order
from archive.pdfium import PDFIUM_LOCK

_RTL_LETTER = re.compile(r"[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]")
_STRONG_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]")
SPACE_GAP = 0.12  # a gap between two glyphs wider than this share of the text height (ascent to descent) is a space
KASHIDA_SPACE = 0.8  # beside a kashida, only a gap this share of the line's drawn spaces is a space
SAME_LINE = 0.4  # baselines closer than this share of the text height are one line
PARAGRAPH_SPACING = 1.25  # a line this many times the page's usual line spacing below the last one opens a paragraph
SCANNED_SHARE = 0.5  # pictures over this share of a page make it a scan (when its text is one short line)
SCANNER_LINE = 40  # characters: the longest line a scanning app prints on a picture of a page
OTHER_SIZE = 1.2  # a line in a font this many times larger or smaller than the last one's opens a paragraph


@dataclass
class _Glyph:
    """One drawn glyph: its letters in logical order, where it sits, and how tall its text is."""

    text: str
    left: float
    right: float
    baseline: float
    height: float
    pen: float  # where the pen stood to draw it: one glyph's letters share it
    size: float  # the font size it was drawn in (its box's height varies with the letter in some producers)

    @property
    def centre(self) -> float:
        return (self.left + self.right) / 2

    @property
    def is_mark(self) -> bool:
        return _is_mark(self.text)  # a mark is drawn as a glyph of its own (``_same_glyph``)


class PdfTextTooLong(Exception):
    """A PDF's text grew past the caller's limit (pages of repeated text); carries the size reached."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def pdf_pages_text(data: bytes, max_characters: int) -> list[str]:
    """The text of each page of the PDF in ``data``, in logical order, lines separated by newlines.

    A scanned page (a picture of the page) gives no text, even with the line a scanning app prints on it.
    Raises ``pypdfium2.PdfiumError`` for a damaged file and ``PdfTextTooLong`` once the text passes
    ``max_characters``.
    """
    with PDFIUM_LOCK:  # PDFium is not safe from two threads at once (archive.pdfium)
        document = pypdfium2.PdfDocument(data)
        try:
            pages: list[str] = []
            size = 0
            for page in document:
                try:
                    text = page_text(page)
                    pages.append("" if _is_picture_of_a_page(page, text) else text)
                finally:
                    page.close()
                size += len(pages[-1])
                if size > max_characters:
                    raise PdfTextTooLong(size)
            return pages
        finally:
            document.close()


def page_text(page: pypdfium2.PdfPage) -> str:
    """One page's text: its lines top to bottom (column by column on a page in columns), each in logical order."""
    with PDFIUM_LOCK:
        text_page = page.get_textpage()
        try:
            glyphs = _ligatures_joined(list(_glyphs(text_page)))
        finally:
            text_page.close()
    lines = in_reading_order(_lines(glyphs))
    return "".join(("\n\n" if starts else "\n") * (index > 0) + _logical_line(line)
                   for index, (line, starts) in enumerate(zip(lines, _paragraph_starts(lines), strict=True)))


def _is_picture_of_a_page(page: pypdfium2.PdfPage, text: str) -> bool:
    """A scan: pictures cover most of the page, and its only text is one short line (what scanning apps
    print on each page, "Scanned with …", or a page number), not the article in the picture."""
    if "\n" in text.strip() or len(text.strip()) > SCANNER_LINE:
        return False
    width, height = (float(side) for side in page.get_size())
    covered = 0.0
    for picture in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
        left, bottom, right, top = (float(edge) for edge in picture.get_bounds())
        covered += max(0.0, min(right, width) - max(left, 0.0)) * max(0.0, min(top, height) - max(bottom, 0.0))
    return covered >= SCANNED_SHARE * width * height


def _glyphs(text_page: pypdfium2.PdfTextPage) -> Iterator[_Glyph]:
    """The page's glyphs; characters PDFium made up (spaces, line ends) are left out."""
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    pending: list[_Char] = []  # the characters of one glyph
    before: _Char | None = None  # the last letter listed before the pending glyph
    for index in range(text_page.count_chars()):
        char = _char(text_page, index, origin_x, origin_y)
        if char is None:
            continue
        if pending and _same_glyph(pending[-1], char):
            pending.append(char)  # same origin: more letters of one glyph (a ligature)
            continue
        if pending:
            yield _glyph(pending, before, char)
            before = pending[-1] if not _is_mark(pending[-1].text) else before
        pending = [char]
    if pending:
        yield _glyph(pending, before, None)


@dataclass(frozen=True)
class _Char:
    """One character PDFium reports: its glyph's pen position and its box (ink for a mark)."""

    text: str
    origin_x: float
    origin_y: float
    left: float
    right: float
    height: float
    size: float


def _ligatures_joined(glyphs: list[_Glyph]) -> list[_Glyph]:
    """Letters drawn at one pen position are one glyph, even when PDFium lists them apart: LibreOffice's
    «لًا» is listed "ل" among the word's letters and the mark and "ا" after them, each with a share of the
    ligature's box, and read as two glyphs it split the word ("دليلً ا")."""
    first_at: dict[tuple[float, float], _Glyph] = {}
    joined: list[_Glyph] = []
    for glyph in glyphs:
        if glyph.text.strip() and not glyph.is_mark:
            kept = first_at.setdefault((glyph.pen, glyph.baseline), glyph)
            if kept is not glyph:
                kept.text += glyph.text
                kept.left, kept.right = min(kept.left, glyph.left), max(kept.right, glyph.right)
                continue
        joined.append(glyph)
    return joined


def _char(text_page: pypdfium2.PdfTextPage, index: int, origin_x: ctypes.c_double,
          origin_y: ctypes.c_double) -> _Char | None:
    if pdfium_c.FPDFText_IsGenerated(text_page, index):
        return None
    text = chr(pdfium_c.FPDFText_GetUnicode(text_page, index))
    left, bottom, right, top = text_page.get_charbox(index, loose=True)
    if not text.isprintable() or text == "\ufffe":
        if unicodedata.category(text) != "Cc" or text in "\t\n\r" or right - left <= 0.01:
            return None
        text = ""  # ink with no letter: LibreOffice maps a kashida (the stretch of a justified word) to U+0004, U+0006
    elif text in ",." and _is_flat_bar(text_page, index):
        text = ""  # from a Word file, LibreOffice maps Amiri's kashida to a comma: a comma's ink is never a flat bar
    if text.isspace() and right - left < 0.01:
        return None  # an empty "space" PDFium puts between runs; real ones have a width, gaps are measured
    if _is_mark(text):  # a mark's loose box spans its advance; where its ink sits tells its letter
        left, _, right, _ = text_page.get_charbox(index)
    pdfium_c.FPDFText_GetCharOrigin(text_page, index, origin_x, origin_y)
    size = float(pdfium_c.FPDFText_GetFontSize(text_page, index))
    return _Char(text, origin_x.value, origin_y.value, left, right, top - bottom, size)


def _is_flat_bar(text_page: pypdfium2.PdfTextPage, index: int) -> bool:
    """Whether the character's ink is twice as wide as it is tall (a kashida; a comma's or a full stop's is not)."""
    left, bottom, right, top = text_page.get_charbox(index)
    return bool(right - left >= 2 * (top - bottom))


def _is_mark(text: str) -> bool:
    """One combining mark (harakat); the empty text of ink with no letter is none."""
    return len(text) == 1 and unicodedata.combining(text) != 0


def _same_glyph(previous: _Char, char: _Char) -> bool:
    """Letters drawn at one pen position come from one glyph (marks are placed on their own)."""
    return ((previous.origin_x, previous.origin_y) == (char.origin_x, char.origin_y) and char.text != " "
            and not _is_mark(char.text) and not _is_mark(previous.text))


def _glyph(chars: list[_Char], before: _Char | None, after: _Char | None) -> _Glyph:
    first = chars[0]
    if len(chars) == 1:
        return _Glyph(first.text, first.left, first.right, first.origin_y, max(first.height, 1.0), first.origin_x,
                      max(first.size, 1.0))
    text = "".join(char.text for char in chars)
    if _ALEF_LAM.fullmatch(text):
        text = text[::-1]  # an alef never joins the letter after it: one glyph of both is LAM-ALEF, whatever the run
    elif _RTL_LETTER.search(text) and _listed_right_to_left(first, before, after):
        # PDFium lists a right-to-left run in reading order and reverses a ligature's letters with it.
        text = text[::-1]
    return _Glyph(text, min(char.left for char in chars), max(char.right for char in chars), first.origin_y,
                  max(first.height, 1.0), first.origin_x, max(first.size, 1.0))


def _listed_right_to_left(glyph: _Char, before: _Char | None, after: _Char | None) -> bool:
    """Whether PDFium listed the glyph's run right to left: the letter listed after it lies just to its
    left or, when that tells nothing, the one listed before it just to its right. A mark (its pen may sit
    anywhere over its letter) or a letter of another line or run (PDFium may list a line's end first)
    tells nothing."""
    for neighbour, sign in ((after, -1), (before, 1)):
        if (neighbour is not None and neighbour.origin_y == glyph.origin_y and not _is_mark(neighbour.text)
                and 0 < abs(neighbour.origin_x - glyph.origin_x) < _NEIGHBOUR_REACH * glyph.height):
            return sign * (neighbour.origin_x - glyph.origin_x) > 0
    return False


_NEIGHBOUR_REACH = 3  # text heights: a letter listed next to a glyph this near is of its run


def _lines(glyphs: list[_Glyph]) -> list[list[_Glyph]]:
    """Glyphs grouped by baseline, top line first; each mark joined to the letter it sits on."""
    lines: list[list[_Glyph]] = []
    for glyph in sorted((glyph for glyph in glyphs if not glyph.is_mark), key=lambda glyph: -glyph.baseline):
        if lines and abs(lines[-1][0].baseline - glyph.baseline) <= SAME_LINE * glyph.height:
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
    for mark in (glyph for glyph in glyphs if glyph.is_mark):
        if lines:
            line = min(lines, key=lambda line: abs(line[0].baseline - mark.baseline))
            base = min(line, key=lambda glyph: (not glyph.text.strip(), abs(glyph.centre - mark.centre)))
            base.text = _with_mark(base.text, mark.text)
    return [sorted(line, key=lambda glyph: (glyph.pen, glyph.centre)) for line in lines]


def _with_mark(letters: str, mark: str) -> str:
    """A glyph's letters with a mark drawn over or under it. On a LAM-ALEF ligature the mark is the lam's:
    a fatha, kasra or shadda is never the alef's, and "لًا" is how "لاً" is spelled now (as "يوميًا" is)."""
    ligature = _LAM_ALEF.fullmatch(letters)
    return f"{ligature.group(1)}{mark}{ligature.group(2)}" if ligature else letters + mark


_ALEF_LAM = re.compile("[\u0627\u0622\u0623\u0625]\u0644")
_LAM_ALEF = re.compile("(\u0644[\u064B-\u0652]*)([\u0627\u0622\u0623\u0625])")  # lam, its marks so far, alef


def _paragraph_starts(lines: list[list[_Glyph]]) -> list[bool]:
    """Which lines open a paragraph, as the page shows it: more room above them than between the lines
    of a paragraph, for their size (a headline's two lines are further apart than the body's), or text
    of another size (a headline over the body). Lines read upwards (the top of the next column) go on
    the paragraph. ``line_wraps`` keeps a blank line's break, so a headline as long as the column's
    lines is not read as the first line of the paragraph under it."""
    if not lines:
        return []
    heights = [median(glyph.size for glyph in line) for line in lines]
    steps = [(previous[0].baseline - line[0].baseline) / height
             for previous, line, height in zip(lines, lines[1:], heights[1:], strict=False)]
    spacing = _line_spacing([step for step in steps if 0.5 < step < 4])
    starts = [False]
    for index, step in enumerate(steps, start=1):
        larger, smaller = sorted((heights[index - 1], heights[index]), reverse=True)
        starts.append(step > 0 and (step > PARAGRAPH_SPACING * spacing or larger > OTHER_SIZE * smaller))
    return starts


def _line_spacing(steps: list[float]) -> float:
    """The spacing of a paragraph's lines: the smallest step two lines share (within 5%); a page of more
    paragraphs than wrapped lines (a programme, a list) has its paragraph spacing as its median step."""
    ordered = sorted(steps)
    shared = [step for step, following in pairwise(ordered) if following <= 1.05 * step]
    return shared[0] if shared else (median(ordered) if ordered else 0.0)


def _direction(text: str) -> str:
    """"R" for a line mostly of right-to-left letters, else "L" (a visual line has no first letter to go by)."""
    return "R" if len(_RTL_LETTER.findall(text)) * 2 > len(_STRONG_LETTER.findall(text)) else "L"


def _logical_line(line: list[_Glyph]) -> str:
    """The line's glyphs, in visual order left to right, put back in logical order."""
    visual: list[str] = []
    previous: _Glyph | None = None
    drawn_spaces = [glyph.right - glyph.left for glyph in line if glyph.text == " "]
    # LibreOffice leaves a little room beside a kashida (ink with no letter) inside a word: a gap there is a
    # space only when it is as wide as the spaces it draws.
    beside_kashida = KASHIDA_SPACE * median(drawn_spaces) if drawn_spaces else 0.0
    for glyph in line:
        gap = glyph.left - previous.right if previous is not None else 0.0
        if (previous is not None and gap > SPACE_GAP * glyph.height and " " not in (glyph.text, previous.text)
                and ("" not in (glyph.text, previous.text) or gap >= beside_kashida)):
            visual.append(" ")
        visual.append(glyph.text[::-1] if _RTL_LETTER.search(glyph.text) else glyph.text)
        previous = glyph
    text = "".join(visual)
    direction = _direction(text)
    logical = " ".join(get_display(text, base_dir=direction).split())
    # "35%" opening an Arabic paragraph (a table cell) is drawn "35%" and after Arabic words "%35" (an Arabic
    # number); the drawing alone cannot tell the two apart, but either way the number was written first.
    return _PERCENT_FIRST.sub(r"\2\1", logical) if direction == "R" else logical


_PERCENT_FIRST = re.compile(r"(?<![\d.,\u066B\u066C])([%\u066A])(\d+(?:[.,\u066B\u066C]\d+)*)")
