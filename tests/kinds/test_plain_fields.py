"""A kind's plain fields are declared once, for what an officer edits and what is shown (issue 13).

Each kind's ``*Input`` and ``*Record`` extend one ``*Fields`` class (``archive.services.records``).
These tests fail when a field is declared in an input's or a record's own body although the two
hold it alike (it belongs in ``*Fields``: declared twice, the two copies can disagree, or one is
forgotten), and when a link's place in forms and pages names no field of the input.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from archive.kinds.registry import KINDS
from archive.services import records as r
from archive.services.records import reading_order

# Fields an input and a record of a kind hold differently although their names are the same:
# a source's text is required to store a source, while its record holds it only from get_source.
HELD_DIFFERENTLY = {("source", "full_text")}


def own_fields(plain_type: type) -> set[str]:
    """The fields declared in the class's own body (not inherited)."""
    return set(vars(plain_type).get("__annotations__", {}))


def shared_fields_type(input_type: type, record_type: type) -> type:
    """The one dataclass both types extend (the kind's ``*Fields``)."""
    shared = [base for base in input_type.__mro__[1:]
              if base in record_type.__mro__ and dataclasses.is_dataclass(base)]
    assert len(shared) == 1, f"{input_type.__name__} and {record_type.__name__} extend {shared}, not one *Fields"
    return shared[0]


def is_link(name: str) -> bool:
    return name.endswith(("_id", "_ids")) or name == "partners"


def names(plain_type: Any) -> list[str]:
    return [field.name for field in dataclasses.fields(plain_type)]


@pytest.mark.parametrize("kind", list(KINDS))
def test_an_input_and_its_record_declare_their_plain_fields_once(kind: str) -> None:
    spec = KINDS[kind]
    shared = shared_fields_type(spec.input_type, spec.record_type)
    plain = set(names(shared))
    in_input = own_fields(spec.input_type)
    in_record = own_fields(spec.record_type)
    assert not in_input & plain, f"{kind}: {in_input & plain} declared again in {spec.input_type.__name__}"
    assert not in_record & plain, f"{kind}: {in_record & plain} declared again in {spec.record_type.__name__}"
    not_links = {name for name in in_input if not is_link(name) and (kind, name) not in HELD_DIFFERENTLY}
    assert not not_links, f"{kind}: declare {sorted(not_links)} in {shared.__name__}, not in the input alone"
    twice = {name for name in in_record & in_input if not is_link(name) and (kind, name) not in HELD_DIFFERENTLY}
    assert not twice, f"{kind}: declare {sorted(twice)} once, in {shared.__name__}"
    assert all(field.kw_only for field in dataclasses.fields(shared)), f"{shared.__name__} is not kw_only"


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_link_is_read_just_before_the_field_it_names(kind: str) -> None:
    input_type = KINDS[kind].input_type
    anchors = {field.name: field.metadata.get(r.BEFORE) for field in dataclasses.fields(input_type)}
    ordered = [field.name for field in reading_order(input_type)]
    assert sorted(ordered) == sorted(anchors)
    for name, anchor in anchors.items():
        if anchor is not None:
            assert anchor in anchors and anchors[anchor] is None, (kind, name, anchor)  # a plain field
            between = ordered[ordered.index(name) + 1: ordered.index(anchor)]
            assert all(anchors[other] == anchor for other in between), (kind, name, between)


def test_a_plain_field_is_filled_from_the_row_in_both_forms() -> None:
    """A field of ``*Fields`` reaches the input and the record alike (``convert.from_row``)."""
    from archive.db import models as m
    from archive.services import convert

    row = m.Statistic(id=5, figure_text="10%", period="2024", verified=True, tags=[])
    data = convert.to_statistic_input(row)
    record = convert.to_statistic_record(row)
    for field in dataclasses.fields(r.StatisticFields):
        assert getattr(data, field.name) == getattr(record, field.name), field.name
    assert (data.period, record.period, record.id) == ("2024", "2024", 5)


def test_the_audit_trail_lists_a_records_fields_in_reading_order(tmp_path) -> None:
    """The history view names the fields an entry changed in the entry's order: as its form reads."""
    from archive.db.engine import open_archive
    from archive.services import audit

    archive = open_archive(tmp_path / "archive.sqlite")
    try:
        speaker = KINDS["person"].create(archive, r.PersonInput(name="سالم"))
        event = KINDS["event"].create(archive, r.EventInput(name="منتدى"))
        quote = KINDS["quote"].create(archive, r.QuoteInput(speaker.id, event_id=event.id, text="نص"))
        after = audit.record_history(archive, "quote", quote.id)[0].after
        assert list(after or {}) == [field.name for field in KINDS["quote"].fields()]
    finally:
        archive.close()
