"""What a figure counts: its subject, read around the figure as the press writes it.

The words after a figure often name only its unit ("7 ملايين وظيفة"، "من 27 دولة"); what the figure
counts is then written before it:
- a change up to the figure: "زيادة فرص العمل الصناعي إلى 7 ملايين وظيفة", "رفع مساهمة الصناعة في
  الناتج المحلي من 14% إلى 20%" (both ends of a "من ... إلى ..." pair share it). The words between the
  change word ("رفع"، "زيادة"، "ارتفع" ...) and "إلى"/"من" are the subject;
- a measure named right before it: "بلغ عدد العارضين 1 200 عارض" → "عدد العارضين".
Otherwise the subject read after the figure stands ("5% من الناتج المحلي" → "الناتج المحلي"), except
when it begins with the unit itself: the unit alone is no subject, so it is left empty rather than
repeated ("27 دولة" has no subject; the officer writes one if it matters).
"""

from __future__ import annotations

from archive.importing import lexicon as lx
from archive.importing.tokens import Token, strip_prefix

_CHANGE_WORDS = frozenset(lx.key(word) for word in (
    "رفع", "زيادة", "خفض", "تخفيض", "تقليص", "مضاعفة", "ارتفاع", "انخفاض", "تراجع", "نمو", "وصول",
    "ارتفع", "ارتفعت", "يرتفع", "ترتفع", "انخفض", "انخفضت", "تراجعت", "زاد", "زادت", "رفعت",
    "وصل", "وصلت", "يصل", "تصل"))
_MEASURE_HEADS = frozenset(lx.key(word) for word in ("عدد", "نسبة", "حجم", "قيمة", "إجمالي", "معدل"))
_TO = frozenset(lx.key(word) for word in ("إلى", "الى"))
_FROM = lx.key("من")
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
    if after is None or unit is None:
        return after
    return None if lx.key(after.split()[0]) == lx.key(unit) else after


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
    """ "عدد العارضين 1 200": a measure named right before the figure, with what it measures."""
    end = first - 1
    position = end
    while position >= 0 and end - position < _MOST_WORDS:
        token = tokens[position]
        if not token.is_word:
            return None
        if position < end and token.key in _MEASURE_HEADS:
            return text[token.start:tokens[end].end]
        if position < end and strip_prefix(token.key) in _MEASURE_HEADS:  # "وعدد": without its و
            return text[token.start + 1:tokens[end].end]
        if token.newline_before:
            return None
        position -= 1
    return None
