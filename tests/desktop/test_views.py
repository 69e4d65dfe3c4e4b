"""The browse tree and tables, their item models, and the dashboard, over the filled archive."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.gui.dashboard import load_dashboard
from desktop.gui.event_tree import ID_ROLE, KIND_ROLE
from desktop.gui.models import PEOPLE_COLUMNS, RecordTableModel


def test_events_by_series_and_year_with_sessions_and_counts(qtbot, window, filled):
    model = window.browse.event_tree.model()
    series = model.item(0)
    assert series.data(KIND_ROLE) == "series" and series.text().endswith(" · فعاليتان")  # in the dual, as a year reads
    years = [series.child(row).text().lstrip("\u200f") for row in range(series.rowCount())]
    assert years == ["2024 · فعالية واحدة", "2023 · فعالية واحدة"]  # the count in words (docs/translation.md)
    event = series.child(0).child(0)
    assert (event.data(KIND_ROLE), event.data(ID_ROLE)) == ("event", filled.event_id)
    assert series.child(0).child(0, 2).text() == "1"  # quotes of the event
    session = event.child(0)
    assert (session.data(KIND_ROLE), session.data(ID_ROLE)) == ("session", filled.session_id)
    window.browse.event_tree.activated.emit(session.index())
    assert window.record_view.page.kind == "session"
    assert "الإعلام الحكومي في العصر الرقمي" in window.record_view.details.toPlainText()


def test_tables_have_counts_in_their_tabs_and_filter_arabic_spellings(qtbot, window):
    assert window.browse.tabs.tabText(1) == "شخصان"  # a count in words, in the dual (docs/translation.md)
    table = window.browse.people
    table.filter_box.setText("الهاشمى")  # final ى for ي, as people type
    assert table.model.rowCount() == 2
    table.filter_box.setText("وزارة")
    assert table.model.rowCount() == 1


def test_record_table_model_passes_the_model_tester(qtmodeltester, filled):
    from archive.services import people

    model = RecordTableModel(PEOPLE_COLUMNS)
    model.set_records(people.list_people(filled.archive))
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(0, 3), Qt.ItemDataRole.DisplayRole) in {"0", "1"}


def test_dashboard_counts_speakers_and_figures_across_editions(qtbot, window, filled):
    data = load_dashboard(filled.archive)
    assert data.counts["quote"] == 1 and data.counts["event"] == 2
    assert data.top_speakers == [("معالي الدكتور سالم بن ناصر الهاشمي", 1)]
    figure = data.series_figures[0]
    assert list(figure.points) == [("الأولى", 60.0), ("الثانية", 75.0)]
    window.show_page("dashboard")
    assert window.dashboard.data == data


def test_filter_and_sort_cover_the_whole_list_not_only_the_rows_fetched_so_far(qtbot):
    from dataclasses import dataclass

    from desktop.gui.models import FETCH_CHUNK, Column

    @dataclass(frozen=True)
    class Row:
        id: int
        name: str
        count: int

    rows = [Row(i, f"جهة رقم {i}", (i * 37) % 1000) for i in range(FETCH_CHUNK * 3)]
    rows.append(Row(99999, "الهيئة العامة للإذاعة", 5))
    model = RecordTableModel((Column("Name", lambda r: r.name), Column("Count", lambda r: r.count, numeric=True)))
    model.set_records(rows)
    assert model.rowCount() == FETCH_CHUNK  # the rest is fetched as the view scrolls
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert model.record_at(0).count == max(row.count for row in rows)
    model.set_filter("اذاعه")  # hamza and ta marbuta folded
    assert [model.record_at(row).id for row in range(model.rowCount())] == [99999]
    model.set_filter("")
    assert model.record_at(0).count == max(row.count for row in rows)  # the sort is kept
