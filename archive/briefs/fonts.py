"""The fonts of the printed briefs: Amiri Regular and Bold, shipped with the app.

Amiri (SIL Open Font License 1.1) is a Naskh face with Latin letters and every Arabic
presentation form. It comes from the installed ``fontpkg_amiri`` package and is found through
``importlib.resources``, which also works inside a frozen Windows build.

The brief engine draws presentation-form glyphs (ﻣﺤﻤﺪ), so by default a PDF reader would copy
and search those code points and find nothing. ``SearchableTTFont`` rewrites each embedded
subset's ToUnicode map to give the base letters instead (ﻣ -> م, ﻻ -> لا).
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from bidi.mirror import MIRRORED
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

from archive.briefs.rtl import MIRRORED_CODE_POINTS

REGULAR = "Amiri"
BOLD = "Amiri-Bold"
_FONT_FILES = {REGULAR: "Amiri-Regular.ttf", BOLD: "Amiri-Bold.ttf"}
_PRESENTATION_RANGES = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
_registration_lock = threading.Lock()
_MIRRORED_TEXT = {ord(code): char for char, code in MIRRORED_CODE_POINTS.items()}


def unicode_text_of(code_point: int) -> str:
    """The text a reader should copy for one drawn code point: base letters for presentation forms,
    the logical bracket for a mirrored one."""
    if code_point in _MIRRORED_TEXT:
        return _MIRRORED_TEXT[code_point]
    if any(low <= code_point <= high for low, high in _PRESENTATION_RANGES):
        letters = unicodedata.normalize("NFKC", chr(code_point)).replace(" ", "")
        if letters:
            return letters
    return chr(code_point)


def to_unicode_cmap(font_name: str, subset: list[int]) -> str:
    """A ToUnicode CMap (PDF 1.7, 9.10.3) mapping each subset code to the text it stands for."""
    entries = [
        "<{:02X}> <{}>".format(code, "".join(f"{ord(char):04X}" for char in unicode_text_of(code_point)))
        for code, code_point in enumerate(subset)
    ]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        f"/CIDSystemInfo << /Registry ({font_name}) /Ordering ({font_name}) /Supplement 0 >> def",
        f"/CMapName /{font_name} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<00> <%02X>" % (len(subset) - 1),
        "endcodespacerange",
        *_bfchar_blocks(entries),
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ])


def _bfchar_blocks(entries: list[str]) -> list[str]:
    # A bfchar block may hold at most 100 entries (PDF 1.7, 9.10.3).
    lines: list[str] = []
    for first in range(0, len(entries), 100):
        block = entries[first:first + 100]
        lines += [f"{len(block)} beginbfchar", *block, "endbfchar"]
    return lines


class SearchableTTFont(TTFont):
    """A ReportLab TrueType font whose embedded subsets copy out as base Arabic letters, and which
    draws the private-use code points of ``rtl.MIRRORED_CODE_POINTS`` as mirrored brackets."""

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        face = self.face
        for char, code in MIRRORED_CODE_POINTS.items():
            mirror = ord(MIRRORED.get(char, char))
            if mirror in face.charToGlyph:
                face.charToGlyph[ord(code)] = face.charToGlyph[mirror]
                face.charWidths[ord(code)] = face.charWidths.get(mirror, face.defaultWidth)

    def addObjects(self, doc: Any) -> None:
        state = self.state.get(doc)
        subsets = [list(subset) for subset in state.subsets] if state is not None else []
        super().addObjects(doc)
        for number, subset in enumerate(subsets):
            base_font_name = (SUBSETN(number) + b"+" + self.face.name + self.face.subfontNameX).decode("pdfdoc")
            cmap_stream = doc.idToObject.get("toUnicodeCMap:" + base_font_name)
            if cmap_stream is not None:
                cmap_stream.content = to_unicode_cmap(base_font_name, subset)


def register_fonts() -> None:
    """Register Amiri Regular and Bold with ReportLab (once per process), as ``REGULAR`` and ``BOLD``."""
    with _registration_lock:
        registered = set(pdfmetrics.getRegisteredFontNames())
        folder = resources.files("fontpkg_amiri") / "files"
        for name, file_name in _FONT_FILES.items():
            if name not in registered:
                with resources.as_file(folder / file_name) as path:
                    pdfmetrics.registerFont(SearchableTTFont(name, str(path)))
        pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)


@lru_cache(maxsize=100_000)
def string_width(text: str, font_name: str, font_size: float) -> float:
    """Width in points of ``text`` drawn in a registered font (remembered: lines are measured
    word by word, words repeat, and ReportLab's pure-Python measuring is slow)."""
    return float(pdfmetrics.stringWidth(text, font_name, font_size))


@dataclass(frozen=True)
class MarkOutline:
    """Where a zero-width mark's outline lies from its pen, in points: its horizontal centre and
    its vertical extent (Amiri draws marks to the right of the pen, for the font's anchors)."""

    centre: float
    bottom: float
    top: float


@lru_cache(maxsize=2048)
def mark_outline(char: str, font_name: str, font_size: float) -> MarkOutline | None:
    """The outline of the combining mark ``char`` in a registered font, or None when it has none."""
    face = pdfmetrics.getFont(font_name).face
    glyph = face.charToGlyph.get(ord(char))
    if glyph is None or face.glyphPos[glyph] == face.glyphPos[glyph + 1]:
        return None
    with _registration_lock:  # the face reads its tables through one shared file position
        face.seek_table("glyf", face.glyphPos[glyph])
        face.read_short()  # number of contours
        x_min, y_min, x_max, y_max = (face.read_short() for _ in range(4))
    scale = font_size / face.unitsPerEm
    return MarkOutline((x_min + x_max) / 2 * scale, y_min * scale, y_max * scale)
