"""One quote found in an article, and the small readings every quote rule shares.

Owns ``QuoteMatch`` (a quote with its span, kind, speaker, attribution and confidence) and the
shared questions: where the sentence of a token ends, which word is a verb of speech, whether a
name is plainly a person's or only a family name.
"""

from __future__ import annotations

from dataclasses import dataclass

from archive.importing import lexicon as lx
from archive.importing.people import PersonMention
from archive.importing.speakers import KnownPerson
from archive.importing.subjects import ends_sentence
from archive.importing.tokens import Token, strip_prefix

MIN_QUOTE_WORDS = 3
MIN_COLON_WORDS = 2  # words after a colon are what was said, however short ("قائلا: “نحن بيلاروسيا”")
FAMILY_COMPOUNDS = {lx.key(word) for word in ("أبو", "ابو", "آل", "بو", "عبد")}


@dataclass(frozen=True)
class QuoteMatch:
    text: str
    start: int
    end: int
    kind: str  # "direct" | "indirect"
    speaker: KnownPerson | None
    speaker_title: str | None
    organisation: str | None
    attribution: str  # "explicit" | "continuation"
    attribution_start: int
    attribution_end: int
    confidence: float
    reason: str
    group: bool = False  # a group speaks ("منظمو الملتقى"، "مؤكدين"): the words are nobody's in particular
    # the speaker model's chance that ``speaker`` is right (speaker_choice), for a person printed with a name
    speaker_chance: float | None = None


def min_words_at(text: str, start: int) -> int:
    """The fewest words a quote opening at ``start`` may have: two after a colon (with or without a mark: the
    colon says speech follows), else three (fewer words after أن or in marks are a fragment or a name)."""
    return MIN_COLON_WORDS if text[max(0, start - 6):start].rstrip(" \t«“\"„").endswith((":", "：")) \
        else MIN_QUOTE_WORDS


def short_name(name: str) -> bool:
    words = name.split()
    return len(words) == 1 or (len(words) == 2 and lx.key(words[0]) in FAMILY_COMPOUNDS)


def credible_name(mention: PersonMention) -> bool:
    if mention.kind == "title":
        return True
    if mention.kind != "name" or not mention.name:
        return False
    return bool(mention.honorific or mention.title) or len(mention.name.split()) >= 2


def is_reporting_verb(token: Token) -> bool:
    bare = strip_prefix(token.key)
    if bare in lx.REPORTING_VERBS:
        return True
    return token.key in lx.AMBIGUOUS_VERBS and "\u0651" in token.text  # "بيّن" with its shadda


def sentence_limit(tokens: list[Token], index: int) -> int:
    for position in range(index + 1, min(len(tokens), index + 80)):
        if tokens[position].newline_before or (ends_sentence(tokens, position)
                                               and not dot_inside_word(tokens, position)):
            return position
    return min(len(tokens), index + 80)


def dot_inside_word(tokens: list[Token], position: int) -> bool:
    """ "إلـ.ـى"، "حـ.ـول": a dot glued between two halves of a word by tatweels (a page's guard against copying)
    ends no sentence."""
    if tokens[position].text != "." or position == 0 or position + 1 >= len(tokens):
        return False
    before, dot, after = tokens[position - 1], tokens[position], tokens[position + 1]
    glued = before.end == dot.start and dot.end == after.start
    return glued and (before.text.endswith("ـ") or after.text.startswith("ـ"))


def first_token_after(tokens: list[Token], index: int, offset: int) -> int:
    position = index + 1
    while position < len(tokens) and tokens[position].start < offset:
        position += 1
    return position
