"""Turning accepted proposals into archive records, through the archive services.

Called by ``service.accept_proposals``. The event is matched to one already stored (same name,
compared across spellings, and same edition) before a new one is made; speakers are linked to
known people with ``people.find_or_create_person`` (which compares names with
``same_person_score`` and remembers a new spelling as an alias); organisations likewise. Quotes
and figures keep their provenance: the source and their character span in its full text.
"""

from __future__ import annotations

from collections.abc import Mapping

from archive.db.engine import Archive
from archive.services import events, organisations, people, quotes, sources, statistics
from archive.services.records import (
    APPROXIMATIONS,
    EVENT_KINDS,
    SPEECH_KINDS,
    EventInput,
    PartnerInput,
    PersonInput,
    QuoteInput,
    StatisticInput,
)
from archive.text.names import organisation_key


def create_records(archive: Archive, source_id: int, proposals: Mapping, choices):
    """Create what ``choices`` accepts from ``proposals``; returns the ids made or linked."""
    from archive.importing.service import AcceptedRecords

    event_id = _accept_event(archive, source_id, proposals.get("event"), choices.event)
    linker = _Linker(archive)
    quote_ids: list[int] = []
    for name, selection in (("quotes", choices.quotes), ("further_quotes", choices.further_quotes)):
        for proposal in _selected(proposals.get(name) or [], selection):
            quote_ids.append(_create_quote(archive, linker, source_id, event_id, proposal))
    statistic_ids = [_create_statistic(archive, source_id, event_id, proposal)
                     for proposal in _selected(proposals.get("statistics") or [], choices.statistics)]
    return AcceptedRecords(source_id, event_id, tuple(dict.fromkeys(linker.person_ids)), tuple(quote_ids),
                           tuple(statistic_ids))


class _Linker:
    """People and organisations met while accepting one article, each looked up once."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.people: dict[str, int] = {}
        self.organisations: dict[str, int] = {}
        self.person_ids: list[int] = []

    def organisation(self, name: str | None) -> int | None:
        if not name:
            return None
        key = organisation_key(name)
        if key not in self.organisations:
            self.organisations[key] = organisations.find_or_create_organisation(self.archive, name).id
        return self.organisations[key]

    def person(self, name: str | None, honorific: str | None, title: str | None, organisation: str | None) -> int | None:
        if not name:
            return None
        if name not in self.people:
            data = PersonInput(name=name, honorific=honorific, title=title, organisation_id=self.organisation(organisation))
            self.people[name] = people.find_or_create_person(self.archive, data).id
        self.person_ids.append(self.people[name])
        return self.people[name]


def _accept_event(archive: Archive, source_id: int, proposal: Mapping | None, choice) -> int | None:
    if proposal is None or choice is False:
        return None
    fields = dict(proposal) | (dict(choice) if isinstance(choice, Mapping) else {})
    organiser_id = organisations.find_or_create_organisation(archive, fields["organiser"]).id if fields.get("organiser") else None
    series_id = events.find_or_create_series(archive, fields["series"], organiser_id).id if fields.get("series") else None
    event_id = _existing_event(archive, fields, series_id)
    if event_id is None:
        partners = tuple(PartnerInput(organisations.find_or_create_organisation(archive, name).id, "guest")
                         for name in fields.get("guest_organisations") or ())
        data = EventInput(
            name=fields["name"], series_id=series_id, edition=fields.get("edition"),
            edition_label=fields.get("edition_label"),
            kind=fields.get("kind") if fields.get("kind") in EVENT_KINDS else "other",
            start_date=fields.get("start_date"), end_date=fields.get("end_date"), venue=fields.get("venue"),
            city=fields.get("city"), organiser_id=organiser_id, hashtags=tuple(fields.get("hashtags") or ()),
            partners=partners)
        event_id = events.create_event(archive, data).id
    sources.link_source_to_event(archive, source_id, event_id)
    return event_id


def _existing_event(archive: Archive, fields: Mapping, series_id: int | None) -> int | None:
    key = organisation_key(fields["name"])
    for event in events.list_events(archive, series_id=series_id):
        if organisation_key(event.name) == key and event.edition == fields.get("edition"):
            return event.id
    return None


def _create_quote(archive: Archive, linker: _Linker, source_id: int, event_id: int | None, proposal: Mapping) -> int:
    speaker_id = linker.person(proposal.get("speaker"), proposal.get("honorific"), proposal.get("speaker_title"),
                               proposal.get("organisation"))
    data = QuoteInput(
        text=proposal["text"], speaker_id=speaker_id, speaker_title=proposal.get("speaker_title"),
        organisation_id=linker.organisation(proposal.get("organisation")),
        organisation_text=proposal.get("organisation"), event_id=event_id,
        speech=proposal.get("kind") if proposal.get("kind") in SPEECH_KINDS else "direct",
        source_id=source_id, source_start=proposal.get("start"), source_end=proposal.get("end"))
    return quotes.create_quote(archive, data).id


def _create_statistic(archive: Archive, source_id: int, event_id: int | None, proposal: Mapping) -> int:
    approximation = proposal.get("approximation")
    data = StatisticInput(
        figure_text=proposal["text"], value=proposal.get("value"), unit=proposal.get("unit"),
        approximation=approximation if approximation in APPROXIMATIONS else None, subject=proposal.get("subject"),
        event_id=event_id, source_id=source_id, source_start=proposal.get("start"), source_end=proposal.get("end"))
    return statistics.create_statistic(archive, data).id


def _selected(items: list[Mapping], selection: Mapping[int, Mapping] | None) -> list[dict]:
    """The accepted items with the officer's corrections applied (``None`` accepts all as proposed)."""
    if selection is None:
        return [dict(item) for item in items]
    return [dict(items[index]) | dict(changes or {}) for index, changes in sorted(selection.items())
            if 0 <= index < len(items)]
