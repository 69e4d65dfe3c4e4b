"""Every private name of whoosh-reloaded that Muntada touches, in one module, checked against the pinned version.

The index's fast paths work below Whoosh's public API:

- ``search.bulkwriter`` writes a new segment's posting blocks, term table and length columns
  itself (``SegmentWriterSteps``, ``field_writer_files``, ``write_length_column``,
  ``use_hash_table_writer`` and the file-format structs below);
- ``search.build`` finishes a segment written in another process (``SegmentWriterSteps.finish_segment``);
- ``search.postings`` reads whole posting lists a block at a time (``posting_blocks``) and the
  field-length columns in one read (``length_column_bytes``);
- ``search.index`` reads facet columns in one read per segment (``column_strings``) and counts
  segments (``segment_count``);
- ``search.index`` has Whoosh unpickle index data with no class or function allowed
  (``safe_unpickling``) while files of the open index are not yet checked against the signature.

Names starting with "_" may change in any Whoosh release, so no other module uses them, and
importing this one checks that the installed Whoosh is ``WHOOSH_VERSION``, the version pinned
in pyproject.toml and packaging/requirements-lock.txt: another raises ``WhooshVersionError``,
which names both versions and what to do. To move to another Whoosh: read each function here
against its source, run tests/search (``test_bulkwriter.py`` and ``test_postings.py`` read what
these paths write back through Whoosh's public API), then change the pins and ``WHOOSH_VERSION``.
"""

from __future__ import annotations

import codecs
import io
import pickle
from collections import defaultdict
from collections.abc import Callable, Iterator
from functools import partial
from operator import add
from typing import Any

import whoosh

from archive.errors import MuntadaError

WHOOSH_VERSION = (2, 7, 5)


class WhooshVersionError(MuntadaError):
    """The installed Whoosh is not the version the index code was written and tested against."""


def check_version(installed: tuple[Any, ...]) -> None:
    """Raise ``WhooshVersionError`` unless ``installed`` (``whoosh.__version__``) is ``WHOOSH_VERSION``."""
    if tuple(installed[:3]) != WHOOSH_VERSION:
        raise WhooshVersionError(
            "The search index needs whoosh-reloaded {expected}, but {installed} is installed. "
            "Reinstall Muntada, or install whoosh-reloaded=={expected}.",
            expected=_dotted(WHOOSH_VERSION), installed=_dotted(installed))


def _dotted(version: tuple[Any, ...]) -> str:
    return ".".join(map(str, version))


check_version(whoosh.__version__)  # before importing any private name: they may not exist elsewhere

from whoosh import columns as whoosh_columns  # noqa: E402
from whoosh.codec import whoosh3  # noqa: E402
from whoosh.codec.whoosh3 import W3Codec, W3LeafMatcher, W3Segment, W3TermInfo, _lenfield  # noqa: E402
from whoosh.columns import VarBytesColumn  # noqa: E402
from whoosh.filedb import filetables, structfile  # noqa: E402
from whoosh.writing import SegmentWriter  # noqa: E402

# --- file formats ------------------------------------------------------------------------------

TERM_INFO = W3TermInfo._struct  # flags, weight, df, min/max length bytes, max weight, min/max id
HASH_ROW_HEADER = filetables._lengths  # key and value length before each row of a hash file
HASH_SLOT = filetables._pointer  # a slot of a hash file's tables: key hash, key position
CRC32_HASH_TYPE = filetables._hash_functions.index(filetables.crc_hash)  # the header byte naming CRC-32
length_column_name: Callable[[str], str] = _lenfield  # the column holding a field's length bytes


# --- writing a segment -------------------------------------------------------------------------

class SegmentWriterSteps(SegmentWriter):
    """Whoosh's ``SegmentWriter`` with the private steps a segment writer overrides or calls, named.

    A subclass writes the segment's files in ``flush_segment`` (Whoosh calls ``_flush_segment``
    from ``commit``), checks ``check_open`` before adding a document and calls
    ``mark_documents_added`` after (Whoosh refuses schema changes then).
    """

    def check_open(self) -> None:
        self._check_state()

    def mark_documents_added(self) -> None:
        self._added = True

    def flush_segment(self) -> None:
        raise NotImplementedError

    def _flush_segment(self) -> None:
        self.flush_segment()

    def finish_segment(self) -> Any:
        """Write the segment's files and return its ``Segment`` without committing a TOC (another
        process commits it with the others: ``search.build``)."""
        return self._finalize_segment()


