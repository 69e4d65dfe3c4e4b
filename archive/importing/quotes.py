"""Quotes: direct and reported speech, attributed to the person who said it.

Owns ``find_quotes``, the walk over an article's tokens that tries, at each token, the forms of
attribution in order and keeps each quote found with its speaker. Arabic press attributes speech
in a few fixed shapes, each read by its own module:
- a quote before its attribution, a headline, an interview's answers: ``line_quotes``;
- a participle ("مشيرا إلى أن"), a colon verb ("وزاد: «...»"), words in a speech ("وجاء في كلمة
  فلان"), a relayed quote ("نقل عن فلان قوله"), a partial quote in marks: ``quote_introducers``;
- a verb of speech with its speaker after or before it ("وقال/وأكد <person> <title>: ..." or
  "... أن ...", "أما <person>، <title> فأوضحت أن ..."): ``quote_verbs``;
- who is named (``quote_subjects``), to whom the words go (``quote_attribution``), where the words
  open (``quote_openings``) and where they end (``quote_spans``).
Continuations without a named subject ("وأضاف:", "وأشار إلى أن", "مشيرا إلى أن") go to the speaker
``speaker_trail`` chooses, marked ``attribution="continuation"`` (weaker evidence). The quote text
leaves out the attribution and an introducing إنّ/أنّ.
"""

from __future__ import annotations

from collections import deque

from archive.importing import lexicon as lx
from archive.importing.brief_quotes import BriefQuote, brief_quotes
from archive.importing.earlier_names import EarlierNames
from archive.importing.line_quotes import (
    headline_quote,
    headline_speakers,
    headline_words_first,
    interview_answer,
    list_item_quote,
    quote_first_at,
)
from archive.importing.quote_attribution import with_titled_person_before
from archive.importing.quote_introducers import (
    THAT_NOUNS,
    colon_verb_quote,
    partial_quote,
    participle_quote,
    relayed,
    said_in,
    speech_noun_quote,
    speech_noun_that_quote,
)
from archive.importing.quote_match import QuoteMatch, first_token_after, is_reporting_verb, sentence_limit
from archive.importing.quote_openings import hope_expressed
from archive.importing.quote_paragraphs import paragraph_in_marks
from archive.importing.quote_verbs import after_verb, ambiguous_verb_before_that
from archive.importing.spans import SpanSet
from archive.importing.speaker_trail import SpeakerTrail
from archive.importing.speakers import PeopleBook
from archive.importing.tokens import Token, strip_prefix


def find_quotes(text: str, tokens: list[Token], book: PeopleBook) -> list[QuoteMatch]:
    """Every quote in ``text`` with its speaker, in text order."""
    quotes: list[QuoteMatch] = []
    spans = SpanSet()  # the quotes' spans: a name inside a quote is not who speaks next
    book.quoted = spans
    names = EarlierNames(text, tokens, spans)
    trail = SpeakerTrail(text, tokens, book, names, spans)
    printed = deque(brief_quotes(text, book))  # a brief imported back: its quote blocks and attribution lines
    index = 0
    while index < len(tokens):
        brief = _brief_block_at(printed, tokens[index].start)
        if brief is not None:
            quotes.append(brief.match)
            spans.add(brief.match.start, brief.match.end)
            trail.said(brief.match.speaker, index, explicit=True)
            index = first_token_after(tokens, index, brief.block_end)
            continue
        match = (quote_first_at(text, tokens, index, book, trail) or headline_quote(text, tokens, index, book, names)
                 or headline_words_first(text, tokens, index, book, names)
                 or list_item_quote(text, tokens, index, book)
                 or interview_answer(text, tokens, index, book)
                 or _quote_at(text, tokens, index, book, trail, names)
                 or partial_quote(text, tokens, index, book, trail)
                 or paragraph_in_marks(text, tokens, index, trail))
        if match is None:
            index += 1
            continue
        if match.speaker is None and match.attribution == "continuation" and not match.group:
            match = with_titled_person_before(text, tokens, match, book, names, index)
        quotes.append(match)
        spans.add(match.start, match.end)
        trail.said(match.speaker, index, explicit=match.attribution == "explicit")
        if match.speaker is not None:
            book.note_mention(match.speaker, match.attribution_start, match.attribution_start)
        index = first_token_after(tokens, index, max(match.end, match.attribution_end))
    return headline_speakers(quotes)


