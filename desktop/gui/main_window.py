"""The main window: pages (search, browse, dashboard, import) beside the record view, menus and shortcuts.

The window appears at once with empty pages; each page fills itself from the db lane. The search
box sits in a bar above the pages, always visible: typing in it shows the search page, and Ctrl+F
or Ctrl+K goes to it from anywhere. Ctrl+Z / Ctrl+Y undo and redo edits. Files
dropped anywhere on the window are imported. The window's size, splitter and page are
remembered (``window.ini`` in the data folder).
"""

from __future__ import annotations

import gc
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSplitter, QStyle, QTabWidget, QToolBar

from archive.i18n import N_, tr
from desktop.gui.browse import BrowsePanel
from desktop.gui.dashboard import Dashboard
from desktop.gui.errors import show_error
from desktop.gui.import_panel import ImportPanel
from desktop.gui.record_actions import RecordActions
from desktop.gui.record_view import RecordView
from desktop.gui.search_panel import SearchPanel
from desktop.gui.settings_dialog import SettingsDialog
from desktop.gui.sync_status import SyncStatus, sync_asked
from desktop.gui.team_sync import SyncController
from desktop.gui.workspace import Workspace

PAGES = ("search", "browse", "dashboard", "import")
STATUS_PATH_MARGIN = 12  # pixels on each side of the archive's path in the status bar
SYNC_NOTICE_MS = 20_000  # how long a "Sync now" that could not reach the server is said in the status bar
NEW_KINDS = (("event", N_("New event…")), ("session", N_("New session…")), ("person", N_("New person…")),
             ("organisation", N_("New organisation…")), ("quote", N_("New quote…")), ("statistic", N_("New figure…")),
             ("source", N_("New source…")), ("series", N_("New series…")))


def warm_up_imports() -> None:
    import importlib

    for name in ("desktop.gui.editors", "desktop.gui.review", "desktop.gui.brief_dialog", "archive.importing.service"):
        importlib.import_module(name)


def freeze_loaded_objects(*_args) -> None:
    """Exempt what the pages have loaded from Python's cyclic garbage collector.

    With an archive of 100k records, a full collection walking every object of the open pages
    held the GUI thread for 200-400 ms now and then while the officer typed. The pages' records
    are long-lived (freed by reference counting when a page reloads), so later collections need
    only look at what is new. The young generations are collected first (a few milliseconds), so
    fresh garbage is not frozen with them. Still needed once edits refresh only their rows
    (issue 13): typing while editing, unfrozen collections held the GUI thread 2.9-4.3 s, frozen
    0.13-0.27 s (``bench/refresh.py``, docs/desktop.md).
    """
    gc.collect(1)
    gc.freeze()


