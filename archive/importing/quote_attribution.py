"""Giving the words at an opening to their speaker.

Owns the step from a found opening and a named (or unnamed) speaker to a ``QuoteMatch``: a mention
resolved against the people met before (a title or a family name to its holder, a surname never
met is no person; two definite words or more, "البيت الأبيض", a body that speaks), the subject before
the verb or else the previous speaker, a participle's
subject, and a continuation with nobody quoted before given to the last person printed with a
title.
"""

from __future__ import annotations

from dataclasses import replace

from archive.importing import lexicon as lx
from archive.importing.earlier_names import EarlierNames
from archive.importing.people import PersonMention
from archive.importing.quote_match import QuoteMatch
from archive.importing.quote_openings import Opening, build_quote
from archive.importing.quote_subjects import subject_before, title_in_sentence
from archive.importing.speaker_trail import SpeakerTrail, title_with_family_name
from archive.importing.speakers import PeopleBook
from archive.importing.tokens import Token


def attributed(text: str, tokens: list[Token], opening: Opening, book: PeopleBook, mention: PersonMention,
               verb: Token, confidence: float, reason: str, names: EarlierNames, verb_index: int) -> QuoteMatch | None:
    resolved = book.resolve(mention) if mention.kind != "name" else None
    if mention.kind == "title" and resolved is None:
        mention = title_with_family_name(mention, book, names, verb_index)
        resolved = book.resolve(mention) if mention.kind != "name" else None
    if mention.kind == "title" and resolved is None and mention.title:
        holder = names.holder(mention.title, verb_index)
        if holder is not None:  # "وقال الوزير ..." after "وزير الثقافة فلان": that person
            mention = PersonMention("name", holder.name, mention.honorific or holder.honorific, holder.title,
                                    mention.organisation or holder.organisation, mention.start, mention.end)
    if mention.kind == "surname" and resolved is None:
        body = _definite_body(text, tokens, verb_index, opening)
        if body is None:
            return None  # "وكشفت الدراسة أن ...": a lone definite word names a person only if met before
        body = _fuller_body(body, book)
        return build_quote(text, tokens, opening, book.add(body), body, "explicit", verb.start, 0.5,
                           "a body named by its definite words speaks")
    if mention.kind in ("pronoun", "title") and resolved is None:
        confidence -= 0.2
    speaker = book.add(mention)
    return build_quote(text, tokens, opening, speaker, mention, "explicit", verb.start, confidence, reason)


# Words after a body's name and before its أن: where or when it spoke ("أعلنت الأمم المتحدة مؤخرا أنها").
_BEFORE_THAT = frozenset(lx.key(word) for word in ("في", "خلال", "اليوم", "مؤخرا", "أمس", "عبر", "ضمن"))


def _definite_body(text: str, tokens: list[Token], verb_index: int, opening: Opening) -> PersonMention | None:
    """ "أكد البيت الأبيض أن"، "أعلن الديوان الأميري القطري أن": two definite words or more right after the verb,
    then its أن (or where or when it spoke), are a body's name, which speaks as a body; a lone definite word
    ("وكشفت الدراسة أن") is not."""
    position = verb_index + 1
    while position < opening.token_index and tokens[position].is_word and tokens[position].key.startswith("ال") \
            and not tokens[position].newline_before:
        position += 1
    if position - (verb_index + 1) < 2:
        return None
    follows = tokens[position]
    if position != opening.token_index and not (follows.key in _BEFORE_THAT or follows.text in "،,"
                                                or follows.key in lx.COMPLEMENTIZERS | lx.PRONOUN_COMPLEMENTIZERS):
        return None
    start, end = tokens[verb_index + 1].start, tokens[position - 1].end
    return PersonMention("name", text[start:end], None, None, text[start:end], start, end)


def _fuller_body(body: PersonMention, book: PeopleBook) -> PersonMention:
    """ "وأضاف الديوان الأميري أن" after "أعلن الديوان الأميري القطري أن": the body met before whose name opens
    with these words."""
    words = [lx.key(word) for word in (body.name or "").split()]
    for person in reversed(book.people):
        if person.name and person.name == person.organisation:
            held = [lx.key(word) for word in person.name.split()]
            if len(held) > len(words) and held[:len(words)] == words:
                return replace(body, name=person.name, organisation=person.name)
    return body


def said_by_subject_or_previous(text: str, tokens: list[Token], index: int, opening: Opening, book: PeopleBook,
                                trail: SpeakerTrail, confidence: float) -> QuoteMatch | None:
    """The quote at ``opening`` said by the subject named before the verb at ``index``, else by the previous speaker."""
    subject = subject_before(text, tokens, index, book)
    if subject is not None:
        return build_quote(text, tokens, opening, book.add(subject), subject, "explicit", subject.start, confidence,
                           "subject named before the reporting verb")
    named = trail.subject_before(index)
    if named is not None:  # "دعا الوزير فلان إلى ...، وقال: «...»": the second verb shares the subject
        return build_quote(text, tokens, opening, named[0], named[1], "continuation", tokens[index].start, 0.45,
                           "reporting verb continuing its sentence's subject")
    last_speaker = trail.previous(index)
    return build_quote(text, tokens, opening, last_speaker, None, "continuation", tokens[index].start,
                       0.5 if last_speaker else 0.3, "reporting verb without a named subject: the previous speaker")


def continuing(text: str, tokens: list[Token], index: int, opening: Opening,
               trail: SpeakerTrail) -> QuoteMatch | None:
    """A participle's quote: said by its sentence's subject ("وقدم الوزير ... شرحا، مبينا أن"), else the previous
    speaker."""
    subject = trail.subject_before(index)
    if subject is not None:
        return build_quote(text, tokens, opening, subject[0], subject[1], "continuation", tokens[index].start, 0.5,
                           "participle continuing its sentence's subject")
    speaker = trail.previous(index)
    return build_quote(text, tokens, opening, speaker, None, "continuation", tokens[index].start,
                       0.45 if speaker else 0.3, "participle continuing the previous speaker")


def with_titled_person_before(text: str, tokens: list[Token], match: QuoteMatch, book: PeopleBook,
                              names: EarlierNames, index: int) -> QuoteMatch:
    """A continuation with nobody quoted before: the last person printed with a title before it, else a
    person printed by title alone earlier in its own sentence."""
    mention = names.latest_titled_person(index) or title_in_sentence(text, tokens, index)
    if mention is None:
        return match
    return replace(match, speaker=book.add(mention), speaker_title=mention.title, organisation=mention.organisation,
                   confidence=0.35, reason="continuation: the last person named with a title before it")
