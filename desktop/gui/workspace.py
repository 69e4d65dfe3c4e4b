"""The open archive as the windows see it: archive, search index, settings, background tasks, undo.

One ``Workspace`` per open archive, owned by the app object. Widgets ask it for work
(``tasks.run``) and listen to ``sig_records_changed`` to refresh; every edit goes through
``edit`` so it lands on the undo stack, is shown as changed, and reaches the search index
(the outbox is drained on the search lane after each change).

The search index lives in a worker process (``desktop.search_worker``): searching is CPU-bound
pure Python and must not hold the GUI thread's interpreter lock. When the index cannot be
opened, ``search_state`` is "unavailable" and the search box says so.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from archive.location import Locations, resolve_locations
from archive.settings import Settings
from desktop.gui.tasks import TaskRunner

if TYPE_CHECKING:  # the services load on the db lane, after the window is shown
    from archive.db.engine import Archive
    from archive.services.history import Change

log = logging.getLogger(__name__)

UNDO_LIMIT = 100
PROGRESS_POLL_MS = 300


class UndoStack(QObject):
    """Undo and redo of edits (Ctrl+Z / Ctrl+Y), applied by ``archive.services.history`` on the db lane."""

    sig_changed = Signal()

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        self._undo: list[tuple[str, Change]] = []
        self._redo: list[tuple[str, Change]] = []

    def push(self, label: str, change: Change) -> None:
        self._undo = [*self._undo, (label, change)][-UNDO_LIMIT:]
        self._redo = []
        self.sig_changed.emit()

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo_label(self) -> str:
        return self._undo[-1][0] if self._undo else ""

    def redo_label(self) -> str:
        return self._redo[-1][0] if self._redo else ""

    def undo(self, on_done: Callable[[Change], None] | None = None) -> None:
        self._step(self._undo, self._redo, on_done)

    def redo(self, on_done: Callable[[Change], None] | None = None) -> None:
        self._step(self._redo, self._undo, on_done)

    def _step(self, source: list, target: list, on_done) -> None:
        if not source:
            return
        label, change = source.pop()
        self.sig_changed.emit()

        def finished(reverse: Change) -> None:
            target.append((label, reverse))
            self.sig_changed.emit()
            self.workspace.record_changed(reverse.kind, reverse.record_id)
            if on_done is not None:
                on_done(reverse)

        def failed(error: BaseException) -> None:
            source.append((label, change))  # nothing was changed: the step can be tried again
            self.sig_changed.emit()
            self.workspace.tasks.error_handler(error)

        archive = self.workspace.archive

        def revert():
            from archive.services import history

            return history.revert(archive, change)

        self.workspace.tasks.run(revert, finished, failed)


class Workspace(QObject):
    """Everything the windows share about one open archive."""

    sig_records_changed = Signal(str, int)  # kind, id (0: many records of that kind)
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
        self.search_state = "closed"
        self._progress_timer = QTimer(self, interval=PROGRESS_POLL_MS)
        self._progress_timer.timeout.connect(self.poll_index_progress)

    def open_archive(self, create: bool, on_ready: Callable[[], None],
                     on_error: Callable[[BaseException], None]) -> None:
        """Open ``archive_path`` on the db lane (SQLAlchemy and the migrations load there, not before the window)."""
        path, officer = self.archive_path, self.settings.officer_name

        def open_it():
            from archive.db.engine import open_archive

            return open_archive(path, create=create, officer=officer)

        def opened(archive) -> None:
            self.archive = archive
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

    def search(self, text: str, kind: str | None, limit: int, on_done: Callable[[Any], None]) -> None:
        """Run a query in the search process; queued, not yet started queries are dropped."""
        from desktop import search_worker

        self.tasks.run_in_process(search_worker.search, (text, kind, limit), on_done, self._search_failed,
                                  replace_pending=True)

    def _search_failed(self, error: BaseException) -> None:
        """A search that failed is reported; a search process that died is started again."""
        if isinstance(error, BrokenProcessPool):
            log.warning("the search process stopped; starting it again", exc_info=error)
            self.open_search_index()
            return
        self.tasks.error_handler(error)

    # --- edits ---------------------------------------------------------------------------------

    def edit(self, label: str, work: Callable[[Archive], tuple[Any, Change] | Change],
             on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None) -> None:
        """Run one undoable edit (``work`` returns ``(record, change)`` or a ``Change``) on the db lane."""

        def finished(outcome) -> None:
            record, change = outcome if isinstance(outcome, tuple) else (None, outcome)
            self.undo_stack.push(label, change)
            self.record_changed(change.kind, change.record_id)
            if on_done is not None:
                on_done(record if record is not None else change)

        archive = self.archive
        self.tasks.run(lambda: work(archive), finished, on_error)

    def change(self, kind: str, work: Callable[[Archive], Any], on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None) -> None:
        """Run a change that cannot be undone (merge, import) and announce it."""

        def finished(result) -> None:
            self.record_changed(kind, 0)
            if on_done is not None:
                on_done(result)

        archive = self.archive
        self.tasks.run(lambda: work(archive), finished, on_error)

    def record_changed(self, kind: str, record_id: int) -> None:
        self.sig_records_changed.emit(kind, record_id)
        self.refresh_index()

    # --- settings ------------------------------------------------------------------------------

    def save_settings(self, settings: Settings) -> None:
        from archive.settings import save_settings

        self.settings = settings
        self.archive.officer = settings.officer_name
        save_settings(settings, self.settings_path)
        self.sig_settings_changed.emit()

    def with_settings(self, **changes: Any) -> Settings:
        return replace(self.settings, **changes)

    def close(self, end_search_process: bool = False) -> None:
        """Release the archive; ``end_search_process`` also waits for the search process to end
        (terminating it after a few seconds): before a restore, nothing may keep the archive open."""
        if self.tasks.synchronous:
            from desktop import search_worker

            search_worker.close()
        if end_search_process:
            self.tasks.stop_process()
        self.tasks.shutdown()
        if self.archive is not None:
            self.archive.close()
