"""Dates that say when a document was printed or prepared, not when anything in it happened.

A programme, a bulletin or one of our own briefs carries a line such as «أُعدّ في 2 ديسمبر 2026»,
«طُبع في 2026/12/02», «تاريخ الطباعة: …», "Prepared on …" or "Printed on …". The date right after such
a cue (a colon, a weekday or «يوم» may come between) is a print date: the event's date is read
elsewhere (``event``). Cues are matched on the folded text (``normalize_with_offsets``: marks and
hamza forms do not matter), Latin ones in any case.
"""

from __future__ import annotations

import re

from archive.text.normalize import normalize_with_offsets

_ARABIC_CUES = (
    "اعد في", "اعدت في", "اعد بتاريخ", "اعدت بتاريخ", "طبع في", "طبعت في", "طبع بتاريخ", "طبعت بتاريخ",
    "تاريخ الطباعه", "تاريخ الطبع", "تاريخ الاعداد",
)
_LATIN_CUES = ("prepared on", "printed on", "print date", "date printed", "date of printing", "generated on")
_WEEKDAYS = ("الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت",
             "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday")
_CUE_REACH = 60  # characters before a date where its cue may start
_CUE_BEFORE = re.compile(
    r"(?<![\w])[وف]?(?:{cues})\s*:?\s*(?:(?:يوم\s+)?(?:{weekdays})\s*[،,]?\s*)?$".format(
        cues="|".join(re.escape(cue).replace(r"\ ", r"\s+") for cue in (*_ARABIC_CUES, *_LATIN_CUES)),
        weekdays="|".join(_WEEKDAYS)),
    re.IGNORECASE)


def is_print_date(text: str, date_start: int) -> bool:
    """Whether the date written at ``date_start`` in ``text`` follows a print cue on its line."""
    line_start = text.rfind("\n", 0, date_start) + 1
    before = text[max(line_start, date_start - _CUE_REACH):date_start]
    return _CUE_BEFORE.search(normalize_with_offsets(before)[0]) is not None
