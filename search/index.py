"""The search index of one archive: open, keep in step with the database, rebuild, search.

Owns the life cycle of the index folder (``archive.location.index_folder_for``: in the user's
own data folder, never beside the archive):

- ``SearchIndex.open`` opens the index, and rebuilds it from the database when it is missing,
  unreadable, not signed by this user (``search.signature``), built with another schema or
  analysis version, or built from another copy of the archive (a restore renews the archive's
  generation; ``index-format.json`` records the one it was built from); it then drains the outbox.
- ``drain_outbox`` applies pending outbox rows (with their dependents) in one commit and only
  then acknowledges them, so a crash never leaves the index silently behind. Damage met while
  writing (``DAMAGE_ERRORS``) rebuilds the index; any other error is a bug: raised, the rows left
  pending, and the files of the segment begun deleted (Whoosh's cancel leaves them, unsigned).
- ``rebuild`` writes a complete new index beside the old one (several processes, each writing
  one segment with ``BulkSegmentWriter``), then swaps it in. The outbox rows committed before it
  read its first record are covered by the records it read: once the new index is in place they
  are acknowledged without being applied again (applying them one by one made a rebuild after a
  pull of 20,000 records take 300 s rather than 60); the rows written while it was written are
  then applied.
- ``catch_up`` notices what other processes did (a rebuild swapped in, a commit, outbox rows
  written by ``muntada import``, the archive's contents replaced: a restore, a team pull into an
  empty desktop) before a search in a long-lived process (the app's).
- ``search`` runs on one long-lived searcher, refreshed only after a commit, with its cache of
  whole posting lists (``search.postings``). Damage found while searching (I/O and format
  errors only: ``DAMAGE_ERRORS``) is repaired by a rebuild and the query answered; any other
  error is a bug, logged and raised.

One writer at a time, across processes: ``search.storage.IndexLock``, held by a rebuild from
before it reads the record list until the outbox is drained after the swap. Another process's
drain waits for it (up to ``WRITE_TIMEOUT``) and otherwise leaves its rows pending for the
rebuild to apply, so no change is acknowledged against an index that is about to be replaced.
Searches may run on another thread while a writer works. Lock order: the index lock before
``_search_lock``, never the other way round.
"""

from __future__ import annotations

import hmac
import logging
import pickle
import shutil
import struct
import threading
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whoosh import index as whoosh_index
from whoosh.writing import LockError

from archive.errors import MuntadaError
from archive.i18n import tr
from archive.location import index_key_path
from search.build import ProgressCallback, build_index
from search.documents import DocumentSource, document_key, whoosh_fields
from search.postings import PostingCache, segment_id
from search.schema import FACET_FIELDS, INDEX_FORMAT, INDEXED_KINDS
from search.service import DEFAULT_LIMIT, SearchResults, run_search
from search.signature import SignatureError, file_digest, index_key, sign, verify
from search.spelling import vocabularies
from search.storage import FORMAT_FILE, IndexFormat, IndexLock, new_rebuilding_folder, remove_leftovers, swap_in
from search.whoosh_internals import column_strings, safe_unpickling, segment_count

if TYPE_CHECKING:
    from archive.db.engine import Archive
    from archive.services.outbox import OutboxItem

log = logging.getLogger(__name__)

__all__ = ["DAMAGE_ERRORS", "FORMAT_FILE", "IndexDamagedError", "SearchIndex", "SearchIndexBusyError",
           "SearchIndexClosedError", "SearchIndexInUseError", "build_index", "is_damage"]

FacetColumn = list[str | None]  # a facet field's value of every document, by docnum
WRITE_TIMEOUT = 10.0
CATCH_UP_WAIT = 0.5  # seconds a search waits for another process's commit before searching without it
# Segments are written as separate files, not one compound file: Whoosh opens a compound file by
# copying each part into memory (BytesIO over the mmap), which made every reopen after an edit
# copy the whole index.


