"""The sections briefs are made of, as flowables: statistics table, chart, sessions, quotes, coverage.

Each function takes a ``Layout`` (options, styles, text width) and plain service records and
returns a list of flowables; an empty list means the section has nothing to print and is left
out. The brief kinds (``event_brief``, ``speaker_brief``, ``selection_brief``) pick and order them.
Where a field prints is an editorial choice made here (a figure's period in brackets after what
it counts, a source's section and page in its citation); a column named as the field is labelled
as the registry labels it (``archive.kinds.fields``), a fixed choice worded as the registry words it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from archive.briefs.charts import ChartPoint, figure_chart
from archive.briefs.document import MARGIN
from archive.briefs.formatting import date_range, display_date, person_line
from archive.briefs.options import BriefOptions
from archive.briefs.paragraph import TextBlock
from archive.briefs.rtl import has_rtl, ltr_isolated
from archive.briefs.styles import PAPER_SIZES, BriefStyles
from archive.briefs.tables import brief_table
from archive.i18n import N_, tr
from archive.kinds.fields import CHOICE_LABELS, LABELS
from archive.services.records import (
    SESSION_KINDS,
    PersonRecord,
    QuoteRecord,
    SessionRecord,
    SourceRecord,
    SourceRef,
    StatisticRecord,
)

# A session's kind as its line says it: the registry's words for the choice ("Panel"), "Session" for "other".
NAMED_SESSION_KINDS = set(SESSION_KINDS) - {"other"}


@dataclass(frozen=True)
class Layout:
    """What every section needs: the options, the styles of the brief's language, the text width."""

    options: BriefOptions
    styles: BriefStyles
    width: float

    @classmethod
    def for_options(cls, options: BriefOptions) -> Layout:
        page_width, _height = PAPER_SIZES[options.paper]
        return cls(options, BriefStyles.for_language(options.language), page_width - 2 * MARGIN)

    def tr(self, message: str, **params: object) -> str:
        return tr(message, language=self.options.language, **params)

    def date(self, value: str | None) -> str:
        return display_date(value, self.options.language)


def heading(layout: Layout, text: str) -> list[Flowable]:
    """A section heading that never sits alone at the foot of a page."""
    return [CondPageBreak(90), TextBlock(text, layout.styles.heading)]


def statistics_section(layout: Layout, statistics: Sequence[StatisticRecord],
                       with_speaker: bool = True) -> list[Flowable]:
    """"Key statistics": figure as written, what it counts, who said it and when, and its source."""
    if not statistics:
        return []
    header = [layout.tr("Figure"), layout.tr("What it counts")]
    shares = [1.3, 2.6]
    if with_speaker:
        header.append(layout.tr("Said by"))
        shares.append(1.6)
    header += [layout.tr("Date"), layout.tr("Source")]
    shares += [1.1, 1.7]
    rows = []
    for statistic in statistics:
        row = [statistic.figure_text, figure_subject(statistic)]
        if with_speaker:
            row.append(statistic.speaker.name if statistic.speaker else "")
        rows.append([*row, layout.date(statistic.stated_on), source_line(layout, statistic.source)])
    return [*heading(layout, layout.tr("Key statistics")),
            brief_table(header, rows, shares, layout.width, layout.styles)]


def chart_section(layout: Layout, series_figures: Sequence[tuple[str, Sequence[ChartPoint]]]) -> list[Flowable]:
    """One bar chart per figure followed across editions (each with two points or more)."""
    charts = [(title, points) for title, points in series_figures if len(points) >= 2]
    if not charts:
        return []
    flowables = heading(layout, layout.tr("Figures across editions"))
    for title, points in charts:
        flowables += [figure_chart(title, points, layout.width, layout.styles), Spacer(1, 8)]
    return flowables


def sessions_section(layout: Layout, sessions: Sequence[SessionRecord]) -> list[Flowable]:
    """Each session: title, kind, time, moderator, presenters, attendance and summary."""
    if not sessions:
        return []
    styles = layout.styles
    flowables = heading(layout, layout.tr("Sessions"))
    for session in sessions:
        block: list[Flowable] = [TextBlock(session.title, styles.subheading)]
        kind = layout.tr(CHOICE_LABELS[session.kind] if session.kind in NAMED_SESSION_KINDS else N_("Session"))
        details = [kind, _session_time(layout, session)]
        if session.moderator:
            details.append(layout.tr("Moderator: {name}", name=session.moderator.name))
        block.append(TextBlock(" · ".join(part for part in details if part), styles.small))
        presenters = [ref.name for ref in (*session.presenters, *session.presenter_organisations)]
        if presenters:
            block.append(TextBlock(layout.tr("Presenters: {names}", names="، ".join(presenters)), styles.small))
        attendance = session.attendance_text or (str(session.attendance) if session.attendance else "")
        if attendance:
            block.append(TextBlock(layout.tr("Attendance: {count}", count=attendance), styles.small))
        flowables.append(KeepTogether(block))
        if session.summary:
            flowables.append(TextBlock(session.summary, styles.body))
    return flowables


