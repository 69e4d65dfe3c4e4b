"""Turning ORM rows into the plain records and inputs of ``archive.services.records``.

``to_*_record`` build what is shown; ``to_*_input`` build the editable form that the audit trail
stores before and after a change (and that undo applies). Both fill the dataclass's fields from
the row's attributes of the same names (``from_row``): a column added to a model and to its kind's
``*Fields`` (``archive.services.records``) needs nothing here. Each function names only what differs
(counts, partners, presenters).
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

from archive.db import models as m
from archive.services import records as r

PlainT = TypeVar("PlainT")


def ref(row: m.Person | m.Organisation | m.Event | m.Session | m.Series | None) -> r.Ref | None:
    if row is None:
        return None
    name = row.title if isinstance(row, m.Session) else row.name
    return r.Ref(id=row.id, name=name)


def source_ref(row: m.Source | None) -> r.SourceRef | None:
    if row is None:
        return None
    return from_row(row, r.SourceRef)


def _shown(value: Any) -> Any:
    """A row's attribute as the plain value a record or input holds (a link as a ``Ref``, a list as a tuple)."""
    if isinstance(value, m.Source):
        return source_ref(value)
    if isinstance(value, (m.Person, m.Organisation, m.Event, m.Session, m.Series)):
        return ref(value)
    if isinstance(value, m.Tag):
        return value.name
    if isinstance(value, (m.PersonAlias, m.OrganisationAlias)):
        return value.alias
    if isinstance(value, list):
        return tuple(_shown(item) for item in value)
    return value


def from_row(row: m.Base, plain_type: type[PlainT], **given: Any) -> PlainT:
    """A plain record or input of ``plain_type`` from a row: each dataclass field from the row's
    attribute of the same name (``_shown``), unless ``given``; fields the row lacks keep their default.
    """
    values = dict(given)
    for field in dataclasses.fields(plain_type):  # type: ignore[arg-type]
        if field.name not in values and hasattr(row, field.name):
            values[field.name] = _shown(getattr(row, field.name))
    return plain_type(**values)


def to_organisation_record(row: m.Organisation, people_count: int = 0, quote_count: int = 0) -> r.OrganisationRecord:
    return from_row(row, r.OrganisationRecord, people_count=people_count, quote_count=quote_count)


def to_organisation_input(row: m.Organisation) -> r.OrganisationInput:
    return from_row(row, r.OrganisationInput)


def to_person_record(row: m.Person, quote_count: int = 0, statistic_count: int = 0) -> r.PersonRecord:
    return from_row(row, r.PersonRecord, quote_count=quote_count, statistic_count=statistic_count)


def to_person_input(row: m.Person) -> r.PersonInput:
    return from_row(row, r.PersonInput)


def to_series_record(row: m.Series, event_count: int = 0) -> r.SeriesRecord:
    return from_row(row, r.SeriesRecord, event_count=event_count)


def to_series_input(row: m.Series) -> r.SeriesInput:
    return from_row(row, r.SeriesInput)


def to_event_record(row: m.Event, counts: dict[str, int] | None = None) -> r.EventRecord:
    counts = counts or {}
    partners = tuple(r.PartnerRecord(organisation=ref(p.organisation), role=p.role)  # type: ignore[arg-type]
                     for p in row.partners)
    return from_row(row, r.EventRecord, partners=partners, hashtags=tuple(row.hashtags or ()),
                    session_count=counts.get("session", len(row.sessions)), quote_count=counts.get("quote", 0),
                    statistic_count=counts.get("statistic", 0), source_count=counts.get("source", 0))


def to_event_input(row: m.Event) -> r.EventInput:
    partners = tuple(r.PartnerInput(organisation_id=p.organisation_id, role=p.role) for p in row.partners)
    return from_row(row, r.EventInput, partners=partners, hashtags=tuple(row.hashtags or ()))


def to_session_record(row: m.Session, quote_count: int = 0) -> r.SessionRecord:
    return from_row(
        row, r.SessionRecord, quote_count=quote_count,
        presenters=tuple(ref(p.person) for p in row.presenters if p.person is not None),
        presenter_organisations=tuple(ref(p.organisation) for p in row.presenters if p.organisation is not None),
    )


def to_session_input(row: m.Session) -> r.SessionInput:
    return from_row(
        row, r.SessionInput,
        presenter_person_ids=tuple(p.person_id for p in row.presenters if p.person_id is not None),
        presenter_organisation_ids=tuple(p.organisation_id for p in row.presenters if p.organisation_id is not None),
    )


def to_quote_record(row: m.Quote) -> r.QuoteRecord:
    return from_row(row, r.QuoteRecord)


def to_quote_input(row: m.Quote) -> r.QuoteInput:
    return from_row(row, r.QuoteInput)


def to_statistic_record(row: m.Statistic) -> r.StatisticRecord:
    return from_row(row, r.StatisticRecord)


def to_statistic_input(row: m.Statistic) -> r.StatisticInput:
    return from_row(row, r.StatisticInput)


def to_source_record(
    row: m.Source, with_text: bool = False, quote_count: int = 0, statistic_count: int = 0
) -> r.SourceRecord:
    return from_row(row, r.SourceRecord, text_length=len(row.full_text or ""),
                    full_text=row.full_text if with_text else None, imported_at=row.created_at,
                    quote_count=quote_count, statistic_count=statistic_count)


def to_source_input(row: m.Source) -> r.SourceInput:
    return from_row(row, r.SourceInput, event_ids=tuple(event.id for event in row.events))


def to_audit_record(row: m.AuditEntry) -> r.AuditRecord:
    return from_row(row, r.AuditRecord)
