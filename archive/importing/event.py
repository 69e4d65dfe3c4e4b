"""The article's frame: headline, dateline (city and outlet), and the event it reports.

- Dateline (``places``): a short line or paragraph opening such as "مسقط - الرؤية", "مسقط ـ « الوطن» :"
  or "مسقط في 5 مارس /العمانية/": a city, a dash or "في <date>", and an outlet, near the top.
- Headline: the short lines before the dateline.
- Event: an event noun ("منتدى", "ملتقى", "لقاء", "مؤتمر", ...) with its name running until a
  word that cannot belong to it; preferred when an organising verb precedes it or an ordinal
  (edition) follows. The organiser is the subject of "نظم/عقد/أقام" before the event noun,
  the venue a place noun after "في/بـ" (``places``), the edition an ordinal inside the name, after it
  ("في دورته الثالثة") or before it ("الدورة 57 من معرض ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.importing import lexicon as lx
from archive.importing.people import organisation_in
from archive.importing.places import Dateline, city_near, find_dateline, top_lines_end, venue_after, venue_before
from archive.importing.print_dates import is_print_date
from archive.importing.tokens import QUOTE_CLOSERS, Token, strip_prefix
from archive.text.dates import DateRange, find_date_ranges
from archive.text.ordinals import OrdinalMatch, find_ordinals, ordinal_words

__all__ = ["Dateline", "EventMatch", "find_dateline", "find_event", "find_hashtags", "find_headline"]

_SENTENCE_END = re.compile(r"[.!?؟\n]")
_HASHTAG = re.compile(r"#[\w\u0621-\u064A_]+")


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


def find_headline(text: str, dateline: Dateline | None) -> tuple[str, int, int] | None:
    """The first short line before the dateline (or the first short line of a text without one), above the
    article's first paragraph; a page's byline ("كتب: فلان"، "بقلم - فلانة") is the writer's line, never the
    headline."""
    limit = dateline.start if dateline else top_lines_end(text)
    for match in re.finditer(r"[^\n]+", text[:limit]):
        line = match.group().strip()
        if len(line) >= 200 or line.endswith("."):
            return None  # the body has begun: a short line below its first paragraph is no headline
        if line and not line.endswith(":") and len(line.split()) >= 2 and not _byline(line):
            offset = match.start() + match.group().index(line)
            return line, offset, offset + len(line)
    return None


def _byline(line: str) -> bool:
    """ "كتب: محمد سالم"، "بقلم - نورة الحمد"، "تصوير : فلان": a byline's label, then its colon or dash."""
    label = re.match(r"[\u0621-\u064A]+(?=[ \t]*[:：\-–—ـ|])", line)
    return label is not None and lx.key(label.group()) in lx.BYLINE_LABELS


