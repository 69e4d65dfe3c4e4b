"""The article's frame: headline, dateline (city and outlet), and the event it reports.

- Dateline: a short line or paragraph opening such as "مسقط - الرؤية", "مسقط ـ « الوطن» :" or
  "مسقط في 5 مارس /العمانية/": a city, a dash or "في <date>", and an outlet, near the top.
- Headline: the short lines before the dateline.
- Event: an event noun ("منتدى", "ملتقى", "لقاء", "مؤتمر", ...) with its name running until a
  word that cannot belong to it; preferred when an organising verb precedes it or an ordinal
  (edition) follows. The organiser is the subject of "نظم/عقد/أقام" before the event noun,
  the venue a place noun after "في/بـ", the edition an ordinal inside the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.importing import lexicon as lx
from archive.importing.people import organisation_in
from archive.importing.tokens import Token, strip_prefix
from archive.text.dates import find_dates
from archive.text.ordinals import find_ordinals

_DATELINE = re.compile(
    r"^[ \t\u200f\u200e]*(?P<city>[\u0621-\u064A]+(?: [\u0621-\u064A]+)?)[ \t]*"
    r"(?:[-–—ـ]+[ \t]*[«\"“(]?|في [^/\n]{3,30}?[ \t]*/)[ \t]*(?P<outlet>[\u0621-\u064A]+(?: [\u0621-\u064A]+)?)[ \t]*[»\"”/)]?"
    r"[ \t]*[:：]?[ \t]*(?=\n|$|[\u0621-\u064A])", re.MULTILINE)
_BYLINE_WORDS = frozenset(("كتب", "كتبت", "تصوير", "متابعة", "إعداد", "حوار", "تقرير", "ترجمة"))
_HASHTAG = re.compile(r"#[\w\u0621-\u064A_]+")
_TOP_LINES = 8


@dataclass(frozen=True)
class Dateline:
    city: str | None
    outlet: str | None
    start: int
    end: int


@dataclass(frozen=True)
class EventMatch:
    name: str
    kind: str
    start: int
    end: int
    series: str | None
    edition: int | None
    edition_label: str | None
    organiser: str | None
    venue: str | None
    city: str | None
    start_date: str | None
    end_date: str | None
    hashtags: tuple[str, ...]
    guest_organisations: tuple[str, ...]
    confidence: float
    reason: str


def find_dateline(text: str) -> Dateline | None:
    """The dateline among the first lines, if the article has one."""
    top = _top_lines_end(text)
    for match in _DATELINE.finditer(text, 0, top):
        outlet = match.group("outlet")
        if match.group("city").split()[0] in _BYLINE_WORDS:
            continue  # "كتب - فلان" names the reporter, not a place and an outlet
        line_is_short = len(text[match.start():text.find("\n", match.start()) % (len(text) + 1)].split()) <= 6
        known = lx.key(outlet) in lx.KNOWN_OUTLETS or "/" in match.group() or "«" in match.group()
        if known or line_is_short:
            # "صحار - خالد البلوشي": two unknown words after the dash name a reporter, not an outlet.
            reporter = not known and len(outlet.split()) == 2
            return Dateline(match.group("city"), None if reporter else outlet, match.start("city"), match.end("outlet"))
    return None


def find_headline(text: str, dateline: Dateline | None) -> tuple[str, int, int] | None:
    """The first short line before the dateline (or the first short line of a text without one)."""
    limit = dateline.start if dateline else _top_lines_end(text)
    for match in re.finditer(r"[^\n]+", text[:limit]):
        line = match.group().strip()
        if line and len(line) < 200 and not line.endswith((".", ":")) and len(line.split()) >= 2:
            offset = match.start() + match.group().index(line)
            return line, offset, offset + len(line)
    return None


def find_hashtags(text: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for match in _HASHTAG.finditer(text):
        seen.setdefault(match.group().rstrip("_"), None)
    return tuple(seen)


def find_event(text: str, tokens: list[Token], dateline: Dateline | None) -> EventMatch | None:
    """The event the article reports: the best-supported event-noun phrase, with its details."""
    candidates = [_candidate(text, tokens, i) for i, token in enumerate(tokens) if strip_prefix(token.key) in lx.EVENT_NOUNS]
    candidates = [candidate for candidate in candidates if candidate is not None]
    if not candidates:
        return None
    score, index, name_end, organiser, reasons = max(candidates, key=lambda c: (c[0], -c[1]))
    head = tokens[index]
    name = text[head.start + _conjunction_length(head):tokens[name_end - 1].end]
    ordinal = next(iter(find_ordinals(name)), None) or _edition_after(text, tokens, name_end)
    for _, _, other_end, _, _ in [(0, 0, name_end, None, None)] + sorted(candidates, key=lambda c: c[1]):
        organiser = organiser or _organiser_after(text, tokens, other_end)
    venue = _venue(text, tokens, name_end)
    dates = [date for date in find_dates(text) if date.start > head.start - 400]
    city = dateline.city if dateline else None
    guests = _guests(text, tokens)
    return EventMatch(
        name=name, kind=lx.EVENT_NOUNS[strip_prefix(head.key)], start=head.start, end=tokens[name_end - 1].end,
        series=organiser if head.text.endswith("ه") else None,  # "لقاءه": the organiser's own series
        edition=ordinal.value if ordinal else None, edition_label=ordinal.text if ordinal else None,
        organiser=organiser, venue=venue, city=city,
        start_date=dates[0].value if dates else None, end_date=dates[1].value if len(dates) > 1 else None,
        hashtags=find_hashtags(text), guest_organisations=guests,
        confidence=min(0.95, 0.4 + 0.15 * score), reason="; ".join(reasons))


def _candidate(text: str, tokens: list[Token], index: int) -> tuple[int, int, int, str | None, list[str]] | None:
    name_end = _name_end(tokens, index)
    score, reasons = 0, []
    name = text[tokens[index].start:tokens[name_end - 1].end]
    if find_ordinals(name):
        score, reasons = score + 3, reasons + ["edition ordinal in the name"]
    organiser, verb_found = _organiser_before(text, tokens, index)
    if verb_found:
        score, reasons = score + 2, reasons + ["organising verb before it"]
    if name_end - index >= 2:
        score, reasons = score + 1, reasons + ["named"]
    if not tokens[index].key.startswith("ال") or name_end - index >= 2:
        score += 1
    if tokens[index].start < 600:
        score += 1
    return score, index, name_end, organiser, reasons or ["event noun"]


def _name_end(tokens: list[Token], index: int) -> int:
    position = index + 1
    ordinal_seen = False
    while position < len(tokens) and position - index < 9:
        token = tokens[position]
        if not token.is_word or token.newline_before or strip_prefix(token.key) in lx.EVENT_NAME_STOPS:
            break
        if ordinal_seen and not token.key.startswith("و"):
            break
        if token.key in lx.REPORTING_VERBS or token.key in lx.EVENT_VERBS:
            break
        if token.key.startswith("ب") and not token.key.startswith("بال") and position > index + 1:
            break
        ordinal_seen = ordinal_seen or bool(find_ordinals(token.text))
        position += 1
    return position


def _organiser_before(text: str, tokens: list[Token], index: int) -> tuple[str | None, bool]:
    """The organisation between an organising verb and the event noun ("نظم مركز ... لقاءه")."""
    for back in range(index - 1, max(-1, index - 10), -1):
        if strip_prefix(tokens[back].key) in lx.EVENT_VERBS:
            between = [token for token in tokens[back + 1:index] if token.is_word]
            organiser = organisation_in(text, between) if between else None
            return organiser, True
        if not tokens[back].is_word:
            break
    return None, False


_EDITION_NOUNS = {lx.key(word) for word in ("الدورة", "دورته", "دورتها", "النسخة", "نسخته", "نسختها", "بدورته", "بنسخته")}
_ORGANISING_RELATIVES = {lx.key(word) for word in ("ينظمه", "تنظمه", "ينظمها", "تنظمها", "نظمته", "نظمه", "نظمها",
                                                     "نظمتها", "تنظيم", "بتنظيم", "يقيمه", "تقيمه", "أقامته", "أقامه")}


def _edition_after(text: str, tokens: list[Token], position: int):
    """ "... في دورته الثالثة" / "النسخة الخامسة من ...": the edition printed after the name."""
    for index in range(position, min(len(tokens) - 1, position + 6)):
        if strip_prefix(tokens[index].key) in _EDITION_NOUNS or tokens[index].key in _EDITION_NOUNS:
            following = text[tokens[index + 1].start:tokens[min(len(tokens) - 1, index + 4)].end]
            found = find_ordinals(following)
            if found and found[0].start == 0:
                return found[0]
    return None


def _organiser_after(text: str, tokens: list[Token], position: int) -> str | None:
    """ "المنتدى الذي تنظمه جمعية ..." / "بتنظيم من وزارة ...": the organiser named after the event."""
    for index in range(position, min(len(tokens), position + 12)):
        if tokens[index].key in _ORGANISING_RELATIVES:
            words = [token for token in tokens[index + 1:index + 12] if token.is_word]
            if words and words[0].key == lx.key("من"):
                words = words[1:]
            if words and strip_prefix(words[0].key) in lx.ORGANISATION_HEADS | {words[0].key} and \
                    words[0].key in lx.ORGANISATION_HEADS:
                return organisation_in(text, words)
        if tokens[index].text in ".\n":
            break
    return None


def _venue(text: str, tokens: list[Token], position: int) -> str | None:
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
                    strip_prefix(tokens[end].key) not in lx.EVENT_NAME_STOPS and not tokens[end].newline_before:
                end += 1
            start = token.start + (len(token.text) - len(token.text.lstrip("بو")) if word != head else 0)
            return text[start:tokens[end - 1].end]
    return None


def _guests(text: str, tokens: list[Token]) -> tuple[str, ...]:
    guests: list[str] = []
    for index, token in enumerate(tokens):
        if token.key.startswith((lx.key("باستضافة"), lx.key("باستضافته"), lx.key("استضاف"))):
            following = [t for t in tokens[index + 1:index + 6] if t.is_word or t.text in "«»\"“”"]
            words = [t for t in following if t.is_word]
            if words and strip_prefix(words[0].key) in lx.COMPANY_WORDS and len(words) > 1:
                guests.append(words[1].text)
            elif words and words[0].key in lx.ORGANISATION_HEADS:
                name = organisation_in(text, words)
                if name:
                    guests.append(name)
    return tuple(dict.fromkeys(guests))


def _conjunction_length(token: Token) -> int:
    return 1 if token.key[:1] in "وف" and strip_prefix(token.key) != token.key else 0


def _top_lines_end(text: str) -> int:
    position = 0
    for _ in range(_TOP_LINES):
        found = text.find("\n", position)
        if found < 0:
            return len(text)
        position = found + 1
    return min(position, 1500)
