"""A Whoosh segment writer for full rebuilds: postings gathered per term, written in blocks.

Whoosh's ``SegmentWriter`` sends every posting through a generic sorting pool and then through
per-posting Python calls when the segment is flushed; at ~150 postings per record that caps a
rebuild near 300 records/s. ``BulkSegmentWriter`` keeps the stored fields, lengths and columns
path of Whoosh (``perdocwriter``) but gathers postings in memory as one array per term (already
in document order) and writes each term's blocks and term info itself, in the format of
``W3PostingsWriter`` (blocks of 1,024 postings rather than 128: ``search.postings`` reads whole
lists; block data pickled with protocol 3 rather than 2). Field lengths go to their columns in
one write per field. The files it writes are ordinary Whoosh 3 segments.

It relies on internals of the pinned Whoosh codec (``W3FieldWriter``, the W3 block and term
info formats), reached only through ``search.whoosh_internals``, and is only used to write a *new*
segment of a new index: no merging, no deletions (``commit`` always passes ``merge=False``).
"""

from __future__ import annotations

import sys
import zlib
from array import array
from collections import defaultdict, deque
from collections.abc import Collection, Mapping
from functools import partial
from itertools import chain
from operator import sub
from pickle import dumps
from typing import Any, TypeAlias, cast

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, WHOOSH3_HEADER_MAGIC
from whoosh.filedb.filetables import crc_hash
from whoosh.formats import Frequency
from whoosh.system import pack_int, pack_long, pack_uint, pack_ushort
from whoosh.util.numeric import length_to_byte as _length_to_byte

from search.schema import TermsField, term_bytes
from search.whoosh_internals import (
    CRC32_HASH_TYPE,
    HASH_ROW_HEADER,
    HASH_SLOT,
    TERM_INFO,
    SegmentWriterSteps,
    field_number,
    field_writer_files,
    use_hash_table_writer,
    write_length_column,
)

Term = str | int | bytes  # a word, a word-pair bucket number, or bytes Whoosh's analyzer gave
Postings: TypeAlias = "array[int]"  # (docnum << 8 | frequency) of a term, or the field lengths of every document
_FREQUENCY_BITS = 8
_MAX_FREQUENCY = (1 << _FREQUENCY_BITS) - 1
_COMPRESSION = 3  # Whoosh's default zlib level
_COMPRESS_FROM = 16  # postings
# Postings per block: Whoosh's writer uses 128, but the search reads whole lists
# (``search.postings``) and each block costs an unpickle: larger blocks read 5-8x faster.
_BLOCK_LIMIT = 1024
# Block data (ids, weights, packed frequencies) is pickled with protocol 3, which has a bytes
# opcode: protocol 2, Whoosh's choice, pickles bytes as a call to ``_codecs.encode``, 5x slower
# and twice the size. Whoosh reads any protocol (``pickle.loads``).
_DATA_PROTOCOL = 3
_HASH_MAGIC = b"HSH3"  # the header of Whoosh's hash files: magic, hash type byte, two unused ints
_HASH_HEADER_SIZE = len(_HASH_MAGIC) + 1 + 4 + 4
_DOCNUM_OF = _FREQUENCY_BITS.__rrshift__  # posting >> 8, called from C by map()
_FREQUENCY_OF = _MAX_FREQUENCY.__and__  # posting & 255
_PACKED_FREQUENCY = [pack_uint(frequency) for frequency in range(_MAX_FREQUENCY + 1)]
_SWAP_TO_BIG_ENDIAN = sys.byteorder == "little"
if array("I").itemsize != 4:  # pragma: no cover - every platform Muntada ships on has 32-bit ints
    raise ImportError("search.bulkwriter needs 32-bit array('I') items")


