"""Arabic ordinals: "الأول", "الحادية عشرة", "التاسع والعشرين", "الـ29", "الدورة 29".

Owns reading an ordinal (edition numbers of forums and meetings, mostly), writing one in words
for display, and finding ordinals in running text so extraction knows those numbers are ranks,
not statistics. Reading tolerates missing hamza, ى/ي, ة/ه, harakat, tatweel, both cases of the
tens (العشرون/العشرين) and "الحادية عشر" for "الحادية عشرة".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.text.normalize import normalize_arabic, normalize_with_offsets, original_span


@dataclass(frozen=True)
class OrdinalMatch:
    """An ordinal found in text: ``text == source[start:end]``."""

    start: int
    end: int
    value: int
    text: str


_MASCULINE = ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر")
_FEMININE = (
    "الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة", "التاسعة", "العاشرة",
)
_TENS_NOMINATIVE = ("العشرون", "الثلاثون", "الأربعون", "الخمسون", "الستون", "السبعون", "الثمانون", "التسعون")
_TENS_GENITIVE = ("العشرين", "الثلاثين", "الأربعين", "الخمسين", "الستين", "السبعين", "الثمانين", "التسعين")
_HUNDREDTH = "المائة"


def _folded(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(normalize_arabic(word) for word in words)


# Folded word -> value. "Units" read alone or as the first part of 11-19 and 21-99.
_UNIT_WORDS = {word: index + 1 for index, word in enumerate(_folded(_MASCULINE))}
_UNIT_WORDS.update({word: index + 1 for index, word in enumerate(_folded(_FEMININE))})
_COMPOUND_ONE = {"الحادي": 1, "الحاديه": 1, "الواحد": 1, "الواحده": 1}
_TENS_WORDS = {word: (index + 2) * 10 for index, word in enumerate(_folded(_TENS_NOMINATIVE))}
_TENS_WORDS.update({word: (index + 2) * 10 for index, word in enumerate(_folded(_TENS_GENITIVE))})
_HUNDRED_WORDS = {"المائه": 100, "المئه": 100}
_TEEN_WORDS = frozenset({"عشر", "عشره"})
# Glued prefixes before the article: "والثالث", "بالدورة", "كالأول"; "لل" stands for ل + ال.
_PREFIXES = ("", "و", "ف", "ب", "ك", "وب", "فب")

# Words that can start an ordinal, with the article and any glued prefix ("والثالث", "للثاني").
_FIRST_WORD_STEMS = sorted(
    {word[2:] for word in (*_UNIT_WORDS, *_COMPOUND_ONE, *_TENS_WORDS, *_HUNDRED_WORDS)}, key=len, reverse=True
)
_CANDIDATE = re.compile(
    r"(?<![\u0621-\u064a])(?:[وفبك]{0,2}ال|لل)(?:" + "|".join(_FIRST_WORD_STEMS) + r")(?![\u0621-\u064a])"
)
_FOLLOWING_WORD = re.compile(r"[^\S\n]*([\u0621-\u064a]+)")
_DIGITS_ORDINAL = re.compile(r"(?<![\u0621-\u064a\d])[وبل]{0,2}ال[^\S\n]?\(?(\d{1,3})\)?(?!\d)")
# Digits that number an edition: "الدورة 29", "النسخة (12)", "دورته الـ29", "اللقاء رقم 29".
_EDITION_DIGITS = re.compile(
    r"(?<![\u0621-\u064a])[وبل]?(?:ال)?(?:دوره|نسخه|دورته|دورتها|نسخته|نسختها)"
    r"(?:[^\S\n]+رقم)?[^\S\n]*\(?(\d{1,3})\)?(?!\d)"
    r"|(?<![\u0621-\u064a])[وبل]?(?:ال)?[\u0621-\u064a]{3,}[^\S\n]+رقم[^\S\n]*\(?(\d{1,3})\)?(?!\d)"
)
# "في المائة" and "بالمائة" mean percent, not "the hundredth".
_PERCENT_CONTEXT = re.compile(r"(?:في[^\S\n]+|\d[^\S\n]*)$")
_BARE_DIGITS = re.compile(r"\(?(?:ال[^\S\n]?)?(\d{1,3})\)?")


def parse_ordinal(text: str) -> int | None:
    """The ordinal written in ``text`` ("التاسع والعشرين" → 29, "الـ ٢٩" → 29, "(29)" → 29), or None.

    The whole text is read first, with or without the article ("ثاني", "تاسع وعشرين");
    otherwise the first ordinal found in it ("الدورة الثالثة" → 3).
    """
    folded = normalize_arabic(text).strip(" .,،:؛-–")
    digits = _BARE_DIGITS.fullmatch(folded)
    if digits:
        value = int(digits.group(1))
        return value if value > 0 else None
    words = folded.split()
    whole = _read_words(words, 0, bare=True)
    if whole and whole[1] == len(words):
        return whole[0]
    found = find_ordinals(text)
    return found[0].value if found else None


def ordinal_words(number: int, feminine: bool = False, case: str = "nominative") -> str:
    """The ordinal 1..100 in words, for display: 29 → "التاسع والعشرون".

    The nominative is the citation form; ``case="genitive"`` gives the form the press mostly
    prints after a noun ("لقائه التاسع والعشرين"). 11-19 agree in gender in both parts
    ("الحادية عشرة"). Raises ValueError outside 1..100.
    """
    if not 1 <= number <= 100:
        raise ValueError(f"ordinal out of range 1..100: {number}")
    units = _FEMININE if feminine else _MASCULINE
    tens_words = _TENS_GENITIVE if case == "genitive" else _TENS_NOMINATIVE
    if number == 100:
        return _HUNDREDTH
    if number <= 10:
        return units[number - 1]
    tens, unit = divmod(number, 10)
    unit_word = ("الحادية" if feminine else "الحادي") if unit == 1 else units[unit - 1] if unit else ""
    if tens == 1:
        return f"{unit_word} {'عشرة' if feminine else 'عشر'}"
    if unit == 0:
        return tens_words[tens - 2]
    return f"{unit_word} و{tens_words[tens - 2]}"


def find_ordinals(text: str) -> list[OrdinalMatch]:
    """Every ordinal in running text (words with the article, "الـ29", "الدورة 29"), with spans."""
    folded, offsets = normalize_with_offsets(text)
    spans = _word_ordinals(folded) + _digit_ordinals(folded)
    spans.sort()
    results: list[OrdinalMatch] = []
    last_end = -1
    for start, end, value in spans:
        if start < last_end:
            continue
        original_start, original_end = original_span(offsets, start, end)
        results.append(OrdinalMatch(original_start, original_end, value, text[original_start:original_end]))
        last_end = end
    return results


def names_edition(name: str, edition: int | None, edition_label: str | None = None) -> bool:
    """Whether an event's name already says its edition ("اللقاء التاسع والعشرون", "الدورة 29")."""
    if edition is not None and any(match.value == edition for match in find_ordinals(name)):
        return True
    if edition_label:
        return normalize_arabic(edition_label).strip() in normalize_arabic(name)
    return False


