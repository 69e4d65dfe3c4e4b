"""The team sync of the open archive: when it runs, what it is doing, and what it last did.

One ``SyncController`` per workspace (``SyncController.of(workspace)``: a child of the
workspace, so a window rebuilt after a language change finds the same one, timer and all). It
does nothing on a computer without a team server (``archive.team.credentials.saved_address``,
read again whenever the officer comes back to the app: ``muntada team init`` may have run).
With one, it syncs at start and every ``Settings.sync_every_minutes`` (0: only when asked; put
off while a dialog such as an editor is open), and when the officer asks (``sync_now``);
``sig_state`` carries a ``SyncState`` after every step.

A sync runs in two steps, neither on the GUI thread: first the server is reached on the
"render" lane (a connection, nothing else), so an unreachable server (up to the engine's
connect timeout) never holds the db lane and the officer's edits; then ``sync_archive`` runs on
the db lane through ``Workspace.perform``; its ``changes`` refresh the screens (``sig_changes``),
and the search process takes the pulled records from the outbox (stage "index") before the sync
is over, so what the status calls synced can be found. A sync never runs twice at once;
``cancel`` (also when the app quits) asks the engine to stop at its next step, and the engine's
transactions keep what was done whole.

A sync run by another program (``muntada sync`` in a terminal) is noticed when the officer comes
back to the app: what its pulls wrote (``archive.team.received``, from the audit trail) refreshes
the screens and the index, as the workspace's ``catch_up`` does for another program's steps.

An unreachable server is a state ("offline"), never a dialog. Another failure of an automatic
sync (a refused login, a newer schema) is a state too, with the reason; a sync the officer asked
for shows it in a dialog.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from archive.errors import MuntadaError

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from archive.db.engine import Archive
    from archive.team.server import TeamAddress
    from desktop.gui.workspace import Workspace

log = logging.getLogger(__name__)

OBJECT_NAME = "team-sync"
# archive.team.credentials.TEAM_FILE, not imported to look for it: that module loads psycopg and
# keyring, ~200 ms of the db lane at every start of the app on desktops without a team server.
TEAM_FILE = "team.json"
PROGRESS_EVERY_S = 0.1  # progress reaches the GUI thread at most this often (a pull reports every record)
PUT_OFF_MS = 30_000  # an automatic sync due while a dialog is open is tried again this much later
INDEX = "index"  # the stage after the engine's: the search index takes the pulled records
NETWORK_LANE = "render"  # the server is reached here first: an unreachable one never holds the db lane


@dataclass(frozen=True)
class SyncState:
    """What the app knows about the team sync at one moment."""

    team: bool = False  # a team server is set up on this computer
    running: bool = False
    stage: str = ""  # while running: "connect", then the engine's "pull", "push", "index"
    done: int = 0
    total: int = 0
    offline: bool = False  # the last try could not reach the server
    tried_at: datetime | None = None  # when the last try that could not reach the server began (naive UTC)
    asked: bool = False  # the officer asked for the running (or last) sync: "Sync now", F9
    problem: str = ""  # the last sync failed for this reason (in the officer's language)
    refused: bool = False  # the server refused this desktop's changes after the same sync's pull went through
    last_synced: datetime | None = None
    pending: int = 0  # local changes not yet sent to the server
    conflicts: int = 0  # open conflicts


@dataclass(frozen=True)
class _Setup:
    address: TeamAddress | None
    status: Any  # archive.team.sync.SyncStatus, or None without a team server
    received: tuple[Any, int]  # what pulls of another program wrote since the last look (Changes), and the new mark


def status_fields(status: Any) -> dict[str, Any]:
    """The ``SyncState`` fields read from ``archive.team.sync.SyncStatus``."""
    return {"last_synced": status.last_sync_at, "pending": status.pending_changes,
            "conflicts": status.open_conflicts}


class SyncController(QObject):
    """Runs the team sync of one workspace, and says how it stands (``state``, ``sig_state``)."""

    sig_state = Signal(object)  # SyncState
    sig_conflicts_changed = Signal()  # a sync or a resolution may have changed the open conflicts
    _sig_progress = Signal(object)  # archive.team.sync.SyncProgress, emitted on the db lane

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(workspace)
        self.setObjectName(OBJECT_NAME)
        self.workspace = workspace
        self.state = SyncState()
        self.address: TeamAddress | None = None
        self._started = False
        self._stopped = False
        self._windows = 0  # main windows showing this workspace (a rebuilt window replaces the old one)
        self._manual = False
        self._cancelled = threading.Event()
        self._last_progress_at = 0.0
        self._sync_started_at = datetime.now(UTC).replace(tzinfo=None)
        self._received_mark: int | None = None  # archive.team.received: the last look at what pulls wrote
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._sync_on_schedule)
        self._sig_progress.connect(self._show_progress)  # queued: emitted on the worker thread
        workspace.sig_settings_changed.connect(self._schedule)
        workspace.sig_changes.connect(self._archive_changed)
        application = QCoreApplication.instance()
        if application is not None:
            application.aboutToQuit.connect(self.cancel)
        if isinstance(application, QGuiApplication):  # back to the app: a team server set up meanwhile?
            application.applicationStateChanged.connect(self._application_state_changed)

    @classmethod
    def of(cls, workspace: Workspace) -> SyncController:
        """The workspace's controller (made on first use)."""
        found = workspace.findChild(cls, OBJECT_NAME)
        return found if isinstance(found, cls) else cls(workspace)

    # --- start and schedule ---------------------------------------------------------------------

    def start(self) -> None:
        """Read whether a team server is set up and how the last sync went; sync now when automatic.

        Called once the archive is open (again by a rebuilt window: only the first call counts)."""
        if (self._started and not self._stopped) or self.workspace.archive is None:
            return
        self._started, self._stopped = True, False
        self.workspace.tasks.run(self._read_setup, self._setup_read, self._status_failed)

    def attach(self, window: QObject) -> None:
        """Count ``window`` as showing this workspace; once the last one is gone (the app opened
        another archive, or put a backup back), this workspace's syncs stop."""
        self._windows += 1
        window.destroyed.connect(self._window_gone)

    def _window_gone(self) -> None:
        self._windows -= 1
        if self._windows <= 0:
            self.stop()

    def stop(self) -> None:
        """No more syncs for this workspace (its archive is being closed); a running one stops at its next step."""
        self._stopped = True
        self._timer.stop()
        self.cancel()

    def _read_setup(self) -> _Setup:
        received = self._read_received()
        folder = self.workspace.locations.data_folder
        if not (folder / TEAM_FILE).exists():  # most desktops: no team server, and no cost at start
            return _Setup(None, None, received)
        from archive.team.credentials import saved_address

        address = saved_address(folder)
        if address is None:
            return _Setup(None, None, received)
        from archive.team.sync import sync_status

        return _Setup(address, sync_status(self.workspace.archive), received)

    def _read_received(self) -> tuple[Any, int]:
        """What another program's pulls wrote since the last look (``muntada sync`` in a terminal), and the new mark."""
        from archive.services.changes import Changes
        from archive.team.received import received_mark, received_since

        if self._received_mark is None:
            return Changes(), received_mark(self.workspace.archive)
        return received_since(self.workspace.archive, self._received_mark)

    def _take_received(self, received: tuple[Any, int]) -> None:
        """Refresh the screens and the index from what another program's pulls wrote (once per mark)."""
        changes, mark = received
        if self._received_mark is not None and mark <= self._received_mark:
            return
        self._received_mark = mark
        if changes:
            self.workspace.sig_changes.emit(changes)
            self.workspace.refresh_index()

    def _setup_read(self, setup: _Setup) -> None:
        self._take_received(setup.received)
        self.address = setup.address
        if setup.address is None:
            self._set_state(SyncState())
            return
        self._set_state(SyncState(team=True, **status_fields(setup.status)))
        if self.workspace.archive.read_only:  # nothing can be pulled into it: only when asked (and told why)
            return
        self._schedule()
        if self.workspace.settings.sync_every_minutes > 0:
            self._sync_on_schedule()

    def _application_state_changed(self, state: Qt.ApplicationState) -> None:
        """Back in the app: read the setup again (``muntada team init``/``sync`` may have run meanwhile)."""
        if state == Qt.ApplicationState.ApplicationActive and self._started and not self._stopped \
                and not self.state.running:
            self.workspace.tasks.run(self._read_setup, self._setup_read_again, self._status_failed)

    def _setup_read_again(self, setup: _Setup) -> None:
        if not self.state.running:
            self._take_received(setup.received)
        if setup.address != self.address:
            self._setup_read(setup)  # a team server set up (or changed) meanwhile: as at start
        elif setup.address is not None and not self.state.running:
            self._set_state(replace(self.state, **status_fields(setup.status)))

    def _schedule(self) -> None:
        """(Re)start the timer of automatic syncs from the settings."""
        minutes = self.workspace.settings.sync_every_minutes
        if self.address is None or minutes <= 0 or self._stopped:
            self._timer.stop()
            return
        self._timer.start(minutes * 60_000)

    def _sync_on_schedule(self) -> None:
        """The automatic sync, put off while a dialog is open: an editor holds the record as it was
        when opened, and saving it after a pull would silently undo what the pull brought."""
        if QApplication.activeModalWidget() is not None:
            QTimer.singleShot(PUT_OFF_MS, self, self._sync_on_schedule)
            return
        self.sync_now()

    def _status_failed(self, error: BaseException) -> None:
        log.warning("the team sync's status could not be read", exc_info=error)
        self._set_state(replace(self.state, problem=_reason(error)))

    # --- one sync -------------------------------------------------------------------------------

    def sync_now(self, manual: bool = False) -> bool:
        """Start a sync unless one is running or no team server is set up; True when one started.

        ``manual``: the officer asked (a failure other than being offline is shown in a dialog)."""
        if self.address is None or self.state.running or self.workspace.archive is None or self._stopped:
            return False
        self._manual = manual
        self._cancelled.clear()
        # As the archive keeps a pull's time (naive UTC, whole seconds): did this sync's pull go through?
        self._sync_started_at = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
        self._set_state(replace(self.state, running=True, stage="connect", done=0, total=0, offline=False,
                                problem="", refused=False, asked=manual))
        address = self.address
        self.workspace.tasks.run(lambda: _reach_server(address), self._server_reached, self._failed,
                                 lane=NETWORK_LANE)
        return True

    def cancel(self) -> None:
        """Ask a running sync to stop at its next step (what it committed stays)."""
        self._cancelled.set()

    def _server_reached(self, engine: Engine) -> None:
        if self._cancelled.is_set():
            engine.dispose()
            self._finish(replace(self.state, running=False))
            return
        address = self.address

        def work(archive: Archive) -> tuple[Any, Any, int]:
            from archive.team.received import received_mark
            from archive.team.sync import sync_archive, sync_status

            try:  # the sample archive is refused by sync_archive itself
                result = sync_archive(archive, engine, address, progress=self._progress,
                                      cancelled=self._cancelled.is_set)
            finally:
                engine.dispose()
            return result, sync_status(archive), received_mark(archive)

        self.workspace.perform(work, self._synced, self._failed)

    def _progress(self, progress: Any) -> None:
        """On the db lane: pass progress on, at most every ``PROGRESS_EVERY_S`` (and at each new stage)."""
        now = time.monotonic()
        if progress.stage != self.state.stage or now - self._last_progress_at >= PROGRESS_EVERY_S:
            self._last_progress_at = now
            self._sig_progress.emit(progress)

    def _show_progress(self, progress: Any) -> None:
        if self.state.running:
            self._set_state(replace(self.state, stage=progress.stage, done=progress.done, total=progress.total))

    def _synced(self, outcome: tuple[Any, Any, int]) -> None:
        result, status, mark = outcome
        self._received_mark = max(mark, self._received_mark or 0)  # this sync's pull is passed on below
        synced = SyncState(team=True, **status_fields(status))
        if not result.changes:
            self._finish(synced)
            return
        self.workspace.sig_changes.emit(result.changes)
        if self.workspace.search_state != "ready":  # the index catches up from the outbox when it opens
            self._finish(synced)
            return
        # The search index takes the pulled records from the outbox, in the search process; the sync
        # is over (and may run again) once they can be found.
        from desktop import search_worker

        self._set_state(replace(self.state, stage=INDEX, done=0, total=0))

        def indexing_failed(error: BaseException) -> None:
            log.warning("indexing the pulled records failed; the outbox keeps them for later", exc_info=error)
            self._finish(synced)

        self.workspace.tasks.run_in_process(search_worker.drain, (), lambda _count: self._finish(synced),
                                            indexing_failed, owner=self)

    def _failed(self, error: BaseException) -> None:
        from archive.team.errors import TeamPermissionError, TeamServerUnreachableError

        offline = isinstance(error, TeamServerUnreachableError)
        pulled = getattr(error, "pulled_changes", None)  # the push failed after the pull went through
        if pulled:
            self.workspace.sig_changes.emit(pulled)
        if offline:
            log.info("team server unreachable: %s", error)
        elif self._manual:
            self.workspace.tasks.error_handler(error)
        self._finish(replace(self.state, running=False, stage="", done=0, total=0, offline=offline,
                             tried_at=self._sync_started_at if offline else None,
                             problem="" if offline else _reason(error), refused=False))
        # What was committed before the failure (a pull) is counted. A reader's push is refused by the
        # server after their pull went through: they did receive the team's changes, and are told so.
        started = self._sync_started_at
        refused = isinstance(error, TeamPermissionError)
        self.refresh_status(then=(lambda: self._note_refusal_after_pull(started)) if refused else None)

    def _note_refusal_after_pull(self, started: datetime) -> None:
        state = self.state
        if state.problem and not state.running and state.last_synced is not None and state.last_synced >= started:
            self._set_state(replace(state, refused=True))

    def _finish(self, state: SyncState) -> None:
        self._set_state(state)
        self.sig_conflicts_changed.emit()

    # --- status ---------------------------------------------------------------------------------

    def refresh_status(self, then: Callable[[], None] | None = None) -> None:
        """Read the pending changes and open conflicts again (after a conflict was resolved)."""
        archive = self.workspace.archive
        if self.address is None or archive is None:
            return

        def read() -> Any:
            from archive.team.sync import sync_status

            return sync_status(archive)

        def show(status: Any) -> None:
            if not self.state.running:
                self._set_state(replace(self.state, **status_fields(status)))
            if then is not None:
                then()

        self.workspace.tasks.run(read, show, self._status_failed, owner=self)

    def _archive_changed(self, _changes: Any) -> None:
        """An edit here: count the changes waiting to be sent again (a sync's own pull is counted at its end)."""
        if self.address is not None and not self.state.running and not self._stopped:
            self.refresh_status()

    def _set_state(self, state: SyncState) -> None:
        self.state = state
        self.sig_state.emit(state)


def _reach_server(address: TeamAddress) -> Engine:
    """An engine on the team server, once a connection to it was made (raises ``TeamServerError``s)."""
    from archive.team.credentials import stored_password
    from archive.team.server import make_engine

    engine = make_engine(address, stored_password(address))
    try:
        with engine.connect():
            pass
    except BaseException:
        engine.dispose()
        raise
    return engine


def _reason(error: BaseException) -> str:
    """Why a sync failed, in the officer's language (a bug's details go to the log)."""
    from desktop.gui.errors import error_text

    return error.user_message() if isinstance(error, MuntadaError) else error_text(error)