class SearchIndexBusyError(MuntadaError):
    """Another program keeps the search index locked for writing."""


class SearchIndexInUseError(MuntadaError):
    """A rebuilt index cannot replace the old one while another program has it open (Windows)."""


class SearchIndexClosedError(RuntimeError):
    """The index was used after ``close`` (or while another thread reopened it)."""


class IndexDamagedError(Exception):
    """The index folder cannot be trusted or read (unsigned or changed files)."""


class _Damaged(Exception):
    """A search met damage (its cause is the original error)."""


# What damage to the index folder raises: I/O and format errors. Anything else is a bug.
DAMAGE_ERRORS = (OSError, EOFError, struct.error, zlib.error, pickle.UnpicklingError, whoosh_index.IndexError,
                 IndexDamagedError)


def is_damage(error: BaseException) -> bool:
    """Whether ``error`` says the index files are damaged (rather than that our code has a bug).

    Besides ``DAMAGE_ERRORS``, Whoosh reports some format errors of its files as a plain
    ``Exception`` ("Block tag error"), which Python and our code never raise.
    """
    if isinstance(error, DAMAGE_ERRORS):
        return True
    return type(error) is Exception and _raised_in_whoosh(error)


def _raised_in_whoosh(error: BaseException) -> bool:
    trace = error.__traceback__
    while trace is not None and trace.tb_next is not None:
        trace = trace.tb_next
    return trace is not None and trace.tb_frame.f_globals.get("__name__", "").startswith("whoosh.")


