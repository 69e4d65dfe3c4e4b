"""The plain data that services take and return: frozen dataclasses, never ORM objects.

A record kind is three classes. ``*Fields`` declares its plain fields (text, numbers, dates,
choices, lists of words) once; ``*Input`` (what an officer can edit: links are ids) and ``*Record``
(what is shown: links carry the linked record's name too, and counts) both extend it, so that a
new column of a kind is one line in its ``*Fields``. An audit entry keeps the ``*Input`` form of a
record before and after a change, which is also what undo applies.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from archive.kinds import KIND_LABELS
from archive.text.ordinals import names_edition


def event_display_name(name: str, edition: int | None, edition_label: str | None) -> str:
    """An event's name, with its edition in brackets only when the name does not already say it."""
    if not edition_label or names_edition(name, edition, edition_label):
        return name
    return f"{name} ({edition_label})"


EVENT_KINDS = ("forum", "meeting", "conference", "workshop", "other")
SESSION_KINDS = ("panel", "workshop", "keynote", "presentation", "discussion", "other")
SPEECH_KINDS = ("direct", "indirect")
PARTNER_ROLES = ("partner", "guest", "sponsor")
SOURCE_KINDS = ("article", "report", "transcript", "other")
APPROXIMATIONS = ("more_than", "about", "less_than")
RECORD_KINDS = tuple(KIND_LABELS)


@dataclass(frozen=True)
class Ref:
    """A link to another record, with the name to show for it."""

    id: int
    name: str


@dataclass(frozen=True)
class SourceRef:
    """A link to a source article, with what a citation needs."""

    id: int
    title: str | None
    outlet: str | None
    file_name: str | None
    published_on: str | None
    section: str | None = None
    page: str | None = None


# --- the kinds: plain fields once, then what an officer edits and what is shown --------------
#
# Plain fields are keyword-only (``kw_only``): they come last in ``__init__``, so that what an
# input or a record adds may stay positional. A field belongs in an ``*Input`` or ``*Record`` body
# only when the two hold it differently: a link (``speaker_id`` in the input, ``speaker: Ref`` in
# the record), a source's text, counts (``tests/kinds/test_plain_fields.py`` checks it).
# ``dataclasses.fields`` lists inherited fields first: forms, pages and the audit trail read a link
# where its ``before`` places it (``reading_order``); a record's ``id`` comes first.

BEFORE = "before"  # the metadata key of a link's place in forms and pages


def before(name: str) -> dict[str, str]:
    """The metadata of an input's link field read just before its field ``name`` (a link without it is read last)."""
    return {BEFORE: name}


def reading_order(plain_type: type) -> tuple[dataclasses.Field[Any], ...]:
    """The fields of a dataclass in the order forms, pages and the audit trail read them.

    ``dataclasses.fields`` lists a kind's plain fields (its ``*Fields`` class) before the links
    its input adds; each link is put back just before the field its ``before`` names, links
    before the same field in their own order. A dataclass without links reads as declared.
    """
    declared: tuple[dataclasses.Field[Any], ...] = dataclasses.fields(plain_type)
    ordered = [declared_field for declared_field in declared if BEFORE not in declared_field.metadata]
    for link in (declared_field for declared_field in declared if BEFORE in declared_field.metadata):
        ordered.insert([placed.name for placed in ordered].index(link.metadata[BEFORE]), link)
    return tuple(ordered)


@dataclass(frozen=True, kw_only=True)
class Identified:
    """A stored record's id. Named last among a record's bases, so that ``dataclasses.fields`` (and
    the JSON of ``muntada show``) list it first: fields are collected from the last base onwards."""

    id: int


@dataclass(frozen=True, kw_only=True)
class OrganisationFields:
    name: str
    kind: str | None = None
    aliases: tuple[str, ...] = ()
    notes: str | None = None


@dataclass(frozen=True)
class OrganisationInput(OrganisationFields):
    """An organisation has no links: its input is its plain fields."""


@dataclass(frozen=True)
class OrganisationRecord(OrganisationFields, Identified):
    people_count: int = 0
    quote_count: int = 0


@dataclass(frozen=True, kw_only=True)
class PersonFields:
    name: str
    honorific: str | None = None
    title: str | None = None
    aliases: tuple[str, ...] = ()
    notes: str | None = None


@dataclass(frozen=True)
class PersonInput(PersonFields):
    organisation_id: int | None = field(default=None, metadata=before("aliases"))


@dataclass(frozen=True)
class PersonRecord(PersonFields, Identified):
    organisation: Ref | None
    quote_count: int = 0
    statistic_count: int = 0

    @property
    def display_name(self) -> str:
        return f"{self.honorific} {self.name}" if self.honorific else self.name


@dataclass(frozen=True, kw_only=True)
class SeriesFields:
    name: str
    description: str | None = None


@dataclass(frozen=True)
class SeriesInput(SeriesFields):
    organiser_id: int | None = field(default=None, metadata=before("description"))


@dataclass(frozen=True)
class SeriesRecord(SeriesFields, Identified):
    organiser: Ref | None
    event_count: int = 0


@dataclass(frozen=True)
class PartnerInput:
    organisation_id: int
    role: str = "partner"


@dataclass(frozen=True)
class PartnerRecord:
    organisation: Ref
    role: str


