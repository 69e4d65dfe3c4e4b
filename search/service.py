"""Running a search: query text in, ranked result rows with snippets and facets out.

Owns the result types (frozen dataclasses the GUI and the command line show as they are) and
the search procedure over a Whoosh searcher: parse, run the all-words query first and fill up
with partial matches, drop excluded records, apply filters, cut snippets on the original text,
count facets and suggest a spelling when nothing is found. Nothing here raises on user input.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass

from whoosh import query as wq
from whoosh.collectors import TopCollector

from archive.i18n import tr
from search.analysis import QueryWord
from search.highlight import MatchPlan, Snippet, make_snippet
from search.query import BuiltQuery, ParsedQuery, build_query, parse_query
from search.schema import FACET_FIELDS, FACET_SEPARATOR

DEFAULT_LIMIT = 20
MAX_LIMIT = 500
# Candidates checked for a quoted phrase beyond the page (pairs are hashed, text decides).
PHRASE_CHECK_EXTRA = 10
# Whoosh scores documents in Python (~10 µs each): a word found in half of 100k records would
# take most of a second. Each segment scores at most this many matches, newest records first
# (rebuilds write documents newest first; later segments hold later edits). Facets count at
# most FACET_BUDGET matches.
SCORE_BUDGET = 600
PARTIAL_BUDGET = 200  # partial matches only fill up the page
FACET_BUDGET = 20000


class BudgetCollector(TopCollector):
    """Top-N collector that stops scoring a segment after ``budget`` matches."""

    def __init__(self, limit: int, budget: int = SCORE_BUDGET) -> None:
        super().__init__(limit=limit)
        self.budget = budget
        self.truncated = False

    def collect_matches(self) -> None:
        collect = self.collect
        for count, sub_docnum in enumerate(self.matches()):
            if count >= self.budget:
                self.truncated = True
                return
            collect(sub_docnum)

    def computes_count(self) -> bool:
        return not self.truncated


def _search_top(searcher, query: wq.Query, limit: int, budget: int = SCORE_BUDGET):
    """Top ``limit`` results and the number of matches (estimated when scoring stopped early)."""
    collector = BudgetCollector(limit, budget)
    searcher.search_with_collector(query, collector)
    results = collector.results()
    total = collector.total if not collector.truncated else max(collector.total, query.estimate_min_size(searcher.reader()))
    return results, total


@dataclass(frozen=True)
class SearchHit:
    """One result row, everything needed to show it without the database."""

    kind: str
    id: int
    title: str
    snippet: Snippet
    score: float
    all_words: bool  # False for a partial match (shown after the full matches)
    speaker_name: str = ""
    event_name: str = ""
    year: str = ""
    date: str = ""
    source_id: int | None = None
    source_file: str = ""

    def as_json(self) -> dict[str, object]:
        return {
            "kind": self.kind, "id": self.id, "title": self.title, "snippet": self.snippet.text,
            "highlights": [list(span) for span in self.snippet.highlights], "score": round(self.score, 4),
            "all_words": self.all_words, "speaker": self.speaker_name, "event": self.event_name,
            "year": self.year, "date": self.date, "source_id": self.source_id, "source_file": self.source_file,
        }


@dataclass(frozen=True)
class FacetCount:
    """How many hits share one value of a facet (``value`` is an id, a kind or a year)."""

    value: str
    label: str
    count: int


@dataclass(frozen=True)
class SearchResults:
    """Hits of one search, with facet counts over every match, notes and a suggestion."""

    query: str
    hits: tuple[SearchHit, ...]
    total: int
    facets: dict[str, tuple[FacetCount, ...]]
    note: str = ""
    did_you_mean: str = ""

    @classmethod
    def empty(cls, query: str, note: str = "") -> SearchResults:
        return cls(query, (), 0, {}, note)


def run_search(
    searcher,
    query_text: str,
    kind: str | None = None,
    limit: int = DEFAULT_LIMIT,
    as_you_type: bool = False,
    with_facets: bool = True,
    facet_values=None,
) -> SearchResults:
    """Search with an open Whoosh searcher (see ``search.index.SearchIndex.search``)."""
    limit = max(1, min(int(limit or DEFAULT_LIMIT), MAX_LIMIT))
    parsed = parse_query(query_text, as_you_type=as_you_type)
    if kind:
        parsed.kinds.append(kind)
    note = " ".join(tr(message, **params) for message, params in parsed.notes)
    built = build_query(parsed, searcher.reader())
    if built is None:
        return SearchResults.empty(str(query_text or ""), note or tr("Type a word, a name or a figure to search."))
    hits, total, matched = _collect_hits(searcher, parsed, built, limit, with_facets)
    facets = _facet_counts(matched, facet_values) if with_facets and matched is not None and facet_values else {}
    suggestion = ""
    if not hits:
        suggestion = suggest_spelling(searcher.reader(), parsed, str(query_text or ""))
        note = note or tr("No records match this search.")
    return SearchResults(str(query_text or ""), tuple(hits), total, facets, note, suggestion)


def _restricted(query: wq.Query, built: BuiltQuery) -> wq.Query:
    if built.filters is not None:
        query = wq.And([query, built.filters])
    if built.excluded is not None:
        query = wq.AndNot(query, built.excluded)
    return query


def _collect_hits(searcher, parsed: ParsedQuery, built: BuiltQuery, limit: int, with_facets: bool):
    plan = MatchPlan.build(parsed.words(), parsed.phrases(), parsed.prefix)
    check_phrases = bool(plan.phrases)
    wanted = limit + (PHRASE_CHECK_EXTRA if check_phrases else 0)
    full, total = _search_top(searcher, _restricted(built.all_words, built), wanted)
    hits = _make_hits(full, plan, True, limit, check_phrases)
    if built.any_word is not None and len(hits) < limit:
        partial_query = wq.AndNot(_restricted(built.any_word, built), built.all_words)
        partial, partial_total = _search_top(searcher, partial_query, limit - len(hits), PARTIAL_BUDGET)
        hits.extend(_make_hits(partial, plan, False, limit - len(hits), False))
        total += partial_total
    matched = None
    if with_facets:
        # Facets describe every match, partial ones included (up to FACET_BUDGET of them).
        facet_query = _restricted(built.any_word if built.any_word is not None else built.all_words, built)
        matched = list(itertools.islice(searcher.docs_for_query(facet_query), FACET_BUDGET))
    return hits, total, matched


def _make_hits(results, plan: MatchPlan, all_words: bool, limit: int, check_phrases: bool) -> list[SearchHit]:
    hits = []
    for hit in results:
        if len(hits) >= limit:
            break
        stored = hit.fields()
        snippet, phrases_found = make_snippet(f"{stored.get('body') or ''}", plan)
        if check_phrases and not phrases_found:
            title_snippet, title_found = make_snippet(stored.get("title") or "", plan)
            if not title_found:
                continue
        hits.append(SearchHit(
            kind=stored.get("kind", ""), id=int(stored.get("record_id") or 0), title=stored.get("title") or "",
            snippet=snippet, score=float(hit.score or 0.0), all_words=all_words,
            speaker_name=stored.get("speaker_name") or "", event_name=stored.get("event_name") or "",
            year=stored.get("year") or "", date=stored.get("date") or "",
            source_id=stored.get("source_id"), source_file=stored.get("source_file") or "",
        ))
    return hits


def _facet_counts(matched: set[int], facet_values) -> dict[str, tuple[FacetCount, ...]]:
    """Counts per facet value over the matched documents (``facet_values[field][docnum]``)."""
    facets = {}
    for name in FACET_FIELDS:
        column = facet_values(name)
        if column is None:
            continue
        counts = Counter(map(column.__getitem__, matched))
        counts.pop(None, None)
        counts.pop("", None)
        rows = []
        for value, count in counts.most_common(50):
            identifier, _, label = value.partition(FACET_SEPARATOR)
            rows.append(FacetCount(identifier, label or identifier, count))
        facets[name.removesuffix("_facet")] = tuple(rows)
    return facets


def suggest_spelling(reader, parsed: ParsedQuery, query_text: str) -> str:
    """The query with unknown words replaced by the closest indexed word, or ""."""
    words: list[QueryWord] = parsed.words()
    changed, replacements = False, {}
    for word in words:
        if not word.bare or any(reader.doc_frequency("text", stem) for stem in word.stems):
            continue
        candidate = _closest_term(reader, word.bare)
        if candidate:
            article = word.normal[: len(word.normal) - len(word.bare)] if word.normal.endswith(word.bare) else ""
            replacements[word.surface] = article + candidate
            changed = True
    if not changed:
        return ""
    suggestion = query_text
    for surface, replacement in replacements.items():
        suggestion = suggestion.replace(surface, replacement)
    return suggestion


def _closest_term(reader, bare: str) -> str:
    best, best_frequency = "", 0
    for distance in (1, 2):
        for term in reader.terms_within("exact", bare, distance):
            term = term.decode("utf-8") if isinstance(term, bytes) else term
            frequency = reader.doc_frequency("exact", term)
            if frequency > best_frequency:
                best, best_frequency = term, frequency
        if best:
            return best
    return ""
