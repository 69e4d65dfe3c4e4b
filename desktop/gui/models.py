"""Qt item models over the archive's plain records (frozen dataclasses from the services).

``RecordTableModel`` adapts a list of records to a table with declared ``Column``s; rows are
handed to the view lazily (``fetchMore``, a chunk at a time) so a long list appears at once.
``RecordFilter`` is the sort/filter proxy the browse tables use (filters on every column,
Arabic folded with the search analyzer's normalization so "احمد" finds "أحمد").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from archive.i18n import N_, tr
from archive.text.normalize import normalize_arabic

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
FETCH_CHUNK = 500


@dataclass(frozen=True)
class Column:
    """One column: an English header (translated when shown) and how to read the value from a record."""

    title: str
    value: Callable[[Any], Any]
    numeric: bool = False


def _ref_name(ref) -> str:
    return ref.name if ref is not None else ""


EVENT_COLUMNS = (
    Column(N_("Name"), lambda e: e.name),
    Column(N_("Edition"), lambda e: e.edition_label or (e.edition or "")),
    Column(N_("Date"), lambda e: e.start_date or ""),
    Column(N_("City"), lambda e: e.city or ""),
    Column(N_("Sessions"), lambda e: e.session_count, numeric=True),
    Column(N_("Quotes"), lambda e: e.quote_count, numeric=True),
    Column(N_("Figures"), lambda e: e.statistic_count, numeric=True),
)
PEOPLE_COLUMNS = (
    Column(N_("Name"), lambda p: p.display_name),
    Column(N_("Title"), lambda p: p.title or ""),
    Column(N_("Organisation"), lambda p: _ref_name(p.organisation)),
    Column(N_("Quotes"), lambda p: p.quote_count, numeric=True),
    Column(N_("Figures"), lambda p: p.statistic_count, numeric=True),
)
ORGANISATION_COLUMNS = (
    Column(N_("Name"), lambda o: o.name),
    Column(N_("Kind"), lambda o: o.kind or ""),
    Column(N_("People"), lambda o: o.people_count, numeric=True),
    Column(N_("Quotes"), lambda o: o.quote_count, numeric=True),
)
SOURCE_COLUMNS = (
    Column(N_("Title"), lambda s: s.title or s.file_name or ""),
    Column(N_("Outlet"), lambda s: s.outlet or ""),
    Column(N_("Published"), lambda s: s.published_on or ""),
    Column(N_("Quotes"), lambda s: s.quote_count, numeric=True),
    Column(N_("Figures"), lambda s: s.statistic_count, numeric=True),
)
QUOTE_COLUMNS = (
    Column(N_("Quote"), lambda q: q.text),
    Column(N_("Speaker"), lambda q: _ref_name(q.speaker)),
    Column(N_("Date"), lambda q: q.said_on or ""),
    Column(N_("Verified"), lambda q: "✓" if q.verified else ""),
)
STATISTIC_COLUMNS = (
    Column(N_("Figure"), lambda s: s.figure_text),
    Column(N_("Subject"), lambda s: s.subject or ""),
    Column(N_("Speaker"), lambda s: _ref_name(s.speaker)),
    Column(N_("Date"), lambda s: s.stated_on or ""),
)
SESSION_COLUMNS = (
    Column(N_("Title"), lambda s: s.title),
    Column(N_("Kind"), lambda s: tr(s.kind.capitalize())),
    Column(N_("Date"), lambda s: s.date or ""),
    Column(N_("Time"), lambda s: s.start_time or ""),
    Column(N_("Quotes"), lambda s: s.quote_count, numeric=True),
)


class RecordTableModel(QAbstractTableModel):
    """A table of records; ``record_at(row)`` gives the record behind a row."""

    def __init__(self, columns: Sequence[Column], parent=None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._records: list[Any] = []
        self._shown = 0

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self._shown = min(len(self._records), FETCH_CHUNK)
        self.endResetModel()

    def records(self) -> list[Any]:
        return list(self._records)

    def record_at(self, row: int) -> Any:
        return self._records[row]

    def row_of(self, record_id: int) -> int:
        for row, record in enumerate(self._records):
            if record.id == record_id:
                return row
        return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not parent.isValid() and self._shown < len(self._records)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if parent.isValid():
            return
        more = min(FETCH_CHUNK, len(self._records) - self._shown)
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._shown:
            return None
        record = self._records[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.value(record)
            return str(value) if value is not None else ""
        if role == SORT_ROLE:
            return column.value(record)
        if role == RECORD_ROLE:
            return record
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return str(column.value(record))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(self.columns[section].title)
        return None


class RecordFilter(QSortFilterProxyModel):
    """Sorts by value and keeps rows where any column contains the filter text (Arabic folded)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = normalize_arabic(text.strip()).casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        for column in range(model.columnCount()):
            value = model.data(model.index(source_row, column, source_parent))
            if value and self._needle in normalize_arabic(str(value)).casefold():
                return True
        return False

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if isinstance(a, (int, float)) and isinstance(b, (int, float)):
            return a < b
        return str(a or "") < str(b or "")