def _digit_ordinals(folded: str) -> list[tuple[int, int, int]]:
    """"الـ29" spans the article and digits; "الدورة 29" spans the digits only."""
    spans = []
    for match in _DIGITS_ORDINAL.finditer(folded):
        start = match.start() + match.group().index("ا")
        spans.append((start, match.end(), int(match.group(1))))
    for match in _EDITION_DIGITS.finditer(folded):
        group = 1 if match.group(1) else 2
        spans.append((match.start(group), match.end(group), int(match.group(group))))
    return [span for span in spans if span[2] > 0]


def _word_ordinals(folded: str) -> list[tuple[int, int, int]]:
    spans = []
    position = 0
    for match in _CANDIDATE.finditer(folded):
        if match.start() < position:
            continue
        words = [match.group()]
        following = _FOLLOWING_WORD.match(folded, match.end())
        if following:
            words.append(following.group(1))
        read = _read_words(words, 0, bare=False)
        if read is None or (read[0] == 100 and _is_percent(match.group(), match.start(), folded)):
            continue
        value, used = read
        position = following.end(1) if used == 2 and following else match.end()
        spans.append((match.start() + _prefix_length(match.group()), position, value))
    return spans


def _is_percent(word: str, start: int, folded: str) -> bool:
    glued_prefix = word[: _prefix_length(word)]
    return "ب" in glued_prefix or _PERCENT_CONTEXT.search(folded, max(0, start - 8), start) is not None


def _prefix_length(word: str) -> int:
    stem = _strip_prefix(word)
    return len(word) - len(stem) if stem is not None else 0


def _strip_prefix(word: str) -> str | None:
    """The word without a glued conjunction/preposition, if it then starts with the article."""
    for prefix in _PREFIXES:
        if word.startswith(prefix + "ال"):
            return word[len(prefix):]
    if word.startswith("لل") and len(word) > 3:  # ل + ال: "للثاني"
        return "ال" + word[2:]
    return None


def _read_words(words: list[str], index: int, bare: bool) -> tuple[int, int] | None:
    """(value, number of words used) for an ordinal starting at ``words[index]``."""
    if index >= len(words):
        return None
    first = _with_article(words[index], bare, allow_prefix=True)
    if first is None:
        return None
    second = words[index + 1] if index + 1 < len(words) else None
    unit = _UNIT_WORDS.get(first) or _COMPOUND_ONE.get(first)
    if unit is not None and unit <= 9 and second is not None:
        if second in _TEEN_WORDS:
            return 10 + unit, 2
        if second.startswith("و"):
            tens = _TENS_WORDS.get(_with_article(second[1:], bare, allow_prefix=False) or "")
            if tens:
                return unit + tens, 2
    if first in _UNIT_WORDS:
        return _UNIT_WORDS[first], 1
    if not words[index].startswith(("ال", "لل")) and _strip_prefix(words[index]) is None:
        return None  # "عشرون" without the article is a cardinal
    value = _TENS_WORDS.get(first) or _HUNDRED_WORDS.get(first)
    return (value, 1) if value else None


def _with_article(word: str, bare: bool, allow_prefix: bool) -> str | None:
    """The word in its "ال" form when it may be an ordinal word, else None."""
    if word.startswith("ال"):
        return word
    if allow_prefix:
        stem = _strip_prefix(word)
        if stem is not None:
            return stem
    return "ال" + word if bare else None
