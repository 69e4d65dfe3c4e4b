"""One record of every kind with every field of its ``*Input`` given a value of its own (tests of issue 13).

Each text field holds a word made for it alone (``word(kind, field)``), each link field points
at a record made for it whose name is such a word, each list holds such a word, each choice its
last choice, numbers and dates values no other field has. What a test expects of a field is
read from this description, not from the code it tests: a field added to a kind's input is
filled here with nothing to write, and the tests then look for it on the page, in ``show`` and
in the search index.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from archive.db.engine import Archive
from archive.kinds.fields import FormField
from archive.kinds.registry import KINDS
from archive.services import records as r

# A date, a time or an address where a field must hold one (its value then stands for itself).
DATES = {"start_date": "2031-03-04", "end_date": "2036-03-06", "date": "2032-05-06", "said_on": "2033-07-08",
         "stated_on": "2034-09-10", "published_on": "2035-11-12"}
TIMES = {"start_time": "09:15", "end_time": "11:45"}
NUMBERS = {"edition": 7, "attendance": 321, "value": 432.0, "source_start": 0, "source_end": 0}  # spans: set later


def word(kind: str, name: str) -> str:
    """The word planted in field ``name`` of the ``kind`` record: Latin letters only, one of a kind."""
    return "zq" + kind + name.replace("_", "")


@dataclass
class Filled:
    """The records made, and for each (kind, field) the text a reader should find for it."""

    ids: dict[str, int] = field(default_factory=dict)
    shown: dict[tuple[str, str], str] = field(default_factory=dict)  # the text shown for the field
    found_by: dict[tuple[str, str], str] = field(default_factory=dict)  # the query that finds the record


def _link_target(archive: Archive, link_kind: str, name: str) -> int:
    """A record of ``link_kind`` named ``name`` (a session under a new event, a source with that title)."""
    if link_kind == "session":
        event = KINDS["event"].create(archive, r.EventInput(name=name + "event"))
        return int(KINDS["session"].create(archive, r.SessionInput(event_id=event.id, title=name)).id)
    if link_kind == "source":
        source = r.SourceInput(full_text=f"{SOURCE_TEXT} {name}", title=name)  # the same text would be the same source
        return int(KINDS["source"].create(archive, source).id)
    return int(KINDS[link_kind].create(archive, KINDS[link_kind].input_type(name=name)).id)


SOURCE_TEXT = "zqquotetext zqstatisticfiguretext 432"  # what a quote and a figure are read from


def _value(archive: Archive, kind: str, form_field: FormField, filled: Filled) -> Any:
    name, planted = form_field.name, word(kind, form_field.name)
    if name == "partners":
        organisation = _link_target(archive, "organisation", planted)
        filled.shown[(kind, name)] = filled.found_by[(kind, name)] = planted
        return (r.PartnerInput(organisation_id=organisation),)
    if form_field.widget in ("link", "links"):
        target = _link_target(archive, form_field.link_kind, planted)
        filled.shown[(kind, name)] = filled.found_by[(kind, name)] = planted
        return (target,) if form_field.widget == "links" else target
    if form_field.widget == "choice":
        return form_field.choices[-1]
    if form_field.widget == "bool":
        return True
    if name in NUMBERS:
        filled.shown[(kind, name)] = str(round(NUMBERS[name]))
        return NUMBERS[name]
    value = DATES.get(name) or TIMES.get(name)
    if value is not None:
        filled.shown[(kind, name)] = value
        filled.found_by[(kind, name)] = f"year:{value[:4]}" if name in DATES else value
        return value
    if form_field.widget == "list":
        filled.shown[(kind, name)] = filled.found_by[(kind, name)] = planted
        return ("#" + planted,) if name == "hashtags" else (planted,)
    filled.shown[(kind, name)] = filled.found_by[(kind, name)] = planted
    return planted


def _quoted(kind: str) -> tuple[int, int]:
    """The span of a quote's or figure's planted text in its source (the text the source was given)."""
    planted = word(kind, "text" if kind == "quote" else "figure_text")
    return SOURCE_TEXT.index(planted), SOURCE_TEXT.index(planted) + len(planted)


def fill_every_kind(archive: Archive) -> Filled:
    """One record of each editable kind, every input field given (``Filled`` says what to look for)."""
    filled = Filled()
    for kind, spec in KINDS.items():
        values = {form_field.name: _value(archive, kind, form_field, filled) for form_field in spec.fields()}
        if kind in ("quote", "statistic"):  # a span of the source's text; the session of the record's event
            values["source_start"], values["source_end"] = _quoted(kind)
            filled.shown.pop((kind, "source_start")), filled.shown.pop((kind, "source_end"))
            KINDS["session"].update(archive, values["session_id"], r.SessionInput(
                event_id=values["event_id"], title=word(kind, "session_id")))
        if kind == "source":
            values["full_text"] = f"{SOURCE_TEXT} {word(kind, 'full_text')}"
        filled.ids[kind] = int(spec.create(archive, spec.input_type(**values)).id)
    return filled


def fields_of(kind: str) -> tuple[dataclasses.Field[Any], ...]:
    return dataclasses.fields(KINDS[kind].input_type)
