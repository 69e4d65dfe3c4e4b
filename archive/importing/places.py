"""Where an article and its event are: the dateline (city and outlet) and the event's venue.

- Dateline: a short line or paragraph opening such as "مسقط - الرؤية", "مسقط ـ « الوطن» :" or
  "مسقط في 5 مارس /العمانية/": a city, a dash or "في <date>", and an outlet, near the top. Outlets
  also print it the other way round ("صدى الخليج - المنامة"): the side that is a known city
  (``cities.json``, package data) is the city.
- Venue: a place noun ("فندق", "قاعة", "مركز" ...) after "في" or with a glued "بـ", after the event's
  name or, failing that, before it in the same sentence ("افتتحت بفندق ... أعمال الملتقى"); it ends
  before a word that cannot belong to it, such as a word of time ("يومي", "خلال", "صباح").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources

from archive.importing import lexicon as lx
from archive.importing.tokens import Token, strip_prefix

_DATELINE = re.compile(
    r"^[ \t\u200f\u200e]*(?P<city>[\u0621-\u064A]+(?: [\u0621-\u064A]+)?)[ \t]*"
    r"(?:[-–—ـ]+[ \t]*[«\"“(]?|في [^/\n]{3,30}?[ \t]*/)[ \t]*"
    r"(?P<outlet>[\u0621-\u064A]+(?: [\u0621-\u064A]+)?)(?![\u0621-\u064A])[ \t]*[»\"”/)]?"
    r"(?:[ \t]*[-–—ـ]+[ \t]*[\u0621-\u064A]+(?: [\u0621-\u064A]+){0,2}(?![\u0621-\u064A]))?"  # "– reporter"
    r"[ \t]*[:：]?[ \t]*(?=\n|$|[\u0621-\u064A])", re.MULTILINE)
_TOP_LINES = 8
_CITIES = frozenset(lx.key(city) for city in json.loads(
    resources.files("archive.importing").joinpath("cities.json").read_text(encoding="utf-8"))["cities"])
# Words that end a venue printed before the event ("بفندق النخيل أعمال الملتقى").
_VENUE_ENDS = frozenset(lx.key(word) for word in ("أعمال", "فعاليات", "فعالية", "حفل", "انطلاق", "افتتاح"))
# Words of time that end a venue printed after the event ("بمركز عمان للمؤتمرات يومي 10 و11 مارس").
_VENUE_STOPS = lx.EVENT_NAME_STOPS | frozenset(lx.key(word) for word in (
    "يومي", "يومين", "أيام", "خلال", "صباح", "مساء", "ظهر", "عصر", "ليلة", "الساعة", "مطلع", "منتصف"))
_SENTENCE_MARKS = frozenset(".،,؛:!؟\n")
_SENTENCE_ENDS = frozenset(".!?؟")


@dataclass(frozen=True)
class Dateline:
    city: str | None
    outlet: str | None
    start: int
    end: int


def find_dateline(text: str) -> Dateline | None:
    """The dateline among the first lines, if the article has one."""
    top = top_lines_end(text)
    for match in _DATELINE.finditer(text, 0, top):
        outlet = match.group("outlet")
        if lx.key(match.group("city").split()[0]) in lx.BYLINE_LABELS:
            continue  # "كتب - فلان" names the reporter, not a place and an outlet
        line_is_short = len(text[match.start():text.find("\n", match.start()) % (len(text) + 1)].split()) <= 6
        credit = _credit_between_slashes(text, match)
        outlet = credit or outlet
        known = lx.key(outlet) in lx.KNOWN_OUTLETS or credit is not None or "«" in match.group()
        a_city = lx.key(match.group("city")) in _CITIES or lx.key(outlet) in _CITIES
        if known or line_is_short or a_city:
            # "صحار - خالد البلوشي": two unknown words after the dash name a reporter, not an outlet.
            reporter = not known and len(outlet.split()) == 2
            city = match.group("city")
            if lx.key(city) not in _CITIES and lx.key(outlet) in _CITIES:
                city, outlet = outlet, city  # "صدى الخليج - المنامة"
            end = text.index("/", match.end("outlet")) + 1 if credit else match.end("outlet")
            return Dateline(city, None if reporter else outlet, match.start("city"), end)
    return None


def _credit_between_slashes(text: str, match: re.Match[str]) -> str | None:
    """ "/العمانية/"، "/أ ش أ/": an agency's credit between slashes, whole; one slash is any "يونيو/حزيران" in a
    sentence, no credit."""
    opened = text.rfind("/", match.start("outlet") - 2, match.start("outlet"))
    closed = text.find("/", match.end("outlet"), match.end("outlet") + 4)
    return text[opened + 1:closed].strip() if opened >= 0 and closed >= 0 else None


def venue_after(text: str, tokens: list[Token], position: int) -> str | None:
    """The venue named after the event's name ("... في قاعة المؤتمرات", "... بفندق البستان")."""
    for index in range(position, min(len(tokens), position + 25)):
        token = tokens[index]
        word = token.key
        if token.text in ".\n":
            break
        head = word[1:] if word.startswith(("ب", "و")) and word[1:] in lx.VENUE_HEADS else word
        preceded = index > 0 and tokens[index - 1].key in (lx.key("في"),)
        if head in lx.VENUE_HEADS and (preceded or word != head):
            end = index + 1
            while end < len(tokens) and end - index < 8 and tokens[end].is_word and \
                    strip_prefix(tokens[end].key) not in _VENUE_STOPS and not tokens[end].newline_before:
                end += 1
            start = token.start + (len(token.text) - len(token.text.lstrip("بو")) if word != head else 0)
            return text[start:tokens[end - 1].end]
    return None


