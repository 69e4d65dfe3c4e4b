"""Arabic text analysis for the search index: tokens, normal forms, stems and word pairs.

Owns the one analysis chain used both when indexing and when querying, so that a word typed by
a user and the same word printed in the press always meet on the same index terms:

    tokenize (on the original text, keeping harakat inside words, splitting hashtags at ``_``,
    splitting glued runs such as ``يقارب80%`` and ``الحكوميةوذلك``)
    -> normalize (hamza forms to ا, ى to ي, ة to ه, no tatweel or harakat, Latin lower case,
       Arabic-Indic digits to ASCII; the same letter folding as ``archive.text``)
    -> stop words (Arabic function words and the name particles بن/بنت)
    -> light stem (Larkey's light10, plus feminine duals), giving:
       * the *stem* (recall: التواصل/والتواصل/للتواصل/تواصل are one term),
       * the *bare* form (precision and as-you-type prefixes: normalized, article stripped,
         suffixes kept),
       * an extra stem without a glued single-letter preposition (بمسرح also gives مسرح).

Analysis runs once per distinct surface word, and a document is read chunk by chunk (split on
whitespace, each distinct chunk tokenized once): dict caches, cleared when very large, which is
what makes rebuilds fast. ``analyze_document`` gives every index term of a
text in one pass. Whoosh pickles the analyzer into the index, so the classes here must stay
importable at module level under this name; changing any rule must bump ``ANALYSIS_VERSION``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from operator import attrgetter, xor
from typing import Any
from zlib import crc32

from whoosh.analysis import Analyzer, Token

from archive.text.normalize import COMPARISON_FOLDS

ANALYSIS_VERSION = 2  # 2: the comparison form's folding (Persian and Urdu letters, word joiner, NFKC)

# Combining marks that belong inside an Arabic word: Quranic marks, harakat (incl. shadda,
# sukun, superscript alef) and tatweel, and the invisible characters pasted inside a word (soft hyphen,
# ZWNJ, ZWJ, directional marks, word joiner, BOM; as ``archive.importing.tokens``). Whoosh's \w+
# tokenizer cuts words at these.
_MARKS = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640"
    "\u00ad\u061c\u200b-\u200f\u2060\ufeff"
)
# Arabic letters except ة and ى, then Latin: explicit ranges keep the regex fast (hot path).
_LETTERS = (
    "\u0621-\u0628\u062a-\u063a\u0641-\u0648\u064a\u0671-\u06d3\u06fa-\u06ff\ufb50-\ufdff\ufe70-\ufefc"
    "a-zA-Z\u00c0-\u024f"
)
# ة and ى only ever end an Arabic word, so a letter after them starts a new word
# (press text glues words: الحكوميةوذلك, الراجحيةمديرة).
_WORD_FINAL = "\u0629\u0649"
_WORD = rf"[{_LETTERS}{_MARKS}]+(?:[{_WORD_FINAL}][{_MARKS}]*)?|[{_WORD_FINAL}][{_MARKS}]*"
# A number keeps its decimal point or thousands separator (3.9, 3,900, ٣٫٩, ١٥٬٠٠٠).
_NUMBER = r"\d+(?:[.,\u066b\u066c]\d+)*"
_PERCENT = "[%\u066a]"
# Letters of other scripts come last, as whole runs.
TOKEN_PATTERN = re.compile(rf"{_NUMBER}|{_WORD}|{_PERCENT}|[^\W\d_]+")

# The comparison form's folding (``archive.text.normalize``: extraction and the stored name keys use it
# too), so that a record and a query meet however they were typed: hamza forms to ا, ى to ي, ة to ه, the
# Persian and Urdu letters (ی ک ڪ ھ ہ ە ۀ ۂ ۃ), Arabic-Indic digits, ٪ and ٫; harakat, tatweel, other marks and
# invisible characters removed. One change for search alone: ٬ joins digits ("١٥٬٠٠٠" is 15000).
_FOLD_TABLE: dict[int, str | None] = {**COMPARISON_FOLDS, ord("\u066c"): None}
_MARKS_TABLE = {code: None for code, target in _FOLD_TABLE.items() if target is None}
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?:\D|$))")
_SPACES = re.compile(" {2,}")

# Function words that carry no search meaning. They are matched before letter folding, like
# Lucene's Arabic analyzer, so that على (on) is dropped but the name علي (Ali) is kept; common
# hamza-less spellings are listed too. بن/بنت/ابن are here so that a name is found with or
# without them (إبراهيم بن سالم = إبراهيم سالم).
_STOP_WORDS_TEXT = """
في من على إلى الى عن مع أو او أم ثم بل لكن لأن لان حتى إذا اذا إذ إذن أما اما إن ان أن أنه انه أنها
انها لا لم لن ما ماذا هل قد لقد كان كانت يكون تكون كانوا هذا هذه هذان هاتان هؤلاء ذلك تلك أولئك الذي
التي الذين اللذين اللتين اللاتي اللواتي هو هي هم هن هما أنا انا نحن أنت انت أنتم له لها لهم لهن به
بها بهم فيه فيها فيهم منه منها منهم عليه عليها عليهم إليه إليها إليهم عنه عنها عنهم كل بعض غير سوى
دون عند عندما بين حيث كما كذلك أيضا ايضا وقد وكان وكانت وهو وهي وهذا وهذه وذلك ولا ولم وما وفي ومن
وعلى وإلى والى وعن ومع وأن وان فإن فان إلا الا يا بن بنت ابن و ف ب ل ك
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())

