"""Full names printed earlier in an article, found from the family name alone.

Owns one question of speaker resolution: "وأكد بنسعيد أن ..." or "وأوضح «الحمصاني» أن ..." name
someone by the family name only; the person is the one printed in full earlier ("وزير الثقافة
محمد مهدي بنسعيد"), even when that first mention carried no quote. ``EarlierNames`` indexes the
article's words once, so each look-up costs only the places where that word occurs.
"""

from __future__ import annotations

import bisect
from collections import defaultdict

from archive.importing import lexicon as lx
from archive.importing.people import (
    PersonMention,
    can_be_name_word,
    named_after_head,
    organisation_speaker,
    parse_person,
)
from archive.importing.person_names import name_stop, through_joins
from archive.importing.person_words import LOCATION_WORDS, bare_key, is_definite, is_place_or_body, name_word_key
from archive.importing.spans import SpanSet
from archive.importing.speakers import shorter_title_of
from archive.importing.tokens import Token

_MAX_NAME_WORDS = 5
_AT = lx.key("لدى")  # an envoy's title ends with "لدى" and a country, which is no given name
_PLACES_SEARCHED = 50  # a long article: a look-up reads the latest places of a word only
_COMPOUND_STARTS = {lx.key(word) for word in ("عبد", "أبو", "ابو")}  # "عبد الغني زعلان"


