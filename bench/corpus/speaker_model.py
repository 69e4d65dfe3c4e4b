"""Train and measure the learned choice of speaker (``archive/importing/speaker_choice.py``).

Usage, from the repository root::

    .venv/bin/python bench/corpus/speaker_model.py [--corpus DIR] [--oracle | --compare] [--write]

Reads the studied groups only (halves A and B and every fresh set already studied, through
``corpus_articles``; never the held-out set), extracts each article with the model switched off and
keeps every matched quote's candidates as ``extract`` builds them (``speaker_choice.recording``),
each labelled right or wrong by the scorer's own ``right_speaker``.

- ``--oracle``: how often the annotated speaker is among the article's people at all (and among the
  candidates the model sees), for the quotes the rules give right and those they give wrong, and what
  the wrong ones whose person is nowhere look like.
- by default: cross-validation grouped by outlet (``FOLDS`` folds of outlets, every studied group
  pooled): for every setting (the features kept, the L2 penalty, the margin) the right speakers of
  the held-out folds, rules alone against rules + model; the setting with the most is chosen, and its
  figures printed per fold and pooled.
- ``--compare``: every studied group and the regression set scored with the model off and on (quotes,
  right speakers, figures), and the median extraction time an article, off and on alternated.
- ``--write``: trains the chosen setting on every studied quote and writes
  ``archive/importing/speaker_choice.json`` (the same corpus gives the same file, byte for byte), with
  ``"applied": true`` only when the nested cross-validation's held-out right speakers rose with the model
  and no studied group is lower with the final weights; otherwise ``extract`` keeps the rules' choice.
  Whether re-choosing or not, ``"scores_confidence": true`` when the model's chance of a quote's speaker,
  taken out of fold over outlets, makes the quote confidence better (both the expected calibration
  error and the Brier score lower: ``bench/corpus/calibration.py --compare``'s measure); then ``extract``
  gives a quote its rule's match share times that chance (``quote_confidence.with_speaker_chance``).

The logistic regression is ours (``fit_logistic``: Newton's method with an L2 penalty over rows
grouped by identical features), so training needs nothing beyond the standard library.
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import json
import math
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench" / "corpus"))
sys.path.insert(0, str(REPO / "bench"))

from corpus_layout import HELD_OUT_SETS, corpus_paths  # noqa: E402
from corpus_scoring import Article, Score, half_overlap, proposed_quotes, right_speaker, score_article  # noqa: E402
from extraction import corpus_articles, regression_articles  # noqa: E402

from archive.importing import speaker_choice  # noqa: E402
from archive.importing.extraction import extract  # noqa: E402
from archive.importing.speaker_choice import FEATURES, Model, QuoteRows, rechoice  # noqa: E402
from archive.text.names import name_tokens  # noqa: E402

FOLDS = 5
PENALTIES = (0.1, 1.0, 10.0)
MARGINS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)


@dataclass(frozen=True)
class Example:
    """One matched quote: its group and outlet, its candidates and which of them are right."""

    group: str
    outlet: str
    article: str
    rows: QuoteRows
    right: tuple[bool, ...]  # for each candidate
    rules_right: bool  # as the scorer judged the proposal (the rules' choice)
    gold_speaker: str | None
    proposed: str | None
    confidence: float = 0.0  # the proposal's (measured) confidence


def studied_groups(paths) -> list[tuple[str, list[Article]]]:
    """Halves A and B and every studied fresh set, each with its articles (never the held-out set)."""
    groups = [("halves", corpus_articles(paths)[0])]
    groups += [(held.name, corpus_articles(paths, held.name)[0]) for held in HELD_OUT_SETS if held.studied_since]
    return groups


def examples_of(group: str, article: Article) -> list[Example]:
    """The matched quotes of one article with their candidates, the model switched off."""
    with speaker_choice.using(None), speaker_choice.scoring(None), speaker_choice.recording() as recorded:
        proposals = extract(article.text)
    by_span = {(rows.start, rows.end): rows for rows in recorded}
    quotes = proposed_quotes(proposals)
    found = []
    for gold in article.quotes:
        hits = [quote for quote in quotes if half_overlap((gold.start, gold.end), (quote.start, quote.end))]
        if not hits:
            continue
        quote = hits[0]
        rows = by_span.get((quote.start, quote.end))
        rules_right = right_speaker(quote.speaker, gold.speaker, gold.speaker_kind)
        if rows is None:  # a group's words, or nobody's while not recording: nothing to choose among
            rows = QuoteRows(quote.start, quote.end, None, ())
        right = tuple(right_speaker(candidate.person.display_name, gold.speaker, gold.speaker_kind)
                      for candidate in rows.candidates)
        found.append(Example(group, article.outlet, article.name, rows, right, rules_right, gold.speaker,
                             quote.speaker, quote.confidence))
    return found


def collect(paths) -> list[Example]:
    examples = []
    for group, articles in studied_groups(paths):
        for article in articles:
            examples += examples_of(group, article)
    return examples


# --- the oracle ---------------------------------------------------------------------------------------------

def oracle(examples: list[Example]) -> None:
    """Print how often the annotated speaker is among the article's people, right and wrong choices apart."""
    for label, wanted in (("rules right", True), ("rules wrong", False)):
        chosen = [example for example in examples if example.rules_right == wanted]
        everyone = sum(_among_everyone(example) for example in chosen)
        candidates = sum(any(example.right) for example in chosen)
        print(f"{label:12} {len(chosen):5} matched quotes; annotated speaker among the article's people "
              f"{everyone:5} ({everyone / max(1, len(chosen)):.0%}), among the model's candidates {candidates:5}")
    wrong = [example for example in examples if not example.rules_right]
    kinds = Counter(_wrong_kind(example) for example in wrong)
    print("wrong speakers by kind (and the outlets and groups printing them):")
    for kind, count in kinds.most_common():
        where = Counter(f"{example.outlet} ({example.group})" for example in wrong if _wrong_kind(example) == kind)
        print(f"  {count:4}  {kind}, {len(where)} outlets: "
              + ", ".join(f"{place} x{times}" if times > 1 else place for place, times in sorted(where.items())))
    outlets = Counter(example.outlet for example in wrong if any(example.right))
    actionable = sum(any(example.right) and example.rows.chosen is not None for example in wrong)
    print(f"re-choosable wrong speakers (the right person is a candidate): {sum(outlets.values())} "
          f"in {len(outlets)} outlets, {actionable} of them given a named person by the rules (the model's to change; "
          f"the others are a title nobody holds, a body or nobody, left to the rules)")


