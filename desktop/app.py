"""The desktop application: start-up, first run, one running copy, language switches, shutdown.

``run_app(context)`` is what ``muntada`` with no command calls. It creates the Qt application
in the saved language (Arabic, right to left, by default), refuses to start a second copy on
the same data folder (``QLockFile``), creates the sample archive on the very first run (with
a progress dialog), opens the archive, shows the main window at once and lets every page fill
itself in the background. The ``MuntadaApp`` object owns the open ``Archive``.

Backups follow ``Settings.backup_every_days``: when the newest is that old, one is written after
the archive opens and again when the window is closed (``archive.backups``), both on the db lane:
the window waits for the second before it closes (``CloseGuard``). A restore asked for in Settings
closes the archive and ends the search process (which has it open too), puts the backup back on a
worker thread (the current archive is kept aside) and opens it again; the restored archive's new
generation makes the index rebuild itself.
Log records go to ``muntada.log`` in the data folder, never to a terminal.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QLockFile, QObject, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QProgressDialog

from archive.errors import MuntadaError
from archive.i18n import tr
from archive.location import Locations, data_folder
from archive.private_files import make_private_folder
from archive.settings import Settings
from desktop.gui.appearance import apply_language
from desktop.gui.errors import error_text, inform, install_excepthook, show_error
from desktop.gui.tasks import TaskRunner
from desktop.log_file import install_log_file

if TYPE_CHECKING:  # imported when the archive opens, after the window is shown
    from desktop.gui.workspace import Workspace

log = logging.getLogger(__name__)
WINDOW_ICON = Path(__file__).resolve().parent / "gui" / "muntada-icon.svg"
WRITING, WRITTEN = "writing", "written"  # the backup due on close
CLOSE_PROGRESS_DELAY_MS = 400  # a backup on close shorter than this shows no progress


def qt_application(language: str) -> QApplication:
    """The QApplication (created once), in ``language``."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Muntada")
    app.setOrganizationName("Muntada")
    app.setWindowIcon(QIcon(str(WINDOW_ICON)))  # the same drawing as the Windows program's icon
    apply_language(app, language)
    return app


def first_run_needs_sample(archive_path: Path, is_default: bool) -> bool:
    """A sample archive is made only for the default location, and only when nothing is there yet."""
    return is_default and not archive_path.exists()


class CloseGuard(QObject):
    """Holds the main window's close until the backup due on close is written (``MuntadaApp.may_close``)."""

    def __init__(self, app: MuntadaApp) -> None:
        super().__init__()
        self.app = app

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and not self.app.may_close():
            event.ignore()
            return True
        return False


