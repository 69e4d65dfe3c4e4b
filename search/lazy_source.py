"""The records of an archive for the app's search process, read without SQLAlchemy until needed.

Answering a query needs very little of the archive: which copy of the archive it is (its
generation, to know the index was built from it) and whether the outbox holds changes not yet
applied (checked before every search). ``LazyArchiveDocuments`` reads those two with the
standard ``sqlite3`` module, read-only, on an archive the app has already opened (and
migrated). Everything else (the documents of changed records, a rebuild, removing applied outbox
rows) goes to ``search.records.ArchiveDocuments`` on an archive opened with ``open_archive``,
made on first need: SQLAlchemy, the models and the archive's opening cost the search process
~0.6 s of CPU at start-up, on the path to the first answer (docs/desktop.md, issue 12).

Anything unusual on the quick path (a file SQLite cannot open read-only, e.g. in a read-only
folder without its ``-shm`` file; a missing table) falls back to the full one, which gives the
user the same clear errors as before. Table and key names are the models' (``outbox``,
``archive_meta``, ``generation``); a test compares both paths on a real archive.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from archive.db.uri import sqlite_uri
from search.documents import DocumentSource, IndexDocument

if TYPE_CHECKING:
    from search.records import ArchiveDocuments

GENERATION_SQL = "SELECT value FROM archive_meta WHERE key = 'generation'"  # archive.services.maintenance
PENDING_SQL = "SELECT id, record_kind, record_id, op FROM outbox WHERE id > ? ORDER BY id LIMIT ?"
BUSY_TIMEOUT_S = 5.0


@dataclass(frozen=True)
class PendingChange:
    """An outbox row as ``SearchIndex`` reads it (the fields of ``archive.services.outbox.OutboxItem``)."""

    id: int
    record_kind: str
    record_id: int
    op: str


class LazyArchiveDocuments(DocumentSource):
    """The index documents of the archive at ``path`` (already opened by the app); see the module docstring.

    Safe from several threads (a query and the warm-up); ``close`` releases the file.
    Pickled (for rebuild workers) as the path alone.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self._quick = True  # False once the quick path failed: the full one answers from then on
        self._full: ArchiveDocuments | None = None

    def __getstate__(self) -> dict[str, object]:
        return {"path": str(self.path)}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(Path(str(state["path"])))  # type: ignore[misc]

    # The quick path ------------------------------------------------------------------------

    def generation(self) -> str:
        rows = self._read(GENERATION_SQL, ())
        if rows is None:
            return self.full().generation()
        return str(rows[0][0]) if rows else ""

    def pending_changes(self, limit: int, after_id: int = 0) -> list[Any]:
        rows = self._read(PENDING_SQL, (after_id, limit))
        if rows is None:
            return self.full().pending_changes(limit, after_id)
        return [PendingChange(int(row[0]), str(row[1]), int(row[2]), str(row[3])) for row in rows]

    def _read(self, sql: str, parameters: tuple[object, ...]) -> list[tuple[Any, ...]] | None:
        """The rows of ``sql``, or None when the quick path cannot answer (the full one must)."""
        with self._lock:
            if not self._quick:
                return None
            try:
                if self._connection is None:
                    self._connection = _read_only_connection(self.path)
                return self._connection.execute(sql, parameters).fetchall()
            except sqlite3.Error:
                self._quick = False
                self._close_connection()
                return None

    def _close_connection(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    # The full path -------------------------------------------------------------------------

    def full(self) -> ArchiveDocuments:
        """The archive opened with SQLAlchemy (``open_archive``), made on first call."""
        with self._lock:
            if self._full is None:
                from archive.db.engine import open_archive
                from search.records import ArchiveDocuments

                self._full = ArchiveDocuments(open_archive(self.path, create=False))
            return self._full

    def count(self) -> int:
        return self.full().count()

    def rebuild_order(self) -> list[tuple[str, int]]:
        return self.full().rebuild_order()

    def documents_in_order(self, keys: list[tuple[str, int]]) -> Iterator[IndexDocument]:
        return self.full().documents_in_order(keys)

    def documents(self, kind: str, ids: Iterable[int] | None) -> Iterator[IndexDocument]:
        return self.full().documents(kind, ids)

    def all_documents(self) -> Iterator[IndexDocument]:
        return self.full().all_documents()

    def dependents(self, kind: str, record_id: int) -> dict[str, set[int]]:
        return self.full().dependents(kind, record_id)

    def acknowledge(self, ids: list[int]) -> None:
        self.full().acknowledge(ids)

    def keeps_acknowledged(self) -> bool:
        return self.full().keeps_acknowledged()

    def close(self) -> None:
        """Release the archive file (both paths)."""
        with self._lock:
            self._close_connection()
            full, self._full = self._full, None
        if full is not None:
            full.archive.close()


def _read_only_connection(path: Path) -> sqlite3.Connection:
    """A read-only connection to the archive (``mode=ro``: never creates the file, never writes)."""
    connection = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True, timeout=BUSY_TIMEOUT_S,
                                 check_same_thread=False)
    connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    return connection