def _among_everyone(example: Example) -> bool:
    gold = example.gold_speaker
    if not gold:
        return False
    return any(right_speaker(person.display_name, gold) for person in example.rows.everyone)


def _wrong_kind(example: Example) -> str:
    """What a wrong speaker is: another person of the article, a name read short or long, no name at all."""
    if any(example.right):
        return "another candidate is the annotated person (a re-choice can fix it)"
    if _among_everyone(example):
        return "the annotated person is in the article's people but not among the candidates"
    gold, proposed = example.gold_speaker, example.proposed
    if not gold:
        return "annotated with no speaker (a body's words, nobody's), a speaker proposed"
    if not proposed:
        return "no speaker proposed"
    wanted, held = name_tokens(gold), set(name_tokens(proposed))
    people = [set(name_tokens(person.display_name)) for person in example.rows.everyone]
    if wanted and any(wanted[-1] in words or wanted[0] in words for words in people):
        return "the person's name read short or long (part of it held by a person of the article)"
    if held & set(wanted):
        return "the proposed name holds part of the annotated one"
    return "the annotated person is read as nobody (no person of the article holds the name)"



# --- the logistic regression --------------------------------------------------------------------------------

def fit_logistic(rows: Iterable[tuple[tuple[float, ...], bool]], penalty: float,
                 iterations: int = 30) -> tuple[float, list[float]]:
    """The bias and weights maximising the log-likelihood of ``rows`` (features, label) less ``penalty`` / 2
    times the squared weights (the bias is not penalised), by Newton's method over rows grouped by identical
    features. Deterministic: the same rows in the same order give the same floats."""
    grouped: dict[tuple[float, ...], list[int]] = {}
    for features, label in rows:
        grouped.setdefault(features, [0, 0])[int(label)] += 1
    data = [((1.0, *features), counts[1], counts[0]) for features, counts in grouped.items()]
    size = len(data[0][0]) if data else 1
    beta = [0.0] * size
    for _ in range(iterations):
        gradient = [-penalty * value if place else 0.0 for place, value in enumerate(beta)]
        hessian = [[(penalty if row == column and row else 0.0) for column in range(size)] for row in range(size)]
        for x, positives, negatives in data:
            chance = _sigmoid(sum(b * v for b, v in zip(beta, x, strict=True)))
            total = positives + negatives
            residual = positives - total * chance
            weight = total * chance * (1.0 - chance)
            for row, x_row in enumerate(x):
                if x_row == 0.0:
                    continue
                gradient[row] += residual * x_row
                scaled = weight * x_row
                hessian_row = hessian[row]
                for column in range(row, size):
                    hessian_row[column] += scaled * x[column]
        for row in range(size):
            for column in range(row):
                hessian[row][column] = hessian[column][row]
        step = _solve([row[:] for row in hessian], gradient[:])
        beta = [b + d for b, d in zip(beta, step, strict=True)]
        if max(abs(d) for d in step) < 1e-9:
            break
    return beta[0], beta[1:]


