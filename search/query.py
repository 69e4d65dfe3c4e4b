"""The query language users type, parsed by hand into Whoosh queries; it never raises.

Owns parsing and query building. The language is meant to be guessed, not learned:

    التواصل الحكومي        words: records with every word rank first, then partial matches
    "منتدى التواصل"         a phrase (an unclosed quote runs to the end)
    -ميتا  -"عمان للابحار"  exclude a word or a phrase
    ميتا OR فيسبوك          either word (also أو, or, |)
    speaker:السالمي  المتحدث:السالمي  event:  الفعالية:  organisation:  الجهة:  series:  السلسلة:
    year:2024  السنة:٢٠٢٤  year:2020-2024   kind:quote  النوع:اقتباس
    (a filter value may be quoted: speaker:"إبراهيم السالمي")

Anything else (stray operators, punctuation, control characters, endless input) is dropped
with a note rather than an error. Words are analyzed by ``search.analysis`` exactly like the
indexed text; the last word can be matched as a prefix while the user is still typing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from whoosh import query as wq

from search.analysis import (
    QueryWord,
    analyze_query_words,
    normalize,
    pair_code,
    pair_term,
    prefix_form,
    word_forms,
)

MAX_QUERY_CHARS = 1000
MAX_WORDS = 32
MAX_PREFIX_EXPANSIONS = 8
MAX_PREFIX_SCAN = 300

_OR_WORDS = frozenset({"or", "أو", "او", "|"})
_FILTER_ALIASES = {
    "speaker": "speaker", "المتحدث": "speaker", "متحدث": "speaker", "قائل": "speaker", "القائل": "speaker",
    "person": "speaker", "الشخص": "speaker",
    "event": "event", "الفعالية": "event", "فعالية": "event", "المنتدى": "event", "الحدث": "event",
    "organisation": "organisation", "organization": "organisation", "org": "organisation",
    "الجهة": "organisation", "جهة": "organisation", "المؤسسة": "organisation",
    "series": "series", "السلسلة": "series", "سلسلة": "series",
    "year": "year", "السنة": "year", "سنة": "year", "العام": "year", "عام": "year",
    "kind": "kind", "type": "kind", "النوع": "kind", "نوع": "kind",
}
_KIND_ALIASES = {
    "quote": "quote", "quotes": "quote", "اقتباس": "quote", "اقتباسات": "quote", "تصريح": "quote",
    "تصريحات": "quote",
    "statistic": "statistic", "statistics": "statistic", "stat": "statistic", "figure": "statistic",
    "إحصائية": "statistic", "احصائية": "statistic", "إحصائيات": "statistic", "احصائيات": "statistic",
    "رقم": "statistic", "أرقام": "statistic", "ارقام": "statistic",
    "session": "session", "sessions": "session", "جلسة": "session", "جلسات": "session",
    "event": "event", "events": "event", "فعالية": "event", "فعاليات": "event", "منتدى": "event",
    "person": "person", "people": "person", "شخص": "person", "أشخاص": "person", "اشخاص": "person",
    "متحدث": "person", "متحدثون": "person",
    "source": "source", "sources": "source", "article": "source", "articles": "source", "مقال": "source",
    "مقالات": "source", "مصدر": "source", "مصادر": "source", "خبر": "source", "أخبار": "source",
}
# A quoted run, a filter (name:value or name:"value"), or a plain run of non-space characters.
_PIECE = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s:"]+):("([^"]*)"?|[^\s"]*)|(-?)([^\s"]+)')
_YEAR_RANGE = re.compile(r"^(\d{4})\s*(?:-|–|\.\.|:)\s*(\d{4})$")


@dataclass
class Clause:
    """One required part of the query: alternatives joined by OR, each a phrase of words."""

    alternatives: list[list[QueryWord]] = field(default_factory=list)


@dataclass
class ParsedQuery:
    """What the user asked for, analyzed; ``notes`` are English messages for the user."""

    clauses: list[Clause] = field(default_factory=list)
    excluded: list[list[QueryWord]] = field(default_factory=list)
    filters: dict[str, list[str]] = field(default_factory=dict)
    kinds: list[str] = field(default_factory=list)
    prefix: str = ""  # the last word, still being typed, as a prefix of bare index terms
    notes: list[tuple[str, dict]] = field(default_factory=list)  # (English message, params)

    @property
    def is_empty(self) -> bool:
        return not (self.clauses or self.prefix or self.filters or self.kinds)

    def words(self) -> list[QueryWord]:
        """Every positive query word, in order (for highlighting and suggestions)."""
        return [word for clause in self.clauses for phrase in clause.alternatives for word in phrase]

    def phrases(self) -> list[list[QueryWord]]:
        """Multi-word alternatives typed in quotes (highlighted as runs, checked on the text)."""
        return [phrase for clause in self.clauses for phrase in clause.alternatives if len(phrase) > 1]


def clean_text(text: object) -> str:
    """The query as safe text: a string, control characters as spaces, bounded length."""
    text = text if isinstance(text, str) else ("" if text is None else str(text))
    text = "".join(" " if unicodedata.category(char)[0] == "C" and char not in "\u200c\u200d" else char
                   for char in text[: MAX_QUERY_CHARS * 4])
    return unicodedata.normalize("NFC", text)[:MAX_QUERY_CHARS]


def parse_query(text: object, as_you_type: bool = False) -> ParsedQuery:
    """Parse user input into a ``ParsedQuery``; never raises, whatever the input."""
    cleaned = clean_text(text)
    parsed = ParsedQuery()
    if len(cleaned) < len(text if isinstance(text, str) else cleaned):
        parsed.notes.append(("Only the beginning of a very long search was used.", {}))
    pending_or = False
    typing_last_word = as_you_type and cleaned[-1:].strip() != "" and not cleaned.rstrip().endswith('"')
    pieces = list(_PIECE.finditer(cleaned))
    for index, piece in enumerate(pieces):
        is_last = index == len(pieces) - 1
        if piece.group(4) is not None and _add_filter(parsed, piece.group(4), piece.group(6) or piece.group(5)):
            continue
        negated, body, quoted = _piece_parts(piece)
        if not quoted and body.casefold() in _OR_WORDS:
            pending_or = bool(parsed.clauses)
            continue
        if typing_last_word and is_last and not quoted and not negated:
            if _set_prefix(parsed, body, pending_or):
                continue
        words = [word for word in analyze_query_words(body) if not word.stop]
        if not words:
            continue
        _add_words(parsed, words, negated, quoted, pending_or)
        pending_or = False
    _limit_words(parsed)
    if parsed.is_empty and cleaned.strip():
        parsed.notes.append(("Nothing to search for: type at least one word that is not a common word.", {}))
    return parsed


def _piece_parts(piece: re.Match) -> tuple[bool, str, bool]:
    if piece.group(2) is not None:
        return piece.group(1) == "-", piece.group(2), True
    if piece.group(4) is not None:  # name:value with an unknown name: search it as words
        return piece.group(3) == "-", f"{piece.group(4)} {piece.group(6) or piece.group(5) or ''}", False
    return piece.group(7) == "-", piece.group(8), False


def _add_words(parsed: ParsedQuery, words: list[QueryWord], negated: bool, quoted: bool, pending_or: bool) -> None:
    phrases = [words] if quoted else [[word] for word in words]
    if negated:
        parsed.excluded.extend(phrases)
        return
    if pending_or and parsed.clauses:
        parsed.clauses[-1].alternatives.append(phrases[0])
        phrases = phrases[1:]
    parsed.clauses.extend(Clause([phrase]) for phrase in phrases)


def _set_prefix(parsed: ParsedQuery, body: str, pending_or: bool) -> bool:
    words = analyze_query_words(body)
    if len(words) != 1 or pending_or:
        return False
    prefix = prefix_form(words[0].surface)
    if len(prefix) < 2 and not prefix.isdigit():
        return False
    parsed.prefix = prefix
    return True


def _add_filter(parsed: ParsedQuery, name: str, value: str) -> bool:
    canonical = _FILTER_ALIASES.get(name.casefold()) or _FILTER_ALIASES.get(normalize(name))
    if canonical is None:
        return False
    value = value.strip().strip('"').strip()
    if not value:
        parsed.notes.append(("A filter needs a value, for example speaker:السالمي.", {}))
        return True
    if canonical == "kind":
        kind = _KIND_ALIASES.get(value.casefold()) or _KIND_ALIASES.get(normalize(value))
        if kind is None:
            parsed.notes.append(("Unknown record kind: {value}.", {"value": value}))
        else:
            parsed.kinds.append(kind)
        return True
    if canonical == "year":
        return _add_year(parsed, normalize(value))
    parsed.filters.setdefault(canonical, []).append(value)
    return True


def _add_year(parsed: ParsedQuery, value: str) -> bool:
    span = _YEAR_RANGE.match(value)
    if span:
        first, last = sorted((int(span.group(1)), int(span.group(2))))
        years = [str(year) for year in range(first, min(last, first + 200) + 1)]
    elif value.isdigit() and len(value) == 4:
        years = [value]
    else:
        parsed.notes.append(("A year is four digits, for example year:2024 or year:2020-2024.", {}))
        return True
    parsed.filters.setdefault("year", []).extend(years)
    return True


def _limit_words(parsed: ParsedQuery) -> None:
    if sum(len(phrase) for clause in parsed.clauses for phrase in clause.alternatives) > MAX_WORDS:
        kept, count = [], 0
        for clause in parsed.clauses:
            count += sum(len(phrase) for phrase in clause.alternatives)
            if count > MAX_WORDS:
                break
            kept.append(clause)
        parsed.clauses = kept
        parsed.notes.append(("Only the first {count} words were searched.", {"count": MAX_WORDS}))


# Building Whoosh queries ---------------------------------------------------------------------


def word_query(word: QueryWord) -> wq.Query:
    """A word in any of its forms: matched on its stems (the exact form only ranks higher)."""
    terms = [wq.Term("text", stem) for stem in word.stems]
    return terms[0] if len(terms) == 1 else wq.Or(terms)


def phrase_query(words: list[QueryWord]) -> wq.Query:
    """Every word, and every adjacent pair of stems (indexed pairs stand in for positions)."""
    # The pair terms are rare: put them first so the intersection is driven by them.
    parts: list[wq.Query] = [wq.Term("pairs", pair_term(code)) for code in _pair_codes(words)]
    parts.extend(word_query(word) for word in words)
    return parts[0] if len(parts) == 1 else wq.And(parts)


def _pair_codes(words: list[QueryWord]) -> list[int]:
    codes = [word_forms(word.surface).stem_code for word in words]
    return [pair_code(left, right) for left, right in zip(codes, codes[1:])]


def ranking_bonus(parsed: ParsedQuery) -> wq.Query | None:
    """Exact word forms, and consecutive words standing together, rank a document higher."""
    words = parsed.words()
    bonus: list[wq.Query] = [wq.Term("exact", word.bare) for word in words if word.bare]
    singles = [clause.alternatives[0][0] for clause in parsed.clauses
               if len(clause.alternatives) == 1 and len(clause.alternatives[0]) == 1]
    bonus.extend(wq.Term("pairs", pair_term(code)) for code in _pair_codes(singles))
    if not bonus:
        return None
    return bonus[0] if len(bonus) == 1 else wq.Or(bonus)


def prefix_query(reader, prefix: str) -> wq.Query | None:
    """The most frequent bare index terms starting with ``prefix``, as one OR query."""
    if not prefix:
        return None
    candidates = []
    for count, term in enumerate(reader.expand_prefix("exact", prefix)):
        if count >= MAX_PREFIX_SCAN:
            break
        candidates.append(term.decode("utf-8") if isinstance(term, bytes) else term)
    if not candidates:
        return wq.NullQuery
    if len(candidates) > MAX_PREFIX_EXPANSIONS:
        candidates.sort(key=lambda term: reader.doc_frequency("exact", term), reverse=True)
        candidates = candidates[:MAX_PREFIX_EXPANSIONS]
    return wq.Or([wq.Term("exact", term) for term in candidates])


def filter_query(parsed: ParsedQuery) -> wq.Query | None:
    """Filters: every named filter must hold; several values of one filter are alternatives."""
    parts = []
    if parsed.kinds:
        parts.append(wq.Or([wq.Term("kind", kind) for kind in dict.fromkeys(parsed.kinds)]))
    for name, values in parsed.filters.items():
        if name == "year":
            parts.append(wq.Or([wq.Term("year", year) for year in dict.fromkeys(values)]))
            continue
        alternatives = []
        for value in values:
            words = [word for word in analyze_query_words(value) if not word.stop]
            if words:
                alternatives.append(wq.And([wq.Or([wq.Term(name, stem) for stem in word.stems]) for word in words]))
        if alternatives:
            parts.append(wq.Or(alternatives))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else wq.And(parts)


@dataclass(frozen=True)
class BuiltQuery:
    """Whoosh queries for one search: ``all_words`` ranks first, ``any_word`` fills up."""

    all_words: wq.Query
    any_word: wq.Query | None
    filters: wq.Query | None
    excluded: wq.Query | None


def build_query(parsed: ParsedQuery, reader) -> BuiltQuery | None:
    """Whoosh queries for a parsed query, or None when there is nothing to search."""
    positive = [_clause_query(clause) for clause in parsed.clauses]
    prefix = prefix_query(reader, parsed.prefix)
    if prefix is not None:
        positive.append(prefix)
    filters = filter_query(parsed)
    excluded = [phrase_query(phrase) for phrase in parsed.excluded]
    excluded_query = wq.Or(excluded) if excluded else None
    if not positive:
        if filters is None:
            return None
        return BuiltQuery(filters, None, None, excluded_query)
    all_words = positive[0] if len(positive) == 1 else wq.And(positive)
    bonus = ranking_bonus(parsed)
    if bonus is not None:
        all_words = wq.AndMaybe(all_words, bonus)
    any_word = wq.Or(positive) if len(positive) > 1 else None
    return BuiltQuery(all_words, any_word, filters, excluded_query)


def _clause_query(clause: Clause) -> wq.Query:
    alternatives = [phrase_query(phrase) for phrase in clause.alternatives]
    return alternatives[0] if len(alternatives) == 1 else wq.Or(alternatives)
