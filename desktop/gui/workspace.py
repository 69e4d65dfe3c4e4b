"""The open archive as the windows see it: archive, search index, settings, background tasks, undo.

One ``Workspace`` per open archive, owned by the app object. Widgets ask it for work
(``tasks.run``) and listen to ``sig_changes`` to refresh: it carries the ``Changes`` of each step
(``archive.services.changes``: which records of which kinds were created, updated, deleted, and
whose counts moved), so each screen refreshes only the rows it shows that changed. Every change
goes through ``perform``, which runs it on the db lane, reads what it changed, passes that on,
and lets the search index catch up (the outbox is drained on the search lane after each step).

Undo and redo are the archive's own (``archive.services.undo``): kept in the archive file, so the
Edit menu offers after a restart what it offered before, and a step made by the command line
(``muntada undo``) is seen here at the next refresh. ``UndoStack`` only shows the labels of the
next undo and redo and asks the db lane to perform them.

The search index lives in a worker process (``desktop.search_worker``): searching is CPU-bound
pure Python and must not hold the GUI thread's interpreter lock. When the index cannot be
opened, ``search_state`` is "unavailable" and the search box says so.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from archive.location import Locations, resolve_locations
from archive.settings import Settings
from desktop.gui.tasks import TaskRunner, is_gone, owner_of

if TYPE_CHECKING:  # the services load on the db lane, after the window is shown
    from archive.db.engine import Archive
    from archive.services.changes import Changes
    from archive.services.undo import UndoOutcome

log = logging.getLogger(__name__)

PROGRESS_POLL_MS = 300


def _without_changes(result: Any) -> Any:
    """The record of a ``(record, changes)`` pair (``archive.services.history``); anything else as it is."""
    from archive.services.changes import Changes

    if isinstance(result, tuple) and len(result) == 2 and isinstance(result[1], Changes):
        return result[0]
    return result


def _unless_gone(owner: QObject | None, on_done: Callable[[Any], None]) -> Callable[[Any], None]:
    """``on_done``, called only while ``owner`` (the widget waiting for the result) still exists."""

    def deliver(result: Any) -> None:
        if not is_gone(owner):
            on_done(result)

    return deliver


class UndoStack(QObject):
    """The Edit menu's Undo and Redo (Ctrl+Z / Ctrl+Y): the archive's undo stack, performed on the db lane."""

    sig_changed = Signal()

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        self._undo_label = ""
        self._redo_label = ""
        self._running = False

    def can_undo(self) -> bool:
        return bool(self._undo_label) and not self._running

    def can_redo(self) -> bool:
        return bool(self._redo_label) and not self._running

    def undo_label(self) -> str:
        """What Undo would undo, in words («Edit person “...”»); empty when nothing."""
        return self._undo_label

    def redo_label(self) -> str:
        return self._redo_label

    def undo(self, on_done: Callable[[UndoOutcome], None] | None = None) -> None:
        self._perform("undo", on_done)

    def redo(self, on_done: Callable[[UndoOutcome], None] | None = None) -> None:
        self._perform("redo", on_done)

    def refresh(self) -> None:
        """Read the labels of the next undo and redo from the archive (after each step, and at start)."""
        archive = self.workspace.archive
        if archive is None:
            return

        def labels() -> tuple[str, str]:
            from archive.services import undo

            next_undo, next_redo = undo.next_undo(archive), undo.next_redo(archive)
            return (next_undo.label() if next_undo else "", next_redo.label() if next_redo else "")

        self.workspace.tasks.run(labels, self._show_labels)

    def _show_labels(self, labels: tuple[str, str]) -> None:
        self._undo_label, self._redo_label = labels
        self.sig_changed.emit()

    def _perform(self, which: str, on_done: Callable[[UndoOutcome], None] | None) -> None:
        if self._running or self.workspace.archive is None:
            return
        self._running = True
        self.sig_changed.emit()

        def work(archive: Archive) -> UndoOutcome:
            from archive.services import undo

            return undo.undo(archive) if which == "undo" else undo.redo(archive)

        def finished(outcome: UndoOutcome) -> None:
            self._running = False
            self.sig_changed.emit()
            if callable(on_done):  # a menu action passes its "checked" flag here
                on_done(outcome)

        def failed(error: BaseException) -> None:
            self._running = False  # nothing was changed: the step can be tried again
            self.refresh()
            self.workspace.tasks.error_handler(error)

        self.workspace.perform(work, finished, failed)


class Workspace(QObject):
    """Everything the windows share about one open archive."""

    sig_changes = Signal(object)  # archive.services.changes.Changes of a step (ours or another program's)
    sig_search_state = Signal(str)  # "opening", "ready", "unavailable"
    sig_index_progress = Signal(int, int)  # documents written, documents in all (while the index is built)
    sig_settings_changed = Signal()

    def __init__(self, archive: Archive | None, settings: Settings, tasks: TaskRunner,
                 settings_path: Path | None = None, parent: QObject | None = None,
                 archive_path: Path | None = None, locations: Locations | None = None) -> None:
        super().__init__(parent)
        self.archive = archive  # None until ``open_archive`` has opened it on the db lane
        self.archive_path = archive.path if archive is not None else archive_path
        # Where the index, its key and the window layout are (the app passes the ones it started with).
        self.locations = locations or resolve_locations(archive=self.archive_path)
        self.settings = settings
        self.settings_path = settings_path
        self.tasks = tasks
        self.undo_stack = UndoStack(self)
        self.last_step_id: int | None = None  # the latest step whose changes were passed on
        self.search_state = "closed"
        self._progress_timer = QTimer(self, interval=PROGRESS_POLL_MS)
        self._progress_timer.timeout.connect(self.poll_index_progress)
        self._application = QGuiApplication.instance()
        if isinstance(self._application, QGuiApplication):  # back to the app: see what other programs changed
            self._application.applicationStateChanged.connect(self._application_state_changed)
        if archive is not None:
            self.catch_up()  # the Edit menu's labels, read from the archive

    def open_archive(self, create: bool, on_ready: Callable[[], None],
                     on_error: Callable[[BaseException], None]) -> None:
        """Open ``archive_path`` on the db lane (SQLAlchemy and the migrations load there, not before the window)."""
        path, officer = self.archive_path, self.settings.officer_name

        def open_it():
            from archive.db.engine import open_archive

            return open_archive(path, create=create, officer=officer)

        def opened(archive) -> None:
            self.archive = archive
            self.catch_up()
            on_ready()

        self.tasks.run(open_it, opened, on_error)

    # --- search index ---------------------------------------------------------------------------

    def open_search_index(self) -> None:
        """Open (or build, with progress) the archive's search index in the search process."""
        self.search_state = "opening"
        self.sig_search_state.emit(self.search_state)
        from desktop import search_worker

        locations = self.locations.with_archive(self.archive.path)
        self._progress_timer.start()
        self.tasks.run_in_process(search_worker.open_index,
                                  (str(locations.index_folder), str(self.archive.path), True,
                                   str(locations.index_key)),
                                  self._index_opened, self._index_failed)

    def poll_index_progress(self) -> None:
        """Pass on how far a rebuild of the index has come (polled while the index opens)."""
        from desktop import search_worker

        messages = self.tasks.process_messages
        progress = search_worker.latest_progress(messages) if messages is not None else None
        if progress is not None:
            self.sig_index_progress.emit(*progress)

    def _index_opened(self, _document_count: int) -> None:
        self._progress_timer.stop()
        self.search_state = "ready"
        self.sig_search_state.emit(self.search_state)

    def _index_failed(self, error: BaseException) -> None:
        self._progress_timer.stop()
        log.warning("search index unavailable", exc_info=error)
        self.search_state = "unavailable"
        self.sig_search_state.emit(self.search_state)

    def refresh_index(self) -> None:
        """Apply pending changes to the index (after each edit; the outbox makes this safe to repeat)."""
        from desktop import search_worker

        if self.search_state == "ready":
            self.tasks.run_in_process(search_worker.drain, (), lambda _count: None, lambda error: log.warning(
                "index refresh failed", exc_info=error))

    def search(self, text: str, kind: str | None, limit: int, on_done: Callable[[Any], None],
               owner: QObject | None = None) -> None:
        """Run a query in the search process; queued, not yet started queries are dropped.

        The answer is dropped once ``owner`` (the search panel asking; else the object of ``on_done``,
        a bound method) is deleted; a failure still
        reaches the workspace then (a search process that died is started again), and is logged."""
        from desktop import search_worker

        owner = owner_of(on_done, owner)

        def failed(error: BaseException) -> None:
            if is_gone(owner) and not isinstance(error, BrokenProcessPool):
                log.error("a search failed after its panel closed", exc_info=error)
                return
            self._search_failed(error)

        self.tasks.run_in_process(search_worker.search, (text, kind, limit), _unless_gone(owner, on_done), failed,
                                  replace_pending=True)

    def _search_failed(self, error: BaseException) -> None:
        """A search that failed is reported; a search process that died is started again."""
        if isinstance(error, BrokenProcessPool):
            log.warning("the search process stopped; starting it again", exc_info=error)
            self.open_search_index()
            return
        self.tasks.error_handler(error)

    # --- edits ---------------------------------------------------------------------------------

    def edit(self, _label: str, work: Callable[[Archive], Any], on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None, owner: QObject | None = None) -> None:
        """``perform``, as the editors call it (the label is the archive's own now: ``steps.StepRecord.label``)."""
        self.perform(work, on_done, on_error, owner)

    def change(self, _kind: str, work: Callable[[Archive], Any], on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None, owner: QObject | None = None) -> None:
        """``perform``, as merges and imports call it (they are undoable steps like any edit)."""
        self.perform(work, on_done, on_error, owner)

    def perform(self, work: Callable[[Archive], Any], on_done: Callable[[Any], None] | None = None,
                on_error: Callable[[BaseException], None] | None = None, owner: QObject | None = None) -> None:
        """Run a change on the db lane (one or more undoable steps), then pass on what it changed.

        ``work(archive)`` calls services; ``on_done`` gets its result (the record of a
        ``(record, changes)`` pair). Every screen hears of the change through ``sig_changes``, even
        when ``owner`` (the dialog or panel that asked) was deleted meanwhile: then ``on_done`` and
        ``on_error`` are not called (an error is logged). Without ``owner``, the object of ``on_done``
        (a bound method) is the owner, as in ``TaskRunner.run``.
        """
        archive = self.archive
        owner = owner_of(on_done, owner)

        def run() -> tuple[Any, Changes, int]:
            from archive.services import steps

            since = self.last_step_id if self.last_step_id is not None else steps.last_step_id(archive)
            result = work(archive)
            changes, latest = steps.changes_since(archive, since)
            return result, changes, latest

        def finished(outcome: tuple[Any, Changes, int]) -> None:
            result, changes, latest = outcome
            self._pass_on(changes, latest)
            if on_done is not None and not is_gone(owner):
                on_done(_without_changes(result))

        def failed(error: BaseException) -> None:
            if is_gone(owner):  # no dialog left to show it: still not silent
                log.error("a change failed after its window closed", exc_info=error)
            elif on_error is not None:
                on_error(error)
            else:
                self.tasks.error_handler(error)

        self.tasks.run(run, finished, failed)

    def catch_up(self) -> None:
        """Pass on what other programs changed since we last looked (``muntada undo``, an import)."""
        archive = self.archive

        def run() -> tuple[Changes, int]:
            from archive.services import steps

            if self.last_step_id is None:
                from archive.services.changes import Changes

                return Changes(), steps.last_step_id(archive)
            return steps.changes_since(archive, self.last_step_id)

        self.tasks.run(run, lambda outcome: self._pass_on(*outcome))

    def _application_state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive and self.archive is not None:
            self.catch_up()

    def _pass_on(self, changes: Changes, latest: int) -> None:
        self.last_step_id = max(latest, self.last_step_id or 0)
        self.undo_stack.refresh()
        if changes:
            self.sig_changes.emit(changes)
            self.refresh_index()

    # --- settings ------------------------------------------------------------------------------

    def save_settings(self, settings: Settings) -> None:
        from archive.settings import save_settings

        self.settings = settings
        self.archive.officer = settings.officer_name
        save_settings(settings, self.settings_path)
        self.sig_settings_changed.emit()

    def close(self, end_search_process: bool = False) -> None:
        """Release the archive; ``end_search_process`` also waits for the search process to end
        (terminating it after a few seconds): before a restore, nothing may keep the archive open."""
        self.detach()
        self.release(end_search_process)

    def detach(self) -> None:
        """The GUI thread's part of closing: stop hearing of the application and drop results on their way."""
        if isinstance(self._application, QGuiApplication):
            self._application.applicationStateChanged.disconnect(self._application_state_changed)
            self._application = None
        self.tasks.stop_delivering()

    def release(self, end_search_process: bool = False) -> None:
        """The waiting part of closing (running work, the search process), then the archive closed.
        Safe on a worker thread after ``detach``: a restore runs it there, so the window never waits."""
        if self.tasks.synchronous:
            from desktop import search_worker

            search_worker.close()
        if end_search_process:
            self.tasks.stop_process()
        self.tasks.shutdown()
        if self.archive is not None:
            self.archive.close()
