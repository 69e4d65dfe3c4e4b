"""Audit of marked words in the studied sets' quote annotations (issue 10, helper A10).

Lists, in every studied set (halves A/B and the fresh sets studied so far; never the set still
held out), the places where the annotation of words in quotation marks may break the written
convention of ``README.md`` ("Annotation conventions"): words in marks inside reported speech
are a direct quote of the marked words, also when the marks open after the clause's first words,
and a name, a slogan or a single word in marks is no quote and stays inside the span.

- ``through``: a quote whose span holds a mark that opens after its first words, with two words
  or more inside the marks (a quote that may run one indirect quote through the marks);
- ``inside``: a quote whose span lies inside another quote's span (marked words annotated twice).

Each line is to be checked by hand: the script finds candidates, it decides nothing. Reads the
committed annotations and the local texts only::

    .venv/bin/python bench/corpus/marked_words_audit.py [--corpus DIR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_layout import (
    HELD_OUT_SETS,
    MANIFEST,
    corpus_paths,
    halves_ids,
    held_out_ids,
    read_annotation,
    read_manifest,
    read_text,
)

OPENING = "«“\"„‹"
CLOSING = {"«": "»", "“": "”", "\"": "\"", "„": "“", "‹": "›"}


def studied_sets() -> dict[str, str]:
    """Each studied article's set name: ``halves`` or a studied fresh set; the set still held out
    (the last of ``HELD_OUT_SETS``) is left out, its ids never returned."""
    sets = held_out_ids()
    halves = halves_ids()
    held_out = HELD_OUT_SETS[-1].name
    placed: dict[str, str] = {}
    for article_id in read_manifest(MANIFEST):
        if article_id in sets[held_out]:
            continue
        names = [name for name, ids in sets.items() if article_id in ids]
        if names:
            placed[article_id] = names[0]
        elif halves is None or article_id in halves:
            placed[article_id] = "halves"
    return placed


def marked_segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (open, close) offsets of marks opening strictly after ``start`` and before ``end``;
    close is the matching mark's offset (or the text's end when it is never closed)."""
    found: list[tuple[int, int]] = []
    position = start + 1
    while position < end:
        mark = text[position]
        if mark in OPENING and (mark != "\"" or not _closes_quote(text, position, start)):
            close = text.find(CLOSING[mark], position + 1)
            close = len(text) if close < 0 else close
            found.append((position, close))
            position = close + 1
            continue
        position += 1
    return found


def _closes_quote(text: str, position: int, start: int) -> bool:
    """A straight mark closes when an odd number of straight marks stand before it in the span."""
    return text.count("\"", start, position) % 2 == 1


def audit(corpus: str | None = None) -> list[str]:
    paths = corpus_paths(corpus)
    lines: list[str] = []
    for article_id, set_name in sorted(studied_sets().items(), key=lambda item: (item[1], item[0])):
        text_path = paths.text_path(article_id)
        if not text_path.exists():
            continue
        text = read_text(text_path)
        quotes = read_annotation(article_id)["quotes"]
        spans = [(quote["text"]["start"], quote["text"]["end"]) for quote in quotes]
        for index, quote in enumerate(quotes):
            start, end = spans[index]
            for open_at, close_at in marked_segments(text, start, end):
                inner = text[open_at + 1:close_at]
                if len(inner.split()) < 2:
                    continue
                before = text[start:open_at]
                where = "inside" if close_at < end else "to-end"
                lines.append(f"through\t{set_name}\t{article_id}\t#{index}\t{quote['kind']}\t{where}\t"
                             f"before={len(before.split())}w «{before[-40:]}»\tmarked={len(inner.split())}w "
                             f"«{inner[:60]}»")
            for other, (other_start, other_end) in enumerate(spans):
                nested = other_start <= start and end <= other_end
                if other != index and nested and (other_start, other_end) != (start, end):
                    lines.append(f"inside\t{set_name}\t{article_id}\t#{index} in #{other}\t{quote['kind']}\t"
                                 f"«{text[start:end][:60]}»")
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="the local copy (default: $MUNTADA_CORPUS or ~/.cache/muntada-corpus)")
    options = parser.parse_args(argv)
    for line in audit(options.corpus):
        print(line)


if __name__ == "__main__":
    main()
