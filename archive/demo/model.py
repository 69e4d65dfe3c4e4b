"""The shapes the sample archive is written in: plain frozen dataclasses, linked by short keys.

The data modules (``cast``, ``forums``, ``meetings``, ``digital_media``) describe organisations,
people, series, events with their sessions, and articles; ``builder`` turns them into service
calls. An article is written as paragraphs of fragments: plain text, ``Said`` (a quote, which
may hold ``Figure`` fragments) and ``Figure`` (a statistic as written). The builder joins the
fragments into the article's full text and so knows the exact span of every quote and figure.
"""

from __future__ import annotations

from dataclasses import dataclass

# Subjects shared by the figures of every edition, so a chart can follow them across the years.
REACH = "وصول وسم المنتدى على منصات التواصل"
FORUM_ATTENDANCE = "عدد المشاركين في المنتدى"
SERVICES_ONLINE = "نسبة الخدمات الحكومية المتاحة إلكترونيًا"
RESPONSE_TIME = "متوسط زمن الرد على استفسارات الجمهور في الحسابات الحكومية"
OFFICIAL_ACCOUNTS = "عدد الحسابات الحكومية الرسمية على منصات التواصل"
MEETING_ATTENDANCE = "عدد مسؤولي التواصل الحاضرين في اللقاء"
MEDIA_FORUM_ATTENDANCE = "عدد المشاركين في ملتقى الإعلام الرقمي"
CREATORS = "عدد صناع المحتوى المشاركين في الملتقى"
TRUST = "نسبة الثقة بالمعلومات الصادرة عن الحسابات الحكومية"
PLATFORM_PREFERENCE = "نسبة المتابعين الذين يفضلون متابعة الأخبار الحكومية عبر المنصات"

SAMPLE_NOTE = "(بيانات تجريبية)"


@dataclass(frozen=True)
class Organisation:
    key: str
    name: str
    kind: str | None = None
    aliases: tuple[str, ...] = ()
    notes: str | None = None


@dataclass(frozen=True)
class Person:
    """``title`` and ``organisation`` are the current ones; quotes keep the title printed at the time."""

    key: str
    name: str
    honorific: str | None = None
    title: str | None = None
    organisation: str | None = None
    aliases: tuple[str, ...] = ()
    notes: str | None = None


@dataclass(frozen=True)
class Series:
    key: str
    name: str
    organiser: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class Session:
    """One session of an event; ``key`` is unique within its event."""

    key: str
    kind: str
    title: str
    date: str | None = None
    start_time: str | None = None
    end_time: str | None = None
    moderator: str | None = None
    presenters: tuple[str, ...] = ()
    presenter_organisations: tuple[str, ...] = ()
    summary: str | None = None
    attendance: int | None = None
    attendance_text: str | None = None


@dataclass(frozen=True)
class Event:
    key: str
    name: str
    kind: str
    start_date: str | None
    series: str | None = None
    edition: int | None = None
    edition_label: str | None = None
    end_date: str | None = None
    venue: str | None = None
    city: str | None = "مسقط"
    country: str | None = "سلطنة عمان"
    organiser: str | None = None
    description: str | None = None
    hashtags: tuple[str, ...] = ()
    partners: tuple[tuple[str, str], ...] = ()  # (organisation key, role)
    tags: tuple[str, ...] = ()
    sessions: tuple[Session, ...] = ()


@dataclass(frozen=True)
class Figure:
    """A statistic as written in an article; inside a ``Said`` its speaker is the quote's speaker."""

    text: str
    subject: str
    unit: str | None = None
    session: str | None = None
    speaker: str | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Said:
    """A quote: the words as they stand in our article, and the title printed beside the name."""

    speaker: str
    text: str | tuple[str | Figure, ...]
    title: str | None = None
    organisation: str | None = None
    speech: str = "indirect"
    session: str | None = None
    tags: tuple[str, ...] = ()
    verified: bool | None = None  # None: as the article


Fragment = str | Said | Figure


@dataclass(frozen=True)
class Article:
    """One of our own sample articles about one event."""

    file_name: str
    event: str
    outlet: str
    title: str
    published_on: str
    paragraphs: tuple[tuple[Fragment, ...], ...]
    city: str = "مسقط"
    author: str | None = None
    tags: tuple[str, ...] = ()
    verified: bool = False  # whether its quotes and figures were checked by an officer

    @property
    def dateline(self) -> str:
        return f"{self.city} - {self.outlet}"
