"""Editors for every record kind: one form built from field declarations, validated by the services.

``EditorDialog`` loads the record's ``*Input`` and the lists its link fields choose from on the
db lane, shows a form, and saves through ``archive.services.history`` (so the edit can be
undone). The services validate: a ``ValidationError`` is shown inside the dialog, which stays
open with what was typed. A source's text and a quote's span in it are kept as they are.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from archive.db.engine import Archive
from archive.errors import EditConflictError, MuntadaError, ValidationError
from archive.i18n import N_, tr
from archive.kinds import KIND_LABELS
from archive.kinds.fields import LABELS, FormField
from archive.kinds.registry import KINDS
from archive.services import events, history, organisations, people, sessions, sources
from desktop.gui.workspace import Workspace

LIST_SEPARATORS = re.compile(r"[،,\n]")


Field = FormField
# Each kind's form, derived from its ``*Input`` dataclass (``archive.kinds.fields``).
FORMS: dict[str, tuple[FormField, ...]] = {kind: spec.form() for kind, spec in KINDS.items()}
# How fixed choices read (``choice_label``): every kind, speech and approximation, capitalized.
CHOICE_LABELS = (
    N_("Forum"), N_("Meeting"), N_("Conference"), N_("Workshop"), N_("Other"), N_("Panel"), N_("Keynote"),
    N_("Presentation"), N_("Discussion"), N_("Direct"), N_("Indirect"), N_("More than"), N_("About"),
    N_("Less than"), N_("Article"), N_("Report"), N_("Transcript"),
)
NEW_SOURCE_TEXT = FormField("full_text", LABELS["full_text"], "long")
DATE_PLACEHOLDER = "YYYY-MM-DD"


def choice_label(value: str | None) -> str:
    """How a fixed choice (a kind, a speech, an approximation) reads in the current language."""
    return tr("(none)") if value is None else tr(value.replace("_", " ").capitalize())


def load_link_choices(archive: Archive, kinds: set[str]) -> dict[str, list[tuple[int, str]]]:
    """(id, name) lists for the link fields of a form."""
    loaders = {
        "person": lambda: [(p.id, p.display_name) for p in people.list_people(archive)],
        "organisation": lambda: [(o.id, o.name) for o in organisations.list_organisations(archive)],
        "event": lambda: [(e.id, e.display_name) for e in events.list_events(archive)],
        "series": lambda: [(s.id, s.name) for s in events.list_series(archive)],
        "session": lambda: [(s.id, f"{s.title} ({s.event.name})") for s in sessions.list_sessions(archive)],
        "source": lambda: [(s.id, s.title or s.file_name or str(s.id)) for s in sources.list_sources(archive)],
    }
    return {kind: loaders[kind]() for kind in kinds}


def load_editor(archive: Archive, kind: str, record_id: int | None) -> tuple[Any, dict]:
    """The record's current input (None for a new one) and its link choices, read on the db lane."""
    current = history.current_input(archive, kind, record_id) if record_id is not None else None
    kinds = {field.link_kind for field in FORMS[kind] if field.link_kind}
    return current, load_link_choices(archive, kinds)