def field_writer_files(fieldwriter: Any) -> tuple[Any, Any]:
    """The postings file and the term table (``OrderedHashWriter``) of a ``W3FieldWriter``."""
    return fieldwriter._postfile, fieldwriter._tindex


def field_number(fieldwriter: Any) -> int:
    """The number of the field ``fieldwriter.start_field`` was last called with (a term key's prefix)."""
    return int(fieldwriter._fieldid)


def write_length_column(perdoc: Any, fieldname: str, data: bytes, total: int, column: Any) -> None:
    """Write a field's length column (one length byte per document) in one write, and its total length.

    The same bytes ``W3PerDocWriter.add_field`` writes one document at a time; ``column`` is
    ``LENGTHS_COLUMN``; trailing zero bytes may be left out (the column pads with its default).
    """
    column_name = length_column_name(fieldname)
    perdoc._create_column(column_name, column)
    writer = perdoc._get_column(column_name)
    writer._dbfile.write(data)
    writer._count = len(data)
    perdoc._fieldlengths[fieldname] += total


def use_hash_table_writer(table: Any, write_tables: Callable[[Any], None]) -> None:
    """Make ``table.close()`` write its hash tables with ``write_tables(table)`` instead of
    ``HashWriter._write_hashes`` (which must write the same bytes)."""
    table._write_hashes = partial(write_tables, table)


# --- reading -------------------------------------------------------------------------------

def is_block_matcher(matcher: Any) -> bool:
    """Whether ``posting_blocks`` can read ``matcher`` (a Whoosh 3 leaf posting list)."""
    return isinstance(matcher, W3LeafMatcher)


def posting_blocks(matcher: Any) -> Iterator[tuple[tuple[int, ...], Any]]:
    """(delta-coded document numbers, weights) of each block of a Whoosh 3 posting list, in order.

    Weights are a sequence, a single float for the whole block, or None (all 1.0).
    """
    while True:
        matcher._read_data()
        block_ids, block_weights, _values = matcher._data
        yield block_ids, block_weights
        if matcher._lastblock:
            return
        matcher._goto(matcher._nextoffset)


def length_column_bytes(leaf: Any, fieldname: str, column: Any) -> bytes | None:
    """The stored length bytes of ``fieldname`` in a segment, in one read (trailing zeros may be
    missing; b"" when the segment has none), or None when the segment is not a Whoosh 3 one."""
    try:
        reader = leaf._perdoc._cached_reader(length_column_name(fieldname), column)
        if reader is None:
            return b""
        return bytes(reader._dbfile.get(reader._basepos, min(reader._count, leaf.doc_count_all())))
    except AttributeError:
        return None


def column_strings(leaf: Any, fieldname: str) -> list[str] | None:
    """Every document's value of a segment's variable-bytes column, decoded, in one read.

    Iterating Whoosh's reader costs a seek, a read and a decode per document: 0.5 s for the six
    facet columns at 100k records, on the first search after start-up. This reads the column's
    data at once, slices it and decodes each distinct value once (~0.05 s). None when the
    column is of another kind (read it through ``leaf.column_reader`` then).
    """
    reader = leaf.column_reader(fieldname, translate=False)
    if type(reader) is not VarBytesColumn.Reader:
        return None
    starts, lengths = reader._offsets, reader._lengths
    if not len(lengths):
        return []
    ends = list(map(add, starts, lengths))
    data = bytes(reader._dbfile.get(reader._basepos, max(ends)))
    pieces = list(map(data.__getitem__, map(slice, starts, ends)))
    decoded = {piece: piece.decode("utf-8") for piece in set(pieces)}
    return list(map(decoded.__getitem__, pieces))


def segment_count(ix: Any) -> int:
    """How many segments the latest commit of a Whoosh index has."""
    return len(ix._segments())


# --- unpickling index data -----------------------------------------------------------------------

