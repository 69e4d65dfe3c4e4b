"""The search index, served from a worker process so a long search never holds the GUI's GIL.

Whoosh scores in pure Python: a search over 100k records can keep a thread busy for seconds,
and a thread in the GUI's process would take the interpreter lock from the GUI thread for all
that time. So the app runs these functions in one worker process (``TaskRunner.run_in_process``),
which opens the archive and its index once (``open_index``), drains the outbox after each edit
(``drain``) and answers queries (``search``), catching up first with what other programs changed.
They are plain module-level functions with picklable arguments and results; in tests they run in
the test process itself. No Qt here.

The process starts with ``start_worker(messages)``: ``messages`` is a queue the app reads, where
a rebuild reports its progress as ``("progress", done, total)`` (a queue, not a file: on Windows a
file replaced while the app reads it cannot be replaced).

The app starts this process as soon as its window is shown, with ``prepare``: the imports an index
needs (Whoosh and the search code), the check of the index's table of contents against its
signature, opening the files and reading the facet columns a first search needs then run on
another core while the app opens the archive; ``open_index`` then only checks that the index was
built from that archive and applies its outbox, reading both with ``sqlite3``
(``search.lazy_source``): SQLAlchemy and the models (~0.6 s) are not on the way to the first
answer. The index is reported ready as soon as it is open; the warm-up waits until no query has
come for ``WARM_UP_AFTER_S`` and runs in a thread of this process, one step at a time (a query
stops it after the current step, and it goes on once the query is answered): hashing the index
files whose check was put off (``SearchIndex.check_deferred_files``), the spelling word lists
(2-3 s at 100k records), then opening the archive with SQLAlchemy for the first edit's ``drain``.
Figures: docs/desktop.md ("The first search after launch").
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

WARM_UP_AFTER_S = 0.5
_state: dict[str, Any] = {}


def start_worker(messages: Any) -> None:
    """First call of the search process: end with the app, and report progress to ``messages``."""
    from desktop.worker_process import exit_with_parent

    exit_with_parent()
    use_messages(messages)


def use_messages(messages: Any) -> None:
    """Send this process's progress reports to ``messages`` (a queue; anything with ``put``)."""
    _state["messages"] = messages


def prepare(index_dir: str, key_file: str) -> bool:
    """First call of the app's search process, made as soon as the window is shown: load the code an
    index needs and open the index files (``SearchIndex.open_files``, which hashes only the table of
    contents), for ``open_index`` to attach.

    Returns whether the index could be opened so (False: missing, unsigned or of another format;
    ``open_index`` then rebuilds it). Reads the archive not at all: the app opens (and, after an
    upgrade, migrates) it first, then calls ``open_index``.
    """
    from search.index import SearchIndex

    _log_to_file(key_file)
    close()
    index = SearchIndex.open_files(Path(index_dir), Path(key_file))
    if index is None:
        return False
    index.warm_up(words=False)  # the facet columns: the first search needs them
    _state["prepared"] = (str(index_dir), index)
    return True


def open_index(index_dir: str, archive_path: str, report_progress: bool = False,
               key_file: str | None = None) -> int:
    """Open the archive (read side, ``search.lazy_source``) and its index in this process, rebuilding the
    index if needed; returns its size.

    While an index is (re)built and ``report_progress`` is true, ``("progress", done, total)`` is
    put on the queue of ``use_messages``. ``key_file`` signs the index files
    (``Locations.index_key``; by default the one of the user's data folder).
    """
    from search.index import SearchIndex
    from search.lazy_source import LazyArchiveDocuments

    _log_to_file(key_file)
    prepared_dir, prepared = _state.pop("prepared", (None, None))
    close()
    try:
        source = _state["source"] = LazyArchiveDocuments(Path(archive_path))
        report = _progress_reporter(_state.get("messages")) if report_progress else None
        if prepared is not None and prepared_dir == str(index_dir):
            prepared.attach(source, report)
            index = _state["index"] = prepared
        else:
            index = _state["index"] = SearchIndex.open(Path(index_dir), source, report,
                                                         Path(key_file) if key_file else None)
    finally:
        if prepared is not None and _state.get("index") is not prepared:
            prepared.close()  # for another folder, or the archive could not be opened: its files must not stay open
    _state["warm"] = False
    _schedule_warm_up()
    return index.document_count()


