"""A small real archive of our own Arabic records, and its search index (real SQLite, real Whoosh).

The archive is filled once per run and each test opens its own copy (``BuiltArchives``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from archive.db.engine import Archive, open_archive
from archive.services import events, organisations, people, quotes, sessions, sources, statistics
from archive.services.records import (
    EventInput,
    OrganisationInput,
    PersonInput,
    QuoteInput,
    SeriesInput,
    SessionInput,
    SourceInput,
    StatisticInput,
)
from search.index import SearchIndex
from tests.conftest import BuiltArchives, copy_archive

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "articles"


@dataclass
class Ids:
    person: int
    second_person: int
    event: int
    quote: int
    second_quote: int
    statistic: int
    source: int


def fill_archive(archive: Archive) -> Ids:
    centre = organisations.create_organisation(archive, OrganisationInput(name="مركز الإعلام الرقمي"))
    person = people.create_person(archive, PersonInput(name="سالم بن راشد الكندي", honorific="الدكتور",
                                                       title="مدير عام الإعلام", organisation_id=centre.id))
    other = people.create_person(archive, PersonInput(name="مريم بنت خالد الحارثية", title="رئيسة قسم التواصل"))
    series = events.create_series(archive, SeriesInput(name="ملتقى الاتصال المؤسسي"))
    event = events.create_event(archive, EventInput(
        name="ملتقى الاتصال المؤسسي الثالث", series_id=series.id, start_date="2024-03-12", city="صلالة",
        venue="قاعة المؤتمرات", hashtags=("#ملتقى_الاتصال_المؤسسي",)))
    sessions.create_session(archive, SessionInput(event_id=event.id, title="جلسة حوارية عن المنصات الرقمية",
                                                  summary="ناقشت الجلسة دور المنصّات الرقميّة في خدمة المجتمع"))
    source = sources.add_source(archive, SourceInput(
        full_text="صلالة - الخبر\nقال الدكتور سالم بن راشد الكندي إن المؤسسات الحكومية تتجه إلى الإعلام الرقمي.\n"
                  "وأوضحت مريم الحارثية أن ٨٠٪ من المستخدمين يتابعون الأخبار عبر الهاتف.",
        title="ملتقى الاتصال يناقش الإعلام الرقمي", file_name="khabar-2024-03-13.txt", published_on="2024-03-13",
        event_ids=(event.id,)))
    source_id = source.source.id
    quote = quotes.create_quote(archive, QuoteInput(
        text="إنّ المؤسسات الحكوميّة تتجه إلى الإعلام الرقمي لخدمة المواطنين", speaker_id=person.id,
        event_id=event.id, said_on="2024-03-12", source_id=source_id))
    second = quotes.create_quote(archive, QuoteInput(
        text="التدريب المستمر للموظفين ضرورة في عصر المنصات", speaker_id=other.id, event_id=event.id,
        said_on="2024-03-12"))
    statistic = statistics.create_statistic(archive, StatisticInput(
        figure_text="٨٠٪", subject="من المستخدمين يتابعون الأخبار عبر الهاتف", speaker_id=other.id,
        event_id=event.id, source_id=source_id))
    return Ids(person.id, other.id, event.id, quote.id, second.id, statistic.id, source_id)


@pytest.fixture
def _archive_file(request: pytest.FixtureRequest, built_archives: BuiltArchives,
                  tmp_path: Path) -> tuple[Path, Ids | None]:
    """This test's own archive file: a new, empty one, or the filled one (and its ids) when the test asks
    for ``filled``. Both are copies of files made once per run (``empty_archive_master``, ``BuiltArchives``)."""
    target = tmp_path / "archive.sqlite"
    if "filled" in request.fixturenames:
        return built_archives.copy(fill_archive, target)
    return copy_archive(built_archives.empty, target), None


@pytest.fixture
def archive(_archive_file: tuple[Path, Ids | None]):
    opened = open_archive(_archive_file[0])
    yield opened
    opened.close()


@pytest.fixture
def filled(archive: Archive, _archive_file: tuple[Path, Ids | None]) -> tuple[Archive, Ids]:
    """``archive`` holding what ``fill_archive`` writes, and its ids."""
    ids = _archive_file[1]
    assert ids is not None
    return archive, ids


@pytest.fixture
def search_index(filled, tmp_path: Path):
    archive, _ids = filled
    opened = SearchIndex.open(tmp_path / "archive.index", archive)
    yield opened
    opened.close()
