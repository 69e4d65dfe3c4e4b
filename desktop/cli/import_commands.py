"""Commands of the import area: ``extract`` (show proposals, write nothing) and ``import``.

``muntada extract FILE [--json]`` reads one article and prints what Muntada proposes from it;
offsets are character offsets into the decoded text of the file. ``muntada import FILE|DIR...
[--accept-all] [--json]`` stores each article with its proposals pending review (``muntada review``,
or the app's Import page), or accepted at once with ``--accept-all``; the same article imported
again changes nothing and says so.

``import`` needs an existing archive (``init`` and ``demo`` create them). Every file has its own
result line, named safely (control characters escaped), followed by its warnings (damaged bytes
replaced); a file that fails is one line and the others go on; the exit code is 1 when any file
was skipped.
"""

from __future__ import annotations

import argparse
import sys

from archive.i18n import N_, counts, join_list, tr
from archive.importing.extraction import extract, proposals_to_json
from archive.importing.file_names import shown_file_name
from archive.importing.readers import read_document
from archive.importing.service import ImportResult, import_files
from desktop.cli.context import CliContext

# A quote's kind as the review table names it (the same messages, so the same words).
QUOTE_KINDS = {"direct": N_("Quote: direct"), "indirect": N_("Quote: reported"),
               "continuation": N_("Quote: continuation")}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("extract", help=tr("show what Muntada reads from an article (writes nothing)"))
    parser.add_argument("file", metavar="FILE", help=tr("a .txt, .docx, .html or .pdf article"))
    parser.add_argument("--json", action="store_true", help=tr("print the proposals as JSON"))
    parser.set_defaults(handler=run_extract)

    parser = subparsers.add_parser("import", help=tr("import articles, keeping their proposals for review"))
    parser.add_argument("paths", nargs="+", metavar="FILE|DIR", help=tr("articles, or folders of articles"))
    parser.add_argument("--accept-all", action="store_true", help=tr("accept every proposal without review"))
    parser.add_argument("--json", action="store_true", help=tr("print the results as JSON"))
    parser.set_defaults(handler=run_import)


def run_extract(args: argparse.Namespace, context: CliContext) -> int:
    document = read_document(args.file)
    for warning in document.warnings:  # on stderr, so that --json output stays JSON
        context.error(tr("{file}: warning: {warning}", file=document.file_name, warning=warning))
    proposals = one_list_of_quotes(proposals_to_json(extract(document.text)))
    if args.json:
        context.print_json(proposals)
        return 0
    print_proposals(context, proposals)
    return 0


def run_import(args: argparse.Namespace, context: CliContext) -> int:
    archive = context.open_archive(create=False)
    progress = None if args.json else _progress_line
    results = import_files(archive, args.paths, accept_all=args.accept_all, progress=progress)
    if args.json:
        context.print_json([_result_json(result) for result in results])
    else:
        for result in results:
            context.say(_result_line(result))
            for warning in result.warnings:
                context.say(tr("{file}: warning: {warning}", file=result.file, warning=warning))
    return 1 if any(result.skipped for result in results) else 0


def _progress_line(done: int, total: int, file_name: str) -> None:
    print(f"[{done}/{total}] {shown_file_name(file_name)}", file=sys.stderr)


def _result_json(result: ImportResult) -> dict:
    records = result.records
    return {"file": result.file, "source_id": result.source_id, "duplicate": result.duplicate,
            "skipped": result.skipped, "accepted": result.accepted, "counts": result.counts,
            "warnings": list(result.warnings), "concurrent": result.concurrent,
            "records": None if records is None else {
                "event_id": records.event_id, "session_ids": list(records.session_ids),
                "quote_ids": list(records.quote_ids), "statistic_ids": list(records.statistic_ids),
                "person_ids": list(records.person_ids)}}


def accepted_event(event_id: int | None) -> str:
    """The event an acceptance made or linked, as words: "event 3", or "no event" when the article named none."""
    return tr("event {id}", id=event_id) if event_id is not None else tr("no event")


def _result_line(result: ImportResult) -> str:
    if result.skipped:
        return tr("{file}: skipped: {reason}", file=result.file, reason=result.skipped)
    if result.duplicate and result.concurrent:
        return tr("{file}: already in the archive (imported at the same moment by another process, source {id}); "
                  "nothing changed.", file=result.file, id=result.source_id)
    if result.duplicate:
        return tr("{file}: already in the archive (source {id}); nothing changed.",
                  file=result.file, id=result.source_id)
    if result.records is not None:
        records = result.records
        accepted = join_list([counts.sessions(len(records.session_ids)), counts.quotes(len(records.quote_ids)),
                              counts.figures(len(records.statistic_ids)), counts.people(len(records.person_ids))])
        return tr("{file}: imported as source {id} and accepted: {event}, {accepted}.", file=result.file,
                  id=result.source_id, event=accepted_event(records.event_id), accepted=accepted)
    proposed = result.counts
    quotes = proposed.get("quotes", 0) + proposed.get("further_quotes", 0)  # continuations are quotes too
    summary = join_list([counts.quotes(quotes), counts.figures(proposed.get("statistics", 0)),
                         counts.people(proposed.get("people", 0))])
    # Say where they wait: the app's Import page, or 'muntada review' here.
    return tr("{file}: imported as source {id}; proposals waiting for review ({summary}): 'muntada review {id}', "
              "or the app's Import page.", file=result.file, id=result.source_id, summary=summary)


def one_list_of_quotes(proposals: dict) -> dict:
    """The officer's view: every quote in one list, in text order, each with its kind
    (``direct``, ``indirect`` or ``continuation`` of the previous speaker) and confidence."""
    merged = []
    for quote in [*proposals["quotes"], *proposals.pop("further_quotes", ())]:
        kind = "continuation" if quote.get("attribution") == "continuation" else quote["kind"]
        merged.append({**quote, "kind": kind, "said": quote["kind"]})
    proposals["quotes"] = sorted(merged, key=lambda quote: quote["start"])
    return proposals


def print_proposals(context: CliContext, proposals: dict) -> None:
    event = proposals.get("event")
    if proposals.get("headline"):
        context.say(tr("Headline: {text}", text=proposals["headline"]["text"]))
    if proposals.get("dateline"):
        dateline = proposals["dateline"]
        context.say(tr("Dateline: {city} - {outlet}",
                       city=dateline.get("city") or "", outlet=dateline.get("outlet") or ""))
    if event:
        context.say(tr("Event: {name}", name=event["name"]))
    context.say(tr("Quotes: {count}", count=len(proposals["quotes"])))
    for quote in proposals["quotes"]:
        kind = tr(QUOTE_KINDS.get(quote["kind"], QUOTE_KINDS["direct"]))
        context.say(f"  [{quote['start']}-{quote['end']}] {kind} · {quote['confidence']:.2f} · "
                    f"{quote['speaker'] or '?'}: «{quote['text']}»")
    context.say(tr("Figures: {count}", count=len(proposals["statistics"])))
    for figure in proposals["statistics"]:
        context.say(f"  [{figure['start']}-{figure['end']}] {figure['text']}")
