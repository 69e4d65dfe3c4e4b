"""Who is named in an attribution: the mention of the person or body a quote is given to.

Owns the readings of the words around a reporting verb that name its speaker, each returning a
``PersonMention`` (never a quote): the subject before the verb ("أما فلانة، رئيسة ... فأوضحت"), the
subject of a clause opened by "ثم" ("...،ثم ألقى فلان كلمة قال فيها:"),
a title printed earlier in the sentence, a family name in quotation marks («البنا»), "the same"
official ("المسؤول ذاته"), an event that speaks ("وأكد المؤتمر"), a body by its head
("الوزارة"), a family name alone as the full name printed before; and where a sentence starts
and where the title between a name and the quote ends.
"""

from __future__ import annotations

from dataclasses import replace

from archive.importing import lexicon as lx
from archive.importing.earlier_names import EarlierNames
from archive.importing.people import PersonMention, organisation_speaker, parse_person, with_title
from archive.importing.person_words import looks_like_present_verb
from archive.importing.quote_match import FAMILY_COMPOUNDS, credible_name
from archive.importing.speaker_trail import SpeakerTrail
from archive.importing.speakers import PeopleBook
from archive.importing.subjects import ends_sentence
from archive.importing.tokens import QUOTE_CLOSERS, QUOTE_OPENERS, Token, strip_prefix
from archive.text.normalize import strip_marks

_TIME_WORDS = {lx.key(word) for word in ("اليوم", "أمس", "غدا", "مساء", "صباح", "الليلة", "ظهر", "بعد", "قبل", "عقب")}
_SUBJECT_OPENERS = {lx.key(word) for word in ("أما", "فيما", "بينما", "كما", "من", "جانبه", "جانبها", "جهته", "جهتها",
                                               "ومن", "كان", "كانت", "وكان", "وكانت")}


def subject_before(text: str, tokens: list[Token], verb_index: int, book: PeopleBook) -> PersonMention | None:
    """A person named before the verb in the same sentence ("أما عزة ...، رئيسة ... أوضحت أن"), or in its
    clause opened by "ثم" (``_clause_subject``)."""
    start = _sentence_start(tokens, verb_index)
    clause, subject = _clause_subject(text, tokens, start, verb_index, book)
    if subject is not None or clause == start:
        return subject  # "ثم انتقل الحديث إلى ...، وقال": "ثم" and its verb are nobody's name
    relative = verb_index - 1
    if relative > start + 1 and tokens[relative].key in _RELATIVES:
        # "استقبل فلان وفدا برئاسة فلان، الذي أشار إلى أن": the person just before the relative pronoun speaks
        named = _name_right_before(text, tokens, start, relative - 1 if tokens[relative - 1].text in "،," else relative)
        if named is not None:
            return named
    position = start
    while position < verb_index and (tokens[position].key in _SUBJECT_OPENERS or not tokens[position].is_word):
        position += 1
    if verb_index - position > 35 or position >= verb_index:
        return None
    mention, after = parse_person(text, tokens, position, verb_index)
    if mention is not None and mention.kind == "name" and looks_like_present_verb(tokens[position]) \
            and book.resolve(mention) is None:
        return None  # "يمكن تحقيق ذلك ... «...»": a sentence opening with a present verb names nobody there
    if mention is None:  # "وكانت هيئة الكتاب - الجهة المنظمة - قد أعلنت أن": a body
        mention, after = organisation_speaker(text, tokens, position, verb_index)
        return mention
    if mention.kind == "name" and tokens[position].key[:1] in "وف" and len(tokens[position].key) > 3 \
            and position + 1 < verb_index and book.resolve(mention) is None:
        # "وتحدث الحارثي عن التدريب فقال": a sentence opening with "و" opens with its verb, and the subject
        # after it is a person met before; "وتحدث" is no given name.
        mention, after = parse_person(text, tokens, position + 1, verb_index)
        return mention if mention is not None and book.resolve(mention) is not None else None
    linked = any(lx.key(word) in lx.NAME_LINKS for word in (mention.name or "").split())
    apposed = after < verb_index and tokens[after].text in "،,"  # "أما عزة اليعربية، رئيسة ... أوضحت": her title
    if not (mention.honorific or mention.title or linked or apposed) and verb_index - after > 3:
        # "بداية النشيد ... وكلمة لرئيس النادي أحمد عطوي قال فيها:": the name right before the verb is its
        # subject, not a bare noun phrase opening the sentence far from it.
        adjacent = _name_right_before(text, tokens, position, verb_index)
        if adjacent is not None:
            return adjacent
    if not credible_name(mention):
        return None
    return with_title(text, mention, title_tokens(tokens[after:verb_index]))


_THEN = lx.key("ثم")


