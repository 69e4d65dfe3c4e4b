"""The event brief: what happened at one forum, meeting or conference.

Cover (event, dates, venue, organiser, hashtags), description, key statistics with sources,
figures charted across the editions of the event's series, sessions, quotes grouped by session
or by speaker, and the press coverage. Data is read through ``archive.services`` only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from reportlab.platypus import Flowable

from archive.briefs.charts import ChartPoint
from archive.briefs.document import BriefPdf, Cover, build_pdf
from archive.briefs.options import SECTIONS, BriefOptions
from archive.briefs.rtl import own_direction_isolated
from archive.briefs.sections import (
    Layout,
    chart_section,
    coverage_section,
    date_span,
    quotes_section,
    sessions_section,
    statistics_section,
    text_section,
)
from archive.db.engine import Archive
from archive.i18n import N_
from archive.services import events, people, quotes, sessions, sources, statistics
from archive.services.records import EventRecord, PersonRecord, QuoteRecord, SessionRecord, StatisticRecord


def event_brief(archive: Archive, event_id: int, options: BriefOptions | None = None) -> BriefPdf:
    """Render the brief of one event (raises ``RecordNotFoundError`` for an unknown id)."""
    options = options or BriefOptions()
    layout = Layout.for_options(options)
    event = events.get_event(archive, event_id)
    wanted = tuple(name for name in SECTIONS if options.shows(name))
    body = [flowable for flowables in event_sections(archive, event, layout, wanted).values() for flowable in flowables]
    return build_pdf(event_cover(layout, event), body, options)


def event_sections(archive: Archive, event: EventRecord, layout: Layout,
                   wanted: Sequence[str] = SECTIONS) -> dict[str, list[Flowable]]:
    """The ``wanted`` body sections of the event's brief, in the brief's order, as they print: an empty list is
    a section with nothing to print (``muntada brief`` refuses sections that would all be empty)."""
    event_quotes = quotes.list_quotes(archive, event_id=event.id)
    event_statistics = statistics.list_statistics(archive, event_id=event.id)
    event_sessions = sessions.list_sessions(archive, event_id=event.id)
    sections: dict[str, list[Flowable]] = {}
    if "summary" in wanted:
        sections["summary"] = text_section(layout, layout.tr("About the event"), event.description)
    if "statistics" in wanted:
        sections["statistics"] = statistics_section(layout, event_statistics)
    if "charts" in wanted:
        sections["charts"] = (chart_section(layout, series_figures(archive, event, event_statistics))
                              if event.series is not None else [])
    if "sessions" in wanted:
        sections["sessions"] = sessions_section(layout, event_sessions)
    if "quotes" in wanted:
        speakers = people_of(archive, event_quotes)
        sections["quotes"] = quotes_section(layout, quote_groups(layout, event_quotes, event_sessions, speakers),
                                            speakers)
    if "coverage" in wanted:
        sections["coverage"] = coverage_section(layout, sources.list_sources(archive, event_id=event.id))
    return sections


def event_cover(layout: Layout, event: EventRecord) -> Cover:
    """Title, "Event brief" with the edition, and the facts an officer checks first."""
    facts = [
        (layout.tr("Dates"), date_span(layout, event.start_date, event.end_date)),
        (layout.tr("Venue"), "، ".join(part for part in (event.venue, event.city, event.country) if part)),
        (layout.tr("Organiser"), event.organiser.name if event.organiser else ""),
        (layout.tr("Hashtags"), " ".join(own_direction_isolated(tag) for tag in event.hashtags)),
        (layout.tr("Partners"), "، ".join(partner.organisation.name for partner in event.partners)),
    ]
    subtitle = layout.tr("Event brief")
    if event.edition or event.edition_label:
        # The number when known: "الدورة 3" agrees in any language, an ordinal word may not ("الدورة الثالث").
        edition = layout.tr("Edition {edition}", edition=event.edition or event.edition_label)
        subtitle = f"{subtitle} · {edition}"
    title = layout.options.title or event.name
    return Cover(title, subtitle, [(label, value) for label, value in facts if value])


def people_of(archive: Archive, quote_list: Sequence[QuoteRecord]) -> dict[int, PersonRecord]:
    """The speakers of these quotes, by id (for honorifics and current titles)."""
    speaker_ids = sorted({quote.speaker.id for quote in quote_list if quote.speaker})
    return {speaker_id: people.get_person(archive, speaker_id) for speaker_id in speaker_ids}


def quote_groups(layout: Layout, quote_list: Sequence[QuoteRecord], session_list: Sequence[SessionRecord],
                 speakers: dict[int, PersonRecord]) -> list[tuple[str, list[QuoteRecord]]]:
    """Quotes by session (in session order, then those outside any session) or by speaker."""
    grouped: dict[int | None, list[QuoteRecord]] = defaultdict(list)
    if layout.options.group_quotes_by == "speaker":
        for quote in quote_list:
            grouped[quote.speaker.id if quote.speaker else None].append(quote)
        names = {speaker_id: person.display_name for speaker_id, person in speakers.items()}
        order = sorted((key for key in grouped if key is not None), key=lambda key: names.get(key, ""))
        return [(names.get(key, ""), grouped[key]) for key in order] + _ungrouped(layout, grouped, N_("Other quotes"))
    for quote in quote_list:
        grouped[quote.session.id if quote.session else None].append(quote)
    titled = [(session.title, grouped[session.id]) for session in session_list if session.id in grouped]
    return titled + _ungrouped(layout, grouped, N_("Other quotes from the event") if titled else "")


def _ungrouped(layout: Layout, grouped: dict[int | None, list[QuoteRecord]],
               title: str) -> list[tuple[str, list[QuoteRecord]]]:
    return [(layout.tr(title) if title else "", grouped[None])] if grouped.get(None) else []


def series_figures(archive: Archive, event: EventRecord, event_statistics: Sequence[StatisticRecord]
                   ) -> list[tuple[str, list[ChartPoint]]]:
    """Figures of this event also stated at other editions of its series (same subject and unit),
    one point per edition in edition order."""
    wanted = {key for statistic in event_statistics
              if statistic.value is not None and (key := _figure_key(statistic)) is not None}
    if not wanted or event.series is None:
        return []
    editions = {edition.id: edition for edition in events.list_events(archive, series_id=event.series.id)}
    by_key: dict[tuple[str, str], dict[int, StatisticRecord]] = defaultdict(dict)
    for statistic in statistics.list_statistics(archive, series_id=event.series.id):
        key = _figure_key(statistic)
        if key in wanted and statistic.event and statistic.event.id in editions and statistic.value is not None:
            by_key[key].setdefault(statistic.event.id, statistic)
    charts = []
    for per_event in by_key.values():
        ordered = sorted(per_event, key=lambda event_id: _edition_order(editions[event_id]))
        points = [ChartPoint(_edition_label(editions[event_id]), value, per_event[event_id].unit or "")
                  for event_id in ordered if (value := per_event[event_id].value) is not None]
        charts.append((per_event[event.id].subject or per_event[event.id].figure_text, points))
    return charts


def _figure_key(statistic: StatisticRecord) -> tuple[str, str] | None:
    if not statistic.subject:
        return None
    return (" ".join(statistic.subject.split()), statistic.unit or "")


def _edition_order(event: EventRecord) -> tuple[bool, int, str, int]:
    return (event.edition is None, event.edition or 0, event.start_date or "", event.id)


def _edition_label(event: EventRecord) -> str:
    """The edition as printed ("الثاني"), else its number, else the year or the name."""
    if event.edition_label:
        return event.edition_label
    if event.edition is not None:
        return str(event.edition)
    return (event.start_date or "")[:4] or event.name
