"""Merging duplicate people and organisations: nothing is lost, everything is in the audit trail."""

from __future__ import annotations

from archive.services import audit, events, organisations, outbox, people, quotes, sessions, statistics
from archive.services.records import (
    EventInput,
    OrganisationInput,
    PersonInput,
    QuoteInput,
    SessionInput,
    StatisticInput,
)


def test_merging_two_people_keeps_all_their_quotes_and_is_audited(archive) -> None:
    event = events.create_event(archive, EventInput(name="اللقاء التاسع والعشرون"))
    first = people.create_person(archive, PersonInput(name="داود بن سليمان العذوبي", title="مساعد مدير التسويق الرقمي"))
    second = people.create_person(archive, PersonInput(name="داوود العذوبي"))
    panel = sessions.create_session(archive, SessionInput(event_id=event.id, title="ورشة", moderator_id=second.id,
                                                         presenter_person_ids=(second.id,)))
    q1 = quotes.create_quote(archive, QuoteInput(text="سعدت بالمشاركة", speaker_id=first.id, event_id=event.id))
    q2 = quotes.create_quote(archive, QuoteInput(text="تعرفت على الجديد", speaker_id=second.id, event_id=event.id))
    figure = statistics.create_statistic(archive, StatisticInput(figure_text="80%", speaker_id=second.id))
    outbox.acknowledge(archive, [item.id for item in outbox.pending(archive)])

    merged = people.merge_people(archive, first.id, [second.id])

    assert merged.quote_count == 2 and merged.statistic_count == 1
    assert "داوود العذوبي" in merged.aliases
    assert {q.speaker.id for q in quotes.list_quotes(archive)} == {first.id}
    assert {q.id for q in quotes.list_quotes(archive, speaker_id=first.id)} == {q1.id, q2.id}
    assert statistics.get_statistic(archive, figure.id).speaker.id == first.id
    moved_session = sessions.get_session(archive, panel.id)
    assert moved_session.moderator.id == first.id and [p.id for p in moved_session.presenters] == [first.id]
    assert [p.id for p in people.list_people(archive)] == [first.id]
    kept_history = audit.record_history(archive, "person", first.id)
    assert kept_history[-1].action == "merge" and str(second.id) in kept_history[-1].note
    gone_history = audit.record_history(archive, "person", second.id)
    assert gone_history[-1].action == "merge" and gone_history[-1].after == {"merged_into": first.id}
    queued = {(item.record_kind, item.record_id, item.op) for item in outbox.pending(archive)}
    assert {("person", second.id, "delete"), ("person", first.id, "upsert"),
            ("quote", q2.id, "upsert"), ("statistic", figure.id, "upsert")} <= queued


def test_merged_spelling_is_then_found(archive) -> None:
    first = people.create_person(archive, PersonInput(name="فاطمة بنت هلال الراجحية"))
    second = people.create_person(archive, PersonInput(name="فاطمه الراجحيه"))
    people.merge_people(archive, first.id, [second.id])
    matches = people.find_people(archive, "فاطمه الراجحيه")
    assert matches and matches[0].person.id == first.id and matches[0].score == 1.0


def test_merging_organisations_moves_people_quotes_and_events(archive) -> None:
    ministry = organisations.create_organisation(archive, OrganisationInput(name="وزارة الإعلام"))
    duplicate = organisations.create_organisation(archive, OrganisationInput(name="وزارة الاعلام"))
    person = people.create_person(archive, PersonInput(name="أحمد", organisation_id=duplicate.id))
    event = events.create_event(archive, EventInput(name="ندوة", organiser_id=duplicate.id))
    quote = quotes.create_quote(archive, QuoteInput(text="نص", organisation_id=duplicate.id))

    merged = organisations.merge_organisations(archive, ministry.id, [duplicate.id])

    assert people.get_person(archive, person.id).organisation.id == ministry.id
    assert events.get_event(archive, event.id).organiser.id == ministry.id
    assert quotes.get_quote(archive, quote.id).organisation.id == ministry.id
    assert [o.id for o in organisations.list_organisations(archive)] == [ministry.id]
    assert merged.people_count == 0 or merged.name == "وزارة الإعلام"
    assert audit.record_history(archive, "organisation", ministry.id)[-1].action == "merge"


def test_find_or_create_person_links_spelling_variants(archive) -> None:
    known = people.create_person(archive, PersonInput(name="إبراهيم بن سالم السالمي"))
    for variant in ("ابراهيم بن سالم السالمي", "الدكتور إبراهيم بن سالم السالمي", "إبراهيم السالمي"):
        assert people.find_or_create_person(archive, PersonInput(name=variant)).id == known.id, variant
    other = people.find_or_create_person(archive, PersonInput(name="إبراهيم بن سالم الحارثي"))
    assert other.id != known.id
    assert "إبراهيم السالمي" in people.get_person(archive, known.id).aliases