class MuntadaApp:
    """The running app: the Qt application, the open workspace and its main window."""

    def __init__(self, qt_app: QApplication, settings: Settings, archive_path: Path, is_default_archive: bool,
                 settings_file: Path | None = None, synchronous: bool = False,
                 locations: Locations | None = None) -> None:
        self.qt_app = qt_app
        self.settings = settings
        # Where everything goes (resolved once from the command line; --portable reaches every part).
        self.locations = locations or Locations(data_folder=data_folder(), archive=archive_path,
                                                is_default_archive=is_default_archive)
        self.settings_file = settings_file or self.locations.settings
        self.synchronous = synchronous
        self.workspace = None
        self.window = None
        self.lock: QLockFile | None = None
        self.failed = False
        self.event_loop_running = False  # exit() before exec() would end every later event loop
        self._close_guard = CloseGuard(self)
        self._close_backup: str | None = None  # the backup due on close: None, WRITING, WRITTEN
        self._close_progress: QProgressDialog | None = None
        self._closing = False  # inside may_close (a synchronous backup ends there)
        # A restore's Qt objects, kept here so that the GUI thread deletes them: a QObject whose last reference a
        # worker thread drops is deleted on that thread, and its timers then fire on freed memory (a crash).
        self._restore_tasks: TaskRunner | None = None
        self._restore_progress: QProgressDialog | None = None
        self._retired_workspace: Any = None

    # --- one running copy --------------------------------------------------------------------

    @property
    def archive_path(self) -> Path:
        return self.locations.archive

    @property
    def is_default_archive(self) -> bool:
        return self.locations.is_default_archive

    def acquire_lock(self) -> bool:
        """Take the data folder's lock; False (after telling the user) when another copy holds it."""
        folder = self.locations.lock_folder
        if self.is_default_archive:
            make_private_folder(folder)
        else:
            folder.mkdir(parents=True, exist_ok=True)
        self.lock = QLockFile(str(self.locations.lock_file))
        self.lock.setStaleLockTime(0)
        if self.lock.tryLock(200):
            return True
        if self.lock.error() != QLockFile.LockError.LockFailedError:
            # No lock file can be made there (a read-only folder), so no other copy holds one: the
            # archive opens read-only; two copies on it are harmless.
            log.warning("no lock file can be made in %s; starting without one", folder)
            self.lock = None
            return True
        inform(None, tr("Muntada is already running with this archive. Switch to the open window "
                        "(or close it before starting Muntada again)."))
        return False

    # --- start-up -----------------------------------------------------------------------------

    def start(self) -> None:
        """Create the sample archive when needed, then open the archive and show the window."""
        if first_run_needs_sample(self.archive_path, self.is_default_archive):
            self._create_sample_then_open()
        else:
            self.open_and_show()

    def _create_sample_then_open(self) -> None:
        from archive.demo import create_sample_archive

        make_private_folder(self.archive_path.parent)
        progress = QProgressDialog(tr("Preparing the sample archive for your first visit…"), "", 0, 0)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.ApplicationModal)
        progress.setMinimumDuration(0)
        progress.show()
        tasks = TaskRunner(synchronous=self.synchronous)
        path, officer = self.archive_path, self.settings.officer_name

        def done(_result) -> None:
            progress.close()
            self.open_and_show()

        def failed(error: BaseException) -> None:
            progress.close()
            show_error(None, error)
            self.open_and_show()  # an empty archive is still usable

        tasks.run(lambda: create_sample_archive(path, officer), done, failed)

    def open_and_show(self) -> bool:
        """Show the window at once, then open the archive on the db lane and fill the pages.

        Returns False when the archive could not be opened (known at once when synchronous).
        """
        from desktop.gui.main_window import MainWindow
        from desktop.gui.workspace import Workspace

        tasks = TaskRunner(synchronous=self.synchronous)
        self.workspace = Workspace(None, self.settings, tasks, self.settings_file, archive_path=self.archive_path,
                                   locations=self.locations)
        self.window = MainWindow(self.workspace)
        self._connect_window()
        self.window.show()
        workspace = self.workspace
        self.workspace.open_archive(self.is_default_archive,
                                    lambda: self._archive_opened() if self.workspace is workspace else None,
                                    self._open_failed)
        self._start_search_process(tasks)
        return not self.failed

    def _start_search_process(self, tasks: TaskRunner) -> None:
        """Start the search process as soon as the window is shown, not once the archive is open: its
        imports and the opening of the index files (``search_worker.prepare``) then run while the app
        opens the archive. Started before the window was built, it delayed the window by 0.1-0.7 s
        on a busy 2-core machine for no gain in the first search (docs/desktop.md, "Speed").
        Not when synchronous (tests): there it would run on this thread."""
        if self.synchronous:
            return
        from desktop import search_worker

        locations = self.locations.with_archive(self.archive_path)
        tasks.run_in_process(search_worker.prepare, (str(locations.index_folder), str(locations.index_key)),
                             lambda _checked: None,
                             lambda error: log.warning("preparing the search process failed", exc_info=error))

    def _connect_window(self) -> None:
        self.window.sig_settings_saved.connect(self.apply_settings)
        self.window.sig_restore_requested.connect(self.restore_backup)
        self.window.installEventFilter(self._close_guard)

    def _archive_opened(self) -> None:
        self.window.start_loading()
        self.back_up_if_due_in_background()

    def _open_failed(self, error: BaseException) -> None:
        show_error(self.window, error)
        self.failed = True
        self.window.close()
        self.window = None
        if self.event_loop_running:
            self.qt_app.exit(2)

    # --- settings -------------------------------------------------------------------------------

    def apply_settings(self, settings: Settings) -> None:
        """Save new settings; a new language rebuilds the window, a new archive location reopens."""
        old = self.workspace.settings
        self.workspace.save_settings(settings)
        self.settings = settings
        if settings.archive_path != old.archive_path:
            self.reopen(self.locations.with_archive(settings.archive_path or None))
        elif settings.language != old.language:
            apply_language(self.qt_app, settings.language)
            self.rebuild_window()

    def rebuild_window(self) -> None:
        """Recreate the main window (after a language change: every text and the direction change)."""
        from desktop.gui.main_window import MainWindow

        old = self.window
        old.save_layout()
        self.window = MainWindow(self.workspace)
        self._connect_window()
        self.window.show()
        self.window.start_loading()
        old.hide()
        old.deleteLater()

    def reopen(self, locations: Locations) -> None:
        apply_language(self.qt_app, self.settings.language)
        if self.window is not None:
            self.window.save_layout()
            self.window.hide()
            self.window.deleteLater()
        if self.workspace is not None:
            stop_syncs(self.workspace)
            self.workspace.close()
        self.locations = locations
        self.start()

    # --- backups --------------------------------------------------------------------------------

    def back_up_if_due_in_background(self) -> None:
        """Write the scheduled backup on the db lane when one is due (after the archive opened)."""
        from archive import backups

        archive, every_days = self.workspace.archive, self.settings.backup_every_days
        self.workspace.tasks.run(lambda: backups.back_up_if_due(archive, every_days),
                                 lambda _path: None, lambda error: show_error(self.window, error))

    def back_up_if_due_now(self) -> None:
        """Write the scheduled backup before the archive closes (when one is due); a failure is logged.

        The fallback of ``shutdown`` when the window did not close through ``may_close`` (the app
        was quit another way): it runs on the GUI thread, with no window left to freeze.
        """
        if self.workspace is None or self.workspace.archive is None or self._close_backup == WRITTEN:
            return
        from archive import backups

        try:
            backups.back_up_if_due(self.workspace.archive, self.settings.backup_every_days)
        except (MuntadaError, OSError):
            log.exception("the scheduled backup on close could not be written")

    def may_close(self) -> bool:
        """Whether the window may close now. When the backup due on close is not written yet, it is
        started on the db lane (a small "Saving a backup…" progress shows if it takes a while) and
        the window closes once it is written; closing again meanwhile only shows the progress."""
        if self.workspace is None or self.workspace.archive is None or self._close_backup == WRITTEN:
            return True
        if self._close_backup is None:
            self._closing = True
            try:
                self._back_up_on_close()
            finally:
                self._closing = False
        elif self._close_progress is not None:
            self._close_progress.show()
        return self._close_backup == WRITTEN

    def _back_up_on_close(self) -> None:
        from archive import backups

        self._close_backup = WRITING
        progress = QProgressDialog(tr("Saving a backup of the archive…"), "", 0, 0, self.window)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(CLOSE_PROGRESS_DELAY_MS)  # shown only when the backup takes a while
        self._close_progress = progress
        archive, every_days, window = self.workspace.archive, self.settings.backup_every_days, self.window

        def written(_path) -> None:
            self._close_backup = WRITTEN
            progress.cancel()  # stops its timer, so it never shows after this
            progress.deleteLater()
            self._close_progress = None
            if not self._closing and window is not None and self.window is window:
                window.close()  # the close asked for before the backup

        def failed(error: BaseException) -> None:
            log.error("the scheduled backup on close could not be written", exc_info=error)
            written(None)

        self.workspace.tasks.run(lambda: backups.back_up_if_due(archive, every_days), written, failed)

    def restore_backup(self, backup: Path) -> None:
        """Close the archive, put ``backup`` back in its place (the current one kept aside), and open it
        again. The copy runs on a worker thread under a progress dialog: the app keeps painting."""
        if self.window is not None:
            self.window.save_layout()
            self.window.hide()
            self.window.deleteLater()
            self.window = None
        workspace, self.workspace = self.workspace, None
        if workspace is not None:
            stop_syncs(workspace)
            workspace.detach()
        self._retired_workspace = workspace
        progress = self._restore_progress = QProgressDialog(tr("Restoring the backup…"), "", 0, 0)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.ApplicationModal)
        progress.setMinimumDuration(0)
        progress.show()
        tasks = self._restore_tasks = TaskRunner(synchronous=self.synchronous)
        release = workspace.release if workspace is not None else None
        restore = partial(_restore_off_the_gui_thread, release, self.archive_path, backup)
        tasks.run(restore, self._restore_finished, self._restore_failed)

    def _restore_finished(self, outcome) -> None:
        """On the GUI thread: the restore's progress closes, its worker stops, the old workspace goes, and the
        archive opens again. Their Qt objects are deleted here (``deleteLater``), never by a worker thread."""
        if self._restore_progress is not None:
            self._restore_progress.close()
            self._restore_progress.deleteLater()
        if self._restore_tasks is not None:
            self._restore_tasks.shutdown()
            self._restore_tasks.deleteLater()  # not at once: this runs inside one of its own slots
        if self._retired_workspace is not None:
            self._retired_workspace.deleteLater()
        self._show_restored(outcome)

    def _restore_failed(self, error: BaseException) -> None:
        show_error(None, error)
        self._restore_finished(None)

    def _show_restored(self, outcome) -> None:
        self.open_and_show()
        if outcome is not None and self.window is not None:
            kept = str(outcome.kept_aside) if outcome.kept_aside is not None else "-"
            self.window.statusBar().showMessage(
                tr("Restored the backup {backup}. The archive as it was is kept in {path}.",
                   backup=outcome.restored_from.name, path=kept))

    def shutdown(self) -> None:
        self.back_up_if_due_now()
        self._restore_tasks = self._restore_progress = self._retired_workspace = None
        if self.workspace is not None:
            stop_syncs(self.workspace)
            self.workspace.close()
            self.workspace = None
        if self.lock is not None:
            self.lock.unlock()


