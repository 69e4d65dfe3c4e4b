"""Importing articles: drop files or paste text, watch progress (and cancel), then review the proposals.

Files are read and their proposals stored by ``archive.importing.service`` on the db lane, with
progress reported per file and a cancel that leaves the remaining files untouched. Each
imported article waits in the list of pending reviews until the officer opens it in the
``ReviewDialog`` (``desktop.gui.review``) and saves or rejects its proposals.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from archive.i18n import join_list, ntr, tr
from archive.i18n.counts import figures, quotes
from desktop.gui.appearance import direction_mark, in_reading_direction, reading_font
from desktop.gui.workspace import Workspace


class PasteDialog(QDialog):
    """Paste an article's text (and give it a name) to import it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Paste an article"))
        self.name = QLineEdit(placeholderText=tr("Name (for example the outlet and date)"))
        self.text = QPlainTextEdit()
        self.text.setFont(reading_font(12))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(700, 560)


class ImportPanel(QWidget):
    """Drop zone, paste, progress with cancel, and the articles waiting for review."""

    sig_progress = Signal(int, int, str)
    sig_review = Signal(int)  # source id to review
    sig_imported = Signal(list)  # ImportResult list

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._cancel = threading.Event()
        self._last_folder: Path | None = None  # where the last import came from
        self.setAcceptDrops(True)
        drop = QLabel(tr("Drop articles here (text, Word, web page or PDF files), or:"))
        drop.setAlignment(Qt.AlignmentFlag.AlignCenter)
        drop.setWordWrap(True)
        drop.setMinimumHeight(90)
        drop.setFrameShape(QFrame.Shape.StyledPanel)
        choose = QPushButton(tr("Choose files…"))
        choose.clicked.connect(self.choose_files)
        paste = QPushButton(tr("Paste text…"))
        paste.clicked.connect(self.paste_text)
        self.progress = QProgressBar()
        self.progress_label = QLabel()
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.clicked.connect(self._cancel.set)
        self.report = QLabel()
        self.report.setWordWrap(True)
        self.pending = QListWidget()
        self.pending.itemActivated.connect(lambda item: self.sig_review.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.nothing_waiting = QLabel(tr("No article is waiting for review. Imported articles wait here until "
                                         "you accept or reject what was found in them."))
        self.nothing_waiting.setWordWrap(True)
        self.nothing_waiting.setEnabled(False)  # drawn in the disabled (grey) colour: a note, not a control
        self.nothing_waiting.hide()  # until the first load says whether anything waits
        self.review_button = QPushButton(tr("Review…"))
        self.review_button.clicked.connect(self._review_current)
        self.sig_progress.connect(self._show_progress)
        buttons = QHBoxLayout()
        buttons.addWidget(choose)
        buttons.addWidget(paste)
        buttons.addStretch(1)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(drop)
        layout.addLayout(buttons)
        layout.addWidget(self.progress_label)
        layout.addLayout(progress_row)
        layout.addWidget(self.report)
        layout.addWidget(QLabel(tr("Articles waiting for review:")))
        layout.addWidget(self.nothing_waiting)
        layout.addWidget(self.pending, 1)
        layout.addWidget(self.review_button, 0, Qt.AlignmentFlag.AlignTrailing)
        self._set_running(False)
        workspace.sig_changes.connect(self._changed)  # a method: the connection ends with the panel

    # --- pending reviews --------------------------------------------------------------------

    def _changed(self, changes) -> None:
        if changes.touches("import_review") or changes.made_or_removed("source"):
            self.reload()

    def reload(self) -> None:
        archive = self.workspace.archive

        def pending():
            from archive.importing import service as importing

            return importing.pending_reviews(archive)

        self.workspace.tasks.run(pending, self._show_pending)

    def _show_pending(self, reviews) -> None:
        self.pending.clear()
        for review in reviews:
            counts = review.counts
            found = join_list([quotes(counts.get("quotes", 0) + counts.get("further_quotes", 0)),
                               figures(counts.get("statistics", 0))])
            # The name is closed by the interface's direction mark too: a Latin file name would
            # otherwise turn the line left to right, or take the count after it ("a.txt — 4").
            name = in_reading_direction(review.title or review.file_name or "") + direction_mark()
            text = f"{name} — {found}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, review.source_id)
            self.pending.addItem(item)
        self.nothing_waiting.setVisible(not reviews)
        self.review_button.setEnabled(bool(reviews))

    def _review_current(self) -> None:
        item = self.pending.currentItem() or self.pending.item(0)
        if item is not None:
            self.sig_review.emit(item.data(Qt.ItemDataRole.UserRole))

    # --- importing -----------------------------------------------------------------------------

    def choose_files(self) -> None:
        from archive.importing.readers import SUPPORTED_SUFFIXES

        patterns = " ".join(f"*{suffix}" for suffix in sorted(SUPPORTED_SUFFIXES))
        paths, _ = QFileDialog.getOpenFileNames(self, tr("Choose articles"), str(self.start_folder()),
                                                tr("Articles ({patterns})", patterns=patterns))
        if paths:
            self.import_paths([Path(path) for path in paths])

    def start_folder(self) -> Path:
        """Where choosing files opens: the folder of the last import, else Documents, else home
        (never the program's working folder, which on Windows is where it is installed)."""
        if self._last_folder is not None and self._last_folder.is_dir():
            return self._last_folder
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    def paste_text(self) -> None:
        dialog = PasteDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.text.toPlainText().strip():
            self.import_text(dialog.text.toPlainText(), dialog.name.text().strip() or tr("pasted text"))

    def import_text(self, text: str, name: str) -> None:
        archive = self.workspace.archive
        self._set_running(True)

        def work(_archive):
            from archive.importing import service as importing
            from archive.importing.readers import read_pasted

            return [importing.import_document(archive, read_pasted(text, name))]

        self.workspace.change("source", work, self._imported, self._failed, owner=self)

    def import_paths(self, paths: list[Path]) -> None:
        """Import files (folders are walked) with progress; the officer can cancel between files."""
        if paths:
            self._last_folder = paths[0] if paths[0].is_dir() else paths[0].parent
        archive = self.workspace.archive
        self._cancel.clear()
        self._set_running(True)
        progress = self.sig_progress.emit
        cancel = self._cancel.is_set

        def work(_archive):
            from archive.importing import service as importing

            return importing.import_files(archive, paths, progress=progress, cancel=cancel)

        self.workspace.change("source", work, self._imported, self._failed, owner=self)

    def _show_progress(self, done: int, total: int, name: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.progress_label.setText(tr("Imported {done} of {total}: {name}", done=done, total=total, name=name))

    def _imported(self, results) -> None:
        self._set_running(False)
        imported = [result for result in results if result.source_id is not None and not result.duplicate]
        duplicates = [result for result in results if result.duplicate]
        skipped = [result for result in results if result.skipped]
        lines = [" ".join([ntr("{n} article imported.", "{n} articles imported.", len(imported)),
                           *([ntr("{n} was already in the archive.", "{n} were already in the archive.",
                                  len(duplicates))]
                             if duplicates else []),
                           *([ntr("{n} was skipped.", "{n} were skipped.", len(skipped))] if skipped else [])])]
        lines += [tr("{file}: skipped: {reason}", file=result.file, reason=result.skipped) for result in skipped]
        lines += [tr("{file}: warning: {warning}", file=result.file, warning=warning)
                  for result in results for warning in result.warnings]  # e.g. damaged bytes replaced
        self.report.setText("\n".join(lines))
        self.sig_imported.emit(list(results))
        if len(imported) == 1:
            self.sig_review.emit(imported[0].source_id)

    def _failed(self, error: BaseException) -> None:
        self._set_running(False)
        self.workspace.tasks.error_handler(error)

    def _set_running(self, running: bool) -> None:
        for widget in (self.progress, self.cancel_button, self.progress_label):
            widget.setVisible(running)
        if running:
            self.progress.setValue(0)
            self.progress_label.clear()

    # --- drag and drop ----------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)
