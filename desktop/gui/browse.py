"""Browsing the archive: events by series and year with their sessions; people; organisations; sources.

Each tab shows counts and a filter box; Enter or a double click opens a record, the context
menu offers edit, history, merge (people and organisations) and delete. Everything is loaded
on the db lane (``load_browse_data``) and shown when it arrives; the window never waits.

After a step, only what it changed is read again, on the db lane
(``archive.services.list_rows.rows_after``: the records it touched and those whose counts or
shown names it changed), and only those rows are updated, inserted or removed: in the tables
(``RecordTableModel.apply_changes``, which keeps the selection, the sort and the filter) and in
the event tree (``desktop.gui.event_tree``: a row in place, or the tree made again from the
records in memory off the GUI thread when its shape changed). A step too
large for that (``rows_after`` gives None: an import of hundreds of records) reloads the lists.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from archive.i18n import ntr, tr
from archive.i18n.counts import events, people
from archive.services.records import (
    EventRecord,
    OrganisationRecord,
    PersonRecord,
    SeriesRecord,
    SessionRecord,
    SourceRecord,
)
from desktop.gui.event_tree import EventTree, build_event_tree
from desktop.gui.models import (
    ORGANISATION_COLUMNS,
    PEOPLE_COLUMNS,
    RECORD_ROLE,
    SOURCE_COLUMNS,
    RecordTableModel,
)
from desktop.gui.workspace import Workspace

ROW_LIMIT = 500  # up to this, row by row is well faster than reloading (docs/desktop.md)
RESIZE_PRECISION_ROWS = 100  # column widths from the first rows: measuring thousands of rows froze the window

LISTED_KINDS = ("series", "event", "session", "person", "organisation", "source")  # list_rows.LISTED_KINDS


@dataclass(frozen=True)
class BrowseData:
    """Everything the browse tabs show, read in one go on the db lane."""

    series: list[SeriesRecord]
    events: list[EventRecord]
    sessions: list[SessionRecord]
    people: list[PersonRecord]
    organisations: list[OrganisationRecord]
    sources: list[SourceRecord]


def _patched(records: list[Any], changed: Mapping[int, Any], removed: frozenset[int]) -> list[Any]:
    """``records`` with the changed ones replaced, the removed ones left out and the new ones at the end."""
    if not changed and not removed:
        return records
    known = {record.id for record in records}
    kept = [changed.get(record.id, record) for record in records if record.id not in removed]
    return kept + [record for record_id, record in changed.items() if record_id not in known]


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


_DATA_KINDS = {"series": "series", "events": "event", "sessions": "session", "people": "person",
               "organisations": "organisation", "sources": "source"}  # BrowseData's lists and their kinds


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
    sig_loaded = Signal()  # the lists were loaded whole
    sig_rows_shown = Signal()  # the rows a step changed were updated

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.data: BrowseData | None = None
        self.reload_count = 0  # how many times the lists were loaded whole
        self.row_limit = ROW_LIMIT  # more records touched by a step than this: reload whole
        self.tabs = QTabWidget()
        self.event_tree = EventTree(workspace.tasks)
        self.event_tree.sig_open.connect(self.sig_open)
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
        # An empty archive showed four empty tabs and nothing of how records come in.
        self.empty_note = QLabel(tr("The archive is empty. Drop article files on the window or press Ctrl+O to "
                                    "import them; Edit › New adds a record by hand."))
        self.empty_note.setWordWrap(True)
        self.empty_note.setMargin(8)
        self.empty_note.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_note)
        layout.addWidget(self.tabs)
        workspace.sig_changes.connect(self._changed)

    def _changed(self, changes) -> None:
        """Read again, off the GUI thread, the rows a step made stale (not for a quote marked verified)."""
        if not any(kind in changes.kinds or changes.relinked.get(kind) for kind in LISTED_KINDS):
            return
        archive, limit = self.workspace.archive, self.row_limit

        def read():
            from archive.services.list_rows import rows_after

            return rows_after(archive, changes, limit)

        self.workspace.tasks.run(read, self.show_rows)

    def reload(self) -> None:
        """Read every list again (at start, and after a step too large to show row by row)."""
        archive, gui_thread = self.workspace.archive, self.thread()
        self.reload_count += 1

        def load() -> tuple[BrowseData, QStandardItemModel]:
            # The tree's thousands of items are made here too, off the GUI thread, then handed over.
            data = load_browse_data(archive)
            tree_model = build_event_tree(data)
            tree_model.moveToThread(gui_thread)
            return data, tree_model

        self.workspace.tasks.run(load, lambda loaded: self.show_data(*loaded), owner=self)

    def show_data(self, data: BrowseData, tree_model: QStandardItemModel | None = None) -> None:
        self.data = data
        self.event_tree.show_model(tree_model or build_event_tree(data))
        self.people.set_records(data.people)
        self.organisations.set_records(data.organisations)
        self.sources.set_records(data.sources)
        self._show_counts()
        self.sig_loaded.emit()

    def show_rows(self, rows) -> None:
        """Update, insert and remove the rows of the records a step changed (``list_rows.ListRows``);
        None: too many to go row by row, so the lists reload."""
        if rows is None:
            self.reload()
            return
        old = self.data
        if old is None:  # never loaded: nothing shown that could be stale
            return
        self.data = BrowseData(**{name: _patched(getattr(old, name), *rows.of(kind))
                                  for name, kind in _DATA_KINDS.items()})
        for table in (self.people, self.organisations, self.sources):
            table.model.apply_changes(*rows.of(table.kind))
        self.event_tree.apply_rows(rows, old, self.data)
        self._show_counts()
        self.sig_rows_shown.emit()

    def _show_counts(self) -> None:
        data = self.data
        if data is None:
            return
        self.empty_note.setVisible(not (data.events or data.people or data.organisations or data.sources))
        self.tabs.setTabText(0, events(len(data.events)))
        self.tabs.setTabText(1, people(len(data.people)))
        self.tabs.setTabText(2, ntr("{n} organisation", "{n} organisations", len(data.organisations)))
        self.tabs.setTabText(3, ntr("{n} source", "{n} sources", len(data.sources)))
