"""Property, widened: changing ANY field of a named record re-indexes every document that shows it.

``test_rename_property.py`` renames the named record. Other records' documents show more of it
than its name: a quote shows its speaker's honorific and other spellings, and its event's year;
a statistic its source's date; a session its event's name. Here every plain field of the named
record is changed at once (each text and list gets a new word, each date moves to another year),
through every link column of the schema, and the incrementally kept index must again be what a
fresh rebuild of the same archive gives: the oracle is the fresh index, so no list of "which
field shows where" is repeated here either.
"""

from __future__ import annotations

import dataclasses
import typing
from pathlib import Path

import pytest

from archive.kinds.fields import CHOICES, NOT_IN_FORMS
from search.index import SearchIndex
from tests.search import test_rename_property
from tests.search.test_rename_property import (
    OWNED_COLUMNS,
    LinkedArchive,
    everything_shown,
    found,
    link_columns,
)

NEW_WORD = "quartzchanged"
NEW_DATES = {"start_date": "2021-06-01", "end_date": "2021-06-03", "published_on": "2021-06-02", "date": "2021-06-01"}
# Fields whose values are checked against a form (times, numbers, an address): not free words.
NOT_FREE_TEXT = {"start_time", "end_time", "attendance", "page", "url", "edition"}


def changed_everywhere(kind: str, data: object) -> object:
    """``data`` with every plain field a user types changed: a new word in texts and lists, dates moved."""
    changes: dict[str, object] = {}
    hints = typing.get_type_hints(type(data))
    for field in dataclasses.fields(data):  # type: ignore[arg-type]
        name, value, hint = field.name, getattr(data, field.name), hints[field.name]
        if name.endswith(("_id", "_ids")) or name in NOT_IN_FORMS or name in NOT_FREE_TEXT or (kind, name) in CHOICES:
            continue
        if name in NEW_DATES:
            changes[name] = NEW_DATES[name]
        elif typing.get_origin(hint) is tuple and typing.get_args(hint)[0] is str:
            changes[name] = (*value, NEW_WORD)
        elif hint in (str, str | None):
            changes[name] = f"{value or ''} {NEW_WORD}".strip()
    return dataclasses.replace(data, **changes)  # type: ignore[type-var]


def test_every_named_kind_has_fields_that_change() -> None:
    from archive.services.records import EventInput, OrganisationInput, PersonInput, SessionInput, SourceInput

    person = changed_everywhere("person", PersonInput(name="سالم"))
    assert person.honorific and person.aliases and person.name != "سالم"
    assert changed_everywhere("event", EventInput(name="ملتقى")).start_date == NEW_DATES["start_date"]
    assert changed_everywhere("source", SourceInput(full_text="نص")).published_on == NEW_DATES["published_on"]
    assert changed_everywhere("session", SessionInput(event_id=1, title="جلسة")).title != "جلسة"
    assert changed_everywhere("organisation", OrganisationInput(name="مركز")).aliases


# The fixtures: the linked archive and its incremental index built once per run, and a copy of each per test.
indexed_master = test_rename_property.indexed_master
indexed = test_rename_property.indexed


@pytest.mark.parametrize("column", sorted(link_columns() - OWNED_COLUMNS))
def test_changing_every_field_of_a_named_record_reindexes_every_document_showing_it(
        column: str, indexed: tuple[LinkedArchive, SearchIndex], tmp_path: Path) -> None:
    linked, incremental = indexed
    target = linked.links[column].target
    linked.inputs[target] = changed_everywhere(target[0], linked.inputs[target])
    linked.rename(target, linked.old_word(target))  # stores the changed input (the name's word kept)
    incremental.drain_outbox()
    fresh = SearchIndex.open(tmp_path / "fresh.index", linked.archive)
    try:
        for word in (NEW_WORD, "2021", linked.old_word(target)):
            assert found(incremental, word) == found(fresh, word), (column, word)
        assert everything_shown(incremental) == everything_shown(fresh), column
    finally:
        fresh.close()
