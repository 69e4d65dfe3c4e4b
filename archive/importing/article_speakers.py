"""The last word on who speaks: every speaker checked against the people of the whole article.

Owns one question, asked once per article after all its quotes are found: is each proposed speaker
the fullest form of someone the article prints? The rules that found the quotes read a few words
around each verb; a newspaper prints a person in full once and then in short, anywhere in the text.
So, for each speaker (one ``KnownPerson`` however many quotes it has):

- a name that is no name at all ("عبر صفحتها", "انتهى زمن": a preposition phrase, a verb) is no
  speaker: its words go to the previous quote's speaker (a continuation of what came before), with
  low confidence, or to nobody;
- a short name is the one person whose fuller name, printed in the same article, holds its words in
  order: the given name and the family name ("محمد المومني"), a head of the name ("محمد بن عبد الرحمن"
  for "... آل ثاني"), the family name alone ("آل ثاني"); when two people's names hold it, it stays as
  printed (never two people made one);
- the event's noun alone ("وأضاف المنتدى، في بيان") is the event the article reports, by its name;
- a title left alone where it was read (a headline's "متحدث الحكومة:" above "المستشار فلان، المتحدث
  الرسمي باسم رئاسة مجلس الوزراء") is the one person the article prints with that post (the same head
  word, every word of the short title in the full one: ``shorter_title_of``); with two holders it stays
  a title.

Names are compared keyed (``archive.text.names.name_key``: spelling variants, "بن" and "آل" left out).
"""

from __future__ import annotations

from dataclasses import replace

from archive.importing import lexicon as lx
from archive.importing.quote_match import QuoteMatch
from archive.importing.speakers import KnownPerson, PeopleBook, shorter_title_of
from archive.text.names import name_key

# Closed classes a person's name never opens with: prepositions ("وأوضحت عبر صفحتها"; not "على", which
# folds onto the name "علي"), and the light verbs a press sentence opens with ("جاء تأكيد الوزير"، "تم").
_PREPOSITIONS = frozenset(lx.key(word) for word in (
    "عبر", "في", "من", "إلى", "الى", "عن", "مع", "خلال", "حول", "لدى", "عند", "بين", "منذ", "بعد", "قبل",
    "دون", "ضد", "نحو", "حتى", "عقب", "إثر", "اثر", "أمام", "وسط"))
_LIGHT_VERBS = frozenset(lx.key(word) for word in (
    "جاء", "جاءت", "كان", "كانت", "تم", "تمت", "بات", "باتت", "ظل", "ظلت", "أصبح", "أصبحت", "صار", "صارت",
    "يأتي", "تأتي", "يعد", "تعد"))
# A noun with a pronoun attached after its ة ("صفحتها"، "كلمتهم"): a possession, never a name word.
_PRONOUN_AFTER_TA = ("تها", "تهم", "تهما")


def settle_speakers(book: PeopleBook, matches: list[QuoteMatch], event_name: str | None = None) -> list[QuoteMatch]:
    """``matches`` with each speaker checked against the article's people (see the module's docstring);
    ``event_name`` is the event the article reports, as printed ("منتدى شباب العالم")."""
    speakers: dict[int, KnownPerson] = {}
    for match in matches:
        if match.speaker is not None and not match.group:
            speakers.setdefault(id(match.speaker), match.speaker)
    no_names = {key for key, person in speakers.items() if not _looks_like_someone(person)}
    for key, person in speakers.items():
        if key in no_names:
            continue
        if event_name and _names_the_event(person, event_name):
            person.name = person.organisation = event_name
            continue
        fuller = _fuller_person(person, book.people) if person.name else _only_holder(person, book.people)
        if fuller is not None:
            book.merge(person, fuller)
    if not no_names:
        return matches
    settled: list[QuoteMatch] = []
    previous: KnownPerson | None = None
    for match in matches:
        kept = match
        if match.speaker is not None and id(match.speaker) in no_names:
            kept = replace(match, speaker=previous, speaker_title=None, organisation=None,
                           confidence=min(match.confidence, 0.3),
                           reason="the words before the quote name nobody: the previous speaker" if previous
                           else "the words before the quote name nobody")
        settled.append(kept)
        previous = kept.speaker or previous
    book.forget([speakers[key] for key in no_names])
    return settled


