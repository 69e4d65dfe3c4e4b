"""Numbers in an article that are not headline figures, each class with the words that show it.

``figure_reading`` reads a number as a figure; this module (``is_not_statistic``) says when a number is
something else:
a date or a year, an edition or a label ("الدورة 29", "القاعة 5", "المادة 12", "القانون 15 لسنة
2020", the second of a pair "المادتين 12 و13"), an anniversary ("الذكرى 50"), a duration, for how many
times or terms ("لثلاث مرات"، "لأربع دورات"), a rank, a time ("10 صباحا"), a phone number or postal
box, a number inside a name or a code ("COP 28", "الإعلام 360", "5G"), the length of the article's own
list ("إليكم خمس نقاط"), a list marker or page noise. What a number may count, and the words that say it
gives a count, are ``count_context``'s.
"""

from __future__ import annotations

import json
import re
from importlib import resources

from archive.importing import lexicon as lx
from archive.importing.count_context import COUNT_VERBS, after_partitive, can_be_counted, has_amount_context
from archive.importing.figure_units import approximation, in_marks, written_with_large_scale
from archive.importing.tokens import Token, strip_prefix
from archive.text.numbers import parse_number


def _keys(words: str) -> frozenset[str]:
    return frozenset(lx.key(word) for word in words.split())


_DURATION_FORMS = _keys("""
يوم أيام يومين يومان ساعة ساعات ساعتين دقيقة دقائق دقيقتين أسبوع أسابيع أسبوعين شهر أشهر شهور
شهرين سنة سنوات سنين سنتين عام أعوام عامين ثانية ثوان ثواني عقد عقود
""")
# After eleven to ninety-nine the noun is in the accusative singular ("18 شهرا"، "40 يوما"): a duration too,
# but for "عقدا", which counts contracts ("15 عقدا").
_ACCUSATIVE_SINGULARS = _keys("يوم أسبوع شهر عام")
DURATION_WORDS = _DURATION_FORMS | frozenset(word + "ا" for word in _ACCUSATIVE_SINGULARS)
MONTHS = _keys("""
يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر ديسمبر
كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين محرم صفر ربيع جمادى رجب شعبان رمضان شوال
القعدة الحجة ماي يونيه يوليه يوليوز جانفي فيفري أفريل جوان جويلية أوت غشت شتنبر نونبر دجنبر دجمبر
""")
# A brief or a release printed in English ("Prepared on 2 December 2026"), compared in lower case.
ENGLISH_MONTHS = _keys("""
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
""")
# A page's number in its footer: "Page 1 of 6", "صفحة 1 من 6", "1 / 6".
_PAGE_WORDS = _keys("page صفحة الصفحة ص")
_PAGE_LINKS = frozenset(("of", lx.key("من"), "/", "-", "–", "|"))
_FOOTER_MOST = 5  # tokens: a longer line is no footer
_LAST_DAY = 31
_HIJRI_FIRST = 1300  # "رمضان 1445": a year after a month, Hijri or Gregorian
# Words naming the day(s) of a date: "يومي 10 و11 سبتمبر", "يوم 5".
DAY_WORDS = _keys("يوم يومي أيام")
# Words joining the two ends of a range of days: "من 27 إلى 29 يناير", "10 و11 سبتمبر".
RANGE_LINKS = _keys("إلى الى حتى و - ـ –")
YEAR_WORDS = _keys("عام العام لعام للعام سنة السنة لسنة للسنة العامين الأعوام منذ حتى وحتى")
YEAR_SUFFIXES = _keys("م هـ ه هجري هجرية ميلادي ميلادية للهجرة للميلاد")
# Words a number after them labels or ranks rather than counts ("الدورة 29", "المادة 12", "الطابق 2").
LABEL_WORDS = _keys("""
الدورة النسخة دورته نسخته دورتها نسخته نسختها الـ ال رقم المركز المرتبة الترتيب المراكز الدرجة المستوى
العدد الصفحة صفحة ص الفصل البند المادة الساعة الجولة الحلقة الموسم الطبعة المرحلة الفقرة البند
الرقم بالرقم برقم الطابق الأسبوع القانون القرار المرسوم المواد الفصول البنود الفقرات الذكرى ذكرى القرن شارع الشارع
""")
# Words by which the article presents its own list ("إليكم خمس نقاط من الخطاب"): the list's length is no figure.
LIST_INTRODUCERS = _keys("إليكم إليك")
# Nouns of times and terms: a number glued to ل before them says for how many times or terms something
# lasted ("لثلاث مرات متتالية"، "لأربع دورات"، "لولايتين"), a frequency or a tenure, not a count of things.
_REPEAT_NOUNS = _keys("مرات مرة دورات دورة ولايات ولاية")
_TIMES = _keys("مرات مرة")  # "لـ 3 مرات" too; "خضع لـ 20 دورة تدريبية" counts courses
_FOR = lx.key("ل")  # "لـ" has the same key
# Words after a number that make it a time of day ("10 صباحا") or a law's number ("15 لسنة 2020").
TIME_WORDS = _keys("صباحا صباح مساء مساءا ظهرا ظهر عصرا عصر ليلا فجرا")
LAW_YEAR_WORDS = _keys("لسنة لعام للعام للسنة")
# Words before a phone number or a postal box: "هاتف 24681357", "الخط الساخن 1800", "صندوق بريد 4455".
PHONE_WORDS = _keys("""
هاتف الهاتف هاتفي جوال الجوال موبايل فاكس الفاكس واتساب الواتساب تلفون الساخن الموحد بريد البريدي
""")
_POSTAL_BOX = ("ص", ".", "ب")
# "المركز" is a rank ("المركز 3 عالميا") and a centre ("استقبل المركز 90 متدربا"): a rank when
# nothing counted follows, or a word of where it ranks.
RANK_OR_BODY = _keys("المركز")
_THIS_MONTH = _keys("الشهر")
NAMES_WITH_NUMBERS = _keys("كوفيد كوفيد- كورونا")
# Talks, conferences and agreements named by a city and a number ("مؤتمر جنيف 2"، "محادثات سوتشي 2"، "افتتاح
# جنيف 2"): the event's nouns, its occasions and its verbs before the city.
_ROUND_NOUNS = frozenset(lx.EVENT_NOUNS) | lx.EVENT_VERBS | _keys("""
محادثات مفاوضات اتفاق اتفاقية جولة مسار إعلان مباحثات حوار أعمال فعاليات
""")
_CITIES = frozenset(lx.key(city) for city in json.loads(
    resources.files("archive.importing").joinpath("cities.json").read_text(encoding="utf-8"))["cities"])
