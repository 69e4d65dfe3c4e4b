"""The last word on who speaks: every speaker checked against the people of the whole article.

Owns one question, asked once per article after all its quotes are found: is each proposed speaker
the fullest form of someone the article prints? The rules that found the quotes read a few words
around each verb; a newspaper prints a person in full once and then in short, anywhere in the text.
The rules of press coreference themselves (one office in several forms, which title points back to
whom, which words name nobody) are ``speaker_coreference``'s. So, for each speaker (one ``KnownPerson``
however many quotes it has):

- words after the verb that name nobody ("قال بالمناسبة", "أعلنت سابقا") or name by an honorific
  pronoun ("فخامته") go to the person the speaker trail found they stand for: the subject printed before
  the verb, the person the text is about (``PeopleBook.stands_for``);
- a name read on into a preposition ends before it ("لافرنتييف ضمن"); a name that is no name at all
  ("عبر صفحتها", "انتهى زمن": a preposition phrase, a verb) is no speaker: its words go to the previous
  quote's speaker (a continuation of what came before), with low confidence, or to nobody;
- a short name is the one person whose fuller name, printed in the same article, holds its words in
  order: the given name and the family name ("محمد المومني"), a head of the name ("محمد بن عبد الرحمن"
  for "... آل ثاني"), the family name alone ("آل ثاني"); when two people's names hold it, it stays as
  printed (never two people made one);
- the event's noun alone ("وأضاف المنتدى، في بيان") is the event the article reports, by its name;
- a title left alone where it was read (a headline's "متحدث الحكومة:" above "المستشار فلان، المتحدث
  الرسمي باسم رئاسة مجلس الوزراء") is the one person the article prints with that office
  (``speaker_coreference.holder_of``), or whose post it prints with other qualifiers, the same head and
  complement ("وزير الدولة للتعاون الدولي بوزارة الخارجية" for "وزيرة الدولة للتعاون الدولي في قطر",
  ``speaker_coreference.varied_holder``); with two holders it stays a title;
- a post printed again as a verb's subject, with the verb's object read after it as a name or as more of
  the title ("وشن وزير الخارجية البحريني هجوما عنيفا"، "وسلط الرئيس الكازاخستاني الضوء"), is the one person
  named with that post before (``_post_holder``);
- a title nobody in the article holds, in an article whose quotes given to a name all go to one person,
  is that person's at lower confidence, unless it contradicts that person's post.

Names are compared keyed (``archive.text.names.name_key``: spelling variants, "بن" and "آل" left out).
"""

from __future__ import annotations

from dataclasses import replace

from archive.importing import lexicon as lx
from archive.importing.quote_match import QuoteMatch
from archive.importing.speaker_coreference import (
    Holder,
    described_holder,
    holder_of,
    keyed,
    names_nobody,
    opens_relative_clause,
    varied_holder,
    without_tail,
)
from archive.importing.speakers import (
    KnownPerson,
    PeopleBook,
    epithet_of,
    post_heads,
    shorter_title_of,
    title_words,
    varied_post_of,
)
from archive.text.names import name_key

# The light verbs a press sentence opens with ("جاء تأكيد الوزير"، "تم"): never a name's first word. (A
# preposition, an adverb or a prepositional prefix: ``speaker_coreference.names_nobody``.)
_LIGHT_VERBS = frozenset(lx.key(word) for word in (
    "جاء", "جاءت", "كان", "كانت", "تم", "تمت", "بات", "باتت", "ظل", "ظلت", "أصبح", "أصبحت", "صار", "صارت",
    "يأتي", "تأتي", "يعد", "تعد"))
# A noun with a pronoun attached after its ة ("صفحتها"، "كلمتهم"): a possession, never a name word.
_PRONOUN_AFTER_TA = ("تها", "تهم", "تهما")


