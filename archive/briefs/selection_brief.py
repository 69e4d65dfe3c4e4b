"""The selection brief: any chosen quotes and figures (picked by hand or from search results)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from archive.briefs.document import BriefPdf, Cover, build_pdf
from archive.briefs.event_brief import people_of
from archive.briefs.options import BriefOptions
from archive.briefs.sections import Layout, quotes_section, statistics_section
from archive.db.engine import Archive
from archive.errors import RecordNotFoundError
from archive.kinds import KIND_LABELS
from archive.services import quotes, statistics


class _HasId(Protocol):
    @property
    def id(self) -> int: ...


RecordT = TypeVar("RecordT", bound=_HasId)


def selection_brief(archive: Archive, quote_ids: Sequence[int] = (), statistic_ids: Sequence[int] = (),
                    options: BriefOptions | None = None, subtitle: str | None = None) -> BriefPdf:
    """Render chosen quotes and figures in the order given (unknown ids raise ``RecordNotFoundError``)."""
    options = options or BriefOptions()
    layout = Layout.for_options(options)
    listed_quotes = quotes.list_quotes(archive, ids=list(quote_ids)) if quote_ids else []
    chosen_quotes = _in_given_order(listed_quotes, quote_ids, "quote")
    listed_statistics = statistics.list_statistics(archive, ids=list(statistic_ids)) if statistic_ids else []
    chosen_statistics = _in_given_order(listed_statistics, statistic_ids, "statistic")
    body = []
    if options.shows("statistics"):
        body += statistics_section(layout, chosen_statistics)
    if options.shows("quotes"):
        body += quotes_section(layout, [("", chosen_quotes)], people_of(archive, chosen_quotes),
                               context=lambda quote: quote.event.name if quote.event else "")
    facts = [(layout.tr("Quotes"), str(len(chosen_quotes))), (layout.tr("Figures"), str(len(chosen_statistics)))]
    cover = Cover(options.title or layout.tr("Selected quotes and figures"), subtitle or layout.tr("Selection brief"),
                  facts)
    return build_pdf(cover, body, options)


def _in_given_order(records: list[RecordT], ids: Sequence[int], kind: str) -> list[RecordT]:
    by_id = {record.id: record for record in records}
    missing = [record_id for record_id in dict.fromkeys(ids) if record_id not in by_id]
    if missing:
        raise RecordNotFoundError("{kind} {id} does not exist.", kind=KIND_LABELS.get(kind, kind), id=missing[0])
    return [by_id[record_id] for record_id in dict.fromkeys(ids)]
