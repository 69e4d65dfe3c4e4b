"""A Whoosh segment writer for full rebuilds: postings gathered per term, written in blocks.

Whoosh's ``SegmentWriter`` sends every posting through a generic sorting pool and then through
per-posting Python calls when the segment is flushed; at ~150 postings per record that caps a
rebuild near 300 records/s. ``BulkSegmentWriter`` keeps the stored fields, lengths and columns
path of Whoosh (``perdocwriter``) but gathers postings in memory as one array per term (already
in document order) and writes each term's blocks directly through the codec's postings writer.
The files it writes are ordinary Whoosh 3 segments.

It relies on internals of the pinned Whoosh codec (``W3FieldWriter`` / ``W3PostingsWriter``,
identical in whoosh-reloaded 2.7.5 and whoosh3) and is only used to write a *new* segment of
a new index: no merging, no deletions (``commit`` always passes ``merge=False``).
"""

from __future__ import annotations

from array import array
from collections.abc import Mapping

from whoosh.formats import Frequency
from whoosh.system import pack_uint
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
        for fieldname in sorted(self._postings):
            field = self.schema[fieldname]
            fieldwriter.start_field(fieldname, field)
            by_term = self._postings[fieldname]
            for tbytes, term in sorted((_as_bytes(term), term) for term in by_term):
                fieldwriter.start_term(tbytes)
                self._write_term(fieldwriter._postwriter, field, by_term[term], self._lengths.get(fieldname))
                fieldwriter.finish_term()
            fieldwriter.finish_field()
        fieldwriter.close()
        self._postings.clear()

    def _write_term(self, postwriter, field, postings: array, lengths: array | None) -> None:
        """Fill the postings writer block by block; ``finish_term`` writes the last block."""
        block_limit = max(postwriter._blocklimit, _BLOCK_LIMIT)
        boost = field.format.field_boost if isinstance(field.format, Frequency) else 1.0
        keeps_values = isinstance(field.format, Frequency)
        # Compressing a block of a few postings costs more time than the bytes it saves.
        postwriter._compression = _COMPRESSION if len(postings) >= _COMPRESS_FROM else 0
        for start in range(0, len(postings), block_limit):
            if start:
                postwriter._write_block()
            chunk = postings[start : start + block_limit]
            docnums = [posting >> _FREQUENCY_BITS for posting in chunk]
            frequencies = [posting & _MAX_FREQUENCY for posting in chunk]
            postwriter._ids = array("I", docnums)
            postwriter._weights = array("f", [frequency * boost for frequency in frequencies])
            postwriter._values = list(map(_PACKED_FREQUENCY.__getitem__, frequencies)) if keeps_values else []
            postwriter._maxweight = max(postwriter._weights)
            if lengths is not None:
                block_lengths = [lengths[docnum - self.docbase] for docnum in docnums]
                postwriter._minlength = min(block_lengths) or None
                postwriter._maxlength = max(block_lengths)
            else:
                postwriter._minlength, postwriter._maxlength = None, 0


def _as_bytes(term: object) -> bytes:
    return term if isinstance(term, bytes) else term_bytes(term)