# Documents numbered after their adjective or their issuing body ("القرار الأممي 2254"، "قرار مجلس الأمن 2254").
_DOCUMENT_LABELS = _keys("القرار قرار المرسوم مرسوم القانون قانون المادة البند الفقرة")
_DOCUMENT_REACH = 3  # words between the document's noun and its number
# A chart's or a table's labels in a PDF's text: lines of numbers and their marks only ("61%"، "1,850 2,000").
_COLUMN_MARKS = frozenset("%٪,.٫٬+-–")
_LINE_MOST = 12  # tokens: a longer line is no label line (and the reading stays linear)
# Groups named by a number after "الـ": "مجموعة الـ20", "مجموعة الـ77".
GROUPS_NAMED_BY_NUMBER = _keys("مجموعة")
_VALUE_WORDS_MIN = 2  # "واحد" and "أحد" are articles of speech more often than counts
_CLOCK = re.compile(r"(\d{1,2})[.,٫](\d\d)")  # "8.30 م": an hour and its minutes
_LAST_HOUR, _LAST_MINUTE = 24, 59


def is_not_statistic(text: str, tokens: list[Token], first: int, last: int, after: int, unit: str | None,
                     scale: float, number_text: str) -> bool:
    """Whether the number ``tokens[first:last + 1]`` is one of this module's classes; ``after`` is the
    token after its scale and unit."""
    before = first - 2 if in_marks(tokens, first, last) else first - 1  # "النسخة “18”" as "النسخة 18"
    previous = tokens[before] if before >= 0 else None
    following = tokens[after] if after < len(tokens) else None
    if previous is not None and strip_prefix(previous.key) in LIST_INTRODUCERS:
        return True  # "إليكم خمس نقاط": the article's own list
    if in_a_chart(tokens, first):
        return True
    if for_how_many_times(tokens, first, number_text, following):
        return True
    if number_text[:1].isdigit() and scale == 1.0 and (in_a_date(tokens, first, last, number_text)
                                                        or page_number(tokens, first, last)):
        return True
    if unit is not None or scale != 1.0:
        return previous is not None and strip_prefix(previous.key, "وفل") in LABEL_WORDS and unit is None
    if not number_text[:1].isdigit() and not written_with_large_scale(number_text):
        # A number word counts only when a counted noun follows ("خمس جلسات"), never alone ("في آن واحد"),
        # but for a part of a count just given ("منها واحدة محلية"، "منهم ثلاثة") and after words that give a
        # count, as digits do ("وبلغ عدد المتدربين 90"، "إلى ألف").
        if following is not None and (following.key in DURATION_WORDS or following.key in MONTHS):
            return True
        if after_partitive(tokens, first):
            return False
        if has_amount_context(tokens, first) and not _word_value_too_small(number_text):
            return False  # "وصل عدد المكرمين إلى ثلاثين"، "من 100 جنيه إلى ألف": read as digits are
        return _word_value_too_small(number_text) or following is None or not can_be_counted(following)
    if in_name_or_code(text, tokens, first) or names_a_round(tokens, first) or day_of_range(tokens, first, last) \
            or is_phone_or_postal(text, tokens, first) or second_of_labelled_pair(tokens, first):
        return True
    if numbers_a_document(tokens, first, following):
        return True
    if previous is not None and previous.text == "(" and first > 1 \
            and strip_prefix(tokens[first - 2].key, "وفلب") in LABEL_WORDS:
        return True  # "الدورة (80)", "رقم (50)"
    if following is not None and (following.key in DURATION_WORDS or following.key in MONTHS
                                  or (following.key in YEAR_SUFFIXES and not _decimal(number_text))
                                  or following.text in ":/"
                                  or following.key in TIME_WORDS or following.key in LAW_YEAR_WORDS):
        return True
    if previous is not None and (dates_the_number(previous, number_text, following)
                                 or labels_the_number(previous, following) or _glued_mark_before(tokens, first)):
        return True
    year_like = looks_like_year(number_text) and not _counts_despite_year(tokens, first, following)
    return year_like or alone_on_line(text, tokens, first, last) or list_marker(tokens, first, last)