class BulkSegmentWriter(SegmentWriterSteps):
    """Writes one new segment from many documents; use ``add_document`` then ``commit``."""

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        if self.docbase != 0:  # Whoosh numbers documents per segment; the block infos rely on it
            raise ValueError("BulkSegmentWriter expects a segment numbered from 0")
        # fieldname -> term -> array of (docnum << 8 | frequency), in document order
        self._postings: dict[str, dict[Term, Postings]] = {}
        # fieldname -> field length of every document, indexed by docnum (scorable fields)
        self._lengths: dict[str, Postings] = {name: array("I") for name, field in self.schema.items()
                                           if field.indexed and field.scorable}
        self._known_terms: dict[str, dict[object, dict[Term, int]]] = {}  # fieldname -> value -> term counts
        # fieldname -> (field, its postings by term or None, stored, column type, counted beforehand)
        self._plan = {
            name: (field, self._postings.setdefault(name, defaultdict(_new_postings)) if field.indexed else None,
                   field.stored, field.column_type, isinstance(field, TermsField))
            for name, field in self.schema.items()
        }

    def add_document(self, **fields: Any) -> None:
        self.check_open()
        docnum = self.docnum
        perdoc = self.perdocwriter
        perdoc.start_doc(docnum)
        lengths = self._lengths
        plan = self._plan
        posting_base = docnum << _FREQUENCY_BITS
        for fieldname, value in fields.items():
            if value is None or fieldname.startswith("_"):
                continue
            field, by_term, stored, column_type, counted = plan[fieldname]
            if by_term is not None:
                counted_terms = counted and isinstance(value, Mapping)
                counts = value if counted_terms else self._indexed_terms(fieldname, field, value)
                frequencies: Collection[int] = counts.values()
                if frequencies and max(frequencies) > _MAX_FREQUENCY:
                    frequencies = [min(frequency, _MAX_FREQUENCY) for frequency in frequencies]
                # One posting per term, appended to the term's array: map() and deque() run the
                # loop in C (a Python loop over ~150 postings per document was a fifth of a rebuild).
                postings = map(posting_base.__or__, frequencies)
                deque(map(array.append, map(by_term.__getitem__, counts.keys()), postings), maxlen=0)
                if fieldname in lengths:
                    lengths[fieldname].append(sum(counts.values()))
            if stored:
                # Lengths go to their columns in one write per field at the end (_write_lengths).
                perdoc.add_field(fieldname, field, value, 0)
            if column_type:
                perdoc.add_column_value(fieldname, column_type, field.to_column_value(value))
        for field_lengths in lengths.values():  # fields this document does not have: length 0
            if len(field_lengths) == docnum:
                field_lengths.append(0)
        perdoc.finish_doc()
        self.mark_documents_added()
        self.docnum += 1

    def _indexed_terms(self, fieldname: str, field: Any, value: object) -> dict[Term, int]:
        """Term -> frequency of a value Whoosh analyzes itself (ids, years, facets).

        Kinds, years and facet labels repeat across thousands of documents: each distinct
        value of a non-unique field goes through Whoosh's analyzer once.
        """
        if field.unique:
            return {tbytes: frequency for tbytes, frequency, _weight, _value in field.index(value)}
        known = self._known_terms.setdefault(fieldname, {})
        counts = known.get(value)
        if counts is None:
            counts = known[value] = {tbytes: frequency for tbytes, frequency, _weight, _value in field.index(value)}
        return counts

    def add_reader(self, reader: Any) -> None:
        raise NotImplementedError("BulkSegmentWriter writes new segments only")

    def commit(self, mergetype: Any = None, optimize: bool = False, merge: bool = False) -> None:
        super().commit(mergetype=mergetype, optimize=False, merge=False)

    def flush_segment(self) -> None:
        self._write_lengths()
        self.perdocwriter.close()
        fieldwriter = self.fieldwriter
        postings_file, term_table = field_writer_files(fieldwriter)
        postings_out = _Appender(postings_file)
        terms_out = _TermTable(term_table)
        for fieldname in sorted(self._postings):
            if not self._postings[fieldname]:
                continue
            field = self.schema[fieldname]
            fieldwriter.start_field(fieldname, field)
            field_key = pack_ushort(field_number(fieldwriter))
            by_term = self._postings[fieldname]
            writer = _TermWriter(field, self._lengths.get(fieldname))
            for tbytes, term in _in_index_order(by_term):
                postings = by_term[term]
                start = postings_out.position
                postings_out.write(writer.postings_bytes(postings))
                terms_out.add(field_key + tbytes, writer.term_info(postings, start, postings_out.position - start))
            postings_out.flush()
            terms_out.flush()
            fieldwriter.finish_field()
        fieldwriter.close()
        self._postings.clear()

    def _write_lengths(self) -> None:
        """Each scorable field's length column and total, as ``W3PerDocWriter.add_field`` writes
        them one document at a time: a length byte per document (trailing zeros are left to the
        column's ``finish``, which pads with its default, 0)."""
        perdoc = self.perdocwriter
        for fieldname, lengths in self._lengths.items():
            total = sum(lengths)
            if not total:
                continue
            data = bytes(map(length_to_byte, lengths)).rstrip(b"\0")
            write_length_column(perdoc, fieldname, data, total, LENGTHS_COLUMN)


class _Appender:
    """Appends bytes to a Whoosh structured file in large writes, knowing its position."""

    def __init__(self, structfile: Any, limit: int = 1 << 22) -> None:
        self.file = structfile
        self.position = structfile.tell()
        self.parts: list[bytes] = []
        self.pending = 0
        self.limit = limit

    def write(self, data: bytes) -> None:
        self.parts.append(data)
        self.position += len(data)
        self.pending += len(data)
        if self.pending >= self.limit:
            self.flush()

    def flush(self) -> None:
        self.file.write(b"".join(self.parts))
        self.parts.clear()
        self.pending = 0


