"""Words and sentences of an article, each with its character span in the original text.

The rules work on tokens so that every proposal can point back at its exact place. Tokens are
runs of letters or of digits; real press typos are split where Arabic spelling shows a missing
space: after a final ة or ى followed by another letter ("الحكوميةوذلك" -> "الحكومية" + "وذلك")
between letters and digits ("يقارب80%" -> "يقارب" + "80" + "%"), after an honorific glued to the
name it introduces ("الدكتورعبدالله" -> "الدكتور" + "عبدالله"), and before a verb of speech glued to the
end of a byline or a name ("الناصرقال سامح" -> "الناصر" + "قال"). Punctuation marks are tokens too.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass, field

from archive.importing.lexicon import key

# Letters: Arabic, Persian and Urdu letters, marks (harakat, tatweel, Quranic marks), Latin, and the
# Arabic presentation forms old PDFs and some pages print ("ﻭﺯﻳﺮ" is "وزير"). Invisible characters
# pasted inside a word (ZWNJ, ZWJ, word joiner, soft hyphen, directional marks) keep it one word; a
# token's key (lexicon.key, archive.text.normalize) folds all of these, its span is the text as printed.
_LETTERS = (r"\u0621-\u063A\u0641-\u064A\u066E-\u06D3\u06FA-\u06FFA-Za-z\u0640\u064B-\u065F\u0670"
            r"\u0610-\u061A\u06D6-\u06ED\uFB50-\uFD3D\uFD50-\uFDFB\uFE70-\uFEFC")
_INVISIBLE = r"\u00AD\u200B-\u200F\u2060\uFEFF"
# One word's letters as every reader of words should match them (quote spans, places, datelines): a
# character class body (LETTERS, "[{LETTERS}]") and a whole word (WORD).
LETTERS = _LETTERS
WORD = re.compile(rf"[{_LETTERS}]+(?:[{_INVISIBLE}]+[{_LETTERS}]+)*")
_TOKEN = re.compile(
    rf"[{_LETTERS}]+(?:[{_INVISIBLE}]+[{_LETTERS}]+)*"  # letters
    r"|[0-9\u0660-\u0669\u06F0-\u06F9]+(?:[.,\u066B\u066C][0-9\u0660-\u0669\u06F0-\u06F9]+)*"  # digits
    r"|#[^\s#.,،؛:!؟]+"  # hashtags stay whole
    rf"|[^\s{_INVISIBLE}]"  # one mark; an invisible character between words is no token
)
# Two apostrophes typed for a quotation mark ("قائلا ''المعرض ...''"): against a word's start they open, against a
# word's end (or after a space, before the comma or stop that ends the clause) they close. A third apostrophe
# next to them is some other typing, left as it is.
_TWO_APOSTROPHES = re.compile(r"(?<!')''(?!')")
_CLAUSE_ENDS = frozenset("،,.؛:!؟")


def read_typed_marks(text: str) -> str:
    """``text`` with every pair of apostrophes typed for a quotation mark read as the straight mark '"', the
    pair's other character a space on the side away from the words the mark holds (same length, same offsets):
    "قائلا ''المعرض سيكون ...''،" reads as 'قائلا  "المعرض سيكون ..." ،', "في النيجر ''،" as 'في النيجر " ،'
    (the mark where the pair begins: a straight mark pairs by the space before it). A pair with words on both sides or
    on neither is left as it is."""
    if "''" not in text:
        return text
    chars = list(text)
    for found in _TWO_APOSTROPHES.finditer(text):
        at = found.start()
        before = text[at - 1] if at else " "
        after = text[at + 2] if at + 2 < len(text) else " "
        if after.isalnum() and not before.isalnum():
            chars[at:at + 2] = [" ", '"']  # opens against the word after it
        elif before.isalnum() and not after.isalnum():
            chars[at:at + 2] = ['"', " "]  # closes against the word before it
        elif before.isspace() and (after in _CLAUSE_ENDS or after.isspace()):
            chars[at:at + 2] = ['"', " "]  # "النيجر ''،"، "وتابع '' قرطاج": the mark where the pair begins
    return "".join(chars)


# A final-only letter followed by more letters marks a missing space.
_GLUED = re.compile(r"(?<=[\u0629\u0649])(?=[\u0621-\u064A])")
# Honorifics the press glues to the next name. What follows must be a name's start: three letters or
# more, not و/ت/ة/ه, which make words of their own ("الشيخوخة", "السيدتين", "الدكتوراه").
_GLUED_HONORIFICS = ("الدكتور", "المهندس", "الأستاذ", "الاستاذ", "الشيخ", "السيد")
_NOT_NAME_STARTS = "وتةه"
QUOTE_OPENERS = "«“\"‘'„"
QUOTE_CLOSERS = {"«": "»", "“": "”", '"': '"', "‘": "’", "'": "'", "„": "“"}


@dataclass(frozen=True, slots=True)  # slots: a long article has millions of tokens
class Token:
    text: str
    start: int
    end: int
    key: str = field(compare=False)
    newline_before: bool = field(default=False, compare=False)

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def is_number(self) -> bool:
        return self.text[0].isdigit()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of ``text[start:end]`` with spans into ``text``."""
    end = len(text) if end is None else end
    tokens: list[Token] = []
    keys: dict[str, str] = {}  # an article repeats its words: each is normalized once
    glued_verbs: set[str] = set()  # words ending like a verb of speech ("الناصرقال"), checked once each
    glued_at: list[int] = []
    previous_end = start
    for match in _TOKEN.finditer(text, start, end):
        newline = "\n" in text[previous_end:match.start()]
        previous_end = match.end()
        word = match.group()
        if word[0].isalpha() and ("\u0629" in word[:-1] or "\u0649" in word[:-1]):
            tokens.extend(_split_glued(word, match.start(), newline))
            continue
        if word[0] == "\u0627" and len(word) > 7 and word.startswith(_GLUED_HONORIFICS):
            honorific = _glued_honorific(word)
            if honorific:
                tokens.append(Token(honorific, match.start(), match.start() + len(honorific), key(honorific), newline))
                rest = word[len(honorific):]
                tokens.append(Token(rest, match.start() + len(honorific), match.end(), key(rest)))
                continue
        word_key = keys.get(word)
        if word_key is None:
            word_key = keys[word] = key(word)
            if len(word) > 6 and _GLUED_VERB_END.search(word_key):
                glued_verbs.add(word)
        if word in glued_verbs:
            glued_at.append(len(tokens))
        tokens.append(Token(word, match.start(), match.end(), word_key, newline))
    for position in reversed(glued_at):
        tokens[position:position + 1] = _split_glued_verb(tokens, position)
    return tokens


