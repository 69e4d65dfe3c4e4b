"""One number read as a figure: how much it says and what it counts, or None when it is no figure.

``read_statistic`` reads digits and number words as the press writes them: an approximation, the number,
a scale, a unit (``figure_units``), then the counted noun ("مستخدم") or "من" and a noun ("من الأفراد"); a
number none of ``not_figures``' classes takes and with nothing counted is a figure only after words that
give a count ("وبلغ عدد المتدربين 90"). Two forms are read apart: "7 من كل 10 متابعين" is one figure, a
share (70%), and digits after the article count when a noun follows and no edition word or definite name
comes before ("أداء الـ40 مؤسسة").
"""

from __future__ import annotations

from archive.importing import figure_units as units
from archive.importing import lexicon as lx
from archive.importing import not_figures as nf
from archive.importing.count_context import after_partitive, can_be_counted, has_amount_context, prepositional_from
from archive.importing.figure_match import StatisticMatch, words_after
from archive.importing.tokens import Token, strip_prefix
from archive.text.normalize import strip_diacritics
from archive.text.numbers import parse_number

GLUED_CONJUNCTIONS = "وف"  # "وثماني حلقات": glued to the number word, left out of the figure
_ORDERED_TIME_NOUNS = frozenset(lx.key(word) for word in ("عام", "سنت", "ميلاد", "عيد", "ذكرا", "عمر"))


def share_of_every(text: str, tokens: list[Token], first: int, last: int, value: float,
                   number_text: str) -> StatisticMatch | None:
    """ "7 من كل 10 متابعين": one figure, read as a share (70%)."""
    of, every, whole = last + 1, last + 2, last + 3
    if whole >= len(tokens) or tokens[of].key != lx.key("من") or tokens[every].key != lx.key("كل") \
            or not tokens[whole].is_number:
        return None
    total = parse_number(tokens[whole].text)
    if not total or value > total:
        return None
    end = whole + 1 if whole + 1 < len(tokens) and can_be_counted(tokens[whole + 1]) else whole
    start, stop = tokens[first].start, tokens[end].end
    return StatisticMatch(text[start:stop], start, stop, round(100 * value / total, 2), "percent", None,
                          words_after(text, tokens, end) if end > whole else None, number_text, 0.8,
                          "a share: N of every M")


def count_with_article(text: str, tokens: list[Token], first: int, last: int, value: float,
                       number_text: str) -> StatisticMatch | None:
    """ "أداء الـ40 مؤسسة": digits after the article with a counted noun are a count; after a definite
    word ("القمة الخليجية الـ45"), an edition word or an event noun ("لقائه الـ30") they are an edition."""
    article = first - 1
    if article < 0 or tokens[article].key != lx.key("ال") or last + 1 >= len(tokens):
        return None
    noun = tokens[last + 1]
    if not can_be_counted(noun) or noun.key in nf.DURATION_WORDS or noun.newline_before:
        return None
    head = tokens[article - 1] if article > 0 else None
    if head is not None and (strip_prefix(head.key, "وفبل").startswith("ال") or nf.labels_the_number(head, None)
                             or head.key in lx.EVENT_NOUNS or strip_prefix(head.key, "وفب") in lx.EVENT_NOUNS):
        return None  # "القمة الخليجية الـ45", "لقائه الـ30", "دورته الـ15": an edition
    if head is not None and strip_prefix(head.key, "وفبل") in nf.GROUPS_NAMED_BY_NUMBER:
        return None  # "مجموعة الـ20": a name
    if head is not None and _possessed_time_noun(head):
        return None  # "عامها الـ25", "عيد ميلادها الـ50": its Nth year, birthday, anniversary
    start, end = tokens[article].start, noun.end
    return StatisticMatch(text[start:end], start, end, value, strip_diacritics(noun.text), None,
                          words_after(text, tokens, last + 1),
                          number_text, 0.8, f"number after the article, unit {noun.text}")


