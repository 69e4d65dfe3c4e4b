"""The search box that is always at hand: results update as you type, off the GUI thread.

Typing restarts a short debounce timer; when it fires, the query runs in the search worker
process (queued, not yet started searches are dropped) and only the newest answer is shown. Results
carry highlighted snippets; the kind, event, speaker and year filters are filled from the
facets of the answer and become filters of the query language (``event:"…"``, ``year:2024``).
Enter opens the selected (or first) result; Up and Down move through the results.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument, QTextOption
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from archive.i18n import current_language, ntr, tr
from archive.kinds import KIND_LABELS
from archive.text.dates import format_partial_date
from desktop.gui.appearance import direction_mark
from desktop.gui.record_page import content_direction
from desktop.gui.workspace import Workspace

DEBOUNCE_MS = 120
RESULT_LIMIT = 50
RESULT_LAYOUT_BATCH = 8
HIGHLIGHT_COLOUR = "#ffe08a"
HIGHLIGHT_TEXT_COLOUR = "#202020"
HIGHLIGHT_STYLE = f"background-color:{HIGHLIGHT_COLOUR};color:{HIGHLIGHT_TEXT_COLOUR}"
CONTEXT_COLOUR = "#666666"  # a result's kind, speaker, event and date, beside its title
HIT_ROLE = Qt.ItemDataRole.UserRole + 20
SEARCH_KINDS = ("quote", "statistic", "session", "event", "person", "source")


def snippet_html(snippet: Any) -> str:
    """The snippet's text, escaped, with its highlight spans marked."""
    pieces, position = [], 0
    for start, end in snippet.highlights:
        pieces.append(html.escape(snippet.text[position:start]))
        marked = html.escape(snippet.text[start:end])
        # Dark on the pale mark even on the selected row, whose text is painted white.
        pieces.append(f'<span style="{HIGHLIGHT_STYLE}">{marked}</span>')
        position = end
    pieces.append(html.escape(snippet.text[position:]))
    return "".join(pieces)


def hit_html(hit: Any) -> str:
    # A mark of the interface's direction around each separator: Arabic names side by side in an
    # English line would otherwise run together into one right-to-left block, out of order.
    mark = direction_mark()
    separator = f"{mark} · {mark}"
    # The date in words ("17 سبتمبر 2025"): "2025-09-17" after Arabic names is laid out by the
    # bidi rules as "17-09-2025" in the Arabic interface.
    when = format_partial_date(hit.date or hit.year, current_language()) if hit.date or hit.year else ""
    context = separator.join(html.escape(str(part)) for part in (
        tr(KIND_LABELS.get(hit.kind, hit.kind)), hit.speaker_name, hit.event_name, when) if part)
    # A session or a figure is often its own text: then the title carries the highlights and
    # the row does not say the same words twice.
    own_text = hit.snippet.text.strip() == hit.title.strip()
    title = snippet_html(hit.snippet) if own_text else html.escape(hit.title)
    heading = f'<div><b>{title}</b>{mark}&nbsp;&nbsp;<span class="context">{context}{mark}</span></div>'
    if own_text:
        return heading
    return f'{heading}<div dir="{content_direction(hit.snippet.text)}">{snippet_html(hit.snippet)}</div>'


class HitListModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.hits: list[Any] = []

    def set_hits(self, hits) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit_html(hit)
        if role == HIT_ROLE:
            return hit
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{hit.title}: {hit.snippet.text}"
        return None


