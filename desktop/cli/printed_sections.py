"""Which sections of an event or speaker brief would print something, before the PDF is made.

``muntada brief --event/--speaker ... --sections ...`` refuses sections that leave the brief empty
(``brief_commands``), as it refuses a selection none of whose records they print. Each test here
is the condition on which ``archive.briefs.event_brief`` / ``speaker_brief`` print the section
(the section functions of ``archive.briefs.sections`` return nothing for no records, no text,
and charts of fewer than two points); the cover always prints and is not counted.
"""

from __future__ import annotations

from archive.briefs.event_brief import series_figures
from archive.briefs.options import SECTIONS
from archive.briefs.speaker_brief import figures_over_time
from archive.db.engine import Archive
from archive.services import events, people, quotes, sessions, sources, statistics

CHART_POINTS = 2  # chart_section draws a figure followed over two points or more


def of_event(archive: Archive, event_id: int) -> tuple[str, ...]:
    """The sections of the event's brief that print something, in the brief's order."""
    event = events.get_event(archive, event_id)
    event_statistics = statistics.list_statistics(archive, event_id=event_id)
    printing = {
        "summary": bool(event.description and event.description.strip()),
        "statistics": bool(event_statistics),
        "charts": _charted(series_figures(archive, event, event_statistics)),
        "sessions": bool(sessions.list_sessions(archive, event_id=event_id)),
        "quotes": bool(quotes.list_quotes(archive, event_id=event_id)),
        "coverage": bool(sources.list_sources(archive, event_id=event_id)),
    }
    return _in_order(printing)


def of_speaker(archive: Archive, person_id: int) -> tuple[str, ...]:
    """The sections of the person's speaker brief that print something, in the brief's order."""
    person = people.get_person(archive, person_id)
    person_statistics = statistics.list_statistics(archive, speaker_id=person_id)
    printing = {
        "summary": bool(person.notes and person.notes.strip()),
        "statistics": bool(person_statistics),
        "charts": _charted(figures_over_time(person_statistics)),
        "quotes": bool(quotes.list_quotes(archive, speaker_id=person_id)),
    }
    return _in_order(printing)


def _charted(charts: list) -> bool:
    return any(len(points) >= CHART_POINTS for _title, points in charts)


def _in_order(printing: dict[str, bool]) -> tuple[str, ...]:
    return tuple(name for name in SECTIONS if printing.get(name))
