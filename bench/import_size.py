"""Benchmark: import time against article size, to see that importing is linear in size.

Run from the repository root: ``.venv/bin/python bench/import_size.py [--sizes 0.1,0.25,0.5,1,2]``.

Each article is generated from our own annotated articles (``bench/annotations/articles``):
their paragraphs, in a shuffled order, with a running number written into every paragraph so
that no two paragraphs are the same text, until the article reaches the size asked for (MB of
UTF-8). Each one is imported with ``import_files`` into a fresh temporary archive; the script
prints the seconds per size and the ratio seconds/MB, which stays flat when import is linear.
Target (issue 11): a 1 MB article in <= 2 s.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from archive.db.engine import open_archive  # noqa: E402
from archive.importing.service import import_files  # noqa: E402

OWN_ARTICLES = REPO / "bench" / "annotations" / "articles"
DEFAULT_SIZES = (0.1, 0.25, 0.5, 1.0, 2.0)


def own_paragraphs() -> list[str]:
    """The non-empty paragraphs of our own annotated articles."""
    paragraphs: list[str] = []
    for path in sorted(OWN_ARTICLES.glob("*.txt")):
        paragraphs.extend(part.strip() for part in path.read_text(encoding="utf-8").split("\n\n") if part.strip())
    return paragraphs


def generated_article(megabytes: float, seed: int = 11) -> str:
    """An article of about ``megabytes`` MB (UTF-8): our paragraphs shuffled, each numbered."""
    rng = random.Random(seed)
    paragraphs = own_paragraphs()
    target = int(megabytes * 2**20)
    parts: list[str] = []
    size = 0
    number = 0
    while size < target:
        rng.shuffle(paragraphs)
        for paragraph in paragraphs:
            number += 1
            part = f"{paragraph} (الفقرة {number})"
            parts.append(part)
            size += len(part.encode("utf-8")) + 2
            if size >= target:
                break
    return "\n\n".join(parts)


def time_import(text: str) -> tuple[float, str]:
    """Seconds to import one article into a fresh archive, and what became of it."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        article = root / "article.txt"
        article.write_text(text, encoding="utf-8")
        archive = open_archive(root / "bench.sqlite", create=True)
        try:
            began = time.perf_counter()
            [result] = import_files(archive, [article])
            elapsed = time.perf_counter() - began
        finally:
            archive.close()
    outcome = result.skipped or f"source {result.source_id}, {result.counts.get('quotes', 0)} quotes"
    return elapsed, outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(str(size) for size in DEFAULT_SIZES),
                        help="article sizes in MB, comma-separated")
    sizes = [float(size) for size in parser.parse_args().sizes.split(",")]
    print(f"{'MB':>6} {'seconds':>8} {'s/MB':>6}  result")
    for megabytes in sizes:
        text = generated_article(megabytes)
        actual = len(text.encode("utf-8")) / 2**20
        elapsed, outcome = time_import(text)
        print(f"{actual:6.2f} {elapsed:8.2f} {elapsed / actual:6.2f}  {outcome}", flush=True)
    print("target: a 1 MB article in <= 2 s; s/MB flat when import time is linear in size")


if __name__ == "__main__":
    main()
