"""Property: renaming a record re-indexes every document that shows its name.

For every foreign-key column through which one record points at a named record (a person, an
organisation, an event, a session, a source, a series), the archive below holds one record
linked through that column alone. Renaming the named record and draining the outbox must leave
the incremental index as a fresh rebuild of the same archive would be: the same documents found
by the new name and by the old one (in text and through the speaker:, event:, organisation: and
series: filters), the same stored values and facet labels. The fresh index is the oracle, so
the test does not repeat any list of "who shows whose name": it reads the schema's foreign keys.
"""

from __future__ import annotations

import copy
import dataclasses
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from archive.db import models as m
from archive.db.engine import Archive, open_archive
from archive.services import events, organisations, outbox, people, quotes, sessions, sources, statistics
from archive.services.records import (
    EventInput,
    OrganisationInput,
    PartnerInput,
    PersonInput,
    QuoteInput,
    SeriesInput,
    SessionInput,
    SourceInput,
    StatisticInput,
)
from search.index import SearchIndex
from search.storage import IndexFormat
from tests.conftest import BuiltArchives, copy_archive

NAMED_TABLES = {"person", "organisation", "event", "session", "source", "series"}
# Link columns that belong to the record they describe (its aliases, its own association rows).
OWNED_COLUMNS = {"person_alias.person_id", "organisation_alias.organisation_id", "event_partner.event_id",
                 "session_presenter.session_id", "event_tag.event_id", "source_tag.source_id"}
# Links whose referrer's document does not show the linked name (or that have no document).
NOT_SHOWN = {
    "series.organiser_id": "series have no document of their own",
    "event_partner.organisation_id": "an event's document does not list its partners",
    "source_event.source_id": "an event's document does not list its sources",
    "import_review.source_id": "import reviews are not indexed",
}
EVERY_DOCUMENT = "zircon"  # a word in every record's own text: one query lists every document
NAME_FILTERS = ("", "speaker:", "event:", "organisation:", "series:")


@dataclass
class Link:
    """One link column realised in the archive: the named record and the record pointing at it."""

    target: tuple[str, int]
    referrer: tuple[str, int]