class HtmlDelegate(QStyledItemDelegate):
    """Draws each result's rich text (bold title, highlighted words) in the layout direction."""

    CACHE_LIMIT = 400

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        # Laying out rich Arabic text is the costly part of showing results: each row's document
        # is made once per width and reused by sizeHint and paint (and while scrolling).
        self._documents: dict[tuple[str, int, int, bool], QTextDocument] = {}

    def _document(self, option: QStyleOptionViewItem, text: str) -> QTextDocument:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        key = (text, option.rect.width(), int(option.direction.value), selected)
        document = self._documents.get(key)
        if document is None:
            if len(self._documents) >= self.CACHE_LIMIT:
                self._documents.clear()
            document = self._documents[key] = self._make_document(option, text, selected)
        return document

    def _make_document(self, option: QStyleOptionViewItem, text: str, selected: bool = False) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        # The context is grey beside the title, and on the selected row as light as its text: grey on
        # the selection's blue could hardly be read.
        context = option.palette.highlightedText().color().name() if selected else CONTEXT_COLOUR
        document.setDefaultStyleSheet(f".context {{ color: {context}; }}")
        text_option = QTextOption()
        text_option.setTextDirection(option.direction)
        document.setDefaultTextOption(text_option)
        document.setHtml(text)
        document.setTextWidth(max(100, option.rect.width() - 8))
        return document

    def paint(self, painter, option, index) -> None:
        self.initStyleOption(option, index)
        text = option.text
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = self._document(option, text)
        painter.save()
        painter.translate(option.rect.left() + 4, option.rect.top() + 3)
        context = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(QPalette.ColorRole.Text, option.palette.highlightedText().color())
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        self.initStyleOption(option, index)
        width = option.widget.viewport().width() if option.widget else 600
        option.rect.setWidth(width)
        document = self._document(option, option.text)
        return QSize(width, int(document.size().height()) + 6)