def _latin1_bytes(text: str, encoding: str = "latin1", errors: str = "strict") -> bytes:
    """How pickle protocol 2 (Whoosh's own writer) makes bytes: ``_codecs.encode(text, "latin1")``, no other codec."""
    if encoding not in ("latin1", "latin-1") or errors != "strict":
        raise pickle.UnpicklingError(f"codec {encoding!r} is not allowed in index data")
    return codecs.encode(text, "latin1")


# The only classes and functions index data may name, besides the schema in the table of
# contents (unpickled by Whoosh with ``pickle.loads``: checked against the signature first).
# Found by reading every pickle of indexes written by ``search.bulkwriter`` and by Whoosh's own
# writer after edits, deletions and merges (tests/search/test_safe_unpickling.py).
DATA_GLOBALS: dict[tuple[str, str], Any] = {
    ("_codecs", "encode"): _latin1_bytes,
    ("builtins", "int"): int,
    ("builtins", "set"): set,
    ("builtins", "frozenset"): frozenset,
    ("collections", "defaultdict"): defaultdict,
    ("whoosh.codec.whoosh3", "W3Codec"): W3Codec,  # the segment list of the table of contents
    ("whoosh.codec.whoosh3", "W3Segment"): W3Segment,
}


class DataOnlyUnpickler(pickle.Unpickler):
    """Unpickles plain data and the names of ``DATA_GLOBALS``; any other class or function is refused
    (``pickle.UnpicklingError``, a damage error: the index is rebuilt), so a planted file runs no code."""

    def find_class(self, module: str, name: str) -> Any:
        allowed = DATA_GLOBALS.get((module, name))
        if allowed is None:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in index data")
        return allowed


def _data_loads(data: bytes, *_args: Any, **_kwargs: Any) -> Any:
    # Buffered, so the C unpickler reads the whole pickle at once (``peek``): over a bare BytesIO
    # it makes a Python call per opcode, 4-5x slower than ``pickle.loads`` on a posting block.
    return DataOnlyUnpickler(io.BufferedReader(io.BytesIO(data), max(len(data), 1))).load()


def _data_load(file: Any, *_args: Any, **_kwargs: Any) -> Any:
    return DataOnlyUnpickler(file).load()


_WHOOSH_LOADS_W3, _WHOOSH_LOADS_COLUMNS, _WHOOSH_LOAD = whoosh3.loads, whoosh_columns.loads, structfile.load_pickle
_safe_owners: set[int] = set()


def safe_unpickling(owner: object, needed: bool) -> None:
    """Have Whoosh unpickle index data with ``DataOnlyUnpickler`` while any ``owner`` needs it.

    Covers what Whoosh unpickles from segment files: posting blocks and their headers, inlined
    postings of the term files, stored fields, column and hash-file headers (and the segment list
    of the table of contents). ``pickle.loads`` is still a little faster: it is put back once no
    open index has unchecked files. Process-wide, like the Whoosh functions it replaces.
    """
    if needed:
        _safe_owners.add(id(owner))
    else:
        _safe_owners.discard(id(owner))
    safe = bool(_safe_owners)
    whoosh3.loads = _data_loads if safe else _WHOOSH_LOADS_W3
    whoosh_columns.loads = _data_loads if safe else _WHOOSH_LOADS_COLUMNS
    structfile.load_pickle = _data_load if safe else _WHOOSH_LOAD


def unpickling_is_safe() -> bool:
    """Whether Whoosh unpickles index data with ``DataOnlyUnpickler`` now."""
    return bool(whoosh3.loads is _data_loads)


__all__ = [
    "CRC32_HASH_TYPE",
    "DATA_GLOBALS",
    "HASH_ROW_HEADER",
    "HASH_SLOT",
    "TERM_INFO",
    "WHOOSH_VERSION",
    "DataOnlyUnpickler",
    "SegmentWriterSteps",
    "WhooshVersionError",
    "check_version",
    "column_strings",
    "field_number",
    "field_writer_files",
    "is_block_matcher",
    "length_column_bytes",
    "length_column_name",
    "posting_blocks",
    "safe_unpickling",
    "segment_count",
    "unpickling_is_safe",
    "use_hash_table_writer",
    "write_length_column",
]
