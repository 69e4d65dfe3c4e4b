"""The fields of each kind, derived from its ``*Input`` dataclass: how each is edited, shown and searched.

A field's name, order and type come from the kind's input type (``archive.services.records``:
its plain fields in the order its ``*Fields`` class declares them, each link where its
``before`` places it: ``records.reading_order``); this module adds only what the dataclass
cannot say: the label a user reads, the fixed choices of a field, which text is long, which
fields are not typed in a form (a quote's span in its source, an event's partners), and, for
the reader, whether the field is shown and which search field its text goes into. The desktop editors and the command
line's ``add``/``edit`` build their forms from ``form_fields``; the record page, ``muntada show``
(``archive.kinds.shown``) and the search readers (``search.records``) derive from ``shown_rows``.
A new plain field of a kind needs one label here, nothing else: it is then in the forms, on the
record page and in ``show`` (where its ``*Fields`` places it, long text last), and its text is searched
as context. Say otherwise only when the field is read otherwise (``SEARCHED_IN``, ``HIDDEN``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from archive.i18n import N_, NP_
from archive.services import records as r

LONG_TEXT = {"description", "summary", "notes", "text", "full_text"}
# Fields set by other means than a form: spans are marked in the source, partners and presenting
# organisations through their own lists, a source's file name and text when it is imported.
NOT_IN_FORMS = {"source_id", "source_start", "source_end", "partners", "presenter_organisation_ids",
                "file_name", "full_text"}
CHOICES: dict[tuple[str, str], tuple[str | None, ...]] = {
    ("event", "kind"): r.EVENT_KINDS,
    ("session", "kind"): r.SESSION_KINDS,
    ("quote", "speech"): r.SPEECH_KINDS,
    ("statistic", "approximation"): (None, *r.APPROXIMATIONS),
    ("source", "kind"): r.SOURCE_KINDS,
}
# The kind a link field (``*_id``, ``*_ids``) points at, when its name does not say it.
LINK_KINDS = {"moderator_id": "person", "speaker_id": "person", "organiser_id": "organisation",
              "presenter_person_ids": "person", "presenter_organisation_ids": "organisation"}
LABELS: dict[str, str] = {
    "name": N_("Name"), "kind": N_("Kind"), "title": N_("Title"), "text": N_("Text"), "notes": N_("Notes"),
    "series_id": N_("Series"), "edition": N_("Edition number"), "edition_label": N_("Edition as printed"),
    "start_date": N_("Start date"), "end_date": N_("End date"), "venue": N_("Venue"), "city": N_("City"),
    "country": N_("Country"), "organiser_id": N_("Organiser"), "description": N_("Description"),
    "hashtags": N_("Hashtags (separated by commas)"), "tags": N_("Tags (separated by commas)"),
    "event_id": N_("Event"), "date": N_("Date"), "start_time": N_("Start time"), "end_time": N_("End time"),
    "moderator_id": N_("Moderator"), "presenter_person_ids": N_("Presenters"), "summary": N_("Summary"),
    "attendance": N_("Attendance"), "attendance_text": N_("Attendance as printed"), "honorific": N_("Honorific"),
    "organisation_id": N_("Organisation"), "aliases": N_("Other spellings (separated by commas)"),
    "speaker_id": N_("Speaker"), "speaker_title": N_("Title as printed"),
    "organisation_text": N_("Organisation as printed"), "session_id": N_("Session"), "speech": N_("Speech"),
    "said_on": N_("Date"), "stated_on": N_("Date"), "verified": N_("Verified"),
    "figure_text": N_("Figure as written"), "value": N_("Value"), "unit": N_("Unit"),
    "approximation": N_("Approximation"), "subject": N_("Subject"), "outlet": N_("Outlet"),
    "author": N_("Author"), "dateline": N_("Dateline"), "published_on": N_("Published"), "url": N_("Address"),
    "event_ids": N_("Events"), "full_text": N_("Text"),
    "period": N_("Period (year or span)"), "section": N_("Section"), "page": N_("Page"),
    # Set otherwise than in a form, named in the history of a record.
    "source_id": N_("Source"), "source_start": N_("Quoted from character"), "source_end": N_("Quoted to character"),
    "file_name": N_("File"), "partners": N_("Partners"), "presenter_organisation_ids": N_("Presenting organisations"),
}
# Where one kind calls a field otherwise than the others do.
KIND_LABELS: dict[tuple[str, str], str] = {("person", "title"): NP_("person", "Title")}

# --- For the reader: the record page, ``muntada show`` and the search index --------------------
# Every field is shown, with its label (its linked records by name, a list joined), unless hidden.
HIDDEN: set[tuple[str, str]] = set()
# Shown before the other fields, whatever their order: a quote's words.
SHOWN_FIRST = {("quote", "text")}
# How each fixed choice reads (``CHOICES``), and where one kind words it otherwise.
CHOICE_LABELS = {
    "forum": N_("Forum"), "meeting": N_("Meeting"), "conference": N_("Conference"), "workshop": N_("Workshop"),
    "other": N_("Other"), "panel": N_("Panel"), "keynote": N_("Keynote"), "presentation": N_("Presentation"),
    "discussion": N_("Discussion"), "direct": N_("Direct"), "indirect": N_("Indirect"), "more_than": N_("More than"),
    "about": N_("About"), "less_than": N_("Less than"), "article": N_("Article"), "report": N_("Report"),
    "transcript": N_("Transcript"),
}
KIND_CHOICE_LABELS = {("quote", "direct"): N_("Direct quote"), ("quote", "indirect"): N_("Reported speech")}


@dataclass(frozen=True)
class Together:
    """Fields read as one row: "Dates: 2024-05-12 – 2024-05-14".

    ``style``: "range" (a – b), "list" (a، b), "first" (the first that is given: an edition as
    printed, else its number) or "figure" (a value with its unit, as ``format_value`` writes it).
    The row stands where its first field stands.
    """

    label: str
    names: tuple[str, ...]
    style: str


TOGETHER: dict[str, tuple[Together, ...]] = {
    "event": (Together(N_("Edition"), ("edition_label", "edition"), "first"),
              Together(N_("Dates"), ("start_date", "end_date"), "range"),
              Together(N_("Place"), ("venue", "city", "country"), "list")),
    "session": (Together(N_("Time"), ("start_time", "end_time"), "range"),
                Together(N_("Presenters"), ("presenter_person_ids", "presenter_organisation_ids"), "list"),
                Together(N_("Attendance"), ("attendance_text", "attendance"), "first")),
    "statistic": (Together(N_("Value"), ("value", "unit"), "figure"),),
}

# The fields a record's line in ``muntada list`` shows after its name, in this order (when given).
LISTED = ("speaker_id", "event_id", "start_date", "published_on", "said_on", "stated_on", "period", "outlet")

# Which search field a field's text goes into (``search.records``): "text" (the record's own
# words: its document's title and body, ranked first; read by each kind's reader), "context"
# (found through it, ranked below: the words, or the linked record's name), "year" (the date the
# document's year comes from: the year: filter and facet), or None (not searched).
# Default (``search_field``): "year" for the dates in ``DATES``, "context" for text, lists of
# words and links, None for choices, numbers, yes/no and the fields in ``NOT_SEARCHED``.
SEARCHED_IN: dict[tuple[str, str], str | None] = {
    ("quote", "text"): "text", ("quote", "speaker_id"): "text",
    ("statistic", "figure_text"): "text", ("statistic", "subject"): "text",
    ("session", "title"): "text", ("session", "summary"): "text",
    ("event", "name"): "text", ("event", "description"): "text",
    ("person", "name"): "text", ("person", "title"): "text", ("person", "organisation_id"): "text",
    ("source", "full_text"): "text", ("source", "title"): "text",
}
DATES = {"start_date", "date", "said_on", "stated_on", "published_on"}
NOT_SEARCHED = {"tags", "partners", "source_id", "source_start", "source_end", "url", "file_name", "page",
                "start_time", "end_time", "end_date"}


@dataclass(frozen=True)
class FormField:
    """One field of a form: the ``*Input`` attribute, its English label, and how it is edited.

    ``widget``: text, long, int, float, bool, list (of words), choice, link (one id) or links (ids).
    """

    name: str
    label: str
    widget: str = "text"
    choices: tuple[str | None, ...] = ()
    link_kind: str = ""


def input_field(kind: str, field: dataclasses.Field[object]) -> FormField:
    """The form field of one attribute of a kind's input type."""
    name, annotation = field.name, str(field.type)
    label = KIND_LABELS.get((kind, name)) or LABELS[name]
    if (kind, name) in CHOICES:
        return FormField(name, label, "choice", CHOICES[(kind, name)])
    if name.endswith(("_id", "_ids")):
        link_kind = LINK_KINDS.get(name) or name.rsplit("_", 1)[0]
        return FormField(name, label, "links" if name.endswith("_ids") else "link", link_kind=link_kind)
    if name in LONG_TEXT:
        return FormField(name, label, "long")
    for widget, type_name in (("bool", "bool"), ("int", "int"), ("float", "float"), ("list", "tuple[str")):
        if annotation.startswith(type_name):
            return FormField(name, label, widget)
    return FormField(name, label)


