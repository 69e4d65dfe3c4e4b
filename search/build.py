"""Writing a complete new index from a document source: in one process or in several.

``build_index`` writes every document of a ``DocumentSource`` into a new Whoosh index in an empty
folder, with ``BulkSegmentWriter``; from ``PARALLEL_FROM`` documents on, worker processes each
write one segment of it. ``search.index.SearchIndex.rebuild`` decides where and when (a folder
beside the live index, swapped in once complete).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index

from search.bulkwriter import BulkSegmentWriter
from search.documents import DocumentSource, whoosh_fields
from search.schema import build_schema

PARALLEL_FROM = 4000  # documents; below this one process is faster than starting workers
ProgressCallback = Callable[[int, int], None]  # (documents written, documents in all)


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
    workers = [context.Process(target=_build_segment, daemon=True,  # type: ignore[attr-defined]
                               args=(str(directory), source, order[part::processes], counter, results))
               for part in range(processes)]
    for worker in workers:
        worker.start()
    segments: list[tuple[Any, int]] = []  # (Whoosh segment, documents in it)
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
                    raise RuntimeError("an index worker stopped without writing its segment") from None
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


def _build_segment(directory: str, source: DocumentSource, share: list[tuple[str, int]], counter: Any,
                   results: Any) -> None:
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
        results.put((writer.finish_segment(), count))


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


def _write_share(writer: BulkSegmentWriter, source: DocumentSource, share: list[tuple[str, int]], total: int,
                 progress: ProgressCallback | None, cancel: threading.Event | None) -> int:
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