def _session_time(layout: Layout, session: SessionRecord) -> str:
    times = "–".join(time for time in (session.start_time, session.end_time) if time)
    return " ".join(part for part in (layout.date(session.date), times) if part)


def quotes_section(layout: Layout, groups: Iterable[tuple[str, Sequence[QuoteRecord]]],
                   people: dict[int, PersonRecord], title: str | None = None,
                   context: Callable[[QuoteRecord], str] | None = None) -> list[Flowable]:
    """Quotes under group headings (a session, a speaker, a year), each with who said it and where."""
    flowables: list[Flowable] = []
    for group_title, quotes in groups:
        if not quotes:
            continue
        blocks = [quote_flowables(layout, quote, people, context) for quote in quotes]
        if group_title:  # a group's title never sits alone at the foot of a page: kept with its first quote
            blocks[0] = [TextBlock(group_title, layout.styles.subheading), *blocks[0]]
        flowables += [KeepTogether(block) for block in blocks]
    if not flowables:
        return []
    return [*heading(layout, title or layout.tr("Quotes")), *flowables]


def quote_flowables(layout: Layout, quote: QuoteRecord, people: dict[int, PersonRecord],
                    context: Callable[[QuoteRecord], str] | None = None) -> list[Flowable]:
    """One quote (in quotation marks when said directly) and its attribution line.

    ``quotes_section`` keeps the two on one page: an attribution alone at the top of a page read
    as if it were the next quote's.
    """
    text = quote.text.strip()
    if quote.speech == "direct":
        text = f"«{text}»" if has_rtl(text) else f"“{text}”"
    parts = [speaker_line(quote, people)]
    if context is not None:
        parts.append(context(quote))
    parts += [layout.date(quote.said_on), source_line(layout, quote.source)]
    if quote.speech != "direct":
        parts.append(layout.tr("reported speech"))
    attribution = "— " + " · ".join(part for part in parts if part)
    # A quote reads in its own language's direction (an English quote in an Arabic brief too).
    quote_style = layout.styles.quote.but(direction="rtl" if has_rtl(text) else "ltr")
    return [TextBlock(text, quote_style), TextBlock(attribution, layout.styles.attribution)]


def speaker_line(quote: QuoteRecord, people: dict[int, PersonRecord]) -> str:
    """Name with honorific, the title printed with this quote (else the current one), organisation."""
    if quote.speaker is None:
        return quote.organisation_text or (quote.organisation.name if quote.organisation else "")
    person = people.get(quote.speaker.id)
    honorific = person.honorific if person else None
    title = quote.speaker_title or (person.title if person else None)
    organisation = quote.organisation_text or (quote.organisation.name if quote.organisation else None)
    return person_line(quote.speaker.name, honorific, title, organisation)


def figure_subject(statistic: StatisticRecord) -> str:
    """What a figure counts, with the period it refers to in brackets: "نسبة البطالة (2024)"."""
    subject = statistic.subject or ""
    if not statistic.period:
        return subject
    return f"{subject} ({statistic.period})" if subject else statistic.period


def source_line(layout: Layout, source: SourceRef | None) -> str:
    """"Outlet, section, page, date" (or the title or file name) of a cited source."""
    if source is None:
        return ""
    name = source.outlet or source.title or source.file_name or ""
    parts = (name, *print_place(layout, source.section, source.page), layout.date(source.published_on))
    return "، ".join(part for part in parts if part)


def print_place(layout: Layout, section: str | None, page: str | None) -> tuple[str, ...]:
    """Where in a printed paper: its section and "p. 12" (what is known of the two).

    A Latin "p. 12" inside an Arabic citation is isolated, else the Unicode rules print "12 .p".
    """
    page_label = layout.tr("p. {page}", page=page) if page else ""
    if page_label and not has_rtl(page_label):
        page_label = ltr_isolated(page_label)
    return tuple(part for part in (section, page_label) if part)


def coverage_section(layout: Layout, sources: Sequence[SourceRecord]) -> list[Flowable]:
    """Press coverage: outlet, headline, author and date of each article linked to the event."""
    if not sources:
        return []
    outlet = LABELS["outlet"]  # looked up outside tr, where the extractor would take the key for a message
    author = LABELS["author"]
    header = [layout.tr(outlet), layout.tr("Headline"), layout.tr(author), layout.tr("Date")]
    rows = [["، ".join(part for part in (source.outlet, *print_place(layout, source.section, source.page)) if part),
             source.title or source.file_name or "", source.author or "", layout.date(source.published_on)]
            for source in sources]
    return [*heading(layout, layout.tr("Press coverage")),
            brief_table(header, rows, [1.5, 3.6, 1.4, 1.1], layout.width, layout.styles)]


def text_section(layout: Layout, title: str, text: str | None) -> list[Flowable]:
    """A heading and free text (a description, notes); nothing when there is no text."""
    if not text or not text.strip():
        return []
    return [*heading(layout, title), TextBlock(text, layout.styles.body)]


def date_span(layout: Layout, start: str | None, end: str | None) -> str:
    return date_range(start, end, layout.options.language)
