"""``muntada review``: the imported articles whose proposals wait for review, from the command line.

``muntada import`` keeps each new article's proposals pending; before this command only the
app's Import page could accept them, and the command line said nothing of where to go.
``muntada review`` lists the waiting articles, ``review ID`` shows one article's proposals as
``extract`` does, ``review ID --accept`` stores all of them (one step: ``muntada undo`` takes it
back) and ``review ID --reject`` closes the review without storing any (the article stays).
An article already decided says when it was accepted or rejected, and invites nothing more.
Choosing proposal by proposal, or correcting one, is the app's Import page.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from archive.i18n import counts, join_list, tr
from archive.importing.file_names import shown_file_name
from archive.importing.review_decision import ReviewDecision, review_decision
from archive.importing.service import (
    AcceptedRecords,
    PendingReview,
    accept_proposals,
    get_review,
    pending_reviews,
    reject_proposals,
)
from desktop.cli.context import CliContext
from desktop.cli.import_commands import accepted_event, one_list_of_quotes, print_proposals


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "review", help=tr("list the imported articles waiting for review; show, accept or reject one's proposals"))
    parser.add_argument("source_id", nargs="?", type=int, metavar="ID",
                        help=tr("the article's source number, from the list 'muntada review' prints"))
    decision = parser.add_mutually_exclusive_group()
    decision.add_argument("--accept", action="store_true", help=tr("store every proposal of this article"))
    decision.add_argument("--reject", action="store_true",
                          help=tr("store none of its proposals (the article stays in the archive)"))
    parser.add_argument("--json", action="store_true", help=tr("print JSON"))
    parser.set_defaults(handler=run_review)


def run_review(args: argparse.Namespace, context: CliContext) -> int:
    archive = context.open_archive()
    if args.source_id is None:
        if args.accept or args.reject:
            context.error(tr("Name the article: 'muntada review ID --accept' (the numbers are in 'muntada review')."))
            return 2
        return _list_waiting(context, pending_reviews(archive), args.json)
    if args.accept:
        return _say_accepted(context, accept_proposals(archive, args.source_id), args.json)
    if args.reject:
        reject_proposals(archive, args.source_id)
        if args.json:
            context.print_json({"source_id": args.source_id, "rejected": True})
        else:
            context.say(tr("The proposals of source {id} were rejected; the article stays in the archive.",
                           id=args.source_id))
        return 0
    review = get_review(archive, args.source_id)
    decision = review_decision(archive, args.source_id)
    proposals = one_list_of_quotes(dict(review.proposals))
    if args.json:
        context.print_json({**proposals, "decision": _decision_json(decision)})
        return 0
    if decision is not None:
        context.say(_decided_line(decision))
        return 0
    print_proposals(context, proposals)
    context.say(tr("Accept them all with 'muntada review {id} --accept', or reject them with --reject; to choose "
                   "one by one, use the app's Import page.", id=args.source_id))
    return 0


def _decided_line(decision: ReviewDecision) -> str:
    when = _local(decision.decided_at) if decision.decided_at is not None else "-"
    if decision.accepted:
        return tr("The proposals of source {id} were already accepted on {when}; nothing is left to review.",
                  id=decision.source_id, when=when)
    return tr("The proposals of source {id} were already rejected on {when}: nothing was stored from them, "
              "and nothing is left to review.", id=decision.source_id, when=when)


def _decision_json(decision: ReviewDecision | None) -> dict[str, object] | None:
    if decision is None:
        return None
    return {"status": "accepted" if decision.accepted else "rejected", "officer": decision.officer,
            "decided_at": decision.decided_at.isoformat() if decision.decided_at is not None else None}


def _local(at: datetime) -> str:
    """A time stored as UTC, in the computer's time zone."""
    return at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def _list_waiting(context: CliContext, waiting: list[PendingReview], as_json: bool) -> int:
    if as_json:
        context.print_json([{"source_id": review.source_id, "file": review.file_name, "title": review.title,
                             "outlet": review.outlet, "imported_at": review.created_at, "counts": review.counts}
                            for review in waiting])
        return 0
    if not waiting:
        context.say(tr("No imported article is waiting for review."))
        return 0
    for review in waiting:
        name = review.title or shown_file_name(review.file_name or "") or "-"
        context.say(f"{review.source_id:>5}  {name} · {_summary(review.counts)}")
    context.say()
    context.say(tr("Show one with 'muntada review ID'; accept all of its proposals with 'muntada review ID "
                   "--accept'."))
    return 0


def _summary(proposed: dict[str, int]) -> str:
    quotes = proposed.get("quotes", 0) + proposed.get("further_quotes", 0)  # continuations are quotes too
    return join_list([counts.quotes(quotes), counts.figures(proposed.get("statistics", 0)),
                      counts.people(proposed.get("people", 0))])


def _say_accepted(context: CliContext, records: AcceptedRecords, as_json: bool) -> int:
    if as_json:
        context.print_json(records)
        return 0
    stored = join_list([counts.sessions(len(records.session_ids)), counts.quotes(len(records.quote_ids)),
                        counts.figures(len(records.statistic_ids)), counts.people(len(records.person_ids))])
    context.say(tr("The proposals of source {id} were accepted: {event}, {stored}. 'muntada undo' takes "
                   "them back.", id=records.source_id, event=accepted_event(records.event_id), stored=stored))
    return 0
