"""Benchmark: extraction quality on real press and on our regression set, extraction speed, import throughput.

Run from the repository root::

    .venv/bin/python bench/extraction.py [--corpus DIR] [--misses] [--no-import]
                                         [--fresh | --fresh2 | ... | --fresh11 | --fresh12]

Two sets of annotated articles are scored (rules in ``bench/corpus/corpus_scoring.py``):

- **The real-press corpus** (``bench/corpus/``, issue 10): articles by others, from outlets of many
  countries, annotated with every quote and figure. Scored when its local copy is present
  (``--corpus DIR``, else ``$MUNTADA_CORPUS``, else ``~/.cache/muntada-corpus``; see
  ``bench/corpus/README.md``): overall, per outlet, and leave-outlets-out (the outlets split once
  into halves A and B by a stable hash of their slug, balanced by article count: tune on one half,
  quote the figures of the other). This is the measure of the extraction.
- **The regression set**: the shared samples' gold (``../shared/samples/gold``) and our own
  annotations (``bench/annotations/``), seven articles written to our rules. Expected to stay at
  1.00; a drop means a regression, a 1.00 means nothing about other newspapers. Scored as before
  the corpus: ``further_quotes`` (continuations) are not counted, as its annotations leave most out.

**The fresh sets** (``HELD_OUT_SETS`` in ``bench/corpus/corpus_layout.py``): articles from outlets
in no other set, annotated by someone who never studied the extraction's misses, kept apart so that
rules are never tuned on them. Each is left out of everything above (overall, per country, per
outlet, halves, the other sets' tables and ``miss_classes.py``); ``--<name>`` prints its table
instead (totals, per country and per outlet, and with ``--misses`` its misses). **The twelfth,
``--fresh12`` (``bench/corpus/fresh12.tsv``, a stratified sample of the Arab national press drawn as the
ninth to eleventh were), is the measure now**: look at it rarely, once seen a miss on it is no longer unseen.
The first eleven (``--fresh`` ... ``--fresh11``; since when each is studied is in ``HELD_OUT_SETS``) were held out
the same way until their misses were studied; their tables are
still printed on request, to compare round to round.

``--misses`` lists every missed, extra and wrongly attributed quote and figure of the corpus,
article by article (``bench/corpus/miss_classes.py --half A`` counts them by class). Targets (issue
10, on the half of the outlets not tuned on): quotes F1 >= 0.85 with >= 90% right speakers; figures
F1 >= 0.95; one article in <= 50 ms; 1,000 articles imported in <= 60 s.
"""

from __future__ import annotations

import argparse
import json
import statistics as stats
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench" / "corpus"))

from corpus_layout import (  # noqa: E402
    ANNOTATIONS,
    HELD_OUT_SETS,
    MANIFEST,
    CorpusError,
    CorpusPaths,
    HeldOutSet,
    corpus_paths,
    halves_ids,
    held_out_ids,
    read_annotation,
    read_manifest,
    read_text,
    sha256_hex,
    span_text,
)
from corpus_scoring import Article, GoldFigure, GoldQuote, Score, outlet_halves, score_article  # noqa: E402

from archive.importing.extraction import extract  # noqa: E402

SHARED = REPO.parent / "shared" / "samples"
OWN = REPO / "bench" / "annotations"


def regression_articles() -> list[Article]:
    """The seven articles annotated to our rules (shared samples and our own), as spans."""
    found = []
    for gold_dir, article_dir in ((SHARED / "gold", SHARED / "articles"), (OWN, OWN / "articles")):
        for gold_path in sorted(gold_dir.glob("*.json")) if gold_dir.is_dir() else []:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            text = (article_dir / gold["article"]).read_text(encoding="utf-8")
            taken: set[int] = set()
            quotes = tuple(GoldQuote(*snippet_span(text, quote["text"], taken), quote["speaker"], quote["type"])
                           for quote in gold["quotes"])
            taken = set()
            figures = tuple(GoldFigure(*snippet_span(text, figure["text"], taken)) for figure in gold["statistics"])
            found.append(Article(gold["article"], gold["outlet"], text, quotes, figures))
    return found


def snippet_span(text: str, snippet: str, taken: set[int]) -> tuple[int, int]:
    """The span of an annotated snippet (an exact substring); repeated snippets take successive places."""
    start = text.find(snippet)
    while start in taken:
        start = text.find(snippet, start + 1)
    if start < 0:
        raise ValueError(f"annotated text not in the article: {snippet[:40]}")
    taken.add(start)
    return start, start + len(snippet)


