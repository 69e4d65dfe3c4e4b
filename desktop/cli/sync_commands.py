"""Sync on the command line: ``muntada sync``, ``muntada team pull`` and ``muntada conflicts``.

``sync`` exchanges this desktop's changes with the team server (``archive.team.sync``), then
brings the search index up to date with what was pulled; ``team pull`` fills a new, empty
desktop from the team archive (a sync that only pulls); ``conflicts`` lists the open conflicts
and resolves one (keep mine, keep theirs, or field by field). The server's address is the one
saved by ``team init``/``team push`` unless one is given. An unreachable server is exit code 3
and one line, as for every team command.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from archive.db.engine import Archive
from archive.errors import MuntadaError, RecordNotFoundError
from archive.i18n import N_, join_list, tr
from archive.kinds.fields import FormField
from archive.team.conflicts import KEY_SUFFIX, Conflict, open_conflicts, resolve_conflict
from archive.team.errors import TeamPermissionError
from archive.team.sync import SyncProgress, SyncResult, pull_archive, sync_archive, sync_status
from desktop.cli.context import CliContext

SERVER_HELP = N_("the team server (default: the one set up by 'muntada team init')")
STAGE_LABELS = {"pull": N_("Pulling"), "push": N_("Pushing"), "index": N_("Indexing")}
EMPTY = "—"  # an empty field, as the app's conflicts view shows it


def register(subparsers: argparse._SubParsersAction, team_commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """``sync`` and ``conflicts`` among the top-level commands, ``pull`` among the team commands."""
    parser = subparsers.add_parser("sync", help=tr("exchange this archive's changes with the team server"))
    parser.add_argument("server", metavar="URL", nargs="?", help=tr(SERVER_HELP))
    parser.set_defaults(handler=run_sync)
    parser = team_commands.add_parser("pull", help=tr("fill this (new) archive from the team archive"))
    parser.add_argument("server", metavar="URL", nargs="?", help=tr(SERVER_HELP))
    parser.set_defaults(handler=run_pull)
    parser = subparsers.add_parser("conflicts", help=tr("list the sync conflicts, or resolve one"))
    parser.add_argument("conflict", metavar="ID", type=int, nargs="?", help=tr("the conflict to resolve"))
    parser.add_argument("--keep", choices=("mine", "theirs"),
                        help=tr("keep this desktop's version (mine) or the server's (theirs)"))
    parser.add_argument("--field", metavar="FIELD=mine|theirs", action="append", default=[],
                        help=tr("resolve field by field: the side kept for FIELD (the other fields: mine)"))
    parser.add_argument("--json", action="store_true", help=tr("print JSON"))
    parser.set_defaults(handler=run_conflicts)


def run_sync(args: argparse.Namespace, context: CliContext) -> int:
    return _exchange(args, context, sync_archive)


def run_pull(args: argparse.Namespace, context: CliContext) -> int:
    return _exchange(args, context, pull_archive)


def _exchange(args: argparse.Namespace, context: CliContext, exchange: Callable[..., SyncResult]) -> int:
    from desktop.cli.team_commands import connect, remember

    archive = context.open_archive(create=True)
    address, given_password, engine = connect(args.server, context)
    synced_before = sync_status(archive).last_sync_at
    try:
        result = exchange(archive, engine, address, progress=lambda step: _show(context, step))
    except TeamPermissionError:
        if sync_status(archive).last_sync_at != synced_before:  # a reader: the pull went through, the push not
            context.say(tr("The team's changes were received. This computer's changes were not sent:"))
        raise
    finally:
        engine.dispose()
    remember(context, address, given_password)
    search_index = context.open_search_index(lambda done, total: _show(context, SyncProgress("index", done, total)))
    search_index.close()
    context.say(tr("Synced with {server}. Pulled: {pulled}. Pushed: {pushed}. New conflicts: {conflicts}.",
                   server=address.display, pulled=result.pulled, pushed=result.pushed, conflicts=result.conflicts))
    status = sync_status(archive)
    if status.open_conflicts:
        context.say(tr("Open conflicts: {count}. See them with 'muntada conflicts'.", count=status.open_conflicts))
    return 0


def _show(context: CliContext, step: SyncProgress) -> None:
    if step.total:
        context.say(f"{tr(STAGE_LABELS[step.stage])}: {step.done}/{step.total}")
        sys.stdout.flush()  # progress is seen as it happens, also through a pipe


def run_conflicts(args: argparse.Namespace, context: CliContext) -> int:
    archive = context.open_archive()
    if args.conflict is None:
        conflicts = open_conflicts(archive)
        if args.json:
            context.print_json(conflicts)
        elif not conflicts:
            context.say(tr("No open conflicts."))
        for conflict in conflicts if not args.json else ():
            _print_conflict(context, conflict, archive)
        return 0
    choice = _choice(args)
    changes = resolve_conflict(archive, args.conflict, choice)
    context.open_search_index().close()  # the records written here reach the search index
    context.say(tr("Conflict {id} resolved. The next sync sends the result to the team server.", id=args.conflict)
                if choice != "theirs" or changes else tr("Conflict {id} resolved.", id=args.conflict))
    return 0


def _choice(args: argparse.Namespace) -> str | dict[str, str]:
    if args.keep and args.field:
        raise MuntadaError("Give either --keep or --field, not both.")
    if args.keep:
        return str(args.keep)
    fields: dict[str, str] = {}
    for given in args.field:
        name, _equals, side = given.partition("=")
        if side not in ("mine", "theirs") or not name:
            raise MuntadaError("Write each --field as FIELD=mine or FIELD=theirs (e.g. --field title=theirs).")
        fields[name] = side
    if not fields:
        raise MuntadaError("Say what to keep: --keep mine, --keep theirs, or --field FIELD=mine|theirs.")
    return fields


def _print_conflict(context: CliContext, conflict: Conflict, archive: Archive) -> None:
    """The conflict's record in words, then each differing field by its label, with the name
    ``--field NAME=mine|theirs`` takes in brackets, and each side's value as the officer knows it."""
    from archive.kinds import KIND_LABELS
    from archive.kinds.registry import spec_of

    kind = tr(KIND_LABELS[conflict.kind]) if conflict.kind in KIND_LABELS else conflict.kind
    context.say(f"{conflict.id}  {kind}  {conflict.label}")
    if conflict.officer:
        context.say("    " + tr("theirs: changed on the team server by {officer}", officer=conflict.officer))
    fields = {field.name: field for field in spec_of(conflict.kind).fields()} if conflict.kind in KIND_LABELS else {}
    for name in conflict.differing:
        if name.endswith(KEY_SUFFIX):  # a comparison key follows its field, and is not the officer's to choose
            continue
        field = fields.get(name)
        mine, theirs = (tr("(deleted)") if side is None else _shown(archive, conflict.kind, field, name, side.get(name))
                        for side in (conflict.mine, conflict.theirs))
        shown = f"{tr(field.label)} ({name})" if field is not None else name
        mine_word, theirs_word = tr("mine"), tr("theirs")
        context.say(f"    {shown}: {mine_word} = {mine} | {theirs_word} = {theirs}")


