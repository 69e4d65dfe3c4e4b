"""Words and patterns ``numbers`` reads, all in folded form (أ→ا, ى→ي, ة→ه, no harakat).

Kept apart from the parsing logic so the vocabulary can grow without touching the grammar.
Kinds: "unit" (1–9), "ten" (عشر/عشرة: 10, or the -teen part), "teen_head" (أحد/إحدى/اثنا:
only before عشر), "tens" (20–90), "hundreds" (100–900 in one word), "hundred_multiplier"
(مائة: 100, or ×100 after a unit), "scale" (ألف, مليون ...), "scale_dual" (ألفين = 2000),
"scale_plural" (آلاف: needs a count), "fraction" (نصف, ربع, ثلث: only with a scale).
"""

from __future__ import annotations

import json
import re
from importlib import resources

from archive.text.normalize import normalize_arabic

ARABIC_LETTER = "\u0621-\u064a"

_UNITS = {
    "واحد": 1, "واحده": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2,
    "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6,
    "سبع": 7, "سبعه": 7, "ثمان": 8, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9,
}
_TEEN_HEADS = {"احد": 1, "احدي": 1, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2}
_TENS = {
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
}
_HUNDRED_STEMS = {"ثلاث": 3, "اربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثمان": 8, "ثماني": 8, "تسع": 9}
_TWO_HUNDRED = ("مائتان", "مائتين", "مائتا", "مائتي", "مئتان", "مئتين", "مئتا", "مئتي")
_SCALES = {"الف": 1e3, "مليون": 1e6, "مليار": 1e9, "بليون": 1e9, "تريليون": 1e12, "ترليون": 1e12}
_SCALE_FORMS = {  # stem -> (accusative, duals, plurals)
    "الف": ("الفا", ("الفان", "الفين", "الفي"), ("الاف",)),
    "مليون": ("مليونا", ("مليونان", "مليونين", "مليوني"), ("ملايين",)),
    "مليار": ("مليارا", ("ملياران", "مليارين", "ملياري"), ("مليارات",)),
    "بليون": ("بليونا", ("بليونان", "بليونين", "بليوني"), ("بلايين",)),
    "تريليون": ("تريليونا", ("تريليونان", "تريليونين", "تريليوني"), ("تريليونات",)),
    "ترليون": ("ترليونا", ("ترليونين",), ("ترليونات",)),
}
_FRACTIONS = {"نصف": 0.5, "ربع": 0.25, "ثلث": 1 / 3, "ثلثي": 2 / 3, "ثلثا": 2 / 3}


def _number_words() -> dict[str, tuple[str, float]]:
    words: dict[str, tuple[str, float]] = {}
    words.update({word: ("unit", value) for word, value in _UNITS.items()})
    words.update({"عشر": ("ten", 10), "عشره": ("ten", 10)})
    words.update({word: ("teen_head", value) for word, value in _TEEN_HEADS.items()})
    words.update({word: ("tens", value) for word, value in _TENS.items()})
    words.update({"مائه": ("hundred_multiplier", 100), "مئه": ("hundred_multiplier", 100)})
    words.update(dict.fromkeys(_TWO_HUNDRED, ("hundreds", 200)))
    for stem, value in _HUNDRED_STEMS.items():
        words[stem + "مائه"] = ("hundreds", value * 100)
        words[stem + "مئه"] = ("hundreds", value * 100)
    for stem, scale in _SCALES.items():
        accusative, duals, plurals = _SCALE_FORMS[stem]
        words[stem] = words[accusative] = ("scale", scale)
        words.update(dict.fromkeys(duals, ("scale_dual", scale)))
        words.update(dict.fromkeys(plurals, ("scale_plural", scale)))
    words.update({word: ("fraction", value) for word, value in _FRACTIONS.items()})
    return words


NUMBER_WORDS = _number_words()
# "نصف المليون", "مليون ونصف المليون": a scale with the article, only after a fraction.
DEFINITE_SCALES = {"ال" + stem: ("scale", scale) for stem, scale in _SCALES.items() if stem != "الف"}
DEFINITE_SCALES["الالف"] = ("scale", 1e3)
SCALE_KINDS = frozenset({"scale", "scale_dual", "scale_plural"})
# Glued conjunctions and prepositions a number word may carry ("وعشرون", "بخمسة", "لثلاثة").
WORD_PREFIXES = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")
# Short words ("ست", "عشر") read as numbers only bare or after و: "لست" is "I am not".
SHORT_WORD_PREFIXES = ("", "و")


def _written_forms() -> dict[str, tuple[int, str, float, bool]]:
    """Every number word as it may be written with a glued prefix:
    written form -> (prefix length, kind, value, definite)."""
    forms: dict[str, tuple[int, str, float, bool]] = {}
    for prefix in reversed(WORD_PREFIXES):  # the shortest prefix wins when forms collide
        for stem, (kind, value) in [*NUMBER_WORDS.items(), *DEFINITE_SCALES.items()]:
            if len(stem) <= 3 and prefix not in SHORT_WORD_PREFIXES:
                continue
            forms[prefix + stem] = (len(prefix), kind, value, stem in DEFINITE_SCALES)
    return forms


WRITTEN_FORMS = _written_forms()

_GAP = r"[^\S\n]*"
_SPACE = r"[^\S\n]+"
_WORD_END = rf"(?![{ARABIC_LETTER}])"

