"""Benchmark: extraction quality against hand-made annotations, extraction speed, import throughput.

Run from the repository root: ``.venv/bin/python bench/extraction.py [--no-import]``.

Annotations are the shared gold files (``../shared/samples/gold``, articles beside them) and our
own (``bench/annotations/*.json``, each with its article in ``bench/annotations/articles/``).
- Quotes: a proposal matches an annotated quote when their spans overlap by at least half of each;
  precision, recall and F1, and the share of matched quotes given to the right speaker (names
  compared after Arabic normalization; a short form such as "محمد الهشامي" for
  "محمد بن سعيد الهشامي" counts).
- Statistics: a proposal matches an annotated figure when the spans overlap at all.
Targets (issue 4): quotes F1 >= 0.85 with >= 90% right speakers; statistics F1 >= 0.9;
one article in <= 50 ms; 1,000 articles imported in <= 60 s.
"""

from __future__ import annotations

import json
import statistics as stats
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from archive.importing.extraction import extract  # noqa: E402
from archive.text.names import name_key  # noqa: E402

SHARED = REPO.parent / "shared" / "samples"
OWN = REPO / "bench" / "annotations"


@dataclass
class Score:
    quotes_found: int = 0
    quotes_gold: int = 0
    quotes_matched_gold: int = 0
    quotes_matched_found: int = 0
    right_speakers: int = 0
    stats_found: int = 0
    stats_gold: int = 0
    stats_matched_gold: int = 0
    stats_matched_found: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: "Score") -> None:
        for name in ("quotes_found", "quotes_gold", "quotes_matched_gold", "quotes_matched_found", "right_speakers",
                     "stats_found", "stats_gold", "stats_matched_gold", "stats_matched_found"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def annotated_articles() -> list[tuple[str, str, dict]]:
    """(name, article text, gold annotation) for every annotation found."""
    found = []
    for gold_dir, article_dir in ((SHARED / "gold", SHARED / "articles"), (OWN, OWN / "articles")):
        if not gold_dir.is_dir():
            continue
        for gold_path in sorted(gold_dir.glob("*.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            article = article_dir / gold["article"]
            found.append((gold["article"], article.read_text(encoding="utf-8"), gold))
    return found


def gold_span(text: str, snippet: str, taken: set[int]) -> tuple[int, int]:
    """The span of an annotated snippet (an exact substring); repeated snippets take successive places."""
    start = text.find(snippet)
    while start in taken:
        start = text.find(snippet, start + 1)
    if start < 0:
        raise ValueError(f"annotated text not in the article: {snippet[:40]}")
    taken.add(start)
    return start, start + len(snippet)


def half_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    overlap = min(a[1], b[1]) - max(a[0], b[0])
    return overlap > 0 and overlap >= (a[1] - a[0]) / 2 and overlap >= (b[1] - b[0]) / 2


def any_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def same_speaker(found: str | None, gold: str | None) -> bool:
    if not found or not gold:
        return found == gold
    found_key, gold_key = name_key(found), name_key(gold)
    if found_key == gold_key:
        return True
    found_words, gold_words = found_key.split(), gold_key.split()
    return found_words[:1] == gold_words[:1] and found_words[-1:] == gold_words[-1:]


def score_article(text: str, gold: dict) -> Score:
    proposals = extract(text)
    score = Score(quotes_found=len(proposals.quotes), quotes_gold=len(gold["quotes"]),
                  stats_found=len(proposals.statistics), stats_gold=len(gold["statistics"]))
    taken: set[int] = set()
    matched_found: set[int] = set()
    for annotated in gold["quotes"]:
        span = gold_span(text, annotated["text"], taken)
        hits = [i for i, quote in enumerate(proposals.quotes) if half_overlap(span, (quote.start, quote.end))]
        if not hits:
            score.misses.append(f"quote missed: {annotated['text'][:50]}")
            continue
        score.quotes_matched_gold += 1
        matched_found.update(hits)
        if same_speaker(proposals.quotes[hits[0]].speaker, annotated["speaker"]):
            score.right_speakers += 1
        else:
            score.misses.append(f"wrong speaker {proposals.quotes[hits[0]].speaker} for {annotated['speaker']}")
    score.quotes_matched_found = len(matched_found)
    for i, quote in enumerate(proposals.quotes):
        if i not in matched_found:
            score.misses.append(f"extra quote: {quote.text[:50]}")
    taken = set()
    matched_found = set()
    for annotated in gold["statistics"]:
        span = gold_span(text, annotated["text"], taken)
        hits = [i for i, figure in enumerate(proposals.statistics) if any_overlap(span, (figure.start, figure.end))]
        if hits:
            score.stats_matched_gold += 1
            matched_found.update(hits)
        else:
            score.misses.append(f"figure missed: {annotated['text']}")
    score.stats_matched_found = len(matched_found)
    for i, figure in enumerate(proposals.statistics):
        if i not in matched_found:
            score.misses.append(f"extra figure: {figure.text}")
    return score


def prf(matched_found: int, found: int, matched_gold: int, gold: int) -> tuple[float, float, float]:
    precision = matched_found / found if found else 1.0
    recall = matched_gold / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def report(name: str, score: Score) -> None:
    qp, qr, qf = prf(score.quotes_matched_found, score.quotes_found, score.quotes_matched_gold, score.quotes_gold)
    sp, sr, sf = prf(score.stats_matched_found, score.stats_found, score.stats_matched_gold, score.stats_gold)
    speakers = score.right_speakers / score.quotes_matched_gold if score.quotes_matched_gold else 1.0
    print(f"{name[:48]:48}  quotes P {qp:.2f} R {qr:.2f} F1 {qf:.2f} speakers {speakers:.0%}"
          f"  |  figures P {sp:.2f} R {sr:.2f} F1 {sf:.2f}")


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


def main() -> None:
    articles = annotated_articles()
    total = Score()
    for name, text, gold in articles:
        score = score_article(text, gold)
        report(name, score)
        for miss in score.misses:
            print(f"    {miss}")
        total.add(score)
    report(f"TOTAL ({len(articles)} articles)", total)
    texts = [text for _, text, _ in articles]
    print(f"extraction time per article: median {extraction_speed(texts):.1f} ms (target <= 50 ms)")
    if "--no-import" not in sys.argv:
        import_throughput(texts)


if __name__ == "__main__":
    main()
