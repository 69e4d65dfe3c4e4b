"""The search index of one archive: open, keep in step with the database, rebuild, search.

Owns the index directory (``<archive>.index/``) and its life cycle:

- ``SearchIndex.open`` opens the index, and rebuilds it from the database when it is missing,
  unreadable, or was built with another schema or analysis version (``index-format.json``);
  it then drains the outbox, so changes made while the index was closed are applied.
- ``drain_outbox`` applies pending outbox rows (with their dependents) in one commit and only
  then acknowledges them, so a crash never leaves the index silently behind.
- ``rebuild`` writes a complete new index beside the old one (several processes, each writing
  one segment with ``BulkSegmentWriter``), then swaps it in; searchers are closed first
  because Windows cannot replace open files.
- ``search`` runs on one long-lived searcher, refreshed only after a commit, with its cache of
  whole posting lists (``search.postings``).

One writer at a time: a thread lock inside the process, and Whoosh's write lock (waited for up
to ``WRITE_TIMEOUT``) between processes. Searches may run on another thread while a writer works.
"""

from __future__ import annotations

import gc
import json
import logging
import multiprocessing
import os
import queue
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.writing import LockError

from archive.errors import MuntadaError
from archive.i18n import tr
from search.bulkwriter import BulkSegmentWriter
from search.documents import DocumentSource, document_key, whoosh_fields
from search.postings import PostingCache, segment_id
from search.schema import FACET_FIELDS, INDEX_FORMAT, INDEXED_KINDS, build_schema
from search.service import DEFAULT_LIMIT, SearchResults, run_search
from search.spelling import vocabularies

log = logging.getLogger(__name__)

FORMAT_FILE = "index-format.json"
WRITE_TIMEOUT = 10.0
# Segments are written as separate files, not one compound file: Whoosh opens a compound file by
# copying each part into memory (BytesIO over the mmap), which made every reopen after an edit
# copy the whole index.
PARALLEL_FROM = 4000  # documents; below this one process is faster than starting workers
ProgressCallback = Callable[[int, int], None]  # (documents written, documents in all)


class SearchIndexBusyError(MuntadaError):
    """Another program keeps the search index locked for writing."""