def _clause_subject(text: str, tokens: list[Token], start: int, verb_index: int,
                    book: PeopleBook) -> tuple[int | None, PersonMention | None]:
    """ "ثم تحدث الوزير فلان، فشكر ...، وقال:"، "بدئ الحفل بالسلام،ثم ألقى معالي ... فلان كلمة قال فيها:": "ثم"
    opens a clause with its verb, and the person after that verb is the clause's subject, who speaks in it
    (a sentence of the press runs on through several "ثم" clauses, each with its own subject). Only a plain
    person counts: a name with an honorific, a title or a lineage, or a title and family name met before.
    Returns the token of "ثم" (None without such a clause) and the subject (None when there is none)."""
    clause = next((position for position in range(verb_index - 2, start - 1, -1)
                   if tokens[position].key == _THEN and (position == start or tokens[position - 1].text in "،,")), None)
    if clause is None or not tokens[clause + 1].is_word:
        return None, None
    mention, _ = parse_person(text, tokens, clause + 2, verb_index)
    if mention is None:
        return clause, None
    if mention.kind == "title":
        return clause, _title_with_family_name(mention, book)
    linked = any(lx.key(word) in lx.NAME_LINKS for word in (mention.name or "").split())
    plain = mention.kind == "name" and (mention.honorific or mention.title or linked) and credible_name(mention)
    return clause, mention if plain else None


def _title_with_family_name(mention: PersonMention, book: PeopleBook) -> PersonMention | None:
    """ "الوزير الرياشي" after "وزير الإعلام ملحم الرياشي": a one-word title and a family name met before, as
    that person; else None."""
    words = (mention.title or "").split()
    if len(words) != 2:
        return None
    known = book.resolve(PersonMention("surname", words[1], None, None, None, mention.start, mention.end))
    if known is None or not known.name or lx.key(known.name.split()[-1]) != lx.key(words[1]):
        return None
    return replace(mention, kind="name", name=known.name, title=words[0])


_RELATIVES = frozenset(lx.key(word) for word in ("الذي", "التي", "والذي", "والتي"))


def _name_right_before(text: str, tokens: list[Token], first: int, verb_index: int) -> PersonMention | None:
    """A name of two words or more ending right before the verb at ``verb_index``, or None."""
    for start in range(max(first + 1, verb_index - 4), verb_index - 1):
        mention, after = parse_person(text, tokens, start, verb_index + 1)  # the verb shows where the name ends
        if mention is not None and mention.kind == "name" and after == verb_index \
                and len((mention.name or "").split()) >= 2 and not _carries_a_pronoun(mention.name or ""):
            return mention
    return None


_PRONOUN_ENDINGS = ("ه", "ها", "هم", "هما")
_GOD = strip_marks("الله")


def _carries_a_pronoun(name: str) -> bool:
    """ "واستهل تعليمه الأسبوعي بالقول": a word of five letters or more carrying a pronoun as printed (ه، ها، هم,
    not ة) is a verb's object ("his teaching"), never a name's word ("عبد الله"، "محمد عبده" aside)."""
    return any(len(word) >= 5 and word.endswith(_PRONOUN_ENDINGS) and word != _GOD
               for word in (strip_marks(word) for word in name.split()))


def title_tokens(tokens: list[Token]) -> list[Token]:
    """The title part of what stands between a name and the quote: up to a circumstance ("معلقا على ...")."""
    kept: list[Token] = []
    for token in tokens:
        if token.is_word and (strip_prefix(token.key) in lx.CIRCUMSTANCE_WORDS or token.key in lx.CIRCUMSTANCE_WORDS
                              or token.key in _TIME_WORDS):
            break  # "المتحدث باسم الحكومة، اليوم الخميس، خلال ...": when, not who
        if token.text in QUOTE_OPENERS and kept:
            break
        kept.append(token)
    return kept


def starts_title(token: Token) -> bool:
    return token.is_word and (strip_prefix(token.key) in lx.TITLE_WORDS or token.key in lx.TITLE_WORDS)


def _sentence_start(tokens: list[Token], index: int) -> int:
    if tokens[index].newline_before:
        return index  # the line opens with the verb: a subheading above it ("توطين الإنفاق:") is no subject
    for position in range(index - 1, max(-1, index - 60), -1):
        if ends_sentence(tokens, position):
            return position + 1
        if tokens[position].newline_before:
            return position
    return max(0, index - 60)


