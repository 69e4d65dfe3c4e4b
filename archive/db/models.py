"""The archive's tables, as SQLAlchemy 2 ORM models.

Only ``archive.db`` and ``archive.services`` touch these classes; everything outside the
archive works with the plain records of ``archive.services.records``.

Conventions:
- Dates that may be known only in part are ISO text: "2024", "2024-05" or "2024-05-12".
- What the press printed is kept as printed (a quote's speaker title, a figure's text), beside
  the normalized or parsed form used for matching and sorting.
- Every name that people and organisations are matched by has a ``*_key`` column holding
  ``archive.text.names`` keys, so lookups across spellings are indexed.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    """Base of every table of the archive."""


def _utcnow() -> datetime:
    # Stored as naive UTC: SQLite keeps no time zones, and the app shows local time.
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def new_uid() -> str:
    """A record's id across desktops (``archive.team``): made once, with the row, never changed."""
    return str(uuid.uuid4())


class SyncedMixin:
    """A row that desktops share through the team server: named on the wire by ``uid``, not by its local id."""

    uid: Mapped[str | None] = mapped_column(String(36), default=new_uid, unique=True, index=True)


def _uid_column() -> Column[Any]:
    return Column("uid", String(36), default=new_uid, unique=True, index=True)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(DateTime(), default=_utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(), default=_utcnow, onupdate=_utcnow)


# --- tagging: one association table per taggable kind keeps foreign keys enforced ---------------

def _tag_table(kind: str) -> Table:
    return Table(
        f"{kind}_tag",
        Base.metadata,
        Column(f"{kind}_id", ForeignKey(f"{kind}.id", ondelete="CASCADE"), primary_key=True),
        Column("tag_id", ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True),
        _uid_column(),
    )


event_tag = _tag_table("event")
quote_tag = _tag_table("quote")
statistic_tag = _tag_table("statistic")
source_tag = _tag_table("source")

source_event = Table(
    "source_event",
    Base.metadata,
    Column("source_id", ForeignKey("source.id", ondelete="CASCADE"), primary_key=True),
    Column("event_id", ForeignKey("event.id", ondelete="CASCADE"), primary_key=True),
    _uid_column(),
)


class Tag(SyncedMixin, Base):
    """A free label an officer puts on events, quotes, figures and sources."""

    __tablename__ = "tag"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), unique=True)


class Organisation(TimestampMixin, SyncedMixin, Base):
    """A ministry, company, centre or other body that organises, hosts or speaks."""

    __tablename__ = "organisation"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(400))
    name_key: Mapped[str] = mapped_column(String(400), index=True)
    kind: Mapped[str | None] = mapped_column(String(40))  # ministry, company, centre, university, media, other
    notes: Mapped[str | None] = mapped_column(Text)
    aliases: Mapped[list[OrganisationAlias]] = relationship(
        lazy="selectin", back_populates="organisation", cascade="all, delete-orphan", order_by="OrganisationAlias.id"
    )


class OrganisationAlias(SyncedMixin, Base):
    """Another spelling of an organisation's name seen in print."""

    __tablename__ = "organisation_alias"
    __table_args__ = (UniqueConstraint("organisation_id", "alias_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(400))
    alias_key: Mapped[str] = mapped_column(String(400), index=True)
    organisation: Mapped[Organisation] = relationship(back_populates="aliases")


class Person(TimestampMixin, SyncedMixin, Base):
    """A speaker, moderator or presenter: one record however the press spells the name."""

    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))  # canonical spelling, without honorific
    name_key: Mapped[str] = mapped_column(String(300), index=True)
    honorific: Mapped[str | None] = mapped_column(String(100))  # e.g. "معالي الدكتور"
    title: Mapped[str | None] = mapped_column(String(400))  # current title; quotes keep theirs as printed
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id", ondelete="SET NULL"))
    notes: Mapped[str | None] = mapped_column(Text)
    organisation: Mapped[Organisation | None] = relationship(lazy="selectin")
    aliases: Mapped[list[PersonAlias]] = relationship(
        lazy="selectin", back_populates="person", cascade="all, delete-orphan", order_by="PersonAlias.id"
    )