class SearchIndex:
    """An open search index (create with ``SearchIndex.open``; close with ``close``)."""

    def __init__(self, index_dir: Path, source: DocumentSource) -> None:
        self.index_dir = Path(index_dir)
        self.source = source
        self._ix = None
        self._searcher = None
        self._stale = False
        self._facet_cache: dict[str, list] = {}
        self._segment_facets: dict[tuple[str | None, str], list] = {}  # (segment id, field) -> values
        self._postings: PostingCache | None = None
        self._search_lock = threading.RLock()
        self._write_lock = threading.Lock()
        self._repaired = False

    # Opening ---------------------------------------------------------------------------------

    @classmethod
    def open(cls, index_dir: Path, archive_or_source, progress: ProgressCallback | None = None) -> SearchIndex:
        """Open (or rebuild) the index of an archive and bring it up to date with the outbox."""
        source = archive_or_source if isinstance(archive_or_source, DocumentSource) else _archive_source(
            archive_or_source)
        search_index = cls(index_dir, source)
        if not search_index._try_open():
            search_index.rebuild(progress)
        search_index.drain_outbox()
        return search_index

    def _try_open(self) -> bool:
        if not (self.index_dir / FORMAT_FILE).exists():
            log.info("no complete search index at %s: building it", self.index_dir)
            return False
        try:
            recorded = json.loads((self.index_dir / FORMAT_FILE).read_text(encoding="utf-8"))
            if recorded != INDEX_FORMAT:
                log.info("search index format %s differs from %s: rebuilding", recorded, INDEX_FORMAT)
                return False
            ix = whoosh_index.open_dir(str(self.index_dir))
            with ix.searcher() as searcher:  # reads the TOC and every segment's term index
                searcher.doc_count()
                list(searcher.reader().lexicon("kind"))
            self._ix = ix
            return True
        except Exception as error:  # any damage means: rebuild from the database
            log.warning("search index at %s cannot be opened (%s): rebuilding", self.index_dir, error)
            return False

    def close(self) -> None:
        with self._search_lock:
            self._close_searcher()
            self._ix = None

    def _close_searcher(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
        self._facet_cache = {}
        self._postings = None

    # Searching -------------------------------------------------------------------------------

    def search(self, query_text: str, kind: str | None = None, limit: int = DEFAULT_LIMIT,
               as_you_type: bool = False, with_facets: bool = True) -> SearchResults:
        """Search the index (see ``search.query`` for the language); never raises on user input."""
        with self._search_lock:
            try:
                searcher = self._current_searcher()
                if self._postings is None:
                    self._postings = PostingCache(searcher.reader())
                return run_search(searcher, query_text, kind, limit, as_you_type, with_facets, self._facet_values,
                                  self._postings)
            except Exception:
                # A damaged index shows itself here at the latest; rebuild it once from the
                # database (a second failure is a bug, not damage: report it, do not loop).
                log.exception("search failed")
                if self._repaired:
                    return SearchResults.empty(str(query_text), tr("This search could not be run."))
                self._repaired = True
                self._close_searcher()
                self.rebuild()
                return SearchResults.empty(str(query_text), tr("The search index was repaired; search again."))

    def warm_up(self) -> None:
        """Load what the first search would otherwise wait for: facet columns and the spelling word lists."""
        with self._search_lock:
            searcher = self._current_searcher()
            for fieldname in FACET_FIELDS:
                self._facet_values(fieldname)
            vocabularies(searcher.reader())

    def _current_searcher(self):
        if self._ix is None:
            raise RuntimeError("index not open")
        if self._searcher is None:
            self._searcher = self._ix.searcher()
        elif self._stale:
            # Whoosh's Searcher.refresh() reuses a segment's reader by segment id, with the
            # deletions it had then: replaced and deleted documents would still be found.
            self._close_searcher()
            self._searcher = self._ix.searcher()
        self._stale = False
        return self._searcher

    def _facet_values(self, fieldname: str) -> list | None:
        """Facet values of every document (indexed by docnum), made once per searcher from per-segment lists.

        A segment never changes once written, so its column is read once and kept by segment id:
        after an edit only the new small segment is read (reading every column again took
        seconds at 100k records, on the first search after each edit).
        """
        values = self._facet_cache.get(fieldname)
        if values is None:
            values = []
            live = set()
            for leaf, _offset in self._searcher.reader().leaf_readers():
                key = (segment_id(leaf), fieldname)
                live.add(key)
                column = self._segment_facets.get(key) if key[0] is not None else None
                if column is None:
                    # A segment without any value for the field has no column at all.
                    column = (list(leaf.column_reader(fieldname)) if leaf.has_column(fieldname)
                              else [None] * leaf.doc_count_all())
                    if key[0] is not None:
                        self._segment_facets[key] = column
                values.extend(column)
            for key in [key for key in self._segment_facets if key[1] == fieldname and key not in live]:
                del self._segment_facets[key]  # merged away
            self._facet_cache[fieldname] = values
        return values

    def document_count(self) -> int:
        with self._search_lock:
            return self._current_searcher().doc_count()

    # Keeping in step -------------------------------------------------------------------------

    def drain_outbox(self, batch: int = 2000) -> int:
        """Apply every pending outbox row; returns how many rows were applied."""
        applied = 0
        while True:
            rows = self.source.pending_changes(batch)
            if not rows:
                return applied
            upserts: dict[str, set[int]] = {}
            deletes: set[tuple[str, int]] = set()
            for row in rows:
                _plan_change(self.source, row, upserts, deletes)
            self.apply_changes(upserts, deletes)
            self.source.acknowledge([row.id for row in rows])
            applied += len(rows)
            if len(rows) < batch:
                return applied

    def apply_changes(self, upserts: dict[str, set[int]], deletes: set[tuple[str, int]]) -> None:
        """Replace the documents of ``upserts`` (kind -> ids) and delete ``deletes``, one commit."""
        if not upserts and not deletes:
            return
        with self._write_lock:
            writer = self._writer()
            try:
                for kind, record_id in deletes:
                    writer.delete_by_term("key", document_key(kind, record_id))
                for kind, ids in upserts.items():
                    seen = set()
                    for document in self.source.documents(kind, ids):
                        seen.add(document.record_id)
                        writer.update_document(**whoosh_fields(document))
                    for missing in set(ids) - seen:  # deleted since: drop its document
                        writer.delete_by_term("key", document_key(kind, missing))
                writer.commit(merge=self._should_merge())
            except BaseException:
                writer.cancel()
                raise
        self._stale = True

    def _should_merge(self) -> bool:
        # Every commit adds a segment; merge the small ones now and then, never on every edit
        # (a merge costs far more than the 250 ms an edit may take to become searchable).
        return len(self._ix._segments()) > 12

    def _writer(self):
        try:
            return self._ix.writer(timeout=WRITE_TIMEOUT, compound=False)
        except LockError as error:
            raise SearchIndexBusyError("The search index is busy in another Muntada window; try again.") from error

    # Rebuilding ------------------------------------------------------------------------------

    def rebuild(self, progress: ProgressCallback | None = None, cancel: threading.Event | None = None,
                processes: int | None = None) -> int:
        """Write a new index from the source beside the old one and swap it in; returns its size."""
        with self._write_lock:
            temporary = self.index_dir.with_name(self.index_dir.name + ".rebuilding")
            shutil.rmtree(temporary, ignore_errors=True)
            temporary.mkdir(parents=True)
            written = build_index(temporary, self.source, progress, cancel, processes)
            if cancel is not None and cancel.is_set():
                shutil.rmtree(temporary, ignore_errors=True)
                return 0
            (temporary / FORMAT_FILE).write_text(json.dumps(INDEX_FORMAT), encoding="utf-8")
            with self._search_lock:
                self._close_searcher()
                self._ix = None
                _swap_directories(temporary, self.index_dir)
                self._ix = whoosh_index.open_dir(str(self.index_dir))
            return written


def build_index(directory: Path, source: DocumentSource, progress: ProgressCallback | None = None,
                cancel: threading.Event | None = None, processes: int | None = None) -> int:
    """Write every document of ``source`` into a new index at ``directory``; returns how many.

    The parent reads only the order of the documents (``rebuild_order``: ids and dates); each
    worker process reads and writes every ``processes``-th of them, so no process reads the
    whole archive and both segments hold documents of every age, newest first.
    """
    ix = whoosh_index.create_in(str(directory), build_schema())
    order = source.rebuild_order()
    total = len(order)
    if processes is None:
        processes = min(2, os.cpu_count() or 1) if total >= PARALLEL_FROM else 1
    writer = BulkSegmentWriter(ix, compound=False)
    if processes <= 1:
        with _cyclic_collection_paused():
            count = _write_share(writer, source, order, total, progress, cancel)
            writer.commit()
        return count
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    counter = context.Value("q", 0)
    results = context.Queue()
    workers = [context.Process(target=_build_segment, daemon=True,
                               args=(str(directory), source, order[part::processes], counter, results))
               for part in range(processes)]
    for worker in workers:
        worker.start()
    segments = []
    try:
        while len(segments) < processes:
            if cancel is not None and cancel.is_set():
                raise _Cancelled
            if progress is not None:
                progress(min(counter.value, total), total)
            try:
                segments.append(results.get(timeout=0.1))
            except queue.Empty:
                if not any(worker.is_alive() for worker in workers) and results.empty():
                    raise RuntimeError("an index worker stopped without writing its segment")
    except BaseException:
        for worker in workers:
            worker.terminate()
        writer.cancel()
        if cancel is not None and cancel.is_set():
            return 0
        raise
    for worker in workers:
        worker.join()
    if progress is not None:
        progress(total, total)
    writer.segments.extend(segment for segment, _count in segments)
    writer.commit()
    return sum(count for _segment, count in segments)


class _Cancelled(Exception):
    pass


def _build_segment(directory: str, source: DocumentSource, share: list[tuple[str, int]], counter, results) -> None:
    """In a worker process: write the documents of ``share`` (kind, id), in its order, as one new segment."""
    with _cyclic_collection_paused():
        ix = whoosh_index.open_dir(directory)
        writer = BulkSegmentWriter(ix, _lk=False, compound=False)
        count = 0
        for document in source.documents_in_order(share):
            writer.add_document(**whoosh_fields(document))
            count += 1
            if count % 500 == 0:
                with counter.get_lock():
                    counter.value += 500
        results.put((writer._finalize_segment(), count))


@contextmanager
def _cyclic_collection_paused() -> Iterator[None]:
    """No cyclic garbage collection while a segment is written.

    Writing a segment allocates millions of long-lived objects (posting arrays, analyzed words,
    term counts) and makes no reference cycles; the collector's repeated passes over them were
    about 8% of a rebuild (4.2 s of 50 s CPU for half of 100,000 records).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _write_share(writer, source, share, total, progress, cancel) -> int:
    count = 0
    for document in source.documents_in_order(share):
        writer.add_document(**whoosh_fields(document))
        count += 1
        if count % 500 == 0:
            if cancel is not None and cancel.is_set():
                break
            if progress is not None:
                progress(count, total)
    if progress is not None:
        progress(count, total)
    return count


def _swap_directories(new: Path, current: Path) -> None:
    old = current.with_name(current.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if current.exists():
        current.rename(old)
    new.rename(current)
    shutil.rmtree(old, ignore_errors=True)


def _plan_change(source: DocumentSource, row, upserts: dict[str, set[int]], deletes: set) -> None:
    kind, record_id = row.record_kind, row.record_id
    if kind in INDEXED_KINDS:
        if row.op == "delete":
            deletes.add((kind, record_id))
        else:
            upserts.setdefault(kind, set()).add(record_id)
    for dependent_kind, ids in source.dependents(kind, record_id).items():
        upserts.setdefault(dependent_kind, set()).update(ids)


def _archive_source(archive) -> DocumentSource:
    from search.records import ArchiveDocuments

    return ArchiveDocuments(archive)
