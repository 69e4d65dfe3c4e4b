"""Small dialogs: merging duplicates, a record's audit trail, and yes/no questions.

``MergeDialog`` lets the officer pick which of several people (or organisations) to keep; the
others are folded into it by ``merge_people``/``merge_organisations`` (their names become other
spellings). ``AuditDialog`` lists who changed a record, when, and each field before and after.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from archive.i18n import is_rtl, join_list, tr
from archive.kinds.fields import FormField
from archive.kinds.registry import KINDS
from archive.services.audit import ACTION_LABELS
from archive.services.records import AuditRecord


def ask(parent: QWidget | None, text: str) -> bool:
    """A yes/no question; True for yes."""
    answer = QMessageBox.question(parent, tr("Muntada"), text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


class MergeDialog(QDialog):
    """Choose the record to keep among duplicates; ``keep_id`` and ``merge_ids`` after ``accept``."""

    def __init__(self, records: list[Any], describe, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Merge duplicates"))
        self.records = records
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        explanation = QLabel(tr("Keep one record; the others are folded into it. Their quotes, figures and "
                                "sessions move over and their names become other spellings. "
                                "Undo (Ctrl+Z) takes a merge back."))
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        for position, record in enumerate(records):
            button = QRadioButton(describe(record))
            button.setChecked(position == 0)
            self.group.addButton(button, position)
            layout.addWidget(button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Merge"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choose(self, position: int) -> None:
        self.group.button(position).setChecked(True)

    @property
    def keep_id(self) -> int:
        return self.records[self.group.checkedId()].id

    @property
    def merge_ids(self) -> list[int]:
        return [record.id for record in self.records if record.id != self.keep_id]


def changed_fields(entry: AuditRecord) -> list[tuple[str, Any, Any]]:
    """(field, before, after) for every field the entry changed."""
    before, after = entry.before or {}, entry.after or {}
    names = list(dict.fromkeys([*before, *after]))
    return [(name, before.get(name), after.get(name)) for name in names if before.get(name) != after.get(name)]


def _audit_fields(kind: str) -> tuple[FormField, ...]:
    """The fields of a kind as the audit trail shows them: every field of its input (the registry's)."""
    return KINDS[kind].fields() if kind in KINDS else ()


def field_label(name: str, kind: str = "") -> str:
    """A field's name as the editors label it, in the current language."""
    for fields in (_audit_fields(kind), *(spec.fields() for spec in KINDS.values())):
        for field in fields:
            if field.name == name:
                return tr(field.label).split(" (")[0]
    return name


def load_history(archive, kind: str, record_id: int) -> tuple[list[AuditRecord], dict[str, dict[int, str]]]:
    """A record's audit trail, and the names of the records its link fields point at (read on the db lane)."""
    from archive.services import audit
    from desktop.gui.editors import load_link_choices

    entries = audit.record_history(archive, kind, record_id)
    kinds = {field.link_kind for field in _audit_fields(kind) if field.link_kind}
    return entries, {link_kind: dict(choices) for link_kind, choices in load_link_choices(archive, kinds).items()}


def shown_value(kind: str, name: str, value: Any, names: dict[str, dict[int, str]]) -> str:
    """A field's value as the officer knows it: linked records by name, choices in words."""
    from desktop.gui.editors import choice_label

    if value is None or value == [] or value == "":
        return "—"
    field = next((field for field in _audit_fields(kind) if field.name == name), None)
    if field is not None and field.widget == "link" and isinstance(value, int):
        return names.get(field.link_kind, {}).get(value) or f"#{value}"
    if field is not None and field.widget == "links" and isinstance(value, list):
        known = names.get(field.link_kind, {})
        return join_list(known.get(item) or f"#{item}" for item in value)
    if field is not None and field.widget == "choice" and isinstance(value, str):
        return choice_label(value)
    if field is not None and field.widget == "bool":
        return "✓" if value else "✗"
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return join_list(value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


class AuditDialog(QDialog):
    """The audit trail of one record: when, who, what, and each changed field before and after."""

    def __init__(self, title: str, entries: list[AuditRecord], parent: QWidget | None = None, kind: str = "",
                 names: dict[str, dict[int, str]] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("History of {name}", name=title))
        self.entries = entries
        self.kind = kind
        self.names = names or {}
        self.table = QTableWidget(len(entries), 4)
        self.table.setHorizontalHeaderLabels([tr("When"), tr("Officer"), tr("Action"), tr("Fields changed")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for row, entry in enumerate(entries):
            names = [field_label(name, kind) for name, _, _ in changed_fields(entry)]
            fields = join_list(names)
            for column, text in enumerate((entry.at.strftime("%Y-%m-%d %H:%M"), entry.officer or "—",
                                           tr(ACTION_LABELS.get(entry.action, entry.action)), fields)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.detail = QTextBrowser()
        self.table.currentCellChanged.connect(lambda row, *_: self.show_entry(row))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addWidget(buttons)
        self.resize(760, 520)
        if entries:
            self.table.selectRow(len(entries) - 1)
            self.show_entry(len(entries) - 1)

    def show_entry(self, row: int) -> None:
        if not 0 <= row < len(self.entries):
            return
        entry = self.entries[row]
        direction = "rtl" if is_rtl() else "ltr"
        arrow = "←" if is_rtl() else "→"
        lines = [f"<p><b>{_escape(field_label(name, self.kind))}</b>: {_escape(self._shown(name, before))} {arrow} "
                 f"{_escape(self._shown(name, after))}</p>" for name, before, after in changed_fields(entry)]
        note = f"<p>{_escape(entry.note)}</p>" if entry.note else ""
        self.detail.setHtml(f'<div dir="{direction}">{note}{"".join(lines)}</div>')

    def _shown(self, name: str, value: Any) -> str:
        return shown_value(self.kind, name, value, self.names)


def _escape(text: str) -> str:
    import html

    return html.escape(text)