def settle_speakers(book: PeopleBook, matches: list[QuoteMatch], event_name: str | None = None) -> list[QuoteMatch]:
    """``matches`` with each speaker checked against the article's people (see the module's docstring);
    ``event_name`` is the event the article reports, as printed ("منتدى شباب العالم")."""
    matches = [_with_subject(match, book) for match in matches]
    spoken = {id(match.speaker) for match in matches}
    book.forget([person for person in book.people if id(person) in book.stands_for and id(person) not in spoken])
    speakers: dict[int, KnownPerson] = {}
    for match in matches:
        if match.speaker is not None and not match.group:
            speakers.setdefault(id(match.speaker), match.speaker)
    for person in speakers.values():
        if person.name and person.name != person.organisation:
            person.name = without_tail(person.name)  # "لافرنتييف ضمن": the name ends before the preposition
    no_names = {key for key, person in speakers.items() if not _looks_like_someone(person)}
    unheld: set[int] = set()
    for key, person in speakers.items():
        if key in no_names:
            continue
        if event_name and _names_the_event(person, event_name):
            person.name = person.organisation = event_name
            continue
        if person.name:
            fuller = _fuller_person(person, book.people) or _subject_after_verb(person, book.people) \
                or _post_holder(person, book.people)
        else:
            fuller = _only_holder(person, book.people) or _post_holder(person, book.people)
            if fuller is None and person.title and not _holders(person, book.people):
                unheld.add(key)
        if fuller is not None:
            book.merge(person, fuller)
    matches = _to_sole_speaker(matches, unheld, no_names)
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


def _with_subject(match: QuoteMatch, book: PeopleBook) -> QuoteMatch:
    """A quote whose words after the verb name nobody ("قال بالمناسبة") or by an honorific pronoun ("فخامته"),
    given to the person the speaker trail found they refer to (``PeopleBook.stands_for``)."""
    stood_for = book.stands_for.get(id(match.speaker)) if match.speaker is not None else None
    if stood_for is None:
        return match
    subject, printed_title = stood_for
    return replace(match, speaker=subject, speaker_title=printed_title or subject.title,
                   organisation=subject.organisation,
                   reason="the words after the verb name nobody by name: the person they refer to")


def _to_sole_speaker(matches: list[QuoteMatch], unheld: set[int], no_names: set[int]) -> list[QuoteMatch]:
    """A title nobody in the article holds ("الناطق الرسمي للحكومة:" above an article quoting the minister by
    name), in an article whose every quote given to a name goes to one person, is that person's: the quote
    goes to them with less confidence, the title kept as printed."""
    if not unheld:
        return matches
    named = {id(match.speaker): match.speaker for match in matches
             if match.speaker is not None and match.speaker.name and not match.group}
    if any(key in no_names for key in named):
        return matches  # words that name nobody: who else speaks is unknown
    if len(named) != 1:
        return matches
    sole = next(iter(named.values()))
    if sole.name == sole.organisation:
        return matches  # a body speaks: a title is no part of it
    return [_given_to(match, sole) if match.speaker is not None and id(match.speaker) in unheld
            and not _contradicts(match.speaker.title or "", sole.title or "")
            and not (_sovereign(sole.honorific, sole.title) and not _sovereign(None, match.speaker.title))
            and not _prints_name(match.speaker.title or "", sole.name or "") else match for match in matches]


# A sovereign's word before a name or as a title's head: a king, a sultan, an emir, a crown prince.
_SOVEREIGN_WORDS = frozenset(lx.key(word) for word in (
    "ملك", "الملك", "ملكة", "الملكة", "العاهل", "عاهل", "جلالة", "سلطان", "السلطان", "أمير", "الأمير", "خادم",
    "ولي"))
_HEAD_OF_STATE = title_words("رئيس الجمهورية")  # "رئيس الدولة"، "الرئيس التونسي" read so too


def _sovereign(honorific: str | None, title: str | None) -> bool:
    """ "الملك فلان"، "أمير البلاد"، "جلالة العاهل"، "ولي العهد"، "الرئيس التونسي": a head of state or one of a
    royal house. The press never leaves such a person's post unnamed for a minister's or an envoy's: a
    minister's title nobody holds is no sovereign's words."""
    words = [lx.key(word) for word in f"{honorific or ''} {title or ''}".split()]
    if any(word in _SOVEREIGN_WORDS for word in words[:2]):
        return True
    return bool(title) and title_words(title or "")[:len(_HEAD_OF_STATE)] == _HEAD_OF_STATE


