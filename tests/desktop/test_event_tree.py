"""The event tree's year rows count their events in words, in Arabic and in English."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.db.engine import open_archive
from archive.services import events
from archive.services.records import EventInput, SeriesInput
from desktop.gui.browse import load_browse_data
from desktop.gui.event_tree import EventTree, build_event_tree

EVENTS_PER_YEAR = {"2024": 1, "2023": 2, "2022": 3, "2021": 11}
MARKS = "\u200e\u200f"  # the direction marks that start each label


@pytest.fixture
def tree_data(tmp_path: Path):
    archive = open_archive(tmp_path / "archive.sqlite", officer="ضابط الاختبار")
    series = events.create_series(archive, SeriesInput(name="منتدى الاتصال المؤسسي"))
    edition = 0
    for year, count in EVENTS_PER_YEAR.items():
        for day in range(1, count + 1):
            edition += 1
            events.create_event(archive, EventInput(name="منتدى الاتصال المؤسسي", series_id=series.id,
                                                    edition=edition, start_date=f"{year}-05-{day:02d}"))
    events.create_event(archive, EventInput(name="لقاء إعلامي", start_date="2024-03-01"))  # outside a series
    yield load_browse_data(archive)
    archive.close()


def year_rows(tree_data) -> list[str]:
    model = build_event_tree(tree_data)  # kept: its items go with it
    series = model.item(0)
    return [series.child(row).text().lstrip(MARKS) for row in range(series.rowCount())]


def test_year_rows_count_their_events_in_arabic_words(qt_language, tree_data) -> None:
    assert year_rows(tree_data) == ["2024 · فعالية واحدة", "2023 · فعاليتان", "2022 · 3 فعاليات",
                                    "2021 · 11 فعالية"]


def test_year_rows_count_their_events_in_english_words(qapp, qt_language, tree_data) -> None:
    from desktop.gui.appearance import apply_language

    apply_language(qapp, "en")
    assert year_rows(tree_data) == ["2024 · 1 event", "2023 · 2 events", "2022 · 3 events", "2021 · 11 events"]


def test_year_rows_start_in_the_reading_direction(qapp, qt_language, tree_data) -> None:
    """A right-to-left mark first in Arabic: the year stands at the right, its count after it."""
    from desktop.gui.appearance import apply_language

    model = build_event_tree(tree_data)
    assert model.item(0).child(0).text().startswith("\u200f")
    apply_language(qapp, "en")
    model = build_event_tree(tree_data)
    assert model.item(0).child(0).text().startswith("\u200e")


def test_the_tree_shows_the_year_rows_expanded(qtbot, qt_language, tree_data) -> None:
    from desktop.gui.tasks import TaskRunner

    tree = EventTree(TaskRunner(synchronous=True))
    qtbot.addWidget(tree)
    tree.show_model(build_event_tree(tree_data))
    tree.resize(520, 420)
    tree.show()
    series_index = tree.model().index(0, 0)
    assert tree.isExpanded(series_index)
    assert tree.model().index(0, 0, series_index).data().lstrip(MARKS) == "2024 · فعالية واحدة"
