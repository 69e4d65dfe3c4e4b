"""Archive records as index documents, read in bulk straight from the database.

Owns ``ArchiveDocuments``: every indexed record of an archive (or a chosen few) as
``IndexDocument`` values, and the expansion of a changed record to the documents that show it
(a renamed person appears in their quotes, statistics and sessions). The archive services
return one record at a time with every relation loaded, which is right for the GUI and far
too slow for rebuilding 100k documents; this module reads columns with SQLAlchemy Core
``select()`` and resolves names through dictionaries loaded once per pass (read-only).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import literal, select

from archive.db import models as m
from archive.db.engine import Archive
from archive.kinds.relations import showing
from archive.services import outbox
from archive.services.maintenance import archive_generation
from archive.services.records import event_display_name
from search.documents import DocumentSource, Facet, IndexDocument

SNIPPET_CONTEXT_CHARS = 400


@dataclass
class _Names:
    """Names of the records other records point at, loaded once per reading pass."""

    people: dict[int, tuple[str, str]] = field(default_factory=dict)  # id -> (name, searchable extras)
    organisations: dict[int, str] = field(default_factory=dict)
    events: dict[int, tuple[str, int | None, str]] = field(default_factory=dict)  # name, series id, year
    series: dict[int, str] = field(default_factory=dict)
    sessions: dict[int, str] = field(default_factory=dict)
    sources: dict[int, tuple[str, str]] = field(default_factory=dict)  # file name, published year


def _year(*dates: str | None) -> str:
    for value in dates:
        if value and len(value) >= 4 and value[:4].isdigit():
            return value[:4]
    return ""


def _join(*parts: object) -> str:
    return " ".join(str(part) for part in parts if part)


class ArchiveDocuments(DocumentSource):
    """Reads index documents from an archive (any thread; each call opens its own session).

    Pickled for rebuild workers as the archive's path: a worker opens the archive itself.
    """

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self._path = str(archive.path)
        self._owned = False

    def __getstate__(self) -> dict[str, object]:
        return {"_path": self._path}

    def __setstate__(self, state: dict[str, object]) -> None:
        from archive.db.engine import open_archive

        self._path = str(state["_path"])
        self.archive = open_archive(self._path, create=False)
        self._owned = True

    def rebuild_order(self) -> list[tuple[str, int]]:
        """(kind, id) of every document, newest first: the order a rebuild writes them in.

        Reads only ids, dates and the ids of related events and sources, so that a rebuild can
        split the work before any process reads a record. The date is the document's ``date``,
        else its ``year`` (see the readers below), so the order is the documents' own.
        """
        with self.archive.session() as session:
            event_years = {row.id: _year(row.start_date)
                           for row in session.execute(select(m.Event.id, m.Event.start_date))}
            source_years = {row.id: _year(row.published_on)
                            for row in session.execute(select(m.Source.id, m.Source.published_on))}
            first_event: dict[int, int] = {}
            for source_id, event_id in session.execute(select(m.source_event.c.source_id, m.source_event.c.event_id)):
                first_event.setdefault(source_id, event_id)
            keyed: list[tuple[str, str, int]] = []
            for kind, columns in _ORDER_COLUMNS.items():
                model = _MODELS[kind]
                for row in session.execute(select(*columns(model)).order_by(model.id)):
                    record_id, date, event_id, source_id = row
                    if kind == "source":
                        event_id, source_id = first_event.get(record_id), None
                    year = event_years.get(event_id, "") or source_years.get(source_id, "")
                    keyed.append((date or year or "", kind, record_id))
        keyed.sort(key=lambda entry: entry[0], reverse=True)  # stable: kind, then id among equal dates
        return [(kind, record_id) for _date, kind, record_id in keyed]

    def pending_changes(self, limit: int, after_id: int = 0) -> list:
        with self.archive.session() as session:
            rows = session.scalars(select(m.OutboxEntry).where(m.OutboxEntry.id > after_id)
                                   .order_by(m.OutboxEntry.id).limit(limit))
            return [outbox.OutboxItem(row.id, row.record_kind, row.record_id, row.op) for row in rows]

    def acknowledge(self, ids: list[int]) -> None:
        outbox.acknowledge(self.archive, ids)

    def keeps_acknowledged(self) -> bool:
        return self.archive.read_only

    def generation(self) -> str:
        return archive_generation(self.archive)

    def count(self) -> int:
        """How many documents a full rebuild writes."""
        from sqlalchemy import func

        with self.archive.session() as session:
            return sum(session.scalar(select(func.count()).select_from(model)) or 0 for model in _MODELS.values())

    def all_documents(self) -> Iterator[IndexDocument]:
        """Every indexed record of the archive, kind by kind."""
        for kind in _MODELS:
            yield from self.documents(kind, None)

    def documents(self, kind: str, ids: Iterable[int] | None) -> Iterator[IndexDocument]:
        """Documents of one kind (all of them when ``ids`` is None); missing ids are skipped."""
        with self.archive.session() as session:
            wanted = None if ids is None else sorted(set(ids))
            few = wanted is not None and len(wanted) <= FEW_RECORDS
            names = _load_names(session, _referenced_ids(session, kind, wanted) if few else None)
            reader = _READERS[kind]
            for start in range(0, 1 if wanted is None else len(wanted), 500):
                chunk = None if wanted is None else wanted[start : start + 500]
                yield from reader(session, names, chunk)

    def dependents(self, kind: str, record_id: int) -> dict[str, set[int]]:
        """Documents besides the record's own that show its name: kind -> ids (``archive.kinds.relations``)."""
        with self.archive.session() as session:
            return showing(session, kind, [record_id])


