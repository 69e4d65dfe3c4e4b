"""The plain data that services take and return: frozen dataclasses, never ORM objects.

``*Input`` classes are what an officer can edit (links are ids); ``*Record`` classes are what
is shown (links carry the linked record's name too). An audit entry keeps the ``*Input`` form
of a record before and after a change, which is also what undo applies.
"""

from __future__ import annotations

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


# --- inputs ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class OrganisationInput:
    name: str
    kind: str | None = None
    aliases: tuple[str, ...] = ()
    notes: str | None = None


@dataclass(frozen=True)
class PersonInput:
    name: str
    honorific: str | None = None
    title: str | None = None
    organisation_id: int | None = None
    aliases: tuple[str, ...] = ()
    notes: str | None = None


@dataclass(frozen=True)
class SeriesInput:
    name: str
    organiser_id: int | None = None
    description: str | None = None


@dataclass(frozen=True)
class PartnerInput:
    organisation_id: int
    role: str = "partner"


@dataclass(frozen=True)
class EventInput:
    name: str
    series_id: int | None = None
    edition: int | None = None
    edition_label: str | None = None
    kind: str = "forum"
    start_date: str | None = None
    end_date: str | None = None
    venue: str | None = None
    city: str | None = None
    country: str | None = None
    organiser_id: int | None = None
    description: str | None = None
    hashtags: tuple[str, ...] = ()
    partners: tuple[PartnerInput, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class SessionInput:
    event_id: int
    title: str
    kind: str = "panel"
    date: str | None = None
    start_time: str | None = None
    end_time: str | None = None
    moderator_id: int | None = None
    presenter_person_ids: tuple[int, ...] = ()
    presenter_organisation_ids: tuple[int, ...] = ()
    summary: str | None = None
    attendance: int | None = None
    attendance_text: str | None = None


@dataclass(frozen=True)
class QuoteInput:
    text: str
    speaker_id: int | None = None
    speaker_title: str | None = None
    organisation_id: int | None = None
    organisation_text: str | None = None
    event_id: int | None = None
    session_id: int | None = None
    speech: str = "direct"
    said_on: str | None = None
    verified: bool = False
    source_id: int | None = None
    source_start: int | None = None
    source_end: int | None = None
    tags: tuple[str, ...] = ()
    notes: str | None = None


@dataclass(frozen=True)
class StatisticInput:
    figure_text: str
    value: float | None = None  # parsed from figure_text when None
    unit: str | None = None
    approximation: str | None = None
    subject: str | None = None
    speaker_id: int | None = None
    event_id: int | None = None
    session_id: int | None = None
    stated_on: str | None = None
    period: str | None = None  # the year or span the figure refers to: "2024", "2020-2024"
    verified: bool = False
    source_id: int | None = None
    source_start: int | None = None
    source_end: int | None = None
    tags: tuple[str, ...] = ()
    notes: str | None = None


@dataclass(frozen=True)
class SourceInput:
    full_text: str
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
    event_ids: tuple[int, ...] = ()
    tags: tuple[str, ...] = ()


# --- records ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class OrganisationRecord:
    id: int
    name: str
    kind: str | None
    aliases: tuple[str, ...]
    notes: str | None
    people_count: int = 0
    quote_count: int = 0


@dataclass(frozen=True)
class PersonRecord:
    id: int
    name: str
    honorific: str | None
    title: str | None
    organisation: Ref | None
    aliases: tuple[str, ...]
    notes: str | None
    quote_count: int = 0
    statistic_count: int = 0

    @property
    def display_name(self) -> str:
        return f"{self.honorific} {self.name}" if self.honorific else self.name


@dataclass(frozen=True)
class SeriesRecord:
    id: int
    name: str
    organiser: Ref | None
    description: str | None
    event_count: int = 0


@dataclass(frozen=True)
class PartnerRecord:
    organisation: Ref
    role: str


@dataclass(frozen=True)
class EventRecord:
    id: int
    name: str
    series: Ref | None
    edition: int | None
    edition_label: str | None
    kind: str
    start_date: str | None
    end_date: str | None
    venue: str | None
    city: str | None
    country: str | None
    organiser: Ref | None
    description: str | None
    hashtags: tuple[str, ...]
    partners: tuple[PartnerRecord, ...]
    tags: tuple[str, ...]
    session_count: int = 0
    quote_count: int = 0
    statistic_count: int = 0
    source_count: int = 0

    @property
    def display_name(self) -> str:
        """The name, followed by the edition in brackets when the name does not already say it."""
        return event_display_name(self.name, self.edition, self.edition_label)


@dataclass(frozen=True)
class SessionRecord:
    id: int
    event: Ref
    kind: str
    title: str
    date: str | None
    start_time: str | None
    end_time: str | None
    moderator: Ref | None
    presenters: tuple[Ref, ...]
    presenter_organisations: tuple[Ref, ...]
    summary: str | None
    attendance: int | None
    attendance_text: str | None
    quote_count: int = 0


@dataclass(frozen=True)
class QuoteRecord:
    id: int
    text: str
    speaker: Ref | None
    speaker_title: str | None
    organisation: Ref | None
    organisation_text: str | None
    event: Ref | None
    session: Ref | None
    speech: str
    said_on: str | None
    verified: bool
    source: SourceRef | None
    source_start: int | None
    source_end: int | None
    tags: tuple[str, ...]
    notes: str | None


@dataclass(frozen=True)
class StatisticRecord:
    id: int
    figure_text: str
    value: float | None
    unit: str | None
    approximation: str | None
    subject: str | None
    speaker: Ref | None
    event: Ref | None
    session: Ref | None
    stated_on: str | None
    period: str | None
    verified: bool
    source: SourceRef | None
    source_start: int | None
    source_end: int | None
    tags: tuple[str, ...]
    notes: str | None


@dataclass(frozen=True)
class SourceRecord:
    id: int
    kind: str
    outlet: str | None
    title: str | None
    author: str | None
    dateline: str | None
    published_on: str | None
    section: str | None
    page: str | None
    url: str | None
    file_name: str | None
    content_hash: str
    events: tuple[Ref, ...]
    tags: tuple[str, ...]
    text_length: int
    full_text: str | None = None  # only filled by get_source
    imported_at: datetime | None = None
    quote_count: int = 0
    statistic_count: int = 0


@dataclass(frozen=True)
class TagRecord:
    id: int
    name: str
    usage_count: int = 0


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
