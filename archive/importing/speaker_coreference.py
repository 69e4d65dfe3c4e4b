"""Who a quote's speaker is among the article's people, when the sentence prints a title or words that
name nobody.

Owns the rules of press coreference that ``article_speakers.settle_speakers`` applies once per article
(and ``speakers.title_words`` for every comparison of titles), with their data in
``speaker_words.json`` (package data):

- **one office, several forms**: "رئيس الدولة" is "رئيس الجمهورية", "المتحدث" is "الناطق", "الحكومة" is
  "الوزراء" (``same_office``): a title is compared in its canonical form (``canonical_office``);
- **a definite title points back to a person already named** with that office: the same head word and
  qualifiers that do not contradict (every word of one title in the other). The shorter title names the
  holder printed with the fuller one; a fuller title printed *before* its holder is named ("أعلن الناطق
  باسم حكومة ... أن ..." then "وقال الناطق فلان") is that holder too (``holder_of``). Last, a post with other
  qualifiers, the same head (a woman's post printed in the masculine too) and complement, is its one
  holder's (``varied_holder``). With two people fitting equally, the title stays as printed;
- **words that name nobody** (``names_nobody``): a word with a prepositional prefix ("بالمناسبة"), an
  adverb ("سابقا"), a preposition; a name read on into a preposition ends before it (``without_tail``);
  an honorific with its pronoun ("فخامته"، "دولته": ``is_honorific_pronoun``) refers back to the person
  the text is about;
- **one speaker in the article** (``sole_speaker``): when every quote the article gives to a name goes
  to one person, a title nobody in the article holds is that person's (lower confidence, the title as
  printed kept) unless someone else printed with a compatible title is in the article.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from importlib import resources

from archive.importing import lexicon as lx
from archive.text.names import name_key
from archive.text.normalize import normalize_arabic

_DATA = json.loads(resources.files("archive.importing").joinpath("speaker_words.json").read_text(encoding="utf-8"))


def office_word(word: str) -> str:
    """A title's word for comparison, as ``speakers.title_words`` reads it: normalised, its article or
    و/ف/ب/ل prefix stripped ("والوزير" -> "وزير", "للإعلام" -> "اعلام")."""
    bare = word[1:] if word.startswith(("وال", "فال")) else word
    for article in ("بال", "لل", "ال", "ب", "ل"):
        if bare.startswith(article) and len(bare) - len(article) > 2:
            return bare[len(article):]
    return bare


def _forms(phrase: str) -> tuple[str, ...]:
    return tuple(office_word(word) for word in normalize_arabic(phrase).split())


# Each form of an office -> its canonical form, one word or a phrase, in comparison form.
_SAME_WORD: dict[str, str] = {}
_SAME_PHRASE: dict[tuple[str, ...], tuple[str, ...]] = {}
for _group in _DATA["same_office"]:
    _canonical = _forms(_group[0])
    for _form in map(_forms, _group[1:]):
        if len(_form) == 1 and len(_canonical) == 1:
            _SAME_WORD[_form[0]] = _canonical[0]
        else:
            _SAME_PHRASE[_form] = _canonical
_LONGEST_PHRASE = max((len(form) for form in _SAME_PHRASE), default=0)


def canonical_office(words: Iterable[str]) -> tuple[str, ...]:
    """Title words (comparison form) with each form of an office replaced by its canonical one: ("رئيس",
    "دوله") -> ("رئيس", "جمهوريه"); ("ناطق", "حكومه") -> ("ناطق", "وزراء")."""
    words = tuple(_SAME_WORD.get(word, word) for word in words)
    if not _SAME_PHRASE:
        return words
    canonical: list[str] = []
    place = 0
    while place < len(words):
        for size in range(min(_LONGEST_PHRASE, len(words) - place), 1, -1):
            replacement = _SAME_PHRASE.get(words[place:place + size])
            if replacement is not None:
                canonical.extend(replacement)
                place += size
                break
        else:
            canonical.append(words[place])
            place += 1
    return tuple(canonical)


_ADVERBS = frozenset(lx.key(word) for word in _DATA["adverbs"])
_PREPOSITIONS = frozenset(lx.key(word) for word in _DATA["prepositions"])
_PREPOSITIONAL_PREFIXES = tuple(lx.key(prefix) for prefix in _DATA["prepositional_prefixes"])
_MEDIA_HEADS = frozenset(lx.key(word) for word in _DATA["media_heads"])
_RELATIVE_PRONOUNS = frozenset(lx.key(word) for word in _DATA["relative_pronouns"])
_OUTLET_WORDS = frozenset(lx.key(word) for word in _DATA["outlet_words"])
_TANWEEN_FATH = ("\u064b", "\u064bا", "ا\u064b")  # "طويلًا", "سابقاً": an indefinite accusative, an adverb


def names_nobody(name: str) -> bool:
    """Words read as a speaker that cannot name one: a word with a prepositional prefix ("بالمناسبة",
    "للصحفيين"), an adverb ("سابقا", "طويلًا"), a preposition ("ضمن"), a medium ("وسائل الإعلام"، "تغريدات",
    an outlet's name ending in "نيوز" or "أونلاين"), a relative clause ("الذي بدأ ولايته"، "التي نقلتها عنه
    القناة": it describes the person just named, who is the speaker)."""
    words = name.split()
    if not words:
        return False
    first = lx.key(words[0])
    if any(first.startswith(prefix) and len(first) > len(prefix) + 2 for prefix in _PREPOSITIONAL_PREFIXES):
        return True
    if first in _PREPOSITIONS or first in _MEDIA_HEADS or lx.key(words[-1]) in _OUTLET_WORDS:
        return True  # "وسائل الإعلام"، "سلسلة تغريدات"، "... نيوز": a medium carries words, nobody says them
    if opens_relative_clause(name):
        return True  # "الرئيس البرازيلي، الذي بدأ ولايته ...": a clause about the person just named
    return len(words) == 1 and (first in _ADVERBS or words[0].endswith(_TANWEEN_FATH))


def opens_relative_clause(words: str) -> bool:
    """Whether words read as a speaker or a post open with a relative pronoun ("الذي بدأ ولايته الثالثة"،
    "التي نقلتها عنه القناة"): a clause describing the person just named, never a name or a post."""
    first = words.split()[:1]
    return bool(first) and lx.key(first[0]) in _RELATIVE_PRONOUNS


_HONORIFIC_PRONOUNS = frozenset(lx.key(word) for word in _DATA["honorific_pronouns"])
_TENURE_ADJECTIVES = frozenset(word for phrase in _DATA["tenure_adjectives"] for word in _forms(phrase))


def is_tenure_adjective(word: str) -> bool:
    """ "منتخب"، "جديد"، "حالي" (a title's word in comparison form, ``office_word``): an adjective saying when a
    post's holder holds it, never which post it is."""
    return word in _TENURE_ADJECTIVES


def is_honorific_pronoun(name: str) -> bool:
    """ "فخامته", "دولته", "سيادتها": an honorific with its pronoun, read where a name was looked for; it
    refers back to the person the text is about."""
    words = name.split()
    return len(words) == 1 and lx.key(words[0]) in _HONORIFIC_PRONOUNS


def without_tail(name: str) -> str:
    """A name read on into a preposition and what follows it ("لافرنتييف ضمن", "فلان خلال الجلسة") ends
    before the preposition; any other name is returned as it is."""
    words = name.split()
    for place, word in enumerate(words[1:], start=1):
        if lx.key(word) in _PREPOSITIONS:
            return " ".join(words[:place])
    return name


class Holder:
    """What ``holder_of`` needs to know of one of the article's people."""

    def __init__(self, key: str, title: str | None, first_named: int) -> None:
        self.key = key  # the keyed name
        self.title = title
        self.first_named = first_named  # offset of the first mention, or -1


def holder_of(title: str, printed_at: int, candidates: list[Holder],
              shorter: Callable[[str, str], bool]) -> Holder | None:
    """The one named person the title ``title`` (printed first at ``printed_at``) refers to, else None.

    First choice: a holder whose title the printed one shortens (``shorter(title, theirs)``). Second: a
    holder named after the title was printed with a shorter form of it (the lead's full title, then the
    name). Two different people at the same choice leave the title as printed."""
    for later_holder in (False, True):
        found = {holder.key: holder for holder in candidates if holder.title and _fits(
            title, printed_at, holder, later_holder, shorter)}
        if len(found) == 1:
            return next(iter(found.values()))
        if found:
            return None
    return None


def described_holder(title: str, printed_at: int, candidates: list[Holder],
                     describes: Callable[[str, str], bool]) -> Holder | None:
    """The one person whose post the title printed at ``printed_at`` describes (``describes(title, theirs)``:
    "وأضاف الرئيس المنتخب في نوفمبر" after "الرئيس الكازاخستاني فلان", the press varying its words for the
    person it has just named), when that person was named before it; else None: two such people anywhere in
    the article (the president named before and the new one named after) leave the title as printed."""
    found = {holder.key: holder for holder in candidates if holder.title and describes(title, holder.title)}
    if len(found) != 1:
        return None
    holder = next(iter(found.values()))
    return holder if 0 <= holder.first_named < printed_at else None


def varied_holder(title: str, candidates: list[Holder], varies: Callable[[str, str], bool]) -> Holder | None:
    """The one named person whose post the title varies (``varies(title, theirs)``: the same head and
    complement, other qualifiers), anywhere in the article; else None: a title two people's posts fit stays
    as printed."""
    found = {holder.key: holder for holder in candidates if holder.title and varies(title, holder.title)}
    return next(iter(found.values())) if len(found) == 1 else None


def _fits(title: str, printed_at: int, holder: Holder, later_holder: bool,
          shorter: Callable[[str, str], bool]) -> bool:
    if not later_holder:
        return shorter(title, holder.title or "")
    return holder.first_named > printed_at >= 0 and shorter(holder.title or "", title)


def keyed(name: str | None) -> str:
    return name_key(name or "")