def _log_to_file(key_file: str | None) -> None:
    """Send this process's log records (a repaired index, a bug) to ``muntada.log``, never the terminal.

    The app starts this process with "spawn": it does not inherit the app's log handler, and
    Python's last-resort handler would print tracebacks to the console the app was started from.
    The log goes to the data folder the index key is in (the app's own), else the default one.
    """
    from archive.location import data_folder
    from desktop.log_file import install_log_file

    install_log_file(Path(key_file).parent if key_file else data_folder())


def _progress_reporter(messages: Any):
    last = [-1]

    def report(done: int, total: int) -> None:
        percent = done * 100 // max(total, 1)
        if messages is None or percent == last[0]:
            return
        last[0] = percent
        messages.put(("progress", done, total))

    return report


def latest_progress(messages: Any) -> tuple[int, int] | None:
    """The newest (done, total) waiting on ``messages`` (taking every message off it), or None."""
    import queue

    latest = None
    while True:
        try:
            message = messages.get_nowait()
        except (queue.Empty, OSError, EOFError, ValueError):  # empty, or the process is gone with its queue
            return latest
        if isinstance(message, tuple) and message[:1] == ("progress",):
            latest = (int(message[1]), int(message[2]))


def search(text: str, kind: str | None, limit: int) -> Any:
    """``SearchResults`` of one query, as the user is typing it.

    First takes in what other programs changed (``SearchIndex.catch_up``: records imported
    with ``muntada import``, a commit or rebuild by ``muntada search``/``reindex``), so the app
    finds them without an edit of its own. Measured cost when nothing changed: see
    ``tests/search/test_index_safety.py`` (well under a millisecond).
    """
    _cancel_warm_up()
    try:
        index = _state["index"]
        index.catch_up()
        return index.search(text, kind=kind, limit=limit, as_you_type=True)
    finally:
        _schedule_warm_up()


def is_warm() -> bool:
    """Whether the open index has been warmed up (``WARM_UP_AFTER_S`` after the last query)."""
    return bool(_state.get("warm"))


def _schedule_warm_up() -> None:
    """Warm the index up in a thread once no query has come for ``WARM_UP_AFTER_S`` (once per index)."""
    _cancel_warm_up()
    index = _state.get("index")
    if index is None or _state.get("warm"):
        return
    stop = threading.Event()
    timer = threading.Timer(WARM_UP_AFTER_S, _warm_up, args=(index, stop))
    timer.daemon = True
    _state["warm_up"] = (timer, stop)
    timer.start()


def _cancel_warm_up() -> None:
    """Stop a scheduled warm-up, or a running one after its current step."""
    timer, stop = _state.pop("warm_up", (None, None))
    if timer is not None:
        timer.cancel()
        stop.set()


def _warm_up(index: Any, stop: threading.Event) -> None:
    if _state.get("index") is not index or stop.is_set():
        return
    from search.index import SearchIndexClosedError, is_damage

    try:
        complete = index.check_deferred_files(stop) and index.warm_up(stop)
    except Exception as error:
        if isinstance(error, SearchIndexClosedError) or is_damage(error):
            # Closed meanwhile, or damaged: the next search repairs it; warming is only a head start.
            log.info("warming up the search index was cut short", exc_info=True)
        else:
            log.exception("warming up the search index failed")  # a bug: in muntada.log with its traceback
        return
    if complete and _state.get("index") is index and not stop.is_set():
        _open_archive_layer()
        _state["warm"] = True


def _open_archive_layer() -> None:
    """Import SQLAlchemy and the models and open the archive with them, last in the warm-up (~0.6 s):
    the first edit's ``drain`` then need not. Not needed for a query (``search.lazy_source``)."""
    from archive.errors import MuntadaError

    source = _state.get("source")
    if source is None:
        return
    try:
        source.full()
    except MuntadaError:  # the archive cannot be opened now: the drain that needs it will say so
        log.info("opening the archive in the search process failed", exc_info=True)


def drain() -> int:
    """Apply the archive's pending changes to the index; returns how many outbox rows were applied."""
    index = _state.get("index")
    return index.drain_outbox() if index is not None else 0


def close() -> None:
    _cancel_warm_up()
    _, prepared = _state.pop("prepared", (None, None))
    if prepared is not None:
        prepared.close()
    index, source = _state.pop("index", None), _state.pop("source", None)
    _state["warm"] = False
    if index is not None:
        index.close()
    if source is not None:
        source.close()
