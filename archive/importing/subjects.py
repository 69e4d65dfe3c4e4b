"""The person a sentence is about, for the quotes that continue a speaker.

Owns one question of speaker resolution: who is the subject of a sentence. Arabic press opens a
sentence with its verb and then its subject ("وقدم وزير الدفاع، بداية المؤتمر، شرحا موجزا ...،
مبينا أن ..."), or with the subject itself ("أما الدكتورة سلمى ...، فأوضحت أن ..."). A participle
("مبينا أن") or a verb without a subject of its own ("وأضافت أن") continues that person, not the
last name printed: names after "بحضور"، "برئاسة" or a preposition are guests, not speakers.

``SentenceSubjects`` finds the sentences of an article once (a linear pass) and reads each
sentence's subject at most once, on demand, so a long article costs one bounded parse a sentence.
A subject is only taken when it is plainly a person: an honorific, a title, a name with بن/بنت,
an honorific pronoun ("سموه"), a family name met earlier with a title, or a family name right after a
verb of speech ("وشدد حماد على ...، مؤكدا أن") whose full name was printed before.
"""

from __future__ import annotations

import bisect

from archive.importing import lexicon as lx
from archive.importing.earlier_names import EarlierNames
from archive.importing.people import PersonMention, parse_person, title_phrase_end, with_title
from archive.importing.person_words import bare_key
from archive.importing.tokens import Token, strip_prefix

_SENTENCE_MARKS = frozenset(".!؟?")
_ABBREVIATIONS = frozenset(lx.key(word) for word in ("د", "م", "أ", "ا", "أد", "ص", "ب"))  # د. م. أ.د.
# Words that open a sentence before its verb or subject: skipped when looking for the subject.
_OPENERS = frozenset(lx.key(word) for word in (
    "أما", "فيما", "بينما", "كما", "وقد", "قد", "ثم", "بدوره", "بدورها", "كذلك", "أيضا", "من", "جانبه", "جانبها",
    "جهته", "جهتها", "ومن", "وفي", "في", "هذا", "وهذا", "وكان", "وكانت", "كان", "كانت", "و"))
# A person named after these is a guest or an object, not the sentence's subject.
_NOT_SUBJECT_AFTER = frozenset(lx.key(word) for word in (
    "بحضور", "حضور", "وبحضور", "برعاية", "رعاية", "برئاسة", "رئاسة", "بمشاركة", "مشاركة", "مع", "ومع", "إلى", "الى",
    "على", "عن", "في", "من", "لدى", "بين", "عند", "استقبال", "لقاء", "لقائه", "لقائها", "مخاطبا", "مخاطبة",
    "بالسيد", "وبحضور", "نيابة", "ممثلا", "ممثلة"))
_PLACE_OPENERS = frozenset(lx.key(word) for word in ("في", "وفي", "خلال", "وخلال"))
_NAME_REACH = 25


def ends_sentence(tokens: list[Token], position: int) -> bool:
    """Whether ``tokens[position]`` ends a sentence: ".", "!", "?" or "؟", but not the dot of "د." or "م."."""
    mark = tokens[position].text
    if mark not in _SENTENCE_MARKS:
        return False
    if mark == "." and position > 0:
        before = tokens[position - 1]
        return not (before.is_word and before.key in _ABBREVIATIONS and before.end == tokens[position].start)
    return True


