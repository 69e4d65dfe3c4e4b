"""The search index, served from a worker process so a long search never holds the GUI's GIL.

Whoosh scores in pure Python: a search over 100k records can keep a thread busy for seconds,
and a thread in the GUI's process would take the interpreter lock from the GUI thread for all
that time. So the app runs these functions in one worker process (``TaskRunner.run_in_process``),
which opens the archive and its index once (``open_index``), drains the outbox after each edit
(``drain``) and answers queries (``search``), catching up first with what other programs changed. They are plain module-level functions with
picklable arguments and results; in tests they run in the test process itself. No Qt here.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

_state: dict[str, Any] = {}


def open_index(index_dir: str, archive_path: str, progress_path: str | None = None,
               key_file: str | None = None) -> int:
    """Open the archive (read side) and its index in this process, rebuilding the index if needed; returns its size.

    While an index is (re)built, "DONE TOTAL" is written to ``progress_path`` (replaced whole, so a
    reader never sees half a line); the app polls it to show the progress. ``key_file`` signs the
    index files (``archive.location.index_key_path``; by default the one of the user's data folder).
    """
    from archive.db.engine import open_archive
    from search.index import SearchIndex

    _log_to_file(key_file)
    close()
    archive = open_archive(Path(archive_path), create=False)
    _state["archive"] = archive
    report = _progress_writer(Path(progress_path)) if progress_path else None
    index = _state["index"] = SearchIndex.open(Path(index_dir), archive, report,
                                                 Path(key_file) if key_file else None)
    index.warm_up()  # here, before the app is told the index is ready: the first keystroke then finds it warm
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


def read_progress(progress_path: Path) -> tuple[int, int] | None:
    """(done, total) last written by ``open_index``, or None when there is none (yet)."""
    try:
        done, total = progress_path.read_text(encoding="ascii").split()
        return int(done), int(total)
    except (OSError, ValueError):
        return None


def _progress_writer(progress_path: Path):
    last = [-1]

    def report(done: int, total: int) -> None:
        percent = done * 100 // max(total, 1)
        if percent == last[0]:
            return
        last[0] = percent
        partial = progress_path.with_name(progress_path.name + ".partial")
        partial.write_text(f"{done} {total}", encoding="ascii")
        os.replace(partial, progress_path)

    return report


def search(text: str, kind: str | None, limit: int) -> Any:
    """``SearchResults`` of one query, as the user is typing it.

    First takes in what other programs changed (``SearchIndex.catch_up``: records imported
    with ``muntada import``, a commit or rebuild by ``muntada search``/``reindex``), so the app
    finds them without an edit of its own. Measured cost when nothing changed: see
    ``tests/search/test_index_safety.py`` (well under a millisecond).
    """
    index = _state["index"]
    index.catch_up()
    return index.search(text, kind=kind, limit=limit, as_you_type=True)


def drain() -> int:
    """Apply the archive's pending changes to the index; returns how many outbox rows were applied."""
    index = _state.get("index")
    return index.drain_outbox() if index is not None else 0


def close() -> None:
    index, archive = _state.pop("index", None), _state.pop("archive", None)
    if index is not None:
        index.close()
    if archive is not None:
        archive.close()
