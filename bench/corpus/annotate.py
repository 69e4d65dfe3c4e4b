"""Turn working annotations (quoted strings) into committed ones (offsets and hashes).

Usage, from the repository root::

    .venv/bin/python bench/corpus/annotate.py ID...          # these articles
    .venv/bin/python bench/corpus/annotate.py --all          # every working file present
    .venv/bin/python bench/corpus/annotate.py --corpus DIR --all

For each id, reads ``<corpus>/work/<id>.json`` and ``<corpus>/texts/<id>.txt`` and writes
``bench/corpus/annotations/<id>.json``: the same structure with every ``text``, ``speaker``,
``title`` and ``organisation`` string replaced by ``{"start", "end", "sha256"}`` (a quote's or
figure's text at its ``occurrence``; a speaker, title or organisation where it is first printed).
Any string not found in the article, or breaking the conventions (bad kind or genre, a quote
span that keeps its quotation marks or full stop), is reported with the article's id and nothing
is written for that article; the exit code is then 1.

Then ``bench/corpus/manifest.tsv`` is rewritten from its existing rows plus a row for EVERY
working file present whose text exists (so two people annotating at once can both run it), sorted
by id.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_layout import (
    ANNOTATIONS,
    GENRES,
    MANIFEST,
    QUOTE_KINDS,
    SPEAKER_KINDS,
    CorpusError,
    CorpusPaths,
    corpus_paths,
    find_occurrence,
    read_manifest,
    read_text,
    sha256_hex,
    span_record,
    write_manifest,
)

HEADER_FIELDS = ("id", "address", "outlet", "outlet_slug", "country", "genre", "complete")
# A quote span holds the quoted words only: no colon, full stop or space at its edges, and no quotation
# marks around it (marks inside it, as in «كونا» أثبتت, must be balanced).
QUOTE_EDGE_MARKS = " \t\n:؛."
QUOTATION_PAIRS = (("«", "»"), ("“", "”"), ('"', '"'), ("‘", "’"))
FIGURE_EDGE_MARKS = " \t\n"


def quotation_problem(words: str) -> str | None:
    """Why a quote span's quotation marks break the conventions, or None."""
    if words[0] in QUOTE_EDGE_MARKS or words[-1] in QUOTE_EDGE_MARKS:
        return "keeps a colon, full stop or space at its edge"
    for opening, closing in QUOTATION_PAIRS:
        if opening == closing:
            balanced = words.count(opening) % 2 == 0
        else:
            balanced = words.count(opening) == words.count(closing)
        if not balanced:
            return f"has an unmatched {opening}{closing} mark (leave the marks around the quote out)"
        inner = words[1:-1]
        inner_balanced = (inner.count(opening) % 2 == 0 if opening == closing
                          else inner.count(opening) == inner.count(closing))
        if words.startswith(opening) and words.endswith(closing) and len(words) > 1 and inner_balanced:
            return f"keeps the quotation marks {opening}{closing} around it"
    return None


def check_header(work: dict, article_id: str) -> list[str]:
    """Problems with an article's own facts (id, address, outlet, country, genre, complete)."""
    problems = [f"missing field {name!r}" for name in HEADER_FIELDS if name not in work]
    if problems:
        return problems
    if work["id"] != article_id:
        problems.append(f"id {work['id']!r} differs from the file name")
    if not str(work["address"]).startswith(("http://", "https://")):
        problems.append("address is not a web address")
    if not (isinstance(work["country"], str) and len(work["country"]) == 2 and work["country"].isupper()):
        problems.append(f"country {work['country']!r} is not a two-letter ISO code")
    if work["genre"] not in GENRES:
        problems.append(f"genre {work['genre']!r} is not one of {', '.join(GENRES)}")
    if not isinstance(work["complete"], bool):
        problems.append("complete is not true or false")
    slug = work["outlet_slug"]
    if not (isinstance(slug, str) and slug and slug.isascii() and slug == slug.lower() and " " not in slug):
        problems.append(f"outlet_slug {slug!r} is not lower-case ASCII")
    return problems


def locate(text: str, snippet: object, occurrence: object, what: str, problems: list[str]) -> dict | None:
    """The committed span of a snippet at its occurrence, or None with the problem recorded."""
    if not isinstance(snippet, str) or not snippet:
        problems.append(f"{what}: empty or not a string")
        return None
    if not isinstance(occurrence, int) or occurrence < 1:
        problems.append(f"{what}: occurrence {occurrence!r} is not a positive whole number")
        return None
    start = find_occurrence(text, snippet, occurrence)
    if start < 0:
        problems.append(f"{what}: not found in the article (occurrence {occurrence}): {snippet[:60]!r}")
        return None
    return span_record(text, start, start + len(snippet))