# Up to this many records (an edit and its dependents), names are loaded only for the records
# they point at: loading every name of a large archive would take most of an edit's time budget.
FEW_RECORDS = 500
_REFERENCE_COLUMNS = {
    "person": ("speaker_id", "moderator_id"),
    "organisation": ("organisation_id", "organiser_id"),
    "event": ("event_id",),
    "session": ("session_id",),
    "source": ("source_id",),
}


def _referenced_ids(session, kind: str, ids: list[int]) -> dict[str, set[int]]:
    """kind -> ids of the records whose names the documents of ``ids`` show."""
    model = _MODELS[kind]
    referenced: dict[str, set[int]] = {name: set() for name in ("person", "organisation", "event", "session", "source")}
    if kind in referenced:
        referenced[kind].update(ids)
    for target, columns in _REFERENCE_COLUMNS.items():
        for column_name in columns:
            column = getattr(model, column_name, None)
            if column is not None and ids:
                referenced[target].update(value for value in session.scalars(
                    select(column).where(model.id.in_(ids))) if value is not None)
    if kind == "session" and ids:
        for row in session.execute(select(m.SessionPresenter.person_id, m.SessionPresenter.organisation_id)
                                   .where(m.SessionPresenter.session_id.in_(ids))):
            # A presenter is a person or an organisation: the other column is empty.
            if row.person_id is not None:
                referenced["person"].add(row.person_id)
            if row.organisation_id is not None:
                referenced["organisation"].add(row.organisation_id)
    if kind == "source" and ids:
        referenced["event"].update(session.scalars(
            select(m.source_event.c.event_id).where(m.source_event.c.source_id.in_(ids))))
    return referenced


def _where_in(statement, column, wanted: set[int] | None):
    return statement if wanted is None else statement.where(column.in_(sorted(wanted)))


def _load_names(session, only: dict[str, set[int]] | None = None) -> _Names:
    """Names of people, organisations, events, series, sessions and sources (``only``: those ids)."""
    names = _Names()
    wanted = (lambda kind: None) if only is None else (lambda kind: only.get(kind, set()))
    aliases: dict[int, list[str]] = {}
    alias_rows = _where_in(select(m.PersonAlias.person_id, m.PersonAlias.alias), m.PersonAlias.person_id,
                           wanted("person"))
    for person_id, alias in session.execute(alias_rows):
        aliases.setdefault(person_id, []).append(alias)
    people = _where_in(select(m.Person.id, m.Person.name, m.Person.honorific), m.Person.id, wanted("person"))
    for row in session.execute(people):
        names.people[row.id] = (row.name, _join(row.honorific, *aliases.get(row.id, ())))
    organisations = _where_in(select(m.Organisation.id, m.Organisation.name), m.Organisation.id, wanted("organisation"))
    names.organisations = {row.id: row.name for row in session.execute(organisations)}
    events = _where_in(select(m.Event.id, m.Event.name, m.Event.series_id, m.Event.start_date), m.Event.id,
                       wanted("event"))
    for row in session.execute(events):
        names.events[row.id] = (row.name, row.series_id, _year(row.start_date))
    series_ids = None if only is None else {series_id for _, series_id, _ in names.events.values() if series_id}
    names.series = {row.id: row.name for row in session.execute(
        _where_in(select(m.Series.id, m.Series.name), m.Series.id, series_ids))}
    sessions = _where_in(select(m.Session.id, m.Session.title), m.Session.id, wanted("session"))
    names.sessions = {row.id: row.title for row in session.execute(sessions)}
    sources = _where_in(select(m.Source.id, m.Source.file_name, m.Source.published_on), m.Source.id, wanted("source"))
    for row in session.execute(sources):
        names.sources[row.id] = (row.file_name or "", _year(row.published_on))
    return names


