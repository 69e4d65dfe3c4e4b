"""The record view: everything about one record and where it came from.

Shows the record (``record_page``) with links to related records; a source is shown with its
full text, every quoted passage tinted and the one asked for highlighted and scrolled to.
Actions: back, edit, history, delete, mark verified, copy a quote with its citation, open the
source passage, and a brief of an event or speaker.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QAction, QColor, QGuiApplication, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import (
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from archive.i18n import is_rtl, tr
from archive.kinds import EDITABLE_KINDS
from desktop.gui.appearance import reading_font
from desktop.gui.citation import quote_with_citation
from desktop.gui.record_page import RecordPage, content_direction, load_record_page, record_html
from desktop.gui.workspace import Workspace

SPAN_COLOUR = QColor("#ffd54f")
OTHER_SPAN_COLOUR = QColor("#fff4cc")


class RecordView(QWidget):
    """Shows one record; ``show_record(kind, id, span=None)``. Emits ``sig_action(action, kind, ids)``."""

    sig_action = Signal(str, str, list)
    sig_shown = Signal(object)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.page: RecordPage | None = None
        self.span: tuple[int, int] | None = None
        self._back: list[tuple[str, int, tuple[int, int] | None]] = []
        # The page asked for last (shown, or still loading) and its number: an older load arriving
        # later is dropped, and a change refreshes this one, not the page it replaces.
        self._wanted: tuple[str, int, tuple[int, int] | None] | None = None
        self._generation = 0
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.anchorClicked.connect(self._follow)
        self.source_text = QTextEdit(readOnly=True)
        self.source_text.setFont(reading_font())
        self.source_text.hide()
        self.buttons = self._make_buttons()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.details)
        splitter.addWidget(self.source_text)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button_row)
        layout.addWidget(splitter, 1)
        workspace.sig_changes.connect(self._changed)
        self._update_buttons()
        self.details.setHtml(self._welcome_html())

    @staticmethod
    def _welcome_html() -> str:
        direction = "rtl" if is_rtl() else "ltr"
        return (f'<div dir="{direction}" style="color:#666"><p>' + tr("Open a record from the search results or "
                "the lists to see everything about it here: where it came from, who said it, and what it is linked to.")
                + "</p><p>" + tr("Ctrl+K: search. Ctrl+Z: undo. Drop article files on the window to import them.")
                + "</p></div>")

    def _make_buttons(self) -> dict[str, QPushButton]:
        # A tool bar: the buttons that have no room go behind its » (eight in a row beside the search
        # filters made the window 1,325 px wide at least, wider than a laptop's screen at 125 %).
        self.button_row = QToolBar()
        self.button_row.setMovable(False)
        self._button_actions: dict[str, QAction] = {}
        buttons = {}
        for name, label, handler in (
            ("back", tr("Back"), self.go_back),
            ("edit", tr("Edit…"), lambda: self._emit("edit")),
            ("verify", tr("Mark verified"), self.toggle_verified),
            ("copy", tr("Copy with citation"), self.copy_citation),
            ("source", tr("Open source"), self.open_source),
            ("brief", tr("Brief…"), lambda: self._emit("brief")),
            ("history", tr("History…"), lambda: self._emit("history")),
            ("delete", tr("Delete…"), lambda: self._emit("delete")),
        ):
            button = QPushButton(label)
            button.clicked.connect(handler)
            self._button_actions[name] = self.button_row.addWidget(button)
            buttons[name] = button
        return buttons

    # --- showing ----------------------------------------------------------------------------

    def show_record(self, kind: str, record_id: int, span: tuple[int, int] | None = None,
                    remember: bool = True) -> None:
        if remember and self.page is not None:
            self._back.append((self.page.kind, self.page.record.id, self.span))
        archive = self.workspace.archive
        self._wanted = (kind, record_id, span)
        self._generation += 1
        generation = self._generation
        self.workspace.tasks.run(lambda: load_record_page(archive, kind, record_id),
                                 lambda page: self._show_page(generation, page, span), owner=self)

    def _show_page(self, generation: int, page: RecordPage, span: tuple[int, int] | None) -> None:
        if generation != self._generation:  # another page was asked for meanwhile
            return
        self.page = page
        self.span = span
        self.details.setHtml(record_html(page))
        if page.kind == "source":
            self._show_source_text(page, span)
        else:
            self.source_text.hide()
        self._update_buttons()
        self.sig_shown.emit(page)

    def _show_source_text(self, page: RecordPage, span: tuple[int, int] | None) -> None:
        text = page.record.full_text or ""
        option = QTextOption()
        rtl = content_direction(text) == "rtl"
        option.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        self.source_text.document().setDefaultTextOption(option)
        self.source_text.setPlainText(text)
        selections = []
        for item in (*page.related.get("quote", ()), *page.related.get("statistic", ())):
            if item.source_start is not None and (item.source_start, item.source_end) != span:
                selections.append(self._selection(item.source_start, item.source_end, OTHER_SPAN_COLOUR))
        if span is not None:
            selections.append(self._selection(span[0], span[1], SPAN_COLOUR))
        self.source_text.setExtraSelections(selections)
        self.source_text.show()
        if span is not None:
            cursor = QTextCursor(self.source_text.document())
            cursor.setPosition(min(span[0], len(text)))
            self.source_text.setTextCursor(cursor)
            self.source_text.ensureCursorVisible()

    def _selection(self, start: int, end: int, colour: QColor) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.source_text.document())
        length = self.source_text.document().characterCount() - 1
        cursor.setPosition(max(0, min(start, length)))
        cursor.setPosition(max(0, min(end, length)), QTextCursor.MoveMode.KeepAnchor)
        text_format = QTextCharFormat()
        text_format.setBackground(colour)
        selection.cursor = cursor
        selection.format = text_format
        return selection

    def highlighted_text(self) -> str:
        """The passage highlighted in the source text (empty when none)."""
        if self.span is None or self.page is None or self.page.kind != "source":
            return ""
        return (self.page.record.full_text or "")[self.span[0]:self.span[1]]

    def _update_buttons(self) -> None:
        kind = self.page.kind if self.page else None
        has_record = kind is not None
        provenance = kind in ("quote", "statistic") and self.page.record.source is not None
        for name, visible in (
            ("back", bool(self._back)),
            ("edit", has_record and kind in EDITABLE_KINDS),
            ("verify", kind in ("quote", "statistic")),
            ("copy", kind == "quote"),
            ("source", provenance),
            ("brief", kind in ("event", "person")),
            ("history", has_record),
            ("delete", has_record and kind in EDITABLE_KINDS),
        ):
            self._button_actions[name].setVisible(visible)  # a tool bar's widget is shown through its action
        if kind in ("quote", "statistic"):
            verified = self.page.record.verified
            self.buttons["verify"].setText(tr("Mark not verified") if verified else tr("Mark verified"))

    # --- actions ------------------------------------------------------------------------------

    def _emit(self, action: str) -> None:
        if self.page is not None:
            self.sig_action.emit(action, self.page.kind, [self.page.record.id])

    def go_back(self) -> None:
        if self._back:
            kind, record_id, span = self._back.pop()
            self.show_record(kind, record_id, span, remember=False)

    def open_source(self) -> None:
        record = self.page.record if self.page else None
        if record is not None and getattr(record, "source", None) is not None:
            span = (record.source_start, record.source_end) if record.source_start is not None else None
            self.show_record("source", record.source.id, span)

    def copy_citation(self) -> str:
        if self.page is None or self.page.kind != "quote":
            return ""
        text = quote_with_citation(self.page.record, self.page.speaker)
        QGuiApplication.clipboard().setText(text)
        return text

    def toggle_verified(self) -> None:
        page = self.page
        if page is None or page.kind not in ("quote", "statistic"):
            return
        wanted = not page.record.verified
        kind, record_id = page.kind, page.record.id
        label = tr("Mark verified") if wanted else tr("Mark not verified")

        def work(archive):
            from dataclasses import replace

            from archive.services import history

            data = history.current_input(archive, kind, record_id)

            return history.update(archive, kind, record_id, replace(data, verified=wanted))

        self.workspace.edit(label, work)

    def _follow(self, url: QUrl) -> None:
        target = url.toString()
        scheme, _, rest = target.partition(":")
        if scheme == "record":
            kind, _, record_id = rest.partition("/")
            self.show_record(kind, int(record_id))
        elif scheme == "span":
            source_id, start, end = (int(part) for part in rest.split("/"))
            self.show_record("source", source_id, (start, end))

    def _changed(self, changes) -> None:
        """Show the page again when its record, or a record of another kind (maybe linked), changed.

        The page is the one asked for last: a page still loading is read again, not the one it replaces."""
        if self.page is None or self._wanted is None:
            return
        kind, record_id, span = self._wanted
        if record_id in changes.deleted.get(kind, ()):
            self.page = self._wanted = None  # deleted (or its creation undone): back to the welcome page
            self._generation += 1  # a load of it still on its way is not shown
            self.details.setHtml(self._welcome_html())
            self.source_text.hide()
            self._update_buttons()
        elif record_id in changes.ids(kind) or changes.kinds - {kind}:
            self.show_record(kind, record_id, span, remember=False)

