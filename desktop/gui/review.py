"""Reviewing what was read from one article: every proposal over the article text, span highlighted.

The officer accepts or rejects each proposal (the event, its sessions, quotes, figures), corrects its text,
speaker or title in place, or chooses who said a quote among the people the article names (with the post it
gives them) and the people already in the archive ("Choose the speaker…"); Save creates
the accepted records through ``archive.importing.service.accept_proposals``. Selecting a row
highlights its span in the article and scrolls to it. Each quote shows its kind (direct, reported or
continuing the previous speaker), its speaker and the extraction's confidence; the table sorts by
any column, and "Least sure first" puts the proposals most likely wrong at the top, where the officer
looks first.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from archive.db.engine import Archive
from archive.i18n import N_, NP_, ptr, tr
from archive.importing import service as importing
from archive.services import people, sources
from desktop.gui.appearance import reading_font
from desktop.gui.editors import choice_label
from desktop.gui.workspace import Workspace

KIND_COLOURS = {"event": QColor("#c8e6c9"), "sessions": QColor("#e1bee7"), "quotes": QColor("#fff3b0"),
                "further_quotes": QColor("#ffe0b2"), "statistics": QColor("#bbdefb")}
SELECTED_COLOUR = QColor("#ffb300")
# A row's kind reads indefinite in Arabic (اقتباس, not الاقتباس), like "Quote: direct" beside it.
KIND_NAMES = {"event": NP_("proposal", "Event"), "sessions": NP_("proposal", "Session"),
              "quotes": NP_("proposal", "Quote"), "further_quotes": N_("Quote (less sure)"),
              "statistics": NP_("proposal", "Figure")}
QUOTE_KIND_NAMES = {"direct": N_("Quote: direct"), "indirect": N_("Quote: reported"),
                    "continuation": N_("Quote: continuation")}
ACCEPT, KIND, TEXT, WHO, TITLE, CONFIDENCE = range(6)
PROPOSAL_ROLE = Qt.ItemDataRole.UserRole  # the KIND item holds (list name, index in it)
CONFIDENCE_ROLE = Qt.ItemDataRole.UserRole + 1  # the CONFIDENCE item holds the confidence (0-1)


class ConfidenceItem(QTableWidgetItem):
    """A confidence cell shown as a percentage and sorted by its number ("100%" after "95%"); a cell without one
    sorts after every number."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(CONFIDENCE_ROLE), other.data(CONFIDENCE_ROLE)
        return (mine is None, mine or 0.0) < (theirs is None, theirs or 0.0)


@dataclass(frozen=True)
class ReviewData:
    review: importing.PendingReview
    full_text: str
    people: list[tuple[int, str, str | None]]  # id, name, honorific


def load_review(archive: Archive, source_id: int) -> ReviewData:
    review = importing.get_review(archive, source_id)
    text = sources.get_source(archive, source_id).full_text or ""
    known = [(person.id, person.name, person.honorific) for person in people.list_people(archive)]
    return ReviewData(review, text, known)


@dataclass(frozen=True)
class SpeakerChoice:
    """Someone who may have said a quote: a person the article names, with the post it gives them, or a person
    already in the archive (``title`` None: the quote's title is cleared, it was the other speaker's)."""

    label: str
    name: str
    title: str | None