PERCENT_AFTER = re.compile(rf"{_GAP}(?:%|(?:في{_SPACE}|ب)ال(?:مائه|مئه|ميه){_WORD_END})")
PERCENT_BEFORE = re.compile(rf"%{_GAP}$")
PARTITIVE = re.compile(rf"{_SPACE}من{_SPACE}(?P<noun>[{ARABIC_LETTER}]{{2,}})")
COUNTED_NOUN = re.compile(rf"{_GAP}\)?{_GAP}(?P<noun>[{ARABIC_LETTER}]{{2,}})")

# A state's adjective after a currency noun -> its code ("دينار أردني"، "جنيه سوداني"), from the table the
# extraction reads too (``currencies.json``, beside this module), in the folded form the patterns match.
_NATIONS: dict[str, str] = {normalize_arabic(state["adjective"]): str(state["code"]) for state in json.loads(
    resources.files("archive.text").joinpath("currencies.json").read_text(encoding="utf-8"))["states"]}
_NATION_PATTERN = "|".join(sorted(_NATIONS, key=len, reverse=True))
_CURRENCY_WORDS = {
    "دولار": "USD", "ريال": None, "درهم": "AED", "دينار": None, "جنيه": "EGP", "يورو": "EUR",
    "دراهم": "AED", "دنانير": None,
}
CURRENCY_AFTER = re.compile(
    rf"{_GAP}(?:(?P<symbol>\$|€|£)|(?P<omr>ر\.{_GAP}ع\.?)|(?P<sar>ر\.{_GAP}س\.?)"
    rf"|(?:ال)?(?P<word>دولار|ريال|درهم|دراهم|دينار|دنانير|جنيه|يورو)(?:ات|ان|ين|ا)?{_WORD_END}"
    rf"(?:{_SPACE}(?:ال)?(?P<nation>{_NATION_PATTERN})(?:ه|ا|ين)?{_WORD_END})?)"
)
CURRENCY_BEFORE = re.compile(rf"(?:US)?(?P<symbol>\$|€|£){_GAP}$")
_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP"}


def currency_code(match: re.Match[str]) -> str | None:
    """ISO code for a ``CURRENCY_AFTER``/``CURRENCY_BEFORE`` match; None for "ريال"/"دينار" alone."""
    if match.group("symbol"):
        return _SYMBOLS[match.group("symbol")]
    if match.re is CURRENCY_BEFORE:
        return None
    if match.group("omr"):
        return "OMR"
    if match.group("sar"):
        return "SAR"
    nation = match.group("nation")
    if nation:
        return _NATIONS[nation]
    return _CURRENCY_WORDS[match.group("word")]


_MORE_THAN = (
    "اكثر من", "ازيد من", "ما يزيد عن", "ما يزيد علي", "يزيد عن", "يزيد علي", "تزيد عن", "تزيد علي",
    "يتجاوز", "تتجاوز", "تجاوز", "تجاوزت", "تخطي", "تخطت", "يتخطي", "ما يفوق", "يفوق", "تفوق",
    "فاق", "فاقت", "ما يربو علي", "يربو علي", "اعلي من",
)
_ABOUT = (
    "نحو", "حوالي", "ما يقارب", "يقارب", "تقارب", "ما يقرب من", "يقرب من", "قرابه", "زهاء",
    "ما يناهز", "يناهز", "تناهز", "تقريبا", "في حدود", "ما يعادل",
)
_LESS_THAN = (
    "اقل من", "ما يقل عن", "يقل عن", "تقل عن", "لا يتجاوز", "لا تتجاوز", "لا يزيد عن",
    "لا يزيد علي", "ما دون",
)


def _alternation(phrases: tuple[str, ...]) -> str:
    return "|".join(re.escape(phrase).replace(r"\ ", _SPACE) for phrase in sorted(phrases, key=len, reverse=True))


APPROXIMATION_BEFORE = re.compile(
    rf"(?<![{ARABIC_LETTER}])[وف]?(?P<phrase>(?:[بل]|بما|لما)?"
    rf"(?:(?P<less_than>{_alternation(_LESS_THAN)})|(?P<more_than>{_alternation(_MORE_THAN)})"
    rf"|(?P<about>{_alternation(_ABOUT)})))"
    rf"{_GAP}\(?{_GAP}$"
)
APPROXIMATION_AFTER = re.compile(rf"{_SPACE}تقريبا{_WORD_END}")

# Words that follow a number without being what it counts.
NOT_COUNTED_NOUNS = frozenset(
    """
    في من الي علي عن مع خلال منذ حتي بين عبر لدي ضمن حول نحو قبل بعد عند او ام ثم ما لا لم لن قد
    ان انه انها هذا هذه ذلك تلك التي الذي الذين هو هي هم كان كانت تقريبا فقط فيما بينما حيث اذ كما
    وذلك وقد وهو وهي وفي ومن وعلي والتي والذي وان وكان وكانت وهذا وهذه ولكن لكن بل اي كل بعض غير
    سوي مقابل مقارنه
    يناير فبراير مارس ابريل مايو يونيو يونيه يوليو يوليه اغسطس سبتمبر اكتوبر نوفمبر ديسمبر
    كانون شباط اذار نيسان ايار حزيران تموز اب ايلول تشرين
    """.split()  # noqa: SIM905 (a word list reads best as text)
)