def find_hashtags(text: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for match in _HASHTAG.finditer(text):
        seen.setdefault(match.group().rstrip("_"), None)
    return tuple(seen)


@dataclass(frozen=True)
class _Candidate:
    """An event-noun phrase that may be the article's event, with the evidence for it."""

    score: int
    index: int  # the event noun's token
    name_end: int  # the token after the name
    name: str  # as printed
    organiser: str | None
    edition: OrdinalMatch | None
    reasons: tuple[str, ...]


def find_event(text: str, tokens: list[Token], dateline: Dateline | None) -> EventMatch | None:
    """The event the article reports: the best-supported event-noun phrase, with its details.

    The article names its event in full once and by its head noun after ("الملتقى الإعلامي العربي" …
    "الدورة الـ 14 للملتقى"): the fullest of the names that agree with the chosen one is its name, and
    an edition or a date printed with any of them is its edition or date."""
    candidates = [_candidate(text, tokens, i) for i in range(len(tokens)) if _head_noun(tokens, i) is not None]
    if not candidates:
        return None
    best = max(candidates, key=lambda candidate: (candidate.score, -candidate.index))
    head = tokens[best.index]
    noun = _head_noun(tokens, best.index) or ""
    same = [candidate for candidate in candidates if _same_event(best, candidate)]
    fullest = max(same, key=lambda candidate: len(_name_words(candidate.name)))
    if not all(_same_event(fullest, candidate) for candidate in same):
        same = [best]  # "المؤتمر" beside "المؤتمر الصحفي" and "المؤتمر العام": which one is not said
    name = fullest.name if noun not in _POSSESSED_SERIES and fullest in same else best.name
    ordinal = best.edition or next((candidate.edition for candidate in same if candidate.edition), None)
    organiser = best.organiser
    for candidate in [best, *sorted(candidates, key=lambda candidate: candidate.index)]:
        organiser = organiser or _organiser_after(text, tokens, candidate.name_end)
    series = _series_of_editions(name, ordinal)
    if noun in _POSSESSED_SERIES:
        name, series = _possessed_meeting(noun, best.name, organiser, ordinal)
    name_end = tokens[best.name_end - 1].end
    venue = venue_after(text, tokens, best.name_end) or venue_before(text, tokens, best.index)
    dates = _event_dates(text, min(tokens[candidate.index].start for candidate in same), name_end)
    return EventMatch(
        name=name, kind=_KINDS[noun], start=head.start, end=name_end,
        series=series, edition=ordinal.value if ordinal else None, edition_label=ordinal.text if ordinal else None,
        organiser=organiser, venue=venue,
        city=(dateline.city if dateline and dateline.city else None) or city_near(text, tokens, best.index),
        start_date=dates.start if dates else None, end_date=dates.end if dates else None,
        hashtags=find_hashtags(text), guest_organisations=_guests(text, tokens),
        confidence=min(0.95, 0.4 + 0.15 * best.score), reason="; ".join(best.reasons))


def _series_of_editions(name: str, ordinal: OrdinalMatch | None) -> str | None:
    """The series an edition belongs to: its name without the edition ("القمة العربية الـ33" -> "القمة
    العربية", "الملتقى الخليجي الأول للإعلام" -> "الملتقى الخليجي للإعلام"); None without an edition."""
    if ordinal is None:
        return None
    return " ".join(name.replace(ordinal.text, " ").split()) if ordinal.text in name else name


def _possessed_meeting(noun: str, printed: str, organiser: str | None,
                       ordinal: OrdinalMatch | None) -> tuple[str, str | None]:
    """(name, series) of "لقائه ...": the organiser's own series of meetings, the meeting named by its
    edition in words ("لقائه الـ12" -> "اللقاء الثاني عشر"), or by its noun ("لقائه الدوري" -> "اللقاء الدوري")."""
    bare, plural = _POSSESSED_SERIES[noun]
    series = f"{plural} {organiser}" if organiser else None
    if ordinal and 1 <= ordinal.value <= 100 and (organiser or ordinal.text in printed):
        return f"ال{bare} {ordinal_words(ordinal.value)}", series
    rest = printed.split(maxsplit=1)[1:]
    return (f"ال{bare} {rest[0]}" if rest else bare), series


def _candidate(text: str, tokens: list[Token], index: int) -> _Candidate:
    name_end = _name_end(text, tokens, index)
    score, reasons = 0, list[str]()
    name = _printed_name(text, tokens, index, name_end)
    edition = (next(iter(find_ordinals(name)), None) or _edition_after(text, tokens, name_end)
               or _edition_before(text, tokens, index))
    if edition is not None:
        score, reasons = score + 3, [*reasons, "edition ordinal"]
    organiser, verb_found = _organiser_before(text, tokens, index)
    if verb_found:
        score, reasons = score + 2, [*reasons, "organising verb before it"]
    if name_end - index >= 2:
        score, reasons = score + 1, [*reasons, "named"]
    if not tokens[index].key.startswith("ال") or name_end - index >= 2:
        score += 1
    if tokens[index].start < _EARLY:
        score += 1
    return _Candidate(score, index, name_end, name, organiser, edition, tuple(reasons or ["event noun"]))


def _same_event(chosen: _Candidate, other: _Candidate) -> bool:
    """Whether two names agree: one's words begin the other's, the article aside ("الملتقى" and
    "ملتقى الإعلام"); editions that differ make two events."""
    if chosen.edition and other.edition and chosen.edition.value != other.edition.value:
        return False
    mine, theirs = _name_words(chosen.name), _name_words(other.name)
    shorter, longer = sorted((mine, theirs), key=len)
    return longer[:len(shorter)] == shorter


def _name_words(name: str) -> list[str]:
    words = [lx.key(word) for word in name.split()]
    if words and words[0].startswith("ال"):
        words[0] = words[0][2:]
    return words


def _name_end(text: str, tokens: list[Token], index: int) -> int:
    """Where an event's name ends: it runs over adjectives, nouns it governs and its ordinal, and stops
    at a verb, a demonstrative, an honorific, or an indefinite word once the name is definite
    ("الملتقى الإعلامي الخليجي علامة ..."). After a possessed head ("لقائه") only an ordinal or an
    adjective ("الدوري") belongs to it."""
    noun = _head_noun(tokens, index) or ""
    possessed = noun in _POSSESSED_SERIES
    definite = noun.startswith("ال") or possessed
    position = index + (2 if noun == _WORKSHOP[0] else 1)
    ordinal_seen = field_seen = False
    while position < len(tokens) and position - index < 9:
        token = tokens[position]
        ordinal_end = None if ordinal_seen else _ordinal_end(text, tokens, position)
        if ordinal_end is not None:
            position, ordinal_seen = ordinal_end, True
            continue
        quoted_end = None if ordinal_seen or possessed else _quoted_title_end(tokens, position)
        if quoted_end is not None:
            return quoted_end  # "ملتقى «معا نحو المستقبل»", "حلقة عمل بعنوان «...»"
        if not token.is_word or token.newline_before or strip_prefix(token.key) in lx.EVENT_NAME_STOPS:
            break
        if ordinal_seen and not _after_ordinal(token, field_seen):
            break
        field_seen = field_seen or token.key.startswith("لل")
        if token.key in lx.REPORTING_VERBS or token.key in lx.EVENT_VERBS or token.key in _NAME_BREAKERS \
                or _opens_purpose(tokens, position):
            break
        if token.key.startswith("ب") and not token.key.startswith("بال") and position > index + 1:
            break
        word_definite = _is_definite(token.key)
        if possessed and not (word_definite and token.key.endswith(("ي", "يه"))):
            break
        if definite and not word_definite and not _may_follow_definite(token):
            break
        definite = definite or word_definite
        position += 1
    return position


def _opens_purpose(tokens: list[Token], position: int) -> bool:
    """ "لنودع عاما"، "ليكون منصة"، "لتستمر حتى"، "لكي"، "كي": a clause of purpose, never part of a name.

    A present-tense verb after لام التعليل is ل + ن/ي/ت + a stem: "لتستمر" (form X: never a noun), or
    three letters not ending in ا/ي/ه and not followed by a definite word ("لنظام الحوكمة"، "لنادي"،
    "ليبيا" are nouns; "لتعزيز" is longer)."""
    word_key = tokens[position].key
    if word_key in _PURPOSE_PARTICLES:
        return True
    if len(word_key) < 5 or word_key[0] != "ل" or word_key[1] not in "نيت":
        return False
    if word_key[2:4] == "ست" and len(word_key) >= 6:
        return True
    following = tokens[position + 1] if position + 1 < len(tokens) else None
    return len(word_key) == 5 and word_key[-1] not in "ايه" and not (
        following is not None and following.is_word and _is_definite(following.key))


_PURPOSE_PARTICLES = frozenset(lx.key(word) for word in ("لكي", "كي", "حتى", "لن", "لم", "لقد", "قد", "لأن", "لان"))


def _after_ordinal(token: Token, field_seen: bool) -> bool:
    """What may follow an edition ordinal in a name: "والعشرين", the field "للإعلام" and its adjectives
    ("الأول للإعلام الرقمي"), never another event ("الـ14 للملتقى")."""
    if token.key.startswith("و"):
        return True
    field = token.key.startswith("لل") or (field_seen and token.key.startswith("ال"))
    return field and _event_noun(token) is None


def _quoted_title_end(tokens: list[Token], position: int) -> int | None:
    """The token after a title in quotation marks at ``position`` (or after "بعنوان"), or None."""
    if tokens[position].key == _TITLED and position + 1 < len(tokens):
        position += 1
    opener = tokens[position].text
    if opener not in QUOTE_CLOSERS:
        return None
    first = position + 1
    if first >= len(tokens) or tokens[first].key in _SPEECH_OPENERS:
        return None  # "المؤتمر «إن الحكومة ...»": speech, not a title
    for end in range(first, min(len(tokens), position + _QUOTED_TITLE_WORDS)):
        if tokens[end].newline_before or tokens[end].text in "،,؟?!":
            return None
        if tokens[end].text == QUOTE_CLOSERS[opener]:
            return end + 1 if end > first else None
    return None


def _ordinal_end(text: str, tokens: list[Token], position: int) -> int | None:
    """The token index after an ordinal that starts at ``tokens[position]`` ("الحادي عشر", "الـ33"), or None."""
    token = tokens[position]
    if not token.is_word or token.newline_before:
        return None
    found = find_ordinals(text[token.start:token.start + _ORDINAL_REACH])
    if not found or found[0].start != 0:
        return None
    ordinal_end = token.start + found[0].end
    end = position
    while end < len(tokens) and tokens[end].end <= ordinal_end:
        end += 1
    return end


def _is_definite(word_key: str) -> bool:
    """ "الإعلامي", "والثقافات", "بالمنامة", "للكتاب": the word carries the article, with any glued prefix."""
    if word_key.startswith(("لل", "ولل", "فلل")):
        return True
    return any(word_key.startswith(prefix + "ال") for prefix in ("", "و", "ف", "ب", "ك", "وب", "فب", "وك"))


def _may_follow_definite(token: Token) -> bool:
    """An indefinite word that still belongs to a definite name: "لدعم" in "المؤتمر الاقتصادي لدعم الاقتصاد"."""
    return token.key.startswith("ل") and len(token.key) > 3


_NOUN_PREFIXES = ("", "و", "ف", "ل", "ب", "ول", "وب", "فل", "فب")
_WORKSHOP = (lx.key("حلقة"), lx.key("عمل"))  # "حلقة عمل": a workshop, named by two words
_KINDS = {**lx.EVENT_NOUNS, _WORKSHOP[0]: "workshop"}
# Every written form of an event noun -> the noun: "وملتقى" -> "ملتقي", "لمعرض" -> "معرض", "للملتقى" -> "الملتقي".
_EVENT_NOUN_FORMS = {
    **{"لل" + noun[2:]: noun for noun in lx.EVENT_NOUNS if noun.startswith("ال")},
    **{prefix + noun: noun for prefix in reversed(_NOUN_PREFIXES) for noun in lx.EVENT_NOUNS},
}


def _event_noun(token: Token) -> str | None:
    """The event noun a token is ("وملتقى" -> "ملتقي", "لمعرض" -> "معرض", "للملتقى" -> "الملتقي"), or None."""
    return _EVENT_NOUN_FORMS.get(token.key)


def _head_noun(tokens: list[Token], index: int) -> str | None:
    """The event noun at ``tokens[index]``, "حلقة عمل" (a workshop) included."""
    noun = _event_noun(tokens[index])
    if noun is None and strip_prefix(tokens[index].key, "وفلب") == _WORKSHOP[0] and index + 1 < len(tokens) \
            and tokens[index + 1].key == _WORKSHOP[1]:
        return _WORKSHOP[0]
    return noun


def _prefix_length(token: Token, noun: str) -> int:
    """How many glued letters come before the event noun ("لمعرض": 1); "للملتقى" is written "الملتقى"."""
    return len(token.key) - len(noun)


def _printed_name(text: str, tokens: list[Token], index: int, name_end: int) -> str:
    """The name as printed, without a glued conjunction; "للملتقى الإعلامي" is given as "الملتقى الإعلامي"."""
    head = tokens[index]
    end = tokens[name_end - 1].end
    noun = _head_noun(tokens, index) or ""
    if head.key.startswith("لل") and noun.startswith("ال") and noun[2:] == head.key[2:]:
        return "ال" + text[head.start + 2:end]
    return text[head.start + _prefix_length(head, noun):end]


def _edition_before(text: str, tokens: list[Token], index: int) -> OrdinalMatch | None:
    """ "الدورة 57 من معرض ...", "الدورة الـ 14 للملتقى ...": the edition printed before the event noun."""
    head = tokens[index]
    back = index - 1
    if back >= 0 and tokens[back].key == lx.key("من"):
        back -= 1
    elif not head.key.startswith("ل"):
        return None
    for edition in range(back, max(-1, back - 5), -1):
        if strip_prefix(tokens[edition].key) in _EDITION_NOUNS:
            found = find_ordinals(text[tokens[edition].start:head.start])
            return found[0] if found else None
    return None


def _event_dates(text: str, head_start: int, name_end: int) -> DateRange | None:
    """The days of the event: the first date with a day from just before the event noun on, its range
    joined ("22- 24 أبريل 2025"); a month alone only in the event's sentence ("في مارس 2026"), a year
    alone only printed right after the name ("منتدى أسبار الدولي 2018"). A print date («أُعدّ في …»,
    "Printed on …": ``print_dates``) is never the event's."""
    for dates in find_date_ranges(text):
        if dates.text_start < head_start - _DATE_REACH_BEFORE or is_print_date(text, dates.text_start):
            continue
        if dates.day is not None:
            return dates
        if dates.month is not None and not _SENTENCE_END.search(text, min(head_start, dates.text_start),
                                                                max(name_end, dates.text_start)):
            return dates
        if dates.text_start >= name_end and not text[name_end:dates.text_start].strip():
            return dates
    return None


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


_TITLED = lx.key("بعنوان")
_QUOTED_TITLE_WORDS = 12  # tokens: a title in quotation marks longer than this is a quote, not a name
# Words that open speech, not a title: "«إن ...»", "«نحن ...»".
_SPEECH_OPENERS = lx.COMPLEMENTIZERS | lx.PRONOUN_COMPLEMENTIZERS | frozenset(
    lx.key(word) for word in ("نحن", "أنا", "إننا", "إنني", "لقد", "هذا", "هذه", "لن", "لا", "لم"))
_EARLY = 600  # characters: an event noun this near the top is likelier the article's subject
_ORDINAL_REACH = 40  # characters: the longest ordinal ("الخامس والتسعين") with room to spare
_DATE_REACH_BEFORE = 400  # characters before the event noun where its date may be printed
_POSSESSED_SERIES = {lx.key(word): forms for word, forms in (
    ("لقائه", ("لقاء", "لقاءات")), ("لقاءه", ("لقاء", "لقاءات")), ("لقاءها", ("لقاء", "لقاءات")),
    ("لقائها", ("لقاء", "لقاءات")), ("اجتماعه", ("اجتماع", "اجتماعات")))}
# Words that end an event's name: a verb the press puts after it, a demonstrative, an honorific after ل.
_NAME_BREAKERS = frozenset(lx.key(word) for word in """
لمعالي لسعادة لسمو لفضيلة لصاحب لهذا لهذه لذلك لتلك هذا هذه ذلك تلك منذ نظرا بكل كل عقب قبيل إثر اثر
للمرة لأول عقده عقدها عقدته نظمه نظمته أقامه أقامته يشهد تشهد شهد شهدت يستمر تستمر ينطلق تنطلق سينطلق
ستنطلق تناول تناولت يناقش تناقش ناقش ناقشت يهدف تهدف يأتي تأتي يجمع تجمع يضم تضم يعد تعد مر يقام تقام
أقيم أقيمت سيعقد ستعقد يعقد تعقد
""".split())  # noqa: SIM905 (a word list reads best as text)
_EDITION_NOUNS = {lx.key(word) for word in ("الدورة", "دورته", "دورتها", "النسخة", "نسخته", "نسختها", "بدورته",
                                             "بنسخته")}
_ORGANISING_RELATIVES = {lx.key(word) for word in ("ينظمه", "تنظمه", "ينظمها", "تنظمها", "نظمته", "نظمه", "نظمها",
                                                     "نظمتها", "تنظيم", "بتنظيم", "يقيمه", "تقيمه", "أقامته", "أقامه")}


def _edition_after(text: str, tokens: list[Token], position: int) -> OrdinalMatch | None:
    """ "... في دورته الثالثة" / "النسخة الخامسة من ...": the edition printed after the name."""
    for index in range(position, min(len(tokens) - 1, position + 6)):
        if strip_prefix(tokens[index].key) in _EDITION_NOUNS or tokens[index].key in _EDITION_NOUNS:
            ordinal_end = _ordinal_end(text, tokens, index + 1)
            if ordinal_end is None or _names_another_event(tokens, ordinal_end):
                return None  # "الدورة السادسة من معرض الخليج": the edition of the event named next
            return find_ordinals(text[tokens[index + 1].start:tokens[ordinal_end - 1].end])[0]
    return None


def _names_another_event(tokens: list[Token], position: int) -> bool:
    """ "... من معرض ...", "... لمعرض ...": an event noun follows, owning what came before it."""
    if position < len(tokens) and tokens[position].key == lx.key("من"):
        position += 1
    return position < len(tokens) and _event_noun(tokens[position]) is not None


def _organiser_after(text: str, tokens: list[Token], position: int) -> str | None:
    """ "المنتدى الذي تنظمه جمعية ..." / "بتنظيم من وزارة ...": the organiser named after the event."""
    for index in range(position, min(len(tokens), position + 12)):
        if tokens[index].key in _ORGANISING_RELATIVES:
            words = _clause_words(tokens, index + 1, index + 12)
            if words and words[0].key == lx.key("من"):
                words = words[1:]
            if words and strip_prefix(words[0].key) in lx.ORGANISATION_HEADS | {words[0].key} and \
                    words[0].key in lx.ORGANISATION_HEADS:
                return organisation_in(text, words)
        if tokens[index].text in ".\n":
            break
    return None


_CLAUSE_ENDS = frozenset(lx.key(word) for word in (
    "بعد", "قبل", "أن", "إن", "في", "على", "الذي", "التي", "حيث", "وذلك", "خلال", "بحضور", "بمشاركة", "برعاية", "تحت"))


def _clause_words(tokens: list[Token], start: int, stop: int) -> list[Token]:
    """The words from ``start`` up to a punctuation mark or a word that opens another clause."""
    words: list[Token] = []
    for token in tokens[start:stop]:
        if not token.is_word or token.key in _CLAUSE_ENDS or (words and token.newline_before):
            break
        words.append(token)
    return words


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
