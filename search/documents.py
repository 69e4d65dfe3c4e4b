"""Index documents: what the search index holds for one archive record.

Owns ``IndexDocument`` (the plain description of one record's document: its text to analyze
and the stored values a result row shows) and its conversion into Whoosh field values with a
single analysis pass. Turning archive records into ``IndexDocument`` lives in
``search.records``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from search.analysis import analyze_document, context_terms
from search.schema import FACET_SEPARATOR


@dataclass(frozen=True)
class Facet:
    """A related record shown in facet counts: its id and the label to show."""

    id: int
    label: str

    def encoded(self) -> str:
        return f"{self.id}{FACET_SEPARATOR}{self.label}"


@dataclass(frozen=True)
class IndexDocument:
    """One record as the index sees it. ``body`` is the original text snippets come from."""

    kind: str
    record_id: int
    title: str
    body: str
    context: str = ""  # other searchable words (names, venue, hashtags) not shown as snippet
    speaker_name: str = ""
    event_name: str = ""
    organisation_name: str = ""
    series_name: str = ""
    year: str = ""
    date: str = ""
    source_id: int | None = None
    source_file: str = ""
    event: Facet | None = None
    series: Facet | None = None
    speaker: Facet | None = None
    organisation: Facet | None = None

    @property
    def key(self) -> str:
        return document_key(self.kind, self.record_id)


def document_key(kind: str, record_id: int) -> str:
    """The unique key of a record's document ("quote:12")."""
    return f"{kind}:{record_id}"


def whoosh_fields(document: IndexDocument) -> dict[str, object]:
    """Keyword arguments for ``writer.add_document``: analyzed terms and stored values."""
    # Title and body are analyzed as one text (a pair may span the two: rare false pairs, and
    # phrase hits are checked on the text). Related names go to their own field, so that a
    # record's own words rank above words of its event's or speaker's name.
    terms = analyze_document(f"{document.title}\n{document.body}")
    values: dict[str, object] = {
        "key": document.key,
        "kind": document.kind,
        "record_id": document.record_id,
        "title": document.title,
        "body": document.body,
        "speaker_name": document.speaker_name,
        "event_name": document.event_name,
        "source_id": document.source_id,
        "source_file": document.source_file,
        "date": document.date,
        "text": terms.stems,
        "exact": terms.bares,
        "pairs": terms.pairs,
    }
    if document.context:
        values["context"] = _context_terms(document.context)
    for name, text in (
        ("speaker", document.speaker_name),
        ("event", document.event_name),
        ("organisation", document.organisation_name),
        ("series", document.series_name),
    ):
        if text:
            values[name] = _name_stems(text)
    if document.year:
        values["year"] = document.year
    for name, facet in (
        ("event_facet", document.event),
        ("series_facet", document.series),
        ("speaker_facet", document.speaker),
        ("organisation_facet", document.organisation),
    ):
        if facet is not None:
            values[name] = facet.encoded()
    return values


# Related names repeat across thousands of documents (a speaker's quotes, an event's sessions):
# each distinct name or context text is analyzed once. The counts returned are shared by every
# document with that text, so they are read-only.
_NAME_CACHE_SIZE = 1 << 16


@lru_cache(maxsize=_NAME_CACHE_SIZE)
def _name_stems(text: str) -> Counter[str]:
    return analyze_document(text).stems


@lru_cache(maxsize=_NAME_CACHE_SIZE)
def _context_terms(text: str) -> Counter[str]:
    return context_terms(text)


class DocumentSource:
    """Where index documents come from (the archive, or the benchmark's synthetic records).

    Must be picklable: rebuild workers receive it and read their share themselves.
    """

    def count(self) -> int:
        raise NotImplementedError

    def rebuild_order(self) -> list[tuple[str, int]]:
        """(kind, id) of every document, in the order a full rebuild writes them (newest first)."""
        raise NotImplementedError

    def documents_in_order(self, keys: list[tuple[str, int]]) -> Iterator[IndexDocument]:
        """The documents of ``keys`` (kind, id), in that order; records deleted since are skipped.

        A rebuild process reads its share of ``rebuild_order`` this way: one bulk read per kind,
        then the documents put back in the given order.
        """
        ids_by_kind: dict[str, list[int]] = {}
        for kind, record_id in keys:
            ids_by_kind.setdefault(kind, []).append(record_id)
        read: dict[tuple[str, int], IndexDocument] = {}
        for kind, ids in ids_by_kind.items():
            read.update(((kind, document.record_id), document) for document in self.documents(kind, ids))
        for key in keys:
            document = read.pop(key, None)
            if document is not None:
                yield document

    def documents(self, kind: str, ids: Iterable[int]) -> Iterator[IndexDocument]:
        raise NotImplementedError

    def dependents(self, kind: str, record_id: int) -> dict[str, set[int]]:
        return {}

    def pending_changes(self, limit: int, after_id: int = 0) -> list[Any]:
        """Outbox rows with an id above ``after_id`` (objects with id, record_kind, record_id, op), oldest first."""
        return []

    def acknowledge(self, ids: list[int]) -> None:
        pass

    def keeps_acknowledged(self) -> bool:
        """True when ``acknowledge`` cannot remove rows (a read-only archive): they stay pending."""
        return False

    def generation(self) -> str:
        """Which copy of the archive's contents this is (renewed by a restore); "" by default."""
        return ""