class _TermTable:
    """Adds rows to Whoosh's ordered term table (``OrderedHashWriter``) as its ``add`` does, in bulk.

    Same bytes as ``OrderedHashWriter.add`` (length header, key, value; the key's position in
    the index array and its hash in a bucket); keys must come in increasing order.
    """

    def __init__(self, table: Any) -> None:
        self.table = table
        _use_crc32(table)
        self.out = _Appender(table.dbfile)
        self.hash = table.hashfn
        use_hash_table_writer(table, _write_hash_tables)  # called by the table's close()

    def add(self, key: bytes, value: bytes) -> None:
        table, position = self.table, self.out.position
        if key <= table.lastkey:
            raise ValueError(f"Keys must increase: {table.lastkey!r}..{key!r}")
        table.index.append(position)
        self.out.write(HASH_ROW_HEADER.pack(len(key), len(value)) + key + value)
        key_hash = self.hash(key)
        table.buckets[key_hash & 255].append((key_hash, position))
        table.lastkey = key

    def flush(self) -> None:
        self.out.flush()


def _write_hash_tables(table: Any) -> None:
    """``HashWriter._write_hashes`` with each bucket's table written in one call (same bytes).

    Whoosh writes the 256 open-addressing tables slot by slot, two slots per term: a second of
    Python calls per rebuild process. Empty slots are (0, 0); no key starts at position 0.
    """
    dbfile = table.dbfile
    for entries in table.buckets:
        table.directory.append((dbfile.tell(), 2 * len(entries)))
        slots = len(entries) * 2
        hashes, positions = [0] * slots, [0] * slots
        for key_hash, position in entries:
            slot = (key_hash >> 8) % slots
            while positions[slot]:
                slot = (slot + 1) % slots
            hashes[slot], positions[slot] = key_hash, position
        if slots:
            dbfile.write(b"".join(map(HASH_SLOT.pack, hashes, positions)))


def _use_crc32(table: Any) -> None:
    """Hash the new term table's keys with CRC-32 rather than MD5 (20x cheaper per term).

    A Whoosh hash file names its hash function in its header (0 MD5, 1 CRC-32, 2 CDB) and
    readers use the one named, so only the header byte, written when the table was created and
    before any key, is changed.
    """
    dbfile = table.dbfile
    if table.hashtype == CRC32_HASH_TYPE:
        return
    end = dbfile.tell()
    if end != table.startoffset + _HASH_HEADER_SIZE or table.index or any(table.buckets):
        raise ValueError("the term table already holds keys")
    dbfile.seek(table.startoffset + len(_HASH_MAGIC))
    dbfile.write_byte(CRC32_HASH_TYPE)
    dbfile.seek(end)
    table.hashtype, table.hashfn = CRC32_HASH_TYPE, crc_hash