def for_how_many_times(tokens: list[Token], first: int, number_text: str, following: Token | None) -> bool:
    """ "لثلاث مرات متتالية"، "عضو في البرلمان لأربع دورات"، "لـ 3 مرات": ل glued to the number and a noun of
    times or terms after it, or ل apart before times; "5 دورات تدريبية"، "خضع لـ 20 دورة تدريبية" count courses."""
    if following is None or following.key not in _REPEAT_NOUNS:
        return False
    written = tokens[first].text
    glued = written != number_text and strip_prefix(written, "و").startswith("ل") and written.endswith(number_text)
    return glued or (first > 0 and tokens[first - 1].key == _FOR and following.key in _TIMES)


def is_month(token: Token) -> bool:
    """A month's name, Arabic ("سبتمبر", "أيلول", "رمضان") or English ("November", "Nov.")."""
    return token.key in MONTHS or (token.text.isascii() and token.text.lower().rstrip(".") in ENGLISH_MONTHS)


def in_a_date(tokens: list[Token], first: int, last: int, number_text: str) -> bool:
    """A number written in a date, whatever the order of its parts: the day before its month ("19 November",
    "5 مارس"), a day or a year after it ("November 20", "نوفمبر 2025", "رمضان 1445"), or the part after those
    ("November 20 19": a PDF's table cell read out of order). After a month, a number that is no day and no
    year is a count ("خلال رمضان 5000 وجبة")."""
    following = tokens[last + 1] if last + 1 < len(tokens) else None
    if following is not None and following.is_word and is_month(following):
        return True
    value = parse_number(number_text)
    if value is None or not (1 <= value <= _LAST_DAY or (number_text.isdigit() and _HIJRI_FIRST <= value <= 2100)):
        return False
    previous = tokens[first - 1] if first > 0 else None
    if previous is None or tokens[first].newline_before:  # a month ending the line above dates nothing here
        return False
    if previous.is_word and is_month(previous):
        return True
    return previous.is_number and first > 1 and tokens[first - 2].is_word and is_month(tokens[first - 2])


