"""Whether the extraction's confidence means something: proposals by confidence band, and how many hold.

Usage, from the repository root::

    .venv/bin/python bench/corpus/calibration.py [--corpus DIR] [--fresh | --fresh2 | ... | --fresh12]
    .venv/bin/python bench/corpus/calibration.py --write-table

The review sorts and filters proposals by their confidence (issue 10: "confidence that means
something"). This prints, for each band of confidence, how many quote proposals fall in it, the share
that match an annotated quote (spans overlapping by half of each, as ``corpus_scoring`` matches
them) and, of those, the share whose speaker is right; and the same for figures (a figure matches
when it overlaps an annotated one). A confidence that means something rises with both shares.

Without an option it reads every studied article pooled: halves A and B and each studied fresh set
(``HELD_OUT_SETS`` with ``studied_since``); ``--<name>`` reads one set alone, the held-out one
included: its bands are figures of a measure, not misses to study (no article or quote is printed).

``--write-table`` measures each quote rule (a proposal's ``reason``) on every studied article, with
the rules' hand-set confidences, and writes ``archive/importing/quote_confidence.json``: how many
proposals each rule made and how many were right (matched, right speaker), overall and for each
hand-set confidence, from which ``archive.importing.quote_confidence`` gives each quote its measured one.
Never on the held-out set.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench" / "corpus"))
sys.path.insert(0, str(REPO / "bench"))

from corpus_layout import HELD_OUT_SETS, CorpusPaths, corpus_paths  # noqa: E402
from corpus_scoring import Article, any_overlap, half_overlap, proposed_quotes, right_speaker  # noqa: E402
from extraction import corpus_articles  # noqa: E402

from archive.importing import quote_confidence  # noqa: E402
from archive.importing.extraction import Proposals, QuoteProposal, extract  # noqa: E402

TABLE = REPO / "archive" / "importing" / "quote_confidence.json"

BANDS = ((0.8, "0.80-1.00"), (0.6, "0.60-0.79"), (0.4, "0.40-0.59"), (0.0, "0.00-0.39"))  # highest first


@dataclass
class Band:
    """Proposals of one confidence band: how many, how many match, how many of those name the right speaker."""

    label: str
    proposed: int = 0
    matched: int = 0
    right_speakers: int = 0

    def line(self, what: str, speakers: bool) -> str:
        matched = f"{self.matched / self.proposed:5.0%}" if self.proposed else "    -"
        line = f"  {what:8} {self.label}  {self.proposed:5} proposed  {matched} match an annotation"
        if speakers:
            right = f"{self.right_speakers / self.matched:5.0%}" if self.matched else "    -"
            line += f"  {right} of those with the right speaker"
        return line


def band_of(confidence: float) -> str:
    """The label of the band a confidence falls in."""
    return next(label for floor, label in BANDS if confidence >= floor)


def quote_verdict(article: Article, quote: QuoteProposal) -> tuple[bool, bool]:
    """Whether ``quote`` matches an annotated quote of ``article`` (spans overlapping by half of each), and
    whether it is right: matched, and its speaker holds the annotated person's first and last name."""
    gold = next((gold for gold in article.quotes if half_overlap((gold.start, gold.end), (quote.start, quote.end))),
                None)
    return gold is not None, gold is not None and right_speaker(quote.speaker, gold.speaker, gold.speaker_kind)


def calibrate(articles: Iterable[Article],
              extract_text: Callable[[str], Proposals] = extract) -> tuple[dict[str, Band], dict[str, Band]]:
    """Quote and figure proposals of ``articles`` counted by confidence band (keys: ``BANDS``' labels)."""
    quotes = {label: Band(label) for _, label in BANDS}
    figures = {label: Band(label) for _, label in BANDS}
    for article in articles:
        proposals = extract_text(article.text)
        for quote in proposed_quotes(proposals):
            band = quotes[band_of(quote.confidence)]
            band.proposed += 1
            matched, right = quote_verdict(article, quote)
            band.matched += matched
            band.right_speakers += right
        for figure in proposals.statistics:
            band = figures[band_of(figure.confidence)]
            band.proposed += 1
            band.matched += any(any_overlap((gold.start, gold.end), (figure.start, figure.end))
                                for gold in article.figures)
    return quotes, figures


