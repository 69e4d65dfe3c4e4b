"""A date in English or Arabic and a page's footer are no figures (issue 10, leftovers).

An officer imports a brief printed in English: its "Prepared on 2 December 2026", its footers "Page 1 of
3" and the dates of its figures table (a table cell read out of order: "November 20 19") gave figures.
The sentences are written for these tests; the brief is written by our own code from our own archive and
read back as an import reads a PDF.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.briefs.event_brief import event_brief
from archive.briefs.options import BriefOptions
from archive.db.engine import open_archive
from archive.importing.extraction import extract
from archive.importing.readers import read_document
from archive.services import events, statistics
from archive.services.records import EventInput, StatisticInput


def _figures(text: str) -> list[str]:
    return [figure.text for figure in extract(text).statistics]


@pytest.mark.parametrize("line", [
    "Prepared on 2 December 2026",
    "Dates: 19 November 2025",
    "التاريخ: 19 نوفمبر 2025",
    "Page 1 of 6",
    "صفحة 1 من 6",
    "1 / 6",
])
def test_a_date_or_a_page_footer_is_no_figure(line: str) -> None:
    text = f"شارك في الملتقى نحو 140 مسؤولًا من الجهات الحكومية.\n\n{line}\n\nوعرضت الجلسة الأولى نتائج الدراسة."
    assert _figures(text) == ["نحو 140 مسؤولًا"]


def test_a_table_row_with_its_date_read_out_of_order_keeps_only_its_figure() -> None:
    text = ("الرقم ما يقيسه التاريخ المصدر\n\n"
            "نشرة الساحل، November 20 19 عدد مسؤولي التواصل الحاضرين في اللقاء نحو 140 مسؤولًا\n"
            "2025 November 2025\n\n"
            "November 20 دراسة لجامعة الساحل عن الشباب والأخبار")
    assert _figures(text) == ["نحو 140 مسؤولًا"]


def test_a_count_after_a_month_s_name_is_still_a_figure() -> None:
    assert _figures("ووزعت الجمعية خلال رمضان 5000 وجبة على الأسر المحتاجة.") == ["5000 وجبة"]


def test_an_english_brief_read_back_gives_only_its_figures(tmp_path: Path) -> None:
    archive = open_archive(tmp_path / "archive.sqlite", create=True, officer="tester")
    try:
        event = events.create_event(archive, EventInput(name="ملتقى الإعلام الحكومي الثالث", start_date="2025-11-19"))
        statistics.create_statistic(archive, StatisticInput(
            figure_text="نحو 140 مسؤولًا", subject="عدد مسؤولي التواصل الحاضرين", stated_on="2025-11-20",
            event_id=event.id))
        statistics.create_statistic(archive, StatisticInput(
            figure_text="1,500 شاب وشابة", subject="حجم عينة الدراسة", stated_on="2025-11-19", event_id=event.id))
        pdf = event_brief(archive, event.id, BriefOptions(language="en"))
    finally:
        archive.close()
    path = tmp_path / "brief.pdf"
    pdf.write(path)
    found = {figure.number_text for figure in extract(read_document(path).text).statistics}
    assert found == {"140", "1,500"}