class EarlierNames:
    """Where each word of an article occurs, to find a family name's full form before a place."""

    def __init__(self, text: str, tokens: list[Token], quoted: SpanSet | None = None) -> None:
        self._text = text
        self._tokens = tokens
        self._quoted = quoted if quoted is not None else SpanSet()  # the quotes found so far
        self._places: dict[str, list[int]] = defaultdict(list)
        self._starts = [token.start for token in tokens]
        for position, token in enumerate(tokens):
            if token.is_word:
                self._places[token.key].append(position)
                if _bare(token.key) != token.key:
                    self._places[_bare(token.key)].append(position)

    def _earlier_places(self, word_key: str, before: int) -> list[int]:
        """Where ``word_key`` occurs before token ``before``, latest first, at most ``_PLACES_SEARCHED``."""
        places = self._places.get(word_key, [])
        at = bisect.bisect_left(places, before)
        return places[max(0, at - _PLACES_SEARCHED):at][::-1]

    def full_name(self, family_key: str, before: int) -> PersonMention | None:
        """The latest name of two words or more ending in ``family_key`` printed before token ``before``."""
        for place in reversed(self._places.get(family_key, ())):
            if place < before:
                mention = self._name_ending_at(place)
                if mention is not None:
                    return mention
        return None

    def later_full_name(self, family_key: str, after: int) -> PersonMention | None:
        """The first name of two words or more ending in ``family_key`` printed after token ``after``, where the
        name clearly ends ("رافائيل سيلفا:"، "باسم العوادي الى ان"; not "باسم البيت الأبيض": the word goes on)."""
        places = self._places.get(family_key, [])
        for place in places[bisect.bisect_right(places, after):][:_PLACES_SEARCHED]:
            if self._tokens[place].key == family_key and name_stop(self._tokens, place + 1, len(self._tokens)):
                mention = self._name_ending_at(place)
                if mention is not None and self._introduced(self._token_at(mention.start)):
                    return mention
        return None

    def _introduced(self, first: int) -> bool:
        """Whether a name starting at token ``first`` is printed as a person is introduced: opening a line (an
        interview's label, "رافائيل سيلفا:"), or after a title or an honorific ("المتحدث باسم الحكومة العراقية
        باسم العوادي"); not after a preposition or a verb ("من أجل البابا")."""
        if first == 0 or self._tokens[first].newline_before:
            return True
        before = self._tokens[first - 1]
        return before.is_word and (_bare(before.key) in _TITLE_OR_HONORIFIC or is_definite(before.key))

    def _name_ending_at(self, place: int) -> PersonMention | None:
        """The name of two words or more whose family name is token ``place``, read back from it, or None."""
        first = self._definite_middle_start(place)
        while (place - first < _MAX_NAME_WORDS - 1 and first > 0 and not self._tokens[first].newline_before
               and not _joined_by_and(self._tokens, first)
               and not _opens_paragraph_with_and(self._tokens, first - 1)
               and self._tokens[first - 1].is_word and can_be_name_word(self._tokens[first - 1])
               and not _place_or_post(self._tokens[first - 1])  # "وزيرة خارجية جمهورية إندونيسيا ريتنو مارسودي"
               and (not is_definite(name_word_key(self._tokens[first - 1]))  # "وزيرة الدولة للإعلام جمانة غنيمات"
                    or (first > 1 and self._tokens[first - 2].key in _COMPOUND_STARTS))
               and not (first > 1 and self._tokens[first - 2].key == _AT)):  # "لدى عمان جون سميث": a country
            first -= 1
        while first < place and self._tokens[first].key in lx.NAME_LINKS:
            first += 1
        if first >= place:
            return None
        last = through_joins(self._tokens, first, place + 1, len(self._tokens)) - 1  # "لولا دا سيلفا"
        start, end = self._tokens[first].start, self._tokens[last].end
        if _joined_by_and(self._tokens, first):
            start += 1  # "وائل أبو فاعور وفيصل الصايغ": the second person is "فيصل الصايغ"
        return PersonMention("name", self._text[start:end], None, None, None, start, end)

    def _definite_middle_start(self, place: int) -> int:
        """Where a name ending at token ``place`` starts once a definite middle name is read: "محمد المهدي
        العلوي" (a given name, then a definite name right before a definite family name) starts at the given name;
        otherwise at ``place`` itself. Only the word right before the family name is read so: further back a
        definite word ends the name ("وزيرة الدولة للإعلام جمانة غنيمات" keeps its title out)."""
        if place < 2 or self._tokens[place].newline_before or self._tokens[place - 1].newline_before:
            return place
        middle, given = self._tokens[place - 1], self._tokens[place - 2]
        if not (middle.is_word and given.is_word and can_be_name_word(middle) and can_be_name_word(given)):
            return place
        if not is_definite(name_word_key(self._tokens[place])) or not is_definite(name_word_key(middle)) \
                or is_definite(name_word_key(given)) \
                or middle.key in lx.NAME_LINKS or given.key in lx.NAME_LINKS or given.key in _COMPOUND_STARTS:
            return place
        return place - 2

    def full_name_from_given(self, given_key: str, before: int) -> PersonMention | None:
        """The latest name of two words or more starting with ``given_key`` printed before token ``before``:
        "وأشار جراهام" after "د. جراهام عبد القادر" (a foreign or Sudanese name is often repeated by its
        first word)."""
        for place in self._earlier_places(given_key, before):
            if self._tokens[place].key != given_key:
                continue
            if place > 0 and self._tokens[place - 1].is_word and self._tokens[place - 1].key in LOCATION_WORDS:
                continue  # "رئيس جمهورية بلادستان ووزراء": the state's name after its word, no given name
            mention, _ = parse_person(self._text, self._tokens, place, min(before, place + _MAX_NAME_WORDS))
            if mention is not None and mention.kind == "name" and mention.name and len(mention.name.split()) >= 2:
                return mention
        return None

    def titled_full_name(self, family_key: str, before: int) -> PersonMention | None:
        """Like ``full_name``, only when that full name was printed after a title or an honorific."""
        mention = self.full_name(family_key, before)
        if mention is None:
            return None
        at = self._token_at(mention.start)
        earlier = self._tokens[at - 1] if at > 0 else None
        if earlier is None or not earlier.is_word or _bare(earlier.key) not in _TITLE_OR_HONORIFIC:
            return None
        return mention

    def _token_at(self, offset: int) -> int:
        return bisect.bisect_left(self._starts, offset)

    def holder(self, title: str, before: int) -> PersonMention | None:
        """The person printed earlier with ``title`` ("الوزير", "رئيس الوزراء") followed by a name, outside the
        quotes found so far."""
        wanted = [_bare(lx.key(word)) for word in title.split()]
        if not wanted:
            return None
        for place in reversed(self._places.get(wanted[0], ())):
            if place >= before or self._tokens[place].start in self._quoted:
                continue  # a post named inside a quote ('أن وزير الاتصال رفض الإجابة') names no holder
            mention, _ = parse_person(self._text, self._tokens, place, min(before, place + 20))
            if mention is None or mention.kind != "name" or not mention.title or not mention.name:
                continue
            printed = [_bare(lx.key(word)) for word in mention.title.split()]
            if printed[:len(wanted)] == wanted or shorter_title_of(title, mention.title):
                return mention
        return None

    def body(self, head_key: str, before: int) -> PersonMention | None:
        """The body printed in full before token ``before`` with the head word ``head_key`` ("وكالة"):
        "وأشارت الوكالة" after "ونقلت الوكالة الوطنية للإعلام عن ..." is that agency."""
        for place in self._earlier_places(head_key, before):
            mention, _ = organisation_speaker(self._text, self._tokens, place, min(before, place + 12))
            if mention is not None and mention.name and len(mention.name.split()) > 1:
                return mention
        return None

    def event_name(self, noun_key: str, before: int) -> str | None:
        """The name of the event printed before token ``before`` with the noun ``noun_key`` ("مؤتمر"):
        "وأكد المؤتمر أن" after "أعمال المؤتمر العربي للمدن المستدامة" is that conference."""
        for place in self._earlier_places(noun_key, before - 1):
            name = named_after_head(self._text, self._tokens, place, min(before, place + 10))
            if name is not None:
                return name
        return None

    def latest_titled_person(self, before: int, reach: int = 150) -> PersonMention | None:
        """The last person printed with a title or honorific before token ``before`` ("الرئيس
        التونسي قيس سعيد"), for a continuation when nobody has been quoted yet."""
        for place in range(before - 1, max(-1, before - reach), -1):
            token = self._tokens[place]
            if not token.is_word or _bare(token.key) not in _TITLE_OR_HONORIFIC:
                continue
            mention, _ = parse_person(self._text, self._tokens, place, min(before, place + 20))
            if mention is not None and mention.kind == "name" and mention.name and len(mention.name.split()) >= 2:
                return mention
        return None


