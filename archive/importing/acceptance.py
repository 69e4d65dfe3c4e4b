"""Turning accepted proposals into archive records, through the archive services, in one transaction.

Called by ``service.accept_proposals`` with its unit of work, which every service here is handed
explicitly: their records, audit entries and outbox rows go into that one transaction (one
undoable step), so an article's records are stored all together or not at all.

The event is matched to one already stored (same name, compared across spellings, and same
edition) before a new one is made; its sessions likewise (same kind and title within the event).
Speakers are linked to known people with ``people.find_or_create_person`` (which compares names
with ``same_person_score`` and remembers a new spelling as an alias); organisations likewise.
Quotes and figures keep their provenance (the source and their character span in its full text)
and the session they were proposed in, when that session was accepted too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from archive.services import events, organisations, people, quotes, sessions, sources, statistics
from archive.services.records import (
    APPROXIMATIONS,
    EVENT_KINDS,
    SESSION_KINDS,
    SPEECH_KINDS,
    EventInput,
    PartnerInput,
    PersonInput,
    QuoteInput,
    SessionInput,
    StatisticInput,
)
from archive.services.unit import WriteUnit
from archive.text.names import organisation_key

if TYPE_CHECKING:
    from archive.importing.service import AcceptedRecords, ReviewChoices

# One proposal (or the whole of an article's proposals) in its JSON form.
Proposal = Mapping[str, Any]
_NOT_A_PERSON = ("organisation", "group")  # a quote proposal's speaker_kind that names no person


def create_records(unit: WriteUnit, source_id: int, proposals: Proposal, choices: ReviewChoices) -> AcceptedRecords:
    """Create what ``choices`` accepts from ``proposals`` inside ``unit``; returns the ids made or linked.

    A failure part-way leaves nothing behind once ``unit`` is rolled back.
    """
    from archive.importing.service import AcceptedRecords  # the service imports this module

    event_id = _accept_event(unit, source_id, proposals.get("event"), choices.event)
    session_ids = _accept_sessions(unit, event_id, proposals.get("sessions") or [], choices.sessions)
    linker = _Linker(unit)
    quote_ids: list[int] = []
    for name, selection in (("quotes", choices.quotes), ("further_quotes", choices.further_quotes)):
        for proposal in _selected(proposals.get(name) or [], selection):
            quote_ids.append(_create_quote(unit, linker, source_id, event_id, session_ids, proposal))
    statistic_ids = [_create_statistic(unit, source_id, event_id, session_ids, proposal)
                     for proposal in _selected(proposals.get("statistics") or [], choices.statistics)]
    return AcceptedRecords(source_id, event_id, tuple(dict.fromkeys(linker.person_ids)), tuple(quote_ids),
                           tuple(statistic_ids), tuple(dict.fromkeys(session_ids.values())))


class _Linker:
    """People and organisations met while accepting one article, each looked up once."""

    def __init__(self, unit: WriteUnit) -> None:
        self.unit = unit
        self.people: dict[str, int] = {}
        self.organisations: dict[str, int] = {}
        self.person_ids: list[int] = []

    def organisation(self, name: str | None) -> int | None:
        if not name:
            return None
        key = organisation_key(name)
        if key not in self.organisations:
            self.organisations[key] = organisations.find_or_create_organisation(self.unit, name).id
        return self.organisations[key]

    def person(self, name: str | None, honorific: str | None, title: str | None,
               organisation: str | None) -> int | None:
        if not name:
            return None
        if name not in self.people:
            data = PersonInput(name=name, honorific=honorific, title=title,
                               organisation_id=self.organisation(organisation))
            self.people[name] = people.find_or_create_person(self.unit, data).id
        self.person_ids.append(self.people[name])
        return self.people[name]


def _accept_event(unit: WriteUnit, source_id: int, proposal: Proposal | None,
                  choice: Mapping[str, object] | bool | None) -> int | None:
    if proposal is None or choice is False:
        return None
    fields: dict[str, Any] = dict(proposal) | (dict(choice) if isinstance(choice, Mapping) else {})
    organiser = fields.get("organiser")
    organiser_id = organisations.find_or_create_organisation(unit, organiser).id if organiser else None
    series = fields.get("series")
    series_id = events.find_or_create_series(unit, series, organiser_id).id if series else None
    event_id = _existing_event(unit, fields, series_id)
    if event_id is None:
        partners = tuple(PartnerInput(organisations.find_or_create_organisation(unit, name).id, "guest")
                         for name in fields.get("guest_organisations") or ())
        data = EventInput(
            name=fields["name"], series_id=series_id, edition=fields.get("edition"),
            edition_label=fields.get("edition_label"),
            kind=_choice(fields.get("kind"), EVENT_KINDS, "other"),
            start_date=fields.get("start_date"), end_date=fields.get("end_date"), venue=fields.get("venue"),
            city=fields.get("city"), organiser_id=organiser_id, hashtags=tuple(fields.get("hashtags") or ()),
            partners=partners)
        event_id = events.create_event(unit, data).id
    sources.link_source_to_event(unit, source_id, event_id)
    return event_id


def _existing_event(unit: WriteUnit, fields: Proposal, series_id: int | None) -> int | None:
    key = organisation_key(fields["name"])
    for event in events.list_events(unit, series_id=series_id):
        if organisation_key(event.name) == key and event.edition == fields.get("edition"):
            return event.id
    return None


def _accept_sessions(unit: WriteUnit, event_id: int | None, proposals: list[Proposal],
                     selection: Mapping[int, Mapping[str, object]] | None) -> dict[int, int]:
    """Create (or find in the event) the accepted sessions; maps proposal index to session id."""
    if event_id is None:
        return {}  # a session belongs to an event: none without one
    known = {(row.kind, organisation_key(row.title)): row.id for row in sessions.list_sessions(unit, event_id)}
    session_ids: dict[int, int] = {}
    for index, proposal in _indexed(proposals, selection):
        kind = _choice(proposal.get("kind"), SESSION_KINDS, "other")
        title = str(proposal.get("title") or proposal.get("text") or "")
        key = (kind, organisation_key(title))
        if key not in known:
            known[key] = sessions.create_session(unit, SessionInput(event_id=event_id, title=title, kind=kind)).id
        session_ids[index] = known[key]
    return session_ids


def _create_quote(unit: WriteUnit, linker: _Linker, source_id: int, event_id: int | None,
                  session_ids: Mapping[int, int], proposal: Proposal) -> int:
    organisation = proposal.get("organisation")
    if proposal.get("speaker_kind") in _NOT_A_PERSON:
        # A ministry's statement is the ministry's words; a group ("منظمو الملتقى") is nobody in particular.
        speaker_id = None
        if proposal.get("speaker_kind") == "organisation":
            organisation = organisation or proposal.get("speaker")
    else:
        speaker_id = linker.person(proposal.get("speaker"), proposal.get("honorific"), proposal.get("speaker_title"),
                                   organisation)
    data = QuoteInput(
        text=proposal["text"], speaker_id=speaker_id, speaker_title=proposal.get("speaker_title"),
        organisation_id=linker.organisation(organisation),
        organisation_text=organisation, event_id=event_id,
        session_id=_session_id(session_ids, proposal),
        speech=_choice(proposal.get("kind"), SPEECH_KINDS, "direct"),
        source_id=source_id, source_start=proposal.get("start"), source_end=proposal.get("end"))
    return quotes.create_quote(unit, data).id


def _create_statistic(unit: WriteUnit, source_id: int, event_id: int | None, session_ids: Mapping[int, int],
                      proposal: Proposal) -> int:
    approximation = proposal.get("approximation")
    data = StatisticInput(
        figure_text=proposal["text"], value=proposal.get("value"), unit=proposal.get("unit"),
        approximation=approximation if approximation in APPROXIMATIONS else None, subject=proposal.get("subject"),
        event_id=event_id, session_id=_session_id(session_ids, proposal), source_id=source_id,
        source_start=proposal.get("start"), source_end=proposal.get("end"))
    return statistics.create_statistic(unit, data).id


def _choice(value: object, choices: tuple[str, ...], default: str) -> str:
    """``value`` when it is one of ``choices`` (what the extraction proposed may be anything), else ``default``."""
    return value if isinstance(value, str) and value in choices else default


def _session_id(session_ids: Mapping[int, int], proposal: Proposal) -> int | None:
    """The accepted session a quote or figure was proposed in, if that session was accepted."""
    index = proposal.get("session")
    return session_ids.get(index) if isinstance(index, int) else None


def _selected(items: list[Proposal], selection: Mapping[int, Mapping[str, object]] | None) -> list[dict[str, Any]]:
    """The accepted items with the officer's corrections applied (``None`` accepts all as proposed)."""
    return [item for _index, item in _indexed(items, selection)]


def _indexed(items: list[Proposal],
             selection: Mapping[int, Mapping[str, object]] | None) -> list[tuple[int, dict[str, Any]]]:
    """(index, item) of the accepted items, corrections applied, in proposal order."""
    if selection is None:
        return [(index, dict(item)) for index, item in enumerate(items)]
    return [(index, dict(items[index]) | dict(changes or {})) for index, changes in sorted(selection.items())
            if 0 <= index < len(items)]
