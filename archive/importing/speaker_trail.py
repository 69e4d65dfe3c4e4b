"""Who a quote without a named speaker continues: the trail of speakers through an article.

Owns the answer for continuations ("مشيرا إلى أن ..."، "وأضافت أن ..."، "وقال: ..."): the subject of
the quote's own sentence when it has one ("وقدم وزير الدفاع ... شرحا، مبينا أن"), else the subject
of a later sentence than the last quote ("والتقى الوزير فلان الوفد. وأكد أن ..."), else the last
quote's speaker. A name printed as a guest ("بحضور الدكتور فلان") or inside a quote never takes
over. A subject named by its title or family name alone is the person printed with it earlier.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from archive.importing import lexicon as lx
from archive.importing.earlier_names import EarlierNames
from archive.importing.organisations import organisation_speaker
from archive.importing.people import PersonMention, parse_person
from archive.importing.spans import SpanSet
from archive.importing.speaker_coreference import is_honorific_pronoun, names_nobody
from archive.importing.speakers import KnownPerson, PeopleBook
from archive.importing.subjects import SentenceSubjects
from archive.importing.tokens import Token, strip_prefix

# "من جانبه"، "بدوره": the sentence gives the turn to someone just named, not to the last speaker.
_TURN_WORDS = frozenset(lx.key(words) for words in (
    "من جانبه", "من جانبها", "من جهته", "من جهتها", "بدوره", "بدورها", "وبدوره", "وبدورها", "ومن جانبه", "ومن جانبها",
    "ومن جهته", "ومن جهتها"))
_LOOK_BACK = 30  # sentences searched back for a subject: a long article stays linear
_RELATIVES = frozenset(lx.key(word) for word in ("الذي", "التي", "والذي", "والتي"))
_SENTENCE_OPENERS = frozenset(lx.key(word) for word in ("وكانت", "وكان", "كانت", "كان", "وقد", "قد", "أما", "فيما"))
_KICKER_REACH = 6  # words of the headline under a kicker where its speaker is looked for
_BODY_REACH = 12  # words from a sentence's start where its verb and a body as subject are looked for
_RELATIVE_REACH = 60  # words back from a coordinated verb to the relative clause whose subject it shares


class SpeakerTrail:
    """The speakers of one article so far, as the quote finder meets them in text order."""

    def __init__(self, text: str, tokens: list[Token], book: PeopleBook, names: EarlierNames, quoted: SpanSet) -> None:
        self._text = text
        self._tokens = tokens
        self._book = book
        self._names = names
        self._quoted = quoted  # the quotes' spans: a name inside them is nobody's subject
        self._subjects = SentenceSubjects(text, tokens, names)
        self._last: tuple[KnownPerson | None, int] | None = None  # last quote's speaker, its sentence
        self._recent: list[KnownPerson] = []  # the last speakers, latest last, each once
        self._genders: dict[int, str] = {}  # id(person) -> "f" or "m", as a verb agreed with them
        self._starts = [token.start for token in tokens]

    def said(self, speaker: KnownPerson | None, token_index: int, explicit: bool = False) -> None:
        """Record a quote attributed at ``token_index`` to ``speaker`` (``explicit``: named by that verb).

        Words after the verb that name nobody ("رئيس الدولة قال بالمناسبة:", "وكانت الحكومة، أعلنت سابقا،
        أن") give the turn to the subject printed before the verb, when there is one; an honorific with its
        pronoun read as a name ("وأكد فخامته أن") is the person a continuation would keep. The book notes that
        those words stand for that person (``PeopleBook.stands_for``), and the trail goes on with them."""
        if speaker is not None and speaker.name and speaker.name != speaker.organisation:
            subject, printed = (self._subject_before_verb(token_index) if names_nobody(speaker.name)
                                else (self.previous(token_index), None) if is_honorific_pronoun(speaker.name)
                                else (None, None))
            if subject is not None and subject is not speaker:
                self._book.stands_for[id(speaker)] = (subject, printed)
                speaker = subject
        self._last = (speaker, self._subjects.sentence_of(token_index))
        if speaker is None:
            return
        others = [person for person in self._recent if person is not speaker]
        self._recent = [*others[-4:], speaker]
        gender = verb_gender(self._tokens[token_index]) if explicit else None
        if gender is not None:
            self._genders.setdefault(id(speaker), gender)

    def subject_before(self, index: int) -> tuple[KnownPerson, PersonMention] | None:
        """The person the sentence of token ``index`` is about, when named before ``index``."""
        sentence = self._subjects.sentence_of(index)
        found = self._subjects.subject(sentence)
        if found is None or found[1] >= index:
            return None
        return self._person(*found)

    def _subject_before_verb(self, index: int) -> tuple[KnownPerson | None, str | None]:
        """The person, else the body, printed as the subject before the verb at token ``index``, in its sentence,
        with the title printed there ("رئيس الدولة قال"); (None, None) when there is none."""
        named = self.subject_before(index)
        if named is not None:
            return named[0], named[1].title
        start = self._subjects.sentence_start(self._subjects.sentence_of(index))
        position = next((place for place in range(start, index) if self._tokens[place].is_word
                         and self._tokens[place].key not in _SENTENCE_OPENERS), index)
        if position >= index:
            return None, None
        mention, _ = organisation_speaker(self._text, self._tokens, position, index)
        return (self._book.add(mention), None) if mention is not None and mention.name else (None, None)

    def pronoun(self, mention: PersonMention) -> KnownPerson | None:
        """Who "سموه" or "معاليه" is: the person the text is about whom the honorific fits (the subject of the
        latest sentence since the last quote, else the last speaker), else the book's answer (the last person
        named with it). "استقبل سمو الشيخ فلان ... بحضور سمو الشيخ علان. وأكد سموه أن": the host, not the
        guest named last."""
        if self._book.resolve(mention) is None:
            return None
        index = min(bisect.bisect_left(self._starts, mention.start), len(self._tokens) - 1)
        own = self._subjects.subject(self._subjects.sentence_of(index))
        mine = self._person(*own) if own is not None and own[1] < index else None
        for person in ([mine[0]] if mine is not None else []) + self._candidates(index):
            if person.honorific and self._book.fits_pronoun(person, mention):
                return person
        return self._book.resolve(mention)

    def previous(self, index: int) -> KnownPerson | None:
        """The speaker a continuation at token ``index`` keeps when its sentence names nobody.

        The latest subject since the last quote, else the last speaker; when the verb's form says a
        woman or a man speaks ("وأضافت"، "مشيرا"), the latest of these it can agree with.
        """
        antecedent = self._relative_antecedent(index)
        if antecedent is not None:
            return antecedent
        candidates = self._candidates(index)
        newcomer = self._turn_taker(index)
        if newcomer is not None:
            candidates = [newcomer, *[person for person in candidates if person is not newcomer]]
        gender = verb_gender(self._tokens[index])
        agreeing = [person for person in candidates if gender is None or self._gender(person) in (None, gender)]
        if gender == "f" and not any(self._gender(person) == "f" for person in agreeing):
            body = self._body_subject(index)
            if body is not None:
                return body
            # "وأكدت أن" after sentences about men: the woman named last before (a man is rarely marked as
            # one, a woman is, by her verb, title or بنت), not the man of unknown gender named after her.
            woman = self._book.latest_mentioned(self._tokens[index].start, self._quoted,
                                                lambda person: self._gender(person) == "f")
            if woman is not None:
                return woman
        if agreeing or candidates:
            return (agreeing or candidates)[0]
        if self._last is not None:
            return self._last[0]
        # Nobody quoted yet: the person named last, of the verb's gender when it shows one ("وأكدت").
        return self._book.latest_mentioned(self._tokens[index].start, self._quoted,
                                           lambda person: gender is None or self._gender(person) in (None, gender)) \
            or self._kicker_speaker(index)

    def _kicker_speaker(self, index: int) -> KnownPerson | None:
        """ "أكد أن ..." as the article's first line, above the headline "فلان: ...": a kicker shares the
        headline's subject, so the first person named on the next line speaks; None elsewhere."""
        if any(token.newline_before for token in self._tokens[1:index + 1]):
            return None  # not on the first line
        line = next((i for i in range(index + 1, len(self._tokens)) if self._tokens[i].newline_before), None)
        if line is None:
            return None
        end = next((i for i in range(line + 1, len(self._tokens)) if self._tokens[i].newline_before),
                   len(self._tokens))
        for position in range(line, min(end, line + _KICKER_REACH)):
            mention, _ = parse_person(self._text, self._tokens, position, end)
            if mention is not None and mention.kind == "name" and len((mention.name or "").split()) >= 2:
                return self._book.add(mention)
        return None

    def _relative_antecedent(self, index: int) -> KnownPerson | None:
        """ "... الدكتور ماجد الحربي، الذي أكد أن": a relative pronoun before the verb refers to the person
        named right before it, who speaks (not the last speaker). So does a verb coordinated with a relative
        clause's verb of speech in the same sentence ("... وزير التراث فلان الذي تحدث طويلا عن ...، وأشار إلى
        أن"): it shares that clause's subject, not the person the article named last ("... وشعب مصر، الذي
        تربطه ...، وأكد أن": a clause that speaks of no one's words says nothing of who speaks)."""
        if index == 0:
            return None
        if self._tokens[index - 1].key in _RELATIVES:
            return self._book.latest_mentioned(self._tokens[index - 1].start, self._quoted)
        if not self._tokens[index].key.startswith("و"):
            return None
        start = self._subjects.sentence_start(self._subjects.sentence_of(index))
        for position in range(index - 1, max(start, index - _RELATIVE_REACH), -1):
            token = self._tokens[position]
            if token.key in _RELATIVES and position + 1 < index and _speaks(self._tokens[position + 1]):
                return self._named_right_before(position)
        return None

    def _named_right_before(self, position: int) -> KnownPerson | None:
        """The person whose mention ends right before token ``position`` (a comma between them allowed)."""
        before = self._tokens[position - 1] if position > 0 else None
        end = before.start if before is not None and before.text in "،," else self._tokens[position].start
        person = self._book.latest_mentioned(self._tokens[position].start, self._quoted)
        if person is None or not any(0 <= end - mention_end <= 2 for _, mention_end in person.mentions):
            return None
        return person

    def _body_subject(self, index: int) -> KnownPerson | None:
        """ "أصدرت وزارة الخارجية ... بيانا بشأن زيارة فلان، فيما أشارت إلى أن": earlier in the sentence a
        feminine verb had a body of feminine gender for its subject; a feminine verb after it agrees with
        that body, not with a man named in between."""
        start = self._subjects.sentence_start(self._subjects.sentence_of(index))
        for position in range(start, min(index, start + _BODY_REACH)):
            token = self._tokens[position]
            if not (token.is_word and token.key.endswith("ت") and verb_gender(token) in ("f", None)
                    and len(token.key) >= 4):
                continue
            mention, _ = organisation_speaker(self._text, self._tokens, position + 1, index)
            if mention is not None and mention.name and lx.key(mention.name.split()[0]).endswith("ه"):
                return self._book.add(mention)
        return None

    def _turn_taker(self, index: int) -> KnownPerson | None:
        """ "من جانبه، أكد أن ...": the person named last before the sentence, who now takes the turn."""
        start = self._subjects.sentence_start(self._subjects.sentence_of(index))
        words = [token.key for token in self._tokens[start:index] if token.is_word][:2]
        if not words or not (words[0] in _TURN_WORDS or " ".join(words) in _TURN_WORDS):
            return None
        person = self._book.latest_mentioned(self._tokens[start].start, self._quoted)
        last = self._last[0] if self._last else None
        return person if person is not last else None

    def _candidates(self, index: int) -> list[KnownPerson]:
        sentence = self._subjects.sentence_of(index)
        last_sentence = max(self._last[1] if self._last else -1, sentence - _LOOK_BACK - 1)
        found: list[KnownPerson] = []
        for earlier in range(sentence - 1, last_sentence, -1):
            subject = self._subjects.subject(earlier)
            person = self._person(*subject) if subject is not None else None
            if person is not None and not any(known is person[0] for known in found):
                found.append(person[0])
        return found + [person for person in reversed(self._recent) if not any(known is person for known in found)]

    def _gender(self, person: KnownPerson) -> str | None:
        return self._genders.get(id(person)) or person_gender(person)

    def _person(self, mention: PersonMention, position: int) -> tuple[KnownPerson, PersonMention] | None:
        if self._tokens[position].start in self._quoted:
            return None
        if mention.kind in ("surname", "name") and len((mention.name or "").split()) == 1:
            # "وأكد الشامي", "الوزيرة غنيمات", "الدكتور خوجة": the person printed in full before
            known = self._book.resolve(replace(mention, kind="surname"))
            if known is not None:
                return known, mention
            full = self._names.full_name(lx.key(mention.name or ""), position)
            if full is not None:
                mention = replace(full, honorific=mention.honorific, title=mention.title,
                                  organisation=mention.organisation)
            elif mention.title and mention.kind == "name":  # "وتفقد الوزير جناح الجمعية": the minister
                mention = replace(mention, kind="title", name=None)
        if mention.kind == "name" and _refers_back(mention.title) and self._book.resolve(mention) is None:
            # "وتفقد الوزير جناح الطفل": after "الوزير" alone, a name met nowhere is what he did, not who
            known = self._book.resolve(replace(mention, kind="title", name=None))
            if known is not None:
                return known, mention
        if mention.kind == "title" and self._book.resolve(mention) is None and mention.title:
            mention = title_with_family_name(mention, self._book, self._names, position)
        if mention.kind == "title" and self._book.resolve(mention) is None and mention.title:
            holder = self._names.holder(mention.title, position)
            if holder is not None:
                mention = PersonMention("name", holder.name, mention.honorific or holder.honorific, holder.title,
                                        mention.organisation or holder.organisation, mention.start, mention.end)
        elif mention.kind == "pronoun":
            person = self.pronoun(mention)
            return (person, mention) if person is not None else None
        return self._book.add(mention), mention


