"""A Whoosh segment writer for full rebuilds: postings gathered per term, written in blocks.

Whoosh's ``SegmentWriter`` sends every posting through a generic sorting pool and then through
per-posting Python calls when the segment is flushed; at ~150 postings per record that caps a
rebuild near 300 records/s. ``BulkSegmentWriter`` keeps the stored fields, lengths and columns
path of Whoosh (``perdocwriter``) but gathers postings in memory as one array per term (already
in document order) and writes each term's blocks and term info itself, in the byte format of
``W3PostingsWriter`` (blocks of 1,024 postings rather than 128: ``search.postings`` reads whole
lists). The files it writes are ordinary Whoosh 3 segments.

It relies on internals of the pinned Whoosh codec (``W3FieldWriter``, the W3 block and term
info formats, identical in whoosh-reloaded 2.7.5 and whoosh3) and is only used to write a *new* segment of
a new index: no merging, no deletions (``commit`` always passes ``merge=False``).
"""

from __future__ import annotations

import zlib
from array import array
from collections.abc import Mapping
from operator import sub
from pickle import dumps

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3TermInfo
from whoosh.formats import Frequency
from whoosh.system import pack_uint, pack_ushort
from whoosh.util.numeric import length_to_byte
from whoosh.writing import SegmentWriter

from search.schema import TermsField, term_bytes

_FREQUENCY_BITS = 8
_MAX_FREQUENCY = (1 << _FREQUENCY_BITS) - 1
_COMPRESSION = 3  # Whoosh's default zlib level
_COMPRESS_FROM = 16  # postings
# Postings per block: Whoosh's writer uses 128, but the search reads whole lists
# (``search.postings``) and each block costs an unpickle: larger blocks read 5-8x faster.
_BLOCK_LIMIT = 1024
_PACKED_FREQUENCY = [pack_uint(frequency) for frequency in range(_MAX_FREQUENCY + 1)]


class BulkSegmentWriter(SegmentWriter):
    """Writes one new segment from many documents; use ``add_document`` then ``commit``."""

    def __init__(self, ix, **kwargs) -> None:
        super().__init__(ix, **kwargs)
        # fieldname -> term -> array of (docnum << 8 | frequency), in document order
        self._postings: dict[str, dict[object, array]] = {}
        # fieldname -> array of field lengths indexed by docnum - docbase (scorable fields)
        self._lengths: dict[str, array] = {}
        self._scorable = [name for name, field in self.schema.items() if field.indexed and field.scorable]

    def add_document(self, **fields) -> None:
        self._check_state()
        docnum = self.docnum
        perdoc = self.perdocwriter
        perdoc.start_doc(docnum)
        for fieldname, value in fields.items():
            if value is None or fieldname.startswith("_"):
                continue
            field = self.schema[fieldname]
            length = self._add_postings(fieldname, field, value, docnum) if field.indexed else 0
            perdoc.add_field(fieldname, field, value if field.stored else None, length)
            if field.column_type:
                perdoc.add_column_value(fieldname, field.column_type, field.to_column_value(value))
        self._record_lengths(docnum, fields)
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def _add_postings(self, fieldname: str, field, value: object, docnum: int) -> int:
        by_term = self._postings.setdefault(fieldname, {})
        shifted = docnum << _FREQUENCY_BITS
        if isinstance(field, TermsField) and isinstance(value, Mapping):
            counts = value
        else:
            counts = {tbytes: frequency for tbytes, frequency, _weight, _value in field.index(value)}
        for term, frequency in counts.items():
            postings = by_term.get(term)
            if postings is None:
                postings = by_term[term] = array("I")
            postings.append(shifted | min(frequency, _MAX_FREQUENCY))
        return sum(counts.values()) if field.scorable else 0

    def _record_lengths(self, docnum: int, fields: Mapping[str, object]) -> None:
        offset = docnum - self.docbase
        for fieldname in self._scorable:
            lengths = self._lengths.setdefault(fieldname, array("I"))
            value = fields.get(fieldname)
            lengths.extend([0] * (offset + 1 - len(lengths)))
            if isinstance(value, Mapping):
                lengths[offset] = sum(value.values())

    def add_reader(self, reader) -> None:
        raise NotImplementedError("BulkSegmentWriter writes new segments only")

    def commit(self, mergetype=None, optimize=False, merge=False) -> None:
        super().commit(mergetype=mergetype, optimize=False, merge=False)

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        fieldwriter = self.fieldwriter
        postfile, term_table = fieldwriter._postfile, fieldwriter._tindex
        for fieldname in sorted(self._postings):
            field = self.schema[fieldname]
            fieldwriter.start_field(fieldname, field)
            field_key = pack_ushort(fieldwriter._fieldid)
            by_term = self._postings[fieldname]
            writer = _TermWriter(postfile, field, self._lengths.get(fieldname), self.docbase)
            for tbytes, term in sorted((_as_bytes(term), term) for term in by_term):
                term_table.add(field_key + tbytes, writer.write(by_term[term]).to_bytes())
            fieldwriter.finish_field()
        fieldwriter.close()
        self._postings.clear()