def studied_articles(paths: CorpusPaths) -> list[Article]:
    """Halves A and B and every studied fresh set, pooled (never the set held out)."""
    articles = corpus_articles(paths)[0]
    for held_out in HELD_OUT_SETS:
        if held_out.studied_since:
            articles += corpus_articles(paths, held_out.name)[0]
    return articles


def rule_table(articles: list[Article]) -> dict[str, dict]:
    """Each quote rule's proposals on ``articles``, with its hand-set confidences: how many, how many right
    (matching an annotated quote, with the right speaker), overall and for each hand-set confidence."""
    counts: dict[str, dict[float, list[int]]] = {}
    with quote_confidence.hand_set():
        for article in articles:
            for quote in proposed_quotes(extract(article.text)):
                _, right = quote_verdict(article, quote)
                case = counts.setdefault(quote.reason, {}).setdefault(round(quote.confidence, 2), [0, 0])
                case[0] += 1
                case[1] += right
    table = {}
    for reason, cases in sorted(counts.items(), key=lambda item: (-sum(n for n, _ in item[1].values()), item[0])):
        table[reason] = {"proposed": sum(n for n, _ in cases.values()), "right": sum(k for _, k in cases.values()),
                         "cases": {f"{case:.2f}": {"proposed": n, "right": k}
                                   for case, (n, k) in sorted(cases.items(), reverse=True)}}
    return table


def write_table(articles: list[Article], path: Path = TABLE) -> None:
    """Write the measured rules where ``archive.importing.quote_confidence`` reads them."""
    about = (f"Each quote rule (a proposal's reason) measured on {len(articles)} studied articles of the real-press "
             "corpus (halves A and B and the studied fresh sets, never the held-out one) with its hand-set "
             "confidence: proposals made, proposals right (the words match an annotated quote and the speaker "
             "holds the annotated person's first and last name), overall and for each hand-set confidence. "
             "Written by bench/corpus/calibration.py --write-table; read by archive/importing/quote_confidence.py.")
    data = {"_about": about, "rules": rule_table(articles)}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", help="the local copy (default: $MUNTADA_CORPUS or ~/.cache/muntada-corpus)")
    sets = parser.add_mutually_exclusive_group()
    sets.add_argument("--write-table", action="store_true",
                      help="measure each quote rule on the studied articles and write its table "
                           "(archive/importing/quote_confidence.json)")
    for held_out in HELD_OUT_SETS:
        sets.add_argument(f"--{held_out.name}", action="store_true", help=f"the {held_out.ordinal} fresh set alone")
    options = parser.parse_args(argv)
    paths = corpus_paths(options.corpus)
    if options.write_table:
        articles = studied_articles(paths)
        if not articles:
            print(f"no article of the corpus found in {paths.root} (bench/corpus/README.md says how to retrieve it)")
            return 1
        write_table(articles)
        print(f"{TABLE.relative_to(REPO)}: {len(articles)} studied articles measured")
        return 0
    chosen = next((held_out for held_out in HELD_OUT_SETS if getattr(options, held_out.name)), None)
    if chosen is None:
        articles, heading = studied_articles(paths), "every studied article (halves A and B and the studied fresh sets)"
    else:
        articles, heading = corpus_articles(paths, chosen.name)[0], chosen.heading
    if not articles:
        print(f"no article of the corpus found in {paths.root} (bench/corpus/README.md says how to retrieve it)")
        return 1
    quotes, figures = calibrate(articles)
    print(f"Confidence bands, {heading}: {len(articles)} articles")
    for _, label in BANDS:
        print(quotes[label].line("quotes", speakers=True))
    for _, label in BANDS:
        print(figures[label].line("figures", speakers=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