class LinkedArchive:
    """An archive where each link column joins one referrer to a named record of its own."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.inputs: dict[tuple[str, int], object] = {}
        self.links: dict[str, Link] = {}
        self._words = iter(f"old{letter}{other}name" for letter in "abcdefghijklmnopqrstuvwxyz" for other in "xyz")

    def _word(self) -> str:
        return next(self._words)

    def organisation(self) -> int:
        data = OrganisationInput(name=f"Centre {self._word()}")
        return self._keep("organisation", organisations.create_organisation(self.archive, data).id, data)

    def person(self, organisation_id: int | None = None) -> int:
        data = PersonInput(name=f"Salim {self._word()}", organisation_id=organisation_id, notes=EVERY_DOCUMENT)
        return self._keep("person", people.create_person(self.archive, data).id, data)

    def series(self, organiser_id: int | None = None) -> int:
        data = SeriesInput(name=f"Forum {self._word()}", organiser_id=organiser_id)
        return self._keep("series", events.create_series(self.archive, data).id, data)

    def event(self, series_id: int | None = None, organiser_id: int | None = None,
              partner_id: int | None = None) -> int:
        partners = (PartnerInput(organisation_id=partner_id),) if partner_id else ()
        data = EventInput(name=f"Meeting {self._word()}", series_id=series_id, organiser_id=organiser_id,
                          partners=partners, start_date="2024-03-12", description=EVERY_DOCUMENT)
        return self._keep("event", events.create_event(self.archive, data).id, data)

    def session(self, event_id: int, moderator_id: int | None = None, presenter_id: int | None = None,
                presenter_organisation_id: int | None = None) -> int:
        data = SessionInput(event_id=event_id, title=f"Panel {self._word()}", moderator_id=moderator_id,
                            presenter_person_ids=(presenter_id,) if presenter_id else (),
                            presenter_organisation_ids=(presenter_organisation_id,) if presenter_organisation_id
                            else (), summary=EVERY_DOCUMENT)
        return self._keep("session", sessions.create_session(self.archive, data).id, data)

    def source(self, event_id: int | None = None) -> int:
        word = self._word()
        data = SourceInput(full_text=f"{EVERY_DOCUMENT} article {word}", file_name=f"paper-{word}.txt",
                           published_on="2024-03-13", event_ids=(event_id,) if event_id else ())
        return self._keep("source", sources.add_source(self.archive, data).source.id, data)

    def quote(self, **links: int) -> int:
        data = QuoteInput(text=f"{EVERY_DOCUMENT} said {self._word()}", **links)
        return quotes.create_quote(self.archive, data).id

    def statistic(self, **links: int) -> int:
        data = StatisticInput(figure_text="80%", subject=f"{EVERY_DOCUMENT} counted {self._word()}", **links)
        return statistics.create_statistic(self.archive, data).id

    def _keep(self, kind: str, record_id: int, data: object) -> int:
        self.inputs[(kind, record_id)] = data
        return record_id

    def link(self, column: str, target: tuple[str, int], referrer: tuple[str, int]) -> None:
        self.links[column] = Link(target, referrer)

    def build(self) -> LinkedArchive:
        base_event = self.event()
        self._build_people_and_organisations(base_event)
        self._build_events_and_sessions(base_event)
        self._build_quotes_and_statistics(base_event)
        return self

    def _build_people_and_organisations(self, base_event: int) -> None:
        organisation = self.organisation()
        self.link("person.organisation_id", ("organisation", organisation), ("person", self.person(organisation)))
        organisation = self.organisation()
        self.link("series.organiser_id", ("organisation", organisation), ("series", self.series(organisation)))
        organisation = self.organisation()
        self.link("event.organiser_id", ("organisation", organisation),
                  ("event", self.event(organiser_id=organisation)))
        organisation = self.organisation()
        self.link("event_partner.organisation_id", ("organisation", organisation),
                  ("event", self.event(partner_id=organisation)))
        person = self.person()
        self.link("session.moderator_id", ("person", person),
                  ("session", self.session(base_event, moderator_id=person)))
        person = self.person()
        self.link("session_presenter.person_id", ("person", person),
                  ("session", self.session(base_event, presenter_id=person)))
        organisation = self.organisation()
        self.link("session_presenter.organisation_id", ("organisation", organisation),
                  ("session", self.session(base_event, presenter_organisation_id=organisation)))

    def _build_events_and_sessions(self, base_event: int) -> None:
        series = self.series()
        event = self.event(series_id=series)
        self.quote(event_id=event)  # these show the series through their event (series: filter and facet)
        self.source(event)
        self.link("event.series_id", ("series", series), ("event", event))
        event = self.event()
        self.link("session.event_id", ("event", event), ("session", self.session(event)))
        event = self.event()
        self.link("source_event.event_id", ("event", event), ("source", self.source(event)))
        source = self.source(base_event)
        self.link("source_event.source_id", ("source", source), ("event", base_event))
        self.link("import_review.source_id", ("source", source), ("source", source))

    def _build_quotes_and_statistics(self, base_event: int) -> None:
        for kind, make in (("quote", self.quote), ("statistic", self.statistic)):
            source = self.source()
            self.link(f"{kind}.source_id", ("source", source), (kind, make(source_id=source)))
            person = self.person()
            self.link(f"{kind}.speaker_id", ("person", person), (kind, make(speaker_id=person)))
            event = self.event()
            self.link(f"{kind}.event_id", ("event", event), (kind, make(event_id=event)))
            session = self.session(base_event)
            self.link(f"{kind}.session_id", ("session", session), (kind, make(session_id=session)))
        organisation = self.organisation()
        self.link("quote.organisation_id", ("organisation", organisation),
                  ("quote", self.quote(organisation_id=organisation)))

    def rename(self, target: tuple[str, int], word: str) -> None:
        """Give the named record a new name holding ``word``, changing nothing else."""
        kind, record_id = target
        data = self.inputs[target]
        if kind == "organisation":
            organisations.update_organisation(self.archive, record_id, dataclasses.replace(data, name=f"Centre {word}"))
        elif kind == "person":
            people.update_person(self.archive, record_id, dataclasses.replace(data, name=f"Salim {word}"))
        elif kind == "series":
            events.update_series(self.archive, record_id, dataclasses.replace(data, name=f"Forum {word}"))
        elif kind == "event":
            events.update_event(self.archive, record_id, dataclasses.replace(data, name=f"Meeting {word}"))
        elif kind == "session":
            sessions.update_session(self.archive, record_id, dataclasses.replace(data, title=f"Panel {word}"))
        elif kind == "source":
            sources.update_source(self.archive, record_id, dataclasses.replace(data, file_name=f"paper-{word}.txt"))
        else:
            raise AssertionError(f"no rename for {kind}")

    def delete(self, target: tuple[str, int]) -> None:
        kind, record_id = target
        deleters = {"organisation": organisations.delete_organisation, "person": people.delete_person,
                    "series": events.delete_series, "event": events.delete_event,
                    "session": sessions.delete_session, "source": sources.delete_source}
        deleters[kind](self.archive, record_id)

    def old_word(self, target: tuple[str, int]) -> str:
        data = self.inputs[target]
        name = getattr(data, "name", None) or getattr(data, "title", None) or data.file_name
        return name.replace("paper-", "").replace(".txt", "").split()[-1]


def _build_linked(archive: Archive) -> LinkedArchive:
    return LinkedArchive(archive).build()


@dataclass(frozen=True)
class IndexedMaster:
    """The linked archive and its incremental index, made once per run: copied by ``indexed``."""

    archive: Path
    index_dir: Path
    key_file: Path
    made: LinkedArchive


@pytest.fixture(scope="session")
def indexed_master(built_archives: BuiltArchives, tmp_path_factory: pytest.TempPathFactory) -> IndexedMaster:
    """The linked archive (built once per run) and an index that took in every record through the
    outbox, as one open while they were made would; made once per run, closed, never opened again.

    The index is made empty on an empty archive at the same path, which the linked archive then
    replaces: opening it again finds it current (no rebuild) and drains every outbox row. Its key
    is kept beside it, so that a copy opened under another test's data folder is still its own.
    """
    folder = tmp_path_factory.mktemp("linked-indexed")
    path, index_dir, key_file = folder / "archive.sqlite", folder / "incremental.index", folder / "index.key"
    empty = open_archive(copy_archive(built_archives.empty, path))
    SearchIndex.open(index_dir, empty, key_file=key_file).close()
    empty.close()
    path.unlink()
    _path, made = built_archives.copy(_build_linked, path)
    archive = open_archive(path)
    empty_build = IndexFormat.read(index_dir).build
    try:
        assert outbox.pending_count(archive) > 0
        SearchIndex.open(index_dir, archive, key_file=key_file).close()
        assert IndexFormat.read(index_dir).build == empty_build  # drained, not rebuilt
        assert outbox.pending_count(archive) == 0
    finally:
        archive.close()
    return IndexedMaster(path, index_dir, key_file, made)


@pytest.fixture
def indexed(indexed_master: IndexedMaster, tmp_path: Path) -> Iterator[tuple[LinkedArchive, SearchIndex]]:
    """This test's own copy of the linked archive and of its incremental index (``indexed_master``:
    building the archive, then the index, took most of each test's time)."""
    path = copy_archive(indexed_master.archive, tmp_path / "archive.sqlite")
    index_dir = Path(shutil.copytree(indexed_master.index_dir, tmp_path / "incremental.index"))
    made = copy.copy(indexed_master.made)
    made.archive = open_archive(path)
    made.inputs, made.links = dict(made.inputs), dict(made.links)  # this test's own, to change
    copied_build = IndexFormat.read(index_dir).build
    incremental = SearchIndex.open(index_dir, made.archive, key_file=indexed_master.key_file)
    try:
        assert IndexFormat.read(index_dir).build == copied_build  # the copy is current: not rebuilt
        assert outbox.pending_count(made.archive) == 0
        yield made, incremental
    finally:
        incremental.close()
        made.archive.close()


