"""The browse page's event tree: series → year → event → sessions, with their counts.

A series' and a year's row count their events in words, after a dot («2024 · فعاليتان»: ``counts.events``).

The tree is a ``QStandardItemModel`` made off the GUI thread (``build_event_tree``, from the
browse records) and handed over. After a step, ``EventTree.apply_rows`` puts an event's or a
session's new counts and names in its row in place; when the tree's shape changed (an event or a
session made or removed, an event moved to another series or year) it makes the tree again from
the records in memory, off the GUI thread, keeping the events that were open and the current row.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from archive.i18n import tr
from archive.i18n.counts import events
from archive.services.records import EventRecord, SessionRecord
from desktop.gui.appearance import in_reading_direction
from desktop.gui.tasks import TaskRunner

KIND_ROLE = Qt.ItemDataRole.UserRole + 10
ID_ROLE = Qt.ItemDataRole.UserRole + 11


def _item(text: str, kind: str | None = None, record_id: int | None = None) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    if kind is not None:
        item.setData(kind, KIND_ROLE)
        item.setData(record_id, ID_ROLE)
    return item


def build_event_tree(data: Any) -> QStandardItemModel:
    """Series → year → event → sessions, each with its counts, from ``data``'s ``series``, ``events``
    and ``sessions`` (``browse.BrowseData``)."""
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
        series_item = _item(series_label(name, event_total), kind, series_id)
        for year in sorted(years, reverse=True):
            year_item = _item(year_label(year, len(years[year])))
            for event in years[year]:
                year_item.appendRow(_event_row(event, sessions_of.get(event.id, [])))
            series_item.appendRow([year_item, _item(""), _item(""), _item("")])
        model.appendRow([series_item, _item(""), _item(""), _item("")])
    return model


def series_label(name: str, event_count: int) -> str:
    """A series' row as a year's reads: «منتدى التواصل الحكومي · 5 فعاليات» (it was "… (5 فعاليات)",
    a count in brackets one row above «2024 · فعاليتان»)."""
    return in_reading_direction(f"{name} · {events(event_count)}")


def year_label(year: str, event_count: int) -> str:
    """A year's row: the year and its events in words, «2024 · فعاليتان», "2024 · 2 events"
    (a bare "2024 (2)" does not say what was counted)."""
    return in_reading_direction(f"{year} · {events(event_count)}")


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


class EventTree(QTreeView):
    """The tree of events; emits ``sig_open(kind, id)`` for an event or a session activated."""

    sig_open = Signal(str, int)

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.items: dict[tuple[str, int], QStandardItem] = {}  # (kind, id) -> first item of its row
        self._building = False  # a tree made again from the records in memory is on its way
        self._data: Any = None  # the records it is made from
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.activated.connect(self._open_index)

    def show_model(self, tree_model: QStandardItemModel) -> None:
        """Show a new tree, with the events that were open still open and the current row still current."""
        self._building = False
        opened = {key for key, item in self.items.items() if key[0] != "series" and self.isExpanded(item.index())}
        current_index = self.currentIndex().siblingAtColumn(0)
        current = (current_index.data(KIND_ROLE), current_index.data(ID_ROLE)) if current_index.isValid() else None
        old_model = self.model()
        self.setModel(tree_model)
        tree_model.setParent(self)
        if old_model is not None:
            old_model.deleteLater()
        self.items = tree_items(tree_model)
        self.expandToDepth(1)
        for key in opened & self.items.keys():
            self.setExpanded(self.items[key].index(), True)
        if current in self.items:
            self.setCurrentIndex(self.items[current].index())
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setStretchLastSection(False)

    def apply_rows(self, rows: Any, old: Any, new: Any) -> None:
        """Show a step's rows (``list_rows.ListRows``): in place, or the tree made again from ``new``
        when its shape changed (``old``, ``new``: the records before and after, ``browse.BrowseData``)."""
        if self._building or not self._patch(rows, old):  # a tree on its way is already stale
            self._rebuild(new)

    def _rebuild(self, data: Any) -> None:
        """The tree made again from the records in memory (its shape changed), off the GUI thread."""
        gui_thread = self.thread()
        self._data = data

        def build() -> QStandardItemModel:
            tree_model = build_event_tree(data)
            tree_model.moveToThread(gui_thread)
            return tree_model

        def built(tree_model: QStandardItemModel) -> None:
            if self._data is data and self._building:  # else a newer tree is on its way, or was shown
                self.show_model(tree_model)

        self._building = True
        self.tasks.run(build, built, owner=self)

    def _patch(self, rows: Any, old: Any) -> bool:
        """Update the tree's event, session and series rows in place; False when its shape changed."""
        changed_series, removed_series = rows.of("series")
        changed_events, removed_events = rows.of("event")
        changed_sessions, removed_sessions = rows.of("session")
        if removed_series or removed_events or removed_sessions:
            return False
        items = self.items
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
            item.setText(series_label(series.name, total))
        return True

    def _open_index(self, index: QModelIndex) -> None:
        first = index.siblingAtColumn(0)
        kind, record_id = first.data(KIND_ROLE), first.data(ID_ROLE)
        if kind in ("event", "session") and record_id is not None:
            self.sig_open.emit(kind, record_id)
