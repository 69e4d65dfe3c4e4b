"""Count the extraction's misses on the real-press corpus by class, to say where rework pays.

Usage, from the repository root::

    .venv/bin/python bench/corpus/miss_classes.py [--corpus DIR] [--examples N] [--half A|B] [--context N]
                                                  [--fresh | --fresh2 | ... | --fresh10 | --fresh11]

With ``--context N`` each example of a missed quote or a wrong speaker shows the N characters of the
article before it (line breaks as ⏎), which is where the attribution is. A fresh set that has been
studied is listed only when asked (its articles alone): ``--fresh`` (``fresh.tsv``, studied from the
fourth session of 2 December 2026 on), ``--fresh2`` (``fresh2.tsv``, from 2026-12-02 18:00 on), ``--fresh3``
(``fresh3.tsv``, from 2026-12-02 20:00 on), ``--fresh4`` (``fresh4.tsv``, from 2026-12-02 21:00 on), ``--fresh5``
(``fresh5.tsv``, from 2026-12-02 21:15 on), ``--fresh6`` (``fresh6.tsv``, from 2026-12-02 21:35 on),
``--fresh7`` (``fresh7.tsv``, from 2026-12-02 21:50 on), ``--fresh8`` (``fresh8.tsv``, from 2026-12-02 22:40 on),
``--fresh9`` (``fresh9.tsv``, from 2026-12-03 00:25 on), ``--fresh10`` (``fresh10.tsv``, from 2026-12-03 04:45 on),
``--fresh11`` (``fresh11.tsv``, from 2026-12-03 07:00 on).
The set still held out (``fresh12.tsv``, the last of ``HELD_OUT_SETS``) is never listed: rules are not studied on it.

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
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench" / "corpus"))
sys.path.insert(0, str(REPO / "bench"))

from corpus_layout import HELD_OUT_SETS, CorpusPaths, corpus_paths  # noqa: E402
from corpus_scoring import Article, any_overlap, half_overlap, outlet_halves, proposed_quotes, right_speaker  # noqa: E402
from extraction import corpus_articles  # noqa: E402

from archive.importing.extraction import extract  # noqa: E402
from archive.text.names import name_tokens  # noqa: E402

STUDIED_SETS = tuple(held_out for held_out in HELD_OUT_SETS if held_out.studied_since)  # the held-out one never


def articles_to_class(paths: CorpusPaths, studied: str | None = None,
                      **facts: Any) -> tuple[list[Article], list[str]]:
    """The articles whose misses are classed: the corpus without the fresh sets, or a studied fresh
    set alone (never the held-out one); and why others were left out."""
    if studied is not None and studied not in {held_out.name for held_out in STUDIED_SETS}:
        raise ValueError(f"{studied} is held out: its misses are not studied")
    articles, _, left_out = corpus_articles(paths, studied, **facts)
    return articles, left_out


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
    studied = parser.add_mutually_exclusive_group()
    for held_out in STUDIED_SETS:
        studied.add_argument(f"--{held_out.name}", action="store_true", help=(
            f"only the {held_out.ordinal} fresh set ({held_out.file_name}), studied since {held_out.studied_since}"))
    options = parser.parse_args(argv)
    chosen = [held_out.name for held_out in STUDIED_SETS if getattr(options, held_out.name)]
    articles, left_out = articles_to_class(corpus_paths(options.corpus), chosen[0] if chosen else None)
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
