"""Turning ORM rows into the plain records and inputs of ``archive.services.records``.

``to_*_record`` build what is shown; ``to_*_input`` build the editable form that the audit trail
stores before and after a change (and that undo applies).
"""

from __future__ import annotations

from archive.db import models as m
from archive.services import records as r


def ref(row: m.Person | m.Organisation | m.Event | m.Session | m.Series | None) -> r.Ref | None:
    if row is None:
        return None
    name = row.title if isinstance(row, m.Session) else row.name
    return r.Ref(id=row.id, name=name)


def source_ref(row: m.Source | None) -> r.SourceRef | None:
    if row is None:
        return None
    return r.SourceRef(
        id=row.id, title=row.title, outlet=row.outlet, file_name=row.file_name, published_on=row.published_on
    )


def tag_names(tags: list[m.Tag]) -> tuple[str, ...]:
    return tuple(tag.name for tag in tags)


def to_organisation_record(row: m.Organisation, people_count: int = 0, quote_count: int = 0) -> r.OrganisationRecord:
    return r.OrganisationRecord(
        id=row.id,
        name=row.name,
        kind=row.kind,
        aliases=tuple(alias.alias for alias in row.aliases),
        notes=row.notes,
        people_count=people_count,
        quote_count=quote_count,
    )


def to_organisation_input(row: m.Organisation) -> r.OrganisationInput:
    return r.OrganisationInput(
        name=row.name, kind=row.kind, aliases=tuple(alias.alias for alias in row.aliases), notes=row.notes
    )


def to_person_record(row: m.Person, quote_count: int = 0, statistic_count: int = 0) -> r.PersonRecord:
    return r.PersonRecord(
        id=row.id,
        name=row.name,
        honorific=row.honorific,
        title=row.title,
        organisation=ref(row.organisation),
        aliases=tuple(alias.alias for alias in row.aliases),
        notes=row.notes,
        quote_count=quote_count,
        statistic_count=statistic_count,
    )


def to_person_input(row: m.Person) -> r.PersonInput:
    return r.PersonInput(
        name=row.name,
        honorific=row.honorific,
        title=row.title,
        organisation_id=row.organisation_id,
        aliases=tuple(alias.alias for alias in row.aliases),
        notes=row.notes,
    )


def to_series_record(row: m.Series, event_count: int = 0) -> r.SeriesRecord:
    return r.SeriesRecord(
        id=row.id, name=row.name, organiser=ref(row.organiser), description=row.description, event_count=event_count
    )


def to_series_input(row: m.Series) -> r.SeriesInput:
    return r.SeriesInput(name=row.name, organiser_id=row.organiser_id, description=row.description)


def to_event_record(row: m.Event, counts: dict[str, int] | None = None) -> r.EventRecord:
    counts = counts or {}
    return r.EventRecord(
        id=row.id,
        name=row.name,
        series=ref(row.series),
        edition=row.edition,
        edition_label=row.edition_label,
        kind=row.kind,
        start_date=row.start_date,
        end_date=row.end_date,
        venue=row.venue,
        city=row.city,
        country=row.country,
        organiser=ref(row.organiser),
        description=row.description,
        hashtags=tuple(row.hashtags or ()),
        partners=tuple(
            r.PartnerRecord(organisation=ref(partner.organisation), role=partner.role) for partner in row.partners
        ),
        tags=tag_names(row.tags),
        session_count=counts.get("session", len(row.sessions)),
        quote_count=counts.get("quote", 0),
        statistic_count=counts.get("statistic", 0),
        source_count=counts.get("source", 0),
    )


def to_event_input(row: m.Event) -> r.EventInput:
    return r.EventInput(
        name=row.name,
        series_id=row.series_id,
        edition=row.edition,
        edition_label=row.edition_label,
        kind=row.kind,
        start_date=row.start_date,
        end_date=row.end_date,
        venue=row.venue,
        city=row.city,
        country=row.country,
        organiser_id=row.organiser_id,
        description=row.description,
        hashtags=tuple(row.hashtags or ()),
        partners=tuple(r.PartnerInput(organisation_id=p.organisation_id, role=p.role) for p in row.partners),
        tags=tag_names(row.tags),
    )


def to_session_record(row: m.Session, quote_count: int = 0) -> r.SessionRecord:
    return r.SessionRecord(
        id=row.id,
        event=ref(row.event),
        kind=row.kind,
        title=row.title,
        date=row.date,
        start_time=row.start_time,
        end_time=row.end_time,
        moderator=ref(row.moderator),
        presenters=tuple(ref(p.person) for p in row.presenters if p.person is not None),
        presenter_organisations=tuple(ref(p.organisation) for p in row.presenters if p.organisation is not None),
        summary=row.summary,
        attendance=row.attendance,
        attendance_text=row.attendance_text,
        quote_count=quote_count,
    )