# Verbs of speech a byline or a name runs into when a line break was lost ("أحمد عبد الناصرقال سامح شكري").
_GLUED_VERB_END = re.compile("(?<=...[^\u062a\u062b])(?:" + "|".join(sorted(
    (key(verb) for verb in ("قال", "قالت", "أكد", "أكدت", "أضاف", "أضافت", "أوضح", "أوضحت", "أشار", "أشارت",
                            "أعلن", "أعلنت", "صرح", "صرحت")), key=len, reverse=True)) + ")$")


def _split_glued_verb(tokens: list[Token], position: int) -> list[Token]:
    """ "الناصرقال" + "سامح": a verb of speech glued to the end of a longer word, then a word that may open a
    speaker (no article, no particle), is a word and a verb. The letters before the verb must not make a
    derived form with it: after ت or ث ("انتقال", "اعتقال", "تأكد", "مثقال") the word is whole."""
    token = tokens[position]
    following = tokens[position + 1] if position + 1 < len(tokens) else None
    glued = _GLUED_VERB_END.search(token.key)
    if glued is None or len(token.text) != len(token.key) or following is None or not following.is_word \
            or following.newline_before or following.key.startswith("ال") or following.key in _NOT_SPEAKER_STARTS:
        return [token]
    cut = token.start + glued.start()
    head, verb = token.text[:glued.start()], token.text[glued.start():]
    return [Token(head, token.start, cut, key(head), token.newline_before), Token(verb, cut, token.end, key(verb))]


# Particles after a word ending like a verb ("الانتقال إلى"): no speaker follows.
_NOT_SPEAKER_STARTS = frozenset(key(word) for word in (
    "إلى", "من", "في", "على", "عن", "مع", "أن", "إن", "بأن", "الذي", "التي", "و", "أو", "ثم", "حتى", "لا", "لم", "لن",
    "قد"))


def _split_glued(word: str, offset: int, newline: bool) -> list[Token]:
    pieces: list[Token] = []
    cut = 0
    for boundary in [m.start() for m in _GLUED.finditer(word)] + [len(word)]:
        piece = word[cut:boundary]
        if piece:
            pieces.append(Token(piece, offset + cut, offset + boundary, key(piece), newline and not pieces))
        cut = boundary
    return pieces


def _glued_honorific(word: str) -> str | None:
    """The honorific a word starts with when a name is glued to it ("الدكتورعبدالله"), else None."""
    for honorific in _GLUED_HONORIFICS:
        rest = word[len(honorific):]
        if word.startswith(honorific) and len(rest) >= 3 and rest[0] not in _NOT_NAME_STARTS:
            return honorific
    return None


def strip_prefix(word_key: str, prefixes: str = "وف") -> str:
    """A word's key without one leading conjunction (و or ف), when what remains is a word."""
    if len(word_key) > 2 and word_key[0] in prefixes:
        return word_key[1:]
    return word_key


def bare_key(word_key: str, vocabulary: Container[str]) -> str:
    """A word's key as found in ``vocabulary``: itself ("وزير"), or without a leading و/ف ("وقال")."""
    return word_key if word_key in vocabulary else strip_prefix(word_key)


def trim_span(text: str, start: int, end: int, strip: str = " \t\r\n،,؛;:-ـ–—") -> tuple[int, int]:
    """Shrink a span past surrounding spaces and punctuation."""
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    return start, end
