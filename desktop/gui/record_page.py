"""What the record view shows about one record: gathered on the db lane, written as rich text (no Qt).

``load_record_page(archive, kind, id)`` reads the record and what hangs off it (a person's
quotes and figures, an event's sessions and coverage, a source's quotes); ``record_html(page)``
lays it out as paragraphs (Qt's rich-text tables are not mirrored right to left, so none are
used) with ``record:<kind>/<id>`` links to every related record.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from archive.i18n import N_, NP_, is_rtl, join_list, ntr, tr
from archive.kinds import KIND_LABELS
from archive.kinds.registry import KINDS
from archive.text.numbers import format_value

LIST_LIMIT = 200


@dataclass(frozen=True)
class RecordPage:
    """A record and the records shown with it."""

    kind: str
    record: Any
    related: dict[str, list[Any]] = field(default_factory=dict)
    speaker: Any = None  # a quote's or figure's speaker, for the citation


def load_record_page(archive, kind: str, record_id: int) -> RecordPage:
    from archive.services import events, organisations, people, quotes, sessions, sources, statistics

    if kind == "person":
        return RecordPage(kind, people.get_person(archive, record_id), {
            "quote": quotes.list_quotes(archive, speaker_id=record_id),
            "statistic": statistics.list_statistics(archive, speaker_id=record_id)})
    if kind == "event":
        return RecordPage(kind, events.get_event(archive, record_id), {
            "session": sessions.list_sessions(archive, event_id=record_id),
            "quote": quotes.list_quotes(archive, event_id=record_id),
            "statistic": statistics.list_statistics(archive, event_id=record_id),
            "source": sources.list_sources(archive, event_id=record_id)})
    if kind == "session":
        return RecordPage(kind, sessions.get_session(archive, record_id), {
            "quote": quotes.list_quotes(archive, session_id=record_id)})
    if kind == "organisation":
        return RecordPage(kind, organisations.get_organisation(archive, record_id), {
            "person": people.list_people(archive, organisation_id=record_id)})
    if kind == "source":
        return RecordPage(kind, sources.get_source(archive, record_id), {
            "quote": quotes.list_quotes(archive, source_id=record_id),
            "statistic": statistics.list_statistics(archive, source_id=record_id)})
    if kind == "quote":
        quote = quotes.get_quote(archive, record_id)
        speaker = people.get_person(archive, quote.speaker.id) if quote.speaker else None
        return RecordPage(kind, quote, speaker=speaker)
    if kind == "statistic":
        statistic = statistics.get_statistic(archive, record_id)
        speaker = people.get_person(archive, statistic.speaker.id) if statistic.speaker else None
        return RecordPage(kind, statistic, speaker=speaker)
    if kind == "series":
        return RecordPage(kind, events.get_series(archive, record_id), {
            "event": events.list_events(archive, series_id=record_id)})
    raise ValueError(f"unknown record kind {kind}")


def content_direction(text: str | None) -> str:
    """"rtl" for text mostly in Arabic script, else "ltr": content keeps its own direction in either UI language."""
    sample = (text or "")[:400]
    arabic = sum(1 for char in sample if "\u0600" <= char <= "\u06ff")
    latin = sum(1 for char in sample if char.isascii() and char.isalpha())
    if not sample or arabic == latin:
        return "rtl" if is_rtl() else "ltr"
    return "rtl" if arabic > latin else "ltr"


def link(kind: str, ref: Any, text: str | None = None) -> str:
    if ref is None:
        return ""
    return f'<a href="record:{kind}/{ref.id}">{html.escape(text or ref.name or "")}</a>'


def _field(label: str, value: Any) -> str:
    if value is None or value == "" or value == ():
        return ""
    shown = value if isinstance(value, str) and value.startswith("<a ") else html.escape(str(value))
    return f"<p><b>{html.escape(tr(label))}:</b> {shown}</p>"


def record_title(page: RecordPage) -> str:
    record = page.record
    if page.kind == "quote":
        return page.speaker.display_name if page.speaker is not None else tr("Quote")
    for attribute in ("display_name", "name", "title", "figure_text"):
        value = getattr(record, attribute, None)
        if value:
            return value
    return f"{tr(KIND_LABELS.get(page.kind, page.kind))} {record.id}"


def record_html(page: RecordPage) -> str:
    """The record as rich text in the current language's direction."""
    direction = "rtl" if is_rtl() else "ltr"
    body = _FIELDS[page.kind](page.record) + "".join(_related(page, kind) for kind in page.related)
    kind_label = html.escape(tr(KIND_LABELS.get(page.kind, page.kind)))
    verified = ""
    if getattr(page.record, "verified", False):
        verified = f' <span style="color:#1b7f3b">✓ {html.escape(tr("Verified"))}</span>'
    return (f'<div dir="{direction}"><p style="color:#666">{kind_label}{verified}</p>'
            f'<h2 dir="{content_direction(record_title(page))}">{html.escape(record_title(page))}</h2>{body}</div>')


def _related(page: RecordPage, kind: str) -> str:
    items = page.related[kind]
    heading = f"{tr(KINDS[kind].plural_label)}: {len(items)}"
    rows = []
    for item in items[:LIST_LIMIT]:
        rows.append(f"<li>{_related_line(kind, item)}</li>")
    more = ntr("… and {n} more", "… and {n} more", len(items) - LIST_LIMIT) if len(items) > LIST_LIMIT else ""
    more = f"<p>{html.escape(more)}</p>" if more else ""
    return f"<h3>{html.escape(heading)}</h3><ul>{''.join(rows)}</ul>{more}" if items else ""


