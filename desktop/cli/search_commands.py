"""Commands of the search area: ``muntada search QUERY`` and ``muntada reindex``.

The index lives in the user's data folder (``context.index_path``); opening it rebuilds it when
it is missing, damaged, not signed by this user or outdated, and applies pending changes from
the archive's outbox. The query is taken as typed: ``muntada search التواصل -ميتا``.

``reindex`` first takes the app's lock (``Locations.lock_file``, the app's ``QLockFile``): while
the app runs on the archive, its search process has the index open, so the command says to
close the app first (it rebuilds the index itself when needed), and changes nothing.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from archive.errors import ArchiveBusyError, MuntadaError
from archive.i18n import current_language, ntr, tr
from archive.location import Locations
from archive.private_files import make_private_folder
from archive.text.dates import format_partial_date
from desktop.cli.context import CliContext
from desktop.cli.terminal import hit_marks
from search.index import SearchIndex
from search.records import ArchiveDocuments
from search.schema import INDEXED_KINDS
from search.service import DEFAULT_LIMIT, SearchResults


class SearchOptionError(MuntadaError):
    """An option of ``muntada search`` given after the query has a value it cannot take."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("search", help=tr("search quotes, figures, sessions, events, people and articles"))
    parser.add_argument("--kind", choices=INDEXED_KINDS, help=tr("only records of this kind"))
    parser.add_argument("--limit", type=result_count, default=DEFAULT_LIMIT, help=tr("how many results to show"))
    parser.add_argument("--json", action="store_true", help=tr("print JSON"))
    # The query takes every word as typed, "-ميتا" (an exclusion) included; options typed after
    # it are picked out by ``split_query_options``, and after "--" everything is query.
    parser.add_argument("query", nargs=argparse.REMAINDER,
                        help=tr("words, \"a phrase\", -excluded, OR, speaker: event: year: kind:"))
    _words_with_one_dash_are_not_options(parser)
    parser.set_defaults(handler=run_search)

    parser = subparsers.add_parser("reindex", help=tr("rebuild the search index from the archive"))
    parser.set_defaults(handler=run_reindex)


def _words_with_one_dash_are_not_options(parser: argparse.ArgumentParser) -> None:
    """Let a query start with an exclusion (``muntada search -ميتا التواصل``).

    argparse takes any word starting with "-" for an option unless it looks like a negative
    number; every option of ``search`` starts with "--" (and "-h"), so a word with a single dash
    is treated like a number here: a query word. Without this hook such a query needs "--" first.
    """
    if hasattr(parser, "_negative_number_matcher") and not parser._has_negative_number_optionals:
        parser._negative_number_matcher = re.compile(r"^-(?!-)(?!h$)")


def split_query_options(args: argparse.Namespace) -> tuple[list[str], argparse.Namespace]:
    """The query words, and ``args`` with ``--kind``, ``--limit`` and ``--json`` typed after the query applied.

    Words after "--" are always query words.
    """
    words: list[str] = []
    tokens = iter(args.query)
    for token in tokens:
        if token == "--":
            words.extend(tokens)
            break
        name, has_value, value = token.partition("=")
        if token == "--json":
            args.json = True
        elif name in ("--kind", "--limit"):
            if not has_value:
                value = next(tokens, None)
                if value is None:
                    raise SearchOptionError("{option} needs a value.", option=name)
            _set_option(args, name, value)
        else:
            words.append(token)
    return words, args


def _set_option(args: argparse.Namespace, name: str, value: str) -> None:
    if name == "--kind":
        if value not in INDEXED_KINDS:
            raise SearchOptionError("--kind takes one of: {kinds}.", kinds=", ".join(INDEXED_KINDS))
        args.kind = value
    else:
        try:
            args.limit = result_count(value)
        except argparse.ArgumentTypeError:
            raise SearchOptionError("--limit takes a number of results, not {value}.", value=value) from None


def result_count(value: str) -> int:
    """``--limit``: a whole number of results from 1 ("0" showed 20 results, "-3" one)."""
    try:
        count = int(value)
    except ValueError:
        count = 0
    if count < 1:
        raise argparse.ArgumentTypeError(tr("--limit takes a number of results, not {value}.", value=value))
    return count


def run_search(args: argparse.Namespace, context: CliContext) -> int:
    words, args = split_query_options(args)
    search_index = context.open_search_index(_progress_printer(context))
    try:
        results = search_index.search(" ".join(words), kind=args.kind, limit=args.limit)
    finally:
        search_index.close()
    if args.json:
        context.print_json(_results_json(results))
    else:
        _print_results(context, results)
    return 0


def run_reindex(args: argparse.Namespace, context: CliContext) -> int:
    with holding_app_lock(context.locations):
        search_index = SearchIndex(context.index_path, ArchiveDocuments(context.open_archive()),
                                   context.locations.index_key)
        try:
            count = search_index.rebuild(_progress_printer(context))
            search_index.drain_outbox()
        finally:
            search_index.close()
    context.say(ntr("Search index rebuilt: {n} record.", "Search index rebuilt: {n} records.", count))
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
    before, after = hit_marks(sys.stdout)  # never «…»: those are quotation marks in Arabic
    for hit in results.hits:
        marked = hit.snippet.marked(before, after).replace("\n", " ")
        # When the row is from, in words ("3 أكتوبر 2024": digits after Arabic would be laid out
        # reversed); it also shows why a row found by a bare year matched.
        when = f" · {format_partial_date(hit.date or hit.year, current_language())}" if hit.date or hit.year else ""
        if hit.snippet.text.strip() == hit.title.strip():  # a session or figure that is its own text: once
            context.say(f"[{tr(hit.kind)} {hit.id}] {marked}{when}")
        else:
            context.say(f"[{tr(hit.kind)} {hit.id}] {hit.title}{when}")
            if marked.strip():  # a person with no post has no text of their own
                context.say(f"    {marked}")
        if hit.source_file:
            context.say(f"    {tr('Source')}: {hit.source_file}")
    if results.hits:
        context.say(ntr("{shown} of {n} result", "{shown} of {n} results", results.total, shown=len(results.hits)))


@contextmanager
def holding_app_lock(locations: Locations) -> Iterator[None]:
    """Hold the app's lock for the block (so the app cannot start meanwhile); raise ``ArchiveBusyError``
    when the app holds it. The same ``QLockFile`` as the app's (Qt is loaded for this command only)."""
    from PySide6.QtCore import QLockFile

    if locations.is_default_archive:
        make_private_folder(locations.lock_folder)
    lock = QLockFile(str(locations.lock_file))
    lock.setStaleLockTime(0)  # a lock of a process that has ended is stale at once
    if not lock.tryLock(200):
        if lock.error() != QLockFile.LockError.LockFailedError:  # a folder we cannot write: no app holds it
            yield
            return
        raise ArchiveBusyError(
            "Muntada is running with the archive {path} and is using its search index. Close the app and try "
            "again (the app rebuilds the index itself when needed); nothing was changed.", path=str(locations.archive))
    try:
        yield
    finally:
        lock.unlock()
