"""A small real archive for the brief tests, written through the services (our own fixture text)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from archive.db.engine import Archive, open_archive
from archive.services import events, organisations, people, quotes, sessions, sources, statistics
from archive.services.records import (
    EventInput,
    OrganisationInput,
    PersonInput,
    QuoteInput,
    SessionInput,
    SourceInput,
    StatisticInput,
)

from .texts import QUOTES


@dataclass(frozen=True)
class SampleIds:
    event_id: int
    earlier_event_id: int
    speaker_id: int
    quote_ids: tuple[int, ...]
    statistic_ids: tuple[int, ...]


def build_archive(path: Path, quote_repeats: int = 1) -> tuple[Archive, SampleIds]:
    """Two editions of a forum series, a speaker, sessions, quotes, figures and an article."""
    archive = open_archive(path, create=True, officer="tester")
    ministry = organisations.create_organisation(archive, OrganisationInput(name="وزارة الإعلام"))
    series = events.find_or_create_series(archive, "منتدى الاتصال الحكومي", ministry.id)
    earlier = events.create_event(archive, EventInput(
        name="منتدى الاتصال الحكومي الأول", series_id=series.id, edition=1, edition_label="الأول",
        start_date="2023-05-10", organiser_id=ministry.id, city="مسقط"))
    event = events.create_event(archive, EventInput(
        name="منتدى الاتصال الحكومي الثاني", series_id=series.id, edition=2, edition_label="الثاني",
        start_date="2024-05-12", end_date="2024-05-13", venue="مركز عمان للمؤتمرات", city="مسقط",
        country="سلطنة عمان", organiser_id=ministry.id, description=QUOTES[7], hashtags=("#منتدى_الاتصال",)))
    speaker = people.create_person(archive, PersonInput(
        name="سالم بن خلفان الهنائي", honorific="سعادة", title="وكيل وزارة الإعلام", organisation_id=ministry.id))
    panel = sessions.create_session(archive, SessionInput(
        event_id=event.id, title="جلسة حوارية: المحتوى الرقمي الموثوق", kind="panel", date="2024-05-12",
        start_time="10:00", end_time="11:30", moderator_id=speaker.id, attendance=150))
    article = sources.add_source(archive, SourceInput(
        full_text=" ".join(QUOTES), title="انطلاق أعمال منتدى الاتصال الحكومي", outlet="جريدة المساء",
        published_on="2024-05-13", event_ids=(event.id,))).source
    quote_ids = []
    for repeat in range(quote_repeats):
        for number, text in enumerate(QUOTES):
            # Later copies say which copy they are, so that every printed quote is a distinct text.
            quote_ids.append(quotes.create_quote(archive, QuoteInput(
                text=text if repeat == 0 else f"{text} ({repeat + 1})", speaker_id=speaker.id, event_id=event.id,
                session_id=panel.id if number % 2 == 0 else None, said_on="2024-05-12",
                speech="direct" if number % 3 else "indirect", source_id=article.id)).id)
    statistic_ids = []
    for event_id, figure, value in ((earlier.id, "900 مشارك", 900.0), (event.id, "1500 مشارك", 1500.0)):
        statistic_ids.append(statistics.create_statistic(archive, StatisticInput(
            figure_text=figure, value=value, unit="مشارك", subject="عدد المشاركين في المنتدى",
            speaker_id=speaker.id, event_id=event_id,
            stated_on="2024-05-12" if event_id == event.id else "2023-05-10")).id)
    statistic_ids.append(statistics.create_statistic(archive, StatisticInput(
        figure_text="يقارب 80%", value=80.0, unit="percent", subject="الشباب الذين يتابعون الأخبار عبر الهاتف",
        speaker_id=speaker.id, event_id=event.id, source_id=article.id)).id)
    return archive, SampleIds(event.id, earlier.id, speaker.id, tuple(quote_ids), tuple(statistic_ids))