class PersonAlias(SyncedMixin, Base):
    """Another spelling of a person's name seen in print."""

    __tablename__ = "person_alias"
    __table_args__ = (UniqueConstraint("person_id", "alias_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(300))
    alias_key: Mapped[str] = mapped_column(String(300), index=True)
    person: Mapped[Person] = relationship(back_populates="aliases")


class Series(TimestampMixin, SyncedMixin, Base):
    """A recurring forum or meeting whose editions are events (e.g. "منتدى التواصل الحكومي")."""

    __tablename__ = "series"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(400))
    name_key: Mapped[str] = mapped_column(String(400), index=True)
    organiser_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id", ondelete="SET NULL"))
    description: Mapped[str | None] = mapped_column(Text)
    organiser: Mapped[Organisation | None] = relationship(lazy="selectin")


class Event(TimestampMixin, SyncedMixin, Base):
    """A forum edition or a meeting."""

    __tablename__ = "event"
    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int | None] = mapped_column(ForeignKey("series.id", ondelete="SET NULL"), index=True)
    name: Mapped[str] = mapped_column(String(400))
    edition: Mapped[int | None] = mapped_column(Integer)
    edition_label: Mapped[str | None] = mapped_column(String(100))  # as printed: "التاسع والعشرين"
    kind: Mapped[str] = mapped_column(String(40), default="forum")
    start_date: Mapped[str | None] = mapped_column(String(10), index=True)
    end_date: Mapped[str | None] = mapped_column(String(10))
    venue: Mapped[str | None] = mapped_column(String(400))
    city: Mapped[str | None] = mapped_column(String(100))
    country: Mapped[str | None] = mapped_column(String(100))
    organiser_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id", ondelete="SET NULL"))
    description: Mapped[str | None] = mapped_column(Text)
    hashtags: Mapped[list[str]] = mapped_column(JSON, default=list)
    series: Mapped[Series | None] = relationship(lazy="selectin")
    organiser: Mapped[Organisation | None] = relationship(lazy="selectin")
    partners: Mapped[list[EventPartner]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="EventPartner.id"
    )
    sessions: Mapped[list[Session]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="Session.id"
    )
    tags: Mapped[list[Tag]] = relationship(lazy="selectin", secondary=event_tag, order_by="Tag.name")


class EventPartner(SyncedMixin, Base):
    """An organisation taking part in an event other than as its organiser."""

    __tablename__ = "event_partner"
    __table_args__ = (UniqueConstraint("event_id", "organisation_id", "role"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20), default="partner")  # partner, guest, sponsor
    organisation: Mapped[Organisation] = relationship(lazy="selectin")


class Session(TimestampMixin, SyncedMixin, Base):
    """A panel, workshop, keynote, presentation or discussion inside an event."""

    __tablename__ = "session"
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="panel")
    title: Mapped[str] = mapped_column(String(400))
    date: Mapped[str | None] = mapped_column(String(10))
    start_time: Mapped[str | None] = mapped_column(String(5))
    end_time: Mapped[str | None] = mapped_column(String(5))
    moderator_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    summary: Mapped[str | None] = mapped_column(Text)
    attendance: Mapped[int | None] = mapped_column(Integer)
    attendance_text: Mapped[str | None] = mapped_column(String(100))  # as printed: "حوالي 150"
    event: Mapped[Event] = relationship(lazy="selectin", back_populates="sessions")
    moderator: Mapped[Person | None] = relationship(lazy="selectin")
    presenters: Mapped[list[SessionPresenter]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="SessionPresenter.id"
    )


class SessionPresenter(SyncedMixin, Base):
    """Who presented in a session: a person, an organisation, or both."""

    __tablename__ = "session_presenter"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"))
    person: Mapped[Person | None] = relationship(lazy="selectin")
    organisation: Mapped[Organisation | None] = relationship(lazy="selectin")


class Source(TimestampMixin, SyncedMixin, Base):
    """A press article or other document, with its full text as published."""

    __tablename__ = "source"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), default="article")
    outlet: Mapped[str | None] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(600))
    author: Mapped[str | None] = mapped_column(String(300))
    dateline: Mapped[str | None] = mapped_column(String(200))
    published_on: Mapped[str | None] = mapped_column(String(10), index=True)
    section: Mapped[str | None] = mapped_column(String(200))  # of a printed paper: "الاقتصاد"
    page: Mapped[str | None] = mapped_column(String(40))  # as printed: "12", "B3"
    url: Mapped[str | None] = mapped_column(String(2000))
    full_text: Mapped[str] = mapped_column(Text, default="")
    file_name: Mapped[str | None] = mapped_column(String(500))
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    events: Mapped[list[Event]] = relationship(lazy="selectin", secondary=source_event, order_by="Event.id")
    tags: Mapped[list[Tag]] = relationship(lazy="selectin", secondary=source_tag, order_by="Tag.name")


