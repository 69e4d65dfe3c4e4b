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
from functools import cache, lru_cache
from typing import Any

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

# The pure-Python algorithm knows embeddings (LRE, RLE, PDF) but not isolates: an isolate is
# read as the matching embedding, which orders a date or a name the same way in practice.
_ISOLATES_AS_EMBEDDINGS = str.maketrans(
    {"\u2066": "\u202a", "\u2067": "\u202b", "\u2068": "\u202a", "\u2069": "\u202c"})
# Bidi classes dropped by rule X9: they steer the levels but are never drawn.
_REMOVED_BIDI_CLASSES = frozenset({"BN", "LRE", "RLE", "LRO", "RLO", "PDF"})
# Zero-width direction marks: they take part in the algorithm, then are not drawn either.
_INVISIBLE_MARKS = frozenset("\u200e\u200f\u061c")
_OPENING_BRACKETS = {"(": ")", "[": "]", "{": "}"}
_CLOSING_BRACKETS = frozenset(_OPENING_BRACKETS.values())
LTR_ISOLATE_START, RTL_ISOLATE_START, ISOLATE_END = "\u2066", "\u2067", "\u2069"
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


def clean_text(text: str) -> str:
    """Tabs and no-break spaces to spaces, isolates as embeddings, runs of spaces collapsed."""
    text = text.replace("\t", " ").replace("\u00a0", " ").translate(_ISOLATES_AS_EMBEDDINGS)
    return " ".join(part for part in text.split(" ") if part) if "  " in text else text.strip(" ")


def ltr_isolated(text: str) -> str:
    """``text`` wrapped so that it keeps left-to-right order inside Arabic (an ISO date, a code)."""
    return f"{LTR_ISOLATE_START}{text}{ISOLATE_END}"


def isolated_in(text: str, direction: str) -> str:
    """``text`` kept in the order of its own first strong letter when it sits in a paragraph of
    ``direction`` ("rtl"/"ltr") of the other direction (an Arabic hashtag on an English cover,
    whose '#' would otherwise stand after the word); unchanged when the directions agree."""
    if not any(unicodedata.bidirectional(char) in ("L", "R", "AL") for char in text):
        return text  # numbers and signs alone follow the paragraph
    if text[0] in (LTR_ISOLATE_START, RTL_ISOLATE_START):
        return text  # its parts already say their own direction (hashtags of both scripts)
    own_level = base_level_of(text, "auto")
    if own_level == base_level_of("", direction):
        return text
    return f"{RTL_ISOLATE_START if own_level else LTR_ISOLATE_START}{text}{ISOLATE_END}"


def own_direction_isolated(text: str) -> str:
    """``text`` isolated in the direction of its own first strong letter, whatever surrounds it:
    '#MediaOman' keeps its '#' on the left in Arabic, '#منتدى' on the right in English."""
    if not text or not any(unicodedata.bidirectional(char) in ("L", "R", "AL") for char in text):
        return text
    return f"{RTL_ISOLATE_START if base_level_of(text, 'auto') else LTR_ISOLATE_START}{text}{ISOLATE_END}"


def shape_text(text: str) -> str:
    """Contextual letter forms for the Arabic in ``text`` (logical order kept)."""
    if not any("\u0600" <= char <= "\u06ff" or "\u0750" <= char <= "\u077f" for char in text):
        return text
    # Letters join only inside a word, so words are shaped one by one, and remembered: briefs
    # repeat names, titles and common words, and shaping is the engine's costliest step.
    return " ".join(_shape_word(word) for word in text.split(" "))


@lru_cache(maxsize=50_000)
def _shape_word(word: str) -> str:
    return str(_reshaper().reshape(word))


def base_level_of(text: str, direction: str) -> int:
    """Paragraph level: 1 for "rtl", 0 for "ltr", and by the first strong letter for "auto"."""
    if direction == "rtl":
        return 1
    if direction == "ltr":
        return 0
    return int(bidi_algorithm.get_base_level(text))


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
        return _prepared_paragraph(text, direction)

    @property
    def is_rtl(self) -> bool:
        return self.base_level == 1

    def visual_line(self, start: int, end: int) -> str:
        """The characters ``text[start:end]`` of one line, in display order (left to right)."""
        order = _reorder(self.text, self.levels, start, end, self.base_level)
        return "".join(_displayed_char(self.text[index], self.levels[index]) for index in order)