def _speaks(token: Token) -> bool:
    """A verb of speech or of a speech act ("تحدث"، "أكد"، "دعا"): the relative clause has a speaker."""
    bare = strip_prefix(token.key)
    return token.is_word and (bare in lx.REPORTING_VERBS or bare in lx.SPEECH_ACT_VERBS
                              or bare in lx.CONTINUATION_VERBS)


def _refers_back(title: str | None) -> bool:
    """A title of one definite word ("الوزير", "الرئيس"): it names someone the reader has met."""
    words = (title or "").split()
    return len(words) == 1 and lx.key(words[0]).startswith("ال")


def title_with_family_name(mention: PersonMention, book: PeopleBook, names: EarlierNames, before: int) -> PersonMention:
    """A title mention that ends in (or is) the family name of someone printed before, as that person.

    "وقالت الوزيرة القاسمي": a definite title word, then the family name; "وقال الوزير" after "كامل
    الوزير": the title word is his family name. Anything else is returned as it came.
    """
    words = (mention.title or "").split()
    if mention.kind != "title" or not words or not lx.key(words[-1]).startswith("ال"):
        return mention
    if len(words) > 2 or (len(words) == 2 and not lx.key(words[0]).startswith("ال")):
        return mention  # "وزير الخارجية": the definite word completes the title, it is nobody's name
    family = words[-1]
    known = book.resolve(PersonMention("surname", family, None, None, None, mention.start, mention.end))
    if known is not None and known.name and (len(words) > 1 or known.name.split()[-1] == family):
        full_name = known.name
    elif len(words) > 1:
        earlier = names.titled_full_name(lx.key(family), before)
        if earlier is None or not earlier.name:
            return mention
        full_name = earlier.name
    else:
        return mention
    title = " ".join(words[:-1]) or (known.title if known is not None else None)
    return replace(mention, kind="name", name=full_name, title=title)


