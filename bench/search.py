"""Search benchmark: a synthetic archive of N records, Muntada's index against SQLite FTS5.

    python bench/search.py --records 100000

Builds a real archive file (mostly quotes and statistics of 20-60 words, some sessions,
events, people and full articles; Zipf-like vocabulary from ``bench/synthetic.py``), rebuilds
the search index from it, then measures 1-word, 2-word, phrase and as-you-type prefix queries
(snippets with highlights included, facets not), the time from a saved edit to a search hit,
the index size and process memory; and the same query classes on an SQLite FTS5 table fed the
same analyzer, in the same run, with the same snippets. The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

# This script is named like the ``search`` package: keep its own folder off the import path.
_BENCH = Path(__file__).resolve().parent
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != _BENCH]
sys.path.insert(0, str(_BENCH.parent))

from sqlalchemy import insert  # noqa: E402

from archive.db import models as m  # noqa: E402
from archive.db.engine import Archive, open_archive  # noqa: E402
from archive.services import quotes  # noqa: E402
from archive.services.records import QuoteInput  # noqa: E402
from archive.services.sources import content_hash  # noqa: E402
from search.analysis import analyze_document, word_forms  # noqa: E402
from search.highlight import MatchPlan, make_snippet  # noqa: E402
from search.index import SearchIndex  # noqa: E402
from search.query import parse_query  # noqa: E402
from search.records import ArchiveDocuments  # noqa: E402


def _load_synthetic():
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_synthetic", _BENCH / "synthetic.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_synthetic"] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


synthetic_records = _load_synthetic().synthetic_records

QUERIES_PER_CLASS = 200
LIMIT = 20


def build_archive(path: Path, count: int) -> tuple[Archive, list]:
    """A real archive file holding ``count`` synthetic records (bulk insert, no outbox rows)."""
    records = synthetic_records(count)
    archive = open_archive(path)
    people = max(1, count // 50)
    events = max(1, count // 330)
    with archive.session() as session:
        session.execute(insert(m.Series), [{"id": 1, "name": "سلسلة اللقاءات", "name_key": "series"}])
        session.execute(insert(m.Person), [{"id": i, "name": f"متحدث {i}", "name_key": f"p{i}"}
                                           for i in range(1, people + 1)])
        session.execute(insert(m.Event), [{"id": i, "name": f"لقاء التواصل {i}", "series_id": 1, "kind": "forum",
                                           "start_date": f"{2010 + i % 16}-01-01", "hashtags": []}
                                          for i in range(1, events + 1)])
        kinds = ("quote", "statistic", "session", "person", "event", "source")
        rows: dict[str, list[dict]] = {kind: [] for kind in kinds}
        for record in records:
            rows[record.kind].append(_row(record, people, events))
        session.execute(insert(m.Source), rows["source"]) if rows["source"] else None
        session.execute(insert(m.Quote), rows["quote"]) if rows["quote"] else None
        session.execute(insert(m.Statistic), rows["statistic"]) if rows["statistic"] else None
        session.execute(insert(m.Session), rows["session"]) if rows["session"] else None
        extra_people = [{"id": people + i + 1, "name": r["name"], "name_key": f"x{i}", "title": r["title"]}
                        for i, r in enumerate(rows["person"])]
        session.execute(insert(m.Person), extra_people) if extra_people else None
        extra_events = [{"id": events + i + 1, "name": r["name"], "description": r["description"], "kind": "forum",
                         "start_date": r["start_date"], "hashtags": []} for i, r in enumerate(rows["event"])]
        session.execute(insert(m.Event), extra_events) if extra_events else None
    return archive, records


def _row(record, people: int, events: int) -> dict:
    date = f"{record.year}-{1 + record.record_id % 12:02d}-{1 + record.record_id % 28:02d}"
    speaker, event = 1 + record.speaker % people, 1 + record.event % events
    if record.kind == "quote":
        return {"text": record.body, "speaker_id": speaker, "event_id": event, "said_on": date, "speech": "direct"}
    if record.kind == "statistic":
        return {"figure_text": record.title[:200], "subject": record.body, "speaker_id": speaker, "event_id": event,
                "stated_on": date}
    if record.kind == "session":
        return {"event_id": event, "title": record.title[:400], "summary": record.body, "date": date, "kind": "panel"}
    if record.kind == "person":
        return {"name": record.title[:300], "title": record.body[:400]}
    if record.kind == "event":
        return {"name": record.title[:400], "description": record.body, "start_date": date}
    text = f"{record.title}\n{record.body}"
    return {"title": record.title[:600], "full_text": text, "file_name": f"article-{record.record_id}.txt",
            "content_hash": content_hash(f"{record.record_id} {text}"), "published_on": date, "kind": "article"}


def make_queries(records: list, rng: random.Random) -> dict[str, list[str]]:
    """Query strings per class, drawn from the corpus like words a user remembers."""

    def content_words(k: int) -> list[str]:
        while True:
            words = [w for w in rng.choice(records).body.split() if word_forms(w).stem and not w[0].isdigit()]
            if len(words) >= k:
                start = rng.randrange(len(words) - k + 1)
                return words[start : start + k]

    def prefix_query() -> str:
        first, last = content_words(2)
        return f"{first} {last[: max(2, len(last) - 2)]}"

    return {
        "word1": [content_words(1)[0] for _ in range(QUERIES_PER_CLASS)],
        "word2": [" ".join(content_words(1) + content_words(1)) for _ in range(QUERIES_PER_CLASS)],
        "phrase": [f'"{" ".join(content_words(2))}"' for _ in range(QUERIES_PER_CLASS)],
        "prefix": [prefix_query() for _ in range(QUERIES_PER_CLASS)],
    }


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def time_queries(run, queries: dict[str, list[str]]) -> dict[str, tuple[float, float]]:
    figures = {}
    for name, texts in queries.items():
        for text in texts[:10]:  # warm caches the way a session of typing would
            run(name, text)
        latencies = []
        for text in texts:
            start = time.perf_counter()
            run(name, text)
            latencies.append((time.perf_counter() - start) * 1000)
        figures[name] = (percentile(latencies, 0.5), percentile(latencies, 0.95))
    return figures


def measure_muntada(index: SearchIndex, queries) -> dict[str, tuple[float, float]]:
    return time_queries(lambda name, text: index.search(text, limit=LIMIT, as_you_type=name == "prefix",
                                                        with_facets=False), queries)


def save_to_search(archive: Archive, index: SearchIndex, edits: int = 10) -> list[float]:
    """Milliseconds from a saved quote to the first search that finds it (drain included)."""
    timings = []
    for number in range(edits):
        marker = f"كلمةفريدة{'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'[number]}"
        saved = quotes.create_quote(archive, QuoteInput(text=f"تصريح جديد عن {marker} في اللقاء", speaker_id=1))
        saved_at = time.perf_counter()
        index.drain_outbox()
        hits = index.search(marker, limit=LIMIT, with_facets=False).hits
        assert any(hit.kind == "quote" and hit.id == saved.id for hit in hits), marker
        timings.append((time.perf_counter() - saved_at) * 1000)
    return timings


def build_fts5(path: Path, archive: Archive) -> tuple[sqlite3.Connection, float]:
    """An FTS5 table of the same analyzed terms (stems, bare forms), and its build rate."""
    connection = sqlite3.connect(path)
    connection.execute("CREATE VIRTUAL TABLE docs USING fts5(stems, bares, body UNINDEXED, tokenize='unicode61')")
    start = time.perf_counter()
    rows = []
    count = 0
    for document in ArchiveDocuments(archive).all_documents():
        terms = analyze_document(f"{document.title}\n{document.body}\n{document.context}")
        rows.append((" ".join(terms.stems.elements()), " ".join(terms.bares.elements()), document.body))
        count += 1
        if len(rows) >= 5000:
            connection.executemany("INSERT INTO docs VALUES (?, ?, ?)", rows)
            rows.clear()
    connection.executemany("INSERT INTO docs VALUES (?, ?, ?)", rows)
    connection.commit()
    return connection, count / (time.perf_counter() - start)


def _fts_term(text: str) -> str:
    return '"' + text.replace('"', "") + '"'


def fts5_query(name: str, text: str) -> tuple[str, MatchPlan]:
    parsed = parse_query(text, as_you_type=name == "prefix")
    words = parsed.words()
    stems = [_fts_term(word.stems[0]) for word in words]
    if name == "phrase":
        match = "stems: " + '"' + " ".join(word.stems[0] for word in words) + '"'
    else:
        match = " AND ".join(f"stems: {stem}" for stem in stems)
    if parsed.prefix:
        prefix = f'bares: "{parsed.prefix}" *'
        match = f"{match} AND {prefix}" if match else prefix
    return match, MatchPlan.build(words, parsed.phrases(), parsed.prefix)


def measure_fts5(connection: sqlite3.Connection, queries) -> dict[str, tuple[float, float]]:
    def run(name: str, text: str) -> None:
        match, plan = fts5_query(name, text)
        if not match:
            return
        rows = connection.execute("SELECT body FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?",
                                  (match, LIMIT)).fetchall()
        for (body,) in rows:
            make_snippet(body, plan)

    return time_queries(run, queries)


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def folder_mb(path: Path) -> float:
    files = [path] if path.is_file() else [file for file in path.rglob("*") if file.is_file()]
    return sum(file.stat().st_size for file in files) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20000)
    parser.add_argument("--processes", type=int, default=None, help="rebuild processes (default: up to 2)")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="muntada-bench-"))
    try:
        run_benchmark(workdir, args.records, args.processes)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def run_benchmark(workdir: Path, count: int, processes: int | None) -> None:
    started = time.perf_counter()
    archive, records = build_archive(workdir / "bench.sqlite", count)
    print(f"archive of {count} records written in {time.perf_counter() - started:.1f} s", flush=True)
    index = SearchIndex(workdir / "bench.index", ArchiveDocuments(archive))
    start = time.perf_counter()
    written = index.rebuild(processes=processes)
    build_per_s = written / (time.perf_counter() - start)
    print(f"index rebuilt: {written} documents, {build_per_s:.0f} records/s", flush=True)
    queries = make_queries(records, random.Random(11))
    muntada = measure_muntada(index, queries)
    edits = save_to_search(archive, index)
    memory = rss_mb()
    fts_connection, fts_build = build_fts5(workdir / "fts5.sqlite", archive)
    fts5 = measure_fts5(fts_connection, queries)
    print_table(count, muntada, fts5, build_per_s, fts_build, edits, memory, folder_mb(workdir / "bench.index"),
                folder_mb(workdir / "fts5.sqlite"))
    print(json.dumps({
        "records": count,
        "muntada": {**{f"{name}_p95_ms": round(values[1], 1) for name, values in muntada.items()},
                    "build_per_s": round(build_per_s), "save_to_search_ms": round(max(edits), 1),
                    "rss_mb": round(memory)},
        "fts5": {f"{name}_p95_ms": round(values[1], 1) for name, values in fts5.items()},
    }))
    index.close()
    fts_connection.close()
    archive.close()


def print_table(count, muntada, fts5, build, fts_build, edits, memory, index_mb, fts_mb) -> None:
    print(f"\n{count} records, limit {LIMIT}, {QUERIES_PER_CLASS} queries per class; p50 / p95 in ms")
    print("| engine | build rec/s | 1 word | 2 words | phrase | prefix | index MB |")
    print("|---|---|---|---|---|---|---|")
    for name, figures, rate, size in (("Muntada (Whoosh)", muntada, build, index_mb),
                                      ("FTS5 + same analyzer", fts5, fts_build, fts_mb)):
        cells = " | ".join(f"{figures[c][0]:.1f} / {figures[c][1]:.1f}" for c in ("word1", "word2", "phrase", "prefix"))
        print(f"| {name} | {rate:,.0f} | {cells} | {size:.0f} |")
    ordered = sorted(edits)
    print(f"saved edit -> search hit: median {ordered[len(ordered) // 2]:.0f} ms, max {ordered[-1]:.0f} ms")
    print(f"process memory while searching: {memory:.0f} MB")


if __name__ == "__main__":
    main()
