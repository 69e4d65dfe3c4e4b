"""Turning the sample data into service calls, and composing the sample articles' text.

Everything is written through ``archive.services``, so the sample archive holds exactly what an
officer's own work would hold: audit entries, outbox rows for the search index, tag rows. The
services are handed one unit of work: the sample is stored whole or not at all, in one transaction.
``compose`` is the one place that computes provenance spans: it joins an article's fragments
and records where each quote and figure lands in the full text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from archive.db.engine import Archive
from archive.demo import (
    cast,
    digital_media,
    digital_media_articles,
    forum_articles_early,
    forum_articles_recent,
    forums,
    meeting_articles,
    meetings,
)
from archive.demo.model import Article, Event, Figure, Fragment, Said, Series
from archive.services import events, organisations, people, quotes, sessions, sources, statistics
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
from archive.services.unit import WriteUnit, write_unit

SERIES: tuple[Series, ...] = forums.SERIES + meetings.SERIES + digital_media.SERIES
EVENTS: tuple[Event, ...] = forums.EVENTS + meetings.EVENTS + digital_media.EVENTS
ARTICLES: tuple[Article, ...] = (
    forum_articles_early.ARTICLES
    + forum_articles_recent.ARTICLES
    + meeting_articles.ARTICLES
    + digital_media_articles.ARTICLES
)


@dataclass(frozen=True)
class Placed:
    """A quote or figure and its exact span in the composed text (``speaker``: of the enclosing quote)."""

    fragment: Said | Figure
    start: int
    end: int
    speaker: str | None = None


@dataclass
class ComposedArticle:
    full_text: str = ""
    quotes: list[Placed] = field(default_factory=list)
    figures: list[Placed] = field(default_factory=list)

    def add(self, fragment: Fragment | str, speaker: str | None = None) -> None:
        start = len(self.full_text)
        if isinstance(fragment, str):
            self.full_text += fragment
        elif isinstance(fragment, Figure):
            self.full_text += _checked(fragment.text)
            self.figures.append(Placed(fragment, start, len(self.full_text), fragment.speaker or speaker))
        else:
            for part in (fragment.text,) if isinstance(fragment.text, str) else fragment.text:
                self.add(part, fragment.speaker)
            _checked(self.full_text[start:])
            self.quotes.append(Placed(fragment, start, len(self.full_text)))


def compose(article: Article) -> ComposedArticle:
    """The article's full text (headline, dateline, paragraphs) with the spans of its quotes and figures."""
    composed = ComposedArticle()
    composed.add(f"{article.title}\n\n{article.dateline}\n")
    for index, paragraph in enumerate(article.paragraphs):
        if index:
            composed.add("\n")
        for fragment in paragraph:
            composed.add(fragment)
    return composed


def _checked(text: str) -> str:
    # A span must cover the words themselves, never the spaces or punctuation around them.
    if not text or text != text.strip():
        raise ValueError(f"sample data: a quote or figure has surrounding white space: {text!r}")
    return text


@dataclass
class _Ids:
    """Record ids by data key, filled as the archive is built."""

    organisations: dict[str, int] = field(default_factory=dict)
    people: dict[str, int] = field(default_factory=dict)
    series: dict[str, int] = field(default_factory=dict)
    events: dict[str, int] = field(default_factory=dict)
    sessions: dict[tuple[str, str], int] = field(default_factory=dict)
    dates: dict[tuple[str, str | None], str | None] = field(default_factory=dict)

    def organisation(self, key: str | None) -> int | None:
        return self.organisations[key] if key else None

    def person(self, key: str | None) -> int | None:
        return self.people[key] if key else None


def build_sample(archive: Archive) -> None:
    """Write every sample record into ``archive`` (which should be new and empty), in one unit of work."""
    with write_unit(archive, step_kind=None) as unit:  # the sample is no edit of the officer's to undo
        _build(unit)