def _names_the_event(person: KnownPerson, event_name: str) -> bool:
    """ "وأضاف المنتدى، في بيان" in an article on "منتدى شباب العالم": the event's noun alone, with the article,
    is the event the article reports."""
    words = (person.name or "").split()
    if len(words) != 1 or person.title:
        return False
    noun = lx.key(words[0])
    event_noun = lx.key(event_name.split()[0])
    return noun.startswith("ال") and noun in lx.EVENT_NOUNS and noun[2:] == event_noun


def _looks_like_someone(person: KnownPerson) -> bool:
    """A person, a title or a body: not a preposition phrase, a light verb or a possessed noun."""
    if not person.name or person.name == person.organisation:
        return True
    words = [lx.key(word) for word in person.name.split()]
    if words[0] in _PREPOSITIONS or words[0] in _LIGHT_VERBS or _derived_past_verb(person.name.split()[0]):
        return False
    return not any(len(word) > 4 and word.endswith(_PRONOUN_AFTER_TA) for word in words)


_LINEAGE_WORDS = lx.NAME_LINKS | {lx.key("آل"), lx.key("ولد")}


def _has_lineage(name: str) -> bool:
    return any(lx.key(word) in _LINEAGE_WORDS for word in name.split()[1:])


def _derived_past_verb(word: str) -> bool:
    """ "انتهى"، "استدعى"، "التقى": a past verb of a derived form (its alif without hamza, it ends in ى), as
    printed; no given name is written so."""
    bare = word[1:] if word[:1] in "وف" and word[1:2] == "ا" else word
    return len(bare) >= 5 and bare.startswith("ا") and not bare.startswith("ال") and bare.endswith("ى")


def _fuller_person(person: KnownPerson, people: list[KnownPerson]) -> KnownPerson | None:
    """The one other person whose keyed name holds ``person``'s in order and is longer, else None."""
    if person.name == person.organisation:
        return None
    short = name_key(person.name or "").split()
    if not short:
        return None
    found: dict[str, KnownPerson] = {}
    for other in people:
        if other is person or not other.name or other.name == other.organisation:
            continue
        full = name_key(other.name).split()
        if len(full) > len(short) and _holds(full, short, _has_lineage(other.name)):
            found.setdefault(" ".join(full), other)
    return next(iter(found.values())) if len(found) == 1 else None


def _holds(full: list[str], short: list[str], lineage: bool) -> bool:
    """ "محمد عبدالرحمن ثاني" holds "محمد عبدالرحمن" (its head), "ثاني" (its family name), "محمد ثاني" (given
    and family name): the short words in order, the first word the full name's first or its last the
    full name's last. A head stands for the full name only when that name goes on through "بن"/"آل"
    (``lineage``): "نادر سليم حداد الوفود" is a name read one word too far, not a longer one."""
    if (lineage and full[:len(short)] == short) or full[-len(short):] == short:
        return True
    if short[0] != full[0] or short[-1] != full[-1]:
        return False
    rest = iter(full[1:-1])
    return all(word in rest for word in short[1:-1])


def _only_holder(person: KnownPerson, people: list[KnownPerson]) -> KnownPerson | None:
    """The one named person printed with the post ``person``'s title names, else None."""
    if not person.title:
        return None
    found: dict[str, KnownPerson] = {}
    for other in people:
        if other is person or not other.name or not other.title or other.name == other.organisation:
            continue
        if shorter_title_of(person.title, other.title):
            found.setdefault(name_key(other.name), other)
    return next(iter(found.values())) if len(found) == 1 else None
