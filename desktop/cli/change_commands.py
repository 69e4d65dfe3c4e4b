"""``muntada delete KIND ID`` and ``muntada merge KIND KEEP_ID OTHER_ID``: what the app's Delete and Merge do.

Each says first what else the change touches (``archive.services.record_links``: an event's
sessions deleted with it, a person's quotes kept without a speaker, the quotes that move to the
record kept), then asks on a terminal; ``--yes`` skips the question, and without a terminal to ask
on (a script, a pipe) nothing is changed unless ``--yes`` is given. Each change is one step:
``muntada undo`` brings every row back. Deleting goes through ``archive.services.history.delete``
as the app's Delete does; merging people and organisations through their services as the app's
merge dialog does, other kinds through ``record_links.merge_records``. A read-only archive, an
unknown record and a merge that cannot be made are refused by the services, as in the app.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from archive.errors import MuntadaError
from archive.i18n import counts, join_list, ntr, tr
from archive.kinds.registry import KINDS
from desktop.cli.context import CliContext
from desktop.cli.record_commands import YES

NAME_LENGTH = 70
COUNTED_IN_WORDS = {
    "quote": counts.quotes, "statistic": counts.figures, "person": counts.people, "session": counts.sessions,
    "event": counts.events,
    "organisation": lambda n: ntr("{n} organisation", "{n} organisations", n),
    "source": lambda n: ntr("{n} source", "{n} sources", n),
}


class NotConfirmedError(MuntadaError):
    """The officer did not say yes (or could not be asked): nothing was changed."""

    exit_code = 1


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("delete", help=tr("delete a record (muntada undo brings it back)"))
    parser.add_argument("kind", choices=tuple(KINDS), help=tr("the kind of the record"))
    parser.add_argument("id", type=int, help=tr("the record's number (muntada list shows the numbers)"))
    _yes_option(parser, tr("delete without asking"))
    parser.set_defaults(handler=run_delete)

    parser = subparsers.add_parser("merge", help=tr("merge a duplicate into the record kept (muntada undo takes it "
                                                    "back)"))
    parser.add_argument("kind", choices=tuple(KINDS), help=tr("the kind of the two records"))
    parser.add_argument("keep_id", type=int, metavar="KEEP_ID", help=tr("the number of the record to keep"))
    parser.add_argument("other_id", type=int, metavar="OTHER_ID",
                        help=tr("the number of the duplicate: its links move to the record kept, then it is deleted"))
    _yes_option(parser, tr("merge without asking"))
    parser.set_defaults(handler=run_merge)


def _yes_option(parser: argparse.ArgumentParser, text: str) -> None:
    parser.add_argument("--yes", "-y", action="store_true", help=text)


def run_delete(args: argparse.Namespace, context: CliContext) -> int:
    from archive.services import history, record_links

    spec = KINDS[args.kind]
    archive = context.open_archive()
    archive.require_writable()
    record = spec.get(archive, args.id)
    linked = record_links.linked(archive, args.kind, args.id)
    context.say(f"{_named(args.kind, record)}")
    if linked.deleted_with:
        context.say(tr("Deleted with it: {records}.", records=_in_words(linked.deleted_with)))
    if linked.kept:
        context.say(tr("Kept, without their link to it: {records}.", records=_in_words(linked.kept)))
    if not linked.anything:
        context.say(tr("Nothing else is linked to it."))
    if not _confirmed(args, tr("Delete it? muntada undo brings it back.")):
        raise NotConfirmedError("Nothing was deleted.")
    history.delete(archive, args.kind, args.id)
    context.say(tr("Deleted {record}. muntada undo brings it back.", record=_named(args.kind, record)))
    return 0


def run_merge(args: argparse.Namespace, context: CliContext) -> int:
    from archive.services import record_links

    spec = KINDS[args.kind]
    archive = context.open_archive()
    archive.require_writable()
    record_links.check_merge(archive, args.kind, args.keep_id, args.other_id)
    keep, other = spec.get(archive, args.keep_id), spec.get(archive, args.other_id)
    moving = record_links.linked(archive, args.kind, args.other_id)
    kept_name, other_name = _named(args.kind, keep), _named(args.kind, other)
    context.say(tr("Keep: {record}", record=kept_name))
    context.say(tr("Merge into it, then delete: {record}", record=other_name))
    moved = {kind: moving.kept.get(kind, 0) + moving.deleted_with.get(kind, 0)
             for kind in {*moving.kept, *moving.deleted_with}}  # a merge moves every link, even an event's sessions
    if moved:
        context.say(tr("Moves to the record kept: {records}.", records=_in_words(moved)))
    else:
        context.say(tr("Nothing is linked to the duplicate: nothing moves."))
    if args.kind in record_links.OWN_MERGES:
        context.say(tr("The duplicate's name and other spellings become other spellings of the record kept."))
    if not _confirmed(args, tr("Merge them? muntada undo takes the merge back.")):
        raise NotConfirmedError("Nothing was merged.")
    record_links.merge_records(archive, args.kind, args.keep_id, args.other_id)
    context.say(tr("Merged {other} into {kept}. muntada undo takes it back.", other=other_name, kept=kept_name))
    return 0


def _confirmed(args: argparse.Namespace, question: str) -> bool:
    """Whether to go on: ``--yes``, or a yes typed on a terminal (``NotConfirmedError`` without one)."""
    if args.yes:
        return True
    if not _is_terminal():
        raise NotConfirmedError("{command} asks before it changes anything, and there is no terminal to ask on: "
                                "add --yes to go ahead without being asked.", command=f"muntada {args.command}")
    choices = tr("[y/N]")  # not inside the f-string, where Babel's extractor cannot see it
    try:
        answer = input(f"{question} {choices} ")
    except EOFError:
        answer = ""
    return answer.strip().casefold() in YES


def _is_terminal() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):  # a replaced or closed stream
        return False


def _named(kind: str, record: Any) -> str:
    """«Person 8 «سالم الهاشمي»»: the kind, the number and the record's name, cut when long."""
    name = next((value for attribute in ("display_name", "name", "title", "figure_text", "text", "file_name")
                 if isinstance(value := getattr(record, attribute, None), str) and value.strip()), "")
    name = name if len(name) <= NAME_LENGTH else name[:NAME_LENGTH - 1] + "…"
    label = f"{tr(KINDS[kind].label)} {record.id}"
    return f"{label} «{name}»" if name else label


def _in_words(by_kind: dict[str, int]) -> str:
    """«3 quotes, 1 figure and 2 sessions», in the order of the registry's kinds."""
    return join_list(COUNTED_IN_WORDS[kind](count) if kind in COUNTED_IN_WORDS
                     else f"{tr(KINDS[kind].plural_label)}: {count}"
                     for kind in KINDS if (count := by_kind.get(kind, 0)))
