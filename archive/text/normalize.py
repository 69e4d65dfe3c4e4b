"""Arabic normalization for matching and comparison (never for display).

Owns the character-level folding every other text utility and the search analyzers build on:
diacritics and tatweel removal, digit folding, and the Lucene-style letter folding
(أ إ آ ٱ → ا, ى → ي, ة → ه; ؤ ئ ء are left alone). Three flavours:

- ``normalize_arabic``: the comparison form (NFKC, folded, whitespace collapsed).
- ``normalize_keeping_length``: the same letters folded one character for one character, so
  an offset in the result is the same offset in the input. Marks (harakat, tatweel) are KEPT
  unchanged in this form, because removing them would shift offsets.
- ``normalize_with_offsets``: marks removed too, with a table mapping every character of the
  result back to the input. Use this to run regular expressions over clean text and report
  spans in the original (extraction, highlighting).
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Mapping, Sequence
from itertools import repeat
from types import MappingProxyType

# Harakat (fathatan .. sukun), superscript alef, Quranic annotation marks, tatweel.
_DIACRITICS = (
    "".join(chr(code) for code in range(0x064B, 0x0653))
    + "\u0670"
    + "".join(chr(code) for code in range(0x06D6, 0x06EE))
    + "\u0640"
)
# Other combining marks (maddah/hamza above or below when left uncomposed, small marks)
# and invisible format characters that copy-pasted press text carries (ZWNJ, RLM, BOM ...).
_EXTRA_MARKS = "".join(chr(code) for code in [*range(0x0653, 0x0660), *range(0x0610, 0x061B)])
_FORMAT_CHARS = (
    "\u00ad\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"
)
_REMOVABLE = _DIACRITICS + _EXTRA_MARKS + _FORMAT_CHARS

_STRIP_DIACRITICS_TABLE = {ord(char): None for char in _DIACRITICS}

_DIGIT_TABLE: dict[int, str] = {0x0660 + i: str(i) for i in range(10)}
_DIGIT_TABLE.update({0x06F0 + i: str(i) for i in range(10)})
_DIGIT_TABLE.update({ord("٫"): ".", ord("٬"): ",", ord("٪"): "%"})

_LETTER_TABLE: dict[int, str] = {
    ord("أ"): "ا", ord("إ"): "ا", ord("آ"): "ا", ord("ٱ"): "ا",
    ord("ى"): "ي", ord("ة"): "ه",
    # Persian and Urdu keyboard letters that appear in Arabic text typed on those layouts (Iraqi and
    # Gulf outlets): yeh, keheh, swash kaf, the three hehs (ھ doachashmee, ہ goal, ە ae) and heh with yeh
    # or hamza (ۀ ۂ), teh marbuta goal (ۃ).
    ord("ی"): "ي", ord("ک"): "ك", ord("ڪ"): "ك", ord("ھ"): "ه", ord("ہ"): "ه", ord("ە"): "ه",
    ord("ۀ"): "ه", ord("ۂ"): "ه", ord("ۃ"): "ه",
}


def _presentation_form_table() -> dict[int, str]:
    """Arabic presentation forms (and other compatibility letters) folded to one base letter."""
    table: dict[int, str] = {}
    for code in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFF00)):
        folded = unicodedata.normalize("NFKC", chr(code))
        if len(folded) == 1 and folded != chr(code):
            table[code] = _LETTER_TABLE.get(ord(folded), folded)
    return table


# One character in, one character out: safe for offsets.
_ONE_TO_ONE_TABLE: dict[int, str] = {**_presentation_form_table(), **_DIGIT_TABLE, **_LETTER_TABLE}
# The comparison form: NFKC first, then fold and drop marks in one pass.
_NORMALIZE_TABLE: dict[int, str | None] = {
    **_DIGIT_TABLE, **_LETTER_TABLE, **{ord(char): None for char in _REMOVABLE}
}
_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
# The comparison form's one table, for the search analyzer (``search.analysis``): letters and digits folded,
# marks and invisible characters removed, applied after NFKC. Search and extraction must fold alike.
COMPARISON_FOLDS: Mapping[int, str | None] = MappingProxyType(_NORMALIZE_TABLE)


def _pairs(table: Mapping[int, str | None]) -> tuple[tuple[str, str], ...]:
    return tuple((chr(code), replacement or "") for code, replacement in table.items())


# str.replace for the few characters present beats str.translate's per-character lookups
# roughly tenfold on Arabic text, which matters when thousands of articles are imported.
_STRIP_DIACRITICS_PAIRS = _pairs(_STRIP_DIACRITICS_TABLE)
_DIGIT_PAIRS = _pairs(_DIGIT_TABLE)
_NORMALIZE_PAIRS = _pairs(_NORMALIZE_TABLE)
_LETTER_AND_DIGIT_PAIRS = _pairs({**_DIGIT_TABLE, **_LETTER_TABLE})
# Characters that do not map one to one: marks to remove and ligatures that expand (ﻻ → لا).
_IRREGULAR = re.compile(
    "[" + re.escape(_REMOVABLE) + "]|[\ufb50-\ufdff\ufe70-\ufeff]"
)


def _replace_all(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    for char, replacement in pairs:
        if char in text:
            text = text.replace(char, replacement)
    return text


def strip_diacritics(text: str) -> str:
    """Remove harakat (U+064B–U+0652), superscript alef, Quranic marks (U+06D6–U+06ED) and tatweel."""
    return _replace_all(text, _STRIP_DIACRITICS_PAIRS)


_STRIP_MARKS_PAIRS = _pairs({ord(char): None for char in _REMOVABLE})


def strip_marks(text: str) -> str:
    """The letters as printed (hamza forms, ى and ة kept): harakat, tatweel, other combining marks and
    invisible format characters (ZWNJ, directional marks, BOM) removed. For rules that read the spelling
    itself ("إلى" is not "والي", "علي" is not "على") and must not care how the word was typed."""
    return _replace_all(text, _STRIP_MARKS_PAIRS)


def fold_digits(text: str) -> str:
    """Arabic-Indic and Eastern Arabic-Indic digits to ASCII; ٫ → '.', ٬ → ',', ٪ → '%'. Same length."""
    return _replace_all(text, _DIGIT_PAIRS)


def normalize_arabic(text: str) -> str:
    """The comparison form: NFKC, marks removed, letters and digits folded, whitespace collapsed.

    Also drops invisible format characters (ZWNJ, directional marks, word joiner, BOM) and folds the
    Persian and Urdu letters (ی ک ڪ ھ ہ ە ۀ ۂ ۃ) to ي ك ه. Latin text is left as is (no case folding).
    """
    return " ".join(_replace_all(unicodedata.normalize("NFKC", text), _NORMALIZE_PAIRS).split())


def normalize_keeping_length(text: str) -> str:
    """Fold letters, digits and presentation forms one for one; ``len(result) == len(text)``.

    Harakat, tatweel, format characters and presentation ligatures that expand to several
    letters (such as ﻻ) are kept unchanged, so every offset maps to itself. Whitespace is kept.
    """
    return _fold_one_to_one(text)


def _fold_one_to_one(text: str) -> str:
    if _PRESENTATION_FORMS.search(text):
        return text.translate(_ONE_TO_ONE_TABLE)
    return _replace_all(text, _LETTER_AND_DIGIT_PAIRS)


def normalize_with_offsets(text: str) -> tuple[str, Sequence[int]]:
    """Fold like ``normalize_keeping_length`` and also drop marks, remembering where each char came from.

    Returns ``(folded, offsets)`` (a sequence of ints) where ``offsets[i]`` is the index in ``text`` of ``folded[i]``
    and ``offsets[len(folded)] == len(text)``; map a span of ``folded`` back with
    ``original_span``. Whitespace is not collapsed, so line breaks survive for callers that care about them.
    """
    if not _IRREGULAR.search(text):
        return _replace_all(text, _LETTER_AND_DIGIT_PAIRS), range(len(text) + 1)
    pieces: list[str] = []
    offsets = array("q")  # 8 bytes a character: a list of ints took ~36, and 20 MB articles are accepted
    position = 0
    for match in _IRREGULAR.finditer(text):
        start = match.start()
        if start > position:
            pieces.append(_replace_all(text[position:start], _LETTER_AND_DIGIT_PAIRS))
            offsets.extend(range(position, start))
        replacement = _irregular_replacement(match.group())
        pieces.append(replacement)
        offsets.extend(repeat(start, len(replacement)))
        position = match.end()
    pieces.append(_replace_all(text[position:], _LETTER_AND_DIGIT_PAIRS))
    offsets.extend(range(position, len(text) + 1))
    return "".join(pieces), offsets


def original_span(offsets: Sequence[int], start: int, end: int) -> tuple[int, int]:
    """Map a span of a ``normalize_with_offsets`` result back to the original text.

    Marks removed right after the span (a final haraka, tatweel) belong to its last word and
    are included.
    """
    if end <= start:
        return offsets[start], offsets[start]
    return offsets[start], max(offsets[end - 1] + 1, offsets[end])


def _irregular_replacement(char: str) -> str:
    if char in _REMOVABLE:
        return ""
    # Isolated harakat forms (U+FE70..) fold to a space plus a mark: nothing is left of them.
    return unicodedata.normalize("NFKC", char).translate(_NORMALIZE_TABLE).strip()
