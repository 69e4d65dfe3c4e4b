"""Arabic normalization for matching and comparison (not for display)."""

from __future__ import annotations

import re
import unicodedata

_DIACRITICS = "".join(chr(c) for c in range(0x064B, 0x0653)) + "\u0670" + "".join(
    chr(c) for c in range(0x06D6, 0x06EE)
) + "\u0640"
_STRIP_TABLE = {ord(c): None for c in _DIACRITICS}
_DIGITS_TABLE = {0x0660 + i: ord("0") + i for i in range(10)}
_DIGITS_TABLE.update({0x06F0 + i: ord("0") + i for i in range(10)})
_DIGITS_TABLE.update({ord("٫"): ".", ord("٬"): ",", ord("٪"): "%"})
_LETTERS_TABLE = {ord("أ"): "ا", ord("إ"): "ا", ord("آ"): "ا", ord("ٱ"): "ا", ord("ى"): "ي", ord("ة"): "ه"}
_WHITESPACE = re.compile(r"\s+")


def strip_diacritics(text: str) -> str:
    return text.translate(_STRIP_TABLE)


def fold_digits(text: str) -> str:
    return text.translate(_DIGITS_TABLE)


def normalize_arabic(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_STRIP_TABLE).translate(_LETTERS_TABLE).translate(_DIGITS_TABLE)
    return _WHITESPACE.sub(" ", text).strip()