class EditorDialog(QDialog):
    """Edit (or create, when ``record_id`` is None) one record."""

    def __init__(self, workspace: Workspace, kind: str, record_id: int | None, current: Any,
                 choices: dict[str, list[tuple[int, str]]], defaults: dict | None = None, parent=None) -> None:
        super().__init__(parent)
        self.workspace, self.kind, self.record_id = workspace, kind, record_id
        self.current = current
        self.saved_record: Any = None
        kind_label = tr(KIND_LABELS[kind])
        title = tr("Edit {kind}", kind=kind_label) if record_id else tr("New {kind}", kind=kind_label)
        self.setWindowTitle(title)
        self.fields = FORMS[kind] + ((NEW_SOURCE_TEXT,) if kind == "source" and record_id is None else ())
        self.widgets: dict[str, QWidget] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        values = dataclasses.asdict(current) if current is not None else dict(defaults or {})
        for field in self.fields:
            widget = self._make_widget(field, choices.get(field.link_kind, []), values.get(field.name))
            self.widgets[field.name] = widget
            form.addRow(tr(field.label), widget)
        holder = QWidget()
        holder.setLayout(form)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(holder)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(640, 620)
        # The form as filled, read back: a field reading otherwise at save time is one the officer changed.
        self.shown = self.values() if current is not None else {}

    # --- widgets --------------------------------------------------------------------------------

    def _make_widget(self, field: Field, choices: list[tuple[int, str]], value: Any) -> QWidget:
        if field.widget == "long":
            widget = QPlainTextEdit(value or "")
            widget.setMinimumHeight(90)
            return widget
        if field.widget == "bool":
            widget = QCheckBox()
            widget.setChecked(bool(value))
            return widget
        if field.widget == "choice":
            widget = QComboBox()
            for choice in field.choices:
                widget.addItem(choice_label(choice), choice)
            widget.setCurrentIndex(max(0, widget.findData(value)))
            return widget
        if field.widget == "link":
            return self._link_combo(choices, value)
        if field.widget == "links":
            widget = QListWidget()
            chosen = set(value or ())
            for record_id, name in choices:
                item = QListWidgetItem(name)
                item.setData(Qt.ItemDataRole.UserRole, record_id)
                item.setCheckState(Qt.CheckState.Checked if record_id in chosen else Qt.CheckState.Unchecked)
                widget.addItem(item)
            widget.setMaximumHeight(120)
            return widget
        if field.widget == "list":  # an empty list is empty text, not "()"
            text = "، ".join(value or ())
        else:
            text = "" if value is None else str(value)
        widget = QLineEdit(text)
        # Every value starts at the form's edge (the right in Arabic), whatever its own direction: a date
        # or a number (digits, left to right) was drawn at the far side of an Arabic form.
        widget.setAlignment(QStyle.visualAlignment(widget.layoutDirection(), Qt.AlignmentFlag.AlignLeading)
                            | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
        if field.name.endswith(("_date", "_on")) or field.name == "date":
            widget.setPlaceholderText(DATE_PLACEHOLDER)
        return widget

    @staticmethod
    def _link_combo(choices: list[tuple[int, str]], value: Any) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Long names must not widen the form past the dialog (they are elided in the box, whole in the list).
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(24)
        combo.addItem(tr("(none)"), None)
        for record_id, name in choices:
            combo.addItem(name, record_id)
        combo.setCurrentIndex(max(0, combo.findData(value)))
        completer = combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        return combo

    def _show(self, field: Field, value: Any) -> None:
        """Put a stored value in its widget, as the form showed it when opened."""
        widget = self.widgets[field.name]
        if isinstance(widget, QListWidget):
            chosen = set(value or ())
            for row in range(widget.count()):
                item = widget.item(row)
                checked = item.data(Qt.ItemDataRole.UserRole) in chosen
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        elif isinstance(widget, QLineEdit) and field.widget == "list":
            widget.setText("، ".join(value or ()))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText("" if value is None else str(value))
        elif isinstance(widget, QLineEdit):
            widget.setText("" if value is None else str(value))
        else:
            self.set_value(field.name, value)

    def set_value(self, name: str, value: Any) -> None:
        """Set a field as the officer would (used by tests and by 'link to person')."""
        widget = self.widgets[name]
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(0, widget.findData(value)))
        else:
            widget.setText(str(value))

    # --- reading and saving ---------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The form's values as ``*Input`` attributes; raises ``ValidationError`` for unreadable numbers."""
        return {field.name: self._read(field, self.widgets[field.name]) for field in self.fields}

    def _read(self, field: Field, widget: QWidget) -> Any:
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QComboBox):
            typed_elsewhere = widget.currentText() != widget.itemText(widget.currentIndex())
            if field.widget == "link" and widget.currentIndex() >= 0 and typed_elsewhere:
                raise ValidationError("{field}: choose one of the names in the list.", field=tr(field.label))
            return widget.currentData()
        if isinstance(widget, QListWidget):
            return tuple(widget.item(row).data(Qt.ItemDataRole.UserRole) for row in range(widget.count())
                         if widget.item(row).checkState() == Qt.CheckState.Checked)
        text = widget.text().strip()
        if field.widget == "list":
            return tuple(part.strip() for part in LIST_SEPARATORS.split(text) if part.strip())
        if field.widget in ("int", "float") and text:
            try:
                return int(text) if field.widget == "int" else float(text)
            except ValueError:
                raise ValidationError("{field} must be a number (got {value}).", field=tr(field.label),
                                      value=text) from None
        if field.widget in ("int", "float"):
            return None
        return text or None

    def build_input(self) -> Any:
        """The record's input with what the officer changed in the form (all of the form for a new record)."""
        values = self.values()
        if self.current is not None:
            changed = {name: value for name, value in values.items() if value != self.shown.get(name)}
            return dataclasses.replace(self.current, **changed)
        return _INPUT_TYPES[self.kind](**values)

    def save(self) -> None:
        try:
            data = self.build_input()
        except (MuntadaError, TypeError) as error:
            self.show_problem(error)
            return
        kind, record_id = self.kind, self.record_id
        label = self.windowTitle()
        if record_id is None:
            work = lambda archive: history.create(archive, kind, data)  # noqa: E731
        else:
            based_on = self.current  # only what the officer changed is written (history.update)
            work = lambda archive: history.update(archive, kind, record_id, data, based_on)  # noqa: E731
        self.error_label.clear()
        self.workspace.edit(label, work, on_done=self._saved, on_error=self._not_saved, owner=self)

    def _not_saved(self, error: BaseException) -> None:
        if isinstance(error, EditConflictError):
            self._take_changes_made_meanwhile(error.params["stored"])
        self.show_problem(error)

    def _take_changes_made_meanwhile(self, stored: Any) -> None:
        """Show what others changed in the fields the officer left alone; base the next save on it.

        The fields the officer changed keep what they typed, so saving again keeps their values.
        """
        typed = self.values()
        for field in self.fields:
            before, now = getattr(self.current, field.name, None), getattr(stored, field.name, None)
            if typed[field.name] == self.shown[field.name] and now != before:
                self._show(field, now)
                self.shown[field.name] = self._read(field, self.widgets[field.name])
        self.current = stored

    def _saved(self, record: Any) -> None:
        self.saved_record = record
        self.accept()

    def show_problem(self, error: BaseException) -> None:
        if isinstance(error, MuntadaError):
            self.error_label.setText(error.user_message())
        elif isinstance(error, TypeError):
            self.error_label.setText(tr("Fill in the required fields."))
        else:
            self.workspace.tasks.error_handler(error)


_INPUT_TYPES = {kind: spec.input_type for kind, spec in KINDS.items()}
