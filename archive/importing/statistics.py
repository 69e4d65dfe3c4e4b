"""Figures in an article: counts, amounts and percentages, with what they count.

Numbers come from ``archive.text.numbers.find_numbers`` (digits of both kinds, decimals, number
words). Around each we read, as the press writes it: an approximation before it ("أكثر من",
"نحو", "حوالي", "ما يقارب", "تجاوزت"), a scale after it ("مليون", "مليار"), a unit (%, ٪,
"في المائة", a currency) and the counted noun ("مستخدم", "من الأفراد"). Numbers that are not
statistics are left out, each for a stated reason: dates and years, edition numbers ("الدورة
الـ5"), durations ("يومين", "3 ساعات"), ranks ("المركز الأول"), times, list markers, page noise.
"""

from __future__ import annotations

from dataclasses import dataclass

from archive.importing import lexicon as lx
from archive.importing.spans import SpanSet
from archive.importing.tokens import Token, strip_prefix
from archive.text.dates import find_dates
from archive.text.numbers import find_numbers


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
PERCENT_WORDS = _keys("المائة المئة بالمائة بالمئة بالمية")
APPROXIMATIONS = (  # (words before the number, kind); longest first
    ("ما لا يقل عن", "more_than"), ("ما يزيد على", "more_than"), ("ما يزيد عن", "more_than"),
    ("ما يقارب", "about"), ("ما يقرب من", "about"), ("أكثر من", "more_than"), ("أزيد من", "more_than"),
    ("أقل من", "less_than"), ("ما دون", "less_than"), ("نحو", "about"), ("حوالي", "about"), ("حوالى", "about"),
    ("قرابة", "about"), ("زهاء", "about"), ("يقارب", "about"), ("تقارب", "about"), ("تقريبا", "about"),
    ("تجاوزت", "more_than"), ("تجاوز", "more_than"), ("يتجاوز", "more_than"), ("تتجاوز", "more_than"),
    ("يفوق", "more_than"), ("تفوق", "more_than"), ("فاق", "more_than"), ("فاقت", "more_than"),
    ("ما يفوق", "more_than"), ("أكثر", "more_than"))
_APPROXIMATION_KEYS = [(tuple(lx.key(word) for word in phrase.split()), kind) for phrase, kind in APPROXIMATIONS]
DURATION_WORDS = _keys("""
يوم يوما أيام يومين يومان ساعة ساعات ساعتين دقيقة دقائق دقيقتين أسبوع أسابيع أسبوعين شهر أشهر شهور
شهرين سنة سنوات سنين سنتين عام أعوام عاما عامين ثانية ثوان ثواني عقد عقود
""")
MONTHS = _keys("""
يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر ديسمبر
كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين محرم صفر ربيع جمادى رجب شعبان رمضان شوال
القعدة الحجة ماي يونيه يوليه يوليوز جانفي فيفري أفريل جوان جويلية أوت غشت شتنبر نونبر دجنبر دجمبر
""")
# Words naming the day(s) of a date: "يومي 10 و11 سبتمبر", "يوم 5".
DAY_WORDS = _keys("يوم يومي أيام")
# Words joining the two ends of a range of days: "من 27 إلى 29 يناير", "10 و11 سبتمبر".
RANGE_LINKS = _keys("إلى الى حتى و - ـ –")
YEAR_WORDS = _keys("عام العام لعام للعام سنة السنة لسنة للسنة العامين الأعوام منذ حتى وحتى")
YEAR_SUFFIXES = _keys("م هـ ه")
EDITION_WORDS = _keys("""
الدورة النسخة دورته نسخته دورتها نسخته نسختها الـ ال رقم المركز المرتبة الترتيب المراكز الدرجة المستوى
العدد الصفحة صفحة ص الفصل البند المادة الساعة الجولة الحلقة الموسم الطبعة المرحلة الفقرة البند
""")
NOT_COUNTED = _keys("""
في من على إلى الى عن مع أن إن الذي التي و أو ثم حيث كما خلال منذ بين عبر لدى عند بعد قبل وذلك هذا هذه
""")
_THIS_MONTH = _keys("الشهر")
_GLUED_PREPOSITIONS = "لبك"
NAMES_WITH_NUMBERS = _keys("كوفيد كوفيد- كورونا")
_VALUE_WORDS_MIN = 2  # "واحد" and "أحد" are articles of speech more often than counts


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
    found: list[StatisticMatch] = []
    for number in find_numbers(text):
        first, last = _token_range(number.start, number.end, by_start, by_end, tokens)
        if first is None or number.start in date_spans:
            continue
        statistic = _read_statistic(text, tokens, first, last, number.value, number.text)
        if statistic is not None and not (found and found[-1].end > statistic.start):
            found.append(statistic)
    return found


def _token_range(start: int, end: int, by_start: dict[int, int], by_end: dict[int, int],
                 tokens: list[Token]) -> tuple[int | None, int]:
    first = by_start.get(start)
    if first is None and by_start.get(start - 1) is not None and tokens[by_start[start - 1]].text[0] in _GLUED_PREPOSITIONS:
        first = by_start[start - 1]  # "لخمسين وسيلة", "بمليون": a one-letter preposition glued to the number word
    last = by_end.get(end)
    if first is None or last is None:
        return None, 0
    return first, last