class _Provenance:
    """Where a quote or figure was read: a source article and a character span in its full text."""

    source_id: Mapped[int | None] = mapped_column(ForeignKey("source.id", ondelete="SET NULL"), index=True)
    source_start: Mapped[int | None] = mapped_column(Integer)
    source_end: Mapped[int | None] = mapped_column(Integer)


class Quote(TimestampMixin, _Provenance, SyncedMixin, Base):
    """Words a speaker said, as reported."""

    __tablename__ = "quote"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"), index=True)
    speaker_title: Mapped[str | None] = mapped_column(String(400))  # as printed with this quote
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id", ondelete="SET NULL"), index=True)
    organisation_text: Mapped[str | None] = mapped_column(String(400))  # as printed with this quote
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="SET NULL"), index=True)
    session_id: Mapped[int | None] = mapped_column(ForeignKey("session.id", ondelete="SET NULL"), index=True)
    speech: Mapped[str] = mapped_column(String(10), default="direct")  # direct, indirect
    said_on: Mapped[str | None] = mapped_column(String(10), index=True)
    verified: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)
    speaker: Mapped[Person | None] = relationship(lazy="selectin")
    organisation: Mapped[Organisation | None] = relationship(lazy="selectin")
    event: Mapped[Event | None] = relationship(lazy="selectin")
    session: Mapped[Session | None] = relationship(lazy="selectin")
    source: Mapped[Source | None] = relationship(lazy="selectin")
    tags: Mapped[list[Tag]] = relationship(lazy="selectin", secondary=quote_tag, order_by="Tag.name")


class Statistic(TimestampMixin, _Provenance, SyncedMixin, Base):
    """A headline figure: as written, parsed, what it counts and who stated it."""

    __tablename__ = "statistic"
    id: Mapped[int] = mapped_column(primary_key=True)
    figure_text: Mapped[str] = mapped_column(String(200))  # as written: "يقارب80%"
    value: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(100))  # percent, USD, OMR, or the counted noun
    approximation: Mapped[str | None] = mapped_column(String(20))  # more_than, about, less_than
    subject: Mapped[str | None] = mapped_column(Text)  # what it counts
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"), index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="SET NULL"), index=True)
    session_id: Mapped[int | None] = mapped_column(ForeignKey("session.id", ondelete="SET NULL"), index=True)
    stated_on: Mapped[str | None] = mapped_column(String(10), index=True)
    period: Mapped[str | None] = mapped_column(String(100))  # what the figure refers to: "2024", "2020-2024"
    verified: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)
    speaker: Mapped[Person | None] = relationship(lazy="selectin")
    event: Mapped[Event | None] = relationship(lazy="selectin")
    session: Mapped[Session | None] = relationship(lazy="selectin")
    source: Mapped[Source | None] = relationship(lazy="selectin")
    tags: Mapped[list[Tag]] = relationship(lazy="selectin", secondary=statistic_tag, order_by="Tag.name")


class AuditEntry(Base):
    """One create, update, delete or merge: who, when, and the values before and after."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_record", "record_kind", "record_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(), default=_utcnow)
    officer: Mapped[str] = mapped_column(String(200), default="")
    action: Mapped[str] = mapped_column(String(10))  # create, update, delete, merge
    record_kind: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[int] = mapped_column(Integer)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text)
    operation_id: Mapped[int | None] = mapped_column(Integer, index=True)  # the user's step (Operation)


class Operation(Base):
    """One step of a user (an edit, a merge, an import accepted), or the undo or redo of one.

    ``state`` is kept on edits only: "done", "undone" (can be redone) or "dropped" (undone, then
    another edit was made, so it can no longer be redone). Undo and redo steps name in ``step_id``
    the edit they undo or redo. ``archive.services.undo`` owns these rows.
    """

    __tablename__ = "operation"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(), default=_utcnow)
    officer: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(10), default="edit")  # edit, undo, redo
    state: Mapped[str | None] = mapped_column(String(10), index=True)  # edits: done, undone, dropped
    step_id: Mapped[int | None] = mapped_column(Integer, index=True)  # undo/redo: the edit they act on
    action: Mapped[str | None] = mapped_column(String(10))  # the main audit action: create, update, ...
    record_kind: Mapped[str | None] = mapped_column(String(20))
    record_id: Mapped[int | None] = mapped_column(Integer)
    record_name: Mapped[str | None] = mapped_column(Text)  # as it was named then, for the step's label


class RowChange(Base):
    """One row of any table as it was before and after a step (JSON objects; NULL: no such row).

    Written by temporary SQLite triggers while a step is open, so foreign-key cascades are caught
    too; undo writes ``before`` back. Kept for the latest steps only (``archive.services.undo``).
    """

    __tablename__ = "row_change"
    id: Mapped[int] = mapped_column(primary_key=True)
    # No foreign key: rows are caught before their step's row exists (``archive.services.steps``).
    operation_id: Mapped[int] = mapped_column(Integer, index=True)
    table_name: Mapped[str] = mapped_column(String(40))
    row_key: Mapped[str] = mapped_column(Text)
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)


class OutboxEntry(Base):
    """A record whose search-index document must be refreshed; written in the same transaction as the change."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(primary_key=True)
    record_kind: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[int] = mapped_column(Integer)
    op: Mapped[str] = mapped_column(String(10))  # upsert, delete
    created_at: Mapped[datetime] = mapped_column(DateTime(), default=_utcnow)


