"""Count the extraction's misses on the real-press corpus by class, to say where rework pays.

Usage, from the repository root::

    .venv/bin/python bench/corpus/miss_classes.py [--corpus DIR] [--examples N] [--half A|B] [--context N] [--fresh]

With ``--context N`` each example of a missed quote or a wrong speaker shows the N characters of the
article before it (line breaks as ⏎), which is where the attribution is. The fresh set (``fresh.tsv``) is
listed only with ``--fresh`` (its articles alone): it was held out until it was studied, from the fourth
session of 2 December 2026 on. A held-out set (``fresh2.tsv``) is never listed: rules are not studied on it.

Classes (each annotated quote, proposal and figure falls in exactly one):
- annotated quotes: found; *no proposal near it* (by kind: direct, indirect, continuation); *boundary*
  (a proposal overlaps it, but not by half of each: cut at a clause break, or run on);
- matched quotes' speakers: right; *no speaker proposed*; *part of the name* (shares a word with the
  annotated name but lacks its first or last name); *another name* (nothing in common);
- proposed quotes: matched; *boundary* (overlaps an annotated quote, not by half); *not a quote*;
- annotated figures: found; missed; proposed figures: matched; extra (shown with its words).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench" / "corpus"))
sys.path.insert(0, str(REPO / "bench"))

from corpus_layout import corpus_paths  # noqa: E402
from corpus_scoring import Article, any_overlap, half_overlap, outlet_halves, proposed_quotes, right_speaker  # noqa: E402
from extraction import corpus_articles  # noqa: E402

from archive.importing.extraction import extract  # noqa: E402
from archive.text.names import name_tokens  # noqa: E402


def speaker_class(proposed: str | None, annotated: str | None, speaker_kind: str = "person") -> str:
    """The class of a matched quote's speaker (a group's words left without a speaker are right, as scored)."""
    if right_speaker(proposed, annotated, speaker_kind):
        return "right"
    if not proposed:
        return "no speaker proposed"
    if annotated and set(name_tokens(proposed)) & set(name_tokens(annotated)):
        return "part of the name"
    return "another name"


def classify(article: Article, classes: Counter, examples: dict[str, list[str]], context: int = 0) -> None:
    """Add one article's annotated and proposed quotes and figures to the class counts (``context``: how
    many characters before a missed quote or a wrong speaker its example shows)."""
    proposals = extract(article.text)
    quotes = proposed_quotes(proposals)
    spans = [(quote.start, quote.end) for quote in quotes]
    used: set[int] = set()
    for gold in article.quotes:
        span = (gold.start, gold.end)
        hits = [i for i, other in enumerate(spans) if half_overlap(span, other)]
        near = [i for i, other in enumerate(spans) if any_overlap(span, other)]
        words = article.text[gold.start:gold.end]
        before = _before(article.text, gold.start, context)
        if hits:
            used.update(hits)
            kind = speaker_class(quotes[hits[0]].speaker, gold.speaker, gold.speaker_kind)
            note(classes, examples, f"speaker: {kind}",
                 f"{quotes[hits[0]].speaker} for {gold.speaker}{before}")
            note(classes, examples, "quote: found", words)
        elif near:
            note(classes, examples, "quote: boundary",
                 f"{words[:50]} | proposed: {quotes[near[0]].text[:50]}{before}")
        else:
            note(classes, examples, f"quote: no proposal near it ({gold.kind})", f"{words}{before}")
    for i, quote in enumerate(quotes):
        if i in used:
            continue
        near = any(any_overlap((quote.start, quote.end), (gold.start, gold.end)) for gold in article.quotes)
        note(classes, examples, "proposal: boundary" if near else "proposal: not a quote", quote.text[:70])
    figure_spans = [(figure.start, figure.end) for figure in proposals.statistics]
    matched: set[int] = set()
    for gold in article.figures:
        hits = [i for i, other in enumerate(figure_spans) if any_overlap((gold.start, gold.end), other)]
        matched.update(hits)
        note(classes, examples, "figure: found" if hits else "figure: missed", article.text[gold.start:gold.end])
    for i, figure in enumerate(proposals.statistics):
        if i not in matched:
            context = article.text[max(0, figure.start - 15):figure.end + 15].replace("\n", " ")
            note(classes, examples, "figure proposal: extra", f"{figure.text} | …{context}…")


def _before(text: str, start: int, context: int) -> str:
    if context <= 0:
        return ""
    return " | before: …" + text[max(0, start - context):start].replace("\n", " ⏎ ")


def note(classes: Counter, examples: dict[str, list[str]], name: str, example: str) -> None:
    classes[name] += 1
    examples[name].append(" ".join(example.split()))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", help="the local copy (default: $MUNTADA_CORPUS or ~/.cache/muntada-corpus)")
    parser.add_argument("--examples", type=int, default=3, help="examples shown per class (default 3)")
    parser.add_argument("--context", type=int, default=0,
                        help="characters of the article shown before each missed quote or wrong speaker")
    parser.add_argument("--half", choices=("A", "B"),
                        help="only the outlets of one half (study misses on one half, report the other)")
    parser.add_argument("--fresh", action="store_true",
                        help="only the first fresh set (fresh.tsv), studied since 2026-12-02 (never fresh2)")
    options = parser.parse_args(argv)
    articles, _, left_out = corpus_articles(corpus_paths(options.corpus), fresh=options.fresh)
    if options.half:
        halves = outlet_halves(article.outlet for article in articles)
        chosen = set(halves[0] if options.half == "A" else halves[1])
        articles = [article for article in articles if article.outlet in chosen]
    classes: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for article in articles:
        classify(article, classes, examples, options.context)
    print(f"{len(articles)} articles ({len(left_out)} left out: missing or changed)")
    for name in sorted(classes):
        print(f"{classes[name]:5}  {name}")
        if not name.endswith((": found", ": right")):
            for example in examples[name][:options.examples]:
                print(f"         {example[:150 + max(0, options.context) + 12]}")


if __name__ == "__main__":
    main()