def _read_statistic(text: str, tokens: list[Token], first: int, last: int, value: float,
                    number_text: str) -> StatisticMatch | None:
    position = last + 1
    position = _skip(tokens, position, ")")
    scale = 1.0
    if position < len(tokens) and tokens[position].key in SCALES:
        scale = SCALES[tokens[position].key]
        position += 1
    unit, position = _unit(tokens, position)
    if _is_not_statistic(text, tokens, first, last, position, unit, scale, number_text):
        return None
    approximation, span_first = _approximation(tokens, _skip_back(tokens, first - 1, "("))
    span_first = span_first if approximation else _skip_back_paren(tokens, first)
    counted, subject, position = _counted(text, tokens, position, unit)
    if unit is None and counted:
        unit = counted
    start, end = tokens[span_first].start, tokens[position - 1].end
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
    if token.key in NOT_COUNTED or unit is not None:
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
    previous = tokens[first - 1] if first > 0 else None
    following = tokens[after] if after < len(tokens) else None
    if unit is not None or scale != 1.0:
        return previous is not None and strip_prefix(previous.key, "وفل") in EDITION_WORDS and unit is None
    if not number_text[:1].isdigit():
        # A number word counts only when a counted noun follows ("خمس جلسات"), never alone ("في آن واحد").
        return (_word_value_too_small(number_text) or following is None or not following.is_word
                or following.key in NOT_COUNTED or following.key in DURATION_WORDS or following.key in MONTHS)
    if _in_name_or_code(text, tokens, first) or _day_of_range(tokens, first, last):
        return True
    if previous is not None and previous.text == "(" and first > 1 \
            and strip_prefix(tokens[first - 2].key, "وفلب") in EDITION_WORDS:
        return True  # "الدورة (80)", "رقم (50)"
    if following is not None and (following.key in DURATION_WORDS or following.key in MONTHS
                                  or following.key in YEAR_SUFFIXES or following.text in ":/"):
        return True
    if previous is not None and (previous.key in MONTHS or strip_prefix(previous.key, "وفلب") in YEAR_WORDS
                                 or strip_prefix(previous.key, "وفلب") in EDITION_WORDS or previous.text in "/:-ـ#"):
        return True
    return _looks_like_year(number_text) or _alone_on_line(text, tokens, first, last) or _list_marker(tokens, first, last)


def _in_name_or_code(text: str, tokens: list[Token], first: int) -> bool:
    """ "G20", "COP 28", "كوفيد 19": the number is part of a name written with Latin letters or a code."""
    start = tokens[first].start
    if start > 0 and text[start - 1].isascii() and text[start - 1].isalpha():
        return True
    previous = tokens[first - 1] if first > 0 else None
    return previous is not None and (previous.text.isascii() and previous.text.isalpha() and previous.text.isupper()
                                     or previous.key in NAMES_WITH_NUMBERS)


def _day_of_range(tokens: list[Token], first: int, last: int) -> bool:
    """The first day of a range of dates ("يومي 10 و11 سبتمبر", "من 27 إلى 29 يناير") or a day after "يوم"."""
    if first > 0 and strip_prefix(tokens[first - 1].key) in DAY_WORDS:
        return True
    position = last + 1
    if position < len(tokens) and (tokens[position].key in RANGE_LINKS or tokens[position].text in RANGE_LINKS):
        position += 1
    elif position < len(tokens) and tokens[position].is_word and tokens[position].key[:1] == "و" \
            and tokens[position].key[1:].isdigit():
        position += 1
    if position < len(tokens) and tokens[position].is_number:
        return position + 1 < len(tokens) and tokens[position + 1].key in MONTHS
    # "18 من الشهر الجاري": a day of this month
    return (last + 2 < len(tokens) and tokens[last + 1].key == lx.key("من")
            and strip_prefix(tokens[last + 2].key) in _THIS_MONTH)


def _word_value_too_small(number_text: str) -> bool:
    from archive.text.numbers import parse_number

    value = parse_number(number_text)
    return value is None or value < _VALUE_WORDS_MIN


def _looks_like_year(number_text: str) -> bool:
    digits = "".join(char for char in number_text if char.isdigit())
    return len(digits) == 4 and number_text.isdigit() and 1900 <= int(digits) <= 2100


def _alone_on_line(text: str, tokens: list[Token], first: int, last: int) -> bool:
    line_start = text.rfind("\n", 0, tokens[first].start) + 1
    line_end = text.find("\n", tokens[last].end)
    line = text[line_start:len(text) if line_end < 0 else line_end]
    return len(line.split()) <= 2


def _list_marker(tokens: list[Token], first: int, last: int) -> bool:
    starts_line = first == 0 or tokens[first].newline_before
    return starts_line and last + 1 < len(tokens) and tokens[last + 1].text in ".-)ـ"


def _skip(tokens: list[Token], position: int, mark: str) -> int:
    return position + 1 if position < len(tokens) and tokens[position].text == mark else position


def _skip_back(tokens: list[Token], index: int, mark: str) -> int:
    return index - 1 if index >= 0 and tokens[index].text == mark else index


def _skip_back_paren(tokens: list[Token], first: int) -> int:
    return first - 1 if first > 0 and tokens[first - 1].text == "(" else first