class ImportReview(Base):
    """Proposals read from one imported article, waiting for the officer ("pending" until decided).

    ``proposals`` holds the extraction's plain-dict form (as ``muntada extract --json`` prints it),
    with spans into the source's full text; ``decisions`` records what was accepted or rejected.
    """

    __tablename__ = "import_review"
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id", ondelete="CASCADE"), unique=True)
    status: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    proposals: Mapped[dict[str, Any]] = mapped_column(JSON)
    decisions: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    proposal_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(), default=_utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime())


class ArchiveMeta(Base):
    """Facts about the archive itself, as key and value (e.g. whether it is the sample archive)."""

    __tablename__ = "archive_meta"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# --- sync with the team server (``archive.team``) ------------------------------------------------

class SyncOutbox(Base):
    """A shared row changed on this desktop and not yet pushed to the team server.

    Written by SQLite triggers (migrations 0006, 0007) in the change's own transaction, whatever
    wrote the row (a service, a foreign-key cascade, undo); the push reads the row as it is then.
    """

    __tablename__ = "sync_outbox"
    id: Mapped[int] = mapped_column(primary_key=True)
    table_name: Mapped[str] = mapped_column(String(40))
    uid: Mapped[str] = mapped_column(String(36), index=True)
    row_id: Mapped[int | None] = mapped_column(Integer)  # a deleted record's local id (its merge is found by it)


class SyncState(Base):
    """This desktop's sync state, as key and value: its id, the last change-log entry applied, the last sync."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SyncVersion(Base):
    """The version of a shared row: on the server its current one, on a desktop the one it last saw.

    A row without an entry is at version 0 (uploaded by ``team push``, or never synced). Kept
    apart from the rows themselves: undo writes whole rows back and must not move versions.
    """

    __tablename__ = "sync_version"
    uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)


class SyncChange(Base):
    """The team server's change log: one entry per row written, in the order of one sequence (``seq``).

    ``row`` is the row as JSON with the ``uid`` of each record it points at instead of its id
    (None for a delete); ``merged_into`` names the record a merged-away record's links move to.
    """

    __tablename__ = "sync_change"
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(40))
    uid: Mapped[str] = mapped_column(String(36), index=True)
    version: Mapped[int] = mapped_column(Integer)
    op: Mapped[str] = mapped_column(String(10))  # put, delete
    row: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    merged_into: Mapped[str | None] = mapped_column(String(36))
    officer: Mapped[str] = mapped_column(String(200), default="")
    desktop: Mapped[str] = mapped_column(String(36), default="")
    at: Mapped[datetime] = mapped_column(DateTime(), default=_utcnow)


class SyncConflict(Base):
    """A shared row changed both here and on the server since this desktop last saw it.

    ``mine`` and ``theirs`` are the two rows in the wire's form (None: deleted on that side);
    ``theirs_version`` is the server's version, which a resolution is pushed against; ``officer``
    the login that made it.
    """

    __tablename__ = "sync_conflict"
    id: Mapped[int] = mapped_column(primary_key=True)
    table_name: Mapped[str] = mapped_column(String(40))
    uid: Mapped[str] = mapped_column(String(36), index=True)
    mine: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    theirs: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    theirs_version: Mapped[int] = mapped_column(Integer)
    found_at: Mapped[datetime] = mapped_column(DateTime(), default=_utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime())
    resolution: Mapped[str | None] = mapped_column(String(10))  # mine, theirs, fields
    officer: Mapped[str | None] = mapped_column(String(200))  # who made theirs (the server's log); None: not known