def page_number(tokens: list[Token], first: int, last: int) -> bool:
    """A page's number, not a figure: after a page word ("Page 1 of 6", "صفحة 1 من 6", and the page count
    after "of"/"من"), or on a footer line of page numbers and their links alone ("1 / 6", "- 3 -")."""
    previous = tokens[first - 1] if first > 0 else None
    if previous is not None and _is_page_word(previous):
        return True
    if previous is not None and (previous.key in _PAGE_LINKS or previous.text in _PAGE_LINKS) and first > 2 \
            and tokens[first - 2].is_number and _is_page_word(tokens[first - 3]):
        return True
    start = _line_start(tokens, first)
    if start is None:
        return False
    index, numbers = start, 0
    while index < len(tokens) and (index == start or not tokens[index].newline_before):
        token = tokens[index]
        if index - start >= _FOOTER_MOST:
            return False
        if token.is_number:
            numbers += 1
        elif not (_is_page_word(token) or token.key in _PAGE_LINKS or token.text in _PAGE_LINKS):
            return False
        index += 1
    return numbers == 2 and index - start >= 3  # a lone number is alone_on_line's


def _is_page_word(token: Token) -> bool:
    return token.is_word and (token.key in _PAGE_WORDS or token.text.lower() in _PAGE_WORDS)


def _counts_despite_year(tokens: list[Token], first: int, following: Token | None) -> bool:
    """ "شارك 2000 متدرب", "استقبل 1950 زائرا", "أكثر من 2000 مشارك": a count that looks like a year.

    A year is often followed by a word too ("قطر 2022 تشكل", "رؤية 2030 الطموحة"), so the count needs
    more: a noun in the accusative ("زائرا"), an approximation, or a verb of attending or counting
    right before it."""
    if following is None or not can_be_counted(following):
        return False
    approximated, _ = approximation(tokens, first - 1)
    before = tokens[first - 1].key if first > 0 else ""
    return (following.key.endswith("ا") or approximated is not None or has_amount_context(tokens, first)
            or strip_prefix(before, "وفلب") in COUNT_VERBS or before in COUNT_VERBS)


def _glued_mark_before(tokens: list[Token], first: int) -> bool:
    """ "10:30", "5/3", "2024-2026", "#15", "ـ15": a mark written against the number joins it to another.

    A colon or a dash followed by a space ends a phrase instead ("للصحيفة: 90 متدربا")."""
    if first == 0:
        return False
    mark = tokens[first - 1]
    return mark.text in "ـ#" or (mark.text in "/:-" and mark.end == tokens[first].start)


def _decimal(number_text: str) -> bool:
    """ "3.829", "2,5", "828.5": no year is written with a decimal point, so "م" after it is metres; an hour and
    two digits of minutes ("8.30 م") is the clock's."""
    clock = _CLOCK.fullmatch(number_text)
    if clock is not None and int(clock.group(1)) <= _LAST_HOUR and int(clock.group(2)) <= _LAST_MINUTE:
        return False
    return any(mark in number_text for mark in ".,٫")


def _word_value_too_small(number_text: str) -> bool:
    value = parse_number(number_text)
    return value is None or value < _VALUE_WORDS_MIN


def labels_the_number(previous: Token, following: Token | None) -> bool:
    """Whether the word before a number makes it a label or a rank ("الدورة 29", "المركز 3 عالميا")."""
    word = previous.key if previous.key in LABEL_WORDS else strip_prefix(previous.key, "وفلب")
    if word not in LABEL_WORDS:
        return False
    # "استقبل المركز 90 متدربا" counts; "المركز 3 عالميا" ranks (a word of where is never counted)
    return not (word in RANK_OR_BODY and following is not None and can_be_counted(following))