def _restore_off_the_gui_thread(release: Callable[..., None] | None, archive_path: Path, backup: Path):
    """A restore's work on its worker thread: the old workspace's running work ends and its search process
    (which has the archive open too) stops, then the backup is put back. Holds no Qt object: only the
    workspace's ``release`` (whose workspace the app keeps, so this thread never drops it last)."""
    from archive.backups import restore_backup

    if release is not None:
        release(end_search_process=True)
    return restore_backup(archive_path, backup)


def run_app(context) -> int:
    """Start the desktop app for a ``CliContext``; returns the exit code when the window closes."""
    settings = replace(context.settings, language=context.language)
    locations = context.locations
    install_log_file(locations.data_folder)
    app = qt_application(settings.language)
    install_excepthook(locations.data_folder)
    muntada = MuntadaApp(app, settings, locations.archive, locations.is_default_archive, locations.settings,
                         locations=locations)
    if not muntada.acquire_lock():
        return 1
    try:
        muntada.start()
        if muntada.failed:
            return 2
        muntada.event_loop_running = True
        return app.exec()
    except MuntadaError as error:
        inform(None, error_text(error))
        return error.exit_code
    finally:
        muntada.shutdown()


def stop_syncs(workspace: Workspace) -> None:
    """Stop the team syncs of a workspace about to close, before its close waits for a running one.

    A running sync stops at its next step (it is one transaction: nothing is half-written)."""
    from desktop.gui.team_sync import OBJECT_NAME, SyncController

    controller = workspace.findChild(SyncController, OBJECT_NAME)
    if controller is not None:
        controller.stop()
