"""A figure's period and a source's section and page: stored, edited, audited, searched and printed."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from archive.briefs.event_brief import event_brief
from archive.briefs.options import BriefOptions
from archive.db.engine import Archive
from archive.services import audit, events, sources, statistics
from archive.services.records import EventInput, SourceInput, StatisticInput
from search.index import SearchIndex

from .briefs.pdf_checks import pdftotext

ARTICLE = "مسقط - الوطن\nأعلن المركز الوطني للإحصاء أن نسبة البطالة بلغت 12% في 2024 بحسب المسح السنوي."


def add_records(archive: Archive) -> tuple[int, int, int]:
    event = events.create_event(archive, EventInput(name="منتدى سوق العمل", start_date="2025-02-10"))
    source = sources.add_source(archive, SourceInput(
        full_text=ARTICLE, outlet="الوطن", title="البطالة في 2024", published_on="2025-02-11",
        section="  المحليات ", page="12", event_ids=(event.id,))).source
    figure = statistics.create_statistic(archive, StatisticInput(
        figure_text="12%", subject="نسبة البطالة", period="2024", stated_on="2025-02-10", event_id=event.id,
        source_id=source.id, source_start=ARTICLE.index("12%"), source_end=ARTICLE.index("12%") + 3))
    return event.id, source.id, figure.id


def test_period_section_and_page_are_stored_edited_and_audited(archive: Archive) -> None:
    _event_id, source_id, figure_id = add_records(archive)
    figure = statistics.get_statistic(archive, figure_id)
    assert figure.period == "2024" and figure.stated_on == "2025-02-10"
    assert figure.source is not None and (figure.source.section, figure.source.page) == ("المحليات", "12")
    source = sources.get_source(archive, source_id)
    assert (source.section, source.page) == ("المحليات", "12")

    statistics.update_statistic(archive, figure_id, StatisticInput(figure_text="12%", subject="نسبة البطالة",
                                                                   period="2020-2024"))
    assert statistics.get_statistic(archive, figure_id).period == "2020-2024"
    changed = audit.record_history(archive, "statistic", figure_id)[-1]
    assert changed.before["period"] == "2024" and changed.after["period"] == "2020-2024"

    sources.update_source(archive, source_id, SourceInput(full_text="", title=source.title, page=" "))
    source = sources.get_source(archive, source_id)
    assert source.page is None and source.section is None


def test_linking_a_source_to_an_event_keeps_its_section_and_page(archive: Archive) -> None:
    _event_id, source_id, _figure_id = add_records(archive)
    other = events.create_event(archive, EventInput(name="ملتقى الإحصاء"))
    sources.link_source_to_event(archive, source_id, other.id)
    source = sources.get_source(archive, source_id)
    assert (source.section, source.page) == ("المحليات", "12") and len(source.events) == 2


def test_a_figure_is_found_by_its_period_and_a_source_by_its_section(archive: Archive, tmp_path: Path) -> None:
    _event_id, source_id, figure_id = add_records(archive)
    index = SearchIndex.open(tmp_path / "index", archive)
    try:
        statistics.update_statistic(archive, figure_id, StatisticInput(figure_text="12%", subject="نسبة البطالة",
                                                                       period="2019"))
        index.drain_outbox()
        assert {(hit.kind, hit.id) for hit in index.search("2019").hits} == {("statistic", figure_id)}
        sources.update_source(archive, source_id, dataclasses.replace(
            SourceInput(full_text=""), title="البطالة في 2024", outlet="الوطن", section="الرياضة"))
        index.drain_outbox()
        assert ("source", source_id) in {(hit.kind, hit.id) for hit in index.search("الرياضة").hits}
    finally:
        index.close()


def test_the_event_brief_prints_the_period_and_where_in_the_paper(archive: Archive, tmp_path: Path) -> None:
    event_id, _source_id, _figure_id = add_records(archive)
    path = tmp_path / "brief.pdf"
    event_brief(archive, event_id, BriefOptions(language="en")).write(path)
    text = pdftotext(path)
    assert re.search(r"[()]2024[()]", text)  # the period in brackets beside what it counts (brackets mirrored)
    assert "p. 12" in text and "المحليات" in text  # section and page in the citation and the coverage


def test_the_arabic_brief_says_page_in_arabic(archive: Archive, tmp_path: Path) -> None:
    event_id, _source_id, _figure_id = add_records(archive)
    path = tmp_path / "brief.pdf"
    event_brief(archive, event_id, BriefOptions(language="ar")).write(path)
    assert "ص 12" in re.sub(r"[\u202a-\u202e]", "", pdftotext(path))