class SentenceSubjects:
    """The sentences of one article and, on demand, the person each is about."""

    def __init__(self, text: str, tokens: list[Token], names: EarlierNames) -> None:
        self._text = text
        self._tokens = tokens
        self._names = names
        self._starts: list[int] = [0] if tokens else []
        for position in range(1, len(tokens)):
            if (tokens[position].newline_before or ends_sentence(tokens, position - 1)) and position > self._starts[-1]:
                self._starts.append(position)
        self._subjects: dict[int, tuple[PersonMention, int] | None] = {}

    def sentence_of(self, index: int) -> int:
        """The number of the sentence holding token ``index``."""
        return max(0, bisect.bisect_right(self._starts, index) - 1)

    def sentence_start(self, sentence: int) -> int:
        """The first token of sentence number ``sentence``."""
        return self._starts[sentence]

    def subject(self, sentence: int) -> tuple[PersonMention, int] | None:
        """The person sentence ``sentence`` is about and the token where it is named, or None."""
        if sentence not in self._subjects:
            self._subjects[sentence] = self._read_subject(sentence)
        return self._subjects[sentence]

    def _read_subject(self, sentence: int) -> tuple[PersonMention, int] | None:
        tokens = self._tokens
        start = self._starts[sentence]
        end = self._starts[sentence + 1] if sentence + 1 < len(self._starts) else len(tokens)
        position = start
        while position < end and (not tokens[position].is_word or tokens[position].key in _OPENERS):
            if tokens[position].key in _PLACE_OPENERS:
                position = _after_place(tokens, position, end)  # "وفي اللقاء رحب الوزير": not the subject
                continue
            position += 1
        # The subject opens the sentence, or follows its first word (the verb).
        first = position
        for candidate in range(first, min(end, first + 2)):
            if not tokens[candidate].is_word or (candidate > start and _blocks_subject(tokens[candidate - 1])):
                continue
            mention, after = parse_person(self._text, tokens, candidate, min(end, candidate + _NAME_REACH))
            if mention is not None and mention.kind == "name" and not mention.title and candidate > first:
                # after the verb only: a sentence's first word may be its verb, read as a given name
                mention = _with_apposed_title(self._text, tokens, mention, after, end)
            # "وشدد حماد"، "أشار الصايغ": a verb of speech right before the name makes it the verb's subject
            after_verb = candidate > first and bare_key(tokens[candidate - 1]) in lx.REPORTING_VERBS
            if mention is not None and self._plainly_a_person(mention, candidate, after_verb):
                return mention, candidate
        return None

    def _plainly_a_person(self, mention: PersonMention, position: int, after_verb: bool = False) -> bool:
        if after_verb and _family_name_alone(mention):
            # "وشدد حماد على ...، مؤكدا أن": a family name right after a verb of speech is its subject, the person
            # printed in full before (with a post or without: "في حضور النائبين فلان وفيصل الصايغ")
            return self._names.full_name(lx.key(mention.name or ""), position) is not None
        if mention.kind == "surname":  # "وأكد الشامي": a family name printed in full, with a title, before
            return self._names.titled_full_name(lx.key(mention.name or ""), position) is not None
        if mention.kind == "title":  # "وفي العام الماضي" is no title
            return lx.key((mention.title or "").split()[0]) not in _NOT_TITLE_HEADS
        return _named_person(mention)


def _with_apposed_title(text: str, tokens: list[Token], mention: PersonMention, after: int,
                        end: int) -> PersonMention:
    """ "أكد هشام فؤاد، وزير التجارة الأسبق، ضرورة ...": a name of two words or more, a comma and a post: the
    post is the person's (press apposition), so the name is plainly a person's."""
    if len((mention.name or "").split()) < 2 or after + 1 >= end or tokens[after].text not in "،," \
            or not tokens[after + 1].is_word or bare_key(tokens[after + 1]) not in lx.TITLE_WORDS:
        return mention
    return with_title(text, mention, tokens[after + 1:title_phrase_end(tokens, after + 1, end)])


def _after_place(tokens: list[Token], position: int, end: int) -> int:
    """Past a sentence's opening place or time: to its comma ("في مؤتمر صحفي عقب ...، أكد"), else one word."""
    for after in range(position + 1, min(end, position + 30)):
        if tokens[after].text in "،,":
            return after + 1
    return position + 2


def _blocks_subject(previous: Token) -> bool:
    return (not previous.is_word and previous.text not in "،,:") or (previous.is_word and (
        previous.key in _NOT_SUBJECT_AFTER or strip_prefix(previous.key) in _NOT_SUBJECT_AFTER))


_NOT_TITLE_HEADS = frozenset(lx.key(word) for word in ("عام", "العام"))


def _family_name_alone(mention: PersonMention) -> bool:
    """A one-word name with neither title nor honorific, read after the sentence's verb ("وشدد حماد")."""
    return mention.kind in ("name", "surname") and not mention.title and not mention.honorific \
        and len((mention.name or "").split()) == 1


def _named_person(mention: PersonMention) -> bool:
    if mention.kind == "pronoun":
        return True
    words = (mention.name or "").split()
    return bool(mention.honorific or mention.title) or any(lx.key(word) in lx.NAME_LINKS for word in words[1:-1])
