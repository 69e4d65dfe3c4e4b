"""How much a figure says: the approximation before it, its scale and its unit.

The press writes an approximation before the number ("أكثر من"، "نحو"، "حوالي"، "ما يقارب"، "تجاوزت")
or after it ("3500 تقريبا"), a scale after it ("مليون"، "مليار"), then a unit: a percent (%, ٪ also
typed before the number, "في المائة"), a currency ("دولار"، "ريال عماني"، "ر.ع"; which state's a bare
"دينار" is, ``figure_currencies`` says), or square or cubic metres ("م2"، "م3": the digit glued to the unit is
its power, not a number). A million or more written with its scale word is an amount even with nothing
counted ("بمليون ونصف"), and so are digits with any scale word ("618.3 ألفا"). Digits set apart in quotation
marks («5» مليارات جنيه، " 1500 " من الشباب) read on through the closing mark (``in_marks``).
"""

from __future__ import annotations

import re

from archive.importing import figure_currencies
from archive.importing import lexicon as lx
from archive.importing.tokens import Token
from archive.text.numbers import ENCLOSING_MARKS


def _keys(words: str) -> frozenset[str]:
    return frozenset(lx.key(word) for word in words.split())


SCALES = {lx.key(word): value for word, value in (
    ("ألف", 1e3), ("آلاف", 1e3), ("الف", 1e3), ("ألفا", 1e3), ("مليون", 1e6), ("ملايين", 1e6), ("مليونا", 1e6),
    ("مليار", 1e9), ("مليارات", 1e9), ("بليون", 1e9), ("تريليون", 1e12), ("ترليون", 1e12))}
# A currency's noun in any of its forms -> the code it is read as alone, and a state's adjective after it -> that
# state's code ("دينار أردني"); a bare noun several states share is settled by ``figure_currencies``.
CURRENCIES = figure_currencies.CURRENCIES
CURRENCY_COUNTRIES = figure_currencies.ADJECTIVES
# A scale word with the article is a figure of its own ("حاجز المليار دولار", "عتبة المليون مشاهدة").
DEFINITE_SCALES = {lx.key(word): value for word, value in (
    ("الألف", 1e3), ("المليون", 1e6), ("المليار", 1e9), ("التريليون", 1e12))}
# Words of a threshold before it: with one, the scale word is a figure even with nothing counted after it.
THRESHOLD_WORDS = _keys("حاجز عتبة سقف حاجزا")
_LARGE_SCALES = {**SCALES, **{lx.key(word): value for word, value in (
    ("مليونان", 1e6), ("مليونين", 1e6), ("ملياران", 1e9), ("مليارين", 1e9), ("مليوني", 1e6), ("ملياري", 1e9))}}
PERCENT_WORDS = _keys("المائة المئة بالمائة بالمئة بالمية")
APPROXIMATIONS = (  # (words before the number, kind); longest first
    ("ما لا يقل عن", "more_than"), ("ما يزيد على", "more_than"), ("ما يزيد عن", "more_than"),
    ("ما يقارب", "about"), ("ما يقرب من", "about"), ("أكثر من", "more_than"), ("أزيد من", "more_than"),
    ("أقل من", "less_than"), ("ما دون", "less_than"), ("نحو", "about"), ("حوالي", "about"), ("حوالى", "about"),
    ("قرابة", "about"), ("زهاء", "about"), ("يقارب", "about"), ("تقارب", "about"), ("تقريبا", "about"),
    ("تجاوزت", "more_than"), ("تجاوز", "more_than"), ("يتجاوز", "more_than"), ("تتجاوز", "more_than"),
    ("يفوق", "more_than"), ("تفوق", "more_than"), ("فاق", "more_than"), ("فاقت", "more_than"),
    ("ما يفوق", "more_than"), ("أكثر", "more_than"), ("ما يربو على", "more_than"), ("ما يربو عن", "more_than"),
    ("يربو على", "more_than"), ("ما ينيف على", "more_than"), ("ما يناهز", "about"), ("يناهز", "about"),
    ("تناهز", "about"), ("ناهز", "about"), ("تخطى", "more_than"), ("تخطت", "more_than"), ("يتخطى", "more_than"),
    ("تتخطى", "more_than"), ("تعدى", "more_than"), ("تعدت", "more_than"), ("يتعدى", "more_than"),
    ("تتعدى", "more_than"))
# Longest first, so that "ما يفوق" is read before "يفوق".
_APPROXIMATION_KEYS = sorted(
    ((tuple(lx.key(word) for word in phrase.split()), kind) for phrase, kind in APPROXIMATIONS),
    key=lambda approximation: -len(approximation[0]))
