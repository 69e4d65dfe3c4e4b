"""The query language users type, parsed by hand; it never raises.

Owns parsing (``search.matching`` evaluates the parsed query on the index). The language is meant
to be guessed, not learned:

    التواصل الحكومي        words: records with every word rank first, then partial matches
    "منتدى التواصل"         a phrase (an unclosed quote runs to the end)
    -ميتا  -"عمان للابحار"  exclude a word or a phrase
    ميتا OR فيسبوك          either word (also أو, or, |)
    الإعلا*                 words beginning so (one starred word per query)
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

from archive.i18n import N_
from search.analysis import QueryWord, analyze_query_words, is_article_and_one_letter, normalize, prefix_form

MAX_QUERY_CHARS = 1000
MAX_WORDS = 32

_OR_WORDS = frozenset({"or", "أو", "او", "|"})
_WILDCARDS = ("*", "…", "٭")  # الإعلا* (also … and the Arabic five-pointed star ٭): a word's beginning
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
# The same names as typed with any hamza, ة/ه or ى/ي: letters folded as in the analyzer.
_FOLDED_FILTERS = {normalize(name): canonical for name, canonical in _FILTER_ALIASES.items()}
_FOLDED_KINDS = {normalize(name): kind for name, kind in _KIND_ALIASES.items()}
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
    prefix_word: QueryWord | None = None  # that word analyzed (for "did you mean")
    prefix_after: int = 0  # how many clauses were typed before the prefix (the word before it ranks pairs)
    # The last word is still being typed and too short to tell what it will be ("ت", "ال"; "الت" when nothing
    # starts so): it is left out, and an answer made of nothing else says "keep typing", not "no records".
    unfinished: bool = False
    prefix_unfinished: bool = False  # the prefix is an article and one letter ("الت"): dropped if it finds nothing
    notes: list[tuple[str, dict[str, object]]] = field(default_factory=list)  # (English message, params)

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
        parsed.notes.append((N_("Only the beginning of a very long search was used."), {}))
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
        if not quoted and not negated and body.endswith(_WILDCARDS):
            body = body.rstrip("".join(_WILDCARDS))
            # The first starred word is the query's prefix (a second is searched as a word); a
            # one-letter prefix would match nearly everything, so it is left out.
            if not parsed.prefix and (_set_prefix(parsed, body, pending_or) or len(prefix_form(body)) < 2):
                continue
        elif typing_last_word and is_last and not quoted and not negated and not parsed.prefix:
            if _set_prefix(parsed, body, pending_or):
                parsed.prefix_unfinished = is_article_and_one_letter(body)
                continue
            if _too_short_to_tell(body):
                parsed.unfinished = True
                continue
        words = [word for word in analyze_query_words(body) if not word.stop]
        if not words:
            continue
        _add_words(parsed, words, negated, quoted, pending_or)
        pending_or = False
    _limit_words(parsed)
    if parsed.is_empty and cleaned.strip() and not parsed.notes and not parsed.unfinished:
        if any(char.isalnum() for char in cleaned):
            parsed.notes.append((N_("Nothing to search for: type at least one word that is not a common word."), {}))
        else:  # signs alone ("(", "***"): there is no common word to blame
            parsed.notes.append((N_("Type a word, a name or a figure to search."), {}))
    return parsed


def _piece_parts(piece: re.Match[str]) -> tuple[bool, str, bool]:
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


def _too_short_to_tell(body: str) -> bool:
    """One word typed as far as one letter, or an article alone ("ت", "ال", "وال"): not yet a word to look up."""
    words = analyze_query_words(body)
    return len(words) == 1 and len(prefix_form(words[0].surface)) < 2 and not words[0].surface.isdigit()


def _set_prefix(parsed: ParsedQuery, body: str, pending_or: bool) -> bool:
    words = analyze_query_words(body)
    if len(words) != 1 or pending_or:
        return False
    prefix = prefix_form(words[0].surface)
    if len(prefix) < 2 and not prefix.isdigit():
        return False
    parsed.prefix, parsed.prefix_word, parsed.prefix_after = prefix, words[0], len(parsed.clauses)
    return True


def _add_filter(parsed: ParsedQuery, name: str, value: str) -> bool:
    canonical = _FILTER_ALIASES.get(name.casefold()) or _FOLDED_FILTERS.get(normalize(name))
    if canonical is None:
        return False
    value = value.strip().strip('"').strip()
    if not value:
        parsed.notes.append((N_("A filter needs a value, for example speaker:السالمي."), {}))
        return True
    if canonical == "kind":
        kind = _KIND_ALIASES.get(value.casefold()) or _FOLDED_KINDS.get(normalize(value))
        if kind is None:
            parsed.notes.append((N_("Unknown record kind: {value}."), {"value": value}))
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
        parsed.notes.append((N_("A year is four digits, for example year:2024 or year:2020-2024."), {}))
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
        parsed.notes.append((N_("Only the first {count} words were searched."), {"count": MAX_WORDS}))
