"""Archive records as index documents, read in bulk straight from the database.

Owns ``ArchiveDocuments``: every indexed record of an archive (or a chosen few) as
``IndexDocument`` values, and the expansion of a changed record to the documents that show it
(a renamed person appears in their quotes, statistics and sessions). The archive services
return one record at a time with every relation loaded, which is right for the GUI and far
too slow for rebuilding 100k documents; this module reads columns with SQLAlchemy Core
``select()`` and resolves names through dictionaries loaded once per pass (read-only).

Which text goes into which field comes from the kind registry (``archive.kinds.fields``,
``SEARCHED_IN``): a document's context is every field searched as "context" that is a column
of its table (``_Context``), its rebuild order is its field searched as "year". Each kind's
reader writes only what is its own: its title and body, and what lives in other tables.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import Result, literal, select
from sqlalchemy.orm import Session

from archive.db import models as m
from archive.db.engine import Archive
from archive.errors import ArchiveBusyError
from archive.kinds.registry import KINDS
from archive.kinds.relations import SHOWN_NAMES, showing
from archive.services import outbox
from archive.services.maintenance import archive_generation
from archive.services.records import event_display_name
from search.analysis import normalize
from search.documents import DocumentSource, Facet, IndexDocument
from search.schema import INDEXED_KINDS

log = logging.getLogger(__name__)

SelectT = TypeVar("SelectT")  # a select() statement, whatever its columns


@dataclass
class _Names:
    """Names of the records other records point at, loaded once per reading pass."""

    people: dict[int, tuple[str, str]] = field(default_factory=dict)  # id -> (name, searchable extras)
    aliases: dict[int, str] = field(default_factory=dict)  # person id -> other spellings
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


# Between two parts of a row's text that are read as separate phrases: a figure and its subject
# ("أكثر من 400 مشارك — عدد المشاركين"), a person's post and their organisation.
PART_SEPARATOR = " — "


def _phrases(*parts: str | None) -> str:
    """The non-empty ``parts`` joined with ``PART_SEPARATOR``."""
    return PART_SEPARATOR.join(part for part in parts if part)


def _post_and_organisation(post: str | None, organisation: str) -> str:
    """A person's row text: their post, and their organisation unless the post already names it.

    "مساعد مدير التسويق في عُمان للإبحار" already says "عمان للإبحار" (compared as the analyzer
    folds letters and marks): repeating it would show the name twice.
    """
    if post and organisation and normalize(organisation) in normalize(post):
        return post
    return _phrases(post, organisation)


class ArchiveDocuments(DocumentSource):
    """Reads index documents from an archive (any thread; each call opens its own session).

    Pickled for rebuild workers as the archive's path: a worker opens the archive itself.
    """

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self._path = str(archive.path)

    def __getstate__(self) -> dict[str, object]:
        return {"_path": self._path}

    def __setstate__(self, state: dict[str, object]) -> None:
        from archive.db.engine import open_archive

        self._path = str(state["_path"])
        self.archive = open_archive(self._path, create=False)

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
                for row in session.execute(select(*columns).order_by(_MODELS[kind].id)):
                    record_id, date, event_id, source_id = row
                    if kind == "source":
                        event_id, source_id = first_event.get(record_id), None
                    year = event_years.get(event_id, "") or source_years.get(source_id, "")
                    keyed.append((date or year or "", kind, record_id))
        keyed.sort(key=lambda entry: entry[0], reverse=True)  # stable: kind, then id among equal dates
        return [(kind, record_id) for _date, kind, record_id in keyed]

    def pending_changes(self, limit: int, after_id: int = 0) -> list[outbox.OutboxItem]:
        with self.archive.session() as session:
            rows = session.scalars(select(m.OutboxEntry).where(m.OutboxEntry.id > after_id)
                                   .order_by(m.OutboxEntry.id).limit(limit))
            return [outbox.OutboxItem(row.id, row.record_kind, row.record_id, row.op) for row in rows]

    def acknowledge(self, ids: list[int]) -> None:
        """Delete applied outbox rows; while another program holds the write lock, leave them.

        A search must not fail because it could not tidy up: the rows are applied again by the
        next drain, which writes the same documents again.
        """
        try:
            outbox.acknowledge(self.archive, ids)
        except ArchiveBusyError:
            log.info("the archive is busy: %d applied search changes stay queued", len(ids))

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
            only = _referenced_ids(session, kind, wanted) if wanted is not None and few else None
            names = _load_names(session, only)
            reader = READERS[kind]
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
_NAMED_KINDS = ("person", "organisation", "event", "session", "source")


def _referenced_ids(session: Session, kind: str, ids: list[int]) -> dict[str, set[int]]:
    """kind -> ids of the records whose names the documents of ``ids`` show (``archive.kinds.relations``)."""
    referenced: dict[str, set[int]] = {name: set() for name in _NAMED_KINDS}
    if kind in referenced:
        referenced[kind].update(ids)
    for relation in SHOWN_NAMES:
        if relation.shown_by == kind and ids:
            linked = session.scalars(select(relation.link).where(relation.shown_by_id.in_(ids)))
            referenced.setdefault(relation.named, set()).update(value for value in linked if value is not None)
    return referenced


def _where_in(statement: SelectT, column: Any, wanted: set[int] | None) -> SelectT:
    """``statement`` limited to rows whose ``column`` is in ``wanted`` (all rows when None)."""
    if wanted is None:
        return statement
    limited: SelectT = statement.where(column.in_(sorted(wanted)))  # type: ignore[attr-defined]
    return limited


def _load_names(session: Session, only: dict[str, set[int]] | None = None) -> _Names:
    """Names of people, organisations, events, series, sessions and sources (``only``: those ids)."""
    names = _Names()

    def wanted(kind: str) -> set[int] | None:
        return None if only is None else only.get(kind, set())

    aliases: dict[int, list[str]] = {}
    alias_rows = _where_in(select(m.PersonAlias.person_id, m.PersonAlias.alias), m.PersonAlias.person_id,
                           wanted("person"))
    for person_id, alias in session.execute(alias_rows):
        aliases.setdefault(person_id, []).append(alias)
    people = _where_in(select(m.Person.id, m.Person.name, m.Person.honorific), m.Person.id, wanted("person"))
    for row in session.execute(people):
        names.people[row.id] = (row.name, _join(row.honorific, *aliases.get(row.id, ())))
    names.aliases = {person_id: " ".join(spellings) for person_id, spellings in aliases.items()}
    organisations = _where_in(select(m.Organisation.id, m.Organisation.name), m.Organisation.id, wanted("organisation"))
    names.organisations = {row.id: row.name for row in session.execute(organisations)}
    events = _where_in(select(m.Event.id, m.Event.name, m.Event.series_id, m.Event.start_date), m.Event.id,
                       wanted("event"))
    for event in session.execute(events):
        names.events[event.id] = (event.name, event.series_id, _year(event.start_date))
    series_ids = None if only is None else {series_id for _, series_id, _ in names.events.values() if series_id}
    names.series = {row.id: row.name for row in session.execute(
        _where_in(select(m.Series.id, m.Series.name), m.Series.id, series_ids))}
    sessions = _where_in(select(m.Session.id, m.Session.title), m.Session.id, wanted("session"))
    names.sessions = {row.id: row.title for row in session.execute(sessions)}
    sources = _where_in(select(m.Source.id, m.Source.file_name, m.Source.published_on), m.Source.id, wanted("source"))
    for source in session.execute(sources):
        names.sources[source.id] = (source.file_name or "", _year(source.published_on))
    return names


# The name a link column shows, by the kind it points at (``_Names``).
_NAME_OF: dict[str, Callable[[_Names, int], str]] = {
    "person": lambda names, key: names.people.get(key, ("", ""))[0],
    "organisation": lambda names, key: names.organisations.get(key, ""),
    "event": lambda names, key: names.events.get(key, ("", None, ""))[0],
    "series": lambda names, key: names.series.get(key, ""),
    "session": lambda names, key: names.sessions.get(key, ""),
    "source": lambda names, key: names.sources.get(key, ("", ""))[0],
}


@dataclass(frozen=True)
class _Context:
    """The columns of a kind whose text (or linked name) goes into its document's context field.

    Derived from the registry (``KindSpec.searched_in``: every field searched as "context" that
    is a column of the kind's table); a reader selects ``columns`` after its own and passes their
    values to ``text``. Fields kept in other tables (other spellings, presenters, a source's
    events) are read by the kind's reader itself.
    """

    columns: tuple[Any, ...]
    name_of: tuple[Callable[[_Names, int], str] | None, ...]

    @classmethod
    def of(cls, kind: str) -> _Context:
        spec = KINDS[kind]
        table_columns = set(spec.model.__table__.columns.keys())
        links = {field.name: field.link_kind for field in spec.fields()}
        names = [name for name, target in spec.searched_in().items() if target == "context" and name in table_columns]
        return cls(tuple(getattr(spec.model, name) for name in names),
                   tuple(_NAME_OF[links[name]] if links[name] else None for name in names))

    def text(self, names: _Names, values: Sequence[Any]) -> list[str]:
        """The words of the context columns' ``values`` (a link's name, a list's items)."""
        words: list[str] = []
        for value, name_of in zip(values, self.name_of, strict=True):
            if value is None or value == "":
                continue
            if name_of is not None:
                words.append(name_of(names, value))
            elif isinstance(value, list):
                words.extend(str(item) for item in value)
            else:
                words.append(str(value))
        return words


def _selected(session: Session, model: Any, columns: tuple[Any, ...], ids: list[int] | None) -> Result[Any]:
    statement = select(*columns)
    if ids is not None:
        statement = statement.where(model.id.in_(ids))
    return session.execute(statement.order_by(model.id))


@dataclass(frozen=True)
class _Shown:
    """What a document shows of the records it links to: names to search, facets to count, the year to fall back on."""

    speaker_name: str = ""
    event_name: str = ""
    organisation_name: str = ""
    series_name: str = ""
    speaker: Facet | None = None
    event: Facet | None = None
    organisation: Facet | None = None
    series: Facet | None = None
    speaker_extra: str = ""  # honorific and other spellings: searchable, not shown
    event_year: str = ""
    source_id: int | None = None
    source_file: str = ""
    source_year: str = ""

    def fields(self) -> dict[str, Any]:
        """The ``IndexDocument`` fields of what is shown."""
        return {"speaker_name": self.speaker_name, "event_name": self.event_name,
                "organisation_name": self.organisation_name, "series_name": self.series_name,
                "speaker": self.speaker, "event": self.event, "organisation": self.organisation,
                "series": self.series}

    def source_fields(self) -> dict[str, Any]:
        return {"source_id": self.source_id, "source_file": self.source_file}


def _shown(names: _Names, speaker_id: int | None = None, organisation_id: int | None = None,
           event_id: int | None = None, source_id: int | None = None) -> _Shown:
    event_name, series_id, event_year = names.events.get(event_id, ("", None, "")) if event_id else ("", None, "")
    speaker_name, speaker_extra = names.people.get(speaker_id, ("", "")) if speaker_id else ("", "")
    organisation_name = names.organisations.get(organisation_id, "") if organisation_id else ""
    series_name = names.series.get(series_id, "") if series_id else ""
    source_file, source_year = names.sources.get(source_id, ("", "")) if source_id else ("", "")
    return _Shown(
        speaker_name=speaker_name, event_name=event_name, organisation_name=organisation_name,
        series_name=series_name,
        speaker=Facet(speaker_id, speaker_name) if speaker_id and speaker_name else None,
        event=Facet(event_id, event_name) if event_id and event_name else None,
        organisation=Facet(organisation_id, organisation_name) if organisation_id and organisation_name else None,
        series=Facet(series_id, series_name) if series_id and series_name else None,
        speaker_extra=speaker_extra, event_year=event_year, source_id=source_id or None, source_file=source_file,
        source_year=source_year,
    )


def _read_quotes(session: Session, names: _Names, ids: list[int] | None) -> Iterator[IndexDocument]:
    q, context = m.Quote, _CONTEXT["quote"]
    own = (q.id, q.text, q.speaker_id, q.organisation_id, q.organisation_text, q.event_id, q.said_on, q.source_id)
    for row in _selected(session, q, (*own, *context.columns), ids):
        shown = _shown(names, row.speaker_id, row.organisation_id, row.event_id, row.source_id)
        yield IndexDocument(
            kind="quote", record_id=row.id, title=shown.speaker_name or row.organisation_text or "",
            body=row.text or "", context=_join(shown.speaker_extra, *context.text(names, row[len(own):])),
            year=_year(row.said_on) or shown.event_year or shown.source_year, date=row.said_on or "",
            **shown.fields(), **shown.source_fields(),
        )


def _read_statistics(session: Session, names: _Names, ids: list[int] | None) -> Iterator[IndexDocument]:
    s, context = m.Statistic, _CONTEXT["statistic"]
    own = (s.id, s.figure_text, s.subject, s.speaker_id, s.event_id, s.stated_on, s.source_id)
    for row in _selected(session, s, (*own, *context.columns), ids):
        shown = _shown(names, row.speaker_id, None, row.event_id, row.source_id)
        yield IndexDocument(
            kind="statistic", record_id=row.id, title=_phrases(row.figure_text, row.subject)[:200],
            body=_phrases(row.figure_text, row.subject),
            context=_join(shown.speaker_extra, *context.text(names, row[len(own):])),
            year=_year(row.stated_on) or shown.event_year or shown.source_year,
            date=row.stated_on or "", **shown.fields(), **shown.source_fields(),
        )


def _read_sessions(session: Session, names: _Names, ids: list[int] | None) -> Iterator[IndexDocument]:
    s, context = m.Session, _CONTEXT["session"]
    presenters: dict[int, list[str]] = {}
    presenter_rows = select(m.SessionPresenter.session_id, m.SessionPresenter.person_id,
                            m.SessionPresenter.organisation_id)
    for presenter in session.execute(presenter_rows):
        person_name = names.people.get(presenter.person_id, ("", ""))[0] if presenter.person_id else ""
        organisation_name = (names.organisations.get(presenter.organisation_id, "")
                             if presenter.organisation_id else "")
        presenters.setdefault(presenter.session_id, []).append(person_name or organisation_name)
    own = (s.id, s.title, s.summary, s.event_id, s.date)
    for row in _selected(session, s, (*own, *context.columns), ids):
        shown = _shown(names, event_id=row.event_id)
        yield IndexDocument(
            kind="session", record_id=row.id, title=row.title or "", body=row.summary or row.title or "",
            context=_join(*context.text(names, row[len(own):]), *presenters.get(row.id, ())),
            year=_year(row.date) or shown.event_year, date=row.date or "", **shown.fields(),
        )


def _read_events(session: Session, names: _Names, ids: list[int] | None) -> Iterator[IndexDocument]:
    e, context = m.Event, _CONTEXT["event"]
    own = (e.id, e.name, e.edition, e.edition_label, e.description, e.venue, e.city, e.start_date, e.organiser_id)
    for row in _selected(session, e, (*own, *context.columns), ids):
        shown = _shown(names, organisation_id=row.organiser_id, event_id=row.id)
        yield IndexDocument(
            kind="event", record_id=row.id, title=event_display_name(row.name, row.edition, row.edition_label),
            body=row.description or _join(row.name, row.venue, row.city),
            context=_join(*context.text(names, row[len(own):])),
            year=_year(row.start_date), date=row.start_date or "", **shown.fields(),
        )


def _read_people(session: Session, names: _Names, ids: list[int] | None) -> Iterator[IndexDocument]:
    p, context = m.Person, _CONTEXT["person"]
    own = (p.id, p.name, p.title, p.organisation_id)
    for row in _selected(session, p, (*own, *context.columns), ids):
        organisation = names.organisations.get(row.organisation_id, "") if row.organisation_id else ""
        yield IndexDocument(
            kind="person", record_id=row.id, title=row.name, body=_post_and_organisation(row.title, organisation),
            context=_join(*context.text(names, row[len(own):]), names.aliases.get(row.id)),
            speaker_name=row.name, organisation_name=organisation, speaker=Facet(row.id, row.name),
            organisation=Facet(row.organisation_id, organisation) if organisation else None,
        )


def _read_sources(session: Session, names: _Names, ids: list[int] | None) -> Iterator[IndexDocument]:
    s, context = m.Source, _CONTEXT["source"]
    event_links: dict[int, list[int]] = {}
    for source_id, event_id in session.execute(select(m.source_event.c.source_id, m.source_event.c.event_id)):
        event_links.setdefault(source_id, []).append(event_id)
    own = (s.id, s.title, s.outlet, s.published_on, s.full_text, s.file_name)
    for row in _selected(session, s, (*own, *context.columns), ids):
        event_ids = event_links.get(row.id, [])
        shown = _shown(names, event_id=event_ids[0] if event_ids else None)
        yield IndexDocument(
            kind="source", record_id=row.id, title=row.title or row.file_name or row.outlet or "",
            body=row.full_text or "",
            context=_join(*context.text(names, row[len(own):]), *(names.events.get(i, ("",))[0] for i in event_ids)),
            year=_year(row.published_on) or shown.event_year, date=row.published_on or "",
            source_id=row.id, source_file=row.file_name or "", **shown.fields(),
        )


# The model of each kind with a document (``archive.kinds.registry``), in the index's order of kinds.
_MODELS: dict[str, Any] = {kind: KINDS[kind].model for kind in INDEXED_KINDS}


def _order_columns(kind: str) -> tuple[Any, ...]:
    """What orders a record's document in a rebuild: (id, date, event id, source id) selectables.

    The date is the kind's field searched as "year" (``archive.kinds.fields``); a kind without
    one of these columns orders by None in its place.
    """
    spec = KINDS[kind]
    model: Any = spec.model
    date = next((name for name, target in spec.searched_in().items() if target == "year"), "")
    return (model.id, *(getattr(model, name) if name in model.__table__.columns else literal(None)
                        for name in (date, "event_id", "source_id")))


_ORDER_COLUMNS: dict[str, tuple[Any, ...]] = {kind: _order_columns(kind) for kind in INDEXED_KINDS}
# The columns each kind's context is read from (the registry's "context" fields).
_CONTEXT: dict[str, _Context] = {kind: _Context.of(kind) for kind in INDEXED_KINDS}
# What is particular to each kind: how its document is read (``READERS`` covers ``INDEXED_KINDS``).
READERS: dict[str, Callable[[Session, _Names, list[int] | None], Iterator[IndexDocument]]] = {
    "quote": _read_quotes, "statistic": _read_statistics, "session": _read_sessions, "event": _read_events,
    "person": _read_people, "source": _read_sources,
}
