"""Evaluating a parsed query on whole posting lists: which documents match, and which rank first.

Owns the query semantics the user sees (``search.query`` describes the language):

- a word matches its stems in the record's own text (title, body: the ``text`` field) or in the
  names of related records (``context``); a quoted phrase needs its words and their adjacent
  pairs in the record's own text; the word being typed matches the most frequent index words it
  begins; OR joins alternatives; filters and exclusions are set operations too;
- ``all_words`` holds the documents with every part of the query, ``any_word`` those with at
  least one (both after filters and exclusions); the answer's total and facets count
  ``any_word``, so the two always agree;
- ranking is BM25 over the candidates: every full match when there are few, otherwise the
  newest ``SCORE_BUDGET`` of each segment (rebuilds write newest records first, later segments
  hold later edits) plus every full match where the typed words stand together. A word found
  in the record's own text or title counts fully; found only through a related record's name
  (its event, speaker, organisation) it counts ``CONTEXT_FACTOR`` as much, so a quote that says
  the words ranks above one that only belongs to an event named by them.

Everything here is set operations in C over ``search.postings`` lists and a scoring loop over
at most a few thousand candidates, so a query costs milliseconds whatever its words.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from itertools import filterfalse, islice, pairwise

from whoosh.util.numeric import byte_to_length

from search.analysis import QueryWord, analyze_query_words, pair_code, pair_term, word_forms
from search.postings import PostingCache
from search.query import Clause, ParsedQuery

# A word found only in a related record's name weighs this much of a word of the record itself.
CONTEXT_FACTOR = 0.2
# Candidates scored per segment when the full matches are many (newest records first).
SCORE_BUDGET = 600
PARTIAL_BUDGET = 200  # partial matches only fill up the page
# Full matches where the typed words stand together are all scored up to this many.
PAIR_CANDIDATES = 3000
MAX_PREFIX_EXPANSIONS = 8
MAX_PREFIX_SCAN = 300
_K1, _B = 1.2, 0.75

DocSet = Collection[int]  # a set, or a postings dict used as the set of its keys (never mutated)


@dataclass
class ScoredTerm:
    """One index term that adds to a document's score."""

    field: str
    postings: dict[int, float]
    idf: float
    factor: float = 1.0


@dataclass
class Matches:
    """The documents a query matches, and how to rank them."""

    all_words: DocSet
    any_word: DocSet  # includes all_words
    scored: list[ScoredTerm] = field(default_factory=list)
    drivers: list[dict[int, float]] = field(default_factory=list)  # smallest positive lists first
    pairs: list[dict[int, float]] = field(default_factory=list)  # adjacent typed words

    @property
    def partial(self) -> DocSet:
        if len(self.any_word) == len(self.all_words):
            return ()
        return set(filterfalse(self.all_words.__contains__, self.any_word))


def evaluate(parsed: ParsedQuery, cache: PostingCache) -> Matches | None:
    """The match sets and scoring terms of a parsed query, or None when there is nothing to search."""
    scorer = _Scorer(cache)
    positive = [_clause_set(clause, cache, scorer) for clause in parsed.clauses]
    if parsed.prefix:
        positive.append(_prefix_set(parsed.prefix, cache, scorer))
    restrictions = _filter_sets(parsed, cache)
    if not positive and not restrictions:
        return None
    excluded = _union([_phrase_set(phrase, cache, None) for phrase in parsed.excluded])
    all_words = _without(_intersect(positive + restrictions), excluded)
    if len(positive) > 1:
        # A part that is only a percent sign ("80%" is typed as 80 and %) never makes a partial
        # match on its own: every percentage of the archive would follow the 80% ones.
        strong = [found for found, clause in zip(positive, parsed.clauses, strict=False) if not _is_weak(clause)]
        if parsed.prefix and parsed.prefix not in WEAK_WORDS:
            strong.append(positive[-1])  # the word being typed
        any_word = _without(_intersect([_union(strong or positive), *restrictions]), excluded)
    else:
        any_word = all_words
    scorer.add_bonus(parsed)
    drivers = sorted((postings for postings in scorer.drivers), key=len)
    return Matches(all_words, any_word, scorer.terms, drivers, scorer.pairs)


def rank(matches: Matches, cache: PostingCache, documents: DocSet, budget: int, wanted: int) -> list[tuple[float, int]]:
    """The best ``wanted`` of ``documents`` as (score, docnum), best first."""
    candidates = _candidates(matches, cache, documents, budget)
    best = heapq.nlargest(wanted, _score(matches, cache, candidates))  # ties: lower docnum (newer) first
    return [(score, -negated_docnum) for score, negated_docnum in best]


# Match sets ------------------------------------------------------------------------------------


