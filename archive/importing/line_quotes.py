"""Quotes that the shape of a line gives away, before any verb-first rule.

Owns three forms of real press: a quotation standing before its attribution ("«...»، قال فلان",
"«...»، بحسب فلان", '"..."، هذا ما أكده فلان'); a headline that opens with a person, a colon and a
quotation mark ('الزعابي: “...”'); and an interview's answers ("ج: ..." / "ج1: ..."), said by the
person interviewed and running to the next question.
"""

from __future__ import annotations

import re
from dataclasses import replace

from archive.importing import lexicon as lx
from archive.importing.earlier_names import EarlierNames
from archive.importing.people import parse_person
from archive.importing.quote_match import (
    MIN_QUOTE_WORDS,
    QuoteMatch,
    credible_name,
    first_token_after,
    is_reporting_verb,
    sentence_limit,
    short_name,
)
from archive.importing.quote_spans import OPENING_MARKS, quote_words
from archive.importing.speakers import PeopleBook
from archive.importing.tokens import QUOTE_CLOSERS, QUOTE_OPENERS, Token, strip_prefix, trim_span

# "«...»، بحسب فلان" / "وفقا لـ فلان": the quote's attribution without a verb.
_ACCORDING_TO = {lx.key(word) for word in ("بحسب", "حسب", "وفق", "وفقا", "وفقًا", "طبقا")}
_TO = {lx.key(word) for word in ("ل", "لـ")}
_INTERVIEW_TURN = re.compile(r"\n\s*(?:س|ج|سؤال|جواب)\s*\d*\s*[:：]")
_ANSWER_MARKS = {lx.key(word) for word in ("ج", "جواب", "الجواب")}


def quote_first_at(text: str, tokens: list[Token], index: int, book: PeopleBook) -> QuoteMatch | None:
    """ "«...»، قال فلان" or "\"...\"، هذا ما أكده فلان": the quote stands before its attribution."""
    token = tokens[index]
    if token.text not in QUOTE_OPENERS or not (index == 0 or token.newline_before or tokens[index - 1].text in ".!؟"):
        return None
    line_end = text.find("\n", token.end)
    closer = text.find(QUOTE_CLOSERS[token.text], token.end, len(text) if line_end < 0 else line_end)
    if closer < 0:
        return None
    after = first_token_after(tokens, index, closer + 1)
    for position in range(after, min(len(tokens), after + 6)):
        candidate = tokens[position]
        if not candidate.is_word:
            continue
        according = candidate.key in _ACCORDING_TO
        if according or is_reporting_verb(candidate) or _verb_with_object_pronoun(candidate):
            limit = sentence_limit(tokens, position)
            name_at = position + 1
            if according and name_at < limit and tokens[name_at].key in _TO:  # "وفقا لـ فلان"
                name_at += 1
            mention, after_name = parse_person(text, tokens, name_at, limit)
            if mention is None or (mention.kind == "surname" and book.resolve(mention) is None):
                return None
            speaker = book.add(mention)
            start, end = trim_span(text, token.end, closer)
            return QuoteMatch(text[start:end], start, end, "direct", speaker, mention.title or speaker.title,
                              mention.organisation or speaker.organisation, "explicit", candidate.start,
                              tokens[after_name - 1].end, 0.8, "quotation before its attribution")
    return None


def headline_quote(text: str, tokens: list[Token], index: int, book: PeopleBook,
                    names: EarlierNames) -> QuoteMatch | None:
    """ 'وزير الإعلام: «الملتقى ...»' or 'بايتاس: "..."': a line that opens with a person, a colon and a
    quotation mark."""
    if not (index == 0 or tokens[index].newline_before) or not tokens[index].is_word:
        return None
    line_end = text.find("\n", tokens[index].start)
    line_end = len(text) if line_end < 0 else line_end
    mention, after = parse_person(text, tokens, index, min(len(tokens), index + 12))
    if mention is None or after >= len(tokens) or tokens[after].text not in ":：" or tokens[after].start > line_end:
        return None
    if after + 1 >= len(tokens) or tokens[after + 1].text not in OPENING_MARKS:
        return None  # a headline without marks sums the article up in the outlet's words, it quotes nobody
    known = book.resolve(replace(mention, kind="surname") if short_name(mention.name or "-") else mention)
    if known is None and mention.kind in ("name", "surname") and short_name(mention.name or "-"):
        # "بايتاس: “...”" above "أكد مصطفى بايتاس ...": the headline names him before the article does
        full = names.full_name(lx.key((mention.name or "").split()[-1]), len(tokens))
        mention = mention if full is None else replace(full, start=mention.start, end=mention.end)
    if known is None and not (mention.kind == "title" or (mention.kind == "name" and credible_name(mention))):
        return None  # "كتب - محمد عاطف:" or a lone word before a colon: a byline or a label, not a speaker
    start, end, _ = quote_words(text, tokens[after + 1].start)
    if len(text[start:end].split()) < MIN_QUOTE_WORDS:
        return None
    speaker = known if known is not None else book.add(mention)
    return QuoteMatch(text[start:end], start, end, "direct", speaker, mention.title or speaker.title,
                      mention.organisation or speaker.organisation, "explicit", tokens[index].start,
                      tokens[after].end, 0.6, "a line opening with a person and a colon (a headline)")


def interview_answer(text: str, tokens: list[Token], index: int, book: PeopleBook) -> QuoteMatch | None:
    """ "ج: ..." or "ج1: ..." at the start of a line: an interview's answer, said by the person interviewed
    (the first person printed with a title or honorific, at the top of the interview)."""
    token = tokens[index]
    if not (index == 0 or token.newline_before) or token.key not in _ANSWER_MARKS:
        return None
    colon = index + 1
    while colon < len(tokens) and tokens[colon].is_number and colon < index + 3:
        colon += 1
    if colon + 1 >= len(tokens) or tokens[colon].text not in ":：" or tokens[colon + 1].newline_before:
        return None
    next_turn = _INTERVIEW_TURN.search(text, tokens[colon].end)  # the answer runs to the next question
    start, end = trim_span(text, tokens[colon].end, next_turn.start() if next_turn else len(text),
                           strip=" \t\r\n،,؛;:-ـ–—.")
    if len(text[start:end].split()) < MIN_QUOTE_WORDS:
        return None
    speaker = next((person for person in book.people if person.name and (person.title or person.honorific)
                    and len(person.name.split()) >= 2 and person.mentions and person.mentions[0][0] < token.start),
                   None)  # the person the interview is with is named with a title at its top
    return QuoteMatch(text[start:end], start, end, "direct", speaker, speaker.title if speaker else None,
                      speaker.organisation if speaker else None, "continuation", token.start, tokens[colon].end,
                      0.5 if speaker else 0.3, "an interview's answer (ج:), said by the person interviewed")


def _verb_with_object_pronoun(token: Token) -> bool:
    # "هذا ما أكده ..." / "وفق ما قالته ...": the verb carries the pronoun of the quoted words.
    for suffix in ("ته", "ه", "ها"):
        if token.key.endswith(suffix) and strip_prefix(token.key[: -len(suffix)]) in lx.REPORTING_VERBS:
            return True
    return False