def _possessed_time_noun(token: Token) -> bool:
    """ "عامها", "ميلاده", "عمرها", "ذكراه": a year or an occasion of someone's, which the number after
    "الـ" orders ("في عامها الـ25"); "في ختامه الـ100 شخصية" counts."""
    for pronoun in ("هما", "هم", "ها", "ه"):
        if token.is_word and token.text.endswith(pronoun):
            return strip_prefix(lx.key(token.text[:-len(pronoun)]), "وفبل") in _ORDERED_TIME_NOUNS
    return False


def read_statistic(text: str, tokens: list[Token], first: int, last: int, value: float,
                   number_text: str) -> StatisticMatch | None:
    """The figure of the number ``tokens[first:last + 1]`` (value ``value``), or None when it is none."""
    marked = units.in_marks(tokens, first, last)
    position = last + 2 if marked else _skip(tokens, last + 1, ")")
    scale = 1.0
    if position < len(tokens) and tokens[position].key in units.SCALES:
        scale = units.SCALES[tokens[position].key]
        position += 1
    unit, position = units.unit(tokens, position)
    sign_before = unit is None and units.percent_sign_before(tokens, first)
    unit = "percent" if sign_before else unit
    if nf.is_not_statistic(text, tokens, first, last, position, unit, scale, number_text):
        return None
    approximation, span_first = units.approximation(tokens, first - 2 if marked else _skip_back(tokens, first - 1, "("))
    span_first = span_first if approximation else first - 1 if marked else _skip_back_paren(tokens, first)
    span_first = first - 1 if sign_before and not approximation else span_first
    if position < len(tokens) and tokens[position].key in units.ABOUT_AFTER:
        approximation, position = approximation or "about", position + 1
    counted, subject, position = _counted(text, tokens, position, unit)
    if unit is None and counted:
        unit = strip_diacritics(counted)  # "شخصٍ" is counted as "شخص"
    if unit is None and scale == 1.0 and approximation is None and not has_amount_context(tokens, first) \
            and not units.written_with_scale(number_text) and not after_partitive(tokens, first):
        return None  # nothing counted, and nothing before says it is a count ("الإعلام 360", "القاعة 5 بالطابق")
    start, end = tokens[span_first].start, tokens[position - 1].end
    if span_first == first and tokens[first].is_word and tokens[first].text[0] in GLUED_CONJUNCTIONS \
            and not number_text.startswith(tokens[first].text[0]):
        start += 1
    if unit and counted and units.THOUSANDS_DOT.fullmatch(number_text):
        value *= 1000  # "45.000 زائر", "2.500 متدرب": no one counts a fraction of visitors
    confidence = 0.9 if unit else 0.6
    reason = "number" + (" with scale" if scale != 1 else "") + (f", unit {unit}" if unit else "")
    return StatisticMatch(text[start:end], start, end, value * scale, unit, approximation, subject, number_text,
                          confidence, reason)


def _counted(text: str, tokens: list[Token], position: int, unit: str | None) -> tuple[str | None, str | None, int]:
    """The counted noun right after the figure ("مستخدم"), or "من" + a noun ("من الأفراد")."""
    if position >= len(tokens) or not tokens[position].is_word or tokens[position].newline_before:
        return None, None, position
    token = tokens[position]
    if prepositional_from(tokens, position):
        return None, None, position  # "جنيف2 من أجل الحل": a preposition follows, nothing counted
    if token.key == lx.key("من") and position + 1 < len(tokens) and tokens[position + 1].is_word:
        noun = tokens[position + 1]
        return (None if unit else noun.text), words_after(text, tokens, position + 1), position + 2
    if unit is not None or not can_be_counted(token):
        return None, words_after(text, tokens, position) if unit is None else None, position
    return token.text, words_after(text, tokens, position), position + 1


def _skip(tokens: list[Token], position: int, mark: str) -> int:
    return position + 1 if position < len(tokens) and tokens[position].text == mark else position


def _skip_back(tokens: list[Token], index: int, mark: str) -> int:
    return index - 1 if index >= 0 and tokens[index].text == mark else index


def _skip_back_paren(tokens: list[Token], first: int) -> int:
    return first - 1 if first > 0 and tokens[first - 1].text == "(" else first
