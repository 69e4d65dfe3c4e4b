"""Snippets with highlights placed on the original text of a hit.

Owns matching query words against a stored text and cutting the best window around them.
The text is tokenized with its original offsets (``search.analysis.iter_tokens``) and each
token is compared through its analyzed forms, so a highlight always covers the word as it was
printed (``الحكوميّة`` with its shadda, ``للتواصل`` with its prefix), never a normalized copy.
Phrases are highlighted only where their words stand together; ``phrase_found`` tells the
caller whether a phrase really occurs (index pairs are hashed, so this is the final check).
"""

from __future__ import annotations

from dataclasses import dataclass

from search.analysis import QueryWord, iter_tokens, word_forms

SNIPPET_TOKENS = 36
ELLIPSIS = "…"


@dataclass(frozen=True)
class Snippet:
    """A piece of the original text and the (start, end) spans to highlight within it."""

    text: str
    highlights: tuple[tuple[int, int], ...]

    def marked(self, before: str = "[", after: str = "]") -> str:
        """The snippet with each highlight wrapped in markers (for plain-text output)."""
        pieces, position = [], 0
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


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    stems: frozenset[str]
    bare: str


def _content_tokens(text: str) -> list[_Token]:
    tokens = []
    for start, end, raw in iter_tokens(text):
        forms = word_forms(raw)
        if forms.stem is None:
            continue  # stop words neither match nor break a phrase, as in the index
        stems = frozenset((forms.stem, forms.alt_stem)) if forms.alt_stem else frozenset((forms.stem,))
        tokens.append(_Token(start, end, stems, forms.bare or ""))
    return tokens


def _matched_indexes(tokens: list[_Token], plan: MatchPlan) -> tuple[set[int], bool]:
    matched = set()
    for index, token in enumerate(tokens):
        if token.stems & plan.stems or (plan.prefix and token.bare.startswith(plan.prefix)):
            matched.add(index)
    every_phrase_found = True
    for phrase in plan.phrases:
        found = False
        for start in range(len(tokens) - len(phrase) + 1):
            if all(tokens[start + offset].stems & stems for offset, stems in enumerate(phrase)):
                matched.update(range(start, start + len(phrase)))
                found = True
        every_phrase_found = every_phrase_found and found
    return matched, every_phrase_found


def make_snippet(text: str, plan: MatchPlan, window: int = SNIPPET_TOKENS) -> tuple[Snippet, bool]:
    """The best window of ``text`` around the query words, and whether every phrase occurs."""
    if not text:
        return Snippet("", ()), not plan.phrases
    tokens = _content_tokens(text)
    matched, phrases_found = _matched_indexes(tokens, plan)
    if not tokens:
        return Snippet(text[:300], ()), phrases_found
    first = _best_window_start(tokens, matched, window)
    last = min(len(tokens), first + window) - 1
    start = 0 if first == 0 else tokens[first].start
    end = len(text) if last == len(tokens) - 1 else tokens[last].end
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(text) else ""
    shift = len(prefix) - start
    spans = _merge_spans(
        [(tokens[index].start + shift, tokens[index].end + shift) for index in sorted(matched) if first <= index <= last],
        f"{prefix}{text[start:end]}",
    )
    return Snippet(f"{prefix}{text[start:end]}{suffix}", spans), phrases_found


def _best_window_start(tokens: list[_Token], matched: set[int], window: int) -> int:
    if not matched:
        return 0
    ordered = sorted(matched)
    best_start, best_score = ordered[0], -1
    for position, index in enumerate(ordered):
        inside = [other for other in ordered[position:] if other < index + window]
        score = len({tokens[other].bare for other in inside}) * 10 + len(inside)
        if score > best_score:
            best_start, best_score = index, score
    # Start a little before the first match so the reader sees its context.
    return max(0, min(best_start - window // 4, len(tokens) - window))


def _merge_spans(spans: list[tuple[int, int]], text: str) -> tuple[tuple[int, int], ...]:
    """Join highlights separated only by spaces or stop words' gaps inside one phrase run."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and text[merged[-1][1] : start].strip() == "":
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return tuple(merged)
