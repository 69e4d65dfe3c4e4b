"""Undo and redo of an officer's edits, in the domain (no Qt): every change can be reverted.

A ``Change`` is what one edit did to one record: its kind, id, action, and the record's
``*Input`` form before and after (the same JSON form the audit trail keeps). ``revert`` applies
the opposite change through the ordinary services (so it is audited and indexed like any other
edit) and returns the change that reverts *that*: undo is ``revert(change)``, redo is
``revert`` of what undo returned.

- an update is reverted by storing the ``before`` form again;
- a creation is reverted by deleting the record;
- a deletion is reverted by creating the record again from its ``before`` form (it gets a new id;
  links other records had to it are not restored, and an event's deleted sessions stay deleted).

Merges are not revertible here (they fold several records into one); the app says so.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from archive.db import models as m
from archive.db.engine import Archive
from archive.errors import MuntadaError
from archive.services import convert, events, organisations, people, quotes, sessions, sources, statistics
from archive.services import records as r
from archive.services.unit import as_json, get_or_raise

REVERTIBLE_ACTIONS = ("create", "update", "delete")


@dataclass(frozen=True)
class Change:
    """One edit of one record: ``before``/``after`` are the record's input form as JSON (None when absent)."""

    kind: str
    record_id: int
    action: str  # "create", "update" or "delete"
    before: dict | None
    after: dict | None


@dataclass(frozen=True)
class _KindServices:
    input_type: type
    model: type
    create: Callable[[Archive, Any], Any]
    update: Callable[[Archive, int, Any], Any]
    delete: Callable[[Archive, int], None]
    to_input: Callable[[Any], Any]


def _add_source(archive: Archive, data: r.SourceInput) -> r.SourceRecord:
    return sources.add_source(archive, data).source


_SERVICES: dict[str, _KindServices] = {
    "event": _KindServices(r.EventInput, m.Event, events.create_event, events.update_event, events.delete_event,
                           convert.to_event_input),
    "series": _KindServices(r.SeriesInput, m.Series, events.create_series, events.update_series,
                            events.delete_series, convert.to_series_input),
    "session": _KindServices(r.SessionInput, m.Session, sessions.create_session, sessions.update_session,
                             sessions.delete_session, convert.to_session_input),
    "person": _KindServices(r.PersonInput, m.Person, people.create_person, people.update_person,
                            people.delete_person, convert.to_person_input),
    "organisation": _KindServices(r.OrganisationInput, m.Organisation, organisations.create_organisation,
                                  organisations.update_organisation, organisations.delete_organisation,
                                  convert.to_organisation_input),
    "quote": _KindServices(r.QuoteInput, m.Quote, quotes.create_quote, quotes.update_quote, quotes.delete_quote,
                           convert.to_quote_input),
    "statistic": _KindServices(r.StatisticInput, m.Statistic, statistics.create_statistic,
                               statistics.update_statistic, statistics.delete_statistic, convert.to_statistic_input),
    "source": _KindServices(r.SourceInput, m.Source, _add_source, sources.update_source, sources.delete_source,
                            convert.to_source_input),
}
EDITABLE_KINDS = tuple(_SERVICES)


def _services(kind: str) -> _KindServices:
    try:
        return _SERVICES[kind]
    except KeyError:
        raise MuntadaError("Records of kind {kind} cannot be changed here.", kind=kind) from None


def current_input(archive: Archive, kind: str, record_id: int) -> Any:
    """The editable ``*Input`` form of a stored record (a source with its full text)."""
    services = _services(kind)
    with archive.session() as session:
        return services.to_input(get_or_raise(session, services.model, kind, record_id))


def input_from_json(kind: str, data: dict) -> Any:
    """Rebuild an ``*Input`` from its JSON form (lists back to tuples, partners back to ``PartnerInput``)."""
    input_type = _services(kind).input_type
    names = {item.name for item in dataclasses.fields(input_type)}
    values: dict[str, Any] = {}
    for name, value in data.items():
        if name not in names:
            continue  # e.g. a source's content_hash, kept in the audit trail only
        if name == "partners":
            value = tuple(r.PartnerInput(**partner) for partner in value or ())
        elif isinstance(value, list):
            value = tuple(value)
        values[name] = value
    return input_type(**values)


def create(archive: Archive, kind: str, data: Any) -> tuple[Any, Change]:
    """Create a record; returns the new record and the change (for undo)."""
    record = _services(kind).create(archive, data)
    return record, Change(kind, record.id, "create", None, as_json(current_input(archive, kind, record.id)))


def update(archive: Archive, kind: str, record_id: int, data: Any) -> tuple[Any, Change]:
    """Replace a record's editable fields; returns the updated record and the change."""
    before = as_json(current_input(archive, kind, record_id))
    record = _services(kind).update(archive, record_id, data)
    return record, Change(kind, record_id, "update", before, as_json(current_input(archive, kind, record_id)))


def delete(archive: Archive, kind: str, record_id: int) -> Change:
    """Delete a record, keeping its whole input form (a source's text too) so it can be re-created."""
    before = as_json(current_input(archive, kind, record_id))
    _services(kind).delete(archive, record_id)
    return Change(kind, record_id, "delete", before, None)


def revert(archive: Archive, change: Change) -> Change:
    """Apply the opposite of ``change``; returns the change that reverts this one (redo of an undo)."""
    if change.action not in REVERTIBLE_ACTIONS:
        raise MuntadaError("This change ({action}) cannot be undone.", action=change.action)
    services = _services(change.kind)
    if change.action == "update":
        services.update(archive, change.record_id, input_from_json(change.kind, change.before or {}))
        return Change(change.kind, change.record_id, "update", change.after, change.before)
    if change.action == "create":
        services.delete(archive, change.record_id)
        return Change(change.kind, change.record_id, "delete", change.after, None)
    record = services.create(archive, input_from_json(change.kind, change.before or {}))
    return Change(change.kind, record.id, "create", None, change.before)
