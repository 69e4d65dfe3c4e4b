"""Fixtures of the desktop tests: a small real archive written through the services, and the app on it.

The archive is filled once per run and each test opens its own copy (``filled``; ``BuiltArchives``).

The article below is our own text (not a press article). Background work runs synchronously
(``TaskRunner(synchronous=True)``); error dialogs are collected instead of shown, and a test
fails if one was shown that it did not expect.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
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
from tests.conftest import BuiltArchives

QUOTE_TEXT = "التحول الرقمي يفتح آفاقا جديدة أمام الإعلام الحكومي"
ARTICLE = (
    "مسقط - وكالة الأنباء: انطلقت صباح اليوم أعمال منتدى الاتصال المؤسسي في دورته الثانية بمشاركة واسعة "
    "من الجهات الحكومية والخاصة.\n"
    f"وقال معالي الدكتور سالم بن ناصر الهاشمي وزير الإعلام إن \"{QUOTE_TEXT}\"، مؤكدا أهمية التدريب.\n"
    "وأشار إلى أن نسبة المتابعين للحسابات الرسمية ارتفعت إلى 75% خلال العام الماضي.\n"
)
OWN_ARTICLES = Path(__file__).resolve().parents[2] / "bench" / "annotations" / "articles"


@dataclass(frozen=True)
class Filled:
    """Ids of what the filled archive holds."""

    archive: Archive
    ministry_id: int
    speaker_id: int
    duplicate_id: int
    series_id: int
    event_id: int
    earlier_event_id: int
    session_id: int
    source_id: int
    quote_id: int
    statistic_id: int


def fill_archive(archive: Archive) -> Filled:
    ministry = organisations.create_organisation(archive, OrganisationInput(name="وزارة الإعلام", kind="ministry"))
    speaker = people.create_person(archive, PersonInput(
        name="سالم بن ناصر الهاشمي", honorific="معالي الدكتور", title="وزير الإعلام", organisation_id=ministry.id))
    duplicate = people.create_person(archive, PersonInput(name="سالم الهاشمي", title="وزير"))
    series = events.create_series(archive, SeriesInput(name="منتدى الاتصال المؤسسي", organiser_id=ministry.id))
    earlier = events.create_event(archive, EventInput(
        name="منتدى الاتصال المؤسسي", series_id=series.id, edition=1, edition_label="الأولى",
        start_date="2023-05-10", city="مسقط", organiser_id=ministry.id))
    event = events.create_event(archive, EventInput(
        name="منتدى الاتصال المؤسسي", series_id=series.id, edition=2, edition_label="الثانية",
        start_date="2024-05-12", city="مسقط", organiser_id=ministry.id, hashtags=("#الاتصال_المؤسسي",)))
    session = sessions.create_session(archive, SessionInput(
        event_id=event.id, title="الإعلام الحكومي في العصر الرقمي", kind="panel", date="2024-05-12",
        start_time="10:00", moderator_id=speaker.id))
    source = sources.add_source(archive, SourceInput(
        full_text=ARTICLE, title="انطلاق منتدى الاتصال المؤسسي", outlet="وكالة الأنباء", published_on="2024-05-12",
        file_name="forum-day-one.txt", event_ids=(event.id,))).source
    start = ARTICLE.index(QUOTE_TEXT)
    quote = quotes.create_quote(archive, QuoteInput(
        text=QUOTE_TEXT, speaker_id=speaker.id, speaker_title="وزير الإعلام", event_id=event.id,
        session_id=session.id, said_on="2024-05-12", source_id=source.id, source_start=start,
        source_end=start + len(QUOTE_TEXT)))
    figure_start = ARTICLE.index("75%")
    statistic = statistics.create_statistic(archive, StatisticInput(
        figure_text="75%", subject="نسبة المتابعين للحسابات الرسمية", event_id=event.id, speaker_id=speaker.id,
        source_id=source.id, source_start=figure_start, source_end=figure_start + 3))
    statistics.create_statistic(archive, StatisticInput(
        figure_text="60%", subject="نسبة المتابعين للحسابات الرسمية", event_id=earlier.id))
    return Filled(archive, ministry.id, speaker.id, duplicate.id, series.id, event.id, earlier.id, session.id,
                  source.id, quote.id, statistic.id)


@pytest.fixture
def filled(built_archives: BuiltArchives, tmp_path: Path):
    """This test's own archive holding what ``fill_archive`` writes (a copy of one filled once per run)."""
    path, made = built_archives.copy(fill_archive, tmp_path / "archive.sqlite", officer="ضابط الاختبار")
    archive = open_archive(path, officer="ضابط الاختبار")
    yield replace(made, archive=archive)
    archive.close()


@pytest.fixture
def collected_errors():
    """Error dialogs are collected here instead of being shown; unexpected ones fail the test."""
    from desktop.gui import errors

    errors.dialogs_enabled = False
    errors.shown_errors.clear()
    yield errors.shown_errors
    errors.dialogs_enabled = True


@pytest.fixture
def qt_language(qapp):
    """The app in Arabic, right to left (as users first see it); English is restored afterwards."""
    from desktop.gui.appearance import apply_language

    apply_language(qapp, "ar")
    yield "ar"
    apply_language(qapp, "ar")


@pytest.fixture
def workspace(qtbot, filled, qt_language, collected_errors):
    from archive.settings import Settings
    from desktop.gui.tasks import TaskRunner
    from desktop.gui.workspace import Workspace

    space = Workspace(filled.archive, Settings(officer_name="ضابط الاختبار"), TaskRunner(synchronous=True))
    yield space
    space.close()


@pytest.fixture
def window(qtbot, workspace, collected_errors):
    from desktop.gui.main_window import MainWindow

    main = MainWindow(workspace)
    qtbot.addWidget(main)
    main.show()
    main.start_loading()
    yield main
    assert not [e for e in collected_errors if "Something went wrong" in e], collected_errors
