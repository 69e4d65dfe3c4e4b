"""A justified line is not stretched into a few words spread across the page: when the next word
(a long link) cannot fit, the line keeps its natural spacing (read back from a real PDF)."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pdfplumber
from reportlab.platypus import SimpleDocTemplate

from archive.briefs.fonts import register_fonts
from archive.briefs.paragraph import ALIGN_JUSTIFY, TextBlock, TextStyle

FONT_SIZE = 11
LINK = "https://www.example.gov.om/media/guides/government-communication-handbook-2025-final-version.pdf"


def _lines(tmp_path: Path, text: str) -> list[list[dict]]:
    register_fonts()
    path = tmp_path / "justified.pdf"
    style = TextStyle(font_size=FONT_SIZE, leading=18, direction="rtl", alignment=ALIGN_JUSTIFY)
    SimpleDocTemplate(str(path)).build([TextBlock(text, style)])
    with pdfplumber.open(path) as pdf:
        chars = [char for char in pdf.pages[0].chars if char["text"].strip()]
    rows: dict[int, list[dict]] = {}
    for char in chars:
        rows.setdefault(round(char["top"]), []).append(char)
    return [sorted(rows[top], key=lambda char: char["x0"]) for top in sorted(rows)]


def _widest_gap(line: list[dict]) -> float:
    return max((right["x0"] - left["x1"] for left, right in pairwise(line)), default=0.0)


def test_a_line_before_a_long_link_is_not_stretched_across_the_page(tmp_path):
    lines = _lines(tmp_path, f"«نشرنا الدليل على الرابط {LINK} ويمكن للجميع تحميله مجانًا حتى نهاية العام»")
    assert _widest_gap(lines[0]) < 3 * FONT_SIZE, [char["text"] for char in lines[0]]


def test_ordinary_lines_are_still_justified(tmp_path):
    text = "قال المتحدث إن الوزارة أطلقت مبادرات كثيرة خلال العام لتعزيز التواصل مع الجمهور " * 6
    lines = _lines(tmp_path, text.strip())
    rights = [line[-1]["x1"] for line in lines[:-1]]
    lefts = [line[0]["x0"] for line in lines[:-1]]
    assert max(rights) - min(rights) < 1 and max(lefts) - min(lefts) < 1  # both edges straight
