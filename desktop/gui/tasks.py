"""Background work: the one helper every widget uses to run database, index and PDF work off the GUI thread.

``TaskRunner.run(func, on_done, on_error, lane=...)`` runs ``func()`` on the lane's single worker
thread ("db" for the archive, "search" for the index, so typing a query never waits behind an
import) and calls ``on_done(result)`` or ``on_error(error)`` back on the GUI thread, by a queued
signal. A lane has one worker, so database work is never concurrent. With ``synchronous=True``
(tests, screenshots) the function runs at once on the calling thread.

``run_in_process(function, args, ...)`` runs a picklable module-level function in one worker
*process* (started with "spawn", as on Windows): CPU-bound pure-Python work there (searching)
cannot take the interpreter lock from the GUI thread. Queued calls can be replaced like a lane's.
The worker reports progress on ``process_messages`` (a queue; ``desktop.search_worker``).
``stop_process()`` ends the worker, waiting a few seconds before terminating it (a restore must
not find the archive open in it).

An error with no ``on_error`` goes to ``error_handler`` (the main window shows it in a dialog):
nothing fails silently. A result whose widget is gone by the time it arrives (a window rebuilt
after a change of language, closed for a restore) is dropped: the widget is the ``owner`` passed
to ``run`` or ``run_in_process``, or the object of a bound method given as ``on_done``.
``Workspace.perform`` and ``Workspace.search`` take an ``owner`` too, and check it themselves
(``is_gone``): a saved change still reaches the other screens, a dead search process is still
started again.
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot

from desktop.search_worker import start_worker, use_messages

log = logging.getLogger(__name__)

LANES = ("db", "search", "render")
STOP_PROCESS_WAIT_S = 3.0


@dataclass
class _Outcome:
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    result: Any = None
    error: BaseException | None = None
    owner: QObject | None = None  # the widget waiting for it (the result is dropped once it is deleted)


def is_gone(owner: QObject | None) -> bool:
    """Whether ``owner``, a widget waiting for a result, was deleted (a window rebuilt, a dialog closed)."""
    return owner is not None and not shiboken6.isValid(owner)


def owner_of(on_done: Callable[[Any], None] | None, owner: QObject | None) -> QObject | None:
    """``owner``, else the QObject whose bound method ``on_done`` is."""
    if owner is not None:
        return owner
    bound_to = getattr(on_done, "__self__", None)
    return bound_to if isinstance(bound_to, QObject) else None


class TaskRunner(QObject):
    """Single-worker executors per lane, with results delivered on the GUI thread."""

    sig_outcome = Signal(object)
    sig_busy_changed = Signal(bool)

    def __init__(self, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self.error_handler: Callable[[BaseException], None] = self._log_error
        self._executors: dict[str, ThreadPoolExecutor] = {}
        self._process_pool: ProcessPoolExecutor | None = None
        self._process_pending: list[tuple[Callable[..., Any], Future]] = []
        # Progress reports of the worker process (in this process when synchronous).
        self.process_messages: Any = queue.Queue() if synchronous else None
        if synchronous:
            use_messages(self.process_messages)
        self._pending: dict[str, list[Future]] = {lane: [] for lane in LANES}
        self._running = 0
        self._lock = threading.RLock()  # a finished future calls back at once, under the lock
        self._shut_down = False
        self.sig_outcome.connect(self._deliver_queued)

    def run(
        self,
        func: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        lane: str = "db",
        replace_pending: bool = False,
        owner: QObject | None = None,
    ) -> Future | None:
        """Run ``func`` on ``lane``; ``replace_pending`` drops this lane's queued, not yet started tasks;
        the result is dropped if ``owner`` (a widget waiting for it) is deleted before it arrives."""
        if self.synchronous:
            self._deliver(self._execute(func, on_done, on_error))
            return None
        owner = owner_of(on_done, owner)
        with self._lock:
            if replace_pending:
                for queued in self._pending[lane]:
                    queued.cancel()
            self._pending[lane] = [future for future in self._pending[lane] if not future.done()]
            self._set_running(+1)
            future = self._executor(lane).submit(self._work, func, on_done, on_error, owner)
            self._pending[lane].append(future)
            future.add_done_callback(self._finished)
        return future

    def run_in_process(
        self,
        function: Callable[..., Any],
        args: tuple = (),
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        replace_pending: bool = False,
        owner: QObject | None = None,
    ) -> Future | None:
        """Run ``function(*args)`` in the worker process (in this process when synchronous); the result
        is dropped if ``owner`` (or the object of ``on_done``, a bound method) is deleted before it arrives."""
        if self.synchronous:
            self._deliver(self._execute(lambda: function(*args), on_done, on_error))
            return None
        with self._lock:
            if replace_pending:  # only calls of the same function: a queued index update must still run
                for queued_function, queued in self._process_pending:
                    if queued_function is function:
                        queued.cancel()
            self._process_pending = [(f, future) for f, future in self._process_pending if not future.done()]
            if self._process_pool is None:
                context = multiprocessing.get_context("spawn")
                self.process_messages = context.Queue()  # a new one: a killed worker may have broken the old
                self._process_pool = ProcessPoolExecutor(max_workers=1, mp_context=context,
                                                         initializer=start_worker, initargs=(self.process_messages,))
            self._set_running(+1)
            future = self._process_pool.submit(function, *args)
            self._process_pending.append((function, future))
        owner = owner_of(on_done, owner)
        future.add_done_callback(lambda done: self._process_finished(done, on_done, on_error, owner))
        return future

    def _process_finished(self, future: Future, on_done, on_error, owner: QObject | None = None) -> None:
        with self._lock:
            self._set_running(-1)
        if future.cancelled():
            return
        error = future.exception()
        if isinstance(error, BrokenProcessPool):
            with self._lock:  # the worker died (killed, out of memory): the next call starts a new one
                if self._process_pool is not None:
                    self._process_pool.shutdown(wait=False, cancel_futures=True)
                    self._process_pool = None
        outcome = _Outcome(on_done, on_error, error=error) if error is not None else _Outcome(
            on_done, on_error, result=future.result())
        outcome.owner = owner
        self.sig_outcome.emit(outcome)

    def shutdown(self) -> None:
        """Wait for running work (a database write must end cleanly) and stop the workers.

        Results still on their way to the GUI thread are dropped: their widgets are being closed.
        """
        self.stop_delivering()
        for executor in self._executors.values():
            executor.shutdown(wait=True, cancel_futures=True)
        self._executors.clear()
        if self._process_pool is not None:
            self._process_pool.shutdown(wait=False, cancel_futures=True)
            self._process_pool = None

    def stop_delivering(self) -> None:
        """Drop the results of work still running or queued: the widgets that asked for it are closing."""
        self._shut_down = True

    def stop_process(self, wait_seconds: float = STOP_PROCESS_WAIT_S) -> None:
        """End the worker process: let it finish its call for ``wait_seconds``, then terminate it.

        For a restore: the worker holds the archive open (a rebuild can take minutes), and Windows
        refuses to replace a file another process has open. The next ``run_in_process`` starts a new one.
        """
        with self._lock:
            pool, self._process_pool = self._process_pool, None
        if pool is None:
            return
        processes = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.join(wait_seconds)
            if process.is_alive():
                log.warning("the search process did not stop within %s s; ending it", wait_seconds)
                process.terminate()
                process.join(wait_seconds)

    @property
    def busy(self) -> bool:
        return self._running > 0

    def _executor(self, lane: str) -> ThreadPoolExecutor:
        if lane not in self._executors:
            self._executors[lane] = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"muntada-{lane}")
        return self._executors[lane]

    def _work(self, func, on_done, on_error, owner: QObject | None = None) -> None:
        outcome = self._execute(func, on_done, on_error)
        outcome.owner = owner
        self.sig_outcome.emit(outcome)

    @staticmethod
    def _execute(func, on_done, on_error) -> _Outcome:
        try:
            return _Outcome(on_done, on_error, result=func())
        except BaseException as error:  # noqa: BLE001 (delivered to the GUI thread and shown there)
            return _Outcome(on_done, on_error, error=error)

    def _finished(self, _future: Future) -> None:
        with self._lock:
            self._set_running(-1)

    def _set_running(self, delta: int) -> None:
        was_busy = self._running > 0
        self._running += delta
        if was_busy != (self._running > 0):
            self.sig_busy_changed.emit(self._running > 0)

    @Slot(object)
    def _deliver_queued(self, outcome: _Outcome) -> None:
        """An outcome from a worker: dropped after ``shutdown`` (the widgets waiting for it are closing)
        or when the widget waiting for it was deleted meanwhile."""
        if self._shut_down or is_gone(outcome.owner):
            if outcome.error is not None:  # no widget left to show it: still not silent
                log.error("background task failed after its window closed", exc_info=outcome.error)
            return
        self._deliver(outcome)

    def _deliver(self, outcome: _Outcome) -> None:
        if outcome.error is None:
            if outcome.on_done is not None:
                outcome.on_done(outcome.result)
            return
        handler = outcome.on_error or self.error_handler
        handler(outcome.error)

    @staticmethod
    def _log_error(error: BaseException) -> None:
        log.error("background task failed", exc_info=error)