class _TermWriter:
    """Writes a term's posting list as Whoosh 3 blocks and returns its term info.

    Does what ``W3PostingsWriter`` does per block (the same values: delta-coded ids, minified
    weights, packed frequencies, block info) on whole lists at once: the writer's per-posting
    and per-term Python calls were most of a rebuild's time. Most terms have one posting:
    they take a shorter path with the same result.
    """

    def __init__(self, field: Any, lengths: Postings | None) -> None:
        self.boost = float(field.format.field_boost) if isinstance(field.format, Frequency) else 1.0
        self.keeps_values = isinstance(field.format, Frequency)
        self.lengths = lengths
        # (weight, max weight, min length, max length) of the last list
        self._summary: tuple[float, float, int | None, int] = (0.0, 0.0, None, 0)

    def postings_bytes(self, postings: Postings) -> bytes:
        """The bytes of the term's posting list; ``term_info`` then gives its term info."""
        count = len(postings)
        if count == 1:
            return self._single_bytes(postings[0])
        compression = _COMPRESSION if count >= _COMPRESS_FROM else 0
        if count <= _BLOCK_LIMIT:  # most lists: one block
            self._summary = (0.0, 0.0, None, 0)
            return bytes(WHOOSH3_HEADER_MAGIC) + self._block(postings, compression, True)
        self._summary = (0.0, 0.0, None, 0)
        parts = [WHOOSH3_HEADER_MAGIC]
        for first in range(0, count, _BLOCK_LIMIT):
            last = first + _BLOCK_LIMIT >= count
            parts.append(self._block(postings[first : first + _BLOCK_LIMIT], compression, last))
        return b"".join(parts)

    def _block(self, chunk: Postings, compression: int, last: bool) -> bytes:
        """One block's size, block info and data; adds the block to ``_summary``."""
        boost, lengths = self.boost, self.lengths
        size = len(chunk)
        docnums = list(map(_DOCNUM_OF, chunk))
        frequencies = list(map(_FREQUENCY_OF, chunk))
        deltas = tuple(map(sub, docnums, chain((0,), docnums)))
        low = frequencies[0]
        weights: float | tuple[float, ...] | None
        if frequencies.count(low) == size:  # the usual case: the same frequency throughout
            high = low
            weights = None if low * boost == 1.0 else float(low * boost)
            block_weight = low * boost * size
            values = _PACKED_FREQUENCY[low] * size if self.keeps_values else None
        else:
            high = max(frequencies)
            each_weight = tuple(map(boost.__mul__, frequencies))
            weights, block_weight = each_weight, sum(each_weight)
            values = _packed_uints(frequencies) if self.keeps_values else None
        block_max_weight = high * boost
        data = dumps((deltas, weights, values), _DATA_PROTOCOL)
        if compression:
            data = zlib.compress(data, compression)
        block_min: int | None
        if lengths is None:
            block_min, block_max = None, 0
        else:
            block_lengths = list(map(lengths.__getitem__, docnums))
            block_min, block_max = min(block_lengths) or None, max(block_lengths)
        block_info = dumps((size, docnums[-1], block_max_weight, compression,
                            length_to_byte(block_min), length_to_byte(block_max)), 2)
        total_weight, max_weight, min_length, max_length = self._summary
        if block_min is not None and (min_length is None or block_min < min_length):
            min_length = block_min
        self._summary = (total_weight + block_weight, max(max_weight, block_max_weight), min_length,
                         max(max_length, block_max))
        length = len(block_info) + len(data)
        size_bytes: bytes = pack_int(-length if last else length)
        return size_bytes + block_info + data

    def _single_bytes(self, posting: int) -> bytes:
        docnum, frequency = posting >> _FREQUENCY_BITS, posting & _MAX_FREQUENCY
        weight = frequency * self.boost
        values = _PACKED_FREQUENCY[frequency] if self.keeps_values else None
        data = dumps(((docnum,), None if weight == 1.0 else float(weight), values), _DATA_PROTOCOL)
        length = self.lengths[docnum] if self.lengths is not None else 0
        length_byte = length_to_byte(length or None)
        block_info = dumps((1, docnum, weight, 0, length_byte, length_to_byte(length)), 2)
        self._summary = (weight, weight, length or None, length)
        size_bytes: bytes = pack_int(-(len(block_info) + len(data)))
        return b"".join((WHOOSH3_HEADER_MAGIC, size_bytes, block_info, data))

    def term_info(self, postings: Postings, offset: int, length: int) -> bytes:
        """``W3TermInfo.to_bytes`` of the list ``postings_bytes`` wrote at ``offset``."""
        weight, max_weight, min_length, max_length = self._summary
        info: bytes = TERM_INFO.pack(0, weight, len(postings), length_to_byte(min_length), length_to_byte(max_length),
                                     max_weight, postings[0] >> _FREQUENCY_BITS, postings[-1] >> _FREQUENCY_BITS)
        return b"".join((info, pack_long(offset), pack_int(length)))


class _LengthBytes(dict[int | None, int]):
    """Whoosh's ``length_to_byte`` (a bisect per call), remembered per length."""

    def __missing__(self, length: int | None) -> int:
        byte = self[length] = int(_length_to_byte(length))
        return byte


length_to_byte = _LengthBytes().__getitem__


def _packed_uints(numbers: list[int]) -> bytes:
    """``b"".join(map(pack_uint, numbers))`` in one call (big-endian 32-bit)."""
    packed = array("I", numbers)
    if _SWAP_TO_BIG_ENDIAN:
        packed.byteswap()
    return packed.tobytes()


_new_postings = partial(array, "I")  # a term's first posting: an empty array (called from C)


def _in_index_order(terms: Mapping[Term, Postings]) -> list[tuple[bytes, Term]]:
    """(index bytes, term) of every term, sorted by the bytes as Whoosh's term table needs.

    Words sort by code point, which is the order of their UTF-8 bytes, so a field of words
    (or of bytes) is sorted before being encoded; pair buckets sort by their encoded form.
    """
    kinds = set(map(type, terms))
    if kinds == {str}:
        words = cast("list[str]", sorted(cast("Mapping[str, Postings]", terms)))
        return [(word.encode("utf-8"), word) for word in words]
    if kinds == {bytes}:
        return [(term, term) for term in sorted(cast("Mapping[bytes, Postings]", terms))]
    return sorted(((_as_bytes(term), term) for term in terms), key=lambda pair: pair[0])


def _as_bytes(term: Term) -> bytes:
    return term if isinstance(term, bytes) else term_bytes(term)