def corpus_articles(paths: CorpusPaths, held_out: str | None = None, manifest: Path = MANIFEST,
                    annotations: Path = ANNOTATIONS, lists: dict[str, Path] | None = None,
                    ) -> tuple[list[Article], dict[str, str], list[str]]:
    """The corpus articles present and unchanged, each outlet's country, and why others were left out.

    Without ``held_out`` every fresh set (``HELD_OUT_SETS``, read from ``lists[name]``, else from the
    list beside the manifest) is left out, silently, and a row that ``halves.tsv`` does not list
    either is left out with a note; with a set's name, that set's articles alone (less any listed
    in another set too).
    """
    articles, countries, left_out = [], {}, []
    sets = held_out_ids(manifest, lists)
    if held_out is not None:
        others = set().union(*(ids for name, ids in sets.items() if name != held_out))
        wanted = sets[held_out] - others
    else:
        listed = set().union(*sets.values())
        halves = halves_ids(manifest, lists)
    for article_id, row in sorted(read_manifest(manifest).items()):
        if held_out is not None:
            if article_id not in wanted:
                continue
        elif article_id in listed:
            continue
        elif halves is not None and article_id not in halves:
            left_out.append(f"{article_id}: in no set's list (halves.tsv or a fresh set's): not scored")
            continue
        try:
            text = read_text(paths.text_path(article_id))
            if sha256_hex(text) != row["sha256"]:
                raise CorpusError("the text differs from the one annotated")
            annotation = read_annotation(article_id, annotations)
            articles.append(corpus_article(article_id, row["outlet"], text, annotation))
            countries[row["outlet"]] = row["country"]
        except (CorpusError, OSError, ValueError) as error:
            left_out.append(f"{article_id}: {error}")
    return articles, countries, left_out


def corpus_article(article_id: str, outlet: str, text: str, annotation: dict) -> Article:
    """One committed annotation as spans, each checked against the text's words."""
    quotes = []
    for quote in annotation["quotes"]:
        span_text(text, quote["text"])
        speaker = span_text(text, quote["speaker"]) if quote["speaker"] else None
        quotes.append(GoldQuote(quote["text"]["start"], quote["text"]["end"], speaker, quote["kind"],
                                quote.get("speaker_kind") or "person"))
    figures = []
    for figure in annotation["figures"]:
        span_text(text, figure["text"])
        figures.append(GoldFigure(figure["text"]["start"], figure["text"]["end"]))
    return Article(article_id, outlet, text, tuple(quotes), tuple(figures))


def score_line(name: str, score: Score) -> str:
    qp, qr, qf = score.quotes()
    fp, fr, ff = score.figures()
    return (f"{name[:44]:44} {score.articles:3}  quotes P {qp:.2f} R {qr:.2f} F1 {qf:.2f} "
            f"({score.quotes_gold:3}) speakers {score.speaker_share():4.0%}  |  "
            f"figures P {fp:.2f} R {fr:.2f} F1 {ff:.2f} ({score.figures_gold:3})")


def total(scores: list[Score]) -> Score:
    summed = Score()
    for score in scores:
        summed.add(score)
    return summed


def report_regression_set() -> list[Article]:
    articles = regression_articles()
    print("Regression set: seven articles written to our rules (expected 1.00; a drop is a regression)")
    scores = []
    for article in articles:
        score = score_article(article, extract, continuations=False)
        print(score_line(article.name, score))
        for miss in score.misses:
            print(f"    {miss}")
        scores.append(score)
    print(score_line("TOTAL (regression set)", total(scores)))
    return articles


def print_breakdown(by_outlet: dict[str, list[Score]], countries: dict[str, str],
                    half_a: list[str] | None = None) -> None:
    """Per country, then per outlet (with its half, when the outlets were split into halves)."""
    print("per country:")
    for country in sorted(set(countries.values())):
        outlets = [outlet for outlet in by_outlet if countries[outlet] == country]
        print(score_line(f"  {country} ({len(outlets)} outlets)", total([s for o in outlets for s in by_outlet[o]])))
    print("per outlet:")
    for outlet in sorted(by_outlet):
        side = "" if half_a is None else (", A" if outlet in half_a else ", B")
        print(score_line(f"  {outlet} ({countries[outlet]}{side})", total(by_outlet[outlet])))


def report_corpus(paths: CorpusPaths, show_misses: bool, **facts: Any) -> list[Article]:
    """The corpus's tables, every fresh set left out (``facts``: other manifest, annotations, fresh lists)."""
    articles, countries, left_out = corpus_articles(paths, **facts)
    print(f"\nReal-press corpus: {len(articles)} articles, {len(countries)} outlets, "
          f"{len(set(countries.values()))} countries, from {paths.root} (the fresh sets left out)")
    if left_out:
        print(f"    {len(left_out)} articles of the manifest left out here (bench/corpus/check.py lists them all):")
    for reason in left_out[:5]:
        print(f"    left out: {reason}")
    if not articles:
        print("    no article of the corpus is present here; see bench/corpus/README.md to retrieve them")
        return []
    scores = {article.name: score_article(article, extract) for article in articles}
    by_outlet: dict[str, list[Score]] = defaultdict(list)
    for article in articles:
        by_outlet[article.outlet].append(scores[article.name])
    print(f"{'(n = quotes or figures annotated)':44} art")
    print(score_line("OVERALL", total(list(scores.values()))))
    half_a, half_b = outlet_halves(article.outlet for article in articles)
    for label, half in (("HALF A (tune on B, report this)", half_a), ("HALF B (tune on A, report this)", half_b)):
        print(score_line(label, total([score for outlet in half for score in by_outlet[outlet]])))
    print_breakdown(by_outlet, countries, half_a)
    print(f"half A: {' '.join(half_a)}\nhalf B: {' '.join(half_b)}")
    times = [score.seconds * 1000 for score in scores.values()]
    print(f"time per article (one pass): median {stats.median(times):.1f} ms, max {max(times):.1f} ms")
    if show_misses:
        for article in articles:
            print(score_line(article.name, scores[article.name]))
            for miss in scores[article.name].misses:
                print(f"    {miss}")
    return articles


