"""Figures in an article: counts, amounts and percentages, with what they count.

Numbers come from ``archive.text.numbers.find_numbers`` (digits of both kinds, decimals, number
words). Around each we read, as the press writes it: an approximation before it ("أكثر من",
"نحو", "حوالي", "ما يقارب", "تجاوزت"), a scale after it ("مليون", "مليار"), a unit (%, ٪,
"في المائة", a currency) and the counted noun ("مستخدم", "من الأفراد"). Numbers that are not
statistics are left out, each for a stated reason (``not_figures``): dates and years, edition
numbers ("الدورة الـ5", "دورته الرابعة عشرة"), labels ("القاعة 5"), durations ("يومين",
"3 ساعات"), ranks ("المركز الأول"), times, phone numbers, list markers, page noise. A dual noun is
a count of two when the sentence counts the same noun ("من صحيفتين إلى 12 صحيفة"); "7 من كل 10
متابعين" is one figure, a share (70%); digits after the article count when a noun follows and no
edition word or definite name comes before ("أداء الـ40 مؤسسة"). Figures no number reader sees are
read here too: a scale word with the article ("حاجز المليار دولار", "قرابة الألف مشارك"), the dual of a
session or agreement noun with its adjective or in construct ("جلستين حواريتين", "حلقتي عمل"), and zero
with a counted noun ("من صفر موقع").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from archive.importing import lexicon as lx
from archive.importing import not_figures as nf
from archive.importing.figure_subjects import figure_subject
from archive.importing.spans import SpanSet
from archive.importing.tokens import Token, strip_prefix
from archive.text.dates import find_dates
from archive.text.normalize import strip_diacritics
from archive.text.numbers import find_numbers, parse_number
from archive.text.ordinals import find_ordinals


def _keys(words: str) -> frozenset[str]:
    return frozenset(lx.key(word) for word in words.split())


SCALES = {lx.key(word): value for word, value in (
    ("ألف", 1e3), ("آلاف", 1e3), ("الف", 1e3), ("ألفا", 1e3), ("مليون", 1e6), ("ملايين", 1e6), ("مليونا", 1e6),
    ("مليار", 1e9), ("مليارات", 1e9), ("بليون", 1e9), ("تريليون", 1e12), ("ترليون", 1e12))}
CURRENCIES = {lx.key(word): code for word, code in (
    ("دولار", "USD"), ("دولارا", "USD"), ("دولارات", "USD"), ("ريال", "OMR"), ("ريالا", "OMR"), ("ريالات", "OMR"),
    ("درهم", "AED"), ("درهما", "AED"), ("دينار", "KWD"), ("دينارا", "KWD"), ("يورو", "EUR"), ("جنيه", "EGP"),
    ("جنيها", "EGP"))}
CURRENCY_COUNTRIES = {lx.key("سعودي"): "SAR", lx.key("إماراتي"): "AED", lx.key("قطري"): "QAR",
                      lx.key("بحريني"): "BHD", lx.key("كويتي"): "KWD", lx.key("عماني"): "OMR",
                      lx.key("أمريكي"): "USD", lx.key("أميركي"): "USD"}
# A scale word with the article is a figure of its own ("حاجز المليار دولار", "عتبة المليون مشاهدة").
DEFINITE_SCALES = {lx.key(word): value for word, value in (
    ("الألف", 1e3), ("المليون", 1e6), ("المليار", 1e9), ("التريليون", 1e12))}
# Words of a threshold before it: with one, the scale word is a figure even with nothing counted after it.
_DEFINITE_SCALE_ENDINGS = tuple(DEFINITE_SCALES)
THRESHOLD_WORDS = _keys("حاجز عتبة سقف حاجزا")
_LARGE_SCALES = {**SCALES, **{lx.key(word): value for word, value in (
    ("مليونان", 1e6), ("مليونين", 1e6), ("ملياران", 1e9), ("مليارين", 1e9), ("مليوني", 1e6), ("ملياري", 1e9))}}
_ZERO = lx.key("صفر")
_MONTH_BEFORE_SAFAR = _keys("شهر شهري")
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
    ("تناهز", "about"), ("ناهز", "about"))
# Longest first, so that "ما يفوق" is read before "يفوق".
_APPROXIMATION_KEYS = sorted(
    ((tuple(lx.key(word) for word in phrase.split()), kind) for phrase, kind in APPROXIMATIONS),
    key=lambda approximation: -len(approximation[0]))
# One dot before exactly three digits: thousands when people or things are counted ("45.000 زائر"); numbers.py
# reads it as a decimal point, as "1.500 مليون" and an amount in dinars and fils ("1.500 دينار") need.
_THOUSANDS_DOT = re.compile(r"\d{1,3}\.\d{3}")
_ABOUT_AFTER = _keys("تقريبا تقريباً")  # "3500 تقريبا"
_VALUE_WORDS_MIN = 2  # "واحد" and "أحد" are articles of speech more often than counts
_GLUED_PREPOSITIONS = "لبك"
_GLUED_CONJUNCTIONS = "وف"  # "وثماني حلقات": glued to the number word, left out of the figure
_SENTENCE_ENDS = frozenset(".!?؟")
_ORDERED_TIME_NOUNS = _keys("عام سنت ميلاد عيد ذكرا عمر")  # before a pronoun: "سنتها", "ذكراه"
_DUAL_WINDOW = 12  # words either side of a count where a dual of its noun is a count of two
# Nouns of sessions, meetings and agreements whose dual is a count of two ("جلستين حواريتين",
# "حلقتي عمل", "مذكرتي تفاهم"): stems before the dual ending, in comparison form.
_SESSION_DUAL_STEMS = _keys("جلس ورش حلق ندو محاضر اتفاقي مذكر مسابق قم")


@dataclass(frozen=True)
class StatisticMatch:
    text: str
    start: int
    end: int
    value: float | None
    unit: str | None
    approximation: str | None
    subject: str | None
    number_text: str
    confidence: float
    reason: str


def find_statistics(text: str, tokens: list[Token]) -> list[StatisticMatch]:
    """Every figure in ``text`` that reads as a statistic, in text order."""
    by_start = {token.start: i for i, token in enumerate(tokens)}
    by_end = {token.end: i for i, token in enumerate(tokens)}
    date_spans = SpanSet((date.start, date.end) for date in find_dates(text))
    ordinal_spans = SpanSet((ordinal.start, ordinal.end) for ordinal in find_ordinals(text))
    found: list[StatisticMatch] = []
    for number in find_numbers(text):
        first, last = _token_range(number.start, number.end, by_start, by_end, tokens)
        if first is None or number.start in date_spans:
            continue
        if number.start in ordinal_spans:
            statistic = _count_with_article(text, tokens, first, last, number.value, number.text)
        else:
            statistic = (_share_of_every(text, tokens, first, last, number.value, number.text)
                         or _read_statistic(text, tokens, first, last, number.value, number.text))
        if statistic is not None and not (found and found[-1].end > statistic.start):
            span_first = by_start.get(statistic.start, first)
            found.append(replace(statistic, subject=figure_subject(
                text, tokens, min(span_first, first), last, statistic.subject, statistic.unit)))
    extra = _dual_counts(text, tokens, found, by_start) + _definite_scales(text, tokens, found)
    extra += _session_duals(text, tokens, found + extra) + _zero_counts(text, tokens)
    return sorted(found + extra, key=lambda statistic: statistic.start) if extra else found


def _token_range(start: int, end: int, by_start: dict[int, int], by_end: dict[int, int],
                 tokens: list[Token]) -> tuple[int | None, int]:
    first = by_start.get(start)
    glued = by_start.get(start - 1)
    if first is None and glued is not None and tokens[glued].text[0] in _GLUED_PREPOSITIONS + _GLUED_CONJUNCTIONS:
        first = glued  # "لخمسين وسيلة", "بمليون": a one-letter preposition glued to the number word
    last = by_end.get(end)
    if first is None or last is None:
        return None, 0
    return first, last


def _share_of_every(text: str, tokens: list[Token], first: int, last: int, value: float,
                    number_text: str) -> StatisticMatch | None:
    """ "7 من كل 10 متابعين": one figure, read as a share (70%)."""
    of, every, whole = last + 1, last + 2, last + 3
    if whole >= len(tokens) or tokens[of].key != lx.key("من") or tokens[every].key != lx.key("كل") \
            or not tokens[whole].is_number:
        return None
    total = parse_number(tokens[whole].text)
    if not total or value > total:
        return None
    end = whole + 1 if whole + 1 < len(tokens) and nf.can_be_counted(tokens[whole + 1]) else whole
    start, stop = tokens[first].start, tokens[end].end
    return StatisticMatch(text[start:stop], start, stop, round(100 * value / total, 2), "percent", None,
                          _subject(text, tokens, end) if end > whole else None, number_text, 0.8,
                          "a share: N of every M")


def _count_with_article(text: str, tokens: list[Token], first: int, last: int, value: float,
                        number_text: str) -> StatisticMatch | None:
    """ "أداء الـ40 مؤسسة": digits after the article with a counted noun are a count; after a definite
    word ("القمة الخليجية الـ45"), an edition word or an event noun ("لقائه الـ30") they are an edition."""
    article = first - 1
    if article < 0 or tokens[article].key != lx.key("ال") or last + 1 >= len(tokens):
        return None
    noun = tokens[last + 1]
    if not nf.can_be_counted(noun) or noun.key in nf.DURATION_WORDS or noun.newline_before:
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
                          _subject(text, tokens, last + 1),
                          number_text, 0.8, f"number after the article, unit {noun.text}")


def _possessed_time_noun(token: Token) -> bool:
    """ "عامها", "ميلاده", "عمرها", "ذكراه": a year or an occasion of someone's, which the number after
    "الـ" orders ("في عامها الـ25"); "في ختامه الـ100 شخصية" counts."""
    for pronoun in ("هما", "هم", "ها", "ه"):
        if token.is_word and token.text.endswith(pronoun):
            return strip_prefix(lx.key(token.text[:-len(pronoun)]), "وفبل") in _ORDERED_TIME_NOUNS
    return False


def _read_statistic(text: str, tokens: list[Token], first: int, last: int, value: float,
                    number_text: str) -> StatisticMatch | None:
    position = last + 1
    position = _skip(tokens, position, ")")
    scale = 1.0
    if position < len(tokens) and tokens[position].key in SCALES:
        scale = SCALES[tokens[position].key]
        position += 1
    unit, position = _unit(tokens, position)
    sign_before = unit is None and _percent_sign_before(tokens, first)
    unit = "percent" if sign_before else unit
    if _is_not_statistic(text, tokens, first, last, position, unit, scale, number_text):
        return None
    approximation, span_first = _approximation(tokens, _skip_back(tokens, first - 1, "("))
    span_first = span_first if approximation else _skip_back_paren(tokens, first)
    span_first = first - 1 if sign_before and not approximation else span_first
    if position < len(tokens) and tokens[position].key in _ABOUT_AFTER:
        approximation, position = approximation or "about", position + 1
    counted, subject, position = _counted(text, tokens, position, unit)
    if unit is None and counted:
        unit = strip_diacritics(counted)  # "شخصٍ" is counted as "شخص"
    if unit is None and scale == 1.0 and approximation is None and not nf.has_amount_context(tokens, first) \
            and not _written_with_large_scale(number_text):
        return None  # nothing counted, and nothing before says it is a count ("الإعلام 360", "القاعة 5 بالطابق")
    start, end = tokens[span_first].start, tokens[position - 1].end
    if span_first == first and tokens[first].is_word and tokens[first].text[0] in _GLUED_CONJUNCTIONS \
            and not number_text.startswith(tokens[first].text[0]):
        start += 1
    if unit and counted and _THOUSANDS_DOT.fullmatch(number_text):
        value *= 1000  # "45.000 زائر", "2.500 متدرب": no one counts a fraction of visitors
    confidence = 0.9 if unit else 0.6
    reason = "number" + (" with scale" if scale != 1 else "") + (f", unit {unit}" if unit else "")
    return StatisticMatch(text[start:end], start, end, value * scale, unit, approximation, subject, number_text,
                          confidence, reason)


def _unit(tokens: list[Token], position: int) -> tuple[str | None, int]:
    if position >= len(tokens):
        return None, position
    token = tokens[position]
    if token.text in "%٪":
        return "percent", position + 1
    if token.key in (lx.key("في"),) and position + 1 < len(tokens) and tokens[position + 1].key in PERCENT_WORDS:
        return "percent", position + 2
    if token.key in PERCENT_WORDS:
        return "percent", position + 1
    if token.key in CURRENCIES:
        code = CURRENCIES[token.key]
        if position + 1 < len(tokens) and tokens[position + 1].key in CURRENCY_COUNTRIES:
            return CURRENCY_COUNTRIES[tokens[position + 1].key], position + 2
        return code, position + 1
    if token.key in (lx.key("ر"),) and position + 2 < len(tokens) and tokens[position + 1].text == ".":
        return "OMR", position + 3  # "ر.ع"
    return None, position


def _counted(text: str, tokens: list[Token], position: int, unit: str | None) -> tuple[str | None, str | None, int]:
    """The counted noun right after the figure ("مستخدم"), or "من" + a noun ("من الأفراد")."""
    if position >= len(tokens) or not tokens[position].is_word or tokens[position].newline_before:
        return None, None, position
    token = tokens[position]
    if token.key == lx.key("من") and position + 1 < len(tokens) and tokens[position + 1].is_word:
        noun = tokens[position + 1]
        return (None if unit else noun.text), _subject(text, tokens, position + 1), position + 2
    if unit is not None or not nf.can_be_counted(token):
        return None, _subject(text, tokens, position) if unit is None else None, position
    return token.text, _subject(text, tokens, position), position + 1


def _subject(text: str, tokens: list[Token], position: int, most: int = 5) -> str | None:
    end = position
    while end < len(tokens) and end - position < most and tokens[end].is_word and not tokens[end].newline_before:
        end += 1
    return text[tokens[position].start:tokens[end - 1].end] if end > position else None


def _approximation(tokens: list[Token], index: int) -> tuple[str | None, int]:
    for words, kind in _APPROXIMATION_KEYS:
        begin = index - len(words) + 1
        if begin < 0:
            continue
        keys = [tokens[begin + offset].key for offset in range(len(words))]
        keys[0] = _strip_particle(keys[0], words[0])
        if tuple(keys) == words:
            return kind, begin
    return None, index + 1


def _strip_particle(word_key: str, expected: str) -> str:
    # "لأكثر من", "وحوالي", "بنحو": a clinging preposition or conjunction stays in the span.
    if word_key != expected and len(word_key) > 1 and word_key[0] in "لبوف" and word_key[1:] == expected:
        return expected
    return word_key


def _is_not_statistic(text: str, tokens: list[Token], first: int, last: int, after: int, unit: str | None,
                      scale: float, number_text: str) -> bool:
    """Whether the number ``tokens[first:last + 1]`` is one of ``not_figures``' classes; ``after`` is the
    token after its scale and unit."""
    previous = tokens[first - 1] if first > 0 else None
    following = tokens[after] if after < len(tokens) else None
    if previous is not None and strip_prefix(previous.key) in nf.LIST_INTRODUCERS:
        return True  # "إليكم خمس نقاط": the article's own list
    if unit is not None or scale != 1.0:
        return previous is not None and strip_prefix(previous.key, "وفل") in nf.LABEL_WORDS and unit is None
    if not number_text[:1].isdigit() and not _written_with_large_scale(number_text):
        # A number word counts only when a counted noun follows ("خمس جلسات"), never alone ("في آن واحد").
        return (_word_value_too_small(number_text) or following is None or not nf.can_be_counted(following)
                or following.key in nf.DURATION_WORDS or following.key in nf.MONTHS)
    if nf.in_name_or_code(text, tokens, first) or nf.day_of_range(tokens, first, last) \
            or nf.is_phone_or_postal(text, tokens, first) or nf.second_of_labelled_pair(tokens, first):
        return True
    if previous is not None and previous.text == "(" and first > 1 \
            and strip_prefix(tokens[first - 2].key, "وفلب") in nf.LABEL_WORDS:
        return True  # "الدورة (80)", "رقم (50)"
    if following is not None and (following.key in nf.DURATION_WORDS or following.key in nf.MONTHS
                                  or following.key in nf.YEAR_SUFFIXES or following.text in ":/"
                                  or following.key in nf.TIME_WORDS or following.key in nf.LAW_YEAR_WORDS):
        return True
    if previous is not None and (previous.key in nf.MONTHS or nf.dates_the_number(previous, number_text, following)
                                 or nf.labels_the_number(previous, following) or _glued_mark_before(tokens, first)):
        return True
    year_like = nf.looks_like_year(number_text) and not _counts_despite_year(tokens, first, following)
    return year_like or nf.alone_on_line(text, tokens, first, last) or nf.list_marker(tokens, first, last)


def _counts_despite_year(tokens: list[Token], first: int, following: Token | None) -> bool:
    """ "شارك 2000 متدرب", "استقبل 1950 زائرا", "أكثر من 2000 مشارك": a count that looks like a year.

    A year is often followed by a word too ("قطر 2022 تشكل", "رؤية 2030 الطموحة"), so the count needs
    more: a noun in the accusative ("زائرا"), an approximation, or a verb of attending or counting
    right before it."""
    if following is None or not nf.can_be_counted(following):
        return False
    approximation, _ = _approximation(tokens, first - 1)
    before = tokens[first - 1].key if first > 0 else ""
    return (following.key.endswith("ا") or approximation is not None or nf.has_amount_context(tokens, first)
            or strip_prefix(before, "وفلب") in nf.COUNT_VERBS or before in nf.COUNT_VERBS)


def _glued_mark_before(tokens: list[Token], first: int) -> bool:
    """ "10:30", "5/3", "2024-2026", "#15", "ـ15": a mark written against the number joins it to another.

    A colon or a dash followed by a space ends a phrase instead ("للصحيفة: 90 متدربا")."""
    if first == 0:
        return False
    mark = tokens[first - 1]
    return mark.text in "ـ#" or (mark.text in "/:-" and mark.end == tokens[first].start)


def _percent_sign_before(tokens: list[Token], first: int) -> bool:
    """ "%12", "٪45": the percent sign typed before the number, against it (right-to-left typing)."""
    if first == 0:
        return False
    mark = tokens[first - 1]
    return mark.text in ("%", "٪") and mark.end == tokens[first].start


def _written_with_large_scale(number_text: str) -> bool:
    """ "مليون ونصف", "ثلاثة ملايين", "400 مليار": a million or more written with its scale word is an
    amount even when nothing counted follows ("دعم المستشفى بمليون ونصف")."""
    return any(_LARGE_SCALES.get(lx.key(word), 0) >= 1e6 for word in number_text.split())


def _word_value_too_small(number_text: str) -> bool:
    value = parse_number(number_text)
    return value is None or value < _VALUE_WORDS_MIN


def _skip(tokens: list[Token], position: int, mark: str) -> int:
    return position + 1 if position < len(tokens) and tokens[position].text == mark else position


def _skip_back(tokens: list[Token], index: int, mark: str) -> int:
    return index - 1 if index >= 0 and tokens[index].text == mark else index


def _skip_back_paren(tokens: list[Token], first: int) -> int:
    return first - 1 if first > 0 and tokens[first - 1].text == "(" else first


def _dual_counts(text: str, tokens: list[Token], found: list[StatisticMatch],
                 by_start: dict[int, int]) -> list[StatisticMatch]:
    """Dual nouns counted beside a count of the same noun: "من صحيفتين محليتين إلى 12 صحيفة" (2 and 12)."""
    duals: list[StatisticMatch] = []
    taken = SpanSet((statistic.start, statistic.end) for statistic in found)
    for statistic in found:
        stem = _noun_stem(statistic.unit)
        at = by_start.get(statistic.start)
        if stem is None or at is None:
            continue
        for index in _sentence_neighbours(tokens, at):
            token = tokens[index]
            if token.start in taken or _dual_stem(tokens, index) != stem:
                continue
            end = index + 2 if index + 1 < len(tokens) and _is_dual_adjective(tokens[index + 1], token) else index + 1
            start, stop = token.start, tokens[end - 1].end
            taken.add(start, stop)
            duals.append(StatisticMatch(text[start:stop], start, stop, 2.0, statistic.unit, None,
                                        _subject(text, tokens, index), token.text, 0.7,
                                        f"dual noun beside a count of the same noun, unit {statistic.unit}"))
            break
    return duals


def _sentence_neighbours(tokens: list[Token], at: int) -> list[int]:
    """Indices of the words around ``at`` within its sentence, nearest first, up to ``_DUAL_WINDOW`` each way."""
    neighbours: list[int] = []
    for step in (-1, 1):
        index = at + step
        while 0 <= index < len(tokens) and abs(index - at) <= _DUAL_WINDOW:
            token = tokens[index]
            if token.text in _SENTENCE_ENDS or (token.newline_before and step == 1):
                break
            if token.is_word:
                neighbours.append(index)
            if token.newline_before:
                break
            index += step
    return neighbours


def _noun_stem(unit: str | None) -> str | None:
    """The stem of a counted noun ("صحيفة" -> "صحيف", "مؤتمرات" -> "مؤتمر"), None for codes and percent."""
    if not unit or not unit[0].isalpha() or unit.isascii():
        return None
    word = lx.key(unit)
    if word.endswith("ا") and len(word) > 3:
        word = word[:-1]
    if word.endswith("ات") and len(word) > 4:
        word = word[:-2]
    word = word[:-1] if word.endswith("ه") else word
    return word if len(word) >= 3 else None


def _dual_stem(tokens: list[Token], index: int) -> str | None:
    """The stem of an indefinite dual ("صحيفتين" -> "صحيف"); a masculine one ("مؤتمرين") only after من/بين."""
    word = strip_prefix(tokens[index].key, "وب")
    if word.startswith(("ال", "لل")):
        return None
    if word.endswith(("تين", "تان")):
        return word[:-3]
    after_from = index > 0 and tokens[index - 1].key in (lx.key("من"), lx.key("بين"))
    if after_from and word.endswith(("ين", "ان")):
        return word[:-2]
    return None


def _is_dual_adjective(token: Token, noun: Token) -> bool:
    """ "صحيفتين محليتين": an adjective in the same dual ending follows the noun."""
    return token.is_word and not token.newline_before and token.key[-3:] == noun.key[-3:] \
        and not token.key.startswith("ال")


def _definite_scales(text: str, tokens: list[Token], found: list[StatisticMatch]) -> list[StatisticMatch]:
    """A scale word with the article that a currency or a counted noun follows, or that a threshold word
    comes before: "حاجز المليار دولار" (10^9 USD), "عتبة المليون مشاهدة", "تجاوز حاجز المليون".

    ``find_numbers`` reads the article on a scale word only after a fraction or a number ("ربع
    المليار", "مليونا ونصف المليون"): those are in ``found`` already and are left alone."""
    taken = SpanSet((statistic.start, statistic.end) for statistic in found)
    scales: list[StatisticMatch] = []
    for index, token in enumerate(tokens):
        if not token.key.endswith(_DEFINITE_SCALE_ENDINGS):
            continue  # most words: a cheap test first, the article is read once per pass
        value = DEFINITE_SCALES.get(strip_prefix(token.key, "وفبل")) if token.is_word else None
        if value is None or token.start in taken:
            continue
        threshold = index > 0 and strip_prefix(tokens[index - 1].key, "وفبل") in THRESHOLD_WORDS
        unit, end = _unit(tokens, index + 1)
        if unit is None and end < len(tokens) and not tokens[end].newline_before and nf.can_be_counted(tokens[end]):
            unit, end = strip_diacritics(tokens[end].text), end + 1
        if unit is None and not threshold:
            continue  # "المليون ليس رقما كبيرا": the word, not an amount
        approximation, first = _approximation(tokens, index - 1)
        first = index - 1 if threshold else first
        start, stop = tokens[first].start, tokens[end - 1].end
        scales.append(StatisticMatch(text[start:stop], start, stop, value, unit, approximation, None, token.text, 0.7,
                                     "scale word with the article" + (f", unit {unit}" if unit else "")))
    return scales


def _session_duals(text: str, tokens: list[Token], found: list[StatisticMatch]) -> list[StatisticMatch]:
    """The dual of a session, meeting or agreement noun with its dual adjective, a count of two ("جلستين
    حواريتين"), or in construct with an indefinite noun ("حلقتي عمل", "مذكرتي تفاهم"; "بمحاضرتي اليوم" is
    "my lecture")."""
    taken = SpanSet((statistic.start, statistic.end) for statistic in found)
    duals: list[StatisticMatch] = []
    for index, token in enumerate(tokens):
        if not token.key.endswith(("تين", "تان", "تي")) or not token.is_word or token.start in taken:
            continue
        following = tokens[index + 1] if index + 1 < len(tokens) and not tokens[index + 1].newline_before else None
        word = _session_dual(token.key, following)
        if word is None or following is None:
            continue
        if not (word.endswith("تي") or _is_dual_adjective(following, token)):
            continue  # a dual alone ("في جلستين") is left to the reader: it says two, but counts nothing named
        end = index + 2
        start, stop = token.start + (len(token.key) - len(word)), tokens[end - 1].end
        duals.append(StatisticMatch(text[start:stop], start, stop, 2.0, strip_diacritics(token.text), None,
                                    None, token.text, 0.7, "dual of a session or agreement noun"))
    return duals


def _session_dual(word_key: str, following: Token | None) -> str | None:
    """The word without a glued و or ب when it is such a dual ("ورشتين" keeps its و, "وجلستين" loses it)."""
    for word in (word_key, strip_prefix(word_key, "وب")):
        if word.endswith(("تين", "تان")) and word[:-3] in _SESSION_DUAL_STEMS:
            return word
        construct = following is not None and following.is_word and not following.key.startswith(("ال", "و")) \
            and nf.can_be_counted(following)  # "زيارتي وبقائي", "بمحاضرتي اليوم": "my", not two
        if word.endswith("تي") and word[:-2] in _SESSION_DUAL_STEMS and construct:
            return word  # "حلقتي عمل"
    return None


def _zero_counts(text: str, tokens: list[Token]) -> list[StatisticMatch]:
    """ "من صفر موقع إلى 740", "صفر إصابة": zero with a counted noun. "صفر" is a month too ("شهر صفر",
    "12 صفر 1445"): not after a number or the word month, nor before a number."""
    zeros: list[StatisticMatch] = []
    for index, token in enumerate(tokens[:-1]):
        if not token.key.endswith(_ZERO) or (strip_prefix(token.key, "وبمل") != _ZERO and token.key != _ZERO):
            continue
        following, previous = tokens[index + 1], tokens[index - 1] if index > 0 else None
        if following.newline_before or not nf.can_be_counted(following) or following.key in nf.MONTHS:
            continue
        if previous is not None and (previous.is_number or strip_prefix(previous.key, "وفب") in _MONTH_BEFORE_SAFAR):
            continue
        start = token.start + max(0, token.text.rfind("صفر"))  # "من صفر"; a glued "و" or "ب" left out
        stop = following.end
        zeros.append(StatisticMatch(text[start:stop], start, stop, 0.0, strip_diacritics(following.text), None,
                                    _subject(text, tokens, index + 1), token.text, 0.6, "zero with a counted noun"))
    return zeros
