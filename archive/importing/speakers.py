"""The people of one article, gathered as the text names them and re-named later.

Press articles name a person in full once ("النقيب محمد الهشامي من شرطة عمان السلطانية") and
then by family name ("وأضاف الهشامي"), by title ("وقال وزير الإعلام") or by an honorific
pronoun ("وأكد معاليه"). ``PeopleBook`` keeps the people met so far and resolves those later
references, comparing names with ``archive.text.names`` (spelling variants meet).

Every mention is also kept in one list sorted by position (``_timeline``), so "who was named
last before this point" is a binary search rather than a scan of every mention: the quote
finder asks it at every token, and the scan made a 1 MB article take minutes (issue 11).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from archive.importing.people import PersonMention
from archive.importing.spans import SpanSet
from archive.importing.speaker_coreference import canonical_office, is_tenure_adjective, office_word
from archive.text.names import name_key, same_person_score
from archive.text.normalize import normalize_arabic

SAME_PERSON_THRESHOLD = 0.85
_POST_HEADS = frozenset(normalize_arabic(word) for word in (
    "وزير", "وزيرة", "رئيس", "رئيسة", "ناطق", "ناطقة", "متحدث", "متحدثة", "نائب", "مدير", "مديرة", "أمين", "عضو",
    "مستشار", "سفير", "محافظ"))
_PRONOUN_HONORIFICS = {normalize_arabic("سمو"): (normalize_arabic("سمو"), normalize_arabic("الأمير"))}


@dataclass
class KnownPerson:
    """A person of the article; ``mentions`` are the spans where the text names them."""

    name: str | None
    honorific: str | None
    title: str | None
    organisation: str | None
    mentions: list[tuple[int, int]] = field(default_factory=list)

    @property
    def display_name(self) -> str:
        if self.name:
            return self.name
        return " ".join(part for part in (self.honorific, self.title) if part) or "?"


class PeopleBook:
    """People met in one article, in order of first mention."""

    def __init__(self) -> None:
        self.people: list[KnownPerson] = []
        self._order: dict[int, int] = {}  # id(person) -> its place in ``people``
        self._timeline: list[tuple[int, int]] = []  # (mention start, person's place), sorted
        self._keys: dict[str, str] = {}
        self._scores: dict[tuple[str, str], float] = {}
        # The quotes found so far (``find_quotes`` shares its set): a person named only inside a quote ("أن
        # وزير الاتصال رفض الإجابة") holds no post for a later "وأضاف الوزير".
        self.quoted = SpanSet()
        # Words read as a speaker that name nobody ("قال بالمناسبة") -> the person they stand for (the subject
        # printed before their verb) and the title printed there, noted by the speaker trail as it meets them;
        # ``settle_speakers`` gives their quotes to that person.
        self.stands_for: dict[int, tuple[KnownPerson, str | None]] = {}

    def add(self, mention: PersonMention) -> KnownPerson:
        """The person a mention names: an earlier one when it resolves, else a new entry."""
        person = self.resolve(mention)
        if person is None:
            name = mention.name if mention.kind in ("name", "surname") else None
            person = KnownPerson(name, mention.honorific, mention.title, mention.organisation)
            self._order[id(person)] = len(self.people)
            self.people.append(person)
        else:
            self._complete(person, mention)
        self.note_mention(person, mention.start, mention.end)
        return person

    def note_mention(self, person: KnownPerson, start: int, end: int) -> None:
        """Record that the text names ``person`` (one of this book's people) at ``start``-``end``."""
        person.mentions.append((start, end))
        bisect.insort(self._timeline, (start, self._order[id(person)]))

    def complete_family_names(self) -> None:
        """Give a person known only by a family name ("الخطيب") the full name the article prints for
        it elsewhere ("سامر فؤاد الخطيب"), when exactly one person has it; the two become one. A person known
        only by a given name without the article ("ريتنو" after "وزير الخارجية") takes the one full name
        opening with it when no full name ends with it (the press repeats a foreign name by its first word)."""
        full_by_family: dict[str, list[KnownPerson]] = {}
        full_by_given: dict[str, list[KnownPerson]] = {}
        for person in self.people:
            words = self._name_key(person.name or "").split()
            if len(words) >= 2:
                full_by_family.setdefault(words[-1], []).append(person)
                full_by_given.setdefault(words[0], []).append(person)
        merged: set[int] = set()
        for person in self.people:
            words = self._name_key(person.name or "").split()
            fuller = full_by_family.get(words[-1], []) if len(words) == 1 and person.name != person.organisation else []
            if not fuller and len(words) == 1 and person.name != person.organisation and not words[0].startswith("ال"):
                fuller = full_by_given.get(words[0], [])
            if len(fuller) == 1:
                _take_name(person, fuller[0])
                merged.add(id(person))
        self._drop(merged)

    def merge(self, short: KnownPerson, full: KnownPerson) -> None:
        """``short`` (a short name or a title alone) is ``full``: it takes the full name, and the book keeps
        one of them (``short`` stays the same object, so the quotes given to it keep it)."""
        _take_name(short, full)
        self._drop({id(short)})

    def forget(self, people: list[KnownPerson]) -> None:
        """Drop ``people`` (words read as a name that name nobody) from the book."""
        self._drop({id(person) for person in people})

    def _drop(self, dropped: set[int]) -> None:
        if dropped:
            self.people = [person for person in self.people if id(person) not in dropped]
            self._order = {id(person): place for place, person in enumerate(self.people)}
            self._timeline = sorted((start, place) for place, person in enumerate(self.people)
                                    for start, _ in person.mentions)

    def resolve(self, mention: PersonMention) -> KnownPerson | None:
        """The earlier person a mention refers to, or None."""
        if mention.kind == "name" and mention.name:
            return self._by_name(mention.name) or self._by_spelling_and_post(mention)
        if mention.kind == "surname" and mention.name:
            return self._by_family_name(mention.name, mention.start) or self._by_name(mention.name)
        if mention.kind == "title" and mention.title:
            return self._by_title(mention.title, mention.start)
        if mention.kind == "pronoun" and mention.honorific:
            return self._named_before(mention)
        return None

    def _named_before(self, mention: PersonMention, reach: int = 400) -> KnownPerson | None:
        """ "سموه": the last person named with سمو (or a prince's الأمير) before the pronoun, a named one
        before a title alone; people the article names only later are not candidates."""
        at = bisect.bisect_left(self._timeline, (mention.start, -1))
        titled_only = None
        for _, place in reversed(self._timeline[max(0, at - reach):at]):
            person = self.people[place]
            if self.fits_pronoun(person, mention):
                if person.name:
                    return person
                titled_only = titled_only or person
        return titled_only

    @staticmethod
    def fits_pronoun(person: KnownPerson, mention: PersonMention) -> bool:
        """Whether ``person``'s honorific fits an honorific pronoun ("سموه" fits سمو and الأمير)."""
        honorifics = _PRONOUN_HONORIFICS.get(mention.honorific or "", (mention.honorific or "",))
        return any(word and word in normalize_arabic(person.honorific or "") for word in honorifics)

    def latest_mentioned(self, before: int, outside: SpanSet | None = None,
                         test: Callable[[KnownPerson], bool] | None = None, reach: int = 400) -> KnownPerson | None:
        """The person named last before ``before``, ignoring mentions inside ``outside`` (quotes) and, with
        ``test``, people failing it (within the last ``reach`` places named: a long article stays linear).

        Two people named at the same place: the one met first.
        """
        at = bisect.bisect_left(self._timeline, (before, -1))
        places = 0
        while at > 0 and places < reach:
            start = self._timeline[at - 1][0]
            first_at_start = bisect.bisect_left(self._timeline, (start, -1))
            if outside is None or start not in outside:
                person = self.people[self._timeline[first_at_start][1]]
                if test is None or test(person):
                    return person
            at = first_at_start  # skip every mention at this place
            places += 1
        return None

    def _by_name(self, name: str) -> KnownPerson | None:
        key = self._name_key(name)
        for person in reversed(self.people):
            if person.name and (self._name_key(person.name) == key
                                or self._score(person.name, name) >= SAME_PERSON_THRESHOLD
                                or _short_form_of(key, self._name_key(person.name))
                                or _head_of(self._name_key(person.name), key)):
                return person
        return None

    def _by_spelling_and_post(self, mention: PersonMention) -> KnownPerson | None:
        """ "وليام روتو، رئيس جمهورية كينيا" then "الرئيس الكيني ويليام روتو": a foreign name spelt again with a
        long vowel more or less (ا و ي), printed with the same post, is the one holder of that post. Spelling
        alone is no evidence ("محمد عباس"/"محمود عباس" are two people): the post is."""
        title = mention.title or ""
        key = _without_long_vowels(self._name_key(mention.name or ""))
        if not title or len(key.split()) < 2:
            return None
        holders = [person for person in self.people if person.name and person.title
                   and _without_long_vowels(self._name_key(person.name)) == key
                   and (shorter_title_of(title, person.title, True) or shorter_title_of(person.title, title, True))]
        return holders[0] if len(holders) == 1 else None

    def _by_family_name(self, family_name: str, before: int) -> KnownPerson | None:
        key = self._name_key(family_name)
        return self._latest(lambda person: self._name_key(person.name or "").split()[-1:] == [key], before)

    # A long article names the same people hundreds of times: each name is keyed and each pair
    # of names scored once (both are pure functions of the written names).
    def _name_key(self, name: str) -> str:
        key = self._keys.get(name)
        if key is None:
            key = self._keys[name] = name_key(name)
        return key

    def _score(self, known: str, named: str) -> float:
        score = self._scores.get((known, named))
        if score is None:
            score = self._scores[(known, named)] = same_person_score(known, named)
        return score

    def _by_title(self, title: str, before: int) -> KnownPerson | None:
        # "رئيس الوزراء" is "رئيس مجلس الوزراء"; "نائب رئيس الوزراء" is not "رئيس الوزراء". A title that names
        # the country ("وزير الإعلام اللبناني") goes first to a holder printed with it, anywhere in the article;
        # else to one printed without a country before it (never after: a headline waits for its holder).
        return self._latest(lambda person: bool(person.title) and shorter_title_of(title, person.title or ""),
                            before) or \
            self._latest(lambda person: bool(person.title) and shorter_title_of(title, person.title or "", True),
                         before, later=False)

    def _latest(self, test: Callable[[KnownPerson], bool], before: int | None = None,
                reach: int = 400, later: bool = True) -> KnownPerson | None:
        """The person passing ``test`` named last before offset ``before`` (the text's order), else (with
        ``later``) the latest met passing it: an article may name someone in full only after a headline."""
        if before is not None:
            at = bisect.bisect_left(self._timeline, (before, -1))
            for start, place in reversed(self._timeline[max(0, at - reach):at]):
                if start not in self.quoted and test(self.people[place]):
                    return self.people[place]
        if not later and before is not None:
            return None
        return next((person for person in reversed(self.people) if test(person) and not self._only_quoted(person)),
                    None)

    def _only_quoted(self, person: KnownPerson) -> bool:
        return bool(person.mentions) and all(start in self.quoted for start, _ in person.mentions)

    @staticmethod
    def _complete(person: KnownPerson, mention: PersonMention) -> None:
        # A longer name (more words) completes the first; one of as many words is a later spelling of it
        # ("وليام روتو" then "ويليام روتو"): the article's first full spelling is kept.
        if mention.kind == "name" and mention.name and (
                not person.name or len(mention.name.split()) > len(person.name.split())):
            person.name = mention.name
        person.honorific = person.honorific or mention.honorific
        if mention.title and (not person.title or mention.kind != "title"):
            person.title = person.title if person.title and len(person.title) > len(mention.title) else mention.title
        person.organisation = person.organisation or mention.organisation


_LONG_VOWELS = str.maketrans("", "", "اوي")


def _without_long_vowels(key: str) -> str:
    """A name's key without its long vowels, each word keeping its first letter ("ويليام روتو" = "وليام روتو")."""
    return " ".join(word[:1] + word[1:].translate(_LONG_VOWELS) for word in key.split())


def _take_name(person: KnownPerson, full: KnownPerson) -> None:
    """``person`` is ``full`` printed shorter: the full name, and whatever ``person`` lacks."""
    person.name = full.name
    person.title = person.title or full.title
    person.honorific = person.honorific or full.honorific
    person.organisation = person.organisation or full.organisation
    full.mentions.extend(person.mentions)


def _short_form_of(short: str, full: str) -> bool:
    """ "محمد الهشامي" is a short form of "محمد بن سعيد الهشامي": same first and last word. A name of four
    words or more is also shortened to the given name and the house ("سلمان الحمود" for "سلمان صباح سالم
    الحمود الصباح"): same first word, the second one of the full name's later words."""
    short_words, full_words = short.split(), full.split()
    if len(short_words) != 2 or len(full_words) <= 2 or short_words[0] != full_words[0]:
        return False
    return short_words[-1] == full_words[-1] or (len(full_words) >= 4 and short_words[-1] in full_words[2:])


def _head_of(short: str, full: str) -> bool:
    """ "محمد بن راشد" (a headline) is the head of "محمد بن راشد آل مكتوم" (the body): two keyed words or more,
    the longer name going on from them."""
    short_words, full_words = short.split(), full.split()
    return len(short_words) >= 2 and len(full_words) > len(short_words) and full_words[:len(short_words)] == short_words


@lru_cache(maxsize=4096)  # an article repeats its few titles thousands of times
def title_words(title: str) -> tuple[str, ...]:
    """A title's words for comparison: "والوزير" -> "وزير", "بمملكة" -> "مملكة", "للإعلام" -> "اعلام".

    One office is one form however it is printed (``speaker_coreference.canonical_office``, data in
    ``speaker_words.json``): "رئيس الدولة" reads as "رئيس الجمهورية", "المتحدث" as "الناطق", and the
    government as the council of ministers: "رئيس الحكومة" reads as "رئيس الوزراء" (so it is also "رئيس
    مجلس الوزراء"), "متحدث الحكومة" as a spokesman "باسم رئاسة مجلس الوزراء", and so does its adjective
    ("الناطق الحكومي"); an adjective of origin agrees with the noun it follows, so "العراقية" (after
    الحكومة) and "العراقي" (after الوزراء) are one word here."""
    return _office(tuple(_title_word(word) for word in normalize_arabic(title).split()))


_HEAD_OF_STATE = canonical_office(office_word(word) for word in normalize_arabic("رئيس الجمهورية").split())


def _office(words: tuple[str, ...]) -> tuple[str, ...]:
    """Title words in the canonical form of their office; "الرئيس" with nothing but an adjective of origin
    ("الرئيس التونسي") is the head of state: "رئيس الجمهورية" of that country."""
    words = canonical_office(words)
    if len(words) >= 2 and words[0] == _HEAD_OF_STATE[0] and all(_of_origin(word) for word in words[1:]):
        return (*_HEAD_OF_STATE, *words[1:])
    return words


def _nisba(word: str) -> str:
    """An adjective of origin and its country as one word: "عراقيه" and "عراقي" -> "عراق" (= "العراق"),
    "فلسطيني" -> "فلسطين" ("رئيس وزراء فلسطين" is "رئيس الوزراء الفلسطيني"); normalised ة is ه."""
    word = word[:-1] if len(word) > 4 and word.endswith("يه") else word
    return word[:-1] if len(word) > 3 and word.endswith("ي") else word


_title_word = office_word


@lru_cache(maxsize=16384)  # the same few titles are compared thousands of times in a long article
def shorter_title_of(short: str, full: str, country_added: bool = False) -> bool:
    """ "رئيس الوزراء" is "رئيس مجلس الوزراء" shortened, "الوزير الإيطالي" is "وزير الخارجية الإيطالي":
    the same head word, and every word of the short title in the full one. A person holding two posts
    ("الوزير المنتدب ... والناطق الرسمي باسم الحكومة") is named by either. A country added later for
    the reader ("رئيس الوزراء العراقي" after "رئيس مجلس الوزراء") is no other post when the full title
    names no country of its own, with ``country_added`` (a second choice: a holder printed with the
    country comes first)."""
    short_words = title_words(short)
    if not short_words:
        return False
    folded = {_nisba(word) for word in short_words}
    without_origin = {_nisba(word) for word, origin in zip(short_words, _origins(short_words), strict=True)
                      if not origin}
    return any(
        part and short_words[0] == part[0] and (folded <= {_nisba(word) for word in part} or (
            country_added and len(without_origin) >= 2 and not any(_origins(part))
            and without_origin <= {_nisba(word) for word in part}))
        for part in _posts(full))


def varied_post_of(printed: str, full: str) -> bool:
    """ "وزير الدولة للتعاون الدولي بوزارة الخارجية" for "وزيرة الدولة للتعاون الدولي في قطر", "رئيس الوزراء
    الفلسطيني" for "رئيس الوزراء ووزير الخارجية والمغتربين الفلسطيني": the press varies how a post ends
    (where, which ministry, which country, once), never its head and complement. One of ``full``'s posts has
    the printed title's head (a woman's post is printed in the masculine too) and complement, and, as far
    as both go on (up to two words), the same next words ("للتعاون الدولي"; "الكويتي" is not "الليبية")."""
    words = title_words(printed)
    if len(words) < 2:
        return False
    rest = [_nisba(word) for word in words[2:]]
    for post in _posts(full):
        if len(post) < 2 or _masculine(post[0]) != _masculine(words[0]) or post[1] != words[1]:
            continue
        post_rest = [_nisba(word) for word in post[2:]]
        reach = min(2, len(rest), len(post_rest))
        if rest[:reach] == post_rest[:reach]:
            return True
    return False


def _masculine(word: str) -> str:
    """A post's head in the masculine: "وزيره" -> "وزير", "رئيسه" -> "رئيس" (normalised ة is ه)."""
    return word[:-1] if len(word) > 3 and word.endswith("ه") else word


def epithet_of(epithet: str, full: str) -> bool:
    """ "الرئيس المنتخب" for "الرئيس الكازاخستاني": a post head printed with the article, then only adjectives
    saying when its holder holds it (``speaker_coreference.is_tenure_adjective``: a definite word after a
    definite head is an adjective, never a construct's complement), names the holder of a post with that
    head; an adjective of origin or of the office ("الرئيس التنفيذي") must be in the full title as well."""
    printed = normalize_arabic(epithet).split()
    if len(printed) < 2 or not all(word.startswith(("ال", "وال", "فال")) for word in printed):
        return False  # "سفير أمريكا السابق لدى سورية": a construct or a preposition, not adjectives alone
    words = title_words(epithet)
    return any(part and part[0] == words[0] and all(
        is_tenure_adjective(word) or _nisba(word) in {_nisba(held) for held in part} for word in words[1:])
        for part in _posts(full))


def post_heads(title: str) -> frozenset[str]:
    """The head word of each post a title names, in comparison form ("وزير الاتصال والناطق الرسمي باسم
    الحكومة" -> وزير and ناطق)."""
    return frozenset(post[0] for post in _posts(title) if post)


def _of_origin(word: str) -> bool:
    """ "عراقي", "مصري", "اردني": an adjective of origin (nisba) in its masculine form, as ``title_words``
    gives it ("الخارجية", a ministry, is no origin); not a title word that merely ends in ي (those below)."""
    return len(word) > 3 and word.endswith("ي") and word not in _NOT_ORIGIN


def _origins(words: tuple[str, ...]) -> list[bool]:
    """Which of a post's words are adjectives of origin. A feminine post takes its adjective feminine ("وزيرة
    الهجرة السويدية": "سويديه" is "سويدي" agreeing with its noun), after the post's complement: the word right
    after the head is that complement ("وزيرة الخارجية", "وزير الخارجية": a ministry, no origin)."""
    return [_of_origin(word[:-1] if place >= 2 and len(word) > 5 and word.endswith("يه") else word)
            for place, word in enumerate(words)]


_NOT_ORIGIN = frozenset(normalize_arabic(word) for word in (
    "رسمي", "تنفيذي", "اعلامي", "ثقافي", "فني", "اداري", "مالي", "قانوني", "سياسي", "اقتصادي", "اجتماعي",
    "تقني", "علمي", "طبي", "صحي", "امني", "عسكري", "دولي", "اقليمي", "وطني", "محلي", "بلدي", "عربي",
    "حالي", "فخري", "شرفي", "دوري", "فعلي", "تاريخي"))


@lru_cache(maxsize=4096)
def _posts(title: str) -> tuple[tuple[str, ...], ...]:
    """The posts of a title joined by و: "وزير الدولة للإعلام والناطق باسم الحكومة" -> two."""
    posts: list[list[str]] = [[]]
    previous_definite = False
    words = normalize_arabic(title).split()
    for place, word in enumerate(words):
        following = words[place + 1] if place + 1 < len(words) else ""
        # "و" printed apart joins the next word to this post unless a post's head follows ("و الناطق ...")
        new_post = (word == "و" and _title_word(following) in _POST_HEADS) or (
            word.startswith("و") and _title_word(word[1:]) in _POST_HEADS)
        # "المستشار المتحدث الرسمي باسم ...", "مستشار رئيس مجلس الوزراء وزير الخارجية المتحدث الرسمي ...": a
        # definite post head after a definite word stands beside it (titles in apposition); "نائب رئيس ..." is
        # one post (a construct), and so is "... الإعلام رئيس مجلس ..." as far as this can tell.
        beside = previous_definite and word.startswith("ال") and _title_word(word) in _POST_HEADS
        if new_post or beside:
            posts.append([])
        rest = "" if word == "و" else word[1:] if new_post else word
        if rest:
            posts[-1].append(_title_word(rest))
        previous_definite = rest.startswith("ال") or (previous_definite and not rest)
    posts[1:] = [post for post in posts[1:] if post]
    return tuple(_office(tuple(post)) for post in posts)

