"""The kind registry: for each record kind, everything the rest of the program asks about it.

One ``KindSpec`` per kind holds its labels, ORM model, ``*Input`` and ``*Record`` types, the
services that read and change it, whether the search index holds a document for it, and the
relations through which other records show its name (``archive.kinds.relations``). The command
line's ``list``/``show``/``add``/``edit``, the editors' forms (``archive.kinds.fields``) and the
search readers' checks derive from it; per kind remains only what is truly particular (its
validation in its service, its search reader). Imports the services: import it where they may
be loaded (``archive.kinds`` itself stays free of database imports).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from archive.db import models as m
from archive.errors import MuntadaError
from archive.i18n import N_
from archive.kinds import KIND_LABELS
from archive.kinds.fields import FormField, ShownRow, every_field, form_fields, search_field, shown_rows
from archive.kinds.relations import ShownName, shown_by
from archive.services import convert, events, organisations, people, quotes, sessions, sources, statistics
from archive.services import records as r


@dataclass(frozen=True)
class KindSpec:
    """One record kind: its names, types and services."""

    kind: str
    label: str  # "Figure" (English, translated where shown)
    plural_label: str  # "Figures": counts and lists
    list_name: str  # "statistics": the command line's ``muntada list``
    model: type[m.Base]
    input_type: type
    record_type: type
    get: Callable[..., Any]
    list: Callable[..., list[Any]]
    create: Callable[..., Any]
    update: Callable[..., Any]
    delete: Callable[..., None]
    to_input: Callable[[Any], Any]
    indexed: bool = True  # the search index holds a document for each record

    @property
    def shown_by(self) -> tuple[ShownName, ...]:
        """The relations through which other records show this kind's name."""
        return shown_by(self.kind)

    def form(self, new: bool = False) -> tuple[FormField, ...]:
        """The fields an officer edits (``new``: as when creating the record)."""
        return form_fields(self.kind, self.input_type, new)

    def fields(self) -> tuple[FormField, ...]:
        """Every field of the kind's input (what its audit trail holds), labelled."""
        return every_field(self.kind, self.input_type)

    def rows(self) -> tuple[ShownRow, ...]:
        """The rows a record of this kind is shown in (record page, ``muntada show``)."""
        return shown_rows(self.kind, self.input_type)

    def searched_in(self) -> dict[str, str | None]:
        """Field name -> the search field its text goes into ("text", "context", "year") or None."""
        return {field.name: search_field(self.kind, field) for field in self.fields()}


def _add_source(archive: Any, data: r.SourceInput) -> r.SourceRecord:
    return sources.add_source(archive, data).source


KINDS: dict[str, KindSpec] = {spec.kind: spec for spec in (
    KindSpec("event", KIND_LABELS["event"], N_("Events"), "events", m.Event, r.EventInput, r.EventRecord,
             events.get_event, events.list_events, events.create_event, events.update_event, events.delete_event,
             convert.to_event_input),
    KindSpec("session", KIND_LABELS["session"], N_("Sessions"), "sessions", m.Session, r.SessionInput,
             r.SessionRecord, sessions.get_session, sessions.list_sessions, sessions.create_session,
             sessions.update_session, sessions.delete_session, convert.to_session_input),
    KindSpec("person", KIND_LABELS["person"], N_("People"), "people", m.Person, r.PersonInput, r.PersonRecord,
             people.get_person, people.list_people, people.create_person, people.update_person,
             people.delete_person, convert.to_person_input),
    KindSpec("organisation", KIND_LABELS["organisation"], N_("Organisations"), "organisations", m.Organisation,
             r.OrganisationInput, r.OrganisationRecord, organisations.get_organisation,
             organisations.list_organisations, organisations.create_organisation,
             organisations.update_organisation, organisations.delete_organisation, convert.to_organisation_input,
             indexed=False),
    KindSpec("quote", KIND_LABELS["quote"], N_("Quotes"), "quotes", m.Quote, r.QuoteInput, r.QuoteRecord,
             quotes.get_quote, quotes.list_quotes, quotes.create_quote, quotes.update_quote, quotes.delete_quote,
             convert.to_quote_input),
    KindSpec("statistic", KIND_LABELS["statistic"], N_("Figures"), "statistics", m.Statistic, r.StatisticInput,
             r.StatisticRecord, statistics.get_statistic, statistics.list_statistics, statistics.create_statistic,
             statistics.update_statistic, statistics.delete_statistic, convert.to_statistic_input),
    KindSpec("source", KIND_LABELS["source"], N_("Sources"), "sources", m.Source, r.SourceInput, r.SourceRecord,
             sources.get_source, sources.list_sources, _add_source, sources.update_source, sources.delete_source,
             convert.to_source_input),
    KindSpec("series", KIND_LABELS["series"], N_("Series of events"), "series", m.Series, r.SeriesInput,
             r.SeriesRecord, events.get_series, events.list_series, events.create_series, events.update_series,
             events.delete_series, convert.to_series_input, indexed=False),
)}
INDEXED_KINDS = tuple(kind for kind, spec in KINDS.items() if spec.indexed)


def spec_of(kind: str) -> KindSpec:
    """The registry entry of ``kind``; a ``MuntadaError`` for a kind that cannot be edited."""
    try:
        return KINDS[kind]
    except KeyError:
        raise MuntadaError("Records of kind {kind} cannot be changed here.", kind=kind) from None


def by_list_name(list_name: str) -> KindSpec:
    """The kind the command line's ``muntada list NAME`` means ("statistics" -> statistic)."""
    return next(spec for spec in KINDS.values() if spec.list_name == list_name)
