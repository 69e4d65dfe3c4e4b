"""``muntada add KIND --FIELD VALUE ...`` and ``muntada edit KIND ID --FIELD VALUE ...``.

The options of each kind are its form's fields (``archive.kinds.registry``), so a field added to
a kind's ``*Input`` is an option here with nothing else to write. Values are read by the field's
widget: numbers, yes/no, comma-separated lists and ids; in ``edit``, an empty value clears a
field and fields not given keep their value. The services validate, as for the app.
"""

from __future__ import annotations

import argparse
import dataclasses
import re
from typing import Any

from archive.errors import ValidationError
from archive.i18n import join_list, tr
from archive.kinds.fields import FormField
from archive.kinds.registry import KINDS, KindSpec
from archive.services.unit import get_or_raise
from desktop.cli.context import CliContext

LIST_SEPARATORS = re.compile(r"[،,]")
YES, NO = ("yes", "y", "true", "1", "نعم"), ("no", "n", "false", "0", "لا")


def register(subparsers: argparse._SubParsersAction) -> None:
    add = subparsers.add_parser("add", help=tr("add a record (each field is an option)"),
                                formatter_class=FieldHelpFormatter)
    edit = subparsers.add_parser("edit", help=tr("change fields of a record (fields not given keep their value)"),
                                 formatter_class=FieldHelpFormatter)
    add_kinds = add.add_subparsers(dest="record_kind", metavar="KIND", required=True)
    edit_kinds = edit.add_subparsers(dest="record_kind", metavar="KIND", required=True)
    for kind, spec in KINDS.items():
        parser = add_kinds.add_parser(kind, help=tr(spec.label), formatter_class=FieldHelpFormatter)
        _add_field_options(parser, spec.form(new=True))
        parser.set_defaults(handler=run_add)
        parser = edit_kinds.add_parser(kind, help=tr(spec.label), formatter_class=FieldHelpFormatter)
        parser.add_argument("id", type=int, help=tr("the record's number, from muntada list {kinds}",
                                                    kinds=spec.list_name))
        _add_field_options(parser, spec.form())
        parser.set_defaults(handler=run_edit)


def _add_field_options(parser: argparse.ArgumentParser, fields: tuple[FormField, ...]) -> None:
    for field in fields:
        parser.add_argument(option_name(field), dest=field.name, metavar="VALUE", default=None,
                            help=field_help(field))


def field_help(field: FormField) -> str:
    """An option's help: the field's label and, where the value is typed otherwise than as text, how."""
    label = tr(field.label)
    list_name = KINDS[field.link_kind].list_name if field.link_kind in KINDS else ""
    if field.widget == "link" and list_name:
        return tr("{field}: a number from muntada list {kinds}", field=label, kinds=list_name)
    if field.widget == "links" and list_name:
        return tr("{field}: numbers from muntada list {kinds}, separated by commas", field=label, kinds=list_name)
    if field.widget == "choice":
        return tr("{field}: one of {choices}", field=label,
                  choices=join_list(choice for choice in field.choices if choice))
    if field.widget == "bool":
        return tr("{field}: yes or no", field=label)
    if field.widget in ("int", "float"):
        return tr("{field}: a number", field=label)
    if field.name == "date" or field.name.endswith(("_date", "_on")):
        return tr("{field}: YYYY, YYYY-MM or YYYY-MM-DD", field=label)
    if field.name.endswith("_time"):
        return tr("{field}: HH:MM", field=label)
    return label


class FieldHelpFormatter(argparse.HelpFormatter):
    """Help beside each option, not on the line below: the longest (``--presenter-person-ids VALUE``)
    would otherwise push every long option's help to a line of its own, where it reads as missing."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=34)


def option_name(field: FormField) -> str:
    """``--figure-text`` for the field ``figure_text``."""
    return "--" + field.name.replace("_", "-")


def run_add(args: argparse.Namespace, context: CliContext) -> int:
    spec = KINDS[args.record_kind]  # not "kind": a source and an event have a field of that name
    archive = context.open_archive()
    values = _given_values(args, spec.form(new=True))
    try:
        data = spec.input_type(**values)
    except TypeError:
        missing = [option_name(field) for field in spec.form(new=True)
                   if field.name not in values and _required(spec, field.name)]
        raise ValidationError("Give the required fields: {fields}.", fields=", ".join(missing)) from None
    record = spec.create(archive, data)
    context.say(tr("Added {kind} {id}.", kind=tr(spec.label), id=record.id))
    return 0


def run_edit(args: argparse.Namespace, context: CliContext) -> int:
    spec = KINDS[args.record_kind]
    archive = context.open_archive()
    with archive.session() as session:
        current = spec.to_input(get_or_raise(session, spec.model, spec.kind, args.id))
    spec.update(archive, args.id, dataclasses.replace(current, **_given_values(args, spec.form())))
    context.say(tr("Changed {kind} {id}.", kind=tr(spec.label), id=args.id))
    return 0


def _required(spec: KindSpec, name: str) -> bool:
    field = next(field for field in dataclasses.fields(spec.input_type) if field.name == name)
    return field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING


def _given_values(args: argparse.Namespace, fields: tuple[FormField, ...]) -> dict[str, Any]:
    return {field.name: parse_value(field, getattr(args, field.name)) for field in fields
            if getattr(args, field.name) is not None}


def parse_value(field: FormField, text: str) -> Any:
    """A typed option's value as the field's ``*Input`` attribute ("" clears it)."""
    text = text.strip()
    if field.widget in ("list", "links"):
        parts = tuple(part.strip() for part in LIST_SEPARATORS.split(text) if part.strip())
        return tuple(_number(field, part, int) for part in parts) if field.widget == "links" else parts
    if not text:
        return False if field.widget == "bool" else None
    if field.widget == "bool":
        if text.casefold() not in YES + NO:
            raise ValidationError("{field} must be yes or no (got {value}).", field=tr(field.label), value=text)
        return text.casefold() in YES
    if field.widget in ("int", "link"):
        return _number(field, text, int)
    if field.widget == "float":
        return _number(field, text, float)
    return text


def _number(field: FormField, text: str, kind: type) -> Any:
    try:
        return kind(text)
    except ValueError:
        raise ValidationError("{field} must be a number (got {value}).", field=tr(field.label), value=text) from None
