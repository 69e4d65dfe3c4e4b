"""Check a local copy of the real-press corpus against the committed facts.

Usage, from the repository root::

    .venv/bin/python bench/corpus/check.py [--corpus DIR]

Says which texts are missing (with the address to retrieve them from), changed (their sha256
or length differs from the manifest) or extra (present locally, not in the manifest); which
manifest rows have no annotation and which annotations no manifest row; and, for every text
present, whether each annotated span still holds the words it was made from (sha256 of the
span); and which ids of the fresh sets (``HELD_OUT_SETS``: ``fresh.tsv``, ``fresh2.tsv``,
``fresh3.tsv`` ... ``fresh12.tsv``) are not in the manifest or in two sets.
Prints a one-line summary;
the exit code is 1 on any problem, else 0.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_layout import (
    ANNOTATIONS,
    HELD_OUT_SETS,
    MANIFEST,
    CorpusError,
    CorpusPaths,
    annotation_ids,
    corpus_paths,
    halves_ids,
    held_out_ids,
    read_annotation,
    read_manifest,
    read_text,
    sha256_hex,
    span_text,
)


def annotation_spans(annotation: dict) -> list[tuple[str, dict]]:
    """(what, span) for every span an annotation holds."""
    spans = []
    for number, quote in enumerate(annotation["quotes"], 1):
        spans += [(f"quote {number} {name}", quote[name])
                  for name in ("text", "speaker", "title", "organisation") if quote.get(name)]
    spans += [(f"figure {number} text", figure["text"]) for number, figure in enumerate(annotation["figures"], 1)]
    return spans


def check_text(article_id: str, row: dict[str, str], paths: CorpusPaths) -> tuple[str | None, list[str]]:
    """The article's text when present and unchanged, and the problems found with it."""
    path = paths.text_path(article_id)
    if not path.exists():
        return None, [f"{article_id}: missing (retrieve it from {row['address']})"]
    try:
        text = read_text(path)
    except CorpusError as error:
        return None, [f"{article_id}: changed: {error}"]
    if sha256_hex(text) != row["sha256"] or str(len(text)) != row["chars"]:
        hint = "; it has CR line ends, save it with LF only" if "\r" in text else ""
        return None, [(f"{article_id}: changed (sha256 or length differs from the manifest; "
                       f"compare it with {row['address']}{hint})")]
    return text, []


def check_annotation(article_id: str, row: dict[str, str], text: str | None, folder: Path) -> list[str]:
    """Problems with one article's committed annotation (its spans are checked when the text is here)."""
    try:
        annotation = read_annotation(article_id, folder)
    except (OSError, ValueError) as error:
        return [f"{article_id}: annotation cannot be read: {error}"]
    if annotation.get("sha256") != row["sha256"]:
        return [f"{article_id}: the annotation was made from another version of the text than the manifest's"]
    if text is None:
        return []
    problems = []
    for what, span in annotation_spans(annotation):
        try:
            span_text(text, span)
        except CorpusError as error:
            problems.append(f"{article_id}: {what}: {error}")
    return problems


def check(paths: CorpusPaths, manifest_path: Path = MANIFEST, folder: Path = ANNOTATIONS,
          lists: dict[str, Path] | None = None) -> list[str]:
    """Every problem found, one line each (empty when the local copy and the facts agree).

    Each fresh set's list is ``lists[name]``, else the ``<name>.tsv`` beside the manifest.
    """
    try:
        manifest = read_manifest(manifest_path)
        sets = held_out_ids(manifest_path, lists)
    except CorpusError as error:
        return [str(error)]
    problems = []
    annotated = set(annotation_ids(folder))
    for article_id, row in sorted(manifest.items()):
        text, text_problems = check_text(article_id, row, paths)
        problems += text_problems
        if article_id not in annotated:
            problems.append(f"{article_id}: in the manifest but has no annotation (run annotate.py {article_id})")
            continue
        problems += check_annotation(article_id, row, text, folder)
    problems += [f"{article_id}: annotation without a manifest row" for article_id in sorted(annotated - set(manifest))]
    for held_out in HELD_OUT_SETS:
        problems += [f"{article_id}: in {held_out.file_name} but not in the manifest"
                     for article_id in sorted(sets[held_out.name] - set(manifest))]
    halves = halves_ids(manifest_path, lists)
    if halves is not None:
        listed = set().union(*sets.values())
        problems += [f"{article_id}: in no set's list (add it to halves.tsv or to its fresh set's list)"
                     for article_id in sorted(set(manifest) - listed - halves)]
        problems += [f"{article_id}: in halves.tsv and in a fresh set's list (an article belongs to one set)"
                     for article_id in sorted(halves & listed)]
        problems += [f"{article_id}: in halves.tsv but not in the manifest"
                     for article_id in sorted(halves - set(manifest))]
    for number, held_out in enumerate(HELD_OUT_SETS):
        for later in HELD_OUT_SETS[number + 1:]:
            problems += [f"{article_id}: in both {held_out.file_name} and {later.file_name} "
                         "(a held-out article belongs to one set)"
                         for article_id in sorted(sets[held_out.name] & sets[later.name])]
    local = {path.stem for path in paths.texts.glob("*.txt")} if paths.texts.is_dir() else set()
    problems += [f"{article_id}: extra text, not in the manifest (annotate it or remove it)"
                 for article_id in sorted(local - set(manifest))]
    return problems


def summary(manifest_path: Path = MANIFEST, folder: Path = ANNOTATIONS) -> str:
    """Articles, outlets, countries and annotated quotes and figures, in one line."""
    manifest = read_manifest(manifest_path)
    quotes = figures = 0
    for article_id in set(annotation_ids(folder)) & set(manifest):
        annotation = read_annotation(article_id, folder)
        quotes += len(annotation["quotes"])
        figures += len(annotation["figures"])
    outlets = Counter(row["outlet"] for row in manifest.values())
    countries = Counter(row["country"] for row in manifest.values())
    complete = sum(row["complete"] == "yes" for row in manifest.values())
    sets = held_out_ids(manifest_path)
    held_out_lines = []
    for held_out in HELD_OUT_SETS:
        ids = sets[held_out.name] & set(manifest)
        held_out_lines.append(f"{held_out.ordinal} fresh set ({held_out.name}, "
                              f"{'studied' if held_out.studied_since else 'held out'}): {len(ids)} articles from "
                              f"{len({manifest[article_id]['outlet'] for article_id in ids})} outlets")
    return (f"{len(manifest)} articles ({complete} complete) from {len(outlets)} outlets in "
            f"{len(countries)} countries; {quotes} quotes and {figures} figures annotated; "
            + "; ".join(held_out_lines))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", help="the local copy (default: $MUNTADA_CORPUS or ~/.cache/muntada-corpus)")
    options = parser.parse_args(argv)
    paths = corpus_paths(options.corpus)
    problems = check(paths)
    for problem in problems:
        print(problem)
    try:
        print(summary())
    except CorpusError as error:
        print(error)
    print(f"{len(problems)} problems" if problems else f"the local copy in {paths.root} agrees with the manifest")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
