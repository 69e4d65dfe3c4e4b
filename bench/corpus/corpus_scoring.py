"""How extraction proposals are scored against annotated articles (issue 10's matching rules).

Owns the annotated-article shape the benchmark scores (``Article``: text, outlet, quote and figure
spans), the matching rules, the per-article ``Score`` and its sums, and the fixed split of the
outlets into two halves for leave-outlets-out reporting. ``bench/extraction.py`` loads the articles
(the regression set and the real-press corpus) and prints the tables.

Rules:
- Proposed quotes are ``Proposals.quotes`` plus ``Proposals.further_quotes`` (continuations are quotes).
- A proposed quote matches an annotated one when their spans overlap by at least half of each.
- The speaker of a matched quote is right when the proposed name holds the annotated person's first
  and last name, compared as ``archive.text.names.name_tokens`` (Arabic normalization, honorifics,
  بن/بنت and ال dropped); an annotated quote with no speaker is right only with no proposed speaker.
  A group that speaks («منظمو الملتقى») is not a person: issue 10 lets extraction name the group
  or leave the speaker empty, so either is right for a quote annotated with a group.
- A proposed figure matches an annotated one when their spans overlap at all.
Precision counts proposals that match some annotation; recall counts annotations matched by some
proposal.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from archive.importing.extraction import Proposals, QuoteProposal
from archive.text.names import name_tokens

Span = tuple[int, int]
SCORE_COUNTS = ("quotes_found", "quotes_gold", "quotes_matched_gold", "quotes_matched_found", "right_speakers",
                "figures_found", "figures_gold", "figures_matched_gold", "figures_matched_found")


@dataclass(frozen=True)
class GoldQuote:
    start: int
    end: int
    speaker: str | None  # the name as printed in the article
    kind: str = "direct"  # direct | indirect | continuation
    speaker_kind: str = "person"  # person | organisation | group | none


@dataclass(frozen=True)
class GoldFigure:
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """One annotated article, ready to score."""

    name: str
    outlet: str  # outlet slug
    text: str
    quotes: tuple[GoldQuote, ...]
    figures: tuple[GoldFigure, ...]


@dataclass
class Score:
    """Counts for one article or a sum of articles, and what went wrong, one line each."""

    quotes_found: int = 0
    quotes_gold: int = 0
    quotes_matched_gold: int = 0
    quotes_matched_found: int = 0
    right_speakers: int = 0
    figures_found: int = 0
    figures_gold: int = 0
    figures_matched_gold: int = 0
    figures_matched_found: int = 0
    articles: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in (*SCORE_COUNTS, "articles", "seconds"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def quotes(self) -> tuple[float, float, float]:
        return prf(self.quotes_matched_found, self.quotes_found, self.quotes_matched_gold, self.quotes_gold)

    def figures(self) -> tuple[float, float, float]:
        return prf(self.figures_matched_found, self.figures_found, self.figures_matched_gold, self.figures_gold)

    def speaker_share(self) -> float:
        return self.right_speakers / self.quotes_matched_gold if self.quotes_matched_gold else 1.0


def prf(matched_found: int, found: int, matched_gold: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (1.0 for an empty side, as nothing was wrong)."""
    precision = matched_found / found if found else 1.0
    recall = matched_gold / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def half_overlap(a: Span, b: Span) -> bool:
    overlap = min(a[1], b[1]) - max(a[0], b[0])
    return overlap > 0 and overlap >= (a[1] - a[0]) / 2 and overlap >= (b[1] - b[0]) / 2


def any_overlap(a: Span, b: Span) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def right_speaker(proposed: str | None, annotated: str | None, speaker_kind: str = "person") -> bool:
    """Whether a proposed speaker holds the annotated person's first and last name (a group: or is empty)."""
    if speaker_kind == "group" and not proposed:
        return True
    if not annotated:
        return not proposed
    if not proposed:
        return False
    wanted, held = name_tokens(annotated), set(name_tokens(proposed))
    return bool(wanted) and wanted[0] in held and wanted[-1] in held


def proposed_quotes(proposals: Proposals, continuations: bool = True) -> list[QuoteProposal]:
    """The quote proposals, with the continuations (``further_quotes``) unless told otherwise."""
    return [*proposals.quotes, *proposals.further_quotes] if continuations else list(proposals.quotes)


def score_article(article: Article, extract: Callable[[str], Proposals], continuations: bool = True) -> Score:
    """Extract one article and score its proposals against its annotations.

    ``continuations=False`` scores ``Proposals.quotes`` only: the regression set's annotations
    were written before continuations counted as quotes and do not hold them all.
    """
    began = time.perf_counter()
    proposals = extract(article.text)
    score = Score(articles=1, seconds=time.perf_counter() - began)
    _score_quotes(article, proposed_quotes(proposals, continuations), score)
    _score_figures(article, list(proposals.statistics), score)
    return score


def _score_quotes(article: Article, quotes: list[QuoteProposal], score: Score) -> None:
    score.quotes_found, score.quotes_gold = len(quotes), len(article.quotes)
    matched_found: set[int] = set()
    for gold in article.quotes:
        words = article.text[gold.start:gold.end]
        hits = [i for i, quote in enumerate(quotes) if half_overlap((gold.start, gold.end), (quote.start, quote.end))]
        if not hits:
            score.misses.append(f"quote missed ({gold.kind}): {_short(words)}")
            continue
        score.quotes_matched_gold += 1
        matched_found.update(hits)
        proposed = quotes[hits[0]].speaker
        if right_speaker(proposed, gold.speaker, gold.speaker_kind):
            score.right_speakers += 1
        else:
            score.misses.append(f"wrong speaker: {proposed} for {gold.speaker}: {_short(words)}")
    score.quotes_matched_found = len(matched_found)
    score.misses += [f"extra quote: {_short(quote.text)}" for i, quote in enumerate(quotes) if i not in matched_found]


def _score_figures(article: Article, figures: list, score: Score) -> None:
    score.figures_found, score.figures_gold = len(figures), len(article.figures)
    matched_found: set[int] = set()
    for gold in article.figures:
        hits = [i for i, figure in enumerate(figures)
                if any_overlap((gold.start, gold.end), (figure.start, figure.end))]
        if hits:
            score.figures_matched_gold += 1
            matched_found.update(hits)
        else:
            score.misses.append(f"figure missed: {article.text[gold.start:gold.end]}")
    score.figures_matched_found = len(matched_found)
    score.misses += [f"extra figure: {figure.text}" for i, figure in enumerate(figures) if i not in matched_found]


def _short(words: str, limit: int = 60) -> str:
    flat = " ".join(words.split())
    return flat if len(flat) <= limit else flat[:limit] + "…"


def outlet_halves(article_outlets: Iterable[str]) -> tuple[list[str], list[str]]:
    """A fixed split of the outlets into halves A and B, balanced by article count.

    Outlets are taken in the order of the sha256 of their slug (stable, unrelated to how well
    extraction does on them) and each goes to the half with fewer articles so far (A on a tie).
    """
    counts: dict[str, int] = {}
    for outlet in article_outlets:
        counts[outlet] = counts.get(outlet, 0) + 1
    halves: tuple[list[str], list[str]] = ([], [])
    sizes = [0, 0]
    for outlet in sorted(counts, key=lambda slug: hashlib.sha256(slug.encode("utf-8")).hexdigest()):
        side = 0 if sizes[0] <= sizes[1] else 1
        halves[side].append(outlet)
        sizes[side] += counts[outlet]
    return sorted(halves[0]), sorted(halves[1])