class _TermWriter:
    """Writes a term's posting list as Whoosh 3 blocks and returns its term info.

    Does what ``W3PostingsWriter`` does per block (same bytes: delta-coded ids, minified
    weights, packed frequencies, block info) on whole lists at once: the writer's per-posting
    and per-term Python calls were most of a rebuild's time.
    """

    def __init__(self, postfile, field, lengths: array | None, docbase: int) -> None:
        self.postfile = postfile
        self.boost = float(field.format.field_boost) if isinstance(field.format, Frequency) else 1.0
        self.keeps_values = isinstance(field.format, Frequency)
        self.lengths = lengths
        self.docbase = docbase

    def write(self, postings: array) -> W3TermInfo:
        postfile = self.postfile
        info = W3TermInfo()
        start = postfile.tell()
        postfile.write(WHOOSH3_HEADER_MAGIC)
        compression = _COMPRESSION if len(postings) >= _COMPRESS_FROM else 0
        total_weight, max_weight, min_length, max_length = 0.0, 0.0, None, 0
        for first in range(0, len(postings), _BLOCK_LIMIT):
            chunk = postings[first : first + _BLOCK_LIMIT]
            docnums = [posting >> _FREQUENCY_BITS for posting in chunk]
            frequencies = [posting & _MAX_FREQUENCY for posting in chunk]
            deltas = tuple(map(sub, docnums, [0, *docnums[:-1]]))
            low, high = min(frequencies), max(frequencies)
            block_max_weight = high * self.boost
            if low == high:
                weights = None if low * self.boost == 1.0 else float(low * self.boost)
                block_weight = low * self.boost * len(chunk)
            else:
                weights = tuple(map(self.boost.__mul__, frequencies))
                block_weight = sum(weights)
            values = b"".join(map(_PACKED_FREQUENCY.__getitem__, frequencies)) if self.keeps_values else None
            data = dumps((deltas, weights, values), 2)
            if compression:
                data = zlib.compress(data, compression)
            block_min, block_max = self._length_range(docnums)
            block_info = dumps((len(chunk), docnums[-1], block_max_weight, compression,
                                length_to_byte(block_min), length_to_byte(block_max)), 2)
            size = len(block_info) + len(data)
            postfile.write_int(-size if first + _BLOCK_LIMIT >= len(postings) else size)
            postfile.write(block_info)
            postfile.write(data)
            total_weight += block_weight
            max_weight = max(max_weight, block_max_weight)
            if block_min is not None:
                min_length = block_min if min_length is None else min(min_length, block_min)
            max_length = max(max_length, block_max)
        info._weight, info._df, info._maxweight = total_weight, len(postings), max_weight
        info._minlength, info._maxlength = min_length, max_length
        info._minid, info._maxid = postings[0] >> _FREQUENCY_BITS, postings[-1] >> _FREQUENCY_BITS
        info.set_extent(start, postfile.tell() - start)
        return info

    def _length_range(self, docnums: list[int]) -> tuple[int | None, int]:
        if self.lengths is None:
            return None, 0
        lengths, docbase = self.lengths, self.docbase
        block_lengths = [lengths[docnum - docbase] for docnum in docnums]
        return min(block_lengths) or None, max(block_lengths)


def _as_bytes(term: object) -> bytes:
    return term if isinstance(term, bytes) else term_bytes(term)
