"""Result rows read well and find what an officer types (a real archive and a real Whoosh index).

A person's row names their organisation once; a figure's title separates the number from its
subject; a bare year finds the records of that year; while typing, a record named by the typed
words ranks above figures that only hold them apart.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.db.engine import Archive
from archive.services import events, organisations, people, statistics
from archive.services.records import EventInput, OrganisationInput, PersonInput, StatisticInput
from desktop.cli import main
from search.index import SearchIndex


@pytest.fixture
def officer_archive(archive: Archive) -> Archive:
    sailing = organisations.create_organisation(archive, OrganisationInput(name="عمان للإبحار"))
    police = organisations.create_organisation(archive, OrganisationInput(name="شرطة عمان السلطانية"))
    people.create_person(archive, PersonInput(name="داود بن سليمان العذوبي", organisation_id=sailing.id,
                                              title="مساعد مدير التسويق الرقمي في عُمان للإبحار"))
    people.create_person(archive, PersonInput(name="سعيد بن راشد الشكيلي", organisation_id=police.id,
                                              title="رئيس قسم الإعلام الأمني بشرطة عمان السلطانية"))
    people.create_person(archive, PersonInput(name="محمد الهشامي", organisation_id=police.id))
    people.create_person(archive, PersonInput(name="خالد الراشدي", organisation_id=police.id, title="ضابط اتصال"))
    names = ("الأول", "الثاني", "الثالث")
    forums = [events.create_event(archive, EventInput(
        name=f"منتدى التواصل الحكومي {name}", start_date=f"{2022 + index}-10-0{index + 1}",
        description="دورة عن الخدمات الرقمية والثقة بين الجهات الحكومية والجمهور في المحافظات كافة")).id
        for index, name in enumerate(names)]
    for index, forum in enumerate(forums):
        statistics.create_statistic(archive, StatisticInput(
            figure_text=f"أكثر من {index + 15} مليون مستخدم", subject="وصول وسم المنتدى على منصات التواصل",
            event_id=forum))
    statistics.create_statistic(archive, StatisticInput(
        figure_text="أكثر من 400 مشارك", subject="عدد المشاركين", event_id=forums[0]))
    statistics.create_statistic(archive, StatisticInput(
        figure_text="2024 حساب", subject="عدد الحسابات الحكومية الموثقة", event_id=forums[0]))
    return archive


@pytest.fixture
def officer_index(officer_archive: Archive, tmp_path: Path):
    opened = SearchIndex.open(tmp_path / "archive.index", officer_archive)
    yield opened
    opened.close()


def test_a_persons_row_names_their_organisation_once(officer_index: SearchIndex) -> None:
    rows = {hit.title: hit.snippet.text for hit in officer_index.search("عمان", kind="person").hits}
    assert rows["داود بن سليمان العذوبي"] == "مساعد مدير التسويق الرقمي في عُمان للإبحار"
    assert rows["سعيد بن راشد الشكيلي"] == "رئيس قسم الإعلام الأمني بشرطة عمان السلطانية"
    assert rows["محمد الهشامي"] == "شرطة عمان السلطانية"  # no title: the organisation is the row's text
    assert rows["خالد الراشدي"] == "ضابط اتصال — شرطة عمان السلطانية"


def test_a_figures_title_separates_the_number_from_its_subject(officer_index: SearchIndex) -> None:
    hits = officer_index.search("المشاركين", kind="statistic").hits
    assert [hit.title for hit in hits] == ["أكثر من 400 مشارك — عدد المشاركين"]
    assert hits[0].snippet.text == hits[0].title  # still its own text: shown once


def test_the_command_line_prints_a_figures_title_with_the_separator(officer_archive: Archive, capsys) -> None:
    officer_archive.close()
    assert main(["--archive", str(officer_archive.path), "--lang", "en", "search", "المشاركين"]) == 0
    out = capsys.readouterr().out
    assert "أكثر من 400 مشارك — عدد المشاركين" in out and "«" not in out, out  # unmarked when not a terminal


@pytest.mark.parametrize("query", ["2024", "٢٠٢٤", "2023"])
def test_a_bare_year_finds_the_records_of_that_year(officer_index: SearchIndex, query: str) -> None:
    results = officer_index.search(query)
    found = {(hit.kind, hit.title) for hit in results.hits}
    if query == "2023":
        assert ("event", "منتدى التواصل الحكومي الثاني") in found, found
        assert all(hit.year == "2023" for hit in results.hits), results.hits
    else:
        assert ("event", "منتدى التواصل الحكومي الثالث") in found, found
        # A record whose own text holds the number ranks above records only dated that year.
        assert results.hits[0].title == "2024 حساب — عدد الحسابات الحكومية الموثقة", results.hits
    assert results.total == len(results.hits)


def test_a_year_being_typed_finds_the_records_of_that_year(officer_index: SearchIndex) -> None:
    found = {(hit.kind, hit.title) for hit in officer_index.search("2022", as_you_type=True).hits}
    assert ("event", "منتدى التواصل الحكومي الأول") in found, found


def test_a_year_filter_is_unchanged(officer_index: SearchIndex) -> None:
    hits = officer_index.search("السنة:2024 منتدى").hits
    assert {hit.title for hit in hits if hit.kind == "event"} == {"منتدى التواصل الحكومي الثالث"}


def test_while_typing_records_named_by_the_words_rank_above_figures(officer_index: SearchIndex) -> None:
    hits = officer_index.search("منتدى التواص", as_you_type=True).hits
    kinds = [hit.kind for hit in hits]
    assert kinds[:3] == ["event"] * 3, [(hit.kind, hit.title, hit.score) for hit in hits]
    assert "statistic" in kinds  # the figures are still found, after the events


def test_the_command_line_shows_when_each_row_is_from(officer_archive: Archive, capsys) -> None:
    # Found by a bare year, a row says its date: else nothing on the line shows why it matched.
    officer_archive.close()
    assert main(["--archive", str(officer_archive.path), "--lang", "en", "search", "2024", "--kind", "event"]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("[event ")]
    assert lines == ["[event 3] منتدى التواصل الحكومي الثالث · 3 October 2024"], lines