def link_columns() -> set[str]:
    """Every foreign-key column of the schema that points at a named record."""
    return {f"{table.name}.{fk.parent.name}" for table in m.Base.metadata.sorted_tables
            for fk in table.foreign_keys if fk.column.table.name in NAMED_TABLES}


def found(search_index: SearchIndex, word: str) -> dict[str, set[tuple[str, int]]]:
    return {prefix: {(hit.kind, hit.id) for hit in search_index.search(f"{prefix}{word}", limit=500).hits}
            for prefix in NAME_FILTERS}


def everything_shown(search_index: SearchIndex) -> tuple[list[tuple], dict[str, list[tuple]]]:
    """Every document's stored values and every facet label, as a comparable value."""
    results = search_index.search(EVERY_DOCUMENT, limit=500)
    hits = sorted((hit.kind, hit.id, hit.title, hit.speaker_name, hit.event_name, hit.year, hit.date,
                   hit.source_file) for hit in results.hits)
    facets = {name: sorted((row.value, row.label, row.count) for row in rows) for name, rows in results.facets.items()}
    return hits, facets


def shows(search_index: SearchIndex, key: tuple[str, int], word: str) -> bool:
    if any(key in keys for keys in found(search_index, word).values()):
        return True
    hits, _facets = everything_shown(search_index)
    return any(hit[:2] == key and any(word in str(value) for value in hit[2:]) for hit in hits)


