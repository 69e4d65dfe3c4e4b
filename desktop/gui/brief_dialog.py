"""The brief export dialog: kind, sections, language, paper; a preview of each page; save and print.

The PDF is made by ``archive.briefs`` (pure functions archive + options → PDF bytes) on the db
lane whenever a choice changes; the page in view (the first, until the officer turns to another
with "Next page" and "Previous page"; it stays in view when a choice changes) is rasterized with
PDFium (``pypdfium2``) and shown. Save writes the file and opens it with the system's PDF viewer; Print rasterizes the
pages one at a time at the printer's resolution, but never above ``PRINT_DPI_LIMIT`` (a page at
600 dpi is about 100 MB as an image; at 300 dpi a quarter of that, and text prints as sharp),
and Qt scales each page onto the paper as it paints it (no second, scaled copy).
"""

from __future__ import annotations

from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRect, QStandardPaths, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from archive.briefs.event_brief import event_brief
from archive.briefs.options import PAPERS, SECTIONS, SECTIONS_BY_KIND, BriefOptions
from archive.briefs.selection_brief import selection_brief
from archive.briefs.speaker_brief import speaker_brief
from archive.db.engine import Archive
from archive.i18n import N_, counts, current_language, ntr, tr
from archive.pdfium import PDFIUM_LOCK
from archive.services import events, people
from desktop.gui.workspace import Workspace

PREVIEW_WIDTH = 420
FILE_NAME_LIMIT = 100  # characters of a suggested file name (Windows paths are short by default)
_UNSAFE_IN_FILE_NAMES = frozenset('<>:"/\\|?*')
PRINT_DPI_LIMIT = 300
SECTION_LABELS = {"cover": N_("Cover"), "summary": N_("Summary"), "statistics": N_("Figures"), "charts": N_("Charts"),
                  "sessions": N_("Sessions"), "quotes": N_("Quotes"), "coverage": N_("Press coverage")}
QUOTE_GROUPS = (("session", N_("By session")), ("speaker", N_("By speaker")))  # an event brief's quotes
BRIEF_KINDS = (("event", N_("Event brief")), ("person", N_("Speaker brief")), ("selection", N_("Selected quotes")))


def render_page(pdf: bytes, page_number: int = 0, width: int = PREVIEW_WIDTH) -> QImage:
    """One page of a PDF as an image ``width`` pixels wide (safe off the GUI thread)."""
    import pypdfium2

    # An import may be reading a PDF on another thread (archive.pdfium): the lock until all is closed.
    with PDFIUM_LOCK, closing(pypdfium2.PdfDocument(pdf)) as document, closing(document[page_number]) as page:
        bitmap = page.render(scale=width / page.get_width(), fill_color=(255, 255, 255, 255), rev_byteorder=True)
        with closing(bitmap):
            image_format = QImage.Format.Format_RGB888 if bitmap.n_channels == 3 else QImage.Format.Format_RGBX8888
            return QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, image_format).copy()