def _given_to(match: QuoteMatch, sole: KnownPerson) -> QuoteMatch:
    return replace(match, speaker=sole, organisation=match.organisation or sole.organisation,
                   confidence=min(match.confidence - 0.15, 0.4),
                   reason="a title nobody in the article holds, in an article quoting one person: that person")


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
    """A person, a title or a body: not a preposition phrase, an adverb, a light verb or a possessed noun."""
    if not person.name or person.name == person.organisation:
        # "وأضاف الرئيس البرازيلي، الذي بدأ ولايته ...:" read as a post: a clause about the person just named
        return not (person.title and opens_relative_clause(person.title))
    words = [lx.key(word) for word in person.name.split()]
    if names_nobody(person.name) or words[0] in _LIGHT_VERBS or _derived_past_verb(person.name.split()[0]):
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


def _subject_after_verb(person: KnownPerson, people: list[KnownPerson]) -> KnownPerson | None:
    """ "بحث مصطفى مع"، "وكتبت زاخاروفا على قناتها"، "مؤتمر صحفي عقدته المنقوش مع": the press writes the verb
    before its subject, and a subject named by the family name alone reads, with its verb, as a name of two
    words (in a headline, "ودافع بايتاس:", before the article names him). When the article prints exactly one
    person in full with that family name and another
    first word, that first word is the verb and the speaker is that person (``person`` takes their name and
    post; what was read around the verb is dropped). A name with a lineage ("عبدالله بن زايد"), an honorific,
    or a title is another person of the family ("وزير المالية سعيد العمري" after "الرئيس حسن العمري"), unless
    its first word carries a pronoun after ت ("عقدته"، "نظمتها"): a verb's or a possessed noun's, no given name."""
    name = person.name or ""
    words = name_key(name).split()
    if len(words) != 2 or person.honorific or _has_lineage(name):
        return None
    if person.title and not _carries_pronoun(name.split()[0]):
        return None
    found: dict[str, KnownPerson] = {}
    for other in people:
        other_words = name_key(other.name or "").split()
        if other is person or other.name == other.organisation or len(other_words) < 2:
            continue
        if other_words[-1] == words[-1] and other_words[0] != words[0]:
            found.setdefault(" ".join(other_words), other)
    if len(found) != 1:
        return None
    person.title = person.organisation = None  # read around the verb ("مؤتمر صحفي مشترك عقدته"), no post
    return next(iter(found.values()))


def _post_holder(person: KnownPerson, people: list[KnownPerson]) -> KnownPerson | None:
    """ "وشن وزير الخارجية البحريني هجوما عنيفا على قطر"، "وسلط الرئيس الكازاخستاني الضوء على" after the post's
    holder was named with it: the press names the holder of a post once, then prints the post again as the
    subject of a verb (verb, subject, object), and what follows the post is what the verb governs, read as a
    name or as more of the title. So a speaker printed with a post of two words or more that one person named
    earlier holds (the same post or a shorter form of it) is that person: under a name of no lineage sharing
    no word with theirs, when theirs is plainly a name (``_in_full``); or as a title alone, that post and more
    words. With two such holders (two crown princes, two foreign ministers) it stays as printed."""
    title = person.title or ""
    if len(title_words(title)) < 2 or (person.name and person.name == person.organisation):
        return None
    first = min((start for start, _ in person.mentions), default=-1)
    own = set(name_key(person.name or "").split())
    found: dict[str, KnownPerson] = {}
    for other in people:
        if other is person or not other.name or not other.title or other.name == other.organisation:
            continue
        if own & set(name_key(other.name).split()) or (
                person.name and (not _in_full(other) or _has_lineage(person.name))):
            continue  # "الشيخ فلان بن فلان" under the same post is someone else who holds it (an acting one)
        named_at = min((start for start, _ in other.mentions), default=-1)
        if not 0 <= named_at < first:
            continue
        if (person.name and shorter_title_of(title, other.title)) or (
                not person.name and _post_then_more(title, other.title)):
            found.setdefault(name_key(other.name), other)
    return next(iter(found.values())) if len(found) == 1 else None