def to_session_input(row: m.Session) -> r.SessionInput:
    return r.SessionInput(
        event_id=row.event_id,
        title=row.title,
        kind=row.kind,
        date=row.date,
        start_time=row.start_time,
        end_time=row.end_time,
        moderator_id=row.moderator_id,
        presenter_person_ids=tuple(p.person_id for p in row.presenters if p.person_id is not None),
        presenter_organisation_ids=tuple(p.organisation_id for p in row.presenters if p.organisation_id is not None),
        summary=row.summary,
        attendance=row.attendance,
        attendance_text=row.attendance_text,
    )


def to_quote_record(row: m.Quote) -> r.QuoteRecord:
    return r.QuoteRecord(
        id=row.id,
        text=row.text,
        speaker=ref(row.speaker),
        speaker_title=row.speaker_title,
        organisation=ref(row.organisation),
        organisation_text=row.organisation_text,
        event=ref(row.event),
        session=ref(row.session),
        speech=row.speech,
        said_on=row.said_on,
        verified=row.verified,
        source=source_ref(row.source),
        source_start=row.source_start,
        source_end=row.source_end,
        tags=tag_names(row.tags),
        notes=row.notes,
    )


def to_quote_input(row: m.Quote) -> r.QuoteInput:
    return r.QuoteInput(
        text=row.text,
        speaker_id=row.speaker_id,
        speaker_title=row.speaker_title,
        organisation_id=row.organisation_id,
        organisation_text=row.organisation_text,
        event_id=row.event_id,
        session_id=row.session_id,
        speech=row.speech,
        said_on=row.said_on,
        verified=row.verified,
        source_id=row.source_id,
        source_start=row.source_start,
        source_end=row.source_end,
        tags=tag_names(row.tags),
        notes=row.notes,
    )


def to_statistic_record(row: m.Statistic) -> r.StatisticRecord:
    return r.StatisticRecord(
        id=row.id,
        figure_text=row.figure_text,
        value=row.value,
        unit=row.unit,
        approximation=row.approximation,
        subject=row.subject,
        speaker=ref(row.speaker),
        event=ref(row.event),
        session=ref(row.session),
        stated_on=row.stated_on,
        verified=row.verified,
        source=source_ref(row.source),
        source_start=row.source_start,
        source_end=row.source_end,
        tags=tag_names(row.tags),
        notes=row.notes,
    )


def to_statistic_input(row: m.Statistic) -> r.StatisticInput:
    return r.StatisticInput(
        figure_text=row.figure_text,
        value=row.value,
        unit=row.unit,
        approximation=row.approximation,
        subject=row.subject,
        speaker_id=row.speaker_id,
        event_id=row.event_id,
        session_id=row.session_id,
        stated_on=row.stated_on,
        verified=row.verified,
        source_id=row.source_id,
        source_start=row.source_start,
        source_end=row.source_end,
        tags=tag_names(row.tags),
        notes=row.notes,
    )


def to_source_record(
    row: m.Source, with_text: bool = False, quote_count: int = 0, statistic_count: int = 0
) -> r.SourceRecord:
    return r.SourceRecord(
        id=row.id,
        kind=row.kind,
        outlet=row.outlet,
        title=row.title,
        author=row.author,
        dateline=row.dateline,
        published_on=row.published_on,
        url=row.url,
        file_name=row.file_name,
        content_hash=row.content_hash,
        events=tuple(ref(event) for event in row.events),
        tags=tag_names(row.tags),
        text_length=len(row.full_text or ""),
        full_text=row.full_text if with_text else None,
        imported_at=row.created_at,
        quote_count=quote_count,
        statistic_count=statistic_count,
    )


def to_source_input(row: m.Source) -> r.SourceInput:
    return r.SourceInput(
        full_text=row.full_text,
        title=row.title,
        outlet=row.outlet,
        author=row.author,
        dateline=row.dateline,
        published_on=row.published_on,
        url=row.url,
        file_name=row.file_name,
        kind=row.kind,
        event_ids=tuple(event.id for event in row.events),
        tags=tag_names(row.tags),
    )


def to_audit_record(row: m.AuditEntry) -> r.AuditRecord:
    return r.AuditRecord(
        id=row.id,
        at=row.at,
        officer=row.officer,
        action=row.action,
        record_kind=row.record_kind,
        record_id=row.record_id,
        before=row.before,
        after=row.after,
        note=row.note,
    )

