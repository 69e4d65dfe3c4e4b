"""The versioned Whoosh schema of the search index: one document per archive record.

Owns the field list (each field says what it holds and why), the field type that indexes
pre-analyzed terms, and ``SCHEMA_VERSION``. The index directory records the version it was
built with; ``search.index`` rebuilds the index from the database when it differs, so bump
``SCHEMA_VERSION`` whenever a field, a stored value or an analysis rule changes.

Whoosh pickles this schema (and the classes it names) into the index: keep the classes
importable at module level under these names.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from whoosh import fields, formats
from whoosh.system import pack_uint

from search.analysis import ANALYSIS_VERSION, ArabicAnalyzer, analyze_document, context_terms, pair_term

SCHEMA_VERSION = 4  # 4: figure titles and people's rows joined with " — "
# What the index directory must have been built with; any change means a rebuild.
INDEX_FORMAT = {"schema": SCHEMA_VERSION, "analysis": ANALYSIS_VERSION}

# Record kinds that get an index document, in the order facets list them.
INDEXED_KINDS = ("quote", "statistic", "session", "event", "person", "source")
# Facet fields hold "<id>\x1f<label>" so a facet count can be shown without the database.
FACET_SEPARATOR = "\x1f"
FACET_FIELDS = ("kind", "event_facet", "series_facet", "speaker_facet", "organisation_facet", "year")


class TermsField(fields.FieldType):
    """A text field indexed from terms counted beforehand (term -> frequency).

    ``search.documents`` analyzes a record's text once with ``analyze_document`` and hands each
    field its share of the terms: three fields, one tokenizing pass. A plain string is
    analyzed here too, so the field also works like an ordinary Whoosh TEXT field. No positions
    are kept: phrases are matched on indexed word pairs, highlights on the original text.
    """

    def __init__(self, part: str, field_boost: float = 1.0, scorable: bool = True) -> None:
        self.part = part  # "stems", "bares" or "pairs" of DocumentTerms, or "context"
        self.format = formats.Frequency(field_boost=field_boost)
        self.analyzer = ArabicAnalyzer("bare" if part == "bares" else "stem")
        self.scorable = scorable
        self.stored = False
        self.unique = False
        self.vector = None
        self.column_type = None

    def index(self, value: object, **kwargs: object) -> Iterator[tuple[bytes, int, float, bytes]]:
        if isinstance(value, Mapping):
            counts = value
        elif self.part == "context":
            counts = context_terms(str(value))
        else:
            counts = getattr(analyze_document(str(value)), self.part)
        boost = self.format.field_boost
        for term, frequency in counts.items():
            yield term_bytes(term), frequency, frequency * boost, pack_uint(frequency)


def term_bytes(term: str | int) -> bytes:
    """Index bytes of a term: a word, or a word-pair bucket number."""
    return pair_term(term).encode("ascii") if isinstance(term, int) else term.encode("utf-8")


def build_schema() -> fields.Schema:
    """The index schema (see the module docstring before changing it)."""
    return fields.Schema(
        # "quote:12": unique key of the record, used to replace or delete its document.
        key=fields.ID(unique=True, stored=True),
        # Record kind ("quote", "statistic", ...): filter kind:, facet, and the result row's kind.
        kind=fields.ID(stored=True, sortable=True),
        # The record's id in the database, for opening it from a result row.
        record_id=fields.STORED(),
        # Result row title (speaker for a quote, subject for a statistic, the name otherwise).
        title=fields.STORED(),
        # The original text snippets are cut from and highlights are placed on.
        body=fields.STORED(),
        # Result row context: speaker, event and source names, year, source id and file name.
        speaker_name=fields.STORED(),
        event_name=fields.STORED(),
        source_id=fields.STORED(),
        source_file=fields.STORED(),
        date=fields.STORED(),
        # Light stems of the record's own title and body: the recall field every word query uses.
        text=TermsField("stems"),
        # Normalized words of title and body without article, suffixes kept: ranks exact word
        # forms first and answers as-you-type prefix queries.
        exact=TermsField("bares", field_boost=1.5),
        # Adjacent stem pairs of title and body ("مركز تواصل"), hashed: phrase queries without
        # positions, and a bonus for documents where typed words stand together.
        pairs=TermsField("pairs", field_boost=2.0),
        # Stems and bare forms of related records' names (speaker, organisation, event, session,
        # source, venue...): a record is found through them, but ranks below records whose own
        # text has the words (``search.matching.CONTEXT_FACTOR``).
        context=TermsField("context"),
        # Stems of the speaker's, event's, organisation's and series' names: speaker:, event:,
        # organisation:, series: filters by words of a name (any spelling the analyzer folds).
        speaker=TermsField("stems", scorable=False),
        event=TermsField("stems", scorable=False),
        organisation=TermsField("stems", scorable=False),
        series=TermsField("stems", scorable=False),
        # Year of the record ("2024"): year: filter and facet.
        year=fields.ID(stored=True, sortable=True),
        # "<id>\x1f<name>" of the related event, series, speaker and organisation: facets.
        event_facet=fields.ID(sortable=True),
        series_facet=fields.ID(sortable=True),
        speaker_facet=fields.ID(sortable=True),
        organisation_facet=fields.ID(sortable=True),
    )
