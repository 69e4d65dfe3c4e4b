"""Lines broken by hand inside a paragraph, as text copied from a PDF or an old page prints them.

Owns one question: is a line break the end of a paragraph, or only where a narrow column wrapped the
text? The rules read a line break as the end of a sentence and of a name, so a name or a quote wrapped
over two lines ("السفير البريطاني المعين لدى البحرين⏎بمجلس «الأيام»") was cut in two. ``unwrap(text)``
returns the text with each wrapped break turned into a space: one character for one, so every offset
into it is an offset into the original text.

A break is a wrap when the article is hard-wrapped (at least three long lines that end without a
sentence's last mark and run into a next line, half of the lines that run into another at least) and its
own line is one of those: as long as the column (three quarters of the longest line or more), not ending
in ". ! ؟ : » ” \"", followed by a line of text. A column is narrow (140 characters at most): an article
written one paragraph a line, without full stops, has longer lines of every length and keeps them. A
short line (a headline, a byline) and a blank line keep their break. Whatever the article's shape, a line that
ends on a word no sentence ends with (a preposition, a conjunction, "لا سيما", أن, a relative pronoun, or a verb
of speech alone on its line) runs into the next.
"""

from __future__ import annotations

import re

from archive.importing.lexicon import REPORTING_VERBS, key

_LIST_ITEM = re.compile(r"\s*(?:[-–—•*·▪]|[0-9\u0660-\u0669]+\s*[-.)]|س\s*[:：]|ج\s*[:：])")  # a list or Q&A line
_SENTENCE_LAST = tuple(".!؟?:»\"”")
_MIN_WRAPPED_LINES = 3
_COLUMN_SHARE = 0.75
_WIDEST_COLUMN = 140


def unwrap(text: str) -> str:
    """``text`` with the line breaks of a hard-wrapped column read as spaces (same length, same offsets), and
    every break after a word no sentence ends with ("لا سيما⏎التدفق"، "واكد⏎الشيباني")."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    wrapped = set(_column_wraps(lines)) | {i for i in range(len(lines) - 1) if _open_end(lines[i], lines[i + 1])}
    if not wrapped:
        return text
    return _joined(text, lines, wrapped)


def _column_wraps(lines: list[str]) -> list[int]:
    """The breaks of a hard-wrapped column (the docstring above), or none."""
    if len(lines) - 1 < _MIN_WRAPPED_LINES:
        return []
    column = max(len(line.rstrip()) for line in lines)
    if column > _WIDEST_COLUMN:
        return []
    wrapped = [i for i in range(len(lines) - 1) if _wraps(lines[i], lines[i + 1], column)]
    runs_on = [i for i in range(len(lines) - 1) if lines[i].strip() and lines[i + 1].strip()]
    if len(wrapped) < _MIN_WRAPPED_LINES or 2 * len(wrapped) < len(runs_on):
        return []
    return wrapped


# Words that need what follows them, so that no sentence ends on them: prepositions, conjunctions, "لا سيما",
# complementisers, relative pronouns. A verb of speech alone ("واكد") needs its speaker and words too.
_OPEN_WORDS = frozenset(key(word) for word in (
    "في", "من", "على", "إلى", "الى", "عن", "مع", "لدى", "حول", "نحو", "عبر", "ضد", "و", "أو", "ثم", "سيما",
    "لاسيما", "أن", "إن", "بأن", "الذي", "التي", "الذين"))


def _open_end(line: str, next_line: str) -> bool:
    words = line.split()
    if not words or not next_line.strip() or _LIST_ITEM.match(next_line):
        return False
    last = key(words[-1])
    bare = last[1:] if last[:1] in "وف" and len(last) > 3 else last
    return last in _OPEN_WORDS or (len(words) == 1 and bare in REPORTING_VERBS)


def _joined(text: str, lines: list[str], wrapped: set[int]) -> str:
    chars = list(text)
    offset = 0
    for i, line in enumerate(lines[:-1]):
        offset += len(line)
        if i in wrapped:
            chars[offset] = " "
        offset += 1
    return "".join(chars)


def _wraps(line: str, next_line: str, column: int) -> bool:
    body = line.rstrip()
    return (bool(next_line.strip()) and len(body) >= _COLUMN_SHARE * column
            and not body.endswith(_SENTENCE_LAST) and not _LIST_ITEM.match(next_line))