class SearchIndex:
    """An open search index (create with ``SearchIndex.open``; close with ``close``)."""

    def __init__(self, index_dir: Path, source: DocumentSource | None, key_file: Path | None = None) -> None:
        self.index_dir = Path(index_dir)
        self._source = source  # None until ``attach`` (an index opened with ``open_files``)
        self.key_file = Path(key_file) if key_file is not None else index_key_path()
        self._key: bytes | None = None
        self._trusted: dict[str, str] = {}  # file name -> digest, checked by this process (or deferred)
        self._unchecked: set[str] = set()  # files in ``_trusted`` whose hashing was put off (``open_files``)
        self._damage: IndexDamagedError | None = None  # a put-off check failed: the next search rebuilds
        self._build: str | None = None  # build id of the index open in ``_ix``
        self._generation: str | None = None  # archive generation the index open in ``_ix`` was built from
        self._ix: Any = None  # the open Whoosh index
        self._searcher: Any = None
        self._searcher_generation = -1
        self._stale = False
        self._drained_through = 0  # last outbox id applied while rows could not be removed (read-only)
        self._facet_cache: dict[str, FacetColumn] = {}
        self._segment_facets: dict[tuple[str | None, str], FacetColumn] = {}  # (segment id, field) -> values
        self._postings: PostingCache | None = None
        self._search_lock = threading.RLock()
        self._lock = IndexLock(self.index_dir)

    # Opening ---------------------------------------------------------------------------------

    @property
    def source(self) -> DocumentSource:
        if self._source is None:
            raise RuntimeError("the index has no archive yet (call attach)")
        return self._source

    @classmethod
    def open(cls, index_dir: Path, archive_or_source: Archive | DocumentSource,
             progress: ProgressCallback | None = None, key_file: Path | None = None) -> SearchIndex:
        """Open (or rebuild) the index of an archive and bring it up to date with the outbox."""
        search_index = cls(index_dir, _as_source(archive_or_source), key_file)
        if not search_index._try_open(quiet=True):
            search_index._rebuild_unless_readable(progress)
        search_index.drain_outbox()
        return search_index

    @classmethod
    def open_files(cls, index_dir: Path, key_file: Path) -> SearchIndex | None:
        """Open a complete, signed index of the current format before its archive is open; else None.

        For the app's search process while the app builds its window and opens (maybe upgrades)
        the archive: checking and opening the files is most of opening a large index. ``attach``
        then gives it its archive. Reads no archive, writes nothing, never rebuilds, creates no key.

        Only the table of contents is hashed now; the other files (186 MB at 100k records) are
        checked to be signed and hashed by ``check_deferred_files`` after the first answer, with
        Whoosh unpickling their data as plain data only until then (``search.signature``).
        """
        if not Path(key_file).is_file():
            return None
        search_index = cls(index_dir, None, key_file)
        recorded = search_index._current_format()
        if recorded is not None and search_index._open_files(recorded, quiet=True, defer_hashing=True):
            return search_index
        return None

    def attach(self, archive_or_source: Archive | DocumentSource, progress: ProgressCallback | None = None) -> None:
        """Give an index from ``open_files`` its archive: reopened or rebuilt unless it was built from
        this copy of the archive (and by the last rebuild), then brought up to date with the outbox."""
        self._source = _as_source(archive_or_source)
        if self._generation != self._source.generation():
            self._reopen(progress)
        self.catch_up(wait=WRITE_TIMEOUT, progress=progress)

    def _rebuild_unless_readable(self, progress: ProgressCallback | None = None) -> None:
        """Under the lock, open the index again (another process may have just rebuilt it), else rebuild it."""
        with self._locked(None):
            if not self._try_open():
                self.rebuild(progress)

    def _try_open(self, quiet: bool = False) -> bool:
        """Open the index in its folder when it is complete, ours, current and readable.

        ``quiet``: a failed signature check is not logged (another process may be committing;
        the caller checks again under the lock).
        """
        recorded = self._current_format()
        if recorded is None:
            return False
        generation = self.source.generation()
        if recorded.generation != generation:
            log.info("search index at %s was built from another copy of the archive (%r, now %r): rebuilding",
                     self.index_dir, recorded.generation, generation)
            return False
        return self._open_files(recorded, quiet)

    def _current_format(self) -> IndexFormat | None:
        """What the index folder records of its build, when complete and of the current format."""
        recorded = IndexFormat.read(self.index_dir)
        if recorded is None:
            log.info("no complete search index at %s: building it", self.index_dir)
            return None
        if recorded.version != INDEX_FORMAT:
            log.info("search index format %s differs from %s: rebuilding", recorded.version, INDEX_FORMAT)
            return None
        return recorded

    def _open_files(self, recorded: IndexFormat, quiet: bool, defer_hashing: bool = False) -> bool:
        """Check the signature of the index files and open them with Whoosh (see ``_try_open``).

        ``defer_hashing``: hash only the table of contents now (see ``open_files``).
        """
        try:
            trusted = verify(self.index_dir, self._signing_key(), defer=_hashed_later if defer_hashing else None)
        except SignatureError as error:
            if not quiet:
                log.warning("search index at %s is not as Muntada wrote it (%s): rebuilding", self.index_dir, error)
            return False
        self._set_unchecked({name for name in trusted if _hashed_later(name)} if defer_hashing else set())
        try:
            ix = whoosh_index.open_dir(str(self.index_dir))
            with ix.searcher() as searcher:  # reads the TOC and every segment's term index
                searcher.doc_count()
                list(searcher.reader().lexicon("kind"))
        except Exception as error:
            self._set_unchecked(set())
            if not is_damage(error):
                raise
            log.warning("search index at %s cannot be read (%s): rebuilding", self.index_dir, error)
            return False
        self._ix, self._trusted, self._build, self._generation = ix, trusted, recorded.build, recorded.generation
        return True

    def _set_unchecked(self, names: set[str]) -> None:
        """Record which files are still to be hashed; Whoosh unpickles index data safely while any are."""
        self._unchecked = names
        self._damage = None
        safe_unpickling(self, bool(names))

    def check_deferred_files(self, stop: threading.Event | None = None) -> bool:
        """Hash the files whose check ``open_files`` put off, one at a time; returns whether all were checked.

        A file that differs from its signature makes the index damaged: the next search rebuilds
        it (raises ``IndexDamagedError`` too). Once ``stop`` is set no further file is hashed.
        """
        for name in sorted(self._unchecked):
            if stop is not None and stop.is_set():
                return False
            with self._search_lock:
                if name not in self._unchecked:
                    continue  # reopened or rebuilt meanwhile: checked then
                expected = self._trusted.get(name)
                if expected is None:  # no longer part of the index (merged away)
                    self._unchecked.discard(name)
                    continue
            try:
                matches = hmac.compare_digest(file_digest(self.index_dir / name, self._signing_key()), expected)
            except FileNotFoundError:
                matches = True  # merged away since: nothing of it can be read any more
            with self._search_lock:
                if name not in self._unchecked:
                    continue
                if not matches:
                    self._damage = IndexDamagedError(f"{name} differs from what was signed")
                    log.warning("search index at %s: %s; rebuilding it", self.index_dir, self._damage)
                    raise self._damage
                self._unchecked.discard(name)
        with self._search_lock:
            if not self._unchecked:
                self._set_unchecked(set())
        return True

    def _signing_key(self) -> bytes:
        if self._key is None:
            self._key = index_key(self.key_file)
        return self._key

    def _check_files(self, every_file: bool = False) -> None:
        """Check the files added since the last check (or ``every_file``) against the signature.

        Called before Whoosh reads a TOC another process may have written; raises IndexDamagedError.
        Files whose hashing was put off stay put off, unless ``every_file``.
        """
        try:
            self._trusted = verify(self.index_dir, self._signing_key(), None if every_file else self._trusted)
        except SignatureError as error:
            raise IndexDamagedError(str(error)) from error
        if every_file:
            self._set_unchecked(set())

    @contextmanager
    def _locked(self, timeout: float | None) -> Iterator[None]:
        if not self._lock.acquire(timeout):
            raise SearchIndexBusyError("The search index is busy in another Muntada window; try again.")
        try:
            yield
        finally:
            self._lock.release()

    def close(self) -> None:
        with self._search_lock:
            self._close_searcher()
            self._ix = None
            self._set_unchecked(set())

    def _close_searcher(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
        self._facet_cache = {}
        self._postings = None

    # Searching -------------------------------------------------------------------------------

    def search(self, query_text: str, kind: str | None = None, limit: int = DEFAULT_LIMIT,
               as_you_type: bool = False, with_facets: bool = True) -> SearchResults:
        """Search the index (see ``search.query`` for the language); never raises on user input.

        Damage found while searching is repaired (rebuilt from the database) and the query then
        answered; any other error is a bug: logged with its traceback and raised.
        """
        arguments = (query_text, kind, limit, as_you_type, with_facets)
        try:
            return self._search(*arguments)
        except _Damaged:
            log.exception("the search index at %s is damaged: rebuilding it from the archive", self.index_dir)
        self._repair()
        try:
            return self._search(*arguments)
        except _Damaged:
            log.exception("the search index at %s is still unreadable after a rebuild", self.index_dir)
            return SearchResults.empty(str(query_text), tr("This search could not be run."))

    def _search(self, query_text: str, kind: str | None, limit: int, as_you_type: bool,
                with_facets: bool) -> SearchResults:
        """One search; damage comes out as ``_Damaged`` (from the original error), a bug as itself (logged)."""
        with self._search_lock:
            try:
                searcher = self._current_searcher()
                if self._postings is None:
                    self._postings = PostingCache(searcher.reader())
                return run_search(searcher, query_text, kind, limit, as_you_type, with_facets, self._facet_values,
                                  self._postings)
            except Exception as error:
                if not is_damage(error):
                    log.exception("search for %r failed", query_text)
                    raise
                self._close_searcher()
                raise _Damaged() from error

    def _repair(self) -> None:
        """Rebuild a damaged index, unless every file checks out (another process was committing)."""
        with self._locked(None):
            try:
                self._check_files(every_file=True)
                return
            except IndexDamagedError as error:
                log.warning("search index at %s: %s; rebuilding it", self.index_dir, error)
            self.rebuild()

    def warm_up(self, stop: threading.Event | None = None, words: bool = True) -> bool:
        """Load what searches would otherwise wait for: facet columns and (``words``) the spelling word lists.

        One step at a time (a facet column, one segment's word list), each holding the search
        lock on its own: a query waits for one step at most, not for the whole warm-up (2-3 s at
        100k records). Once ``stop`` is set no further step starts. Returns whether all ran;
        what was loaded stays loaded, so calling it again goes on where it stopped.
        """
        for step in self._warm_up_steps(words):
            if stop is not None and stop.is_set():
                return False
            with self._search_lock:
                step(self._current_searcher())
        return True

    def _warm_up_steps(self, words: bool) -> list[Callable[[Any], object]]:
        with self._search_lock:
            segments = len(self._current_searcher().reader().leaf_readers()) if words else 0
        steps: list[Callable[[Any], object]] = [partial(self._load_facet_column, name) for name in FACET_FIELDS]
        steps += [partial(_segment_words, number=number) for number in range(segments)]
        return steps

    def _load_facet_column(self, fieldname: str, _searcher: Any) -> None:
        self._facet_values(fieldname)

    def _current_searcher(self) -> Any:
        if self._ix is None:
            raise SearchIndexClosedError("the search index is not open")
        if self._damage is not None:
            raise self._damage
        if self._searcher is None or self._stale:
            # Whoosh's Searcher.refresh() reuses a segment's reader by segment id, with the
            # deletions it had then: replaced and deleted documents would still be found.
            self._close_searcher()
            self._check_files()  # before Whoosh unpickles a TOC another process may have written
            self._searcher = self._ix.searcher()
            self._searcher_generation = self._searcher.reader().generation()
        self._stale = False
        return self._searcher

    def _facet_values(self, fieldname: str) -> FacetColumn | None:
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
                    column = _segment_column(leaf, fieldname)
                    if key[0] is not None:
                        self._segment_facets[key] = column
                values.extend(column)
            for key in [key for key in self._segment_facets if key[1] == fieldname and key not in live]:
                del self._segment_facets[key]  # merged away
            self._facet_cache[fieldname] = values
        return values

    def document_count(self) -> int:
        with self._search_lock:
            return int(self._current_searcher().doc_count())

    # Keeping in step -------------------------------------------------------------------------

    def catch_up(self, wait: float = CATCH_UP_WAIT, progress: ProgressCallback | None = None) -> int:
        """Take in what other processes changed; returns how many outbox rows this applied.

        For a long-lived process (the app's search process) before each search: another process
        may have swapped in a rebuilt index, committed to this one, written outbox rows
        (``muntada import``), or replaced the archive's contents (a new generation: a restore, a
        team pull into an empty desktop, which queues no outbox rows). Costs a small file read, a
        folder listing and two indexed queries.
        """
        if self._rebuilt_elsewhere() or self._generation != self.source.generation():
            self._reopen(progress)
        elif self._ix is not None and self._ix.latest_generation() != self._searcher_generation:
            self._stale = True
        return self.drain_outbox(wait=wait)

    def _reopen(self, progress: ProgressCallback | None = None) -> None:
        """Open the index in the folder again (rebuilt meanwhile, or for another archive), else rebuild it."""
        with self._search_lock:
            self._close_searcher()
            self._ix = None
            reopened = self._try_open(quiet=True)
        if not reopened:
            self._rebuild_unless_readable(progress)

    def _rebuilt_elsewhere(self) -> bool:
        recorded = IndexFormat.read(self.index_dir)
        return recorded is None or recorded.build != self._build

    def _pending_after(self) -> int:
        # Rows of a read-only archive are never removed: only the ones not applied yet are pending.
        # Otherwise every row is pending (ids of removed rows can be given again). Nothing applied
        # yet: 0 either way, without asking the source (the app's search process answers its
        # first query without opening the archive with SQLAlchemy: search.lazy_source).
        if not self._drained_through:
            return 0
        return self._drained_through if self.source.keeps_acknowledged() else 0

    def drain_outbox(self, batch: int = 2000, wait: float = WRITE_TIMEOUT) -> int:
        """Apply every pending outbox row; returns how many rows were applied.

        Waits up to ``wait`` seconds for another writer (a rebuild in another process holds the
        lock until it has applied the changes made meanwhile); then leaves the rows pending.
        """
        if not self.source.pending_changes(1, self._pending_after()):
            return 0  # nothing to wait for the lock for
        if not self._lock.acquire(wait):
            log.info("search index at %s is being written by another process: changes left pending", self.index_dir)
            return 0
        try:
            return self._drain_locked(batch)
        except Exception as error:
            if not is_damage(error):
                raise
            log.exception("the search index at %s is damaged: rebuilding it from the archive", self.index_dir)
            self.rebuild()  # applies every pending change once swapped in
            return 0
        finally:
            self._lock.release()

    def _drain_locked(self, batch: int) -> int:
        applied = 0
        after = self._pending_after()
        while True:
            rows = self.source.pending_changes(batch, after)
            if not rows:
                return applied
            upserts: dict[str, set[int]] = {}
            deletes: set[tuple[str, int]] = set()
            for row in rows:
                _plan_change(self.source, row, upserts, deletes)
            self.apply_changes(upserts, deletes)
            self.source.acknowledge([row.id for row in rows])
            after = rows[-1].id
            if self.source.keeps_acknowledged():
                self._drained_through = after
            applied += len(rows)
            if len(rows) < batch:
                return applied

    def apply_changes(self, upserts: dict[str, set[int]], deletes: set[tuple[str, int]]) -> None:
        """Replace the documents of ``upserts`` (kind -> ids) and delete ``deletes``, one commit."""
        if not upserts and not deletes:
            return
        with self._locked(WRITE_TIMEOUT):
            self._check_files()  # the writer reads the latest TOC, maybe written by another process
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
                _cancel(writer)
                raise
            self._trusted = sign(self.index_dir, self._signing_key(), self._trusted)
        self._stale = True

    def _should_merge(self) -> bool:
        # Every commit adds a segment; merge the small ones now and then, never on every edit
        # (a merge costs far more than the 250 ms an edit may take to become searchable).
        return segment_count(self._ix) > 12

    def _writer(self) -> Any:
        try:
            return self._ix.writer(timeout=WRITE_TIMEOUT, compound=False)
        except LockError as error:
            raise SearchIndexBusyError("The search index is busy in another Muntada window; try again.") from error

    # Rebuilding ------------------------------------------------------------------------------

    def rebuild(self, progress: ProgressCallback | None = None, cancel: threading.Event | None = None,
                processes: int | None = None) -> int:
        """Write a new index from the source beside the old one, swap it in, apply the changes made meanwhile.

        The outbox rows committed before the records are listed are acknowledged, not applied,
        once the new index is swapped in (its records hold their changes); the later ones are
        applied. Holds the index lock from before the outbox is read until those changes are
        applied, so another process cannot acknowledge a change against the index being replaced.
        Returns how many documents the new index was written with (0 when cancelled).
        """
        if not self._lock.acquire(None, cancel):
            return 0
        try:
            remove_leftovers(self.index_dir)
            temporary = new_rebuilding_folder(self.index_dir)
            generation = self.source.generation()
            covered = self._pending_ids()  # before a record is read: the rebuild covers these changes
            written = build_index(temporary, self.source, progress, cancel, processes)
            if cancel is not None and cancel.is_set():
                shutil.rmtree(temporary, ignore_errors=True)
                return 0
            built = IndexFormat.new(INDEX_FORMAT, generation)
            built.write(temporary)
            trusted = sign(temporary, self._signing_key())
            with self._search_lock:
                self._close_searcher()
                self._ix = None
                try:
                    swap_in(temporary, self.index_dir)
                except OSError as error:  # Windows: another process has a file of the index open
                    shutil.rmtree(temporary, ignore_errors=True)
                    self._try_open()
                    raise SearchIndexInUseError(
                        "The search index is open in another Muntada window; close it and try again.") from error
                self._ix, self._trusted = whoosh_index.open_dir(str(self.index_dir)), trusted
                self._build, self._generation = built.build, generation
                self._set_unchecked(set())
            self._acknowledge_covered(covered)
            self._drain_locked(2000)
            return written
        finally:
            self._lock.release()

    def _pending_ids(self, batch: int = 20000) -> list[int]:
        """The ids of every outbox row committed so far, oldest first (read-only archive: those not applied yet)."""
        ids: list[int] = []
        after = self._pending_after()
        while rows := self.source.pending_changes(batch, after):
            ids.extend(row.id for row in rows)
            after = rows[-1].id
        return ids

    def _acknowledge_covered(self, covered: list[int]) -> None:
        """Acknowledge the outbox rows a rebuild just swapped in covers, without applying them again.

        Rows committed before the rebuild read its first record: their changes are in the records it
        read. Called only once the new index is in place: killed before, the rows stay pending and
        are applied to whichever index is there (again, at worst), never lost.
        """
        if not covered:
            return
        for start in range(0, len(covered), 20000):
            self.source.acknowledge(covered[start : start + 20000])
        if self.source.keeps_acknowledged():
            self._drained_through = max(self._drained_through, covered[-1])


def _cancel(writer: Any) -> None:
    """Cancel a writer and delete the files of the segment it had begun.

    Whoosh's ``cancel`` leaves them in the folder, unsigned: the next check then took the index
    for tampered with and rebuilt it, so a bug met while indexing one edit still cost a rebuild.
    """
    writer.cancel()
    segment, storage = writer.newsegment, writer.storage
    try:
        for name in segment.list_files(storage):
            storage.delete_file(name)
    except OSError:  # left behind (Windows: a virus scanner has it open): the next check rebuilds, as before
        log.warning("files of a cancelled search index segment could not be deleted", exc_info=True)


def _hashed_later(name: str) -> bool:
    """Whether a file's hashing may wait until after the first answer: all but the tables of contents
    (``_MAIN_N.toc``), where Whoosh unpickles the schema with the classes it names."""
    return not name.endswith(".toc")


def _segment_column(leaf: Any, fieldname: str) -> FacetColumn:
    """Every document's value of a facet column in one segment (None for each when it has none)."""
    if not leaf.has_column(fieldname):  # a segment without any value for the field has no column at all
        return [None] * leaf.doc_count_all()
    values = column_strings(leaf, fieldname)
    return list(values) if values is not None else list(leaf.column_reader(fieldname))


def _segment_words(searcher: Any, number: int) -> None:
    """Load the spelling word list of the searcher's segment ``number`` (when it still has that many)."""
    leaves = searcher.reader().leaf_readers()
    if number < len(leaves):
        vocabularies(leaves[number][0])


def _plan_change(source: DocumentSource, row: OutboxItem, upserts: dict[str, set[int]],
                 deletes: set[tuple[str, int]]) -> None:
    kind, record_id = row.record_kind, row.record_id
    if kind in INDEXED_KINDS:
        if row.op == "delete":
            deletes.add((kind, record_id))
        else:
            upserts.setdefault(kind, set()).add(record_id)
    for dependent_kind, ids in source.dependents(kind, record_id).items():
        upserts.setdefault(dependent_kind, set()).update(ids)


def _as_source(archive_or_source: Archive | DocumentSource) -> DocumentSource:
    """A ``DocumentSource`` as given, or the records of an ``Archive``."""
    if isinstance(archive_or_source, DocumentSource):
        return archive_or_source
    from search.records import ArchiveDocuments

    return ArchiveDocuments(archive_or_source)
