"""What the record view shows about one record: gathered on the db lane, written as rich text (no Qt).

``load_record_page(archive, kind, id)`` reads the record and what hangs off it (a person's
quotes and figures, an event's sessions and coverage, a source's quotes); ``record_html(page)``
lays it out as paragraphs (Qt's rich-text tables are not mirrored right to left, so none are
used) with ``record:<kind>/<id>`` links to every related record. The rows of a record come from
the registry (``archive.kinds.shown``: every field of the kind's ``*Input`` with its label);
this module adds only the fields shown in a place of their own (``APART``).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from archive.i18n import current_language, is_rtl, ntr, tr
from archive.kinds import KIND_LABELS
from archive.kinds.registry import KINDS
from archive.kinds.shown import Linked, Part, row_text, shown_label
from archive.text.dates import format_partial_date
from desktop.gui.appearance import direction_mark

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
    body = _fields_html(page.kind, page.record) + "".join(_related(page, kind) for kind in page.related)
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


def _provenance(record) -> str:
    source = record.source
    if source is None:
        unknown = tr("not recorded")  # not inside the f-string, where Babel's extractor cannot see it
        return f"<p><b>{html.escape(tr('Source'))}:</b> {html.escape(unknown)}</p>"
    label = source.title or source.file_name or str(source.id)
    page = tr("p. {page}", page=source.page) if source.page else None
    # Apart, each between marks of the interface's direction, and the date in words: an Arabic title,
    # outlet and "2024-05-12" side by side in English ran together and the date was drawn "12-05-2024".
    published = format_partial_date(source.published_on, current_language()) if source.published_on else None
    place = (source.outlet, source.section, page, published)
    mark = direction_mark()
    where = f"{mark} · {mark}".join((link("source", source, label), *(html.escape(part) for part in place if part)))
    span = ""
    if record.source_start is not None:
        show = tr("show the passage")
        span = f' — <a href="span:{source.id}/{record.source_start}/{record.source_end}">{html.escape(show)}</a>'
    return f"<p><b>{html.escape(tr('Source'))}:</b> {where}{span}</p>"


def _quote_text(quote) -> str:
    return (f'<blockquote dir="{content_direction(quote.text)}" style="font-size:large">'
            f'«{html.escape(quote.text)}»</blockquote>')


def _nothing(_record) -> str:
    return ""


# Fields the page shows in a place of their own rather than as a row: the heading (``record_title``),
# a quote's text, the provenance line with its passage, the verified mark, a source's text (beside).
_HEADINGS = (("event", "name"), ("session", "title"), ("person", "name"), ("organisation", "name"),
             ("series", "name"), ("statistic", "figure_text"), ("source", "title"), ("source", "full_text"))
_MARKS = tuple((kind, name) for kind in ("quote", "statistic") for name in ("verified", "source_start", "source_end"))
APART: dict[tuple[str, str], Callable[[Any], str]] = {
    **dict.fromkeys((*_HEADINGS, *_MARKS), _nothing),
    ("quote", "text"): _quote_text, ("quote", "source_id"): _provenance, ("statistic", "source_id"): _provenance,
}


def _html_part(part: Part) -> str:
    return link(part.kind, part, part.name) if isinstance(part, Linked) else html.escape(part)


def _fields_html(kind: str, record: Any) -> str:
    """Each row of the kind (``archive.kinds.shown``), fields shown apart in their place."""
    shown = []
    for row in KINDS[kind].rows():
        apart = APART.get((kind, row.names[0]))
        if apart is not None:
            shown.append(apart(record))
            continue
        value = row_text(kind, row, record, _html_part)
        if value:
            shown.append(f"<p><b>{html.escape(shown_label(row))}:</b> {value}</p>")
    return "".join(shown)