def form_fields(kind: str, input_type: type, new: bool = False) -> tuple[FormField, ...]:
    """The fields a form of ``kind`` shows, in reading order (``new``: a source's text too)."""
    hidden = NOT_IN_FORMS - ({"full_text"} if new and kind == "source" else set())
    return tuple(input_field(kind, field) for field in r.reading_order(input_type) if field.name not in hidden)


def every_field(kind: str, input_type: type) -> tuple[FormField, ...]:
    """Every field of a kind's input in reading order, those set otherwise than in a form too (its history)."""
    return tuple(input_field(kind, field) for field in r.reading_order(input_type))


def search_field(kind: str, field: FormField) -> str | None:
    """The search field a field's text goes into: "text", "context", "year" or None (``SEARCHED_IN``)."""
    if (kind, field.name) in SEARCHED_IN:
        return SEARCHED_IN[(kind, field.name)]
    if field.name in NOT_SEARCHED:
        return None
    if field.name in DATES:
        return "year"
    return "context" if field.widget in ("text", "long", "list", "link", "links") else None


@dataclass(frozen=True)
class ShownRow:
    """One row of a record as shown (record page, ``muntada show``): its label and the fields it reads."""

    label: str
    fields: tuple[FormField, ...]
    style: str = "one"  # "one" field, or a ``Together`` style

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(field.name for field in self.fields)


def shown_rows(kind: str, input_type: type) -> tuple[ShownRow, ...]:
    """The rows a record of ``kind`` is shown in: the input's order (``SHOWN_FIRST`` first, long text last),
    ``TOGETHER`` fields in one row, ``HIDDEN`` left out."""
    fields = {field.name: field for field in every_field(kind, input_type) if (kind, field.name) not in HIDDEN}
    together = {group.names[0]: group for group in TOGETHER.get(kind, ())}
    grouped = {name for group in together.values() for name in group.names[1:]}
    rows = []
    for name, field in fields.items():
        if name in together:
            group = together[name]
            rows.append(ShownRow(group.label, tuple(fields[n] for n in group.names if n in fields), group.style))
        elif name not in grouped:
            rows.append(ShownRow(field.label, (field,)))
    first = {name for shown_kind, name in SHOWN_FIRST if shown_kind == kind}
    return tuple(sorted(rows, key=lambda row: (row.names[0] not in first, row.fields[0].widget == "long")))