def _in_full(person: KnownPerson) -> bool:
    """A person printed as nobody's verb object is: a name going on through بن/آل/ولد, or with an honorific
    ("الشيخ"، "معالي"). Words after a post, however many ("بخصوص حادثة التفتيش"), may be what the verb governs."""
    return _has_lineage(person.name or "") or bool(person.honorific)


def _post_then_more(title: str, post: str) -> bool:
    """ "الرئيس الكازاخستاني الضوء" is "الرئيس الكازاخستاني" and a word more (a verb's object)."""
    printed, held = title.split(), post.split()
    return len(held) >= 2 and len(printed) > len(held) and printed[:len(held)] == held


def _carries_pronoun(word: str) -> bool:
    """ "عقدته"، "أطلقتها"، "نظمتهم": a pronoun attached after ت, as printed."""
    return len(word) > 4 and word.endswith(("ته", *_PRONOUN_AFTER_TA))


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


def _prints_name(title: str, name: str) -> bool:
    """ "وزير الاقتصاد أمين سلام" read as a title, and "سلام" quoted: the title holds a name the parser did not
    part from it, so it is no bare title (the person it prints is not known to be the one quoted)."""
    return bool(set(keyed(name).split()) & set(keyed(title).split()))


def _contradicts(title: str, known: str) -> bool:
    """ "وزير الخارجية" against "وزير الداخلية": a post of the same head that neither title shortens; a woman's
    post against a man's. Posts of other heads ("الناطق باسم الحكومة" and "وزير الاتصال") may be one
    person's."""
    if not known:
        return False
    genders = {_title_gender(title), _title_gender(known)}
    if genders == {"f", "m"}:
        return True  # "الناطقة باسم الحكومة" is no man's post, whatever his other one
    if not post_heads(title) & post_heads(known):
        return False
    return not (shorter_title_of(title, known) or shorter_title_of(known, title))


def _title_gender(title: str) -> str | None:
    """ "f" for a post whose head is feminine ("وزيرة"، "الناطقة"), "m" for one whose head is a masculine post
    ("وزير"، "الرئيس التنفيذي"), None when the title's first word is no post's."""
    words = title.split()
    head = lx.key(words[0]) if words else ""
    if head not in lx.TITLE_WORDS:
        return None
    return "f" if head.endswith("ه") else "m"


def _only_holder(person: KnownPerson, people: list[KnownPerson]) -> KnownPerson | None:
    """The one named person the title ``person`` was printed with refers to (``holder_of``), else None."""
    if not person.title:
        return None
    candidates = _candidates(person, people)
    printed_at = person.mentions[0][0] if person.mentions else -1
    found = holder_of(person.title, printed_at, [holder for holder, _ in candidates], shorter_title_of)
    if found is None:
        found = described_holder(person.title, printed_at, [holder for holder, _ in candidates], epithet_of)
    if found is None:
        found = varied_holder(person.title, [holder for holder, _ in candidates], varied_post_of)
    return next((other for holder, other in candidates if holder is found), None) if found is not None else None


def _holders(person: KnownPerson, people: list[KnownPerson]) -> bool:
    """Whether anyone named in the article holds an office ``person``'s title may name (either title
    shortening the other): then the title is theirs or ambiguous, never a lone speaker's."""
    title = person.title or ""
    return any(shorter_title_of(title, holder.title or "") or shorter_title_of(holder.title or "", title)
               for holder, _ in _candidates(person, people) if holder.title)


def _candidates(person: KnownPerson, people: list[KnownPerson]) -> list[tuple[Holder, KnownPerson]]:
    return [(Holder(keyed(other.name), other.title, min((start for start, _ in other.mentions), default=-1)), other)
            for other in people
            if other is not person and other.name and other.title and other.name != other.organisation]
