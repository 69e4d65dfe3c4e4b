"""Every service against a real SQLite file: what is stored, what is refused, audit and outbox rows."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import func, select

from archive.db import models as m
from archive.errors import RecordNotFoundError, ValidationError
from archive.services import (
    audit,
    convert,
    events,
    maintenance,
    organisations,
    outbox,
    people,
    quotes,
    sessions,
    sources,
    statistics,
)
from archive.services.records import (
    EventInput,
    OrganisationInput,
    PartnerInput,
    PersonInput,
    QuoteInput,
    SeriesInput,
    SessionInput,
    SourceInput,
    StatisticInput,
)

ARTICLE = (
    "مسقط - العُمانية\n"
    "عقد مركز التواصل الحكومي لقاءه الثلاثين في مسقط بمشاركة مسؤولي الإعلام.\n"
    "وقال المدير العام للمركز: إن الشراكة مع المجتمع أساس التواصل الناجح.\n"
    "وأشار إلى أن نحو 70% من الخدمات الحكومية باتت متاحة إلكترونيا."
)


def outbox_rows(archive) -> list[tuple[str, int, str]]:
    return [(item.record_kind, item.record_id, item.op) for item in outbox.pending(archive)]


@pytest.fixture
def world(archive):
    """A small archive: an organisation, a series with an event and a session, a speaker and a source."""
    centre = organisations.create_organisation(archive, OrganisationInput(name="مركز التواصل الحكومي", kind="centre"))
    meta = organisations.create_organisation(archive, OrganisationInput(name="ميتا", aliases=("Meta",)))
    series = events.create_series(archive, SeriesInput(name="لقاءات مركز التواصل الحكومي", organiser_id=centre.id))
    event = events.create_event(
        archive,
        EventInput(
            name="اللقاء الثلاثون",
            series_id=series.id,
            edition=30,
            edition_label="الثلاثين",
            kind="meeting",
            start_date="2025-03-10",
            city="مسقط",
            organiser_id=centre.id,
            hashtags=("لقاء_التواصل_30", "#لقاء_التواصل_30"),
            partners=(PartnerInput(meta.id, "guest"),),
            tags=("ذكاء اصطناعي",),
        ),
    )
    speaker = people.create_person(
        archive, PersonInput(name="سعادة إبراهيم بن سالم السالمي", title="مدير عام", organisation_id=centre.id)
    )
    panel = sessions.create_session(
        archive,
        SessionInput(event_id=event.id, title="الحضور الرقمي", kind="workshop", start_time="9:30",
                     moderator_id=speaker.id, presenter_organisation_ids=(meta.id,), attendance=150),
    )
    source = sources.add_source(
        archive, SourceInput(full_text=ARTICLE, title="اللقاء الثلاثون", outlet="العمانية", file_name="a.txt",
                             event_ids=(event.id,))
    ).source
    return {"centre": centre, "meta": meta, "series": series, "event": event, "speaker": speaker,
            "session": panel, "source": source}


def test_event_keeps_everything_an_officer_records(archive, world) -> None:
    event = events.get_event(archive, world["event"].id)
    assert event.series.name == "لقاءات مركز التواصل الحكومي"
    assert (event.edition, event.edition_label, event.kind) == (30, "الثلاثين", "meeting")
    assert event.hashtags == ("#لقاء_التواصل_30",)  # the same hashtag twice is kept once
    assert event.partners[0].organisation.name == "ميتا" and event.partners[0].role == "guest"
    assert event.tags == ("ذكاء اصطناعي",)
    assert (event.session_count, event.source_count) == (1, 1)
    assert events.event_years(archive) == [2025]
    assert [e.id for e in events.list_events(archive, year=2025)] == [event.id]
    assert events.list_events(archive, year=2019) == []


def test_session_records_kind_time_moderator_presenters(archive, world) -> None:
    panel = sessions.get_session(archive, world["session"].id)
    assert panel.kind == "workshop" and panel.start_time == "09:30"
    assert panel.moderator.name == "إبراهيم بن سالم السالمي"
    assert [ref.name for ref in panel.presenter_organisations] == ["ميتا"]
    assert panel.attendance == 150


def test_honorific_is_separated_from_the_name(world) -> None:
    assert world["speaker"].name == "إبراهيم بن سالم السالمي"
    assert world["speaker"].honorific == "سعادة"


def test_quote_keeps_title_as_printed_and_its_provenance(archive, world) -> None:
    text = "الشراكة مع المجتمع أساس التواصل الناجح"
    start = ARTICLE.index(text)
    quote = quotes.create_quote(
        archive,
        QuoteInput(text=text, speaker_id=world["speaker"].id, speaker_title="المدير العام للمركز",
                   session_id=world["session"].id, speech="direct", said_on="2025-03-10",
                   source_id=world["source"].id, source_start=start, source_end=start + len(text), tags=("شراكة",)),
    )
    assert quote.event.id == world["event"].id  # taken from the session
    assert quote.speaker_title == "المدير العام للمركز"
    stored = sources.get_source(archive, world["source"].id)
    assert stored.full_text[quote.source_start : quote.source_end] == text
    people.update_person(archive, world["speaker"].id, PersonInput(name="إبراهيم بن سالم السالمي", title="وكيل وزارة"))
    assert quotes.get_quote(archive, quote.id).speaker_title == "المدير العام للمركز"
    with archive.session() as session:
        verified = dataclasses.replace(convert.to_quote_input(session.get(m.Quote, quote.id)), verified=True)
    assert quotes.update_quote(archive, quote.id, verified).verified


def test_statistic_parses_the_figure_as_written(archive, world) -> None:
    figure = statistics.create_statistic(
        archive, StatisticInput(figure_text="نحو 70%", subject="الخدمات الحكومية المتاحة إلكترونيا",
                                speaker_id=world["speaker"].id, event_id=world["event"].id)
    )
    assert figure.value == 70 and figure.unit == "percent" and figure.approximation == "about"
    money = statistics.create_statistic(archive, StatisticInput(figure_text="100 مليار دولار"))
    assert money.value == 100_000_000_000 and money.unit == "USD"
    assert [s.id for s in statistics.list_statistics(archive, series_id=world["series"].id)] == [figure.id]


@pytest.mark.parametrize(
    "bad_input, message",
    [
        (QuoteInput(text="   "), "must not be empty"),
        (QuoteInput(text="نص", speech="whispered"), "must be one of"),
        (QuoteInput(text="نص", said_on="2024-13-01"), "YYYY"),
        (QuoteInput(text="نص", source_start=3, source_end=9), "needs the source"),
    ],
)
def test_invalid_quotes_are_refused_and_nothing_is_stored(archive, bad_input, message) -> None:
    with pytest.raises(ValidationError) as caught:
        quotes.create_quote(archive, bad_input)
    assert message in str(caught.value)
    assert quotes.list_quotes(archive) == []
    assert outbox.pending(archive) == []


def test_span_outside_the_source_text_is_refused(archive, world) -> None:
    with pytest.raises(ValidationError):
        quotes.create_quote(archive, QuoteInput(text="نص", source_id=world["source"].id,
                                                source_start=10, source_end=len(ARTICLE) + 5))


def test_links_to_missing_records_are_refused(archive, world) -> None:
    with pytest.raises(RecordNotFoundError):
        quotes.create_quote(archive, QuoteInput(text="نص", speaker_id=999))
    with pytest.raises(RecordNotFoundError):
        events.get_event(archive, 999)


def test_session_of_another_event_is_refused(archive, world) -> None:
    other = events.create_event(archive, EventInput(name="منتدى آخر"))
    with pytest.raises(ValidationError):
        quotes.create_quote(archive, QuoteInput(text="نص", event_id=other.id, session_id=world["session"].id))


def test_event_dates_are_validated(archive) -> None:
    with pytest.raises(ValidationError):
        events.create_event(archive, EventInput(name="منتدى", start_date="2024-05-10", end_date="2024-05-01"))
    event = events.create_event(archive, EventInput(name="منتدى", start_date="2024", end_date="2024-06"))
    assert (event.start_date, event.end_date) == ("2024", "2024-06")


def test_the_same_article_is_never_stored_twice(archive, world) -> None:
    again = sources.add_source(archive, SourceInput(full_text=ARTICLE.replace("\n", "\r\n") + "  \n"))
    assert again.already_present and again.source.id == world["source"].id
    assert len(sources.list_sources(archive)) == 1


def test_source_text_cannot_change_but_details_can(archive, world) -> None:
    source_id = world["source"].id
    with pytest.raises(ValidationError):
        sources.update_source(archive, source_id, SourceInput(full_text="نص آخر تماما"))
    updated = sources.update_source(archive, source_id, SourceInput(full_text="", title="عنوان مصحح",
                                                                    outlet="العمانية"))
    assert updated.title == "عنوان مصحح"
    assert sources.get_source(archive, source_id).full_text == ARTICLE


def test_every_change_leaves_an_audit_entry_and_an_outbox_row(archive) -> None:
    person = people.create_person(archive, PersonInput(name="عزة بنت خلفان اليعربية"))
    people.update_person(archive, person.id, PersonInput(name="عزة بنت خلفان اليعربية", title="رئيسة قسم"))
    people.delete_person(archive, person.id)
    history = audit.record_history(archive, "person", person.id)
    assert [entry.action for entry in history] == ["create", "update", "delete"]
    assert history[0].officer == "ضابط الاختبار"
    assert history[1].before["title"] is None and history[1].after["title"] == "رئيسة قسم"
    assert outbox_rows(archive) == [("person", person.id, "upsert"), ("person", person.id, "upsert"),
                                    ("person", person.id, "delete")]


def test_every_service_that_writes_leaves_outbox_rows_for_what_it_changed(archive, world) -> None:
    with archive.session() as session:
        audited = set(session.execute(select(m.AuditEntry.record_kind, m.AuditEntry.record_id)).all())
        queued = set(session.execute(select(m.OutboxEntry.record_kind, m.OutboxEntry.record_id)).all())
    assert audited == queued
    assert {kind for kind, _ in queued} == {"organisation", "series", "event", "person", "session", "source"}


def test_outbox_acknowledge_removes_only_applied_rows(archive, world) -> None:
    items = outbox.pending(archive, limit=3)
    outbox.acknowledge(archive, [item.id for item in items])
    remaining = outbox.pending(archive)
    assert {item.id for item in items}.isdisjoint({item.id for item in remaining})
    assert outbox.pending_count(archive) == len(remaining) > 0


def test_deleting_an_event_keeps_its_quotes_and_drops_its_sessions(archive, world) -> None:
    quote = quotes.create_quote(archive, QuoteInput(text="نص", event_id=world["event"].id,
                                                     session_id=world["session"].id))
    events.delete_event(archive, world["event"].id)
    kept = quotes.get_quote(archive, quote.id)
    assert kept.event is None and kept.session is None
    assert sessions.list_sessions(archive) == []
    assert ("session", world["session"].id, "delete") in outbox_rows(archive)


def test_tags_are_shared_across_spellings_and_counted(archive, world) -> None:
    tags_before = maintenance.archive_info(archive).counts["tag"]
    first = quotes.create_quote(archive, QuoteInput(text="أ", tags=("الذكاء الاصطناعي",)))
    second = quotes.create_quote(archive, QuoteInput(text="ب", tags=("الذكاء الإصطناعي",)))
    assert maintenance.archive_info(archive).counts["tag"] == tags_before + 1
    assert quotes.get_quote(archive, second.id).tags == first.tags == ("الذكاء الاصطناعي",)


def test_organisation_found_across_spellings_and_aliases(archive, world) -> None:
    assert [o.id for o in organisations.find_organisations(archive, "Meta")] == [world["meta"].id]
    found = organisations.find_or_create_organisation(archive, "مركز التواصل الحكومى")
    assert found.id == world["centre"].id
    assert len(organisations.list_organisations(archive)) == 2


def test_list_counts(archive, world) -> None:
    quotes.create_quote(archive, QuoteInput(text="نص", speaker_id=world["speaker"].id))
    listed = {p.id: p.quote_count for p in people.list_people(archive)}
    assert listed[world["speaker"].id] == 1
    centre = organisations.get_organisation(archive, world["centre"].id)
    assert centre.people_count == 1
    with archive.session() as session:
        assert session.scalar(select(func.count()).select_from(m.AuditEntry)) >= 7


def test_deleting_a_speaker_queues_the_quotes_that_showed_the_name(archive, world) -> None:
    quote = quotes.create_quote(archive, QuoteInput(text="نص", speaker_id=world["speaker"].id))
    outbox.acknowledge(archive, [item.id for item in outbox.pending(archive)])
    people.delete_person(archive, world["speaker"].id)
    queued = set(outbox_rows(archive))
    assert ("quote", quote.id, "upsert") in queued
    assert ("session", world["session"].id, "upsert") in queued  # the speaker moderated it
    assert ("person", world["speaker"].id, "delete") in queued


def test_deleting_a_source_queues_the_quotes_read_from_it(archive, world) -> None:
    start = ARTICLE.index("الشراكة")
    quote = quotes.create_quote(archive, QuoteInput(text="الشراكة", source_id=world["source"].id,
                                                     source_start=start, source_end=start + len("الشراكة")))
    outbox.acknowledge(archive, [item.id for item in outbox.pending(archive)])
    sources.delete_source(archive, world["source"].id)
    assert ("quote", quote.id, "upsert") in set(outbox_rows(archive))
    assert quotes.get_quote(archive, quote.id).source is None


def test_the_editable_kinds_the_interface_offers_are_the_kinds_history_can_revert():
    from archive import kinds
    from archive.services import history

    assert set(kinds.EDITABLE_KINDS) == set(history.EDITABLE_KINDS)
    assert set(kinds.EDITABLE_KINDS) <= set(kinds.KIND_LABELS)