class ReviewDialog(QDialog):
    """Accept, correct or reject the proposals of one imported article."""

    def __init__(self, workspace: Workspace, data: ReviewData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.data = data
        self.proposals = data.review.proposals
        self.accepted_records = None
        self.speaker_dialog: QInputDialog | None = None  # the last "Choose the speaker" asked (tests answer it)
        self.setWindowTitle(tr("Review: {title}", title=data.review.title or data.review.file_name or ""))
        self.article = QTextEdit(readOnly=True)
        self.article.setFont(reading_font(13))
        option = QTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        self.article.document().setDefaultTextOption(option)
        self.article.setPlainText(data.full_text)
        self.table = self._make_table()
        self.table.currentCellChanged.connect(lambda row, *_: self.highlight(row))
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020")
        self._build_layout()
        self.highlight(-1)
        self.resize(1200, 720)

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, 6)
        table.setHorizontalHeaderLabels([tr("Accept"), tr("Kind"), tr("Text"), tr("Speaker or subject"),
                                         ptr("person", "Title"), tr("Confidence")])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        table.setWordWrap(True)
        event = self.proposals.get("event")
        if event:
            self._add_row(table, "event", 0, event.get("name", ""), event.get("series") or "",
                          event.get("edition_label") or "", confidence=event.get("confidence"))
            for index, session in enumerate(self.proposals.get("sessions") or ()):
                self._add_row(table, "sessions", index, session.get("title") or session.get("text") or "",
                              choice_label(session.get("kind") or "other"), "", confidence=session.get("confidence"))
        for name in ("quotes", "further_quotes"):
            for index, quote in enumerate(self.proposals.get(name) or ()):
                self._add_row(table, name, index, quote["text"], quote.get("speaker") or "",
                              quote.get("speaker_title") or "", confidence=quote.get("confidence"),
                              kind_name=_quote_kind_name(quote))
        for index, figure in enumerate(self.proposals.get("statistics") or ()):
            self._add_row(table, "statistics", index, figure["text"], figure.get("subject") or "", "",
                          confidence=figure.get("confidence"))
        for column in (ACCEPT, KIND, CONFIDENCE):  # short values: the text keeps the room
            table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.setColumnWidth(WHO, 130)
        table.setColumnWidth(TITLE, 110)
        table.resizeRowsToContents()
        table.setSortingEnabled(True)  # rows keep their proposal in PROPOSAL_ROLE, so any order is safe
        return table

    def _add_row(self, table: QTableWidget, name: str, index: int, text: str, who: str, title: str,
                 accepted: bool = True, confidence: float | None = None, kind_name: str | None = None) -> None:
        row = table.rowCount()
        table.insertRow(row)
        check = QTableWidgetItem()
        check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        check.setCheckState(Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked)
        table.setItem(row, ACCEPT, check)
        kind = QTableWidgetItem(tr(kind_name or KIND_NAMES[name]))
        kind.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        kind.setBackground(KIND_COLOURS[name])
        kind.setData(PROPOSAL_ROLE, (name, index))
        table.setItem(row, KIND, kind)
        for column, value in ((TEXT, text), (WHO, who), (TITLE, title)):
            table.setItem(row, column, QTableWidgetItem(value))
        sure = ConfidenceItem()
        sure.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        if confidence is not None:
            # A percentage in the digits of the rest of the app ("95%"); a bare number would be drawn
            # in the locale's digits ("٠٫٩٥") beside Western ones everywhere else.
            sure.setData(CONFIDENCE_ROLE, round(float(confidence), 2))
            sure.setText(f"{round(float(confidence) * 100)}%")
        table.setItem(row, CONFIDENCE, sure)

    @property
    def rows(self) -> list[tuple[str, int]]:
        """(list name, index in it) of the proposal shown on each table row, in the table's order."""
        return [tuple(self.table.item(row, KIND).data(PROPOSAL_ROLE)) for row in range(self.table.rowCount())]

    def sort_by_confidence(self) -> None:
        """The least sure proposals first: those most likely wrong (a proposal without a confidence last)."""
        self.table.sortItems(CONFIDENCE, Qt.SortOrder.AscendingOrder)

    def _build_layout(self) -> None:
        link = QPushButton(tr("Choose the speaker…"))
        link.setToolTip(tr("Who said the selected quote: a person this article names, or one already in the archive"))
        link.clicked.connect(self.choose_speaker_of_current)
        accept_all = QPushButton(tr("Accept all"))
        accept_all.clicked.connect(lambda: self.set_all(True))
        reject_all = QPushButton(tr("Reject all"))
        reject_all.clicked.connect(lambda: self.set_all(False))
        by_confidence = QPushButton(tr("Least sure first"))
        by_confidence.setToolTip(tr("Sort the proposals by confidence, those most likely wrong at the top"))
        by_confidence.clicked.connect(self.sort_by_confidence)
        tools = QHBoxLayout()
        for button in (link, accept_all, reject_all, by_confidence):
            tools.addWidget(button)
        tools.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(tools)
        right_layout.addWidget(self.table, 1)
        splitter = QSplitter()
        splitter.addWidget(self.article)
        splitter.addWidget(right)
        splitter.setSizes([420, 760])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    # --- highlighting --------------------------------------------------------------------------

    def _span(self, row: int) -> tuple[int, int] | None:
        name, index = self.table.item(row, KIND).data(PROPOSAL_ROLE)
        item = self.proposals["event"] if name == "event" else self.proposals[name][index]
        start, end = item.get("start"), item.get("end")
        return (start, end) if start is not None and end is not None else None

    def highlight(self, selected_row: int) -> None:
        """Tint every proposal's span by kind; the selected one stronger, scrolled into view."""
        selections = []
        for row, (name, _index) in enumerate(self.rows):
            span = self._span(row)
            if span is not None and row != selected_row:
                selections.append(self._selection(span, KIND_COLOURS[name]))
        span = self._span(selected_row) if 0 <= selected_row < len(self.rows) else None
        if span is not None:
            selections.append(self._selection(span, SELECTED_COLOUR))  # drawn last: on top
        self.article.setExtraSelections(selections)
        if span is not None:
            cursor = QTextCursor(self.article.document())
            cursor.setPosition(min(span[0], self.article.document().characterCount() - 1))
            self.article.setTextCursor(cursor)
            self.article.ensureCursorVisible()

    def _selection(self, span: tuple[int, int], colour: QColor) -> QTextEdit.ExtraSelection:
        length = self.article.document().characterCount() - 1
        cursor = QTextCursor(self.article.document())
        cursor.setPosition(max(0, min(span[0], length)))
        cursor.setPosition(max(0, min(span[1], length)), QTextCursor.MoveMode.KeepAnchor)
        text_format = QTextCharFormat()
        text_format.setBackground(colour)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = text_format
        return selection

    # --- decisions -------------------------------------------------------------------------------

    def set_all(self, accepted: bool) -> None:
        state = Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked
        for row in range(self.table.rowCount()):
            self.table.item(row, ACCEPT).setCheckState(state)

    def set_accepted(self, row: int, accepted: bool) -> None:
        self.table.item(row, ACCEPT).setCheckState(Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked)

    def speaker_choices(self) -> list[SpeakerChoice]:
        """The people this article names first, each with the post it gives them ("name — post"), then the people
        of the archive it does not name."""
        choices: list[SpeakerChoice] = []
        named: set[str] = set()
        for person in self.proposals.get("people") or ():
            name, title = person.get("name"), person.get("title") or None
            if name and name not in named:
                named.add(name)
                choices.append(SpeakerChoice(f"{name} — {title}" if title else name, name, title))
        for _id, name, _honorific in self.data.people:
            if name not in named:
                named.add(name)
                choices.append(SpeakerChoice(name, name, None))
        return choices

    def choose_speaker_of_current(self) -> None:
        row = self.table.currentRow()
        if row < 0 or self.table.item(row, KIND).data(PROPOSAL_ROLE)[0] not in ("quotes", "further_quotes"):
            return
        choices = self.speaker_choices()
        if not choices:
            return
        current = self.table.item(row, WHO).text()
        asking = QInputDialog(self)
        asking.setWindowTitle(tr("Choose the speaker"))
        asking.setLabelText(tr("Speaker:"))
        asking.setComboBoxItems([choice.label for choice in choices])
        asking.setComboBoxEditable(True)  # someone the article and the archive do not name yet: typed
        asking.setTextValue(next((choice.label for choice in choices if choice.name == current), choices[0].label))
        asking.resize(max(asking.sizeHint().width(), 520), asking.sizeHint().height())  # "name — post" in full
        self.speaker_dialog = asking
        if asking.exec() != QDialog.DialogCode.Accepted or not asking.textValue().strip():
            return
        chosen = asking.textValue().strip()
        picked = next((choice for choice in choices if choice.label == chosen), None)
        self.set_speaker(row, picked or SpeakerChoice(chosen, chosen, None))

    def set_speaker(self, row: int, choice: SpeakerChoice) -> None:
        """Make the quote of ``row`` said by ``choice``, with the post the article gives them (or none)."""
        self.table.item(row, WHO).setText(choice.name)
        self.table.item(row, TITLE).setText(choice.title or "")

    def choices(self) -> importing.ReviewChoices:
        """The officer's decisions, with each corrected field given as the correction."""
        decided: dict[str, dict[int, dict]] = {"sessions": {}, "quotes": {}, "further_quotes": {}, "statistics": {}}
        event_choice: object = False
        for row, (name, index) in enumerate(self.rows):
            if self.table.item(row, ACCEPT).checkState() != Qt.CheckState.Checked:
                continue
            if name == "event":
                name_text = self.table.item(row, TEXT).text().strip()
                event_choice = {"name": name_text} if name_text != self.proposals["event"].get("name") else None
                continue
            if name == "sessions":
                proposal = self.proposals["sessions"][index]
                title = self.table.item(row, TEXT).text().strip()
                proposed = proposal.get("title") or proposal.get("text")
                decided[name][index] = {"title": title} if title and title != proposed else {}
                continue
            decided[name][index] = self._corrections(row, name, index)
        return importing.ReviewChoices(event=event_choice, quotes=decided["quotes"],
                                       statistics=decided["statistics"], further_quotes=decided["further_quotes"],
                                       sessions=decided["sessions"])

    def _corrections(self, row: int, name: str, index: int) -> dict:
        proposal = self.proposals[name][index]
        fields = ("text", "subject", None) if name == "statistics" else ("text", "speaker", "speaker_title")
        changes = {}
        for column, field in zip((TEXT, WHO, TITLE), fields, strict=True):
            if field is None:
                continue
            value = self.table.item(row, column).text().strip() or None
            if value != (proposal.get(field) or None):
                changes[field] = value
        if "speaker" in changes:
            # The officer named who speaks: a person, even where the extraction heard a ministry or a group.
            changes["speaker_kind"] = "person" if changes["speaker"] else None
            changes.update(self._known_person_fields(changes["speaker"]))
        return changes

    def _known_person_fields(self, name: str | None) -> dict:
        for _id, known_name, honorific in self.data.people:
            if known_name == name:
                return {"honorific": honorific}
        return {}

    def save(self) -> None:
        choices = self.choices()
        source_id = self.data.review.source_id
        nothing = (choices.event is False and not choices.quotes and not choices.statistics
                   and not choices.further_quotes)
        if nothing:
            work = lambda archive: importing.reject_proposals(archive, source_id)  # noqa: E731
        else:
            work = lambda archive: importing.accept_proposals(archive, source_id, choices)  # noqa: E731
        self.workspace.change("quote", work, self._saved, self._failed, owner=self)

    def _saved(self, records) -> None:
        self.accepted_records = records
        self.accept()

    def _failed(self, error: BaseException) -> None:
        from desktop.gui.errors import error_text

        self.error_label.setText(error_text(error))


def _quote_kind_name(quote: dict) -> str:
    """How the quote was said: direct, reported, or continuing the previous speaker."""
    if quote.get("attribution") == "continuation":
        return QUOTE_KIND_NAMES["continuation"]
    return QUOTE_KIND_NAMES.get(quote.get("kind") or "", QUOTE_KIND_NAMES["direct"])
