"""Running a search: query text in, ranked result rows with snippets and facets out.

Owns the result types (frozen dataclasses the GUI and the command line show as they are) and
the search procedure over a Whoosh searcher: parse, run the all-words query first and fill up
with partial matches, drop excluded records, apply filters, cut snippets on the original text,
count facets and suggest a spelling when nothing is found. Nothing here raises on user input.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from archive.i18n import tr
from search.highlight import MatchPlan, Snippet, make_snippet
from search.matching import PARTIAL_BUDGET, SCORE_BUDGET, Matches, evaluate, rank
from search.postings import PostingCache
from search.query import ParsedQuery, parse_query
from search.schema import FACET_FIELDS, FACET_SEPARATOR
from search.spelling import suggest_spelling

DEFAULT_LIMIT = 20
MAX_LIMIT = 500
# Candidates checked for a quoted phrase beyond the page (pairs are hashed, text decides).
PHRASE_CHECK_EXTRA = 10


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
    """Hits of one search, with facet counts over every match, notes and a suggestion.

    ``total`` and the facet counts count the same documents: every record matching at least
    one part of the query (after filters and exclusions); ``total_all_words`` of them match
    every part and are listed first.
    """

    query: str
    hits: tuple[SearchHit, ...]
    total: int
    facets: dict[str, tuple[FacetCount, ...]]
    note: str = ""
    did_you_mean: str = ""
    total_all_words: int = 0
    still_typing: bool = False  # nothing to look up yet: the last word is too short to tell what it will be

    @classmethod
    def empty(cls, query: str, note: str = "", still_typing: bool = False) -> SearchResults:
        return cls(query, (), 0, {}, note, still_typing=still_typing)


FacetValues = Callable[[str], "list[str | None] | None"]  # facet field -> its value of every docnum


def run_search(
    searcher: Any,
    query_text: str,
    kind: str | None = None,
    limit: int = DEFAULT_LIMIT,
    as_you_type: bool = False,
    with_facets: bool = True,
    facet_values: FacetValues | None = None,
    postings: PostingCache | None = None,
) -> SearchResults:
    """Search with an open Whoosh searcher (see ``search.index.SearchIndex.search``).

    ``postings`` is the searcher's posting cache (``SearchIndex`` keeps one per searcher).
    """
    limit = max(1, min(int(limit or DEFAULT_LIMIT), MAX_LIMIT))
    parsed = parse_query(query_text, as_you_type=as_you_type)
    if kind:
        parsed.kinds.append(kind)
    note = " ".join(tr(message, None, **params) for message, params in parsed.notes)
    cache = postings if postings is not None else PostingCache(searcher.reader())
    matches = evaluate(parsed, cache)
    if matches is not None and parsed.prefix_unfinished and not matches.any_word:
        parsed.prefix, parsed.prefix_word, parsed.unfinished = "", None, True  # "الت" that starts no word: keep typing
        matches = evaluate(parsed, cache)
    if matches is None:
        if parsed.unfinished:
            return SearchResults.empty(str(query_text or ""), note or tr("Keep typing…"), still_typing=True)
        return SearchResults.empty(str(query_text or ""), note or tr("Type a word, a name or a figure to search."))
    hits = _collect_hits(searcher, parsed, matches, cache, limit)
    facets = _facet_counts(matches.any_word, facet_values) if with_facets and facet_values else {}
    suggestion = ""
    if not hits:
        suggestion = suggest_spelling(searcher.reader(), parsed, str(query_text or ""))
        note = note or tr("No records match this search.")
    return SearchResults(str(query_text or ""), tuple(hits), len(matches.any_word), facets, note, suggestion,
                         len(matches.all_words))


def _collect_hits(searcher: Any, parsed: ParsedQuery, matches: Matches, cache: PostingCache,
                  limit: int) -> list[SearchHit]:
    """Full matches first, best first; partial matches fill up the page."""
    plan = MatchPlan.build(parsed.words(), parsed.phrases(), parsed.prefix)
    check_phrases = bool(plan.phrases)
    wanted = limit + (PHRASE_CHECK_EXTRA if check_phrases else 0)
    full = rank(matches, cache, matches.all_words, SCORE_BUDGET, wanted)
    hits = _make_hits(searcher, full, plan, True, limit, check_phrases)
    if len(hits) < limit and len(matches.any_word) > len(matches.all_words):
        partial = rank(matches, cache, matches.partial, PARTIAL_BUDGET, limit - len(hits))
        hits.extend(_make_hits(searcher, partial, plan, False, limit - len(hits), False))
    return hits


def _make_hits(searcher: Any, ranked: list[tuple[float, int]], plan: MatchPlan, all_words: bool, limit: int,
               check_phrases: bool) -> list[SearchHit]:
    hits: list[SearchHit] = []
    for score, docnum in ranked:
        if len(hits) >= limit:
            break
        stored = searcher.stored_fields(docnum)
        snippet, phrases_found = make_snippet(f"{stored.get('body') or ''}", plan)
        if check_phrases and not phrases_found:
            _title_snippet, title_found = make_snippet(stored.get("title") or "", plan)
            if not title_found:
                continue
        hits.append(SearchHit(
            kind=stored.get("kind", ""), id=int(stored.get("record_id") or 0), title=stored.get("title") or "",
            snippet=snippet, score=score, all_words=all_words,
            speaker_name=stored.get("speaker_name") or "", event_name=stored.get("event_name") or "",
            year=stored.get("year") or "", date=stored.get("date") or "",
            source_id=stored.get("source_id"), source_file=stored.get("source_file") or "",
        ))
    return hits


def _facet_counts(matched: Collection[int], facet_values: FacetValues) -> dict[str, tuple[FacetCount, ...]]:
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
            identifier, _, label = str(value).partition(FACET_SEPARATOR)  # None was popped above
            rows.append(FacetCount(identifier, label or identifier, count))
        facets[name.removesuffix("_facet")] = tuple(rows)
    return facets
