"""Qt item models over the archive's plain records (frozen dataclasses from the services).

``RecordTableModel`` adapts a list of records to a table with declared ``Column``s. It filters
(on every column, Arabic folded with the archive's normalization so "احمد" finds "أحمد") and
sorts the *whole* list itself, in Python, with one key per record: a proxy model would compare
rows through Python calls one pair at a time, and would only see the rows fetched so far. Rows
are handed to the view lazily (``fetchMore``, a chunk at a time) so a long list appears at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from archive.i18n import N_, NP_, tr
from archive.text.normalize import normalize_arabic

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
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
    Column(NP_("person", "Title"), lambda p: p.title or ""),
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
    """A filterable, sortable table of records; ``record_at(row)`` gives the record behind a row."""

    def __init__(self, columns: Sequence[Column], parent=None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._all: list[Any] = []
        self._haystacks: list[str] | None = None  # folded text of each record, made at the first filter
        self._needle = ""
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._records: list[Any] = []  # the rows: filtered and sorted
        self._shown = 0

    def set_records(self, records: Sequence[Any]) -> None:
        self._all = list(records)
        self._haystacks = None
        self._refresh()

    def set_filter(self, text: str) -> None:
        """Keep the records where any column contains ``text`` (spelling variants folded)."""
        self._needle = normalize_arabic(text.strip()).casefold()
        self._refresh()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order) if 0 <= column < len(self.columns) else None
        self._refresh()

    def _refresh(self) -> None:
        self.beginResetModel()
        rows = self._all
        if self._needle:
            if self._haystacks is None:
                self._haystacks = [self._haystack(record) for record in self._all]
            rows = [record for record, hay in zip(self._all, self._haystacks, strict=True) if self._needle in hay]
        if self._sort is not None:
            column, order = self._sort
            rows = sorted(rows, key=self._sort_key(self.columns[column]),
                          reverse=order == Qt.SortOrder.DescendingOrder)
        self._records = list(rows)
        self._shown = min(len(self._records), FETCH_CHUNK)
        self.endResetModel()

    def _haystack(self, record: Any) -> str:
        return "\n".join(normalize_arabic(str(value)).casefold() for value in
                         (column.value(record) for column in self.columns) if value not in (None, ""))

    @staticmethod
    def _sort_key(column: Column) -> Callable[[Any], Any]:
        if column.numeric:
            return lambda record: column.value(record) or 0
        return lambda record: str(column.value(record) or "")

    def records(self) -> list[Any]:
        return list(self._records)

    def record_at(self, row: int) -> Any:
        return self._records[row]

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