def print_width(area_width: int, printer_dpi: int) -> int:
    """Pixels wide to render a page for a printer: its printable width, at no more than ``PRINT_DPI_LIMIT``."""
    if printer_dpi <= PRINT_DPI_LIMIT:
        return area_width
    return max(1, area_width * PRINT_DPI_LIMIT // printer_dpi)


def safe_file_name(text: str, limit: int = FILE_NAME_LIMIT) -> str:
    """``text`` as a file name any Windows folder accepts: no <>:"/\\|?* or control characters,
    no trailing dot or space, at most ``limit`` characters; "brief" when nothing is left."""
    kept = "".join(" " if char in _UNSAFE_IN_FILE_NAMES or not char.isprintable() else char for char in text)
    name = " ".join(kept.split())[:limit].rstrip(". ")
    return name or "brief"


def page_count(pdf: bytes) -> int:
    import pypdfium2

    with PDFIUM_LOCK, closing(pypdfium2.PdfDocument(pdf)) as document:
        return len(document)


def make_brief(archive: Archive, kind: str, record_ids: list[int], options: BriefOptions):
    if kind == "event":
        return event_brief(archive, record_ids[0], options)
    if kind == "person":
        return speaker_brief(archive, record_ids[0], options)
    return selection_brief(archive, record_ids, (), options)


def load_brief_choices(archive: Archive) -> dict[str, list[tuple[int, str]]]:
    return {"event": [(e.id, e.display_name) for e in events.list_events(archive)],
            "person": [(p.id, p.display_name) for p in people.list_people(archive)
                       if p.quote_count or p.statistic_count]}


class BriefDialog(QDialog):
    """Choose a brief, see its first page, save it (and open it) or print it."""

    def __init__(self, workspace: Workspace, choices: dict[str, list[tuple[int, str]]], kind: str = "event",
                 record_id: int | None = None, selected_quote_ids: list[int] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.choices = choices
        self.selected_quote_ids = list(selected_quote_ids or [])
        self.brief: Any = None
        self.setWindowTitle(tr("Brief"))
        self._generation = 0
        self.timer = QTimer(self, singleShot=True, interval=250)
        self.timer.timeout.connect(self.refresh_preview)
        self.kind = QComboBox()
        for value, label in BRIEF_KINDS:
            self.kind.addItem(tr(label), value)
        self.record = QComboBox()
        self.record.setEditable(True)
        self.record.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.language = QComboBox()
        self.language.addItem("العربية", "ar")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(self.language.findData(current_language()))
        self.paper = QComboBox()
        for paper in PAPERS:
            self.paper.addItem(paper.upper() if paper == "a4" else tr("Letter"), paper)
        self.paper.setCurrentIndex(max(0, self.paper.findData(workspace.settings.paper)))
        # What ``muntada brief`` offers too: --group-by and --title.
        self.group_by = QComboBox()
        for value, label in QUOTE_GROUPS:
            self.group_by.addItem(tr(label), value)
        self.cover_title = QLineEdit()
        self.cover_title.setPlaceholderText(tr("The name of the event or the speaker"))
        self.sections = {name: QCheckBox(tr(SECTION_LABELS[name])) for name in SECTIONS}
        self.preview = QLabel(tr("Preparing the preview…"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(PREVIEW_WIDTH, int(PREVIEW_WIDTH * 1.414))
        self.page = 0  # the page in view, from 0
        self.previous_page = QPushButton(tr("Previous page"))
        self.previous_page.clicked.connect(lambda: self.turn_page(-1))
        self.next_page = QPushButton(tr("Next page"))
        self.next_page.clicked.connect(lambda: self.turn_page(1))
        self.page_label = QLabel()
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._show_page_controls()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self._build_layout()
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self._fill_records(record_id)
        for widget in (self.record, self.language, self.paper, self.group_by):
            widget.currentIndexChanged.connect(lambda _i: self.timer.start())
        self.cover_title.textChanged.connect(lambda _text: self.timer.start())
        self.kind.currentIndexChanged.connect(lambda _i: (self._fill_records(None), self.timer.start()))
        for box in self.sections.values():
            box.setChecked(True)
            box.toggled.connect(lambda _on: self.timer.start())
        self.resize(980, 720)
        self.timer.start()

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow(tr("Kind"), self.kind)
        form.addRow(tr("Of"), self.record)
        form.addRow(tr("Language"), self.language)
        form.addRow(tr("Paper"), self.paper)
        form.addRow(tr("Quotes"), self.group_by)
        form.addRow(tr("Cover title"), self.cover_title)
        sections = QGroupBox(tr("Sections"))
        section_layout = QVBoxLayout(sections)
        for box in self.sections.values():
            section_layout.addWidget(box)
        self.save_button = QPushButton(tr("Save PDF…"))
        self.save_button.clicked.connect(self.choose_file_and_save)
        self.print_button = QPushButton(tr("Print…"))
        self.print_button.clicked.connect(self.print_brief)
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.reject)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(sections)
        left.addWidget(self.status)
        left.addStretch(1)
        for button in (self.save_button, self.print_button, close):
            left.addWidget(button)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self.preview)
        pages = QHBoxLayout()  # in the reading order: "Previous page" where a line starts
        pages.addWidget(self.previous_page)
        pages.addWidget(self.page_label, 1)
        pages.addWidget(self.next_page)
        right = QVBoxLayout()
        right.addWidget(scroll, 1)
        right.addLayout(pages)
        layout = QHBoxLayout(self)
        holder = QWidget()
        holder.setLayout(left)
        layout.addWidget(holder, 1)
        layout.addLayout(right, 2)

    def _fill_records(self, record_id: int | None) -> None:
        kind = self.kind.currentData()
        self.group_by.setEnabled(kind == "event")  # a speaker's quotes go by year, a selection in its order
        for name, box in self.sections.items():  # a box that changes nothing for this kind is not offered
            box.setVisible(name in SECTIONS_BY_KIND[kind])
        self.record.blockSignals(True)
        self.record.clear()
        if kind == "selection":
            self.record.addItem(ntr("{n} quote from the search results", "{n} quotes from the search results",
                                    len(self.selected_quote_ids)), None)
        for value, name in self.choices.get(kind, []):
            self.record.addItem(name, value)
        if record_id is not None:
            self.record.setCurrentIndex(max(0, self.record.findData(record_id)))
        self.record.blockSignals(False)

    def options(self) -> BriefOptions:
        settings = self.workspace.settings
        chosen = frozenset(name for name, box in self.sections.items() if box.isChecked())
        return BriefOptions(language=self.language.currentData(), paper=self.paper.currentData(), sections=chosen,
                            group_quotes_by=self.group_by.currentData(),
                            title=self.cover_title.text().strip() or None,
                            organisation_name=settings.organisation_name or None,
                            logo_path=Path(settings.logo_path) if settings.logo_path else None)

    def _target(self) -> tuple[str, list[int]] | None:
        kind = self.kind.currentData()
        if kind == "selection":
            return (kind, self.selected_quote_ids) if self.selected_quote_ids else None
        record_id = self.record.currentData()
        return (kind, [record_id]) if record_id is not None else None

    def refresh_preview(self) -> None:
        target = self._target()
        for button in (self.save_button, self.print_button, self.previous_page, self.next_page):
            button.setEnabled(False)  # until the new brief is shown
        if target is None:
            self.preview.setText(tr("Choose what the brief is about."))
            return
        self._generation += 1
        generation, options, archive, wanted = self._generation, self.options(), self.workspace.archive, self.page
        self.preview.setText(tr("Preparing the preview…"))

        def work():
            brief = make_brief(archive, target[0], target[1], options)
            page = min(wanted, brief.page_count - 1)  # the same page, if the new brief still has it
            return brief, page, render_page(brief.content, page)

        self.workspace.tasks.run(work, lambda result: self._show_preview(generation, *result), self._failed,
                                 owner=self)

    def turn_page(self, step: int) -> None:
        """Show the page ``step`` pages on (-1: the one before), within the brief."""
        brief = self.brief
        if brief is None:
            return
        page = max(0, min(self.page + step, brief.page_count - 1))
        if page == self.page:
            return
        self.page = page
        self._show_page_controls()
        self.workspace.tasks.run(lambda: render_page(brief.content, page),
                                 lambda image: self._show_page(brief, page, image), self._failed, owner=self)

    def _show_page(self, brief: Any, page: int, image: QImage) -> None:
        if brief is self.brief and page == self.page:  # not a page turned past, nor of a brief since replaced
            self.preview.setPixmap(QPixmap.fromImage(image))

    def _show_page_controls(self) -> None:
        total = self.brief.page_count if self.brief is not None else 0
        self.page_label.setText(tr("Page {number} of {total}", number=self.page + 1, total=total) if total else "")
        self.previous_page.setEnabled(total > 0 and self.page > 0)
        self.next_page.setEnabled(self.page < total - 1)

    def _show_preview(self, generation: int, brief: Any, page: int, image: QImage) -> None:
        if generation != self._generation:
            return
        self.brief, self.page = brief, page
        self._show_page_controls()
        self.preview.setPixmap(QPixmap.fromImage(image))
        self.status.setText("\n".join([counts.pages(brief.page_count), *brief.warnings]))
        self.save_button.setEnabled(True)
        self.print_button.setEnabled(True)

    def _failed(self, error: BaseException) -> None:
        from desktop.gui.errors import error_text

        self.preview.setText(error_text(error))

    def suggested_save_path(self) -> Path:
        """Where Save offers to write: the Documents folder, under the name of what the brief is
        about ("موجز - منتدى التواصل الحكومي الرابع.pdf"), so a new brief does not offer to
        overwrite the last one."""
        kind = self.kind.currentData()
        subject = self.record.currentText() if kind != "selection" else date.today().isoformat()
        label = dict(BRIEF_KINDS)[kind]
        name = safe_file_name(f"{tr(label)} - {subject}")
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return (Path(folder) if folder and Path(folder).is_dir() else Path.home()) / f"{name}.pdf"

    def choose_file_and_save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Save the brief"), str(self.suggested_save_path()),
                                              "PDF (*.pdf)")
        if path:
            self.save_to(Path(path), open_after=True)

    def save_to(self, path: Path, open_after: bool = False) -> None:
        """Write the previewed brief to ``path`` (and open it with the system's viewer)."""
        if self.brief is None:
            return
        self.brief.write(path)  # a place it cannot go is said in the user's words (BriefPdf.write)
        self.status.setText(tr("Saved to {path}", path=str(path)))
        if open_after:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def print_brief(self) -> None:
        if self.brief is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer) -> int:
        """Paint every page on ``printer``; returns the number of pages printed."""
        painter = QPainter(printer)
        try:
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            count = page_count(self.brief.content)
            width = print_width(area.width(), printer.resolution())
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            for number in range(count):
                if number:
                    printer.newPage()
                image = render_page(self.brief.content, number, width)
                target = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(QPoint(0, 0), target), image)
                del image  # one page in memory at a time
            return count
        finally:
            painter.end()