def verb_gender(token: Token) -> str | None:
    """ "f" for قالت، أضافت، تقول، مشيرة; "m" for قال، أضاف، يقول، مشيرا; None when the form does not say."""
    if not token.is_word:
        return None
    known = lx.REPORTING_VERBS | lx.CONTINUATION_VERBS
    for word in dict.fromkeys((token.key, strip_prefix(token.key))):
        if word in known:
            if (word.endswith("ت") and word[:-1] in known) or (word.startswith("ت") and "ي" + word[1:] in known):
                return "f"
            if word + "ت" in known or (word.startswith("ي") and "ت" + word[1:] in known):
                return "m"
        if word in lx.PARTICIPLES:
            if word.endswith("ه") and word[:-1] + "ا" in lx.PARTICIPLES:
                return "f"
            if word.endswith("ا") and word[:-1] + "ه" in lx.PARTICIPLES:
                return "m"
    return None


_FEMININE_HONORIFICS = frozenset(lx.key(word) for word in ("السيدة", "الدكتورة", "الشيخة", "الأستاذة", "المهندسة",
                                                           "الأميرة", "صاحبة", "المكرمة", "الفاضلة"))


def person_gender(person: KnownPerson) -> str | None:
    """A woman when her title, honorific or name says so ("وزيرة"، "السيدة"، "بنت"), else unknown."""
    title_head = lx.key((person.title or "").split()[0]) if person.title else ""
    if title_head.endswith("ه") and title_head in lx.TITLE_WORDS:
        return "f"
    if any(lx.key(word) in _FEMININE_HONORIFICS for word in (person.honorific or "").split()):
        return "f"
    if lx.key("بنت") in (lx.key(word) for word in (person.name or "").split()):
        return "f"
    return None

