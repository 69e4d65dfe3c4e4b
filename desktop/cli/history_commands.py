"""Undo, redo and the list of recent changes on the command line: the same steps the app undoes.

``muntada undo`` reverts the latest change not yet undone (an edit, a deletion, a merge, an
accepted import: whatever the app or another command did), ``muntada redo`` puts back the latest
undone one, and ``muntada history --recent`` lists the latest changes, newest first, marking those
that can be undone or redone. The steps are kept in the archive (``archive.services.steps``),
so this works across restarts and between the app and the command line.
``muntada history KIND ID`` (one record's audit trail) stays as the archive commands define it.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from archive.i18n import tr
from archive.kinds import KIND_LABELS
from desktop.cli import archive_commands
from desktop.cli.context import CliContext

RECENT_DEFAULT = 20
MARK_UNDO, MARK_REDO = "*", "+"


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("undo", help=tr("undo the latest change (the app's Ctrl+Z, kept in the archive)"))
    parser.set_defaults(handler=run_undo)
    parser = subparsers.add_parser("redo", help=tr("redo the latest undone change"))
    parser.set_defaults(handler=run_redo)
    _register_recent(subparsers)


def _register_recent(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``--recent`` to ``history`` (made here when no other module made it)."""
    parser = subparsers.choices.get("history")
    if parser is None:
        parser = subparsers.add_parser("history", help=tr("the latest changes, or the audit trail of one record"))
        parser.add_argument("kind", nargs="?")
        parser.add_argument("id", nargs="?", type=int)
        parser.add_argument("--json", action="store_true", help=tr("print JSON"))
        record_history = archive_commands.run_history
    else:
        record_history = parser.get_default("handler")
        for action in parser._actions:  # KIND and ID become optional: --recent needs neither
            if action.dest in ("kind", "id"):
                action.nargs, action.required, action.default = "?", False, None
    parser.add_argument("--recent", action="store_true",
                        help=tr("list the latest changes, newest first (* can be undone, + can be redone)"))
    parser.add_argument("--limit", type=int, default=RECENT_DEFAULT, metavar="N",
                        help=tr("how many changes --recent lists (default {count})", count=RECENT_DEFAULT))

    def run_history(args: argparse.Namespace, context: CliContext) -> int:
        if args.recent:
            return run_recent(args, context)
        if args.kind is None or args.id is None:
            parser.error(tr("give KIND and ID for one record's history, or --recent for the latest changes"))
        return int(record_history(args, context))

    parser.set_defaults(handler=run_history)


def run_undo(args: argparse.Namespace, context: CliContext) -> int:
    from archive.services import undo

    outcome = undo.undo(context.open_archive())
    context.say(tr("Undone: {step}", step=outcome.step.label()))
    return 0


def run_redo(args: argparse.Namespace, context: CliContext) -> int:
    from archive.services import undo

    outcome = undo.redo(context.open_archive())
    context.say(tr("Redone: {step}", step=outcome.step.label()))
    return 0


def run_recent(args: argparse.Namespace, context: CliContext) -> int:
    from archive.services import steps, undo

    archive = context.open_archive()
    recent = steps.recent_steps(archive, max(1, args.limit))
    next_redo = undo.next_redo(archive)
    if args.json:
        context.print_json([{**_as_dict(step), "label": step.history_label()} for step in recent])
        return 0
    if not recent:
        context.say(tr("No changes yet."))
        return 0
    for step in recent:
        mark = MARK_UNDO if step.undoable else MARK_REDO if step.redoable else " "
        record = _record(step.record_kind, step.record_id)
        context.say(f"{mark} {_local(step.at)}  {step.officer or '-'}  {step.history_label()}  {record}".rstrip())
    context.say()
    context.say(tr("* can be undone (muntada undo takes the newest first); + can be redone (muntada redo)."))
    if next_redo is not None:
        context.say(tr("muntada redo would redo: {step}", step=next_redo.label()))
    return 0


def _record(kind: str | None, record_id: int | None) -> str:
    """«Person 12», in the user's language (empty when the step names no record)."""
    if kind is None or record_id is None:
        return ""
    return f"{tr(KIND_LABELS[kind]) if kind in KIND_LABELS else kind} {record_id}"


def _local(at: datetime) -> str:
    """A step's time (stored as UTC) in the computer's time zone."""
    return at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def _as_dict(step: object) -> dict[str, object]:
    from desktop.cli.context import to_jsonable

    data = to_jsonable(step)
    assert isinstance(data, dict)
    return data