def test_the_archive_links_through_every_link_column_of_the_schema(indexed_master: IndexedMaster) -> None:
    assert set(indexed_master.made.links) == link_columns() - OWNED_COLUMNS


@pytest.mark.parametrize("column", sorted(link_columns() - OWNED_COLUMNS))
def test_renaming_a_record_reindexes_every_document_showing_its_name(
        column: str, indexed: tuple[LinkedArchive, SearchIndex], tmp_path: Path) -> None:
    linked, incremental = indexed
    link = linked.links[column]
    old_word, new_word = linked.old_word(link.target), "renamed" + linked.old_word(link.target)[3:]
    linked.rename(link.target, new_word)
    incremental.drain_outbox()
    fresh = SearchIndex.open(tmp_path / "fresh.index", linked.archive)
    try:
        if column not in NOT_SHOWN:
            assert shows(fresh, link.referrer, new_word), f"{link.referrer} does not show the new name"
        assert found(incremental, new_word) == found(fresh, new_word)
        assert found(incremental, old_word) == found(fresh, old_word)
        assert everything_shown(incremental) == everything_shown(fresh)
    finally:
        fresh.close()


@pytest.mark.parametrize("column", sorted(link_columns() - OWNED_COLUMNS))
def test_deleting_a_named_record_reindexes_every_document_that_showed_it(
        column: str, indexed: tuple[LinkedArchive, SearchIndex], tmp_path: Path) -> None:
    linked, incremental = indexed
    link = linked.links[column]
    old_word = linked.old_word(link.target)
    linked.delete(link.target)
    incremental.drain_outbox()
    fresh = SearchIndex.open(tmp_path / "fresh.index", linked.archive)
    try:
        assert found(incremental, old_word) == found(fresh, old_word)
        assert everything_shown(incremental) == everything_shown(fresh)
    finally:
        fresh.close()


def test_the_index_reads_a_document_for_every_kind_the_registry_indexes() -> None:
    from archive.kinds.registry import INDEXED_KINDS as REGISTERED
    from search.records import READERS
    from search.schema import INDEXED_KINDS

    assert set(READERS) == set(INDEXED_KINDS) == set(REGISTERED)