def _selected(session, model, columns, ids):
    statement = select(*columns)
    if ids is not None:
        statement = statement.where(model.id.in_(ids))
    return session.execute(statement.order_by(model.id))


def _context_facets(names: _Names, speaker_id, organisation_id, event_id) -> dict[str, object]:
    event_name, series_id, event_year = names.events.get(event_id, ("", None, "")) if event_id else ("", None, "")
    speaker_name, speaker_extra = names.people.get(speaker_id, ("", "")) if speaker_id else ("", "")
    organisation_name = names.organisations.get(organisation_id, "") if organisation_id else ""
    series_name = names.series.get(series_id, "") if series_id else ""
    return {
        "speaker_name": speaker_name,
        "event_name": event_name,
        "organisation_name": organisation_name,
        "series_name": series_name,
        "speaker": Facet(speaker_id, speaker_name) if speaker_name else None,
        "event": Facet(event_id, event_name) if event_name else None,
        "organisation": Facet(organisation_id, organisation_name) if organisation_name else None,
        "series": Facet(series_id, series_name) if series_name else None,
        "_speaker_extra": speaker_extra,
        "_event_year": event_year,
    }


def _source_fields(names: _Names, source_id) -> dict[str, object]:
    file_name, year = names.sources.get(source_id, ("", "")) if source_id else ("", "")
    return {"source_id": source_id if source_id else None, "source_file": file_name, "_source_year": year}


def _read_quotes(session, names: _Names, ids) -> Iterator[IndexDocument]:
    q = m.Quote
    columns = (q.id, q.text, q.speaker_id, q.speaker_title, q.organisation_id, q.organisation_text, q.event_id,
               q.session_id, q.said_on, q.source_id, q.notes)
    for row in _selected(session, q, columns, ids):
        context = _context_facets(names, row.speaker_id, row.organisation_id, row.event_id)
        source = _source_fields(names, row.source_id)
        yield IndexDocument(
            kind="quote", record_id=row.id, title=context["speaker_name"] or row.organisation_text or "",
            body=row.text or "",
            context=_join(context.pop("_speaker_extra"), row.speaker_title, row.organisation_text,
                          context["organisation_name"], context["event_name"], names.sessions.get(row.session_id),
                          row.notes),
            year=_year(row.said_on) or context.pop("_event_year") or source["_source_year"], date=row.said_on or "",
            **_clean(context), **_clean(source),
        )


def _read_statistics(session, names: _Names, ids) -> Iterator[IndexDocument]:
    s = m.Statistic
    columns = (s.id, s.figure_text, s.subject, s.unit, s.speaker_id, s.event_id, s.session_id, s.stated_on,
               s.period, s.source_id, s.notes)
    for row in _selected(session, s, columns, ids):
        context = _context_facets(names, row.speaker_id, None, row.event_id)
        source = _source_fields(names, row.source_id)
        yield IndexDocument(
            kind="statistic", record_id=row.id, title=_join(row.figure_text, row.subject)[:200],
            body=_join(row.figure_text, row.subject),
            context=_join(row.unit, row.period, context.pop("_speaker_extra"), context["speaker_name"],
                          context["event_name"], names.sessions.get(row.session_id), row.notes),
            year=_year(row.stated_on) or context.pop("_event_year") or source["_source_year"],
            date=row.stated_on or "", **_clean(context), **_clean(source),
        )


