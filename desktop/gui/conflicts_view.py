"""The conflicts view: records changed both here and by another officer, and the officer's choice.

A sync that finds a record changed on both sides since this computer last saw it keeps both
versions and records a conflict (``archive.team.conflicts``), never overwriting either. This
view lists the open ones (the record's kind and name, when it was found) and shows the selected
one's differing fields side by side, mine and theirs, labelled as the editors label them (the
kind registry). The officer keeps one side whole ("Keep mine", "Keep theirs") or picks a side
per field and merges. A record deleted on one side and changed on the other says so in words,
and then only a whole side can be kept. The choice runs ``resolve_conflict`` on the db lane
through ``Workspace.perform``, so screens and the search index follow, and the list reloads.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archive.i18n import N_, tr
from archive.kinds import KIND_LABELS
from desktop.gui.dialogs import field_label, shown_value
from desktop.gui.sync_status import local_time
from desktop.gui.team_sync import SyncController

if TYPE_CHECKING:
    from archive.db.engine import Archive
    from desktop.gui.workspace import Workspace

MINE, THEIRS = "mine", "theirs"
FIELD_COLUMN, MINE_COLUMN, THEIRS_COLUMN, CHOICE_COLUMN = range(4)
# A conflict names its table: a record kind ("quote"), or one of these rows that link records.
LINK_TABLE_LABELS = {"organisation_alias": N_("Other spelling"), "person_alias": N_("Other spelling"),
                     "event_partner": N_("Partner of an event"), "session_presenter": N_("Presenter of a session"),
                     "event_tag": N_("Tag of a record"), "quote_tag": N_("Tag of a record"),
                     "statistic_tag": N_("Tag of a record"), "source_tag": N_("Tag of a record"),
                     "source_event": N_("Event of a source")}
# Qt wraps a line by its glyphs' advances; with the app's Arabic font some wrapped lines are drawn a
# few pixels wider, and their far end was cut at the label's edge ("أو" read "أ"): room for it.
WRAPPED_ARABIC_MARGIN = 8
KEY_SUFFIX = "_key"  # a column derived from another for comparisons (name_key of name): never shown, follows it


def text_alignment(text: str) -> Qt.AlignmentFlag:
    """Arabic text to the right and Latin text to the left in either language of the app, as the
    search results lay them out (by the first letter with a direction; digits alone follow the app)."""
    for character in text:
        direction = unicodedata.bidirectional(character)
        if direction in ("R", "AL"):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
        if direction == "L":
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
    return Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter


def load_conflicts(archive: Archive) -> tuple[list[Any], dict[str, dict[int, str]]]:
    """The open conflicts, and the names of the records their link fields point at (on the db lane)."""
    from archive.kinds.registry import KINDS
    from archive.team.conflicts import open_conflicts
    from desktop.gui.editors import load_link_choices

    conflicts = open_conflicts(archive)
    link_kinds = {field.link_kind for conflict in conflicts if conflict.kind in KINDS
                  for field in KINDS[conflict.kind].fields() if field.link_kind and field.name in conflict.differing}
    return conflicts, {kind: dict(choices) for kind, choices in load_link_choices(archive, link_kinds).items()}


def kind_label(kind: str) -> str:
    """The kind of record (or of link between records) a conflict is about, in words."""
    if kind in KIND_LABELS:
        return tr(KIND_LABELS[kind])
    return tr(LINK_TABLE_LABELS[kind]) if kind in LINK_TABLE_LABELS else kind


def conflict_field_label(name: str, kind: str) -> str:
    """A field's label as the editors show it; a link row's ``quote_id`` or ``tag_id`` by the kind it points at."""
    label = field_label(name, kind)
    if label == name and name.endswith("_id") and name[: -len("_id")] in KIND_LABELS:
        return tr(KIND_LABELS[name[: -len("_id")]])
    return label


def describe(conflict: Any) -> str:
    """What happened to the record, in words (the other officer by their login when the server logged it)."""
    what = kind_label(conflict.kind)
    if conflict.officer:
        return _describe_named(conflict, what)
    if conflict.mine is None:
        return tr("You deleted this record ({kind}) on this computer, and another officer changed it on the "
                  "team server. Keep mine to delete it for everyone; keep theirs to bring it back with their "
                  "changes.", kind=what)
    if conflict.theirs is None:
        return tr("Another officer deleted this record ({kind}) on the team server, and you changed it on this "
                  "computer. Keep mine to bring it back for everyone with your changes; keep theirs to delete "
                  "it here too.", kind=what)
    return tr("You and another officer both changed this record ({kind}). Keep your version, theirs, or choose "
              "field by field and merge.", kind=what)


def _describe_named(conflict: Any, what: str) -> str:
    officer = conflict.officer
    if conflict.mine is None:
        return tr("You deleted this record ({kind}) on this computer, and {officer} changed it on the team server. "
                  "Keep mine to delete it for everyone; keep theirs to bring it back with their changes.",
                  kind=what, officer=officer)
    if conflict.theirs is None:
        return tr("{officer} deleted this record ({kind}) on the team server, and you changed it on this computer. "
                  "Keep mine to bring it back for everyone with your changes; keep theirs to delete it here too.",
                  kind=what, officer=officer)
    return tr("You and {officer} both changed this record ({kind}). Keep your version, theirs, or choose field by "
              "field and merge.", kind=what, officer=officer)


def field_rows(conflict: Any) -> list[str]:
    """The fields to show: those that differ, or every field of the side that still exists (derived
    comparison keys left out: they follow their field)."""
    names = list(conflict.differing) or list(conflict.mine if conflict.mine is not None else conflict.theirs or {})
    return [name for name in names if not name.endswith(KEY_SUFFIX)]


def with_derived_keys(conflict: Any, choices: dict[str, str]) -> dict[str, str]:
    """``choices`` with each differing comparison key (``name_key``) on the side chosen for its field."""
    derived = {name: choices[name[: -len(KEY_SUFFIX)]] for name in conflict.differing
               if name.endswith(KEY_SUFFIX) and name[: -len(KEY_SUFFIX)] in choices}
    return {**choices, **derived}


class ConflictsView(QDialog):
    """The open conflicts of the archive, and their resolution (not modal: the officer may look around)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.conflicts: list[Any] = []
        self.names: dict[str, dict[int, str]] = {}
        self.setWindowTitle(tr("Sync conflicts"))
        self.list = QTreeWidget()
        self.list.setHeaderLabels([tr("Kind"), tr("Record"), tr("Found")])
        self.list.setRootIsDecorated(False)
        list_header = self.list.header()
        list_header.setStretchLastSection(False)
        for column, mode in ((0, QHeaderView.ResizeMode.ResizeToContents), (1, QHeaderView.ResizeMode.Stretch),
                             (2, QHeaderView.ResizeMode.ResizeToContents)):
            list_header.setSectionResizeMode(column, mode)
        self.list.currentItemChanged.connect(lambda _current, _previous: self._show_selected())
        self.empty_label = QLabel(tr("No conflicts: every record agrees with the team server."))
        self.empty_label.setWordWrap(True)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setMargin(WRAPPED_ARABIC_MARGIN)
        self.fields = QTableWidget(0, 4)
        self.fields.setHorizontalHeaderLabels([tr("Field"), tr("Mine"), tr("Theirs"), tr("Keep")])
        self.fields.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fields.setWordWrap(True)
        self.fields.verticalHeader().setVisible(False)
        header = self.fields.horizontalHeader()
        for column, mode in ((FIELD_COLUMN, QHeaderView.ResizeMode.ResizeToContents),
                             (MINE_COLUMN, QHeaderView.ResizeMode.Stretch),
                             (THEIRS_COLUMN, QHeaderView.ResizeMode.Stretch),
                             (CHOICE_COLUMN, QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        # A narrower view wraps the values on more lines (rather than cutting them off with "…").
        # Once the resize is over: during it, the table still measures its rows against the old widths.
        header.sectionResized.connect(lambda *_sizes: QTimer.singleShot(0, self, self.fields.resizeRowsToContents))
        self.keep_mine = QPushButton(tr("Keep mine"))
        self.keep_mine.clicked.connect(lambda: self.resolve(MINE))
        self.keep_theirs = QPushButton(tr("Keep theirs"))
        self.keep_theirs.clicked.connect(lambda: self.resolve(THEIRS))
        self.merge = QPushButton(tr("Merge"))
        self.merge.setToolTip(tr("Keep, for each field, the side chosen in the Keep column"))
        self.merge.clicked.connect(lambda: self.resolve(self.field_choices()))
        self._build_layout()
        self.resize(1040, 540)
        SyncController.of(workspace).sig_conflicts_changed.connect(self._reload_if_shown)

    def _build_layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_mine)
        buttons.addWidget(self.keep_theirs)
        buttons.addStretch(1)
        buttons.addWidget(self.merge)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.description)
        detail_layout.addWidget(self.fields, 1)
        detail_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(detail)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([400, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(splitter, 1)

    # --- loading --------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the open conflicts again (on the db lane)."""
        archive = self.workspace.archive
        self.workspace.tasks.run(lambda: load_conflicts(archive), self._show_conflicts)

    def _reload_if_shown(self) -> None:
        if self.isVisible():  # hidden, it reads them again when shown (MainWindow.show_conflicts)
            self.reload()

    def _show_conflicts(self, loaded: tuple[list[Any], dict[str, dict[int, str]]]) -> None:
        selected = self.current_conflict()
        self.conflicts, self.names = loaded
        self.list.clear()
        for conflict in self.conflicts:
            found = f"{local_time(conflict.found_at):%Y-%m-%d %H:%M}"
            item = QTreeWidgetItem([kind_label(conflict.kind), conflict.label, found])
            item.setToolTip(1, conflict.label)
            item.setTextAlignment(1, text_alignment(conflict.label))
            item.setData(0, Qt.ItemDataRole.UserRole, conflict.id)
            self.list.addTopLevelItem(item)
        self.empty_label.setVisible(not self.conflicts)
        keep = next((row for row, conflict in enumerate(self.conflicts)
                     if selected is not None and conflict.id == selected.id), 0)
        if self.conflicts:
            self.list.setCurrentItem(self.list.topLevelItem(keep))
        self._show_selected()

    def current_conflict(self) -> Any | None:
        item = self.list.currentItem()
        if item is None:
            return None
        conflict_id = item.data(0, Qt.ItemDataRole.UserRole)
        return next((conflict for conflict in self.conflicts if conflict.id == conflict_id), None)

    def select(self, conflict_id: int) -> None:
        for row in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(row)
            if item.data(0, Qt.ItemDataRole.UserRole) == conflict_id:
                self.list.setCurrentItem(item)

    # --- the selected conflict ------------------------------------------------------------------

    def _show_selected(self) -> None:
        conflict = self.current_conflict()
        self.fields.setRowCount(0)
        for widget in (self.keep_mine, self.keep_theirs, self.merge):
            widget.setEnabled(conflict is not None)
        if conflict is None:
            self.description.setText("")
            return
        self.description.setText(describe(conflict))
        rows = field_rows(conflict)
        # Field by field only when both sides exist and more than one field differs (else it is mine or theirs).
        mergeable = conflict.mine is not None and conflict.theirs is not None and len(rows) > 1
        self.merge.setEnabled(mergeable)
        self.fields.setColumnHidden(CHOICE_COLUMN, not mergeable)
        for row, name in enumerate(rows):
            self.fields.insertRow(row)
            label = QTableWidgetItem(conflict_field_label(name, conflict.kind))
            label.setData(Qt.ItemDataRole.UserRole, name)
            self.fields.setItem(row, FIELD_COLUMN, label)
            self.fields.setItem(row, MINE_COLUMN, self._value_item(conflict, conflict.mine, name))
            self.fields.setItem(row, THEIRS_COLUMN, self._value_item(conflict, conflict.theirs, name))
            if mergeable:
                choice = QComboBox()
                choice.addItem(tr("Mine"), MINE)
                choice.addItem(tr("Theirs"), THEIRS)
                self.fields.setCellWidget(row, CHOICE_COLUMN, choice)
        self.fields.resizeRowsToContents()

    def _value_item(self, conflict: Any, side: Any, name: str) -> QTableWidgetItem:
        if side is None:
            item = QTableWidgetItem(tr("(deleted)"))
            item.setForeground(Qt.GlobalColor.darkRed)
            return item
        text = shown_value(conflict.kind, name, side.get(name), self.names)
        item = QTableWidgetItem(text)
        item.setToolTip(text)
        item.setTextAlignment(text_alignment(text))
        return item

    def field_choices(self) -> dict[str, str]:
        """The side chosen for each differing field (the Keep column)."""
        choices: dict[str, str] = {}
        for row in range(self.fields.rowCount()):
            choice = self.fields.cellWidget(row, CHOICE_COLUMN)
            name = self.fields.item(row, FIELD_COLUMN).data(Qt.ItemDataRole.UserRole)
            if isinstance(choice, QComboBox):
                choices[name] = choice.currentData()
        conflict = self.current_conflict()
        return with_derived_keys(conflict, choices) if conflict is not None else choices

    def choose_field(self, name: str, side: str) -> None:
        """Pick ``side`` for the field ``name`` in the Keep column (as the officer would)."""
        for row in range(self.fields.rowCount()):
            if self.fields.item(row, FIELD_COLUMN).data(Qt.ItemDataRole.UserRole) == name:
                choice = self.fields.cellWidget(row, CHOICE_COLUMN)
                choice.setCurrentIndex(choice.findData(side))

    # --- resolving ------------------------------------------------------------------------------

    def resolve(self, choice: str | dict[str, str]) -> None:
        """Resolve the selected conflict with ``choice`` ("mine", "theirs" or a side per field)."""
        conflict = self.current_conflict()
        if conflict is None:
            return
        for widget in (self.keep_mine, self.keep_theirs, self.merge):
            widget.setEnabled(False)

        def work(archive: Archive) -> Any:
            from archive.team.conflicts import resolve_conflict

            return resolve_conflict(archive, conflict.id, choice)

        self.workspace.perform(work, self._resolved, self._resolve_failed)

    def _resolved(self, changes: Any) -> None:
        if changes:
            self.workspace.sig_changes.emit(changes)
            self.workspace.refresh_index()
        controller = SyncController.of(self.workspace)
        controller.refresh_status()
        self.reload()

    def _resolve_failed(self, error: BaseException) -> None:
        self.reload()
        self.workspace.tasks.error_handler(error)