# One dot before exactly three digits: thousands when people or things are counted ("45.000 زائر"); numbers.py
# reads it as a decimal point, as "1.500 مليون" and an amount in dinars and fils ("1.500 دينار") need.
THOUSANDS_DOT = re.compile(r"\d{1,3}\.\d{3}")
# Square and cubic metres and kilometres, the power glued to the unit ("5000 م2"، "16 مليون م3"، "750 م²").
_METRES = _keys("م كم")
_POWERS = frozenset("23")
ABOUT_AFTER = _keys("تقريبا تقريباً")  # "3500 تقريبا"
_NEGATIONS = _keys("لا لم لن")


def unit(tokens: list[Token], position: int) -> tuple[str | None, int]:
    """The unit at ``tokens[position]`` (a percent or a currency code) and the position after it."""
    if position >= len(tokens):
        return None, position
    token = tokens[position]
    if token.text in "%٪":
        return "percent", position + 1
    if token.key in (lx.key("في"),) and position + 1 < len(tokens) and tokens[position + 1].key in PERCENT_WORDS:
        return "percent", position + 2
    if token.key in PERCENT_WORDS:
        return "percent", position + 1
    if token.key in figure_currencies.NOUN_FORMS:
        if position + 1 < len(tokens) and tokens[position + 1].key in CURRENCY_COUNTRIES:
            return CURRENCY_COUNTRIES[tokens[position + 1].key], position + 2  # "ليرة سورية", "دينار أردني"
        if token.key in CURRENCIES:
            return CURRENCIES[token.key], position + 1
    if token.key in (lx.key("ر"),) and position + 2 < len(tokens) and tokens[position + 1].text == ".":
        return "OMR", position + 3  # "ر.ع"
    if token.key in _METRES and position + 1 < len(tokens) and tokens[position + 1].key in _POWERS \
            and tokens[position + 1].start == token.end:
        return token.text + tokens[position + 1].key, position + 2  # "م2", "م³", "كم2": the digit is the power
    return None, position


def approximation(tokens: list[Token], index: int) -> tuple[str | None, int]:
    """The approximation ending at ``tokens[index]`` and the index of its first word (``index + 1`` without)."""
    for words, kind in _APPROXIMATION_KEYS:
        begin = index - len(words) + 1
        if begin < 0:
            continue
        keys = [tokens[begin + offset].key for offset in range(len(words))]
        keys[0] = _strip_particle(keys[0], words[0])
        if tuple(keys) == words:
            if kind == "more_than" and begin > 0 and tokens[begin - 1].key in _NEGATIONS:
                return "less_than", begin - 1  # "لا تتعدى 13 حقيبة", "لا يتجاوز 10": at most
            return kind, begin
    return None, index + 1


def _strip_particle(word_key: str, expected: str) -> str:
    # "لأكثر من", "وحوالي", "بنحو": a clinging preposition or conjunction stays in the span.
    if word_key != expected and len(word_key) > 1 and word_key[0] in "لبوف" and word_key[1:] == expected:
        return expected
    return word_key


def percent_sign_before(tokens: list[Token], first: int) -> bool:
    """ "%12", "٪45": the percent sign typed before the number, against it (right-to-left typing)."""
    if first == 0:
        return False
    mark = tokens[first - 1]
    return mark.text in ("%", "٪") and mark.end == tokens[first].start


def written_with_large_scale(number_text: str) -> bool:
    """ "مليون ونصف", "ثلاثة ملايين", "400 مليار": a million or more written with its scale word is an
    amount even when nothing counted follows ("دعم المستشفى بمليون ونصف")."""
    return any(_LARGE_SCALES.get(lx.key(word), 0) >= 1e6 for word in number_text.split())


def written_with_scale(number_text: str) -> bool:
    """ "618.3 ألفا", "12 ألف", "(15) مليون": digits with a scale word, or a million or more in words, are an
    amount even when nothing counted follows ("مقارنة مع 618.3 ألفا خلال الفترة نفسها"); a thousand in words
    alone ("عن ثلاثة آلاف،") is not, for "ألف" opens idioms as often as counts."""
    if not any(char.isdigit() for char in number_text):
        return written_with_large_scale(number_text)
    return any(lx.key(word) in _LARGE_SCALES for word in number_text.split())


def in_marks(tokens: list[Token], first: int, last: int) -> bool:
    """ "«5» مليارات"، '" 1500 " من الشباب': the number ``tokens[first:last + 1]`` stands alone between a
    quotation mark and the mark closing it, so its scale, unit and counted noun follow the closing mark."""
    if first == 0 or last + 1 >= len(tokens):
        return False
    closers = ENCLOSING_MARKS.get(tokens[first - 1].text)
    return closers is not None and tokens[last + 1].text in closers
