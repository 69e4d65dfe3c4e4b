"""Commands of the search area: ``muntada search QUERY`` and ``muntada reindex``.

The index lives beside the archive (``context.index_path``); opening it rebuilds it when it is
missing, damaged or outdated, and applies pending changes from the archive's outbox.
"""

from __future__ import annotations

import argparse
import sys

from archive.i18n import tr
from desktop.cli.context import CliContext
from search.index import SearchIndex
from search.records import ArchiveDocuments
from search.schema import INDEXED_KINDS
from search.service import DEFAULT_LIMIT, SearchResults


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("search", help=tr("search quotes, figures, sessions, events, people and articles"))
    parser.add_argument("query", nargs="+", help=tr("words, \"a phrase\", -excluded, OR, speaker: event: year: kind:"))
    parser.add_argument("--kind", choices=INDEXED_KINDS, help=tr("only records of this kind"))
    parser.add_argument("--limit", type=int, default=DEFAULT_LIMIT, help=tr("how many results to show"))
    parser.add_argument("--json", action="store_true", help=tr("print JSON"))
    parser.set_defaults(handler=run_search)

    parser = subparsers.add_parser("reindex", help=tr("rebuild the search index from the archive"))
    parser.set_defaults(handler=run_reindex)


def run_search(args: argparse.Namespace, context: CliContext) -> int:
    search_index = context.open_search_index(_progress_printer(context))
    try:
        results = search_index.search(" ".join(args.query), kind=args.kind, limit=args.limit)
    finally:
        search_index.close()
    if args.json:
        context.print_json(_results_json(results))
    else:
        _print_results(context, results)
    return 0


def run_reindex(args: argparse.Namespace, context: CliContext) -> int:
    search_index = SearchIndex(context.index_path, ArchiveDocuments(context.open_archive()))
    try:
        count = search_index.rebuild(_progress_printer(context))
        search_index.drain_outbox()
    finally:
        search_index.close()
    context.say(tr("Search index rebuilt: {count} records.", count=count))
    return 0


def _progress_printer(context: CliContext):
    def report(done: int, total: int) -> None:
        if sys.stderr.isatty() and total:
            print(f"\r{tr('Indexing')} {done}/{total}", end="", file=sys.stderr, flush=True)
            if done >= total:
                print(file=sys.stderr)

    return report


def _results_json(results: SearchResults) -> dict[str, object]:
    return {
        "query": results.query,
        "total": results.total,
        "note": results.note,
        "did_you_mean": results.did_you_mean,
        "hits": [hit.as_json() for hit in results.hits],
        "facets": {name: [{"value": row.value, "label": row.label, "count": row.count} for row in rows]
                   for name, rows in results.facets.items()},
    }


def _print_results(context: CliContext, results: SearchResults) -> None:
    if results.note:
        context.say(results.note)
    if results.did_you_mean:
        context.say(tr("Did you mean: {suggestion}", suggestion=results.did_you_mean))
    for hit in results.hits:
        context.say(f"[{tr(hit.kind)} {hit.id}] {hit.title}")
        context.say(f"    {hit.snippet.marked('«', '»')}".replace("\n", " "))
        if hit.source_file:
            context.say(f"    {tr('Source')}: {hit.source_file}")
    if results.hits:
        context.say(tr("{shown} of {total} results", shown=len(results.hits), total=results.total))