def _sigmoid(score: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """x with matrix · x = vector (Gaussian elimination with partial pivoting; a singular column gives 0)."""
    size = len(vector)
    for column in range(size):
        pivot = max(range(column, size), key=lambda row: abs(matrix[row][column]))
        if abs(matrix[pivot][column]) < 1e-12:
            continue
        matrix[column], matrix[pivot] = matrix[pivot], matrix[column]
        vector[column], vector[pivot] = vector[pivot], vector[column]
        for row in range(column + 1, size):
            factor = matrix[row][column] / matrix[column][column]
            if factor:
                for place in range(column, size):
                    matrix[row][place] -= factor * matrix[column][place]
                vector[row] -= factor * vector[column]
    solution = [0.0] * size
    for row in range(size - 1, -1, -1):
        if abs(matrix[row][row]) < 1e-12:
            continue
        rest = sum(matrix[row][place] * solution[place] for place in range(row + 1, size))
        solution[row] = (vector[row] - rest) / matrix[row][row]
    return solution


# --- settings, folds and the measure -------------------------------------------------------------------------

# Features are kept or left out by family; each family is a general fact about who speaks.
FAMILIES = {
    "the rules' choice and the quote's kind": ("rules_choice", "rules_choice_continuation", "rules_choice_direct"),
    "the rules' choice's form": ("rules_choice_named_once", "rules_choice_bare"),
    "the rules' doubt": ("rules_choice_confidence", "rules_choice_doubtful"),
    "position": ("named_at_attribution", "tokens_before", "never_named_before", "tokens_after",
                 "never_named_after", "named_just_before", "named_just_after", "same_sentence", "same_paragraph"),
    "recency": ("latest_named", "second_latest_named", "previous_speaker"),
    "quotes": ("named_inside_this_quote", "named_only_inside_quotes"),
    "form": ("full_name", "has_title", "has_honorific"),
    "gender": ("verb_gender_agrees", "verb_gender_clashes"),
    "prominence": ("mentions", "first_person", "most_named"),
    "other quotes": ("speaks_elsewhere", "speaks_most"),
}
_ALWAYS = "the rules' choice and the quote's kind"


@dataclass(frozen=True)
class Setting:
    """What cross-validation chooses: the families of features left out, the L2 penalty, the margin."""

    left_out: tuple[str, ...]
    penalty: float
    margin: float

    def kept(self) -> tuple[bool, ...]:
        dropped = {name for family in self.left_out for name in FAMILIES[family]}
        return tuple(name not in dropped for name in FEATURES)

    def label(self) -> str:
        without = ", ".join(self.left_out) or "nothing"
        return f"penalty {self.penalty:g}, margin {self.margin:.1f}, without {without}"

    @classmethod
    def from_label(cls, label: str) -> Setting:
        """The setting ``label`` printed (as the weights file keeps it)."""
        penalty, margin, without = label.split(", ", 2)
        left_out = without.removeprefix("without ")
        return cls(() if left_out == "nothing" else tuple(left_out.split(", ")),
                   float(penalty.removeprefix("penalty ")), float(margin.removeprefix("margin ")))


def file_setting() -> Setting:
    """The setting ``speaker_choice.json`` was trained with."""
    data = json.loads(speaker_choice.WEIGHTS_FILE.read_text(encoding="utf-8"))
    return Setting.from_label(data["setting"])


def training_rows(examples: Iterable[Example], kept: tuple[bool, ...]) -> list[tuple[tuple[float, ...], bool]]:
    """One row per candidate of each quote the rules gave a person, its features masked by ``kept``."""
    return [(tuple(value if keep else 0.0 for value, keep in zip(candidate.features, kept, strict=True)), right)
            for example in examples if example.rows.chosen is not None
            for candidate, right in zip(example.rows.candidates, example.right, strict=True)]


def model_of(examples: Iterable[Example], kept: tuple[bool, ...], penalty: float, margin: float) -> Model:
    bias, weights = fit_logistic(training_rows(examples, kept), penalty)
    return Model(tuple(weight if keep else 0.0 for weight, keep in zip(weights, kept, strict=True)), bias, margin)


def right_after(example: Example, model: Model | None) -> bool:
    """Whether the quote's speaker is right once the model has had its say (the rules' verdict without one)."""
    if model is None or example.rows.chosen is None:
        return example.rules_right
    place = rechoice(example.rows, model)
    return example.rules_right if place == example.rows.chosen else bool(place is not None and example.right[place])


def outlet_folds(examples: Sequence[Example], folds: int = FOLDS) -> dict[str, int]:
    """Each outlet's fold: outlets in the order of the sha256 of their slug, each to the fold with the fewest
    quotes so far (stable, unrelated to how well the rules do on them)."""
    counts = Counter(example.outlet for example in examples)
    sizes = [0] * folds
    fold_of = {}
    for outlet in sorted(counts, key=lambda slug: hashlib.sha256(slug.encode("utf-8")).hexdigest()):
        fold = min(range(folds), key=lambda place: (sizes[place], place))
        fold_of[outlet] = fold
        sizes[fold] += counts[outlet]
    return fold_of


def settings() -> list[Setting]:
    """Every family kept, or one family left out; every penalty; every margin."""
    drops: list[tuple[str, ...]] = [(), *((family,) for family in FAMILIES if family != _ALWAYS)]
    return [Setting(left_out, penalty, margin) for left_out in drops for penalty in PENALTIES for margin in MARGINS]


def cross_validate(examples: list[Example], candidates: list[Setting],
                   fold_of: dict[str, int]) -> dict[Setting, list[int]]:
    """Right speakers of each held-out fold for each setting (one fit per features and penalty and fold)."""
    results: dict[Setting, list[int]] = {}
    folds = sorted(set(fold_of.values()))
    fits: dict[tuple[tuple[str, ...], float, int], Model] = {}
    for setting in candidates:
        per_fold = []
        for fold in folds:
            key = (setting.left_out, setting.penalty, fold)
            if key not in fits:
                fits[key] = model_of([e for e in examples if fold_of[e.outlet] != fold], setting.kept(),
                                     setting.penalty, 0.0)
            fitted = fits[key]
            model = Model(fitted.weights, fitted.bias, setting.margin)
            per_fold.append(sum(right_after(e, model) for e in examples if fold_of[e.outlet] == fold))
        results[setting] = per_fold
    return results


def best_setting(results: dict[Setting, list[int]]) -> Setting:
    """The setting with the most right speakers out of fold; on a tie the larger margin, the larger penalty,
    the fewer features (the more cautious model)."""
    return max(results, key=lambda s: (sum(results[s]), s.margin, s.penalty, len(s.left_out), s.label()))


def weights_file(model: Model, setting: Setting, quotes: int, held_out: tuple[int, int] = (0, 0),
                 dropped: tuple[str, ...] = (), confidence: dict[str, dict[str, float]] | None = None) -> str:
    """The weights file's text: the features in the code's order, rounded so the file is stable."""
    data = {
        "about": "Weights of archive/importing/speaker_choice.py, written by bench/corpus/speaker_model.py --write "
                 "from the studied groups of the real-press corpus; never edit by hand.",
        "setting": setting.label(),
        "trained_on_matched_quotes": quotes,
        # applied only when it held out of fold: right speakers of the held-out outlets, rules alone and with
        # the model (nested cross-validation), higher with it, and no studied group lower in sample
        "applied": held_out[1] > held_out[0] and not dropped,
        "right_speakers_held_out": {"rules": held_out[0], "with_the_model": held_out[1]},
        "studied_groups_lower": list(dropped),
        # its chance of a quote's speaker scores the quote's confidence only when, out of fold over outlets, that
        # lowered both the expected calibration error and the Brier score (bench/corpus/calibration.py --compare)
        "scores_confidence": bool(confidence) and all(
            confidence["with_the_chance"][name] < confidence["today"][name] for name in ("ece", "brier")),
        "confidence_out_of_fold": confidence or {},
        "bias": round(model.bias, 6),
        "margin": setting.margin,
        "weights": {name: round(weight, 6) for name, weight in zip(FEATURES, model.weights, strict=True)},
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"



def nested_choice(examples: list[Example], fold_of: dict[str, int]) -> list[tuple[Setting, Model]]:
    """For each outer fold, the setting chosen by cross-validation over the other folds' outlets alone, and
    the model it trains on them: the held-out fold plays no part in choosing or training."""
    chosen = []
    for fold in sorted(set(fold_of.values())):
        inner = [example for example in examples if fold_of[example.outlet] != fold]
        setting = best_setting(cross_validate(inner, settings(), outlet_folds(inner, FOLDS - 1)))
        chosen.append((setting, model_of(inner, setting.kept(), setting.penalty, setting.margin)))
    return chosen


def changes(examples: Iterable[Example], model: Model) -> tuple[int, int, int]:
    """Speakers the model changes, how many of those become right, how many were right before."""
    changed = fixed = broken = 0
    for example in examples:
        if example.rows.chosen is None or rechoice(example.rows, model) == example.rows.chosen:
            continue
        changed += 1
        after = right_after(example, model)
        fixed += after and not example.rules_right
        broken += example.rules_right and not after
    return changed, fixed, broken


def report_folds(examples: list[Example], fold_of: dict[str, int],
                 models: list[tuple[Setting, Model]]) -> tuple[int, int]:
    """Right speakers of each held-out fold, rules alone and with its model, and pooled (returned)."""
    total_rules = total_model = total_quotes = 0
    for fold, (setting, model) in enumerate(models):
        held = [example for example in examples if fold_of[example.outlet] == fold]
        rules = sum(example.rules_right for example in held)
        after = sum(right_after(example, model) for example in held)
        changed, fixed, broken = changes(held, model)
        outlets = len({example.outlet for example in held})
        print(f"  fold {fold + 1}: {outlets:3} outlets {len(held):4} matched quotes  rules {rules:4} "
              f"({rules / len(held):.1%})  with the model {after:4} ({after / len(held):.1%})  "
              f"changed {changed} (fixed {fixed}, broken {broken})  [{setting.label()}]")
        total_rules, total_model, total_quotes = total_rules + rules, total_model + after, total_quotes + len(held)
    print(f"  pooled: {total_quotes} matched quotes  rules {total_rules} ({total_rules / total_quotes:.2%})  "
          f"with the model {total_model} ({total_model / total_quotes:.2%})  net {total_model - total_rules:+d}")
    return total_rules, total_model


def report_groups(examples: list[Example], model: Model) -> tuple[str, ...]:
    """Each studied group's right speakers, rules alone and with the final model (in sample: flattering); the
    groups the model lowers."""
    dropped = []
    for group in dict.fromkeys(example.group for example in examples):
        held = [example for example in examples if example.group == group]
        rules = sum(example.rules_right for example in held)
        after = sum(right_after(example, model) for example in held)
        changed, fixed, broken = changes(held, model)
        print(f"  {group:8} {len(held):4} matched  rules {rules:4} ({rules / len(held):.1%})  "
              f"with the model {after:4} ({after / len(held):.1%})  changed {changed} (fixed {fixed}, broken {broken})")
        if after < rules:
            dropped.append(group)
    return tuple(dropped)



def report_doubt(examples: list[Example], fold_of: dict[str, int], models: list[Model]) -> None:
    """How well each held-out fold's model tells a right speaker of the rules from a wrong one: the area under
    the ROC curve of its chance of the rules' choice, against the proposal's confidence, and bands of it."""
    points = [(models[fold_of[e.outlet]].chance(e.rows.candidates[0].features), e.confidence, e.rules_right)
              for e in examples if e.rows.chosen is not None]
    print(f"  area under the ROC curve, right against wrong speakers ({len(points)} quotes given a person): "
          f"the model's chance {_auc([(chance, right) for chance, _, right in points]):.3f}, "
          f"the quote's measured confidence {_auc([(confidence, right) for _, confidence, right in points]):.3f}")
    for low, high in ((0.0, 0.5), (0.5, 0.8), (0.8, 0.9), (0.9, 0.95), (0.95, 1.01)):
        band = [right for chance, _, right in points if low <= chance < high]
        share = f"{sum(band) / len(band):.0%}" if band else "-"
        print(f"  the model's chance {low:.2f}-{min(high, 1.0):.2f}: {len(band):5} quotes, {share} right speakers")


def _auc(points: list[tuple[float, bool]]) -> float:
    """The chance that a right one scores above a wrong one (ties count half)."""
    wrong = sorted(score for score, right in points if not right)
    rights = [score for score, right in points if right]
    if not wrong or not rights:
        return 1.0
    above = sum(bisect.bisect_left(wrong, score) + (bisect.bisect_right(wrong, score)
                                                     - bisect.bisect_left(wrong, score)) / 2 for score in rights)
    return above / (len(wrong) * len(rights))



def compare(paths, rounds: int = 3) -> None:
    """Each studied group and the regression set scored with the model off and on (the scorer's own
    ``score_article``), and the median extraction time an article, off and on alternated over ``rounds``."""
    groups = [*studied_groups(paths), ("regression", regression_articles())]
    for group, articles in groups:
        line = f"  {group:10}"
        for label, model in (("off", None), ("on", speaker_choice.trained_model())):
            total = Score()
            with speaker_choice.using(model):
                for article in articles:
                    total.add(score_article(article, extract, continuations=group != "regression"))
            qp, qr, _ = total.quotes()
            fp, fr, _ = total.figures()
            line += (f"  {label}: quotes P {qp:.3f} R {qr:.3f}, right speakers {total.right_speakers}/"
                     f"{total.quotes_matched_gold}, figures P {fp:.3f} R {fr:.3f}")
        print(line)
    texts = [article.text for _, articles in groups for article in articles]
    for round_number in range(rounds):
        medians = {}
        order = ("off", "on") if round_number % 2 == 0 else ("on", "off")  # alternated: neither always runs first
        for label in order:
            with speaker_choice.using(speaker_choice.trained_model() if label == "on" else None):
                times = []
                for text in texts:
                    began = time.perf_counter()
                    extract(text)
                    times.append(time.perf_counter() - began)
            medians[label] = statistics.median(times) * 1000
        print(f"  round {round_number + 1}: median extraction {medians['off']:.2f} ms an article off, "
              f"{medians['on']:.2f} ms on ({len(texts)} texts; ratio {medians['on'] / medians['off']:.2f})")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--oracle", action="store_true")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--compare", action="store_true",
                        help="every group scored with the model off and on, and timed")
    arguments = parser.parse_args(argv)
    if arguments.compare:
        compare(corpus_paths(arguments.corpus))
        return 0
    examples = collect(corpus_paths(arguments.corpus))
    if arguments.oracle:
        oracle(examples)
        return 0
    fold_of = outlet_folds(examples)
    print(f"{len(examples)} matched quotes of {len(fold_of)} outlets, {FOLDS} folds of outlets")
    print("Nested cross-validation (each fold's setting chosen on the other folds alone):")
    held_out = report_folds(examples, fold_of, nested_choice(examples, fold_of))
    results = cross_validate(examples, settings(), fold_of)
    setting = best_setting(results)
    print(f"Setting chosen by cross-validation over all {FOLDS} folds: {setting.label()}")
    folds = [model_of([e for e in examples if fold_of[e.outlet] != fold], setting.kept(), setting.penalty,
                      setting.margin) for fold in range(FOLDS)]
    report_folds(examples, fold_of, [(setting, model) for model in folds])
    print("The doubt it sees in the rules' choice, out of fold:")
    report_doubt(examples, fold_of, folds)
    final = model_of(examples, setting.kept(), setting.penalty, setting.margin)
    print("In sample, trained on every studied group (flattering: the model has seen these quotes):")
    dropped = report_groups(examples, final)
    applied = held_out[1] > held_out[0] and not dropped
    print(f"Applied in extract: {'yes' if applied else 'no'} (nested out of fold {held_out[0]} -> {held_out[1]} right "
          f"speakers; studied groups lower in sample: {', '.join(dropped) or 'none'})")
    if arguments.write:
        import calibration  # its measure of the quote confidence; it imports this module

        print("The quote confidence with this setting's chance, out of fold:")
        old, new = calibration.compare_report(calibration.out_of_fold_scores(corpus_paths(arguments.corpus), setting,
                                                                             examples), "every studied group pooled")
        confidence = {label: {"ece": round(value.ece, 4), "brier": round(value.brier, 4), "auc": round(value.auc, 4)}
                      for label, value in (("today", old), ("with_the_chance", new))}
        text = weights_file(final, setting, len(examples), held_out, dropped, confidence)
        speaker_choice.WEIGHTS_FILE.write_text(text, encoding="utf-8")
        print(f"written: {speaker_choice.WEIGHTS_FILE.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
