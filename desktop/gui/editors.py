"""Editors for every record kind: one form built from field declarations, validated by the services.

``EditorDialog`` loads the record's ``*Input`` and the lists its link fields choose from on the
db lane, shows a form, and saves through ``archive.services.history`` (so the edit can be
undone). The services validate: a ``ValidationError`` is shown inside the dialog, which stays
open with what was typed. A source's text and a quote's span in it are kept as they are.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
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
    QVBoxLayout,
    QWidget,
)

from archive.db.engine import Archive
from archive.errors import MuntadaError, ValidationError
from archive.i18n import N_, NP_, tr
from archive.services import events, history, organisations, people, sessions, sources
from archive.services import records as r
from archive.kinds import KIND_LABELS
from desktop.gui.workspace import Workspace

LIST_SEPARATORS = re.compile(r"[،,\n]")


@dataclass(frozen=True)
class Field:
    """One form field: the ``*Input`` attribute, its English label, and how it is edited."""

    name: str
    label: str
    widget: str = "text"  # text, long, int, float, bool, list, choice, link, links
    choices: tuple[str | None, ...] = ()
    link_kind: str = ""


def _common_tail() -> tuple[Field, ...]:
    return (Field("verified", N_("Verified"), "bool"), Field("tags", N_("Tags (separated by commas)"), "list"),
            Field("notes", N_("Notes"), "long"))


FORMS: dict[str, tuple[Field, ...]] = {
    "event": (
        Field("name", N_("Name")), Field("series_id", N_("Series"), "link", link_kind="series"),
        Field("edition", N_("Edition number"), "int"), Field("edition_label", N_("Edition as printed")),
        Field("kind", N_("Kind"), "choice", r.EVENT_KINDS), Field("start_date", N_("Start date")),
        Field("end_date", N_("End date")), Field("venue", N_("Venue")), Field("city", N_("City")), Field("country", N_("Country")),
        Field("organiser_id", N_("Organiser"), "link", link_kind="organisation"),
        Field("description", N_("Description"), "long"), Field("hashtags", N_("Hashtags (separated by commas)"), "list"),
        Field("tags", N_("Tags (separated by commas)"), "list"),
    ),
    "series": (Field("name", N_("Name")), Field("organiser_id", N_("Organiser"), "link", link_kind="organisation"),
               Field("description", N_("Description"), "long")),
    "session": (
        Field("event_id", N_("Event"), "link", link_kind="event"), Field("title", N_("Title")),
        Field("kind", N_("Kind"), "choice", r.SESSION_KINDS), Field("date", N_("Date")), Field("start_time", N_("Start time")),
        Field("end_time", N_("End time")), Field("moderator_id", N_("Moderator"), "link", link_kind="person"),
        Field("presenter_person_ids", N_("Presenters"), "links", link_kind="person"),
        Field("summary", N_("Summary"), "long"), Field("attendance", N_("Attendance"), "int"),
        Field("attendance_text", N_("Attendance as printed")),
    ),
    "person": (
        Field("name", N_("Name")), Field("honorific", N_("Honorific")), Field("title", NP_("person", "Title")),
        Field("organisation_id", N_("Organisation"), "link", link_kind="organisation"),
        Field("aliases", N_("Other spellings (separated by commas)"), "list"), Field("notes", N_("Notes"), "long"),
    ),
    "organisation": (
        Field("name", N_("Name")), Field("kind", N_("Kind")),
        Field("aliases", N_("Other spellings (separated by commas)"), "list"), Field("notes", N_("Notes"), "long"),
    ),
    "quote": (
        Field("text", N_("Text"), "long"), Field("speaker_id", N_("Speaker"), "link", link_kind="person"),
        Field("speaker_title", N_("Title as printed")),
        Field("organisation_id", N_("Organisation"), "link", link_kind="organisation"),
        Field("organisation_text", N_("Organisation as printed")), Field("event_id", N_("Event"), "link", link_kind="event"),
        Field("session_id", N_("Session"), "link", link_kind="session"),
        Field("speech", N_("Speech"), "choice", r.SPEECH_KINDS), Field("said_on", N_("Date")), *_common_tail(),
    ),
    "statistic": (
        Field("figure_text", N_("Figure as written")), Field("value", N_("Value"), "float"), Field("unit", N_("Unit")),
        Field("approximation", N_("Approximation"), "choice", (None, *r.APPROXIMATIONS)), Field("subject", N_("Subject")),
        Field("speaker_id", N_("Speaker"), "link", link_kind="person"), Field("event_id", N_("Event"), "link", link_kind="event"),
        Field("session_id", N_("Session"), "link", link_kind="session"), Field("stated_on", N_("Date")), *_common_tail(),
    ),
    "source": (
        Field("title", N_("Title")), Field("outlet", N_("Outlet")), Field("author", N_("Author")), Field("dateline", N_("Dateline")),
        Field("published_on", N_("Published")), Field("url", N_("Address")), Field("kind", N_("Kind"), "choice", r.SOURCE_KINDS),
        Field("event_ids", N_("Events"), "links", link_kind="event"), Field("tags", N_("Tags (separated by commas)"), "list"),
    ),
}
# How fixed choices read (``choice_label``): every kind, speech and approximation, capitalized.
CHOICE_LABELS = (
    N_("Forum"), N_("Meeting"), N_("Conference"), N_("Workshop"), N_("Other"), N_("Panel"), N_("Keynote"),
    N_("Presentation"), N_("Discussion"), N_("Direct"), N_("Indirect"), N_("More than"), N_("About"),
    N_("Less than"), N_("Article"), N_("Report"), N_("Transcript"),
)
NEW_SOURCE_TEXT = Field("full_text", N_("Text"), "long")
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
        title = tr("Edit {kind}", kind=tr(KIND_LABELS[kind])) if record_id else tr("New {kind}", kind=tr(KIND_LABELS[kind]))
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
        text = "، ".join(value) if field.widget == "list" and value else ("" if value is None else str(value))
        widget = QLineEdit(text)
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
            if field.widget == "link" and widget.currentIndex() >= 0 and widget.currentText() != widget.itemText(widget.currentIndex()):
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
                raise ValidationError("{field} must be a number (got {value}).", field=tr(field.label), value=text) from None
        if field.widget in ("int", "float"):
            return None
        return text or None

    def build_input(self) -> Any:
        values = self.values()
        if self.current is not None:
            return dataclasses.replace(self.current, **values)
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
            work = lambda archive: history.update(archive, kind, record_id, data)  # noqa: E731
        self.error_label.clear()
        self.workspace.edit(label, work, on_done=self._saved, on_error=self.show_problem)

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


_INPUT_TYPES = {
    "event": r.EventInput, "series": r.SeriesInput, "session": r.SessionInput, "person": r.PersonInput,
    "organisation": r.OrganisationInput, "quote": r.QuoteInput, "statistic": r.StatisticInput,
    "source": r.SourceInput,
}