@lru_cache(maxsize=4096)
def _prepared_paragraph(text: str, direction: str) -> BidiParagraph:
    # Cached: attribution lines, names and headings repeat through a brief; the result is frozen.
    shaped = shape_text(clean_text(text))
    base_level = base_level_of(shaped, direction)
    drawn, levels = _resolve_levels(shaped, base_level)
    return BidiParagraph(drawn, levels, base_level)


def _resolve_levels(text: str, base_level: int) -> tuple[str, tuple[int, ...]]:
    """Rules P and X to I of the bidi algorithm over the whole paragraph; returns the characters
    to draw (controls and direction marks gone) with their levels."""
    if base_level == 0 and not _needs_resolving(text):
        return text, (0,) * len(text)  # plain left-to-right text: nothing to resolve (and much faster)
    storage = bidi_algorithm.get_empty_storage()
    storage["base_level"] = base_level
    storage["base_dir"] = ("L", "R")[base_level]
    bidi_algorithm.get_embedding_levels(text, storage)
    bidi_algorithm.explicit_embed_and_overrides(storage)  # X9 drops controls from storage["chars"]
    bidi_algorithm.resolve_weak_types(storage, False)
    _resolve_paired_brackets(storage)
    bidi_algorithm.resolve_neutral_types(storage, False)
    bidi_algorithm.resolve_implicit_levels(storage, False)
    kept = [char for char in storage["chars"] if char["ch"] not in _INVISIBLE_MARKS]
    return "".join(char["ch"] for char in kept), tuple(char["level"] for char in kept)


def _resolve_paired_brackets(storage: dict[str, Any]) -> None:
    """Rule N0 (UAX #9 since 6.3), which ``bidi.algorithm`` lacks: a bracket pair takes the
    direction of the strong text inside it, so "قال (Meta) 3.9" keeps its brackets round Meta."""
    chars = storage["chars"]
    for run in storage["runs"]:
        run_chars = chars[run["start"]:run["start"] + run["length"]]
        for opening, closing in _bracket_pairs(run_chars):
            direction = _bracket_pair_direction(run_chars, opening, closing, run["sor"])
            if direction is not None:
                run_chars[opening]["type"] = run_chars[closing]["type"] = direction


def _bracket_pairs(run_chars: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """BD16: matching bracket pairs of a level run, sorted by opening position."""
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for position, char in enumerate(run_chars):
        if char["type"] != "ON":
            continue
        if char["ch"] in _OPENING_BRACKETS:
            if len(stack) == 63:
                break
            stack.append((_OPENING_BRACKETS[char["ch"]], position))
        elif char["ch"] in _CLOSING_BRACKETS:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == char["ch"]:
                    pairs.append((stack[depth][1], position))
                    del stack[depth:]
                    break
    return sorted(pairs)


def _bracket_pair_direction(run_chars: list[dict[str, Any]], opening: int, closing: int, sor: str) -> str | None:
    embedding = ("L", "R")[run_chars[opening]["level"] % 2]
    inside = {_strong_direction(char["type"]) for char in run_chars[opening + 1:closing]} - {None}
    if embedding in inside:
        return embedding
    if not inside:
        return None
    # Only opposite-direction text inside: the brackets follow the text before them (or sor).
    return next((_strong_direction(char["type"]) for char in reversed(run_chars[:opening])
                 if _strong_direction(char["type"])), sor)


def _strong_direction(bidi_type: str) -> str | None:
    # Numbers count as right-to-left strong text for N0 and N1.
    return "L" if bidi_type == "L" else "R" if bidi_type in ("R", "EN", "AN") else None


def _needs_resolving(text: str) -> bool:
    for char in text:
        bidi_class = unicodedata.bidirectional(char)
        if bidi_class in _STRONG_RTL or bidi_class in _REMOVED_BIDI_CLASSES or char in _INVISIBLE_MARKS:
            return True
    return False


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


def clear_caches() -> None:
    """Forget shaped words and prepared paragraphs (for cold-start measurements)."""
    _shape_word.cache_clear()
    _prepared_paragraph.cache_clear()