class _Scorer:
    """Collects the terms that score a document while the match sets are built."""

    def __init__(self, cache: PostingCache) -> None:
        self.cache = cache
        self.terms: list[ScoredTerm] = []
        self.drivers: list[dict[int, float]] = []
        self.pairs: list[dict[int, float]] = []
        self._seen: set[tuple[str, str]] = set()

    def add(self, field_name: str, term: str, postings: dict[int, float], factor: float = 1.0) -> None:
        if (field_name, term) in self._seen or not postings:
            return
        self._seen.add((field_name, term))
        frequency = self.cache.doc_frequency(field_name, term)
        idf = math.log(self.cache.doc_count_all / (frequency + 1)) + 1.0
        self.terms.append(ScoredTerm(field_name, postings, idf, factor))

    def add_bonus(self, parsed: ParsedQuery) -> None:
        """Exact word forms, and consecutive typed words standing together, rank a document higher."""
        for word in parsed.words():
            if word.bare:
                self.add("exact", word.bare, self.cache.postings("exact", word.bare))
        singles = [clause.alternatives[0][0] for clause in parsed.clauses
                   if len(clause.alternatives) == 1 and len(clause.alternatives[0]) == 1]
        codes = _pair_codes(singles)
        if parsed.prefix:
            codes.extend(self._prefix_pair_codes(parsed))
        for code in codes:
            postings = self.cache.postings("pairs", pair_term(code))
            self.add("pairs", pair_term(code), postings)
            if postings:
                self.pairs.append(postings)

    def _prefix_pair_codes(self, parsed: ParsedQuery) -> list[int]:
        """Pairs of the word typed before the prefix with each word the prefix stands for.

        "منتدى التواص" ranks the events named "منتدى التواصل" above figures that say المنتدى and
        التواصل apart, as "منتدى التواصل" typed in full would.
        """
        if not 0 < parsed.prefix_after <= len(parsed.clauses):
            return []
        before = parsed.clauses[parsed.prefix_after - 1].alternatives
        if len(before) != 1 or len(before[0]) != 1:
            return []
        left = word_forms(before[0][0].surface).stem_code
        return [pair_code(left, word_forms(term).stem_code) for term in prefix_expansions(self.cache, parsed.prefix)]


def _word_set(word: QueryWord, cache: PostingCache, scorer: _Scorer | None, own_text_only: bool = False) -> DocSet:
    owns = [cache.postings("text", stem) for stem in word.stems]
    related = [] if own_text_only else [cache.postings("context", stem) for stem in word.stems]
    if not own_text_only and is_year(word.normal):
        related.append(_year_postings(word.normal, cache, scorer))
    if scorer is not None:
        for stem, own in zip(word.stems, owns, strict=True):
            scorer.add("text", stem, own)
        for stem, postings in zip(word.stems, related, strict=False):  # no related lists: own text only
            scorer.add("context", stem, postings, CONTEXT_FACTOR)
        if len(owns) == 1:
            scorer.drivers.append(owns[0])  # a one-stem word's own list orders candidates
    if len([found for found in owns + related if found]) < 2:
        return _union(owns + related)
    key = ("word", own_text_only, *word.stems)
    return cache.derived(key, lambda: _union(owns + related))


def is_year(text: str) -> bool:
    """A word that can be a year ("2024", typed in any digits): it also matches records of that year."""
    return len(text) == 4 and text.isascii() and text.isdigit()


def _year_postings(year: str, cache: PostingCache, scorer: _Scorer | None) -> dict[int, float]:
    """The records dated ``year``, ranked like a word of a related record's name (``CONTEXT_FACTOR``)."""
    postings = cache.postings("year", year)
    if scorer is not None:
        scorer.add("year", year, postings, CONTEXT_FACTOR)
    return postings


def _phrase_set(words: list[QueryWord], cache: PostingCache, scorer: _Scorer | None) -> DocSet:
    if len(words) == 1:
        return _word_set(words[0], cache, scorer)
    parts: list[DocSet] = []
    for code in _pair_codes(words):
        postings = cache.postings("pairs", pair_term(code))
        parts.append(postings)
        if scorer is not None:
            scorer.add("pairs", pair_term(code), postings)
            scorer.drivers.append(postings)
    parts.extend(_word_set(word, cache, scorer, own_text_only=True) for word in words)
    return _intersect(parts)


WEAK_WORDS = frozenset({"%", "٪"})


def _is_weak(clause: Clause) -> bool:
    """A clause whose every alternative is only signs such as % (too common to stand alone)."""
    return all(all(word.normal in WEAK_WORDS for word in phrase) for phrase in clause.alternatives)


def _clause_set(clause: Clause, cache: PostingCache, scorer: _Scorer) -> DocSet:
    return _union([_phrase_set(phrase, cache, scorer) for phrase in clause.alternatives])


def _pair_codes(words: list[QueryWord]) -> list[int]:
    codes = [word_forms(word.surface).stem_code for word in words]
    return [pair_code(left, right) for left, right in pairwise(codes)]


