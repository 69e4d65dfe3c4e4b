"""The right-to-left text engine of the printed briefs: shaping and bidi, with no drawing.

ReportLab draws glyphs left to right and knows nothing of Arabic, so text is prepared here:

1. ``shape_text`` reshapes a paragraph in logical order into contextual presentation forms
   (harakat kept, only the LAM-ALEF ligatures, never word ligatures such as محمد or الله).
2. ``BidiParagraph`` resolves the Unicode bidi embedding levels over the **whole** paragraph
   (pure-Python ``bidi.algorithm``: it mirrors brackets and matched fribidi where the Rust
   ``bidi.get_display`` did not), so a line that begins with "80%" after Arabic keeps the
   paragraph's reading of it.
3. Lines are broken in logical order (by ``paragraph.py``, which knows the font metrics) and each
   line is reordered for display with ``BidiParagraph.visual_line`` (rules L1, L2, L3, L4).

Numbers, dates and Latin words keep their left-to-right order inside Arabic sentences, as the
Unicode rules (and browsers) require.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from arabic_reshaper import ArabicReshaper
from arabic_reshaper.ligatures import LIGATURES
from bidi import algorithm as bidi_algorithm
from bidi.mirror import MIRRORED

# Only these ligatures are obligatory in Arabic script; every other one changes the letters
# a reader sees (and a reader copies out of the PDF).
LAM_ALEF_LIGATURES = frozenset({
    "ARABIC LIGATURE LAM WITH ALEF",
    "ARABIC LIGATURE LAM WITH ALEF WITH HAMZA ABOVE",
    "ARABIC LIGATURE LAM WITH ALEF WITH HAMZA BELOW",
    "ARABIC LIGATURE LAM WITH ALEF WITH MADDA ABOVE",
})

# Bidi classes removed by rule X9 (and the isolates, which the pure-Python algorithm does not
# implement): dropping them up front keeps character indices aligned with resolved levels.
_REMOVED_BIDI_CLASSES = frozenset({"BN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})
_STRONG_RTL = frozenset({"R", "AL"})

# A bracket at a right-to-left level is drawn with its mirror's glyph. Drawing the mirror's own
# code point would make copied text read ")قوس(", so each such bracket gets a private-use code
# point that ``fonts.SearchableTTFont`` draws with the mirror's glyph and copies as the bracket.
MIRRORED_CODE_POINTS = {char: chr(0xF5E0 + number) for number, char in enumerate("()[]{}<>«»‹›")}


@cache
def _reshaper() -> ArabicReshaper:
    configuration: dict[str, object] = {
        "delete_harakat": False,  # the default drops tanween: شهريًا would print as شهريا
        "support_ligatures": True,
    }
    for name, _forms in LIGATURES:
        configuration[name] = name in LAM_ALEF_LIGATURES
    return ArabicReshaper(configuration=configuration)


def _is_removed(char: str) -> bool:
    return unicodedata.bidirectional(char) in _REMOVED_BIDI_CLASSES


def clean_text(text: str) -> str:
    """Tabs to spaces, invisible bidi controls and joiners dropped, runs of spaces collapsed."""
    text = text.replace("\t", " ").replace("\u00a0", " ")
    text = "".join(char for char in text if not _is_removed(char))
    return " ".join(part for part in text.split(" ") if part) if "  " in text else text.strip(" ")


def shape_text(text: str) -> str:
    """Contextual letter forms for the Arabic in ``text`` (logical order kept)."""
    if not any("\u0600" <= char <= "\u06ff" or "\u0750" <= char <= "\u077f" for char in text):
        return text
    return _reshaper().reshape(text)


def base_level_of(text: str, direction: str) -> int:
    """Paragraph level: 1 for "rtl", 0 for "ltr", and by the first strong letter for "auto"."""
    if direction == "rtl":
        return 1
    if direction == "ltr":
        return 0
    return bidi_algorithm.get_base_level(text)


def has_rtl(text: str) -> bool:
    """Whether the text holds any right-to-left letter."""
    return any(unicodedata.bidirectional(char) in _STRONG_RTL for char in text)


@dataclass(frozen=True)
class BidiParagraph:
    """One paragraph shaped and resolved: ``text`` (presentation forms, logical order) with a
    bidi level per character, ready to be cut into lines and reordered line by line."""

    text: str
    levels: tuple[int, ...]
    base_level: int

    @classmethod
    def from_text(cls, text: str, direction: str = "auto") -> BidiParagraph:
        """Shape and resolve one paragraph (no line breaks inside) in the given base direction."""
        shaped = shape_text(clean_text(text))
        base_level = base_level_of(shaped, direction)
        return cls(shaped, _resolve_levels(shaped, base_level), base_level)

    @property
    def is_rtl(self) -> bool:
        return self.base_level == 1

    def visual_line(self, start: int, end: int) -> str:
        """The characters ``text[start:end]`` of one line, in display order (left to right)."""
        order = _reorder(self.text, self.levels, start, end, self.base_level)
        return "".join(_displayed_char(self.text[index], self.levels[index]) for index in order)


def _resolve_levels(text: str, base_level: int) -> tuple[int, ...]:
    """Rules P and X to I of the bidi algorithm over the whole paragraph."""
    if not text:
        return ()
    if not has_rtl(text) and base_level == 0:
        return (0,) * len(text)  # pure left-to-right text: nothing to resolve (and much faster)
    storage = bidi_algorithm.get_empty_storage()
    storage["base_level"] = base_level
    storage["base_dir"] = ("L", "R")[base_level]
    bidi_algorithm.get_embedding_levels(text, storage)
    bidi_algorithm.explicit_embed_and_overrides(storage)
    bidi_algorithm.resolve_weak_types(storage, False)
    bidi_algorithm.resolve_neutral_types(storage, False)
    bidi_algorithm.resolve_implicit_levels(storage, False)
    return tuple(char["level"] for char in storage["chars"])


def _reorder(text: str, levels: tuple[int, ...], start: int, end: int, base_level: int) -> list[int]:
    """Indices of one line in display order: L1 (trailing spaces), L2 (reversal), L3 (marks)."""
    line_levels = list(levels[start:end])
    for offset in range(len(line_levels) - 1, -1, -1):  # L1: trailing whitespace takes the base level
        if text[start + offset] != " ":
            break
        line_levels[offset] = base_level
    order = list(range(start, end))
    if not line_levels:
        return order
    highest = max(line_levels)
    lowest_odd = min((level for level in line_levels if level % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        _reverse_runs_at_or_above(order, line_levels, level)
    return _marks_after_base(order, text, levels)


def _reverse_runs_at_or_above(order: list[int], line_levels: list[int], level: int) -> None:
    run_start = None
    for position in range(len(order) + 1):
        inside = position < len(order) and line_levels[position] >= level
        if inside and run_start is None:
            run_start = position
        elif not inside and run_start is not None:
            order[run_start:position] = order[run_start:position][::-1]
            line_levels[run_start:position] = line_levels[run_start:position][::-1]
            run_start = None


def _marks_after_base(order: list[int], text: str, levels: tuple[int, ...]) -> list[int]:
    """L3: in right-to-left runs a combining mark came out before its base; put it back after,
    where zero-width mark glyphs are designed to sit (pen position just past the base)."""
    result: list[int] = []
    pending_marks: list[int] = []
    for index in order:
        if levels[index] % 2 and unicodedata.combining(text[index]):
            pending_marks.append(index)
            continue
        result.append(index)
        if pending_marks:
            result.extend(reversed(pending_marks))
            pending_marks = []
    result.extend(pending_marks)
    return result


def _displayed_char(char: str, level: int) -> str:
    """L4: brackets and other mirrored characters face the other way at odd levels."""
    if not level % 2:
        return char
    return MIRRORED_CODE_POINTS.get(char) or MIRRORED.get(char, char)


def visual_text(text: str, direction: str = "auto") -> str:
    """A single line (no wrapping) in display order: for headers, footers and chart labels."""
    paragraph = BidiParagraph.from_text(text, direction)
    return paragraph.visual_line(0, len(paragraph.text))
