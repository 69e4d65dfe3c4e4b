"""What a figure counts: its subject, read around the figure as the press writes it.

The words after a figure often name only its unit ("7 ملايين وظيفة"، "من 27 دولة"); what the figure
counts is then written before it:
- a change up to the figure: "زيادة فرص العمل الصناعي إلى 7 ملايين وظيفة", "رفع مساهمة الصناعة في
  الناتج المحلي من 14% إلى 20%" (both ends of a "من ... إلى ..." pair share it). The words between the
  change word ("رفع"، "زيادة"، "ارتفع" ...) and "إلى"/"من" are the subject;
- a measure named right before it: "بلغ عدد العارضين 1 200 عارض" → "عدد العارضين".
Otherwise the subject read after the figure stands ("5% من الناتج المحلي" → "الناتج المحلي"; "237 متحدثا
من مختلف أنحاء العالم"), cut before a time or a new clause ("300 لاجئ منذ عام" → "لاجئ"; none when one opens
right after the figure, "618.3 ألفا خلال الفترة نفسها") and left empty when only the unit is left: the unit
alone is no subject ("27 دولة" has none; the officer writes one), and so is "أو" and what follows it ("إلى
ألف أو 10 آلاف"، "أو أكثر": another figure or a bound).
"""

from __future__ import annotations

from archive.importing import lexicon as lx
from archive.importing.tokens import Token, strip_prefix

_CHANGE_WORDS = frozenset(lx.key(word) for word in (
    "رفع", "زيادة", "خفض", "تخفيض", "تقليص", "مضاعفة", "ارتفاع", "انخفاض", "تراجع", "نمو", "وصول",
    "ارتفع", "ارتفعت", "يرتفع", "ترتفع", "انخفض", "انخفضت", "تراجعت", "زاد", "زادت", "رفعت",
    "وصل", "وصلت", "يصل", "تصل"))
_MEASURE_HEADS = frozenset(lx.key(word) for word in ("عدد", "نسبة", "حجم", "قيمة", "إجمالي", "معدل"))
# After "300 لاجئ", these open the sentence's time or another clause, not what is counted.
_AFTER_UNIT_STOPS = frozenset(lx.key(word) for word in (
    "منذ", "خلال", "حتى", "بعد", "قبل", "عند", "لدى", "يوميا", "سنويا", "شهريا", "أسبوعيا", "الذي", "التي",
    "الذين", "حيث", "تبحث", "يقدمها", "تشمل", "منها", "منهم", "بينها", "بينهم", "بحلول"))
# A subject never ends on a preposition or a conjunction ("حقيبة مدرسية في 12 مدرسة" → "حقيبة مدرسية").
_DANGLING = frozenset(lx.key(word) for word in (
    "في", "من", "و", "على", "إلى", "الى", "عن", "مع", "ب", "ل", "فقط", "أيضا"))
_REACHING = frozenset(lx.key(word) for word in (
    "بلغ", "بلغت", "يبلغ", "تبلغ", "بنسبة", "نحو", "تجاوز", "تجاوزت", "يتجاوز", "تتجاوز", "سجل", "سجلت"))
_TO = frozenset(lx.key(word) for word in ("إلى", "الى"))
_OR = frozenset(lx.key(word) for word in ("أو", "او"))
_FROM = lx.key("من")
_NUMBER_OF = lx.key("عدد")
_MOST_WORDS = 7  # a subject longer than this before a figure is a clause, not a name
_PAIR_REACH = 4  # tokens a "من N" figure may take before its "إلى M"