def _shown(archive: Archive, kind: str, field: FormField | None, name: str, value: object) -> str:
    """One side's value: a linked record as "name (#id)", a choice and a yes/no in words, nothing as a dash."""
    from archive.kinds import KIND_LABELS
    from archive.kinds.fields import CHOICE_LABELS, KIND_CHOICE_LABELS

    if value is None or value == "" or value == [] or value == ():
        return EMPTY
    if isinstance(value, bool):
        return tr("Yes") if value else tr("No")
    link_kind = field.link_kind if field is not None else name.removesuffix("_id")
    if isinstance(value, int) and name.endswith("_id") and link_kind in KIND_LABELS:
        return f"{_record_name(archive, link_kind, value)} (#{value})"
    if isinstance(value, str) and (kind, value) in KIND_CHOICE_LABELS:
        return tr(KIND_CHOICE_LABELS[(kind, value)])
    if isinstance(value, str) and field is not None and field.widget == "choice" and value in CHOICE_LABELS:
        return tr(CHOICE_LABELS[value])
    if isinstance(value, (list, tuple)):
        return join_list(str(item) for item in value)
    return str(value)


def _record_name(archive: Archive, kind: str, record_id: int) -> str:
    """The name a linked record is known by (its number alone when it is gone)."""
    from archive.kinds.registry import spec_of

    try:
        record = spec_of(kind).get(archive, record_id)
    except RecordNotFoundError:
        return "?"
    for attribute in ("display_name", "name", "title", "file_name"):
        name = getattr(record, attribute, None)
        if name:
            return str(name)
    return "?"