class SearchPanel(QWidget):
    """Search box, filters and results; emits ``sig_open(kind, id)``."""

    sig_open = Signal(str, int)
    sig_results_shown = Signal(object)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._generation = 0
        self._shown_generation = 0
        self._open_on_answer = 0  # the search whose first result Enter asked for before its answer came
        self.last_results: Any = None
        self.box = QLineEdit(placeholderText=tr("Search quotes, figures, people, events… (Ctrl+K)"))
        self.box.setClearButtonEnabled(True)
        self.box.installEventFilter(self)
        self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_search)
        self.box.textChanged.connect(lambda _text: self.timer.start())
        self.box.returnPressed.connect(self.open_current)
        self.kind_filter = self._combo(tr("All kinds"))
        for kind in SEARCH_KINDS:
            self.kind_filter.addItem(tr(KIND_LABELS[kind]), kind)
        self.event_filter = self._combo(tr("Any event"))
        self.speaker_filter = self._combo(tr("Any speaker"))
        self.year_filter = self._combo(tr("Any year"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)  # the "did you mean" suggestion is a link
        self.status.linkActivated.connect(lambda _link: self.use_suggestion())
        self.model = HitListModel(self)
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setItemDelegate(HtmlDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        # Rows are laid out a few at a time between events: a page of long Arabic snippets laid out
        # at once would hold the GUI thread for tens of milliseconds while the officer types.
        self.results.setLayoutMode(QListView.LayoutMode.Batched)
        self.results.setBatchSize(RESULT_LAYOUT_BATCH)
        # Rows are as tall as their text at the viewport's width: a scroll bar that came and went
        # with the layout changed that width and restarted the layout, again and again, and a
        # page of results (more than fit) was never drawn. The bar stays, so the width holds.
        self.results.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.results.activated.connect(self._open_index)
        self._build_layout()
        workspace.sig_search_state.connect(self._search_state_changed)
        workspace.sig_index_progress.connect(self.show_index_progress)
        self._search_state_changed(workspace.search_state)

    def _combo(self, any_label: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(any_label, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(10)
        combo.activated.connect(lambda _index: self.run_search())
        return combo

    def _build_layout(self) -> None:
        filters = QHBoxLayout()
        for label, combo in ((tr("Kind"), self.kind_filter), (tr("Event"), self.event_filter),
                             (tr("Speaker"), self.speaker_filter), (tr("Year"), self.year_filter)):
            caption = QLabel(label)
            caption.setBuddy(combo)
            filters.addWidget(caption)
            filters.addWidget(combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)  # the box itself is placed by the main window, above every page
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)

    # --- running a search ------------------------------------------------------------------

    def query_text(self) -> str:
        """The typed text plus the chosen filters, in the query language of ``search.query``."""
        parts = [self.box.text().strip()]
        for name, combo in (("event", self.event_filter), ("speaker", self.speaker_filter)):
            label = combo.currentData()
            if label:
                parts.append(f'{name}:"{label}"')
        if self.year_filter.currentData():
            parts.append(f"year:{self.year_filter.currentData()}")
        return " ".join(part for part in parts if part)

    def run_search(self) -> None:
        self.timer.stop()
        text = self.query_text()
        if self.workspace.search_state != "ready" or not text:
            self._show(self._generation, None)
            return
        self._generation += 1
        generation = self._generation
        kind = self.kind_filter.currentData()
        self.workspace.search(text, kind, RESULT_LIMIT, lambda results: self._show(generation, results), owner=self)

    def _show(self, generation: int, results: Any) -> None:
        if generation < self._shown_generation:
            return  # an older answer arriving late
        self._shown_generation = generation
        self.last_results = results
        self.model.set_hits(results.hits if results is not None else ())
        if results is not None and self.results.currentIndex().row() < 0 and results.hits:
            self.results.setCurrentIndex(self.model.index(0))
        self._fill_filters(results)
        self.status.setText(self._status_text(results))
        self.sig_results_shown.emit(results)
        if self._open_on_answer and generation >= self._open_on_answer:
            self._open_on_answer = 0
            if results is not None and results.hits and generation == self._generation:
                self._open_index(self.model.index(0))

    def use_suggestion(self) -> None:
        """Search for the "did you mean" suggestion: it replaces the typed words (filters stay)."""
        results = self.last_results
        if results is None or not results.did_you_mean:
            return
        suggestion = results.did_you_mean
        chosen_filters = self.query_text()[len(self.box.text().strip()):]
        if chosen_filters and suggestion.endswith(chosen_filters):
            suggestion = suggestion[: len(suggestion) - len(chosen_filters)]
        self.box.setText(suggestion.strip())
        self.run_search()

    def _status_text(self, results: Any) -> str:
        """The line above the results, as rich text (the suggestion is a link that searches it)."""
        if self.workspace.search_state == "opening":
            return html.escape(tr("Preparing the search index…"))
        if self.workspace.search_state == "unavailable":
            return html.escape(tr("Search is not available for this archive."))
        if results is None:
            return html.escape(tr("Type a word, a name or a figure to search."))
        if results.still_typing:  # "الت": not "0 results" before the word is there
            return html.escape(results.note)
        text = ntr("{n} result", "{n} results", results.total)
        if results.note:
            text = f"{text} — {results.note}"
        text = html.escape(text)
        if results.did_you_mean:
            link = f'<a href="suggestion">{html.escape(results.did_you_mean)}</a>'
            text += " — " + html.escape(tr("Did you mean: {suggestion}", suggestion="\x00")).replace("\x00", link)
        return text

    def _fill_filters(self, results: Any) -> None:
        facets = results.facets if results is not None else {}
        for name, combo in (("event", self.event_filter), ("speaker", self.speaker_filter), ("year", self.year_filter)):
            if combo.currentData():
                continue  # keep the officer's choice (and its list) while it is in force
            first = combo.itemText(0)
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, None)
            for facet in facets.get(name, ()):
                value = facet.value if name == "year" else facet.label
                # The count in words, as Arabic says it ("منتدى التواصل · 3 نتائج"), never "(3)".
                count = ntr("{n} result", "{n} results", facet.count)
                combo.addItem(f"{facet.label}{direction_mark()} · {count}", value)
            combo.blockSignals(False)

    def _search_state_changed(self, state: str) -> None:
        if state == "ready" and self.query_text():
            self.run_search()
        else:
            self.status.setText(self._status_text(self.last_results))

    def show_index_progress(self, done: int, total: int) -> None:
        """While the index is being built: how far it has come (search works again when it is done)."""
        if self.workspace.search_state == "opening" and total:
            self.status.setText(html.escape(tr("Building the search index from the archive: {percent}%",
                                               percent=done * 100 // total)))

    # --- opening and keys --------------------------------------------------------------------

    def focus_box(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def open_current(self) -> None:
        """Enter: open the chosen result of what is typed; when its answer is still on the way
        (the search process answers later), open its first result when it comes, never one of
        the query before it still on screen."""
        if self.timer.isActive():
            self.run_search()
        if self._shown_generation < self._generation:
            self._open_on_answer = self._generation
            return
        index = self.results.currentIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0)
        if index.isValid():
            self._open_index(index)

    def _open_index(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if hit is not None:
            self.sig_open.emit(hit.kind, hit.id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        arrow = event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)
        if watched is self.box and arrow:
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            row = max(0, min(self.model.rowCount() - 1, self.results.currentIndex().row() + step))
            if self.model.rowCount():
                self.results.setCurrentIndex(self.model.index(row))
            return True
        return super().eventFilter(watched, event)

