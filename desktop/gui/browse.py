"""Browsing the archive: events by series and year with their sessions; people; organisations; sources.

Each tab shows counts and a filter box; Enter or a double click opens a record, the context
menu offers edit, history, merge (people and organisations) and delete. Everything is loaded
on the db lane (``load_browse_data``) and shown when it arrives; the window never waits.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from archive.i18n import ntr, tr
from archive.i18n.counts import events
from archive.services.records import (
    EventRecord,
    OrganisationRecord,
    PersonRecord,
    SeriesRecord,
    SessionRecord,
    SourceRecord,
)
from desktop.gui.appearance import in_reading_direction
from desktop.gui.models import (
    ORGANISATION_COLUMNS,
    PEOPLE_COLUMNS,
    RECORD_ROLE,
    SOURCE_COLUMNS,
    RecordTableModel,
)
from desktop.gui.workspace import Workspace

KIND_ROLE = Qt.ItemDataRole.UserRole + 10
ID_ROLE = Qt.ItemDataRole.UserRole + 11
RESIZE_PRECISION_ROWS = 100  # column widths from the first rows: measuring thousands of rows froze the window

COUNTED_LINKS = frozenset({"event_id", "session_id", "speaker_id", "source_id"})  # what the counts follow


@dataclass(frozen=True)
class BrowseData:
    """Everything the browse tabs show, read in one go on the db lane."""

    series: list[SeriesRecord]
    events: list[EventRecord]
    sessions: list[SessionRecord]
    people: list[PersonRecord]
    organisations: list[OrganisationRecord]
    sources: list[SourceRecord]


def load_browse_data(archive) -> BrowseData:
    from archive.services import events, organisations, people, sessions, sources

    return BrowseData(
        series=events.list_series(archive),
        events=events.list_events(archive),
        sessions=sessions.list_sessions(archive),
        people=people.list_people(archive),
        organisations=organisations.list_organisations(archive),
        sources=sources.list_sources(archive),
    )


def _item(text: str, kind: str | None = None, record_id: int | None = None) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    if kind is not None:
        item.setData(kind, KIND_ROLE)
        item.setData(record_id, ID_ROLE)
    return item


def build_event_tree(data: BrowseData) -> QStandardItemModel:
    """Series → year → event → sessions, each with its counts."""
    model = QStandardItemModel()
    model.setHorizontalHeaderLabels([tr("Event"), tr("Sessions"), tr("Quotes"), tr("Figures")])
    sessions_of: dict[int, list[SessionRecord]] = defaultdict(list)
    for session in data.sessions:
        sessions_of[session.event.id].append(session)
    by_series: dict[int | None, dict[str, list[EventRecord]]] = defaultdict(lambda: defaultdict(list))
    for event in data.events:
        year = (event.start_date or "")[:4] or tr("Undated")
        by_series[event.series.id if event.series else None][year].append(event)
    groups = [(series.id, series.name, "series") for series in data.series]
    groups.append((None, tr("Events outside a series"), None))
    for series_id, name, kind in groups:
        years = by_series.get(series_id)
        if not years:
            continue
        event_total = sum(len(items) for items in years.values())
        label = f"{name} ({events(event_total)})"
        series_item = _item(in_reading_direction(label),
                            kind, series_id)
        for year in sorted(years, reverse=True):
            year_item = _item(f"{year} ({len(years[year])})")
            for event in years[year]:
                year_item.appendRow(_event_row(event, sessions_of.get(event.id, [])))
            series_item.appendRow([year_item, _item(""), _item(""), _item("")])
        model.appendRow([series_item, _item(""), _item(""), _item("")])
    return model


def _event_row(event: EventRecord, event_sessions: list[SessionRecord]) -> list[QStandardItem]:
    label = event.display_name
    row = [_item(label, "event", event.id), _item(str(event.session_count)), _item(str(event.quote_count)),
           _item(str(event.statistic_count))]
    for session in event_sessions:
        title = " ".join(part for part in (session.date or "", session.start_time or "", session.title) if part)
        row[0].appendRow([_item(title, "session", session.id), _item(""), _item(str(session.quote_count)), _item("")])
    return row


class RecordTable(QWidget):
    """A filterable, sortable table of one kind of record, with its actions."""

    sig_open = Signal(str, int)
    sig_action = Signal(str, str, list)  # action, kind, ids

    def __init__(self, kind: str, columns, mergeable: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.mergeable = mergeable
        self.model = RecordTableModel(columns, self)
        self.filter_box = QLineEdit(placeholderText=tr("Filter this list…"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.model.set_filter)
        new_button = QPushButton(tr("New…"))
        new_button.clicked.connect(lambda: self.sig_action.emit("new", self.kind, []))
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setResizeContentsPrecision(RESIZE_PRECISION_ROWS)
        self.view.activated.connect(self._open_index)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        bar = QHBoxLayout()
        bar.addWidget(self.filter_box, 1)
        bar.addWidget(new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view)

    def set_records(self, records) -> None:
        self.model.set_records(records)
        for column in range(1, self.model.columnCount()):
            self.view.resizeColumnToContents(column)  # measures the first rows only (precision set above)

    def selected_ids(self) -> list[int]:
        rows = {index.row() for index in self.view.selectionModel().selectedRows()}
        return [self.model.record_at(row).id for row in sorted(rows)]

    def _open_index(self, index: QModelIndex) -> None:
        record = index.data(RECORD_ROLE)
        if record is not None:
            self.sig_open.emit(self.kind, record.id)

    def _context_menu(self, position) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        menu = QMenu(self)
        menu.addAction(tr("Open"), lambda: self.sig_open.emit(self.kind, ids[0]))
        menu.addAction(tr("Edit…"), lambda: self.sig_action.emit("edit", self.kind, ids[:1]))
        menu.addAction(tr("History…"), lambda: self.sig_action.emit("history", self.kind, ids[:1]))
        if self.mergeable and len(ids) > 1:
            menu.addAction(ntr("Merge {n} record…", "Merge {n} records…", len(ids)),
                           lambda: self.sig_action.emit("merge", self.kind, ids))
        menu.addSeparator()
        menu.addAction(tr("Delete…"), lambda: self.sig_action.emit("delete", self.kind, ids[:1]))
        menu.exec(self.view.viewport().mapToGlobal(position))


class BrowsePanel(QWidget):
    """The browse tabs; emits ``sig_open(kind, id)`` and ``sig_action(action, kind, ids)``."""

    sig_open = Signal(str, int)
    sig_action = Signal(str, str, list)
    sig_loaded = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.data: BrowseData | None = None
        self.tabs = QTabWidget()
        self.event_tree = QTreeView()
        self.event_tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.event_tree.activated.connect(self._open_tree_index)
        self.people = RecordTable("person", PEOPLE_COLUMNS, mergeable=True)
        self.organisations = RecordTable("organisation", ORGANISATION_COLUMNS, mergeable=True)
        self.sources = RecordTable("source", SOURCE_COLUMNS)
        self.tabs.addTab(self.event_tree, tr("Events"))
        self.tabs.addTab(self.people, tr("People"))
        self.tabs.addTab(self.organisations, tr("Organisations"))
        self.tabs.addTab(self.sources, tr("Sources"))
        for table in (self.people, self.organisations, self.sources):
            table.sig_open.connect(self.sig_open)
            table.sig_action.connect(self.sig_action)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        workspace.sig_changes.connect(self._changed)

    def _changed(self, changes) -> None:
        """Reload when names, links or counts the lists show changed (not for a quote marked verified)."""
        if (changes.touches("series", "event", "session", "person", "organisation", "source")
                or changes.made_or_removed("quote", "statistic")
                or any(changes.changed_columns(kind) & COUNTED_LINKS for kind in ("quote", "statistic"))):
            self.reload()

    def reload(self) -> None:
        archive, gui_thread = self.workspace.archive, self.thread()

        def load() -> tuple[BrowseData, QStandardItemModel]:
            # The tree's thousands of items are made here too, off the GUI thread, then handed over.
            data = load_browse_data(archive)
            tree_model = build_event_tree(data)
            tree_model.moveToThread(gui_thread)
            return data, tree_model

        self.workspace.tasks.run(load, lambda loaded: self.show_data(*loaded))

    def show_data(self, data: BrowseData, tree_model: QStandardItemModel | None = None) -> None:
        self.data = data
        tree_model = tree_model or build_event_tree(data)
        self.event_tree.setModel(tree_model)
        tree_model.setParent(self.event_tree)
        self.event_tree.expandToDepth(1)
        self.event_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.event_tree.header().setStretchLastSection(False)
        self.people.set_records(data.people)
        self.organisations.set_records(data.organisations)
        self.sources.set_records(data.sources)
        self.tabs.setTabText(0, tr("Events ({count})", count=len(data.events)))
        self.tabs.setTabText(1, tr("People ({count})", count=len(data.people)))
        self.tabs.setTabText(2, tr("Organisations ({count})", count=len(data.organisations)))
        self.tabs.setTabText(3, tr("Sources ({count})", count=len(data.sources)))
        self.sig_loaded.emit()

    def _open_tree_index(self, index: QModelIndex) -> None:
        first = index.siblingAtColumn(0)
        kind, record_id = first.data(KIND_ROLE), first.data(ID_ROLE)
        if kind in ("event", "session") and record_id is not None:
            self.sig_open.emit(kind, record_id)