def title_in_sentence(text: str, tokens: list[Token], index: int) -> PersonMention | None:
    """ "من جانب آخر تحدث السفير البريطاني المعين لدى البحرين ... قائلا: «": a person printed by title only,
    earlier in the continuation's own sentence, is who speaks (named by that title)."""
    start = _sentence_start(tokens, index)
    for position in range(start, index):
        if starts_title(tokens[position]) and (position == start or not starts_title(tokens[position - 1])):
            mention, _ = parse_person(text, tokens, position, index)
            if mention is not None and mention.kind == "title" and mention.title \
                    and len(mention.title.split()) >= 2:
                return mention
    return None


_CLOSERS_TYPED_TO_OPEN = "”»"  # "وصرح ” فلان ” عقب": the closing shape typed on both sides of a name


def quoted_name(text: str, tokens: list[Token], position: int, limit: int) -> tuple[PersonMention | None, int]:
    """ "وأوضح «مدبولي» أن", 'وأشار "عبد المطلب"، إلى أن', "وصرح ” فلان ” عقب": a family name in quotation marks
    right after the verb (a closing mark typed to open it, as some pages do, included)."""
    if position >= limit or tokens[position].text not in QUOTE_OPENERS + _CLOSERS_TYPED_TO_OPEN:
        return None, position
    closers = {QUOTE_CLOSERS.get(tokens[position].text, tokens[position].text), tokens[position].text, "”", "»"}
    for closer in range(position + 2, min(limit, position + 5)):
        if tokens[closer].text in closers:
            if not all(token.is_word for token in tokens[position + 1:closer]):
                return None, position
            mention, after = parse_person(text, tokens, position + 1, closer)
            if mention is None or after != closer or mention.kind not in ("name", "surname"):
                return None, position
            return mention, closer + 1
    return None, position


def the_same(mention: PersonMention, book: PeopleBook, trail: SpeakerTrail, index: int) -> PersonMention:
    """ "وسجل المسؤول ذاته أن", "وأضاف المتحدث نفسه أن": "the same" official is the person of that title met
    before, else the last speaker; the mention then names that person."""
    person = book.resolve(mention) or trail.previous(index)
    if person is None or not person.name:
        return mention
    return PersonMention("name", person.name, person.honorific, person.title, person.organisation,
                         mention.start, mention.end)


def event_speaking(tokens: list[Token], index: int, names: EarlierNames) -> tuple[PersonMention | None, int]:
    """ "وأكد المؤتمر في ختام أعماله على أن": the event speaks (its closing statement), named as printed before
    ("المؤتمر العربي للمدن المستدامة"), else by its noun as printed ("المؤتمر")."""
    noun = tokens[index + 1]
    name = names.event_name(noun.key[2:], index + 1) or names.event_name(noun.key, index + 1) or noun.text
    return PersonMention("name", name, None, None, name, noun.start, noun.end), index + 2


def earlier_body(mention: PersonMention, book: PeopleBook, names: EarlierNames, index: int) -> PersonMention:
    """A body named by its head alone ("الوزارة") as the body of that head that spoke before ("وزارة الإعلام"),
    else as the body of that head printed in full before token ``index`` ("الوكالة الوطنية للإعلام")."""
    words = (mention.name or "").split()
    if len(words) != 1:
        return mention
    head = lx.key(words[0])
    head = head[2:] if head.startswith("ال") else head
    for person in reversed(book.people):
        if person.name and person.name == person.organisation and len(person.name.split()) > 1 \
                and lx.key(person.name.split()[0]) == head:
            return replace(mention, name=person.name, organisation=person.name)
    printed = names.body(head, index)
    if printed is not None and printed.name:
        return replace(mention, name=printed.name, organisation=printed.name)
    return mention


def full_name_for(mention: PersonMention, tokens: list[Token], index: int, names: EarlierNames) -> PersonMention:
    """A family name alone ("بنسعيد", "الحمصاني") as the full name printed earlier, when there is one; else as
    the one printed later in the article: a lead may name the person by the family name and print the full
    name only further down ("وأوضح العوادي:" above "المتحدث باسم الحكومة باسم العوادي"), and an interview
    prints it as its answers' label ("اكد السفير سيلفا" above "رافائيل سيلفا: ...")."""
    words = (mention.name or "").split()
    if len(words) != 1 and not (len(words) == 2 and lx.key(words[0]) in FAMILY_COMPOUNDS):
        return mention  # one word, or "أبو ياسين" / "عبد الحميد"
    earlier = names.full_name(lx.key(words[-1]), index)
    if earlier is None and len(words) == 1 and not lx.key(words[0]).startswith("ال"):
        earlier = names.full_name_from_given(lx.key(words[0]), index)
    if earlier is None:
        earlier = names.later_full_name(lx.key(words[-1]), index)  # printed in full only after
    if earlier is None:
        return mention
    return PersonMention("name", earlier.name, mention.honorific or earlier.honorific, mention.title or earlier.title,
                         mention.organisation or earlier.organisation, mention.start, mention.end)
