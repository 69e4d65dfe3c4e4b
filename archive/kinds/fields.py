"""The fields of each kind's editable form, derived from its ``*Input`` dataclass.

A field's name, order and type come from ``dataclasses.fields`` of the kind's input type
(``archive.services.records``); this module adds only what the dataclass cannot say: the label a
user reads, the fixed choices of a field, which text is long, and which fields are not typed
in a form (a quote's span in its source, an event's partners). The desktop editors and the
command line's ``add``/``edit`` build their forms from ``form_fields``. A new plain field of a
kind needs one label here, nothing else.
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
    """The fields a form of ``kind`` shows, in the input type's order (``new``: a source's text too)."""
    hidden = NOT_IN_FORMS - ({"full_text"} if new and kind == "source" else set())
    return tuple(input_field(kind, field) for field in dataclasses.fields(input_type) if field.name not in hidden)


def every_field(kind: str, input_type: type) -> tuple[FormField, ...]:
    """Every field of a kind's input, those set otherwise than in a form too (what its history shows)."""
    return tuple(input_field(kind, field) for field in dataclasses.fields(input_type))