# Larkey light10 prefixes, longest first, and the و/ف compounds the press uses (وبالتالي، وللمؤسسات).
_PREFIXES = ("وبال", "وكال", "فبال", "ولل", "فلل", "وال", "بال", "كال", "فال", "لل", "ال")
# Larkey light10 suffixes after ة->ه folding, with feminine duals (مؤسستان/مؤسستين) first.
_SUFFIXES = ("تان", "تين", "ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")
# A single glued preposition (بمسرح، لمنتدى، كمثال، فالمنتدى is already a prefix above).
_GLUED_LETTERS = frozenset("بلكف")
_MIN_GLUED_REST = 4
# The same lists as lookups (hot path: every distinct word of a rebuild goes through them).
_PREFIXES_BY_LENGTH = tuple((length, frozenset(p for p in _PREFIXES if len(p) == length))
                            for length in sorted({len(p) for p in _PREFIXES}, reverse=True))
_SUFFIX_LAST_LETTERS = frozenset(suffix[-1] for suffix in _SUFFIXES)


@dataclass(frozen=True, slots=True)
class WordForms:
    """Index forms of one surface word. ``stem`` is None for a stop word."""

    normal: str
    bare: str | None
    stem: str | None
    alt_stem: str | None  # the stem without a glued single-letter preposition, if any
    stem_code: int = 0  # stable hash of the stem, for word-pair terms
    pair_left: int = 0  # ``stem_code`` scaled as the left word of a pair (see ``pair_code``)


def normalize(text: str) -> str:
    """Fold letters, digits and marks the way the index does (whole text, no tokenizing).

    NFKC first, as ``archive.text.normalize.normalize_arabic``: presentation forms and ligatures to letters
    (ﻹ, ﷲ), a hamza or madda typed as a separate mark composed with its letter, full-width digits to
    ASCII; Arabic-Indic digits are left to the table. Where NFKC gives a space (an isolated haraka such as
    U+FE70 is a space and a mark; ﷺ is four words) runs of spaces become one and none is left at either end,
    so a term never ends in one; line breaks are kept.
    """
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
        folded = text.translate(_FOLD_TABLE).lower()
        if " " in folded:  # only spaces: highlighting joins words with line breaks and counts them
            folded = _SPACES.sub(" ", folded).strip(" ")
    else:
        folded = text.translate(_FOLD_TABLE).lower()
    return _THOUSANDS.sub("", folded) if "," in folded else folded


def strip_marks(text: str) -> str:
    """The text without harakat, tatweel and invisible marks, letters as written (no folding)."""
    return text.translate(_MARKS_TABLE)


