"""Partial dates: stored as "YYYY", "YYYY-MM" or "YYYY-MM-DD" text; read from press text.

Owns parsing the ways Arabic press writes a date ("12 مايو 2024", "12/5/2024" day first,
"أيار 2024", "كانون الثاني 2024", Arabic-Indic digits, "2024م"), validating and formatting
partial dates, and finding dates in running text so extraction never proposes a date or a
year as a statistic. Hijri dates ("1445هـ") are found (so their digits are not figures) but not
converted: their value is None.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from archive.text.normalize import normalize_arabic, normalize_with_offsets, original_span
from archive.text.ordinals import parse_ordinal


@dataclass(frozen=True)
class DateMatch:
    """A date found in text. ``value`` is the partial date, or None when the text gives no
    Gregorian year ("12 مايو", a Hijri date); ``month``/``day`` are still set when written."""

    start: int
    end: int
    value: str | None
    text: str
    month: int | None = None
    day: int | None = None


MONTHS_AR = (
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
)
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)
_MONTH_VARIANTS = {
    1: ("يناير", "كانون الثاني", "جانفي"), 2: ("فبراير", "شباط", "فيفري"), 3: ("مارس", "آذار"),
    4: ("أبريل", "إبريل", "ابريل", "نيسان", "أفريل"), 5: ("مايو", "أيار"),
    6: ("يونيو", "يونيه", "حزيران", "جوان"),
    7: ("يوليو", "يوليه", "تموز", "جويلية"), 8: ("أغسطس", "آب", "أوت"), 9: ("سبتمبر", "أيلول"),
    10: ("أكتوبر", "تشرين الأول"), 11: ("نوفمبر", "تشرين الثاني"), 12: ("ديسمبر", "كانون الأول"),
}
_MONTH_NUMBERS = {
    normalize_arabic(name): number for number, names in _MONTH_VARIANTS.items() for name in names
}
_LETTER = "\u0621-\u064a"
_G = r"[^\S\n]*"
_S = r"[^\S\n]+"
_MONTH = "|".join(
    re.escape(name).replace(r"\ ", _S) for name in sorted(_MONTH_NUMBERS, key=len, reverse=True)
)


def _year_tail(name: str) -> str:
    return rf"(?:{_G}[,،]?{_G}(?:من{_S})?(?:(?:ال|ل)?(?:عام|سنه){_S})?(?P<{name}>\d{{4}}))"


_DATE = re.compile(
    rf"""(?<!\d)(?<!\d[.,])(?:
      (?<![/\-])(?P<nd>\d{{1,2}})(?P<sep>[/.\-])(?P<nm>\d{{1,2}})(?P=sep)(?P<ny>\d{{4}})
    | (?<![/\-])(?P<iy>\d{{4}})(?P<isep>[/\-])(?P<im>\d{{1,2}})(?:(?P=isep)(?P<id>\d{{1,2}}))?
    | (?<![/\-])(?P<sm>\d{{1,2}})/(?P<sy>\d{{4}})
    | (?<![/\-])(?P<td>\d{{1,2}}){_G}(?:من{_S})?(?:شهر{_S})?[وبل]?(?P<tm>{_MONTH})(?![{_LETTER}]){_year_tail("ty")}?
    | (?P<od>[وبل]?ال[{_LETTER}]+(?:{_S}(?:عشر|عشره|وال[{_LETTER}]+))?)
      {_S}من{_S}(?:شهر{_S})?(?P<om>{_MONTH})(?![{_LETTER}]){_year_tail("oy")}?
    | (?<![{_LETTER}])(?:(?:ل|ب)?شهر{_S})?[وبل]?(?P<mm>{_MONTH})(?![{_LETTER}]){_year_tail("my")}
    | (?P<yy>\d{{4}})
    )(?P<era>{_G}(?:م|ه)(?![{_LETTER}]))?(?!\d)""",
    re.VERBOSE,
)
_DIGIT_START = re.compile(r"(?<!\d)\d")
_MONTH_WORD = re.compile(rf"(?<![{_LETTER}])[وبل]?(?:{_MONTH})(?![{_LETTER}])")
_WORD_START = re.compile(rf"(?<![{_LETTER}])[{_LETTER}]")
# A word right before a bare 4-digit number that makes it a year.
_YEAR_CUE = re.compile(
    rf"(?:(?<![{_LETTER}])[وبلف]?(?:ال)?(?:عام|سنه|منذ|حتي|خلال|قبل|بعد|في|رؤيه|موسم|مطلع|نهايه|بدايه|اواخر|اوائل)"
    rf"{_G}|[{_LETTER}])$"
)
_COUNTED_WORD = re.compile(rf"{_G}(?P<word>[{_LETTER}]{{2,}})")
_NOT_COUNTED = frozenset("و في من الي علي عن مع او ثم وذلك وقد حيث كما التي الذي".split())  # noqa: SIM905
_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_FILLER = frozenset(
    """يوم الموافق في بتاريخ تاريخ ميلادي ميلاديه م عام العام سنه من
    الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت احد اثنين ثلاثاء اربعاء خميس جمعه سبت""".split()  # noqa: SIM905
)
_NON_WORD = re.compile(rf"[^{_LETTER}\d]+")


def validate_partial_date(value: str | None) -> bool:
    """Whether ``value`` is "YYYY", "YYYY-MM" or "YYYY-MM-DD" naming a real year, month and day."""
    match = _PARTIAL.fullmatch(value or "")
    if match is None:
        return False
    year, month, day = (int(part) if part else None for part in match.groups())
    return _valid(year, month, day)


def parse_partial_date(text: str) -> str | None:
    """The partial date written in ``text``, or None when it is not one (or not a valid one).

    Accepts the stored forms, "12/5/2024" (day first), "12 مايو 2024", "مايو 2024", "2024",
    "الأول من مايو 2024", with Arabic-Indic digits and weekday words around it. The text must
    hold one date and nothing else of substance.
    """
    folded = normalize_arabic(text)
    if validate_partial_date(folded):
        return folded
    matches = _find(folded)
    if len(matches) != 1:
        return None
    start, end, value, _month, _day = matches[0]
    leftover = _NON_WORD.sub(" ", folded[:start] + " " + folded[end:]).split()
    if value is None or any(word not in _FILLER for word in leftover):
        return None
    return value


def format_partial_date(value: str, language: str = "ar") -> str:
    """"12 مايو 2024" / "12 May 2024", "مايو 2024", "2024"; an invalid value is returned unchanged."""
    if not validate_partial_date(value):
        return value
    parts = [int(part) for part in value.split("-")]
    months = MONTHS_EN if language == "en" else MONTHS_AR
    if len(parts) == 1:
        return str(parts[0])
    month_year = f"{months[parts[1] - 1]} {parts[0]}"
    return month_year if len(parts) == 2 else f"{parts[2]} {month_year}"


def partial_date_year(value: str | None) -> int | None:
    """The year of a valid partial date, else None."""
    return int(value[:4]) if value and validate_partial_date(value) else None


def partial_date_range(value: str | None) -> tuple[datetime.date, datetime.date] | None:
    """First and last day a partial date covers ("2024-05" → 1 May .. 31 May), for sorting and filters."""
    if not value or not validate_partial_date(value):
        return None
    parts = [int(part) for part in value.split("-")]
    year = parts[0]
    if len(parts) == 3:
        day = datetime.date(year, parts[1], parts[2])
        return day, day
    if len(parts) == 2:
        last_day = calendar.monthrange(year, parts[1])[1]
        return datetime.date(year, parts[1], 1), datetime.date(year, parts[1], last_day)
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def find_dates(text: str) -> list[DateMatch]:
    """Every date (and year) in running text, with spans into ``text``."""
    folded, offsets = normalize_with_offsets(text)
    results = []
    for start, end, value, month, day in _find(folded):
        original_start, original_end = original_span(offsets, start, end)
        results.append(DateMatch(original_start, original_end, value, text[original_start:original_end], month, day))
    return results


@dataclass(frozen=True)
class DateRange:
    """The days something runs, as written: "22- 24 أبريل 2025", "يومي 10 و11 سبتمبر", "من 3 إلى 6 فبراير",
    "من 27 يناير إلى 2 فبراير 2025", or one date. ``start``/``end`` are partial dates (None when the text
    gives no year); ``end`` is None for a single day. ``text_start``/``text_end`` cover the written range."""

    start: str | None
    end: str | None
    text_start: int
    text_end: int
    month: int | None
    day: int | None = None  # of the first date


def find_date_ranges(text: str) -> list[DateRange]:
    """The dates of ``text`` with ranges of days joined into one, in text order."""
    dates = find_dates(text)
    ranges: list[DateRange] = []
    index = 0
    while index < len(dates):
        date = dates[index]
        following = dates[index + 1] if index + 1 < len(dates) else None
        if following is not None and date.month and following.month \
                and _RANGE_LINK.fullmatch(normalize_with_offsets(text[date.end:following.start])[0]):
            start = date.value or _in_year_of(date, following.value)
            ranges.append(DateRange(start, following.value, date.start, following.end, date.month, date.day))
            index += 2
            continue
        first_day, text_start = _first_day_before(text, date)
        if first_day is not None and date.value and date.day and date.month and first_day < date.day:
            start = _format(int(date.value[:4]), date.month, first_day)
            ranges.append(DateRange(start, date.value, text_start, date.end, date.month, first_day))
        else:
            ranges.append(DateRange(date.value, None, date.start, date.end, date.month, date.day))
        index += 1
    return ranges


_RANGE_LINK = re.compile(rf"{_G}(?:[-–]|و?الي|و?حتي|و){_G}(?:(?:يوم|اليوم){_S})?")
# The first day(s) of a range written before a date: "22- ", "10 و", "من 3 إلى ", "8 و 9 و ".
_FIRST_DAY = re.compile(rf"(?<!\d)(?P<day>\d{{1,2}}){_G}(?:(?:[-–]|و){_G}\d{{1,2}}{_G})*(?:[-–]|الي|حتي|و){_G}$")


def _first_day_before(text: str, date: DateMatch) -> tuple[int | None, int]:
    window_start = max(0, date.start - 30)
    folded, offsets = normalize_with_offsets(text[window_start:date.start])
    match = _FIRST_DAY.search(folded)
    if match is None:
        return None, date.start
    return int(match.group("day")), window_start + original_span(offsets, match.start(), match.end())[0]


def _in_year_of(date: DateMatch, later: str | None) -> str | None:
    """ "27 يناير" before "2 فبراير 2025": the first date takes the year of the second."""
    if later is None or date.month is None or not _valid(int(later[:4]), date.month, date.day):
        return None
    return _format(int(later[:4]), date.month, date.day)


# --- internals --------------------------------------------------------------------------------

_Found = tuple[int, int, str | None, int | None, int | None]


def _find(folded: str) -> list[_Found]:
    found: list[_Found] = []
    covered_until = 0
    for start in _candidate_starts(folded):
        if start < covered_until:
            continue
        match = _DATE.match(folded, start)
        parts = _parts(match, folded) if match else None
        if match is None or parts is None:
            continue
        found.append((match.start(), match.end(), *parts))
        covered_until = match.end()
    return found


def _candidate_starts(folded: str) -> list[int]:
    """Where a date can begin: a run of digits, or one of the few words before a month name.

    Trying the date pattern only there is about ten times faster than searching every position.
    """
    starts = {match.start() for match in _DIGIT_START.finditer(folded)}
    for month in _MONTH_WORD.finditer(folded):
        window_start = max(0, month.start() - 40)
        starts.update(word.start() for word in _WORD_START.finditer(folded, window_start, month.start() + 1))
    return sorted(starts)


def _parts(match: re.Match[str], folded: str) -> tuple[str | None, int | None, int | None] | None:
    """(value, month, day) of a date match, or None when it is not a valid date after all."""
    group = match.group
    hijri = (group("era") or "").strip() == "ه"
    year: int | None
    month: int | None
    day: int | None
    if group("nd"):
        year, month, day = int(group("ny")), int(group("nm")), int(group("nd"))
    elif group("iy"):
        year, month, day = int(group("iy")), int(group("im")), int(group("id")) if group("id") else None
    elif group("sm"):
        year, month, day = int(group("sy")), int(group("sm")), None
    elif group("tm"):
        year, month, day = _int(group("ty")), _month(group("tm")), int(group("td"))
    elif group("om"):
        year, month, day = _int(group("oy")), _month(group("om")), parse_ordinal(group("od"))
        if day is None:
            return None
    elif group("mm"):
        year, month, day = int(group("my")), _month(group("mm")), None
    else:
        bare_year = int(group("yy"))
        if not hijri and not _is_year(match, folded, bare_year):
            return None
        year, month, day = bare_year, None, None
    if hijri:
        return None, None, None
    if year is None:
        return (None, month, day) if _valid(2000, month, day) else None
    if not _valid(year, month, day):
        return None
    return _format(year, month, day), month, day


def _is_year(match: re.Match[str], folded: str, year: int) -> bool:
    """A bare 4-digit number is a year when it looks like one and is not counting something."""
    if not 1900 <= year <= 2100:
        return False
    if match.group("era") or _YEAR_CUE.search(folded, max(0, match.start() - 12), match.start()):
        return True
    following = _COUNTED_WORD.match(folded, match.end())
    return following is None or following.group("word") in _NOT_COUNTED


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    if year is None or not 1000 <= year <= 9999:
        return False
    if month is None:
        return day is None
    if not 1 <= month <= 12:
        return False
    return day is None or 1 <= day <= calendar.monthrange(year, month)[1]


def _format(year: int, month: int | None, day: int | None) -> str:
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" if day is None else f"{year:04d}-{month:02d}-{day:02d}"


def _month(name: str) -> int:
    return _MONTH_NUMBERS[re.sub(r"\s+", " ", name)]


def _int(digits: str | None) -> int | None:
    return int(digits) if digits else None
