"""The index folder on disk: its lock between processes, its format file, and the swap of a rebuild.

- ``IndexLock``: one writer per index across processes (the app's search process, ``muntada
  import``, ``muntada reindex``). It is a lock file beside the folder (``<name>.lock``), not in
  it, so a rebuild can swap the folder while holding it (Windows cannot rename a folder with an
  open file). The operating system releases it when its process dies, so a killed rebuild never
  leaves the index locked.
- ``IndexFormat``: ``index-format.json``, the schema and analysis versions the index was built
  with, the archive generation it was built from (a restore renews it) and a build id that
  changes with every rebuild (so a process can tell that another one swapped in a new index).
- ``swap_in``: the rebuilt folder replaces the live one by two renames; a crash between them
  leaves no live folder, which simply means "rebuild". On Windows a rename is refused while
  another process (the app's search process, a virus scanner, the indexing service) has a file
  of the folder open, often for a moment only: each rename is tried again a few times first.
  ``remove_leftovers`` clears what a killed rebuild left beside the folder.
"""

from __future__ import annotations

import json
import shutil
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from whoosh.util.filelock import FileLock

from archive.private_files import create_private_file, make_private_folder, restrict_to_user

FORMAT_FILE = "index-format.json"
LOCK_POLL_S = 0.05
RENAME_RETRY_DELAYS_S = (0.05, 0.1, 0.2, 0.4, 0.8)  # about 1.5 s in all before giving up


def rebuilding_folder(index_dir: Path) -> Path:
    return index_dir.with_name(index_dir.name + ".rebuilding")


def _old_folder(index_dir: Path) -> Path:
    return index_dir.with_name(index_dir.name + ".old")


class IndexLock:
    """The cross-process write lock of one index folder (re-entrant within a thread)."""

    def __init__(self, index_dir: Path) -> None:
        self.path = index_dir.with_name(index_dir.name + ".lock")
        self._file_lock: FileLock | None = None
        self._depth = 0
        self._owner: int | None = None
        self._thread_lock = threading.Lock()

    def acquire(self, timeout: float | None, cancel: threading.Event | None = None) -> bool:
        """Take the lock, waiting up to ``timeout`` seconds (None: until it is free or ``cancel`` is set)."""
        if self._owner == threading.get_ident():
            self._depth += 1
            return True
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            if self._thread_lock.acquire(timeout=LOCK_POLL_S):
                if self._take_file_lock():
                    self._owner, self._depth = threading.get_ident(), 1
                    return True
                self._thread_lock.release()
            if (deadline is not None and time.monotonic() >= deadline) or (cancel is not None and cancel.is_set()):
                return False
            time.sleep(LOCK_POLL_S)

    def _take_file_lock(self) -> bool:
        if not self.path.exists():
            make_private_folder(self.path.parent)
            create_private_file(self.path)
        file_lock = FileLock(str(self.path))
        if not file_lock.acquire(blocking=False):
            return False
        self._file_lock = file_lock
        return True

    def release(self) -> None:
        self._depth -= 1
        if self._depth:
            return
        file_lock, self._file_lock, self._owner = self._file_lock, None, None
        if file_lock is not None:
            file_lock.release()
        self._thread_lock.release()


@dataclass(frozen=True)
class IndexFormat:
    """What ``index-format.json`` records about the index in its folder.

    The file holds the keys of ``search.schema.INDEX_FORMAT`` (schema and analysis versions)
    with ``generation`` and ``build`` beside them.
    """

    version: dict[str, object]  # search.schema.INDEX_FORMAT when it was built
    generation: str  # archive.services.maintenance.archive_generation of the archive it was built from
    build: str  # a new id for every rebuild

    @classmethod
    def new(cls, version: Mapping[str, object], generation: str) -> IndexFormat:
        return cls(dict(version), generation, uuid.uuid4().hex)

    @classmethod
    def read(cls, folder: Path) -> IndexFormat | None:
        """The recorded format, or None when the file is missing or unreadable."""
        try:
            recorded = json.loads((folder / FORMAT_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(recorded, dict):
            return None
        generation, build = recorded.pop("generation", ""), recorded.pop("build", "")
        return cls(recorded, str(generation), str(build))

    def write(self, folder: Path) -> None:
        path = folder / FORMAT_FILE
        path.write_text(json.dumps({**self.version, "generation": self.generation, "build": self.build}),
                        encoding="utf-8")
        restrict_to_user(path)


def new_rebuilding_folder(index_dir: Path) -> Path:
    """An empty private folder beside ``index_dir`` to write a complete new index into."""
    make_private_folder(index_dir.parent)
    temporary = rebuilding_folder(index_dir)
    shutil.rmtree(temporary, ignore_errors=True)
    temporary.mkdir()
    make_private_folder(temporary)
    return temporary


def swap_in(new: Path, current: Path) -> None:
    """Replace the folder ``current`` by ``new`` (two renames; the old one is then deleted).

    Raises OSError with ``current`` left in place when a rename fails (on Windows, while another
    process has a file of the folder open).
    """
    old = _old_folder(current)
    shutil.rmtree(old, ignore_errors=True)
    if current.exists():
        rename_with_retries(current, old)
    try:
        rename_with_retries(new, current)
    except OSError:
        if old.exists() and not current.exists():
            rename_with_retries(old, current)
        raise
    shutil.rmtree(old, ignore_errors=True)


def rename_with_retries(source: Path, target: Path, rename: Callable[[Path, Path], object] = Path.rename,
                        delays: tuple[float, ...] = RENAME_RETRY_DELAYS_S) -> None:
    """``rename(source, target)``, tried again after each of ``delays`` while it is refused
    (``PermissionError``: on Windows, a file in it is open); the last refusal is raised."""
    for delay in (*delays, None):
        try:
            rename(source, target)
            return
        except PermissionError:
            if delay is None:
                raise
            time.sleep(delay)


def remove_leftovers(index_dir: Path) -> None:
    """Delete what a killed rebuild may have left beside the folder (call with the lock held)."""
    for folder in (rebuilding_folder(index_dir), _old_folder(index_dir)):
        if folder.exists():
            shutil.rmtree(folder, ignore_errors=True)