def dates_the_number(previous: Token, number_text: str, following: Token | None) -> bool:
    """Whether a year word before the number makes it a year ("عام 2019", "منذ 2015").

    After "هذا العام" or "حتى" a count follows too ("هذا العام 6 آلاف زائر", "حتى 50 متطوعا"): a number
    that does not look like a year and has a counted noun after it is a count."""
    if strip_prefix(previous.key, "وفلب") not in YEAR_WORDS:
        return False
    return looks_like_year(number_text) or following is None or not can_be_counted(following)


def second_of_labelled_pair(tokens: list[Token], first: int) -> bool:
    """ "المادتين 12 و13", "الفصلين 27 و28", "البنود 4 و5": the number after "و" is labelled like the one
    before it."""
    index = first - 1 if tokens[first].is_word and tokens[first].key.startswith("و") else first - 2
    if index < 1 or (index == first - 2 and tokens[first - 1].key != "و") or not tokens[index].is_number:
        return False
    return _is_label_or_its_dual(tokens[index - 1].key)


def _is_label_or_its_dual(word_key: str) -> bool:
    word = word_key if word_key in LABEL_WORDS else strip_prefix(word_key, "وفلب")
    if word.endswith(("تين", "تان")):
        word = word[:-3] + "ه"  # "المادتين" -> "المادة"
    elif word.endswith(("ين", "ان")):
        word = word[:-2]  # "الفصلين" -> "الفصل"
    return word in LABEL_WORDS and word not in RANK_OR_BODY


def is_phone_or_postal(text: str, tokens: list[Token], first: int) -> bool:
    """A phone number ("+968...", "0096824...", "هاتف 2468...", "الخط الساخن 1800") or a postal box."""
    number = tokens[first]
    start = number.start
    if number.text.startswith(("0", "٠")) and len(number.text) >= 6:
        return True
    if start > 0 and text[start - 1] == "+":
        return True
    before = tokens[max(0, first - 3):first]
    if tuple(token.text for token in before) == _POSTAL_BOX:
        return True
    return any(token.key in PHONE_WORDS or strip_prefix(token.key, "وفلب") in PHONE_WORDS for token in before[-2:])


def in_name_or_code(text: str, tokens: list[Token], first: int) -> bool:
    """ "G20", "COP 28", "كوفيد 19": the number is part of a name written with Latin letters or a code."""
    start, end = tokens[first].start, tokens[first].end
    if start > 0 and text[start - 1].isascii() and text[start - 1].isalpha():
        return True
    if end < len(text) and text[end].isascii() and text[end].isalpha():
        return True  # "5G", "4K", "3D": a Latin letter glued after the number
    previous = tokens[first - 1] if first > 0 else None
    if previous is None:
        return False
    latin_code = previous.text.isascii() and previous.text.isalpha() and previous.text.isupper()
    return latin_code or previous.key in NAMES_WITH_NUMBERS


def names_a_round(tokens: list[Token], first: int) -> bool:
    """ "مؤتمر جنيف 2"، "افتتاح جنيف 2"، "جنيف2": a number after a city's name, itself after a word of talks,
    a conference or its occasion, or glued to the city, is the round's number in its name."""
    if first == 0:
        return False
    city = tokens[first - 1]
    if not city.is_word or (city.key not in _CITIES and strip_prefix(city.key, "وفبل") not in _CITIES):
        return False  # "باريس" and "بجنيف"
    if city.end == tokens[first].start:
        return True  # "جنيف2"
    before = tokens[first - 2] if first > 1 else None
    return before is not None and before.is_word and (before.key in _ROUND_NOUNS
                                                     or strip_prefix(before.key, "وفبل") in _ROUND_NOUNS)


