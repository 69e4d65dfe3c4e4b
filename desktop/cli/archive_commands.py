"""Commands on the archive itself: init, demo, info, list, show, check, backup, restore, history."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from archive import backups
from archive.errors import MuntadaError
from archive.i18n import N_, current_language, join_list, ntr, tr
from archive.kinds.fields import LISTED
from archive.kinds.registry import KINDS, by_list_name
from archive.kinds.shown import plain, record_attribute, row_text, shown_label
from archive.services import audit, maintenance
from archive.text.dates import format_partial_date
from desktop.cli import record_commands
from desktop.cli.context import CliContext, to_jsonable

LIST_KINDS = tuple(spec.list_name for spec in KINDS.values())
COUNT_LABELS = {**{kind: spec.plural_label for kind, spec in KINDS.items()}, "tag": N_("Tags")}
SHOW_KINDS = tuple(KINDS)
# The counts a record carries (``quote_count``), and the kind each counts, as ``show`` prints them.
COUNTED = {"session_count": "session", "event_count": "event", "people_count": "person", "quote_count": "quote",
           "statistic_count": "statistic", "source_count": "source"}


def register(subparsers: argparse._SubParsersAction) -> None:
    record_commands.register(subparsers)
    parser = subparsers.add_parser("init", help=tr("create an empty archive"))
    parser.set_defaults(handler=run_init)

    parser = subparsers.add_parser("demo", help=tr("create the sample archive (sample data, clearly marked)"))
    parser.set_defaults(handler=run_demo)

    parser = subparsers.add_parser("info", help=tr("what the archive holds, where its files are, schema version"))
    parser.add_argument("--json", action="store_true", help=tr("print JSON"))
    parser.set_defaults(handler=run_info)

    parser = subparsers.add_parser("list", help=tr("list records of one kind"))
    parser.add_argument("kind", choices=LIST_KINDS, help=tr("the kind of records to list"))
    parser.add_argument("--json", action="store_true", help=tr("print JSON"))
    parser.set_defaults(handler=run_list)

    parser = subparsers.add_parser("show", help=tr("show one record"))
    parser.add_argument("kind", choices=SHOW_KINDS, help=tr("the kind of the record"))
    parser.add_argument("id", type=int, help=tr("the record's number (muntada list shows the numbers)"))
    parser.add_argument("--json", action="store_true", help=tr("print JSON"))
    parser.set_defaults(handler=run_show)

    parser = subparsers.add_parser("history", help=tr("the audit trail of one record"))
    parser.add_argument("kind", choices=SHOW_KINDS, help=tr("the kind of the record"))
    parser.add_argument("id", type=int, help=tr("the record's number (muntada list shows the numbers)"))
    parser.add_argument("--json", action="store_true", help=tr("print JSON"))
    parser.set_defaults(handler=run_history)

    parser = subparsers.add_parser("check", help=tr("check the archive's integrity (non-zero exit on any problem)"))
    parser.set_defaults(handler=run_check)

    parser = subparsers.add_parser("backup", help=tr("copy the archive safely while it may be in use"))
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--to", metavar="PATH", help=tr("new file or folder for the copy (never overwritten)"))
    choice.add_argument("--list", action="store_true", help=tr("list the archive's backups, newest first"))
    parser.set_defaults(handler=run_backup)

    parser = subparsers.add_parser("restore",
                                   help=tr("put a backup back as the archive (the current one is kept aside)"))
    parser.add_argument("backup", metavar="BACKUP", help=tr("a backup file, or a name from 'muntada backup --list'"))
    parser.set_defaults(handler=run_restore)


def run_init(args: argparse.Namespace, context: CliContext) -> int:
    existed = context.archive_path.exists() and context.archive_path.stat().st_size > 0
    archive = context.open_archive(create=True)
    if existed:
        context.say(tr("The archive already exists: {path}", path=str(archive.path)))
    else:
        context.say(tr("Created an empty archive: {path}", path=str(archive.path)))
    return 0


def run_demo(args: argparse.Namespace, context: CliContext) -> int:
    from archive.demo import create_sample_archive

    path = context.archive_path
    if path.exists():
        raise MuntadaError(
            "An archive already exists at {path}; the sample archive is only written to a new file. "
            "Use --archive to choose another file.",
            path=str(path),
        )
    context.ensure_default_folder()
    create_sample_archive(path, officer=context.settings.officer_name)
    context.say(tr("Created the sample archive (sample data): {path}", path=str(path)))
    return 0


def run_info(args: argparse.Namespace, context: CliContext) -> int:
    archive = context.open_archive()
    info = maintenance.archive_info(archive)
    if args.json:
        context.print_json({**to_jsonable(info), "index_path": str(context.index_path)})
        return 0
    context.say(tr("Archive: {path}", path=info.path) + ("  " + tr("(sample data)") if info.is_sample else ""))
    context.say(tr("Search index: {path}", path=str(context.index_path)))
    context.say(tr("Schema version: {version} (newest: {newest})", version=info.schema_version,
                   newest=info.newest_schema_version))
    context.say(tr("Size: {size} KB", size=round(info.size_bytes / 1024)))
    if info.read_only:
        context.say(tr("Read-only: changes are not possible."))
    for kind, count in info.counts.items():
        context.say(f"  {tr(COUNT_LABELS[kind])}: {count}")
    context.say(tr("Changes waiting for the search index: {count}", count=info.pending_outbox))
    return 0


def run_list(args: argparse.Namespace, context: CliContext) -> int:
    archive = context.open_archive()
    spec = by_list_name(args.kind)
    records = spec.list(archive)
    if args.json:
        context.print_json([record_json(record, spec.kind) for record in records])
        return 0
    for record in records:
        context.say(summary_line(record))
    if not records:
        context.say(tr("Nothing to list."))
    return 0


def run_show(args: argparse.Namespace, context: CliContext) -> int:
    """One record: a line per field that has a value, with its label (``archive.kinds.shown``), then its counts."""
    spec = KINDS[args.kind]
    archive = context.open_archive()
    record = spec.get(archive, args.id)
    if args.json:
        context.print_json(record_json(record, spec.kind))
        return 0
    context.say(f"{tr(spec.label)} {record.id}")
    for row in spec.rows():
        value = row_text(spec.kind, row, record, plain)
        if value:
            context.say(f"{shown_label(row)}: {value}")
    for attribute, kind in COUNTED.items():
        if getattr(record, attribute, 0):
            context.say(f"{tr(KINDS[kind].plural_label)}: {getattr(record, attribute)}")
    return 0


def run_history(args: argparse.Namespace, context: CliContext) -> int:
    archive = context.open_archive()
    entries = audit.record_history(archive, args.kind, args.id)
    if args.json:
        context.print_json(entries)
        return 0
    for entry in entries:
        action = tr(audit.ACTION_LABELS.get(entry.action, entry.action))
        note = entry.note or changed_labels(args.kind, entry.before, entry.after)
        context.say(f"{entry.at:%Y-%m-%d %H:%M}  {action}  {entry.officer or '-'}  {note}".rstrip())
    return 0


def changed_labels(kind: str, before: dict | None, after: dict | None) -> str:
    """The fields a change (not a creation or a deletion) set, by their labels: "الاسم، المنصب".

    Without them every edit of a record's history read "عُدّل -" and nothing of what changed.
    """
    if not before or not after:
        return ""
    changed = {name for name in {*before, *after} if before.get(name) != after.get(name)}
    labels = [tr(field.label).split(" (")[0] for field in KINDS[kind].fields() if field.name in changed]
    return join_list(labels) if labels else ""


def run_check(args: argparse.Namespace, context: CliContext) -> int:
    archive = context.open_archive()
    report = maintenance.check_archive(archive)
    for note in report.notes:
        context.say(note)
    for problem in report.problems:
        context.error(problem)
    if report.ok:
        context.say(tr("The archive is sound."))
        return 0
    context.error(ntr("{n} problem found. Restore a backup or contact support.",
                      "{n} problems found. Restore a backup or contact support.", len(report.problems)))
    return 1


def run_backup(args: argparse.Namespace, context: CliContext) -> int:
    if args.list:
        return list_backups(context)
    archive = context.open_archive()
    target = maintenance.backup_archive(archive, Path(args.to).expanduser() if args.to else None)
    context.say(tr("Backup written: {path}", path=str(target)))
    return 0


def list_backups(context: CliContext) -> int:
    """``muntada backup --list``: one line per backup (time, kind, size, file name), newest first."""
    found = backups.list_backups(context.archive_path)
    if not found:
        context.say(tr("No backups yet in {folder}.", folder=str(backups.backups_folder(context.archive_path))))
        return 0
    context.say(tr("Backups in {folder}:", folder=str(backups.backups_folder(context.archive_path))))
    labels = [backup_kind_label(info.kind) for info in found]
    sizes = [tr("{size} KB", size=max(1, round(info.size_bytes / 1024))) for info in found]
    label_width, size_width = max(map(len, labels)), max(map(len, sizes))  # columns as wide as what they hold
    for info, label, size in zip(found, labels, sizes, strict=True):
        context.say(f"{info.taken_at:%Y-%m-%d %H:%M:%S}  {label:<{label_width}}  {size:>{size_width}}"
                    f"  {info.path.name}")
    return 0


def run_restore(args: argparse.Namespace, context: CliContext) -> int:
    """Put a backup back, keep the replaced archive aside, and rebuild the search index from the restored one."""
    path = context.archive_path
    backup = backups.find_backup(path, args.backup)
    context.close()  # the archive must not be open while it is replaced
    outcome = backups.restore_backup(path, backup)
    context.say(tr("Restored the backup {backup} as the archive {path}.", backup=str(outcome.restored_from),
                   path=str(path)))
    if outcome.kept_aside is not None:
        context.say(tr("The archive as it was is kept in {path}.", path=str(outcome.kept_aside)))
    rebuild_search_index(context)
    return 0


def rebuild_search_index(context: CliContext) -> None:
    """Bring the search index in line with the restored archive, showing progress on a terminal.

    The restore gave the archive a new generation, so opening the index rebuilds it.
    """

    def report(done: int, total: int) -> None:
        if sys.stderr.isatty() and total:
            indexing = tr("Indexing")  # not inside the f-string, where Babel's extractor cannot see it
            print(f"\r{indexing} {done}/{total}", end="", file=sys.stderr, flush=True)
            if done >= total:
                print(file=sys.stderr)

    context.open_search_index(report).close()
    context.say(tr("The search index was rebuilt from the restored archive."))


def backup_kind_label(kind: str) -> str:
    """What a kind of backup is called in ``muntada backup --list`` (as the app's restore list calls it)."""
    return backups.kind_label(kind)


def record_json(record: Any, kind: str | None = None) -> dict:
    """A record as JSON, its keys in ``show``'s order when ``kind`` is given; quotes and figures carry
    their source with its span."""
    data = to_jsonable(record)
    if isinstance(data, dict) and data.get("source") and "source_start" in data:
        data["source"] = {**data["source"], "start": data["source_start"], "end": data["source_end"]}
    return in_shown_order(kind, data) if kind is not None else data


def in_shown_order(kind: str, data: dict) -> dict:
    """``data`` with its keys in the order ``show`` and the app's record page read the record.

    The id, then each row's fields (a link where its ``before`` puts it: a quote's speaker before
    the speaker's printed title), then the counts, then what neither shows. Without it every link
    came after all the plain fields (``dataclasses.fields`` lists a record's own fields last).
    """
    shown = [record_attribute(name) for row in KINDS[kind].rows()
             for name in (row.names if row.style == "figure" else [field.name for field in row.fields])]
    order = ["id", *shown, *COUNTED]
    first = [key for key in dict.fromkeys(order) if key in data]
    return {**{key: data[key] for key in first}, **{key: value for key, value in data.items() if key not in first}}


def summary_line(record: Any) -> str:
    """One human line for a record in ``muntada list``: its name, then its ``LISTED`` fields (a link by name)."""
    data = to_jsonable(record)
    label = data.get("name") or data.get("title") or data.get("figure_text") or data.get("text") or ""
    label = label if len(label) <= 90 else label[:87] + "…"
    extra = []
    for name in LISTED:
        value = data.get(record_attribute(name))
        if value and name.endswith(("_date", "_on")):  # in words, as search prints it: "2024-05-12"
            value = format_partial_date(str(value), current_language())  # read reversed after Arabic
        if value:
            extra.append(value["name"] if isinstance(value, dict) else str(value))
    return f"{data['id']:>5}  {label}" + (f"  ({' · '.join(extra)})" if extra else "")