def _related_line(kind: str, item: Any) -> str:
    if kind == "quote":
        speaker = f" — {html.escape(item.speaker.name)}" if item.speaker else ""
        return f'{link("quote", item, "«" + item.text[:160] + "»")}{speaker}'
    if kind == "statistic":
        return f'{link("statistic", item, item.figure_text)} {html.escape(item.subject or "")}'
    if kind == "session":
        return link("session", item, " ".join(p for p in (item.date or "", item.start_time or "", item.title) if p))
    if kind == "source":
        return link("source", item, item.title or item.file_name or str(item.id)) + f" {html.escape(item.outlet or '')}"
    if kind == "person":
        return link("person", item, item.display_name)
    return link(kind, item)


def _event_fields(event) -> str:
    return "".join((
        _field(N_("Series"), link("series", event.series)),
        _field(N_("Edition"), event.edition_label or event.edition),
        _field(N_("Kind"), tr(event.kind.capitalize())),
        _field(N_("Dates"), " – ".join(d for d in (event.start_date, event.end_date) if d)),
        _field(N_("Place"), join_list([p for p in (event.venue, event.city, event.country) if p])),
        _field(N_("Organiser"), link("organisation", event.organiser)),
        _field(N_("Partners"), join_list([link("organisation", p.organisation) for p in event.partners])),
        _field(N_("Hashtags"), " ".join(event.hashtags)),
        _field(N_("Tags"), join_list(event.tags)),
        _field(N_("Description"), event.description),
    ))


def _session_fields(session) -> str:
    return "".join((
        _field(N_("Event"), link("event", session.event)),
        _field(N_("Kind"), tr(session.kind.capitalize())),
        _field(N_("Date"), session.date),
        _field(N_("Time"), " – ".join(t for t in (session.start_time, session.end_time) if t)),
        _field(N_("Moderator"), link("person", session.moderator)),
        _field(N_("Presenters"), join_list([link("person", p) for p in session.presenters]
                                     + [link("organisation", o) for o in session.presenter_organisations])),
        _field(N_("Attendance"), session.attendance_text or session.attendance),
        _field(N_("Summary"), session.summary),
    ))


def _person_fields(person) -> str:
    return "".join((
        _field(N_("Honorific"), person.honorific),
        _field(NP_("person", "Title"), person.title),
        _field(N_("Organisation"), link("organisation", person.organisation)),
        _field(N_("Other spellings"), join_list(person.aliases)),
        _field(N_("Notes"), person.notes),
    ))


def _organisation_fields(organisation) -> str:
    return "".join((
        _field(N_("Kind"), organisation.kind),
        _field(N_("Other spellings"), join_list(organisation.aliases)),
        _field(N_("Notes"), organisation.notes),
    ))


def _provenance(record) -> str:
    source = record.source
    if source is None:
        return _field(N_("Source"), tr("not recorded"))
    label = source.title or source.file_name or str(source.id)
    page = tr("p. {page}", page=source.page) if source.page else None
    place = (source.outlet, source.section, page, source.published_on)
    where = " ".join((link("source", source, label), *(html.escape(part) for part in place if part)))
    span = ""
    if record.source_start is not None:
        show = tr("show the passage")
        span = f' — <a href="span:{source.id}/{record.source_start}/{record.source_end}">{html.escape(show)}</a>'
    return f"<p><b>{html.escape(tr('Source'))}:</b> {where}{span}</p>"


def _quote_fields(quote) -> str:
    return "".join((
        (f'<blockquote dir="{content_direction(quote.text)}" style="font-size:large">'
         f'«{html.escape(quote.text)}»</blockquote>'),
        _field(N_("Speaker"), link("person", quote.speaker)),
        _field(N_("Title as printed"), quote.speaker_title),
        _field(N_("Organisation as printed"), quote.organisation_text),
        _field(N_("Organisation"), link("organisation", quote.organisation)),
        _field(N_("Event"), link("event", quote.event)),
        _field(N_("Session"), link("session", quote.session)),
        _field(N_("Speech"), tr("Direct quote") if quote.speech == "direct" else tr("Reported speech")),
        _field(N_("Date"), quote.said_on),
        _provenance(quote),
        _field(N_("Tags"), join_list(quote.tags)),
        _field(N_("Notes"), quote.notes),
    ))


def _statistic_fields(statistic) -> str:
    value = format_value(statistic.value, statistic.unit)
    return "".join((
        _field(N_("Figure as written"), statistic.figure_text),
        _field(N_("Value"), value),
        _field(N_("Subject"), statistic.subject),
        _field(N_("Speaker"), link("person", statistic.speaker)),
        _field(N_("Event"), link("event", statistic.event)),
        _field(N_("Session"), link("session", statistic.session)),
        _field(N_("Date"), statistic.stated_on),
        _field(N_("Period (year or span)"), statistic.period),
        _provenance(statistic),
        _field(N_("Tags"), join_list(statistic.tags)),
        _field(N_("Notes"), statistic.notes),
    ))


def _source_fields(source) -> str:
    return "".join((
        _field(N_("Outlet"), source.outlet),
        _field(N_("Section"), source.section),
        _field(N_("Page"), source.page),
        _field(N_("Author"), source.author),
        _field(N_("Dateline"), source.dateline),
        _field(N_("Published"), source.published_on),
        _field(N_("File"), source.file_name),
        _field(N_("Address"), source.url),
        _field(N_("Events"), join_list([link("event", e) for e in source.events])),
        _field(N_("Tags"), join_list(source.tags)),
    ))


def _series_fields(series) -> str:
    return (_field(N_("Organiser"), link("organisation", series.organiser))
            + _field(N_("Description"), series.description))


_FIELDS = {
    "event": _event_fields, "session": _session_fields, "person": _person_fields,
    "organisation": _organisation_fields, "quote": _quote_fields, "statistic": _statistic_fields,
    "source": _source_fields, "series": _series_fields,
}