def window_settings(path: Path) -> QSettings:
    """The remembered window layout, in ``path`` (``Locations.window_state``)."""
    return QSettings(str(path), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    """The one main window of an open archive."""

    sig_settings_saved = Signal(object)  # Settings
    sig_restore_requested = Signal(object)  # Path of a backup to put back (from the Settings dialog)

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        workspace.tasks.error_handler = lambda error: show_error(self, error)
        self.setWindowTitle(tr("Muntada — {name}", name=workspace.archive_path.name))
        self.setAcceptDrops(True)
        self.search = SearchPanel(workspace)
        self.browse = BrowsePanel(workspace)
        self.dashboard = Dashboard(workspace)
        self.importer = ImportPanel(workspace)
        self.record_view = RecordView(workspace)
        self.actions_helper = RecordActions(workspace, self)
        self.pages = QTabWidget()
        for widget, label in ((self.search, tr("Search")), (self.browse, tr("Browse")),
                              (self.dashboard, tr("Dashboard")), (self.importer, tr("Import"))):
            self.pages.addTab(widget, label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.pages)
        self.splitter.addWidget(self.record_view)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self._make_search_bar()
        self._connect()
        self._make_menus()
        self._make_status_bar()
        self.restore_layout()

    def _make_search_bar(self) -> None:
        """The search box, above the pages, whatever page is shown; a badge when the archive is the sample."""
        bar = QToolBar(tr("Search"))
        bar.setObjectName("search-bar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.toggleViewAction().setEnabled(False)
        bar.addWidget(self.search.box)
        self.sample_badge = QLabel(tr("Sample archive: invented data for trying the app"))
        self.sample_badge.setObjectName("sample-badge")
        self.sample_badge.setStyleSheet(
            "QLabel#sample-badge { background: #fff3cd; color: #664d03; border: 1px solid #e0c46c;"
            " border-radius: 4px; padding: 2px 8px; margin: 0 6px; }")
        self.sample_badge_action = bar.addWidget(self.sample_badge)
        self.sample_badge_action.setVisible(False)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.search.box.textEdited.connect(lambda _text: self.pages.setCurrentWidget(self.search))

    def _show_archive_kind(self, data) -> None:
        self.sample_badge_action.setVisible(bool(data.is_sample))

    def _connect(self) -> None:
        for panel in (self.search, self.browse):
            panel.sig_open.connect(self.open_record)
        for source in (self.browse, self.record_view):
            source.sig_action.connect(self.actions_helper.run)
        self.actions_helper.sig_saved.connect(
            lambda kind, record: self.open_record(kind, record.id)
            if record is not None and hasattr(record, "id") else None)
        self.importer.sig_review.connect(self.actions_helper.review)
        self.dashboard.sig_loaded.connect(self._show_archive_kind)
        self.dashboard.sig_loaded.connect(freeze_loaded_objects)
        self.browse.sig_loaded.connect(freeze_loaded_objects)
        self.workspace.undo_stack.sig_changed.connect(self._update_undo_actions)
        self.workspace.tasks.sig_busy_changed.connect(self._show_busy)

    def start_loading(self) -> None:
        """Fill every page from the (open) archive in the background and open the search index."""
        if self.workspace.archive.read_only:
            self.statusBar().addPermanentWidget(QLabel(tr("Read only")))
        self.browse.reload()
        self.dashboard.reload()
        self.importer.reload()
        self.workspace.open_search_index()
        SyncController.of(self.workspace).start()  # with a team server: sync now and every few minutes
        # Load the dialogs' code (briefs, import, editors) in the background before it is first needed.
        self.workspace.tasks.run(warm_up_imports, lane="render")

    # --- menus and shortcuts ------------------------------------------------------------------

    def _action(self, menu, label: str, handler, shortcuts=()) -> QAction:
        action = QAction(label, self)
        action.triggered.connect(lambda _checked=False: handler())
        if shortcuts:
            action.setShortcuts([QKeySequence(shortcut) for shortcut in shortcuts])
        menu.addAction(action)
        return action

    def _make_menus(self) -> None:
        archive_menu = self.menuBar().addMenu(tr("&Archive"))
        self._action(archive_menu, tr("Import files…"), self._import_files, ("Ctrl+O",))
        self._action(archive_menu, tr("Paste an article…"), self._paste_article)
        self._action(archive_menu, tr("Brief…"), lambda: self.actions_helper.brief(None, None), ("Ctrl+P",))
        self._action(archive_menu, tr("Brief of the quotes found…"), self.brief_of_search_results)
        archive_menu.addSeparator()
        self._action(archive_menu, tr("Sync with the team server"),
                     lambda: sync_asked(SyncController.of(self.workspace), self), ("F9",))
        self._action(archive_menu, tr("Sync conflicts…"), self.show_conflicts)
        self._action(archive_menu, tr("Settings…"), self.open_settings, ("Ctrl+,",))
        archive_menu.addSeparator()
        self._action(archive_menu, tr("Quit"), self.close, (QKeySequence.StandardKey.Quit,))
        edit_menu = self.menuBar().addMenu(tr("&Edit"))
        self.undo_action = self._action(edit_menu, tr("Undo"), self.workspace.undo_stack.undo, ("Ctrl+Z",))
        self.redo_action = self._action(edit_menu, tr("Redo"), self.workspace.undo_stack.redo,
                                        ("Ctrl+Y", "Ctrl+Shift+Z"))
        edit_menu.addSeparator()
        for kind, label in NEW_KINDS:
            self._action(edit_menu, tr(label), lambda k=kind: self.actions_helper.edit(k, None))
        go_menu = self.menuBar().addMenu(tr("&Go"))
        # Ctrl+1 too: the pages after it are Ctrl+2, 3 and 4, and an officer tries the first one.
        self._action(go_menu, tr("Search"), self.focus_search, ("Ctrl+F", "Ctrl+K", "Ctrl+1"))
        pages = ((tr("Browse"), "Ctrl+2"), (tr("Dashboard"), "Ctrl+3"), (tr("Import"), "Ctrl+4"))
        for index, (label, key) in enumerate(pages, start=1):
            self._action(go_menu, label, lambda i=index: self.pages.setCurrentIndex(i), (key,))
        self._action(go_menu, tr("Back"), self.record_view.go_back, ("Alt+Left",))
        help_menu = self.menuBar().addMenu(tr("&Help"))
        self._action(help_menu, tr("About Muntada"), self._about)
        self._update_undo_actions()

    def _make_status_bar(self) -> None:
        self.archive_label = QLabel(str(self.workspace.archive_path))
        # The path (left to right) starts where the bar is read from, the right in Arabic: it was drawn at
        # the far left, flush against the sync status. The margin keeps a path cut for want of room apart too.
        self.archive_label.setAlignment(QStyle.visualAlignment(self.layoutDirection(), Qt.AlignmentFlag.AlignLeading)
                                        | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
        self.archive_label.setContentsMargins(STATUS_PATH_MARGIN, 0, STATUS_PATH_MARGIN, 0)
        self.busy_label = QLabel()
        self.statusBar().addWidget(self.archive_label, 1)
        self.statusBar().addPermanentWidget(self.busy_label)
        SyncController.of(self.workspace).attach(self)
        self.sync_status = SyncStatus(SyncController.of(self.workspace))
        self.sync_status.sig_show_conflicts.connect(self.show_conflicts)
        self.sync_status.sig_notice.connect(lambda text: self.statusBar().showMessage(text, SYNC_NOTICE_MS))
        self.statusBar().addPermanentWidget(self.sync_status)
        self.conflicts_view = None

    def _update_undo_actions(self) -> None:
        stack = self.workspace.undo_stack
        self.undo_action.setEnabled(stack.can_undo())
        self.redo_action.setEnabled(stack.can_redo())
        self.undo_action.setText(tr("Undo {action}", action=stack.undo_label()) if stack.can_undo() else tr("Undo"))
        self.redo_action.setText(tr("Redo {action}", action=stack.redo_label()) if stack.can_redo() else tr("Redo"))

    def _show_busy(self, busy: bool) -> None:
        self.busy_label.setText(tr("Working…") if busy else "")

    # --- navigation -----------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.pages.setCurrentWidget(self.search)
        self.search.focus_box()

    def open_record(self, kind: str, record_id: int) -> None:
        self.record_view.show_record(kind, record_id)

    def show_page(self, name: str) -> None:
        self.pages.setCurrentIndex(PAGES.index(name))

    def brief_of_search_results(self) -> None:
        results = self.search.last_results
        quote_ids = [hit.id for hit in results.hits if hit.kind == "quote"] if results is not None else []
        self.actions_helper.brief("selection", None, quote_ids)

    def _import_files(self) -> None:
        self.show_page("import")
        self.importer.choose_files()

    def _paste_article(self) -> None:
        self.show_page("import")
        self.importer.paste_text()

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.workspace, self)
        dialog.accepted.connect(lambda: self.sig_settings_saved.emit(dialog.result_settings))
        dialog.sig_restore_requested.connect(self.sig_restore_requested.emit)
        self.actions_helper._open(dialog)

    def show_conflicts(self) -> None:
        """The conflicts view of the team sync (one, not modal)."""
        from desktop.gui.conflicts_view import ConflictsView

        if self.conflicts_view is None:
            self.conflicts_view = ConflictsView(self.workspace, self)
        self.conflicts_view.reload()
        self.conflicts_view.show()
        self.conflicts_view.raise_()

    def _about(self) -> None:
        QMessageBox.about(self, tr("About Muntada"), tr("Muntada: an offline archive of forum proceedings."))

    # --- drag and drop, layout ---------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.show_page("import")
            self.importer.import_paths(paths)

    def restore_layout(self) -> None:
        settings = window_settings(self.workspace.locations.window_state)
        geometry = settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        splitter = settings.value("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        page = settings.value("page")
        if page is not None:
            self.pages.setCurrentIndex(int(page))

    def save_layout(self) -> None:
        settings = window_settings(self.workspace.locations.window_state)
        settings.setValue("geometry", self.saveGeometry())
        settings.setValue("splitter", self.splitter.saveState())
        settings.setValue("page", self.pages.currentIndex())
        settings.sync()

    def closeEvent(self, event) -> None:
        SyncController.of(self.workspace).cancel()  # a running sync stops at its next step; its commits stay
        self.save_layout()
        super().closeEvent(event)