def _read_sessions(session, names: _Names, ids) -> Iterator[IndexDocument]:
    s = m.Session
    presenters: dict[int, list[str]] = {}
    presenter_rows = select(m.SessionPresenter.session_id, m.SessionPresenter.person_id,
                            m.SessionPresenter.organisation_id)
    for row in session.execute(presenter_rows):
        name = names.people.get(row.person_id, ("", ""))[0] or names.organisations.get(row.organisation_id, "")
        presenters.setdefault(row.session_id, []).append(name)
    columns = (s.id, s.title, s.summary, s.event_id, s.date, s.moderator_id, s.attendance_text, s.kind)
    for row in _selected(session, s, columns, ids):
        context = _context_facets(names, None, None, row.event_id)
        moderator = names.people.get(row.moderator_id, ("", ""))[0] if row.moderator_id else ""
        yield IndexDocument(
            kind="session", record_id=row.id, title=row.title or "", body=row.summary or row.title or "",
            context=_join(context["event_name"], moderator, *presenters.get(row.id, ()), row.attendance_text),
            year=_year(row.date) or context.pop("_event_year"), date=row.date or "", **_clean(context),
        )


def _read_events(session, names: _Names, ids) -> Iterator[IndexDocument]:
    e = m.Event
    columns = (e.id, e.name, e.edition, e.edition_label, e.description, e.venue, e.city, e.country, e.hashtags,
               e.start_date, e.series_id, e.organiser_id)
    for row in _selected(session, e, columns, ids):
        context = _context_facets(names, None, row.organiser_id, row.id)
        hashtags = " ".join(row.hashtags or ())
        yield IndexDocument(
            kind="event", record_id=row.id, title=event_display_name(row.name, row.edition, row.edition_label),
            body=row.description or _join(row.name, row.venue, row.city),
            context=_join(row.edition_label, row.venue, row.city, row.country, hashtags, context["series_name"],
                          context["organisation_name"]),
            year=_year(row.start_date), date=row.start_date or "", **_clean(context),
        )


def _read_people(session, names: _Names, ids) -> Iterator[IndexDocument]:
    p = m.Person
    for row in _selected(session, p, (p.id, p.name, p.honorific, p.title, p.organisation_id, p.notes), ids):
        organisation = names.organisations.get(row.organisation_id, "") if row.organisation_id else ""
        yield IndexDocument(
            kind="person", record_id=row.id, title=row.name, body=_join(row.title, organisation),
            context=_join(names.people.get(row.id, ("", ""))[1], row.notes),
            speaker_name=row.name, organisation_name=organisation, speaker=Facet(row.id, row.name),
            organisation=Facet(row.organisation_id, organisation) if organisation else None,
        )


def _read_sources(session, names: _Names, ids) -> Iterator[IndexDocument]:
    s = m.Source
    event_links: dict[int, list[int]] = {}
    for source_id, event_id in session.execute(select(m.source_event.c.source_id, m.source_event.c.event_id)):
        event_links.setdefault(source_id, []).append(event_id)
    columns = (s.id, s.title, s.outlet, s.section, s.author, s.dateline, s.published_on, s.full_text, s.file_name)
    for row in _selected(session, s, columns, ids):
        event_ids = event_links.get(row.id, [])
        context = _context_facets(names, None, None, event_ids[0] if event_ids else None)
        yield IndexDocument(
            kind="source", record_id=row.id, title=row.title or row.file_name or row.outlet or "",
            body=row.full_text or "",
            context=_join(row.outlet, row.section, row.author, row.dateline,
                          *(names.events.get(i, ("",))[0] for i in event_ids)),
            year=_year(row.published_on) or context.pop("_event_year"), date=row.published_on or "",
            source_id=row.id, source_file=row.file_name or "", **_clean(context),
        )


def _clean(values: dict[str, object]) -> dict[str, object]:
    return {key: value for key, value in values.items() if not key.startswith("_")}


_MODELS = {
    "quote": m.Quote, "statistic": m.Statistic, "session": m.Session, "event": m.Event, "person": m.Person,
    "source": m.Source,
}


def _no_column(model):
    return literal(None)


# What orders a record's document in a rebuild: (id, date, event id, source id) selectables.
_ORDER_COLUMNS = {
    "quote": lambda q: (q.id, q.said_on, q.event_id, q.source_id),
    "statistic": lambda s: (s.id, s.stated_on, s.event_id, s.source_id),
    "session": lambda s: (s.id, s.date, s.event_id, _no_column(s)),
    "event": lambda e: (e.id, e.start_date, _no_column(e), _no_column(e)),
    "person": lambda p: (p.id, _no_column(p), _no_column(p), _no_column(p)),
    "source": lambda s: (s.id, s.published_on, _no_column(s), _no_column(s)),
}
_READERS = {
    "quote": _read_quotes, "statistic": _read_statistics, "session": _read_sessions, "event": _read_events,
    "person": _read_people, "source": _read_sources,
}