@dataclass(frozen=True, kw_only=True)
class EventFields:
    name: str
    edition: int | None = None
    edition_label: str | None = None
    kind: str = "forum"
    start_date: str | None = None
    end_date: str | None = None
    venue: str | None = None
    city: str | None = None
    country: str | None = None
    description: str | None = None
    hashtags: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class EventInput(EventFields):
    series_id: int | None = field(default=None, metadata=before("edition"))
    organiser_id: int | None = field(default=None, metadata=before("description"))
    partners: tuple[PartnerInput, ...] = field(default=(), metadata=before("tags"))


@dataclass(frozen=True)
class EventRecord(EventFields, Identified):
    series: Ref | None
    organiser: Ref | None
    partners: tuple[PartnerRecord, ...]
    session_count: int = 0
    quote_count: int = 0
    statistic_count: int = 0
    source_count: int = 0

    @property
    def display_name(self) -> str:
        """The name, followed by the edition in brackets when the name does not already say it."""
        return event_display_name(self.name, self.edition, self.edition_label)


@dataclass(frozen=True, kw_only=True)
class SessionFields:
    title: str
    kind: str = "panel"
    date: str | None = None
    start_time: str | None = None
    end_time: str | None = None
    summary: str | None = None
    attendance: int | None = None
    attendance_text: str | None = None


@dataclass(frozen=True)
class SessionInput(SessionFields):
    event_id: int = field(metadata=before("title"))
    moderator_id: int | None = field(default=None, metadata=before("summary"))
    presenter_person_ids: tuple[int, ...] = field(default=(), metadata=before("summary"))
    presenter_organisation_ids: tuple[int, ...] = field(default=(), metadata=before("summary"))


@dataclass(frozen=True)
class SessionRecord(SessionFields, Identified):
    event: Ref
    moderator: Ref | None
    presenters: tuple[Ref, ...]
    presenter_organisations: tuple[Ref, ...]
    quote_count: int = 0


@dataclass(frozen=True, kw_only=True)
class QuoteFields:
    text: str
    speaker_title: str | None = None
    organisation_text: str | None = None
    speech: str = "direct"
    said_on: str | None = None
    verified: bool = False
    source_start: int | None = None
    source_end: int | None = None
    tags: tuple[str, ...] = ()
    notes: str | None = None


@dataclass(frozen=True)
class QuoteInput(QuoteFields):
    speaker_id: int | None = field(default=None, metadata=before("speaker_title"))
    organisation_id: int | None = field(default=None, metadata=before("organisation_text"))
    event_id: int | None = field(default=None, metadata=before("speech"))
    session_id: int | None = field(default=None, metadata=before("speech"))
    source_id: int | None = field(default=None, metadata=before("source_start"))


@dataclass(frozen=True)
class QuoteRecord(QuoteFields, Identified):
    speaker: Ref | None
    organisation: Ref | None
    event: Ref | None
    session: Ref | None
    source: SourceRef | None


@dataclass(frozen=True, kw_only=True)
class StatisticFields:
    figure_text: str
    value: float | None = None  # an input's is parsed from figure_text when None
    unit: str | None = None
    approximation: str | None = None
    subject: str | None = None
    stated_on: str | None = None
    period: str | None = None  # the year or span the figure refers to: "2024", "2020-2024"
    verified: bool = False
    source_start: int | None = None
    source_end: int | None = None
    tags: tuple[str, ...] = ()
    notes: str | None = None


@dataclass(frozen=True)
class StatisticInput(StatisticFields):
    speaker_id: int | None = field(default=None, metadata=before("stated_on"))
    event_id: int | None = field(default=None, metadata=before("stated_on"))
    session_id: int | None = field(default=None, metadata=before("stated_on"))
    source_id: int | None = field(default=None, metadata=before("source_start"))


@dataclass(frozen=True)
class StatisticRecord(StatisticFields, Identified):
    speaker: Ref | None
    event: Ref | None
    session: Ref | None
    source: SourceRef | None


@dataclass(frozen=True, kw_only=True)
class SourceFields:
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    dateline: str | None = None
    published_on: str | None = None
    section: str | None = None
    page: str | None = None
    url: str | None = None
    file_name: str | None = None
    kind: str = "article"
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceInput(SourceFields):
    # Not a plain field: required when a source is stored, its record holds it only from get_source.
    full_text: str = field(metadata=before("title"))
    event_ids: tuple[int, ...] = field(default=(), metadata=before("tags"))


@dataclass(frozen=True)
class SourceRecord(SourceFields, Identified):
    content_hash: str
    events: tuple[Ref, ...]
    text_length: int
    full_text: str | None = None  # only filled by get_source
    imported_at: datetime | None = None
    quote_count: int = 0
    statistic_count: int = 0


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: datetime
    officer: str
    action: str
    record_kind: str
    record_id: int
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    note: str | None


@dataclass(frozen=True)
class SavedSource:
    """The result of storing a source: the record, and whether the same text was already there."""

    source: SourceRecord
    already_present: bool


@dataclass(frozen=True)
class ArchiveInfo:
    path: str
    schema_version: str | None
    newest_schema_version: str
    read_only: bool
    size_bytes: int
    counts: dict[str, int] = field(default_factory=dict)
    pending_outbox: int = 0
    is_sample: bool = False