def numbers_a_document(tokens: list[Token], first: int, following: Token | None) -> bool:
    """ "القرار الأممي 2254 وسجل"، "قرار مجلس الأمن 2254": a resolution's, a decree's or a law's number after
    its adjective or its issuing body (a definite word right before the number). A counted noun after it
    makes a count ("تضمن القانون الجديد 45 مادة"); a word glued to و there opens the next clause."""
    if first == 0 or not tokens[first - 1].is_word or not strip_prefix(tokens[first - 1].key, "وفبل").startswith("ال"):
        return False
    if following is not None and can_be_counted(following) and not following.key.startswith("و"):
        return False
    for index in range(first - 2, max(-1, first - 2 - _DOCUMENT_REACH), -1):
        token = tokens[index]
        if not token.is_word or token.newline_before:
            return False
        if token.key in _DOCUMENT_LABELS or strip_prefix(token.key, "وفبل") in _DOCUMENT_LABELS:
            return True
    return False


def in_a_chart(tokens: list[Token], first: int) -> bool:
    """A chart's scale or labels as a PDF's text gives them: a line of three numbers or more and nothing else
    ("0 20 40 60 80 100"), or a line of numbers next to another such line (the column "61%", "60%", "52%")."""
    start = _line_start(tokens, first)
    if start is None:
        return False
    numbers, end = _numbers_only(tokens, start)
    if numbers == 0:
        return False
    if numbers >= 3 or (end < len(tokens) and _numbers_only(tokens, end)[0] > 0):
        return True
    previous = _line_start(tokens, start - 1) if start > 0 else None
    if previous is None:
        return False
    count, following = _numbers_only(tokens, previous)
    return count > 0 and following == start


def _line_start(tokens: list[Token], index: int) -> int | None:
    """The first token of the line of ``tokens[index]``, None when it is more than ``_LINE_MOST`` back."""
    start = index
    while start > 0 and not tokens[start].newline_before:
        if index - start >= _LINE_MOST:
            return None
        start -= 1
    return start


def _numbers_only(tokens: list[Token], start: int) -> tuple[int, int]:
    """How many numbers the line from ``tokens[start]`` holds (0 when it holds anything but numbers and their
    marks, or is long), and the index of the next line's first token."""
    numbers, index = 0, start
    while index < len(tokens) and (index == start or not tokens[index].newline_before):
        token = tokens[index]
        if index - start >= _LINE_MOST or not (token.is_number or token.text in _COLUMN_MARKS):
            return 0, index
        numbers += token.is_number
        index += 1
    return numbers, index


def day_of_range(tokens: list[Token], first: int, last: int) -> bool:
    """The first day of a range of dates ("يومي 10 و11 سبتمبر", "من 27 إلى 29 يناير") or a day after "يوم"."""
    if first > 0 and strip_prefix(tokens[first - 1].key) in DAY_WORDS:
        return True
    position = last + 1
    if position < len(tokens) and _links_a_range(tokens[position]):
        position += 1
    if position < len(tokens) and tokens[position].is_number:
        return position + 1 < len(tokens) and tokens[position + 1].key in MONTHS
    # "18 من الشهر الجاري": a day of this month
    return (last + 2 < len(tokens) and tokens[last + 1].key == lx.key("من")
            and strip_prefix(tokens[last + 2].key) in _THIS_MONTH)


def _links_a_range(token: Token) -> bool:
    """ "إلى", "-", "و" between two days, or "و" glued to the second day ("و11")."""
    if token.key in RANGE_LINKS or token.text in RANGE_LINKS:
        return True
    return token.is_word and token.key[:1] == "و" and token.key[1:].isdigit()


def looks_like_year(number_text: str) -> bool:
    digits = "".join(char for char in number_text if char.isdigit())
    return len(digits) == 4 and number_text.isdigit() and 1900 <= int(digits) <= 2100


def alone_on_line(text: str, tokens: list[Token], first: int, last: int) -> bool:
    line_start = text.rfind("\n", 0, tokens[first].start) + 1
    line_end = text.find("\n", tokens[last].end)
    line = text[line_start:len(text) if line_end < 0 else line_end]
    return len(line.split()) <= 2


def list_marker(tokens: list[Token], first: int, last: int) -> bool:
    starts_line = first == 0 or tokens[first].newline_before
    return starts_line and last + 1 < len(tokens) and tokens[last + 1].text in ".-)ـ"
