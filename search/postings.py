"""Posting lists read whole from the index segments and kept per searcher: the search's fast path.

Whoosh answers a query through a tree of matchers that step through postings one at a time in
Python (about 0.5 µs per posting skipped), so an AND of two common words costs tens of
milliseconds. ``search.matching`` instead works on whole posting lists as Python dicts
(document number -> weight): AND, OR and NOT become set operations that run in C, and only a
bounded set of candidates is scored. This module reads those lists:

- a term's postings are decoded block by block (one unpickle and one ``accumulate`` per block
  of ``BulkSegmentWriter``'s large blocks) instead of posting by posting;
- lists are cached per searcher (a searcher is replaced after every commit, and so is its
  cache), least recently used first out when ``MAX_CACHED_POSTINGS`` is passed;
- document frequencies, field lengths (one byte per document, Whoosh's own encoding) and
  prefix expansions are cached the same way.

It reads internals of the pinned Whoosh codec (``W3LeafMatcher`` blocks, the lengths column)
through ``search.whoosh_internals``; any other matcher is read through the public matcher interface.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Collection
from itertools import accumulate, islice
from typing import Any, cast

from whoosh.codec.whoosh3 import LENGTHS_COLUMN

from search.schema import term_bytes
from search.whoosh_internals import is_block_matcher, length_column_bytes, posting_blocks

# Postings kept per searcher. A cached posting costs one dict entry (about 40 bytes): the
# document numbers and weights are shared objects (see ``_read``), so this is ~160 MB at most,
# reached only after many different common words.
MAX_CACHED_POSTINGS = 4_000_000


class PostingCache:
    """Whole posting lists, frequencies and field lengths of one searcher's reader."""

    def __init__(self, reader: Any) -> None:
        self.reader = reader
        self.leaves = list(reader.leaf_readers())  # (segment reader, first global docnum)
        self.doc_count = reader.doc_count()
        self.doc_count_all = reader.doc_count_all()
        self.deleted = frozenset(
            offset + docnum for leaf, offset in self.leaves if leaf.has_deletions() for docnum in leaf.deleted_docs_set)
        self._postings: OrderedDict[tuple[object, ...], Collection[int]] = OrderedDict()  # lists and derived sets
        self._cached = 0
        self._docnums: list[int] | None = None
        self._weights: dict[float, float] = {}
        self._frequencies: dict[tuple[str, str], int] = {}
        self._lengths: dict[str, bytearray] = {}
        self._average: dict[str, float] = {}
        # Filled by search.matching: prefix -> its expansions, and complete lexicon scans.
        self.prefixes: dict[str, tuple[str, ...]] = {}
        self.prefix_scans: dict[str, dict[str, int]] = {}

    def postings(self, field: str, term: str) -> dict[int, float]:
        """Live documents holding ``term`` in ``field``: global docnum -> weight (frequency × boost)."""
        key = (field, term)
        cached = self._postings.get(key)
        if cached is not None:
            self._postings.move_to_end(key)
            return cast(dict[int, float], cached)  # keys of two strings hold posting lists
        found = self._read(field, term_bytes(term))
        self._postings[key] = found
        self._cached += len(found)
        self._evict()
        return found

    def derived(self, key: tuple[object, ...], compute: Callable[[], Collection[int]]) -> Collection[int]:
        """A set computed from posting lists (a word in all its fields, a prefix's expansions),
        cached with them: typing and repeated words reuse it instead of copying lists again."""
        cached = self._postings.get(key)
        if cached is not None:
            self._postings.move_to_end(key)
            return cached
        found = self._postings[key] = compute()
        self._cached += len(found)
        self._evict()
        return found

    def _evict(self) -> None:
        while self._cached > MAX_CACHED_POSTINGS and len(self._postings) > 1:
            _key, dropped = self._postings.popitem(last=False)
            self._cached -= len(dropped)

    def _read(self, field: str, tbytes: bytes) -> dict[int, float]:
        ids: list[int] = []
        weights: list[float] = []
        for leaf, offset in self.leaves:
            if not leaf.doc_frequency(field, tbytes):
                continue
            matcher = leaf.postings(field, tbytes)
            matcher = getattr(matcher, "child", matcher)  # deletions are removed below, at once
            if is_block_matcher(matcher):
                _read_blocks(matcher, offset, ids, weights)
            else:
                while matcher.is_active():
                    ids.append(matcher.id() + offset)
                    weights.append(matcher.weight())
                    matcher.next()
        # One int object per document number and one float per distinct weight, shared by every
        # cached list: a posting then costs only its dict entry.
        if self._docnums is None:
            self._docnums = list(range(self.doc_count_all))
        shared_weight = self._weights.setdefault
        found = dict(zip(map(self._docnums.__getitem__, ids), map(shared_weight, weights, weights), strict=True))
        for docnum in self.deleted.intersection(found) if self.deleted else ():
            del found[docnum]
        return found

    def doc_frequency(self, field: str, term: str) -> int:
        key = (field, term)
        frequency = self._frequencies.get(key)
        if frequency is None:
            cached = self._postings.get(key)
            frequency = len(cached) if cached is not None else self.reader.doc_frequency(field, term_bytes(term))
            self._frequencies[key] = frequency
        return frequency

    def expand_prefix(self, field: str, prefix: str, limit: int) -> tuple[dict[str, int], bool]:
        """Terms of ``field`` starting with ``prefix`` -> document frequency, read segment by segment
        (the multi-segment reader merges lexicons and looks each frequency up again: 10x slower);
        and whether the scan is complete (no segment had more than ``limit`` such terms)."""
        found: dict[str, int] = {}
        complete = True
        for leaf, _offset in self.leaves:
            count = 0
            for tbytes, info in islice(leaf.iter_prefix(field, prefix), limit):
                term = tbytes.decode("utf-8") if isinstance(tbytes, bytes) else tbytes
                found[term] = found.get(term, 0) + info.doc_frequency()
                count += 1
            complete = complete and count < limit
        return found, complete

    def lengths(self, field: str) -> bytearray:
        """One length byte per global docnum (``byte_to_length`` gives the length)."""
        found = self._lengths.get(field)
        if found is None:
            found = self._lengths[field] = bytearray(self.doc_count_all)
            for leaf, offset in self.leaves:
                found[offset : offset + leaf.doc_count_all()] = _length_bytes(leaf, field)
        return found

    def average_length(self, field: str) -> float:
        average = self._average.get(field)
        if average is None:
            average = self._average[field] = self.reader.field_length(field) / max(1, self.doc_count_all) or 1.0
        return average

    def leaf_starts(self) -> list[int]:
        """The first global docnum of every segment, in order."""
        return [offset for _leaf, offset in self.leaves]


def segment_id(leaf: Any) -> str | None:
    """The id of a segment reader's segment (it never changes once written), or None if unknown."""
    segment = leaf.segment() if hasattr(leaf, "segment") else None
    return segment.segment_id() if segment is not None else None


def _read_blocks(matcher: Any, offset: int, ids: list[int], weights: list[float]) -> None:
    """Every posting of a Whoosh 3 posting list, a block at a time (ids are delta-coded per block)."""
    for block_ids, block_weights in posting_blocks(matcher):
        ids.extend(islice(accumulate(block_ids, initial=offset), 1, None))
        if block_weights is None or isinstance(block_weights, float):
            weights.extend([block_weights or 1.0] * len(block_ids))
        else:
            weights.extend(block_weights)


def _length_bytes(leaf: Any, field: str) -> bytes:
    count = leaf.doc_count_all()
    raw = length_column_bytes(leaf, field, LENGTHS_COLUMN)
    if raw is None:  # another codec: the public, slower way
        from whoosh.util.numeric import length_to_byte

        return bytes(length_to_byte(leaf.doc_field_length(docnum, field, 0) or 0) for docnum in range(count))
    return raw + bytes(count - len(raw))