def convert_quote(text: str, quote: dict, number: int, problems: list[str]) -> dict:
    """A quote with its text, speaker, title and organisation as spans."""
    what = f"quote {number}"
    words = quote.get("text")
    if isinstance(words, str) and words and (why := quotation_problem(words)):
        problems.append(f"{what}: the span {why}: {words[:60]!r}")
    if quote.get("kind") not in QUOTE_KINDS:
        problems.append(f"{what}: kind {quote.get('kind')!r} is not one of {', '.join(QUOTE_KINDS)}")
    if quote.get("speaker_kind") not in SPEAKER_KINDS:
        problems.append(f"{what}: speaker_kind {quote.get('speaker_kind')!r} is not one of {', '.join(SPEAKER_KINDS)}")
    if (quote.get("speaker") is None) != (quote.get("speaker_kind") == "none"):
        problems.append(f"{what}: speaker_kind 'none' goes with speaker null, and only with it")
    converted = {"text": locate(text, words, quote.get("occurrence", 1), what, problems),
                 "kind": quote.get("kind"), "speaker_kind": quote.get("speaker_kind")}
    for name in ("speaker", "title", "organisation"):
        value = quote.get(name)
        converted[name] = None if value is None else locate(text, value, 1, f"{what} {name}", problems)
    return converted


def convert_figure(text: str, figure: dict, number: int, problems: list[str]) -> dict:
    """A figure with its text as a span; value, unit and what it counts kept as they are."""
    what = f"figure {number}"
    words = figure.get("text")
    if isinstance(words, str) and words and (words[0] in FIGURE_EDGE_MARKS or words[-1] in FIGURE_EDGE_MARKS):
        problems.append(f"{what}: the span starts or ends with a space: {words!r}")
    value = figure.get("value")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        problems.append(f"{what}: value {value!r} is not a number")
    for name in ("unit", "counts"):
        if not isinstance(figure.get(name), str) or not figure.get(name):
            problems.append(f"{what}: {name} is missing")
    return {"text": locate(text, words, figure.get("occurrence", 1), what, problems),
            "value": value, "unit": figure.get("unit"), "counts": figure.get("counts")}


def convert(work: dict, text: str, article_id: str) -> tuple[dict, list[str]]:
    """The committed annotation of one article and the problems found (none: it can be written)."""
    problems = check_header(work, article_id)
    if "\r" in text:
        problems.append("the text has CR line ends (keep LF only)")
    quotes = [convert_quote(text, quote, number, problems) for number, quote in enumerate(work.get("quotes", []), 1)]
    figures = [convert_figure(text, figure, number, problems)
               for number, figure in enumerate(work.get("figures", []), 1)]
    for kind, items in (("quote", quotes), ("figure", figures)):
        starts = [item["text"]["start"] for item in items if item["text"]]
        for start in sorted({start for start in starts if starts.count(start) > 1}):
            problems.append(f"two {kind}s start at the same place ({start}): give one an occurrence")
    annotation = {name: work.get(name) for name in HEADER_FIELDS}
    annotation.update(chars=len(text), sha256=sha256_hex(text), quotes=quotes, figures=figures)
    return annotation, problems


def manifest_row(work: dict, text: str) -> dict[str, str]:
    """The manifest row of one article (the outlet column holds its slug)."""
    return {"id": work["id"], "address": work["address"], "outlet": work["outlet_slug"],
            "country": work["country"], "genre": work["genre"], "complete": "yes" if work["complete"] else "no",
            "chars": str(len(text)), "sha256": sha256_hex(text)}


def annotate(paths: CorpusPaths, article_ids: list[str], folder: Path = ANNOTATIONS) -> int:
    """Write the annotations of these articles; print each problem; the number of articles refused."""
    folder.mkdir(parents=True, exist_ok=True)
    refused = 0
    for article_id in article_ids:
        try:
            work = json.loads(paths.work_path(article_id).read_text(encoding="utf-8"))
            text = read_text(paths.text_path(article_id))
        except (OSError, json.JSONDecodeError, CorpusError) as error:
            print(f"{article_id}: cannot be read: {error}")
            refused += 1
            continue
        annotation, problems = convert(work, text, article_id)
        for problem in problems:
            print(f"{article_id}: {problem}")
        if problems:
            refused += 1
            continue
        target = folder / f"{article_id}.json"
        target.write_text(json.dumps(annotation, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{article_id}: {len(annotation['quotes'])} quotes, {len(annotation['figures'])} figures")
    return refused


def refresh_manifest(paths: CorpusPaths, manifest: Path = MANIFEST) -> int:
    """Rewrite the manifest from its rows plus every working file with its text; rows written."""
    rows = read_manifest(manifest)
    for work_path in sorted(paths.work.glob("*.json")):
        article_id = work_path.stem
        try:
            work = json.loads(work_path.read_text(encoding="utf-8"))
            text = read_text(paths.text_path(article_id))
        except (OSError, json.JSONDecodeError, CorpusError):
            continue  # reported by annotate() when asked for; a file being written is left for later
        if check_header(work, article_id):
            continue
        rows[article_id] = manifest_row(work, text)
    write_manifest(rows, manifest)
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ids", nargs="*", help="article ids (file names without .json)")
    parser.add_argument("--all", action="store_true", help="every working file present")
    parser.add_argument("--corpus", help="the local copy (default: $MUNTADA_CORPUS or ~/.cache/muntada-corpus)")
    options = parser.parse_args(argv)
    paths = corpus_paths(options.corpus)
    if options.all == bool(options.ids):
        parser.error("give article ids or --all (not both)")
    article_ids = sorted(path.stem for path in paths.work.glob("*.json")) if options.all else options.ids
    refused = annotate(paths, article_ids)
    rows = refresh_manifest(paths)
    print(f"{len(article_ids) - refused} of {len(article_ids)} annotations written; manifest: {rows} articles")
    return 1 if refused else 0


if __name__ == "__main__":
    sys.exit(main())
