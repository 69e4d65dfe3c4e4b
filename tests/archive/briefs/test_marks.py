"""Harakat in printed briefs sit over their own letter (a real PDF read back with pdfplumber).

Amiri's mark glyphs have no advance and an outline drawn to the right of the pen, made to be
placed by the font's anchors, which ReportLab does not apply: drawn at the pen after its base,
the damma of بُعد stood in the space before the word and read as belonging to the word before.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pdfplumber
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import SimpleDocTemplate

from archive.briefs.fonts import REGULAR, register_fonts
from archive.briefs.paragraph import ALIGN_JUSTIFY, TextBlock, TextStyle

FONT_SIZE = 40


def _outline_span(char: str, pen_x: float) -> tuple[float, float]:
    """Where a glyph's outline is drawn, read from the font file, when its pen stands at pen_x."""
    face = pdfmetrics.getFont(REGULAR).face
    glyph = face.charToGlyph[ord(char)]
    face.seek_table("glyf", face.glyphPos[glyph])
    face.read_short()  # number of contours
    x_min, _y_min, x_max = face.read_short(), face.read_short(), face.read_short()
    scale = FONT_SIZE / face.unitsPerEm
    return pen_x + x_min * scale, pen_x + x_max * scale


def _chars(tmp_path: Path, text: str, **style: object) -> list[dict]:
    register_fonts()
    path = tmp_path / "marks.pdf"
    SimpleDocTemplate(str(path)).build([TextBlock(text, TextStyle(font_size=FONT_SIZE, leading=70, **style))])
    with pdfplumber.open(path) as pdf:
        return list(pdf.pages[0].chars)


def _mark_centre_and_base(chars: list[dict], mark: str, base: str) -> tuple[float, dict]:
    mark_char = next(char for char in chars if char["text"] == mark)
    left, right = _outline_span(mark, mark_char["x0"])
    # The base is the letter whose box is nearest the mark's pen (drawn just before or after it).
    base_char = min((char for char in chars if char["text"] == base),
                    key=lambda char: min(abs(char["x0"] - mark_char["x0"]), abs(char["x1"] - mark_char["x0"])))
    return (left + right) / 2, base_char


def test_a_damma_is_drawn_over_its_letter_not_in_the_space_before_the_word(tmp_path):
    centre, beh = _mark_centre_and_base(_chars(tmp_path, "عن بُعد", direction="rtl"), "\u064f", "ب")
    assert beh["x0"] <= centre <= beh["x1"], (centre, beh["x0"], beh["x1"])


def test_marks_stay_over_their_letters_in_a_justified_line(tmp_path):
    text = "أُعِدّ هذا الموجز للمشاركين في المنتدى عن بُعد " * 6
    chars = _chars(tmp_path, text.strip(), direction="rtl", alignment=ALIGN_JUSTIFY)
    dammas = [char for char in chars if char["text"] == "\u064f"]
    assert len(dammas) >= 6
    for damma in dammas:
        left, right = _outline_span("\u064f", damma["x0"])
        centre = (left + right) / 2
        same_line = [char for char in chars if abs(char["top"] - damma["top"]) < 5]
        under = [char for char in same_line
                 if not unicodedata.combining(char["text"]) and char["x0"] <= centre <= char["x1"]]
        assert under and under[0]["text"] in "اأب", f"a damma at {centre:.1f} stands over {under}"
