"""Snippets with highlights placed on the original text of a hit.

Owns matching query words against a stored text and cutting the best window around them.
The text is tokenized with its original offsets and each token that may match (its normal
form contains a query stem) is compared through its analyzed forms, so a highlight always covers the word as it was
printed (``الحكوميّة`` with its shadda, ``للتواصل`` with its prefix), never a normalized copy.
Phrases are highlighted only where their words stand together; ``phrase_found`` tells the
caller whether a phrase really occurs (index pairs are hashed, so this is the final check).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from itertools import islice

from search.analysis import TOKEN_PATTERN, QueryWord, WordForms, normalize, word_forms

# Letters before a stem in its word: the longest prefix (وبال) or a glued letter and ال.
_MAX_STEM_OFFSET = 5
# Tokens of a snippet window, stop words included (about 36 content words).
SNIPPET_TOKENS = 48
ELLIPSIS = "…"


@dataclass(frozen=True)
class Snippet:
    """A piece of the original text and the (start, end) spans to highlight within it."""

    text: str
    highlights: tuple[tuple[int, int], ...]

    def marked(self, before: str = "[", after: str = "]") -> str:
        """The snippet with each highlight wrapped in markers (for plain-text output)."""
        pieces: list[str] = []
        position = 0
        for start, end in self.highlights:
            pieces.extend((self.text[position:start], before, self.text[start:end], after))
            position = end
        pieces.append(self.text[position:])
        return "".join(pieces)


@dataclass(frozen=True)
class MatchPlan:
    """What to highlight: single-word stems and bare prefixes, and phrases as stem runs."""

    stems: frozenset[str]
    prefix: str
    phrases: tuple[tuple[frozenset[str], ...], ...]

    @classmethod
    def build(cls, words: list[QueryWord], phrases: list[list[QueryWord]], prefix: str = "") -> MatchPlan:
        in_phrases = {id(word) for phrase in phrases for word in phrase}
        stems = frozenset(stem for word in words if id(word) not in in_phrases for stem in word.stems)
        phrase_stems = tuple(tuple(frozenset(word.stems) for word in phrase) for phrase in phrases)
        return cls(stems, prefix, phrase_stems)

    @cached_property
    def _needles(self) -> re.Pattern[str] | None:
        """Every stem and the prefix: a token can only match if its normal form holds one early."""
        needles = set(self.stems).union(*(stems for phrase in self.phrases for stems in phrase))
        if self.prefix:
            needles.add(self.prefix)
        needles.discard("")
        if not needles:
            return None
        # A stem or bare form starts at most 5 letters into its word (وبال, or a glued letter
        # and ال): look only there, one token per line.
        alternatives = "|".join(map(re.escape, sorted(needles, key=len, reverse=True)))
        return re.compile(rf"^[^\n]{{0,{_MAX_STEM_OFFSET}}}?(?:{alternatives})", re.MULTILINE)

    def candidates(self, raws: list[str]) -> set[int]:
        """Indexes of the tokens that may match (a stem is part of its word's normal form)."""
        needles = self._needles
        if needles is None:
            return set()
        # One normalization and one regex pass over all tokens, one per line: a match's line
        # number is its token's index.
        joined = normalize("\n".join(raws))
        return {joined.count("\n", 0, match.start()) for match in needles.finditer(joined)}


def _stems(forms: WordForms) -> tuple[str, ...]:
    """The stems of a word that has one (callers skip stop words, whose stem is None)."""
    stem = forms.stem or ""
    return (stem, forms.alt_stem) if forms.alt_stem else (stem,)


def _matched_indexes(raws: list[str], plan: MatchPlan) -> tuple[set[int], bool]:
    """Token indexes to highlight, and whether every phrase occurs (stop words skipped, as indexed).

    Only tokens whose normal form contains a query stem are analyzed: a long article costs one
    regular-expression pass, not an analysis of every word.
    """
    matched = set()
    starts: dict[int, list[int]] = {}  # phrase number -> token indexes where its first word stands
    for index in sorted(plan.candidates(raws)):
        if index >= len(raws):
            continue
        forms = word_forms(raws[index])
        if forms.stem is None:
            continue
        stems = _stems(forms)
        if plan.stems.intersection(stems) or (plan.prefix and (forms.bare or "").startswith(plan.prefix)):
            matched.add(index)
        for number, phrase in enumerate(plan.phrases):
            if phrase[0].intersection(stems):
                starts.setdefault(number, []).append(index)
    every_phrase_found = True
    for number, phrase in enumerate(plan.phrases):
        found = False
        for start in starts.get(number, ()):
            run = _phrase_run(raws, start, phrase)
            if run:
                matched.update(run)
                found = True
        every_phrase_found = every_phrase_found and found
    return matched, every_phrase_found


def _phrase_run(raws: list[str], start: int, phrase: tuple[frozenset[str], ...]) -> list[int]:
    """The token indexes of ``phrase`` standing from ``start`` on, or [] (stop words in between skipped)."""
    run, index = [start], start
    for stems in phrase[1:]:
        index += 1
        while index < len(raws) and word_forms(raws[index]).stem is None:
            index += 1
        if index >= len(raws) or not stems.intersection(_stems(word_forms(raws[index]))):
            return []
        run.append(index)
    return run


def make_snippet(text: str, plan: MatchPlan, window: int = SNIPPET_TOKENS) -> tuple[Snippet, bool]:
    """The best window of ``text`` around the query words, and whether every phrase occurs."""
    if not text:
        return Snippet("", ()), not plan.phrases
    raws = TOKEN_PATTERN.findall(text)
    if not raws:
        return Snippet(text[:300], ()), not plan.phrases
    matched, phrases_found = _matched_indexes(raws, plan)
    first = _best_window_start(raws, matched, window)
    last = min(len(raws), first + window) - 1
    # Offsets of the window's tokens only (islice skips the others without Python-level work).
    spans = dict(enumerate((match.span() for match in islice(TOKEN_PATTERN.finditer(text), first, last + 1)),
                           start=first))
    start = 0 if first == 0 else spans[first][0]
    end = len(text) if last == len(raws) - 1 else spans[last][1]
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(text) else ""
    shift = len(prefix) - start
    highlights = _merge_spans(
        [(spans[index][0] + shift, spans[index][1] + shift) for index in sorted(matched) if first <= index <= last],
        f"{prefix}{text[start:end]}",
    )
    return Snippet(f"{prefix}{text[start:end]}{suffix}", highlights), phrases_found


def _best_window_start(raws: list[str], matched: set[int], window: int) -> int:
    if not matched:
        return 0
    ordered = sorted(matched)
    best_start, best_score = ordered[0], -1
    for position, index in enumerate(ordered):
        inside = [other for other in ordered[position:] if other < index + window]
        score = len({word_forms(raws[other]).bare for other in inside}) * 10 + len(inside)
        if score > best_score:
            best_start, best_score = index, score
    # Start a little before the first match so the reader sees its context.
    return max(0, min(best_start - window // 4, len(raws) - window))


def _merge_spans(spans: list[tuple[int, int]], text: str) -> tuple[tuple[int, int], ...]:
    """Join highlights separated only by spaces or stop words' gaps inside one phrase run."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and text[merged[-1][1] : start].strip() == "":
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return tuple(merged)