def report_fresh(paths: CorpusPaths, show_misses: bool, held_out: HeldOutSet = HELD_OUT_SETS[-1],
                 **facts: Any) -> list[Article]:
    """A fresh set's table (by default the held-out one, the measure now): totals, per country and per
    outlet, and its misses when asked."""
    articles, countries, left_out = corpus_articles(paths, held_out.name, **facts)
    print(f"\n{held_out.heading}: {len(articles)} articles, "
          f"{len(countries)} outlets, {len(set(countries.values()))} countries, from {paths.root}")
    if left_out:
        print(f"    {len(left_out)} articles of the set left out here (bench/corpus/check.py lists them all):")
    for reason in left_out[:5]:
        print(f"    left out: {reason}")
    if not articles:
        print("    no article of the set is present here; see bench/corpus/README.md to retrieve them")
        return []
    scores = {article.name: score_article(article, extract) for article in articles}
    by_outlet: dict[str, list[Score]] = defaultdict(list)
    for article in articles:
        by_outlet[article.outlet].append(scores[article.name])
    print(f"{'(n = quotes or figures annotated)':44} art")
    print(score_line(held_out.label, total(list(scores.values()))))
    print_breakdown(by_outlet, countries)
    times = [score.seconds * 1000 for score in scores.values()]
    print(f"time per article (one pass): median {stats.median(times):.1f} ms, max {max(times):.1f} ms")
    if show_misses:
        for article in articles:
            print(score_line(article.name, scores[article.name]))
            for miss in scores[article.name].misses:
                print(f"    {miss}")
    return articles


def extraction_speed(texts: list[str], rounds: int = 20) -> float:
    timings = []
    for _ in range(rounds):
        for text in texts:
            began = time.perf_counter()
            extract(text)
            timings.append(time.perf_counter() - began)
    return stats.median(timings) * 1000


def import_throughput(texts: list[str], count: int = 1000) -> None:
    try:
        from archive.db.engine import open_archive
        from archive.importing.service import import_files
    except ImportError as error:
        print(f"import throughput: skipped ({error})")
        return
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        files = []
        for number in range(count):
            path = root / "articles" / f"article-{number:04d}.txt"
            path.parent.mkdir(exist_ok=True)
            base = texts[number % len(texts)]
            path.write_text(f"{base}\n\nنسخة رقم {number} من المقال للتجربة.\n", encoding="utf-8")
            files.append(path)
        archive = open_archive(root / "bench.muntada", create=True)
        try:
            began = time.perf_counter()
            results = import_files(archive, files)
            elapsed = time.perf_counter() - began
        finally:
            archive.close()
        imported = sum(1 for result in results if result.source_id is not None and not result.duplicate)
        print(f"import throughput: {imported} of {count} articles imported in {elapsed:.1f} s (target <= 60 s)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus",
                        help="the corpus's local copy (default: $MUNTADA_CORPUS or ~/.cache/muntada-corpus)")
    parser.add_argument("--misses", action="store_true", help="list every miss of the corpus, article by article")
    parser.add_argument("--no-import", action="store_true", help="skip the 1,000-article import")
    sets = parser.add_mutually_exclusive_group()
    for held_out in HELD_OUT_SETS:
        sets.add_argument(f"--{held_out.name}", action="store_true", help=(
            f"score the {held_out.ordinal} fresh set (bench/corpus/{held_out.file_name}, studied since "
            f"{held_out.studied_since}) only" if held_out.studied_since else
            f"score the {held_out.ordinal} fresh held-out set (bench/corpus/{held_out.file_name}) only: "
            "never tune rules on it"))
    options = parser.parse_args(argv)
    chosen = [held_out for held_out in HELD_OUT_SETS if getattr(options, held_out.name)]
    if chosen:
        report_fresh(corpus_paths(options.corpus), options.misses, chosen[0])
        return
    regression = report_regression_set()
    corpus = report_corpus(corpus_paths(options.corpus), options.misses)
    texts = [article.text for article in regression + corpus]
    rounds = 20 if len(texts) < 20 else 5
    print(f"\nextraction time per article: median {extraction_speed(texts, rounds):.1f} ms over {len(texts)} articles"
          " (target <= 50 ms)")
    if not options.no_import:
        import_throughput(texts)


if __name__ == "__main__":
    main()
