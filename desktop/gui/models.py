"""Qt item models over the archive's plain records (frozen dataclasses from the services).

``RecordTableModel`` adapts a list of records to a table with declared ``Column``s. It filters
(on every column, Arabic folded with the archive's normalization so "احمد" finds "أحمد") and
sorts the *whole* list itself, in Python, with one key per record: a proxy model would compare
rows through Python calls one pair at a time, and would only see the rows fetched so far. Rows
are handed to the view lazily (``fetchMore``, a chunk at a time) so a long list appears at once.

After a step, ``apply_changes`` updates, inserts or removes only the rows of the records it is
given, each where the sort puts it (found by bisection), with the row signals a view needs to keep
its selection, current row and scroll position; the filter and the sort stay as they were. When
many rows would move (more than ``MOVE_LIMIT``) one re-sort with a layout change is cheaper.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from archive.i18n import N_, NP_, tr
from archive.text.normalize import normalize_arabic

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
FETCH_CHUNK = 500
MOVE_LIMIT = 50  # rows moved one by one at most; beyond, one re-sort (a layout change)


@dataclass(frozen=True)
class Column:
    """One column: an English header (translated when shown) and how to read the value from a record."""

    title: str
    value: Callable[[Any], Any]
    numeric: bool = False


def _ref_name(ref) -> str:
    return ref.name if ref is not None else ""


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


class RecordTableModel(QAbstractTableModel):
    """A filterable, sortable table of records; ``record_at(row)`` gives the record behind a row.

    Records are told apart by their ``id``.
    """

    def __init__(self, columns: Sequence[Column], parent=None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._all: dict[int, Any] = {}  # every record by id, in the order given
        self._haystacks: dict[int, str] = {}  # folded text of each record, made when a filter needs it
        self._needle = ""
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._records: list[Any] = []  # the rows: filtered and sorted
        self._row_of: dict[int, int] | None = None  # record id -> row, made when needed
        self._shown = 0

    def set_records(self, records: Sequence[Any]) -> None:
        self._all = {record.id: record for record in records}
        self._haystacks = {}
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
        self._records = self._arranged(list(self._all.values()))
        self._row_of = None
        self._shown = min(len(self._records), FETCH_CHUNK)
        self.endResetModel()

    def _arranged(self, records: list[Any]) -> list[Any]:
        """``records`` filtered and sorted as the table shows them."""
        rows = [record for record in records if self._matches(record)] if self._needle else records
        if self._sort is not None:
            column, order = self._sort
            rows = sorted(rows, key=self._sort_key(self.columns[column]),
                          reverse=order == Qt.SortOrder.DescendingOrder)
        return rows

    def _matches(self, record: Any) -> bool:
        if not self._needle:
            return True
        haystack = self._haystacks.get(record.id)
        if haystack is None:
            haystack = self._haystacks[record.id] = self._haystack(record)
        return self._needle in haystack

    def _haystack(self, record: Any) -> str:
        return "\n".join(normalize_arabic(str(value)).casefold() for value in
                         (column.value(record) for column in self.columns) if value not in (None, ""))

    @staticmethod
    def _sort_key(column: Column) -> Callable[[Any], Any]:
        if column.numeric:
            return lambda record: column.value(record) or 0
        return lambda record: str(column.value(record) or "")

    # --- a step's records, row by row ----------------------------------------------------------------

    def apply_changes(self, changed: Mapping[int, Any], removed: Collection[int] = ()) -> None:
        """Show these records as they are now (updated, new) and take ``removed`` ids away, row by row.

        Rows keep their selection (persistent indexes follow the moved rows); the filter and the sort
        apply to the changed records as to the others.
        """
        for record_id in removed:
            self._all.pop(record_id, None)
            self._haystacks.pop(record_id, None)
        for record_id, record in changed.items():
            self._all[record_id] = record
            self._haystacks.pop(record_id, None)
        row_of = self._rows_by_id()
        gone = {record_id for record_id in removed if record_id in row_of}
        gone |= {record_id for record_id, record in changed.items()
                 if record_id in row_of and not self._matches(record)}
        for row in sorted((row_of[record_id] for record_id in gone), reverse=True):
            self._take(row)
        staying = [record for record_id, record in changed.items() if record_id in row_of and record_id not in gone]
        new = [record for record_id, record in changed.items() if record_id not in row_of and self._matches(record)]
        if self._sort is not None and len(staying) + len(new) > MOVE_LIMIT:
            self._resort(staying, new)
            return
        for record in staying:
            self._replace(record)
        for record in new:
            self._put(self._place_for(record, len(self._records)), record)

    def _rows_by_id(self) -> dict[int, int]:
        if self._row_of is None:
            self._row_of = {record.id: row for row, record in enumerate(self._records)}
        return self._row_of

    def _take(self, row: int) -> Any:
        """Remove one row (signalled when the view has it)."""
        visible = row < self._shown
        if visible:
            self.beginRemoveRows(QModelIndex(), row, row)
        record = self._records.pop(row)
        self._row_of = None
        if visible:
            self._shown -= 1
            self.endRemoveRows()
        return record

    def _put(self, row: int, record: Any) -> None:
        """Insert one row (signalled when it falls among the rows the view has)."""
        visible = row < self._shown or self._shown == len(self._records)
        if visible:
            self.beginInsertRows(QModelIndex(), row, row)
        self._records.insert(row, record)
        self._row_of = None
        if visible:
            self._shown += 1
            self.endInsertRows()

    def _replace(self, record: Any) -> None:
        """Show a record's new values in its row, moving the row where the sort now puts it."""
        row = self._rows_by_id()[record.id]
        self._records[row] = record
        target = row
        if self._sort is not None and not self._in_order_at(row):
            del self._records[row]
            target = self._place_for(record, row)
            self._records.insert(row, record)
        if target == row:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
            return
        if row < self._shown and target < self._shown:
            destination = target if target < row else target + 1  # Qt counts it before the move
            self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
            self._records.insert(target, self._records.pop(row))
            self._row_of = None
            self.endMoveRows()
            return
        self._take(row)
        self._put(target, record)

    def _in_order_at(self, row: int) -> bool:
        """Whether the record at ``row`` sits between its neighbours in the sort order."""
        before = self._comes_before
        record = self._records[row]
        return not ((row > 0 and before(record, self._records[row - 1]))
                    or (row + 1 < len(self._records) and before(self._records[row + 1], record)))

    def _comes_before(self, first: Any, second: Any) -> bool:
        assert self._sort is not None
        column, order = self._sort
        key = self._sort_key(self.columns[column])
        if order == Qt.SortOrder.DescendingOrder:
            return bool(key(first) > key(second))
        return bool(key(first) < key(second))

    def _place_for(self, record: Any, unsorted_row: int) -> int:
        """The row where ``record`` belongs among the rows (``unsorted_row`` when no sort is set)."""
        if self._sort is None:
            return min(unsorted_row, len(self._records))
        low, high = 0, len(self._records)
        while low < high:  # the first row that the record comes before
            middle = (low + high) // 2
            if self._comes_before(record, self._records[middle]):
                high = middle
            else:
                low = middle + 1
        return low

    def _resort(self, staying: list[Any], new: list[Any]) -> None:
        """Many rows changed place: re-sort once, as a layout change that keeps persistent indexes."""
        self.layoutAboutToBeChanged.emit()
        old_ids = [record.id for record in self._records]
        for record in staying:
            self._records[self._rows_by_id()[record.id]] = record
        self._records = self._arranged(self._records + new)
        self._row_of = None
        self._shown = min(len(self._records), max(self._shown + len(new), FETCH_CHUNK))
        row_of = self._rows_by_id()
        persistent = self.persistentIndexList()
        moved = []
        for index in persistent:
            row = row_of.get(old_ids[index.row()]) if index.row() < len(old_ids) else None
            moved.append(self.index(row, index.column()) if row is not None and row < self._shown else QModelIndex())
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

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
        if more <= 0:  # nothing left: an empty insertion would confuse the views
            return
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