def _build(unit: WriteUnit) -> None:
    ids = _Ids()
    for organisation in cast.ORGANISATIONS:
        record = organisations.create_organisation(
            unit, OrganisationInput(name=organisation.name, kind=organisation.kind, aliases=organisation.aliases,
                                    notes=organisation.notes)
        )
        ids.organisations[organisation.key] = record.id
    for person in cast.PEOPLE:
        data = PersonInput(name=person.name, honorific=person.honorific, title=person.title,
                           organisation_id=ids.organisation(person.organisation), aliases=person.aliases,
                           notes=person.notes)
        ids.people[person.key] = people.create_person(unit, data).id
    for series in SERIES:
        series_data = SeriesInput(name=series.name, organiser_id=ids.organisation(series.organiser),
                                  description=series.description)
        ids.series[series.key] = events.create_series(unit, series_data).id
    for event in EVENTS:
        _add_event(unit, ids, event)
    for article in ARTICLES:
        _add_article(unit, ids, article)


def _add_event(unit: WriteUnit, ids: _Ids, event: Event) -> None:
    data = EventInput(
        name=event.name, series_id=ids.series[event.series] if event.series else None, edition=event.edition,
        edition_label=event.edition_label, kind=event.kind, start_date=event.start_date, end_date=event.end_date,
        venue=event.venue, city=event.city, country=event.country, organiser_id=ids.organisation(event.organiser),
        description=event.description, hashtags=event.hashtags, tags=event.tags,
        partners=tuple(PartnerInput(ids.organisations[key], role) for key, role in event.partners),
    )
    event_id = events.create_event(unit, data).id
    ids.events[event.key] = event_id
    ids.dates[(event.key, None)] = event.start_date
    for item in event.sessions:
        session_data = SessionInput(
            event_id=event_id, title=item.title, kind=item.kind, date=item.date or event.start_date,
            start_time=item.start_time, end_time=item.end_time, moderator_id=ids.person(item.moderator),
            presenter_person_ids=tuple(ids.people[key] for key in item.presenters),
            presenter_organisation_ids=tuple(ids.organisations[key] for key in item.presenter_organisations),
            summary=item.summary, attendance=item.attendance, attendance_text=item.attendance_text,
        )
        ids.sessions[(event.key, item.key)] = sessions.create_session(unit, session_data).id
        ids.dates[(event.key, item.key)] = item.date or event.start_date


def _add_article(unit: WriteUnit, ids: _Ids, article: Article) -> None:
    composed = compose(article)
    saved = sources.add_source(unit, SourceInput(
        full_text=composed.full_text, title=article.title, outlet=article.outlet, author=article.author,
        dateline=article.dateline, published_on=article.published_on, file_name=article.file_name,
        kind="article", event_ids=(ids.events[article.event],), tags=article.tags,
    ))
    source_id = saved.source.id
    for placed in composed.quotes:
        said = placed.fragment
        assert isinstance(said, Said)
        quotes.create_quote(unit, QuoteInput(
            text=composed.full_text[placed.start:placed.end], speaker_id=ids.people[said.speaker],
            speaker_title=said.title, organisation_id=ids.organisation(said.organisation),
            organisation_text=_printed_organisation(composed.full_text, said.organisation),
            event_id=ids.events[article.event], session_id=_session_id(ids, article.event, said.session),
            speech=said.speech, said_on=ids.dates[(article.event, said.session)],
            verified=article.verified if said.verified is None else said.verified,
            source_id=source_id, source_start=placed.start, source_end=placed.end, tags=said.tags,
        ))
    for placed in composed.figures:
        figure = placed.fragment
        assert isinstance(figure, Figure)
        statistics.create_statistic(unit, StatisticInput(
            figure_text=figure.text, unit=figure.unit, subject=figure.subject, speaker_id=ids.person(placed.speaker),
            event_id=ids.events[article.event], session_id=_session_id(ids, article.event, figure.session),
            stated_on=ids.dates[(article.event, figure.session)], verified=article.verified,
            source_id=source_id, source_start=placed.start, source_end=placed.end, tags=figure.tags,
        ))


def _session_id(ids: _Ids, event_key: str, session_key: str | None) -> int | None:
    return ids.sessions[(event_key, session_key)] if session_key else None


_ORGANISATIONS_BY_KEY = {organisation.key: organisation for organisation in cast.ORGANISATIONS}


def _printed_organisation(full_text: str, key: str | None) -> str | None:
    """The organisation's name as the article prints it (its name or a known alias), if it does."""
    if key is None:
        return None
    organisation = _ORGANISATIONS_BY_KEY[key]
    for spelling in (organisation.name, *organisation.aliases):
        if spelling in full_text:
            return spelling
    return None