def _opens_paragraph_with_and(tokens: list[Token], position: int) -> bool:
    """ "ووصل مادورو إلى هافانا", "وأشاد فلان": a paragraph opens with "و/ف" glued to its verb, then the
    verb's subject; the first word of a paragraph with "و/ف" is never the given name of the family name
    after it (a paragraph opening with a bare name has no "و" glued to it)."""
    token = tokens[position]
    return (position == 0 or token.newline_before) and token.key[:1] in "وف" and len(token.key) >= 4



def _joined_by_and(tokens: list[Token], position: int) -> bool:
    """ "وائل أبو فاعور وفيصل الصايغ": a word opening with و right after another name's word is a second
    person's given name joined by "and", where a name read backwards from its family name starts."""
    word = tokens[position].key
    if position == 0 or not word.startswith("و") or len(word) < 4 or tokens[position].newline_before:
        return False
    before = tokens[position - 1]
    return before.is_word and can_be_name_word(before) and not is_definite(name_word_key(before))


_TITLE_OR_HONORIFIC = {_word[2:] if _word.startswith("ال") else _word for _word in lx.TITLE_WORDS | lx.HONORIFICS}


def _bare(word_key: str) -> str:
    """A word's key without a و/ف joined to the article, and without the article: "والوزير" -> "وزير"."""
    for prefix in ("وال", "فال", "ال"):
        if word_key.startswith(prefix) and len(word_key) > len(prefix) + 1:
            return word_key[len(prefix):]
    return word_key


def _place_or_post(token: Token) -> bool:
    """ "إندونيسيا"، "جمهورية"، "خارجية": a country or city, a state's or a body's word, or a post's word before a
    name belongs to the title printed before it, never to the name read back."""
    return token.key in lx.PLACES or is_place_or_body(token) or bare_key(token) in lx.TITLE_WORDS
