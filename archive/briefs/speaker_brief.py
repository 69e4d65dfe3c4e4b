"""The speaker brief: what one person has said over the years, quotes and figures by date."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from reportlab.platypus import Flowable

from archive.briefs.charts import ChartPoint
from archive.briefs.document import BriefPdf, Cover, build_pdf
from archive.briefs.event_brief import _figure_key
from archive.briefs.options import SECTIONS, BriefOptions
from archive.briefs.sections import Layout, chart_section, quotes_section, statistics_section, text_section
from archive.db.engine import Archive
from archive.i18n import NP_
from archive.services import people, quotes, statistics
from archive.services.records import PersonRecord, QuoteRecord, StatisticRecord
from archive.text.dates import format_partial_date


def speaker_brief(archive: Archive, person_id: int, options: BriefOptions | None = None) -> BriefPdf:
    """Render the brief of one speaker (raises ``RecordNotFoundError`` for an unknown id)."""
    options = options or BriefOptions()
    layout = Layout.for_options(options)
    person = people.get_person(archive, person_id)
    person_quotes = quotes.list_quotes(archive, speaker_id=person_id)
    person_statistics = statistics.list_statistics(archive, speaker_id=person_id)
    wanted = tuple(name for name in SECTIONS if options.shows(name))
    sections = speaker_sections(person, person_quotes, person_statistics, layout, wanted)
    body = [flowable for flowables in sections.values() for flowable in flowables]
    return build_pdf(speaker_cover(layout, person, person_quotes, person_statistics), body, options)


def speaker_sections(person: PersonRecord, person_quotes: Sequence[QuoteRecord],
                     person_statistics: Sequence[StatisticRecord], layout: Layout,
                     wanted: Sequence[str] = SECTIONS) -> dict[str, list[Flowable]]:
    """The ``wanted`` body sections of the speaker's brief, in the brief's order, as they print: an empty list
    is a section with nothing to print (``muntada brief`` refuses sections that would all be empty)."""
    sections: dict[str, list[Flowable]] = {}
    if "summary" in wanted:
        sections["summary"] = text_section(layout, layout.tr("Notes"), person.notes)
    if "statistics" in wanted:
        sections["statistics"] = statistics_section(layout, person_statistics, with_speaker=False)
    if "charts" in wanted:
        sections["charts"] = chart_section(layout, figures_over_time(person_statistics, layout.options.language))
    if "quotes" in wanted:
        sections["quotes"] = quotes_section(layout, quotes_by_year(layout, person_quotes), {person.id: person},
                                            context=lambda quote: quote.event.name if quote.event else "")
    return sections


def speaker_cover(layout: Layout, person: PersonRecord, person_quotes: Sequence[QuoteRecord],
                  person_statistics: Sequence[StatisticRecord]) -> Cover:
    event_names = {quote.event.id for quote in person_quotes if quote.event}
    facts = [
        (layout.tr(NP_("person", "Title")), person.title or ""),
        (layout.tr("Organisation"), person.organisation.name if person.organisation else ""),
        # A count of nothing says nothing on a cover: it is left out like an empty title.
        (layout.tr("Quotes"), str(len(person_quotes)) if person_quotes else ""),
        (layout.tr("Figures"), str(len(person_statistics)) if person_statistics else ""),
        (layout.tr("Events"), str(len(event_names)) if event_names else ""),
    ]
    title = layout.options.title or person.display_name
    return Cover(title, layout.tr("Speaker brief"), [(label, value) for label, value in facts if value])


def quotes_by_year(layout: Layout, person_quotes: Sequence[QuoteRecord]) -> list[tuple[str, list[QuoteRecord]]]:
    """Quotes under one heading per year (undated last), in date order."""
    by_year: dict[str, list[QuoteRecord]] = defaultdict(list)
    for quote in person_quotes:
        by_year[(quote.said_on or "")[:4]].append(quote)
    years = sorted(year for year in by_year if year)
    groups = [(year, by_year[year]) for year in years]
    if by_year.get(""):
        groups.append((layout.tr("Undated"), by_year[""]))
    return groups


def figures_over_time(person_statistics: Sequence[StatisticRecord], language: str = "ar"
                      ) -> list[tuple[str, list[ChartPoint]]]:
    """A figure the person gave several times (same subject and unit), one point per date, labelled
    by its month in words ("مايو 2024": the ISO "2024-05" reads as a subtraction)."""
    by_key: dict[tuple[str, str], list[StatisticRecord]] = defaultdict(list)
    for statistic in person_statistics:
        key = _figure_key(statistic)
        if key is not None and statistic.value is not None and statistic.stated_on:
            by_key[key].append(statistic)
    return [
        (figures[0].subject or figures[0].figure_text,
         [_month_point(figure, language) for figure in sorted(figures, key=lambda item: item.stated_on or "")])
        for figures in by_key.values() if len(figures) >= 2
    ]


def _month_point(figure: StatisticRecord, language: str) -> ChartPoint:
    month = format_partial_date((figure.stated_on or "")[:7], language)
    return ChartPoint(month, figure.value or 0.0, figure.unit or "")  # value and date known: filtered above
