"""A percent sign alone never makes a match; event titles do not repeat an edition their name already says."""

from __future__ import annotations

from archive.services import events, statistics
from archive.services.records import EventInput, StatisticInput
from search.index import SearchIndex


def test_a_percent_sign_alone_does_not_bring_every_percentage(search_index: SearchIndex, filled) -> None:
    archive, ids = filled
    other = statistics.create_statistic(archive, StatisticInput(figure_text="52%", subject="نسبة الخدمات الرقمية"))
    search_index.drain_outbox()
    for query in ("80%", "٨٠٪"):
        found = {(hit.kind, hit.id) for hit in search_index.search(query).hits}
        assert ("statistic", ids.statistic) in found, query
        assert ("statistic", other.id) not in found, query
    assert ("statistic", other.id) in {(hit.kind, hit.id) for hit in search_index.search("52%").hits}


def test_an_event_title_does_not_repeat_its_edition(search_index: SearchIndex, filled) -> None:
    archive, _ids = filled
    named = events.create_event(archive, EventInput(name="اللقاء الحادي والثلاثون للمركز", edition=31,
                                                    edition_label="الحادي والثلاثين"))
    unnamed = events.create_event(archive, EventInput(name="ملتقى الصحافة الرقمية", edition=2, edition_label="الثاني"))
    search_index.drain_outbox()
    titles = {hit.id: hit.title for hit in search_index.search("اللقاء الحادي والثلاثين").hits if hit.kind == "event"}
    assert titles[named.id] == "اللقاء الحادي والثلاثون للمركز"
    titles = {hit.id: hit.title for hit in search_index.search("الصحافة الرقمية الثاني").hits if hit.kind == "event"}
    assert titles[unnamed.id] == "ملتقى الصحافة الرقمية (الثاني)"