def strip_prefix(normal: str) -> str:
    """The normalized word without its article or conjunction prefix (الاعلام -> اعلام)."""
    for length, prefixes in _PREFIXES_BY_LENGTH:  # longest first, as listed in _PREFIXES
        if normal[:length] in prefixes and len(normal) - length >= 2:
            return normal[length:]
    if normal.startswith("و") and len(normal) >= 4:
        return normal[1:]
    return normal


def strip_suffixes(bare: str) -> str:
    """Walk the light10 suffix list once, stripping each match that leaves 2+ letters."""
    word = bare
    if word[-1:] not in _SUFFIX_LAST_LETTERS:
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            word = word[: -len(suffix)]
    return word


def _analyze_word(raw: str) -> WordForms:
    normal = normalize(raw)
    if not normal or (normal in _FOLDED_STOP_WORDS and _as_printed(raw) in STOP_WORDS):
        return WordForms(normal, None, None, None)
    if not normal[0].isalpha() or normal.isascii():
        return _forms(normal, normal, normal, None)
    bare = strip_prefix(normal)
    stem = strip_suffixes(bare)
    alt_stem = None
    if bare == normal and normal[0] in _GLUED_LETTERS and len(normal) - 1 >= _MIN_GLUED_REST:
        alt_stem = strip_suffixes(strip_prefix(normal[1:]))
    return _forms(normal, bare, stem, alt_stem)


def _as_printed(raw: str) -> str:
    """The word's letters as printed (ى, ة and hamza forms kept), presentation forms read as letters."""
    if not unicodedata.is_normalized("NFKC", raw):
        raw = unicodedata.normalize("NFKC", raw)
    return raw.translate(_MARKS_TABLE)


def _forms(normal: str, bare: str, stem: str, alt_stem: str | None) -> WordForms:
    code = crc32(stem.encode("utf-8"))
    return WordForms(normal, bare, stem, alt_stem, code, code * _PAIR_LEFT_FACTOR)


_STEM = attrgetter("stem")
_ALT_STEM = attrgetter("alt_stem")
_BARE = attrgetter("bare")
_STEM_CODE = attrgetter("stem_code")
_PAIR_LEFT = attrgetter("pair_left")


class _FormsCache(dict[str, WordForms]):
    """surface word -> WordForms, filled on first sight (``map(cache.__getitem__, ...)`` runs in C)."""

    limit = 500_000

    def __missing__(self, raw: str) -> WordForms:
        if len(self) >= self.limit:
            self.clear()
        forms = self[raw] = _analyze_word(raw)
        return forms


_WORD_CACHE = _FormsCache()


class _ChunkCache(dict[str, tuple[WordForms, ...]]):
    """A whitespace-separated chunk of text -> the forms of its index words, stop words left out.

    No token spans whitespace, so a text's tokens are its chunks' tokens in order: splitting on
    whitespace (in C) and looking chunks up here skips the regular expression for every chunk
    seen before (most of them), which was the largest part of analyzing a document.
    """

    limit = 500_000

    def __missing__(self, chunk: str) -> tuple[WordForms, ...]:
        if len(self) >= self.limit:
            self.clear()
        forms = self[chunk] = tuple(filter(_STEM, map(_WORD_CACHE.__getitem__, TOKEN_PATTERN.findall(chunk))))
        return forms


_CHUNK_CACHE = _ChunkCache()
# A word can be a stop word only if its folded form is one's: most words skip the exact check.
_FOLDED_STOP_WORDS = frozenset(normalize(word) for word in STOP_WORDS)


def word_forms(raw: str) -> WordForms:
    """The index forms of one token as it appears in text (cached: this is the hot path)."""
    return _WORD_CACHE[raw]