def _prefix_set(prefix: str, cache: PostingCache, scorer: _Scorer) -> DocSet:
    parts: list[DocSet] = []
    for term in prefix_expansions(cache, prefix):
        own = cache.postings("exact", term)
        related = cache.postings("context", term)
        scorer.add("exact", term, own)
        scorer.add("context", term, related, CONTEXT_FACTOR)
        parts.extend((own, related))
    if is_year(prefix):
        parts.append(_year_postings(prefix, cache, scorer))
    if len([found for found in parts if found]) < 2:
        return _union(parts)
    return cache.derived(("prefix", prefix), lambda: _union(parts))


def prefix_expansions(cache: PostingCache, prefix: str) -> tuple[str, ...]:
    """The most frequent bare index words starting with ``prefix`` (cached per searcher).

    Typing repeats the query with one more letter: when the lexicon scan of a shorter prefix was
    complete, the longer prefix's words are found among its words without reading the lexicon.
    """
    found = cache.prefixes.get(prefix)
    if found is not None:
        return found
    frequencies = None
    for cut in range(len(prefix) - 1, 0, -1):
        shorter = cache.prefix_scans.get(prefix[:cut])
        if shorter is not None:
            frequencies = {term: count for term, count in shorter.items() if term.startswith(prefix)}
            break
    if frequencies is None:
        frequencies, complete = cache.expand_prefix("exact", prefix, MAX_PREFIX_SCAN)
        if complete:
            cache.prefix_scans[prefix] = frequencies
    found = tuple(sorted(frequencies, key=lambda term: -frequencies[term])[:MAX_PREFIX_EXPANSIONS])
    cache.prefixes[prefix] = found
    return found


def _filter_sets(parsed: ParsedQuery, cache: PostingCache) -> list[DocSet]:
    """One set per filter: every named filter must hold; several values of one are alternatives."""
    sets = []
    if parsed.kinds:
        sets.append(_union([cache.postings("kind", kind) for kind in dict.fromkeys(parsed.kinds)]))
    for name, values in parsed.filters.items():
        if name == "year":
            sets.append(_union([cache.postings("year", year) for year in dict.fromkeys(values)]))
            continue
        alternatives = []
        for value in values:
            words = [word for word in analyze_query_words(value) if not word.stop]
            if words:
                alternatives.append(_intersect([_union([cache.postings(name, stem) for stem in word.stems])
                                                for word in words]))
        if alternatives:
            sets.append(_union(alternatives))
    return sets


def _union(sets: Sequence[DocSet]) -> DocSet:
    sets = [found for found in sets if found]
    if not sets:
        return set()
    if len(sets) == 1:
        return sets[0]
    return set().union(*sets)


def _intersect(sets: Sequence[DocSet]) -> DocSet:
    if not sets:
        return set()
    ordered = sorted(sets, key=len)
    result = ordered[0]
    for other in ordered[1:]:
        if not result:
            break
        result = set(filter(other.__contains__, result))
    return result


def _without(documents: DocSet, excluded: DocSet) -> DocSet:
    return set(filterfalse(excluded.__contains__, documents)) if excluded and documents else documents


# Ranking ---------------------------------------------------------------------------------------


def _candidates(matches: Matches, cache: PostingCache, documents: DocSet, budget: int) -> DocSet:
    """Every document when they are few; else the newest ``budget`` per segment, plus pair matches."""
    starts = cache.leaf_starts()
    if len(documents) <= budget * len(starts):
        return documents
    driver = next((postings for postings in matches.drivers if postings), None)
    ordered = list(driver) if driver is not None and len(driver) < 4 * len(documents) else sorted(documents)
    picked: set[int] = set()
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else cache.doc_count_all
        segment = islice(ordered, bisect_left(ordered, start), bisect_left(ordered, end))
        picked.update(islice(filter(documents.__contains__, segment), budget))
    for pairs in matches.pairs:
        if len(pairs) <= PAIR_CANDIDATES:
            picked.update(filter(documents.__contains__, pairs))
    return picked


def _score(matches: Matches, cache: PostingCache, candidates: DocSet) -> list[tuple[float, int]]:
    """BM25 (Whoosh's constants) of each candidate over the query's terms, as (score, -docnum)."""
    prepared = []
    for term in matches.scored:
        lengths = cache.lengths(term.field)
        average = cache.average_length(term.field)
        prepared.append((term.postings.get, term.idf * term.factor * (_K1 + 1), lengths, _K1 * (1 - _B),
                         _K1 * _B / average))
    scored = []
    for docnum in candidates:
        score = 0.0
        for weight_of, scale, lengths, constant, per_length in prepared:
            weight = weight_of(docnum)
            if weight:
                score += scale * weight / (weight + constant + per_length * byte_to_length(lengths[docnum]))
        scored.append((score, -docnum))
    return scored