def figure_subject(text: str, tokens: list[Token], first: int, last: int,
                   after: str | None, unit: str | None) -> str | None:
    """The subject of the figure whose span is ``tokens[first:last + 1]``.

    ``after`` is the subject read after the figure and ``unit`` its unit as stored.
    """
    before = _changed_to(text, tokens, first, last) or _measure_before(text, tokens, first)
    if before is not None:
        return before
    if after is None:
        return None
    words = after.split()
    if lx.key(words[0]) in _OR:
        return None  # "إلى ألف أو 10 آلاف"، "أو أكثر": another figure or its bound follows, nothing counted
    for count, word in enumerate(words):
        if lx.key(word) in _AFTER_UNIT_STOPS or strip_prefix(lx.key(word)) in _AFTER_UNIT_STOPS:
            words = words[:count]  # "محلية فقط ومنها": a part of the count opens there
            break
    if not words:
        return None  # "618.3 ألفا خلال الفترة نفسها": a time or a clause follows, nothing counted
    while len(words) > 1 and lx.key(words[-1]) in _DANGLING:
        words.pop()
    if unit is None or lx.key(words[0]) != lx.key(unit):
        return " ".join(words)
    return " ".join(words) if len(words) > 1 else None  # the unit alone is no subject


def _changed_to(text: str, tokens: list[Token], first: int, last: int) -> str | None:
    """ "رفع X من N إلى M" and "زيادة X إلى M": X, for both figures."""
    before = first - 1
    if before < 0:
        return None
    if tokens[before].key in _TO:
        opening = _pair_opening(tokens, before)
        return _words_after_change(text, tokens, (opening if opening is not None else before) - 1)
    if tokens[before].key == _FROM and _pair_closes(tokens, last):
        return _words_after_change(text, tokens, before - 1)
    return None


def _pair_opening(tokens: list[Token], to: int) -> int | None:
    """The "من" of "من N إلى" when "إلى" at ``to`` closes such a pair."""
    for position in range(to - 1, max(-1, to - 1 - _PAIR_REACH), -1):
        token = tokens[position]
        if token.key == _FROM:
            return position if position + 1 < to and tokens[position + 1].is_number else None
        if token.text in "،,.؛;:" or token.newline_before:
            return None
    return None


def _pair_closes(tokens: list[Token], last: int) -> bool:
    for position in range(last + 1, min(len(tokens) - 1, last + 1 + _PAIR_REACH)):
        token = tokens[position]
        if token.key in _TO:
            return tokens[position + 1].is_number
        if token.text in "،,.؛;:" or token.newline_before:
            return False
    return False


def _words_after_change(text: str, tokens: list[Token], end: int) -> str | None:
    """The words from just after a change word up to ``tokens[end]``, or None without one."""
    position = end
    while position >= 0 and end - position < _MOST_WORDS:
        token = tokens[position]
        if not token.is_word:
            return None
        if token.key in _CHANGE_WORDS or strip_prefix(token.key, "وفلب") in _CHANGE_WORDS:
            return text[tokens[position + 1].start:tokens[end].end] if position < end else None
        if token.newline_before:
            return None
        position -= 1
    return None


def _measure_before(text: str, tokens: list[Token], first: int) -> str | None:
    """ "عدد العارضين 1 200", "نسبة انتشار الإنترنت بلغت 95%": a measure named right before the figure,
    with what it measures; the verb or preposition between them ("بلغت"، "ارتفع بنسبة"، "إلى") is left out."""
    end = first - 1
    while end >= 0 and first - 1 - end < 2 and tokens[end].is_word and _joins_measure(tokens[end].key):
        end -= 1
    position = end
    while position >= 0 and end - position < _MOST_WORDS:
        token = tokens[position]
        if not token.is_word or len(token.key) < 2 or _joins_measure(token.key):
            return None
        head = token.key in _MEASURE_HEADS or strip_prefix(token.key) in _MEASURE_HEADS
        # "عدد من الجلسات" is "a number of sessions", not a measure; "نسبة من يقرؤون" is one
        number_of = strip_prefix(token.key) == _NUMBER_OF and tokens[position + 1].key == _FROM
        if head and position < end and not number_of:
            skip = 0 if token.key in _MEASURE_HEADS else 1  # "وعدد": without its و
            return text[token.start + skip:tokens[end].end]
        if token.newline_before:
            return None
        position -= 1
    return None


def _joins_measure(word_key: str) -> bool:
    return word_key in _REACHING or word_key in _CHANGE_WORDS or word_key in _TO