def venue_before(text: str, tokens: list[Token], index: int) -> str | None:
    """The venue printed before the event noun in its sentence: "افتتحت بفندق النخيل أعمال الملتقى"."""
    for back in range(index - 1, max(-1, index - 12), -1):
        token = tokens[back]
        if token.text in _SENTENCE_MARKS:
            return None
        word = token.key
        glued = word[:1] == "ب" and word[1:] in lx.VENUE_HEADS
        if glued or (word in lx.VENUE_HEADS and back > 0 and tokens[back - 1].key == lx.key("في")):
            end = back + 1
            while end < index and tokens[end].is_word and strip_prefix(tokens[end].key) not in _VENUE_ENDS \
                    and tokens[end].key not in lx.EVENT_NOUNS:
                end += 1
            start = token.start + (1 if glued else 0)
            return text[start:tokens[end - 1].end]
        if token.newline_before:
            return None
    return None


def city_near(text: str, tokens: list[Token], index: int) -> str | None:
    """A known city named in the sentence of ``tokens[index]`` after "في" or a glued "بـ"
    ("انطلقت في المنامة أعمال الملتقى", "الملتقى ... بالدار البيضاء")."""
    start, end = index, index
    while start > 0 and tokens[start - 1].text not in _SENTENCE_ENDS and not tokens[start].newline_before:
        start -= 1
    while end + 1 < len(tokens) and tokens[end + 1].text not in _SENTENCE_ENDS and not tokens[end + 1].newline_before:
        end += 1
    for position in range(start, end + 1):
        token = tokens[position]
        after_in = position > 0 and tokens[position - 1].key == lx.key("في")
        for words in (2, 1):  # "الدار البيضاء" before "الدار"
            if position + words - 1 > end:
                continue
            name = text[token.start:tokens[position + words - 1].end]
            glued = token.key[:1] == "ب" and lx.key(name[1:]) in _CITIES
            if glued or (after_in and lx.key(name) in _CITIES):
                return name[1:] if glued else name
    return None


def top_lines_end(text: str) -> int:
    position = 0
    for _ in range(_TOP_LINES):
        found = text.find("\n", position)
        if found < 0:
            return len(text)
        position = found + 1
    return min(position, 1500)
