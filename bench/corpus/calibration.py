"""Whether the extraction's confidence means something: proposals by confidence band, and how many hold.

Usage, from the repository root::

    .venv/bin/python bench/corpus/calibration.py [--corpus DIR] [--fresh | --fresh2 | ... | --fresh12]
    .venv/bin/python bench/corpus/calibration.py --write-table
    .venv/bin/python bench/corpus/calibration.py --compare [--fresh | ... | --fresh12]

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
It also counts the proposals whose words matched, so that a rule's share splits into its share of
matching words and, of those, of right speakers. Never on the held-out set.

``--compare`` measures the quote confidence today (the rule's share) against the one that carries the
speaker model's doubt (the rule's share of matching words times ``speaker_choice``'s chance of the
chosen person), on every quote proposal of the studied groups pooled, for the target "matches an
annotated quote and names the right speaker": expected calibration error over ten bands, Brier score,
area under the ROC curve, and the table by tenth of confidence. The chance of an article's quotes is
taken from a model trained on the other folds' outlets (``speaker_model``'s folds and the weights
file's setting); the match shares are the table's, in sample as today's shares are. ``speaker_model.py
--write`` sets ``"scores_confidence"`` by this measure (both the ECE and the Brier score lower).
``--compare --<studied set>`` prints that set's part; ``--compare --<held-out set>`` scores that set
with the weights file's model (trained on the studied groups only) and prints aggregates only.
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

import speaker_model  # noqa: E402
from corpus_layout import HELD_OUT_SETS, CorpusPaths, HeldOutSet, corpus_paths  # noqa: E402
from corpus_scoring import Article, any_overlap, half_overlap, proposed_quotes, right_speaker  # noqa: E402
from extraction import corpus_articles  # noqa: E402

from archive.importing import quote_confidence, speaker_choice  # noqa: E402
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
    counts: dict[str, dict[float, list[int]]] = {}  # reason -> case -> [proposed, right, matched]
    with quote_confidence.hand_set():
        for article in articles:
            for quote in proposed_quotes(extract(article.text)):
                matched, right = quote_verdict(article, quote)
                case = counts.setdefault(quote.reason, {}).setdefault(round(quote.confidence, 2), [0, 0, 0])
                case[0] += 1
                case[1] += right
                case[2] += matched
    table = {}
    for reason, cases in sorted(counts.items(), key=lambda item: (-sum(c[0] for c in item[1].values()), item[0])):
        table[reason] = {"proposed": sum(c[0] for c in cases.values()), "right": sum(c[1] for c in cases.values()),
                         "matched": sum(c[2] for c in cases.values()),
                         "cases": {f"{case:.2f}": {"proposed": n, "right": k, "matched": m}
                                   for case, (n, k, m) in sorted(cases.items(), reverse=True)}}
    return table


def write_table(articles: list[Article], path: Path = TABLE) -> None:
    """Write the measured rules where ``archive.importing.quote_confidence`` reads them."""
    about = (f"Each quote rule (a proposal's reason) measured on {len(articles)} studied articles of the real-press "
             "corpus (halves A and B and the studied fresh sets, never the held-out one) with its hand-set "
             "confidence: proposals made, proposals matched (the words match an annotated quote), proposals "
             "right (matched, and the speaker holds the annotated person's first and last name), overall and for "
             "each hand-set confidence. "
             "Written by bench/corpus/calibration.py --write-table; read by archive/importing/quote_confidence.py.")
    data = {"_about": about, "rules": rule_table(articles)}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


# --- the speaker model's chance in the confidence, measured out of fold ------------------------------------------

TEN_BANDS = 10  # bands of the expected calibration error


@dataclass(frozen=True)
class Scored:
    """One quote proposal: its group, its confidence today and with the speaker model's chance, and whether it
    is right (its words match an annotated quote and its speaker holds the person's first and last name)."""

    group: str
    old: float
    new: float
    right: bool
    changed: bool  # the speaker model's chance changed its confidence


def score_proposals(group: str, article: Article, model: speaker_choice.Model | None,
                    rechoose: bool) -> list[Scored]:
    """Each quote of ``article`` with its confidence without a speaker chance and with ``model``'s."""
    with speaker_choice.using(model if rechoose else None):
        with speaker_choice.scoring(None):
            old = proposed_quotes(extract(article.text))
        with speaker_choice.scoring(model):
            new = proposed_quotes(extract(article.text))
    scored = []
    for before, after in zip(old, new, strict=True):
        assert (before.start, before.end, before.speaker) == (after.start, after.end, after.speaker)
        _, right = quote_verdict(article, after)
        scored.append(Scored(group, before.confidence, after.confidence, right,
                             before.confidence != after.confidence))
    return scored


def out_of_fold_scores(paths: CorpusPaths, setting: speaker_model.Setting | None = None,
                       examples: list[speaker_model.Example] | None = None) -> list[Scored]:
    """Every quote proposal of the studied groups, its speaker chance taken from a model trained on the other folds'
    outlets (``speaker_model``'s folds, ``setting`` or that of ``speaker_choice.json``); the match shares are the
    table's (in sample, as today's shares are). ``examples``: the studied matched quotes, when already collected."""
    groups = speaker_model.studied_groups(paths)
    if examples is None:
        examples = [example for group, articles in groups for article in articles
                    for example in speaker_model.examples_of(group, article)]
    fold_of = speaker_model.outlet_folds(examples)
    setting = setting or speaker_model.file_setting()
    models = [speaker_model.model_of([e for e in examples if fold_of[e.outlet] != fold], setting.kept(),
                                     setting.penalty, setting.margin) for fold in range(speaker_model.FOLDS)]
    rechoose = speaker_choice.load_model() is not None
    return [scored for group, articles in groups for article in articles
            for scored in score_proposals(group, article, models[fold_of.get(article.outlet, 0)], rechoose)]


def held_out_scores(articles: list[Article], name: str) -> list[Scored]:
    """Every quote proposal of a set no model has seen, its chance the weights file's model's."""
    model = speaker_choice.trained_model()
    rechoose = speaker_choice.load_model() is not None
    return [scored for article in articles for scored in score_proposals(name, article, model, rechoose)]


@dataclass(frozen=True)
class Measure:
    """How well a confidence says which proposals are right."""

    ece: float  # expected calibration error over ``TEN_BANDS`` bands
    brier: float
    auc: float


def measure(points: list[tuple[float, bool]]) -> Measure:
    """ECE, Brier score and area under the ROC curve of (confidence, right) pairs."""
    bands: dict[int, list[tuple[float, bool]]] = {}
    for confidence, right in points:
        bands.setdefault(min(TEN_BANDS - 1, int(confidence * TEN_BANDS)), []).append((confidence, right))
    ece = sum(abs(sum(c for c, _ in band) - sum(r for _, r in band)) for band in bands.values()) / max(1, len(points))
    brier = sum((confidence - right) ** 2 for confidence, right in points) / max(1, len(points))
    return Measure(ece, brier, speaker_model._auc(points))


def band_table(scored: list[Scored]) -> list[str]:
    """Lines: for each tenth of confidence, the proposals in it today and with the chance, and the share right."""
    lines = [f"  {'confidence':10}  {'today':>22}  {'with the speaker chance':>24}"]
    for band in range(TEN_BANDS - 1, -1, -1):
        cells = []
        for value in (lambda s: s.old, lambda s: s.new):
            held = [s.right for s in scored if min(TEN_BANDS - 1, int(value(s) * TEN_BANDS)) == band]
            cells.append(f"{len(held):5} proposed {sum(held) / len(held):4.0%} right" if held else f"{'-':>22}")
        lines.append(f"  {band / TEN_BANDS:.1f}-{(band + 1) / TEN_BANDS:.1f}     {cells[0]:>22}  {cells[1]:>24}")
    return lines


def compare_report(scored: list[Scored], heading: str, details: bool = True) -> tuple[Measure, Measure]:
    """Print today's confidence against the one with the speaker chance (target: matched and right speaker) and
    return both measures. ``details`` adds the table by band (never for the held-out set: aggregates only)."""
    old = measure([(s.old, s.right) for s in scored])
    new = measure([(s.new, s.right) for s in scored])
    print(f"Quote confidence today and with the speaker model's chance, {heading}: {len(scored)} proposals, "
          f"{sum(s.right for s in scored)} right, {sum(s.changed for s in scored)} changed by the speaker model's "
          "chance")
    for label, value in (("today", old), ("with the chance", new)):
        print(f"  {label:16} ECE {value.ece:.4f}  Brier {value.brier:.4f}  area under the ROC curve {value.auc:.3f}")
    if details:
        print("\n".join(band_table(scored)))
    return old, new


def chance_helps(old: Measure, new: Measure) -> bool:
    """Whether the confidence with the speaker chance is better: both its ECE and its Brier score lower."""
    return new.ece < old.ece and new.brier < old.brier


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", help="the local copy (default: $MUNTADA_CORPUS or ~/.cache/muntada-corpus)")
    parser.add_argument("--compare", action="store_true",
                        help="the quote confidence today against the one with the speaker model's chance, out of "
                             "fold over outlets (with a set's option: that set alone; the held-out set's "
                             "aggregates only)")
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
    if options.compare:
        return compare(paths, chosen)
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


def compare(paths: CorpusPaths, chosen: HeldOutSet | None) -> int:
    """``--compare``: out of fold over every studied group pooled, or one set (a studied one out of fold, the
    held-out one with the file's model and aggregates only)."""
    if chosen is not None and not chosen.studied_since:
        articles = corpus_articles(paths, chosen.name)[0]
        if not articles:
            print(f"no article of {chosen.name} found in {paths.root}")
            return 1
        compare_report(held_out_scores(articles, chosen.name), chosen.heading, details=False)
        return 0
    scored = out_of_fold_scores(paths)
    if not scored:
        print(f"no article of the corpus found in {paths.root} (bench/corpus/README.md says how to retrieve it)")
        return 1
    if chosen is not None:
        compare_report([s for s in scored if s.group == chosen.name], f"{chosen.heading}, out of fold")
        return 0
    old, new = compare_report(scored, "every studied group pooled, the speaker chance out of fold over outlets")
    verdict = "better: keep it" if chance_helps(old, new) else "not better on both: keep today's"
    print(f"  with the chance: ECE {new.ece - old.ece:+.4f}, Brier {new.brier - old.brier:+.4f} ({verdict})")
    for group in dict.fromkeys(s.group for s in scored):
        held = [s for s in scored if s.group == group]
        before, after = measure([(s.old, s.right) for s in held]), measure([(s.new, s.right) for s in held])
        print(f"  {group:8} {len(held):5} proposals  ECE {before.ece:.3f} -> {after.ece:.3f}  "
              f"Brier {before.brier:.3f} -> {after.brier:.3f}  AUC {before.auc:.3f} -> {after.auc:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