def _brief_block_at(printed: deque[BriefQuote], position: int) -> BriefQuote | None:
    """The brief's quote block that ``position`` is in (taken from ``printed``), or None."""
    while printed and printed[0].block_end <= position:
        printed.popleft()
    if printed and printed[0].block_start <= position:
        return printed.popleft()
    return None


_SPEECH_NOUNS = frozenset(noun for noun in lx.SPEECH_NOUNS if len(noun) > 2)  # "بالقول"، "بقوله"; not a bare بـ


def _quote_at(text: str, tokens: list[Token], index: int, book: PeopleBook,
              trail: SpeakerTrail, names: EarlierNames) -> QuoteMatch | None:
    """The quote whose attribution starts at ``tokens[index]`` (a participle, a verb of speech), or None."""
    token = tokens[index]
    if not token.is_word:
        return None
    bare = token.key if token.key in lx.PARTICIPLES else strip_prefix(token.key)  # "واصفا" keeps its و
    if bare in lx.PARTICIPLES:
        return participle_quote(text, tokens, index, bare, trail)
    if token.key in _SPEECH_NOUNS:
        return speech_noun_quote(text, tokens, index, book, trail)
    if token.key in THAT_NOUNS:
        return speech_noun_that_quote(text, tokens, index, book, trail)
    if bare in lx.SAID_IN_VERBS:
        return said_in(text, tokens, index, book, trail)
    if bare in lx.RELAYING_VERBS:
        return relayed(text, tokens, index, book, names)
    if bare in lx.COLON_VERBS:
        return colon_verb_quote(text, tokens, index, book, trail, names)
    renewed = _renewed_affirmation(tokens, index)
    if not (is_reporting_verb(token) or ambiguous_verb_before_that(tokens, index) or _expresses_hope(tokens, index)
            or _hopes(tokens, index) or renewed is not None):
        return None
    return after_verb(text, tokens, index, book, trail, names, subject_end=renewed)


_EXPRESSING = frozenset(lx.key(word) for word in ("أعرب", "أعربت", "عبر", "عبرت"))


# "وجدد/وأعاد فلان التأكيد على أن ...": a verb of renewing whose object is the verbal noun of a verb of speech.
_RENEWING = frozenset(lx.key(word) for word in ("جدد", "جددت", "أعاد", "أعادت"))
_AFFIRMING = frozenset(lx.key(word) for word in ("التأكيد", "تأكيده", "تأكيدها", "تأكيدهم", "تأكيدنا"))


def _renewed_affirmation(tokens: list[Token], index: int) -> int | None:
    """ "وجدد فلان التأكيد على أن ...": renewing an affirmation reports the words after أن, as "أكد أن" does; the
    index of the verbal noun (where the subject ends), else None. The أن clause itself is read by ``after_verb``;
    "جدد التأكيد على أهمية ..." finds none and is no quote."""
    if strip_prefix(tokens[index].key) not in _RENEWING:
        return None
    limit = sentence_limit(tokens, index)
    return next((position for position in range(index + 1, min(limit, index + 12))
                 if tokens[position].key in _AFFIRMING), None)


# "وأمل فلان أن ...": a verb of hoping reports the words after أن, as hope expressed does (and "تمنى", a verb of
# speech in attribution.json). "أمل" is the verb only with its و or ف ("على أمل أن"، "كلنا أمل بأن": the noun).
_HOPING = frozenset(lx.key(word) for word in ("أمل", "أملت"))


def _hopes(tokens: list[Token], index: int) -> bool:
    """ "وأمل" at ``tokens[index]``, its أن clause following in its sentence."""
    key = tokens[index].key
    if not (strip_prefix(key) in _HOPING and key != strip_prefix(key)):
        return False
    limit = sentence_limit(tokens, index)
    return any(tokens[position].key in lx.COMPLEMENTIZERS for position in range(index + 1, min(limit, index + 15)))


def _expresses_hope(tokens: list[Token], index: int) -> bool:
    """ "وأعرب فلان عن أمله في أن ...": a verb expressing hope or confidence reports the words after أن."""
    if strip_prefix(tokens[index].key) not in _EXPRESSING:
        return False
    limit = sentence_limit(tokens, index)
    return any(hope_expressed(tokens, position) for position in range(index + 1, min(limit, index + 30)))

