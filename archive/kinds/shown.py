"""A record as a reader sees it: its rows (label and value), read from the registry's field descriptions.

The record page of the app and the command line's ``muntada show`` both lay a record out from
``row_text``: each row of ``KindSpec.rows()`` (``archive.kinds.fields.shown_rows``) with the
values of its fields taken from the ``*Record`` (a link field ``speaker_id`` is the record's
``speaker``), linked records by name, lists joined, fixed choices in words. Only the rendering
differs: the page writes links as HTML, the command line as "name (#id)". No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from archive.i18n import join_list, tr
from archive.kinds.fields import CHOICE_LABELS, KIND_CHOICE_LABELS, FormField, ShownRow
from archive.text.numbers import format_value

# Where a ``*Record`` names a field of its ``*Input`` otherwise than by dropping ``_id``.
RECORD_ATTRIBUTES = {"presenter_person_ids": "presenters", "presenter_organisation_ids": "presenter_organisations",
                     "event_ids": "events"}
RANGE_SEPARATOR = " – "


@dataclass(frozen=True)
class Linked:
    """A linked record in a row: what the page makes a link of."""

    kind: str
    id: int
    name: str


Part = str | Linked


def record_attribute(name: str) -> str:
    """The ``*Record`` attribute that shows the ``*Input`` field ``name`` (``speaker_id`` -> ``speaker``)."""
    if name in RECORD_ATTRIBUTES:
        return RECORD_ATTRIBUTES[name]
    return name[: -len("_id")] if name.endswith("_id") else name


def field_parts(kind: str, field: FormField, record: Any) -> list[Part]:
    """The value of one field of ``record`` as parts to show (empty when there is nothing to show)."""
    value = getattr(record, record_attribute(field.name), None)
    if value is None or value == "" or value == () or value is False:
        return []
    if field.widget in ("link", "links") or field.name == "partners":
        refs = value if isinstance(value, tuple) else (value,)
        return [_linked(field.link_kind or "organisation", getattr(ref, "organisation", ref)) for ref in refs]
    if isinstance(value, tuple):
        return [str(item) for item in value]
    if field.widget == "choice":
        return [_choice(kind, value)]
    if value is True:
        return [tr("Yes")]
    if isinstance(value, float):
        return [format_value(value)]
    return [str(value)]


def _linked(kind: str, ref: Any) -> Linked:
    name = getattr(ref, "name", None) or getattr(ref, "title", None) or getattr(ref, "file_name", None)
    return Linked(kind, ref.id, name or f"#{ref.id}")


def _choice(kind: str, value: str) -> str:
    if (kind, value) in KIND_CHOICE_LABELS:
        return tr(KIND_CHOICE_LABELS[(kind, value)])
    if value in CHOICE_LABELS:
        return tr(CHOICE_LABELS[value])
    return value


def shown_label(row: ShownRow) -> str:
    """A row's label in the current language, without the typing instruction a form's label may end with.

    "Tags (separated by commas)" reads "Tags": the translation of the form's label is cut at its
    bracket, as the history names fields (``desktop.gui.dialogs.field_label``), so that a field
    is called the same in its form and on its page («التصنيفات», not the hashtags' «الوسوم»).
    """
    return tr(row.label).split(" (")[0]


def row_text(kind: str, row: ShownRow, record: Any, render: Callable[[Part], str]) -> str:
    """The value of a row as text ("" when empty), each part written by ``render`` (escaped, or a link)."""
    if row.style == "figure":
        value, unit = (getattr(record, name, None) for name in row.names)
        return render(format_value(value, unit) if value is not None else (unit or ""))
    values = [[render(part) for part in field_parts(kind, field, record)] for field in row.fields]
    if row.style == "first":
        values = [next((parts for parts in values if parts), [])]
    parts = [part for field_values in values for part in field_values]
    return RANGE_SEPARATOR.join(parts) if row.style == "range" else join_list(parts)


def plain(part: Part) -> str:
    """A part as plain text: a linked record as "name (#id)"."""
    return f"{part.name} (#{part.id})" if isinstance(part, Linked) else part
