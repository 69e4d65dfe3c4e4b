"""Extraction: an article's text in, proposals for the archive out.

``extract(text)`` runs the rule modules (``event``, ``people``/``speakers``, ``quotes``,
``statistics``) over the text and returns ``Proposals``: frozen records, each with its character
span in ``text``, a confidence between 0 and 1 and a short ``reason`` naming the rule that made it (a
quote's confidence is how often that rule's proposals were right on the studied press, its speaker's
part given by the learned speaker model when the rules chose a named person: ``quote_confidence``).
Nothing here touches the network, a model or the archive; the officer reviews every proposal.
``proposals_to_json`` gives the plain-dict form printed by ``muntada extract --json``.

Quotes whose speaker is named in their attribution are ``quotes``; those attributed only by
continuing the previous speaker ("مشيرا إلى أن ...", "وأشار إلى أن ...") are ``further_quotes``,
proposed apart for the officer to take or leave. A quote or figure that follows
a session's mention in the same paragraph carries that session's index (``session``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

from archive.importing import lexicon as lx
from archive.importing.article_speakers import settle_speakers
from archive.importing.event import EventMatch, find_dateline, find_event, find_headline
from archive.importing.line_wraps import unwrap
from archive.importing.people import PersonMention, parse_person, title_phrase_end, with_title
from archive.importing.person_names import marked_name_before_post
from archive.importing.quote_confidence import with_speaker_chance
from archive.importing.quote_match import QuoteMatch
from archive.importing.quotes import find_quotes
from archive.importing.speaker_choice import choose_speakers
from archive.importing.speakers import KnownPerson, PeopleBook
from archive.importing.statistics import find_statistics
from archive.importing.tokens import Token, bare_key, read_typed_marks, strip_prefix, tokenize

_PRESENTING_VERBS = {lx.key(word) for word in (
    "قدم", "قدمت", "ألقى", "ألقت", "أدار", "أدارت", "حاضر", "استعرض", "استعرضت")}


@dataclass(frozen=True)
class EventProposal:
    name: str
    kind: str
    series: str | None
    edition: int | None
    edition_label: str | None
    venue: str | None
    city: str | None
    start_date: str | None
    end_date: str | None
    hashtags: tuple[str, ...]
    organiser: str | None
    guest_organisations: tuple[str, ...]
    start: int
    end: int
    confidence: float
    reason: str


@dataclass(frozen=True)
class SessionProposal:
    kind: str
    title: str | None
    text: str
    start: int
    end: int
    confidence: float
    reason: str


@dataclass(frozen=True)
class PersonProposal:
    name: str | None
    honorific: str | None
    title: str | None
    organisation: str | None
    start: int
    end: int
    confidence: float
    reason: str


@dataclass(frozen=True)
class QuoteProposal:
    text: str
    start: int
    end: int
    kind: str
    speaker: str | None
    speaker_title: str | None
    organisation: str | None
    honorific: str | None
    attribution: str
    confidence: float
    reason: str
    session: int | None = None  # index in ``Proposals.sessions`` of the session it was said in
    # Who speaks: "person", "organisation" (a ministry's statement: speaker and organisation are the
    # body), "group" (no speaker: "منظمو الملتقى"), or None when nobody is proposed.
    speaker_kind: str | None = None


@dataclass(frozen=True)
class StatisticProposal:
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
    session: int | None = None  # index in ``Proposals.sessions`` of the session it was given in


@dataclass(frozen=True)
class DatelineProposal:
    city: str | None
    outlet: str | None
    start: int
    end: int


@dataclass(frozen=True)
class HeadlineProposal:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Proposals:
    event: EventProposal | None
    sessions: tuple[SessionProposal, ...]
    people: tuple[PersonProposal, ...]
    quotes: tuple[QuoteProposal, ...]
    statistics: tuple[StatisticProposal, ...]
    headline: HeadlineProposal | None
    dateline: DatelineProposal | None
    outlet: str | None
    further_quotes: tuple[QuoteProposal, ...] = ()


def extract(text: str) -> Proposals:
    """Propose the event, sessions, people, quotes and figures of one article."""
    text = unwrap(text)  # a column wrapped by hand: its line breaks are spaces (offsets unchanged)
    printed, text = text, read_typed_marks(text)  # "''" typed for a quotation mark reads as '"' (same offsets)
    tokens = tokenize(text)
    dateline = find_dateline(text)
    headline = find_headline(text, dateline)
    event = find_event(text, tokens, dateline)
    book = PeopleBook()
    _register_people(text, tokens, book)
    quote_matches = find_quotes(text, tokens, book)
    book.complete_family_names()  # "الخطيب" quoted before "سامر فؤاد الخطيب" is printed: one person
    # each speaker checked against the whole article's people (and the event it reports)
    quote_matches = settle_speakers(book, quote_matches, event.name if event else None)
    quote_matches = choose_speakers(tokens, book, quote_matches)  # a learned second look (speaker_choice)
    # Direct speech after "وأضاف:" is a quote in its own right; reported speech that only continues
    # the previous speaker ("مشيرا إلى أن") is proposed apart.
    from archive.importing.sessions import find_sessions, session_at

    sessions = tuple(find_sessions(text, tokens))
    main = [match for match in quote_matches if match.attribution == "explicit" or match.kind == "direct"]
    quotes = tuple(_as_printed(_quote_proposal(match, session_at(text, sessions, match.start)), printed, text)
                   for match in main)
    kept = {id(match) for match in main}
    further = tuple(_as_printed(_quote_proposal(match, session_at(text, sessions, match.start)), printed, text)
                    for match in quote_matches if id(match) not in kept)
    statistics = tuple(StatisticProposal(s.text, s.start, s.end, s.value, s.unit, s.approximation, s.subject,
                                         s.number_text, s.confidence, s.reason, session_at(text, sessions, s.start))
                       for s in find_statistics(text, tokens))

    return Proposals(
        event=_event_proposal(event) if event else None,
        sessions=sessions,
        people=tuple(_person_proposal(person) for person in book.people if _proposed_person(person, quote_matches)),
        quotes=quotes, statistics=statistics,
        headline=HeadlineProposal(*headline) if headline else None,
        dateline=DatelineProposal(dateline.city, dateline.outlet, dateline.start, dateline.end) if dateline else None,
        outlet=dateline.outlet if dateline else None,
        further_quotes=further)


def _as_printed(quote: QuoteProposal, printed: str, read: str) -> QuoteProposal:
    """The quote in the article's own characters where the reading changed them ("''كوليزي روما''" inside it
    was read as '"'): same offsets, the words as printed."""
    if printed is read or quote.text != read[quote.start:quote.end]:
        return quote
    return replace(quote, text=printed[quote.start:quote.end])


def proposals_to_json(proposals: Proposals) -> dict[str, Any]:
    """The plain-dict form of ``muntada extract --json`` (offsets are into the decoded text)."""
    data = asdict(proposals)
    if data["event"] is not None:
        data["event"]["hashtags"] = list(data["event"]["hashtags"])
        data["event"]["guest_organisations"] = list(data["event"]["guest_organisations"])
    return data


def _proposed_person(person: KnownPerson, quote_matches: list[QuoteMatch]) -> bool:
    """A person is proposed with a name or an honorific, or as some quote's speaker: a headline's title
    ("وزير الإعلام: ...") given to the person the article names is no person of its own."""
    return bool(person.name or person.honorific) or any(match.speaker is person for match in quote_matches)


def _register_people(text: str, tokens: list[Token], book: PeopleBook) -> None:
    """Meet the people named with an honorific, a "بن/بنت" name, or as presenters, before any quote."""
    index = 0
    while index < len(tokens):
        token = tokens[index]
        starts_mention = token.is_word and (strip_prefix(token.key) in lx.HONORIFICS or token.key in lx.HONORIFICS)
        presenter = token.is_word and strip_prefix(token.key) in _PRESENTING_VERBS
        linked = index + 1 < len(tokens) and tokens[index + 1].key in lx.NAME_LINKS and token.is_word
        titled = token.is_word and bare_key(token.key, lx.TITLE_WORDS) in lx.TITLE_WORDS
        marked = None if token.is_word else marked_name_before_post(tokens, index, len(tokens))
        if marked is not None:  # 'أكد “فلان الفلاني”، رئيس جمهورية كذا،': the verb's subject with his post
            name_start, name_end, after = marked
            named = PersonMention("name", text[tokens[name_start].start:tokens[name_end - 1].end], None, None, None,
                                  tokens[name_start].start, tokens[name_end - 1].end)
            named, after = _with_title_after(text, tokens, named, after)
            book.add(named)
            index = after
            continue
        if not (starts_mention or presenter or linked or titled):
            index += 1
            continue
        begin = index + 1 if presenter else index
        while presenter and begin < len(tokens) and tokens[begin].text in "-ـ–":
            begin += 1
        mention, after = parse_person(text, tokens, begin, min(len(tokens), begin + 25))
        if mention is None:
            index += 1
            continue
        # The post printed after the name is read before judging the mention: "عقد الرئيس فلان الفلاني رئيس
        # الجمهورية" names a person though "الرئيس" alone may be followed by what he did.
        mention, after = _with_title_after(text, tokens, mention, after)
        if not _worth_registering(mention, presenter, linked):
            index += 1
            continue
        book.add(mention)
        index = max(after, index + 1)


def _with_title_after(text: str, tokens: list[Token], mention: PersonMention, after: int) -> tuple[PersonMention, int]:
    """The mention with the post printed after its name ("الدكتور فلان، رئيس مجلس الوزراء"), and where it ends."""
    if after + 1 < len(tokens) and tokens[after].text in "،," and not mention.title:
        after += 1  # "الدكتور مصطفى مدبولي، رئيس مجلس الوزراء": the title after a comma
    if after < len(tokens) and tokens[after].is_word and mention.kind == "name":
        title_end = title_phrase_end(tokens, after, min(len(tokens), after + 20))
        bare = bare_key(tokens[after].key, lx.TITLE_WORDS)
        if bare in lx.TITLE_WORDS and bare == tokens[after].key:  # "، والإعلامي فلان": another person
            return with_title(text, mention, tokens[after:title_end]), title_end
    return mention, after


# "والإعلامي حمدي تمام", "الكاتبة سلمى ...": a profession introduces the name that follows it, unlike a post
# ("وتفقد الوزير جناح الطفل", where the words after "الوزير" are what he did).
_PROFESSIONS = frozenset(lx.key(word) for word in (
    "الإعلامي", "الإعلامية", "الكاتب", "الكاتبة", "الشاعر", "الشاعرة", "الروائي", "الروائية", "الفنان", "الفنانة",
    "المخرج", "المخرجة", "الأديب", "الأديبة", "الناقد", "الناقدة", "الصحفي", "الصحفية", "الصحافي", "الصحافية",
    "الباحث", "الباحثة", "المدون", "المدونة", "الناشط", "الناشطة", "المصور", "المصورة", "المذيع", "المذيعة"))


def _worth_registering(mention: PersonMention, presenter: bool, linked: bool) -> bool:
    if mention.kind == "title":
        return bool(mention.honorific)
    if mention.kind != "name" or not mention.name:
        return False
    title_words = (mention.title or "").split()
    if len(title_words) == 1 and lx.key(title_words[0]).startswith("ال") and not mention.honorific and not linked \
            and lx.key(title_words[0]) not in _PROFESSIONS \
            and lx.key("بن") not in {lx.key(word) for word in mention.name.split()}:
        return False  # "وتفقد الوزير جناح الطفل": after "الوزير" alone the words may be what he did
    return len(mention.name.split()) >= 2


def _quote_proposal(match: QuoteMatch, session: int | None) -> QuoteProposal:
    speaker = match.speaker
    return QuoteProposal(match.text, match.start, match.end, match.kind,
                         speaker.display_name if speaker else None, match.speaker_title, match.organisation,
                         speaker.honorific if speaker else None, match.attribution,
                         with_speaker_chance(match.reason, match.confidence, match.speaker_chance), match.reason,
                         session, _speaker_kind(match))


def _speaker_kind(match: QuoteMatch) -> str | None:
    if match.group:
        return "group"
    if match.speaker is None:
        return None
    body = match.speaker.name is not None and match.speaker.name == match.speaker.organisation
    return "organisation" if body else "person"


def _person_proposal(person: KnownPerson) -> PersonProposal:
    start, end = person.mentions[0] if person.mentions else (0, 0)
    confidence = 0.85 if person.name and len(person.name.split()) >= 2 else 0.5
    reason = f"named {len(person.mentions)} time(s)"
    return PersonProposal(person.name, person.honorific, person.title, person.organisation, start, end, confidence,
                          reason)


def _event_proposal(event: EventMatch) -> EventProposal:
    return EventProposal(event.name, event.kind, event.series, event.edition, event.edition_label, event.venue,
                         event.city, event.start_date, event.end_date, event.hashtags, event.organiser,
                         event.guest_organisations, event.start, event.end, event.confidence, event.reason)
