"""Browsing the archive: events by series and year with their sessions; people; organisations; sources.

Each tab shows counts and a filter box; Enter or a double click opens a record, the context
menu offers edit, history, merge (people and organisations) and delete. Everything is loaded
on the db lane (``load_browse_data``) and shown when it arrives; the window never waits.

After a step, only what it changed is read again, on the db lane
(``archive.services.list_rows.rows_after``: the records it touched and those whose counts or
shown names it changed), and only those rows are updated, inserted or removed: in the tables
(``RecordTableModel.apply_changes``, which keeps the selection, the sort and the filter) and in
the event tree (an event's or a session's row in place; a new event or one moved to another
series or year has the tree rebuilt from the records in memory, off the GUI thread). A step too
large for that (``rows_after`` gives None: an import of hundreds of records) reloads the lists.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

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
from archive.i18n.counts import events, people
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

ROW_LIMIT = 500  # up to this, row by row is well faster than reloading (docs/desktop.md)
KIND_ROLE = Qt.ItemDataRole.UserRole + 10
ID_ROLE = Qt.ItemDataRole.UserRole + 11
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


def _event_texts(event: EventRecord) -> list[str]:
    return [event.display_name, str(event.session_count), str(event.quote_count), str(event.statistic_count)]


def _session_texts(session: SessionRecord) -> list[str]:
    title = " ".join(part for part in (session.date or "", session.start_time or "", session.title) if part)
    return [title, "", str(session.quote_count), ""]


def _event_row(event: EventRecord, event_sessions: list[SessionRecord]) -> list[QStandardItem]:
    texts = _event_texts(event)
    row = [_item(texts[0], "event", event.id), *(_item(text) for text in texts[1:])]
    for session in event_sessions:
        texts = _session_texts(session)
        row[0].appendRow([_item(texts[0], "session", session.id), *(_item(text) for text in texts[1:])])
    return row


def _group(event: EventRecord) -> tuple[int | None, str]:
    """Where an event stands in the tree: its series and year."""
    return (event.series.id if event.series else None, (event.start_date or "")[:4])


def _set_row(first: QStandardItem | None, texts: list[str]) -> None:
    """Put ``texts`` in the row of the tree whose first item is ``first``."""
    if first is None:
        return
    parent = first.parent() or first.model().invisibleRootItem()
    for column, text in enumerate(texts):
        item = parent.child(first.row(), column)
        if item is not None and item.text() != text:
            item.setText(text)


def tree_items(model: QStandardItemModel) -> dict[tuple[str, int], QStandardItem]:
    """(kind, id) -> the first item of its row, for every series, event and session in the tree."""
    found: dict[tuple[str, int], QStandardItem] = {}
    pending = [model.invisibleRootItem()]
    while pending:
        parent = pending.pop()
        for row in range(parent.rowCount()):
            item = parent.child(row, 0)
            if item.data(KIND_ROLE) is not None:
                found[(item.data(KIND_ROLE), item.data(ID_ROLE))] = item
            if item.hasChildren():
                pending.append(item)
    return found


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
        self._tree_items: dict[tuple[str, int], QStandardItem] = {}
        self._tree_building = False  # a tree rebuilt from the records in memory is on its way
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

        self.workspace.tasks.run(load, lambda loaded: self.show_data(*loaded))

    def show_data(self, data: BrowseData, tree_model: QStandardItemModel | None = None) -> None:
        self.data = data
        self._tree_building = False
        self._show_tree(tree_model or build_event_tree(data))
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
        if self._tree_building or not self._patch_tree(rows, old):  # a tree on its way is already stale
            self._rebuild_tree()
        self._show_counts()
        self.sig_rows_shown.emit()

    def _show_tree(self, tree_model: QStandardItemModel) -> None:
        """Show a new tree, with the events that were open still open and the current row still current."""
        tree = self.event_tree
        opened = {key for key, item in self._tree_items.items() if key[0] != "series" and tree.isExpanded(item.index())}
        current_index = tree.currentIndex().siblingAtColumn(0)
        current = (current_index.data(KIND_ROLE), current_index.data(ID_ROLE)) if current_index.isValid() else None
        old_model = tree.model()
        tree.setModel(tree_model)
        tree_model.setParent(tree)
        if old_model is not None:
            old_model.deleteLater()
        self._tree_items = tree_items(tree_model)
        tree.expandToDepth(1)
        for key in opened & self._tree_items.keys():
            tree.setExpanded(self._tree_items[key].index(), True)
        if current in self._tree_items:
            tree.setCurrentIndex(self._tree_items[current].index())
        tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        tree.header().setStretchLastSection(False)

    def _rebuild_tree(self) -> None:
        """The tree made again from the records in memory (its shape changed), off the GUI thread."""
        data, gui_thread = self.data, self.thread()

        def build() -> QStandardItemModel:
            tree_model = build_event_tree(data)
            tree_model.moveToThread(gui_thread)
            return tree_model

        def built(tree_model: QStandardItemModel) -> None:
            if self.data is data:  # else a newer tree is on its way
                self._tree_building = False
                self._show_tree(tree_model)

        self._tree_building = True
        self.workspace.tasks.run(build, built)

    def _patch_tree(self, rows, old: BrowseData) -> bool:
        """Update the tree's event, session and series rows in place; False when its shape changed."""
        changed_series, removed_series = rows.of("series")
        changed_events, removed_events = rows.of("event")
        changed_sessions, removed_sessions = rows.of("session")
        if removed_series or removed_events or removed_sessions:
            return False
        items = self._tree_items
        old_events = {event.id: event for event in old.events}
        old_sessions = {session.id: session for session in old.sessions}
        if any(event.id not in old_events or _group(old_events[event.id]) != _group(event)
               for event in changed_events.values()):
            return False
        if any(session.id not in old_sessions or old_sessions[session.id].event.id != session.event.id
               for session in changed_sessions.values()):
            return False
        if any(("series", series_id) not in items for series_id in changed_series):
            return False
        for event in changed_events.values():
            _set_row(items.get(("event", event.id)), _event_texts(event))
        for session in changed_sessions.values():
            _set_row(items.get(("session", session.id)), _session_texts(session))
        for series in changed_series.values():
            item = items[("series", series.id)]
            total = sum(item.child(row, 0).rowCount() for row in range(item.rowCount()))
            item.setText(in_reading_direction(f"{series.name} ({events(total)})"))
        return True

    def _show_counts(self) -> None:
        data = self.data
        if data is None:
            return
        self.tabs.setTabText(0, events(len(data.events)))
        self.tabs.setTabText(1, people(len(data.people)))
        self.tabs.setTabText(2, ntr("{n} organisation", "{n} organisations", len(data.organisations)))
        self.tabs.setTabText(3, ntr("{n} source", "{n} sources", len(data.sources)))

    def _open_tree_index(self, index: QModelIndex) -> None:
        first = index.siblingAtColumn(0)
        kind, record_id = first.data(KIND_ROLE), first.data(ID_ROLE)
        if kind in ("event", "session") and record_id is not None:
            self.sig_open.emit(kind, record_id)