def iter_tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, surface) of every token of the original text; offsets point into ``text``."""
    for match in TOKEN_PATTERN.finditer(text):
        yield match.start(), match.end(), match.group()


# Phrase pairs are hashed into this many buckets: writing a distinct term costs Whoosh far more
# than a posting, and a bucket collision is harmless because phrase hits are checked on the text.
PAIR_BUCKETS = 1 << 16


_PAIR_LEFT_FACTOR = 1_000_003
_PAIR_MASK = PAIR_BUCKETS - 1


def pair_code(left_code: int, right_code: int) -> int:
    """The bucket of two adjacent stems, from their stem codes (order matters)."""
    return ((left_code * _PAIR_LEFT_FACTOR) ^ right_code) & _PAIR_MASK


def pair_term(pair: int) -> str:
    """The index term of a word-pair bucket."""
    return format(pair, "x")


@dataclass(slots=True)
class DocumentTerms:
    """Every index term of one text: term -> frequency, per index field."""

    stems: Counter[str]
    bares: Counter[str]
    pairs: Counter[int]  # pair bucket (int) -> frequency; ``pair_term`` makes the index term


def context_terms(text: str) -> Counter[str]:
    """Stems and bare forms of related records' names (one field: recall, not precision)."""
    terms = analyze_document(text)
    return terms.stems + terms.bares


def analyze_document(text: str) -> DocumentTerms:
    """Stems, bare forms and adjacent stem pairs of a text, stop words skipped (one pass).

    Every step is a ``map`` over the words (the loops run in C): this runs for every record of
    a rebuild. A pair's bucket is ``pair_code`` of its two stem codes.
    """
    forms = list(chain.from_iterable(map(_CHUNK_CACHE.__getitem__, text.split())))
    stem_counts = Counter(map(_STEM, forms))
    alt_stems = list(filter(None, map(_ALT_STEM, forms)))
    if alt_stems:
        stem_counts.update(alt_stems)
    pairs = Counter(map(_PAIR_MASK.__and__, map(xor, map(_PAIR_LEFT, forms), map(_STEM_CODE, forms[1:]))))
    return DocumentTerms(stem_counts, Counter(map(_BARE, forms)), pairs)


@dataclass(frozen=True, slots=True)
class QueryWord:
    """One analyzed query word: its index terms, or ``stop`` when it carries no meaning."""

    surface: str
    normal: str
    bare: str | None
    stems: tuple[str, ...]

    @property
    def stop(self) -> bool:
        return not self.stems


def analyze_query_words(text: str) -> list[QueryWord]:
    """Analyze the words of a piece of query text (stop words kept, marked ``stop``)."""
    words = []
    for _start, _end, raw in iter_tokens(text):
        forms = word_forms(raw)
        stems = tuple(stem for stem in (forms.stem, forms.alt_stem) if stem)
        words.append(QueryWord(raw, forms.normal, forms.bare, stems))
    return words


def is_article_and_one_letter(raw: str) -> bool:
    """A word typed as far as its article or conjunction and one letter ("الت", "والت"): what it will be is not
    known yet (index terms are stored without the article, so "الت" is a prefix of almost none of them)."""
    normal = normalize(raw)
    return any(len(normal) == length + 1 and normal[:length] in prefixes for length, prefixes in _PREFIXES_BY_LENGTH)


def prefix_form(raw: str) -> str:
    """A partly typed word as a prefix of bare index terms (normalized, article stripped)."""
    normal = normalize(raw)
    stripped = strip_prefix(normal)
    # While typing "ال" or "وال" nothing is left to look up: keep the prefix itself.
    return stripped if stripped != normal or normal not in ("ال", "وال", "بال", "لل") else ""


class ArabicAnalyzer(Analyzer):
    """Whoosh analyzer over the same chain; ``forms`` picks "stem" or "bare" terms.

    The index is written through ``analyze_document`` (faster); this class exists so that
    Whoosh (and anyone reading the pickled schema) analyzes text the same way.
    """

    def __init__(self, forms: str = "stem") -> None:
        self.forms = forms

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ArabicAnalyzer) and other.forms == self.forms

    def __hash__(self) -> int:
        return hash((ArabicAnalyzer, self.forms))

    def __call__(self, value: str, positions: bool = False, chars: bool = False,
                 **kwargs: Any) -> Iterator[Token]:
        token = Token(positions, chars, **kwargs)
        position = 0
        for start, end, raw in iter_tokens(value):
            forms = word_forms(raw)
            if forms.stem is None:
                continue
            token.text = forms.stem if self.forms == "stem" else forms.bare
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = position
            if chars:
                token.startchar, token.endchar = start, end
            position += 1
            yield token
