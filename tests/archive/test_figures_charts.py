"""A chart in a PDF is no figure: its scale and its bar labels come out of the PDF's text as lines of numbers.

A PDF's text gives a chart's value axis as a column of lone numbers ("61%", "60%", "40%" ...) or a row
("0 20 40 60 80 100"), and a bar's label often on the line of an axis label ("35% 40%"). Those numbers
count nothing the reader can name: a line of three numbers or more and nothing else, or a line of numbers
beside another such line, is left out. The chart here is drawn by our own brief code (ReportLab), the PDF
read back by the import's reader, as an officer importing a brief would.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.importing.extraction import extract
from archive.importing.readers import read_document


def _figures(text: str) -> list[str]:
    return [figure.text for figure in extract(text).statistics]


def _chart_pdf(path: Path, unit: str, values: list[float]) -> None:
    from reportlab.platypus import SimpleDocTemplate

    from archive.briefs.charts import ChartPoint, figure_chart
    from archive.briefs.fonts import register_fonts
    from archive.briefs.paragraph import TextBlock, TextStyle
    from archive.briefs.styles import BriefStyles

    register_fonts()
    labels = ("الدورة الأولى", "الدورة الثانية", "الدورة الثالثة")
    chart = figure_chart("نسبة الشباب بين المشاركين", [ChartPoint(label, value, unit) for label, value
                                                        in zip(labels, values, strict=True)],
                         400, BriefStyles.for_language("ar"))
    sentence = TextBlock("وشارك في الدورة الأخيرة 2400 متدرب من المحافظات.", TextStyle(font_size=12, direction="rtl"))
    SimpleDocTemplate(str(path)).build([sentence, chart])


@pytest.mark.parametrize(("unit", "values"), [("percent", [35, 52, 61]), ("مشارك", [1200, 1850, 2400])])
def test_a_charts_numbers_read_from_a_pdf_are_no_figures(tmp_path: Path, unit: str, values: list[float]) -> None:
    path = tmp_path / "chart.pdf"
    _chart_pdf(path, unit, values)
    assert _figures(read_document(path).text) == ["2400 متدرب"]


@pytest.mark.parametrize("text", [
    "عدد الزوار\n0 200 400 600 800 1000\nوقال الوزير إن الإقبال كان كبيرا.",
    "نسبة الإنجاز\n80%\n60%\n40%\n20%\n0%",
    "المؤشر\n35% 40%\n20%\n0%",
])
def test_lines_of_numbers_alone_are_a_scale(text: str) -> None:
    assert _figures(text) == []


@pytest.mark.parametrize(("text", "figures"), [
    ("61%\nمن المشاركين من الشباب", ["61%"]),
    ("وبلغ عدد الزوار 5000 زائر.\n12\nالفصل الثاني", ["5000 زائر"]),
    ("وارتفعت النسبة إلى 45%\nوقال الوزير إن 3 ملايين زائر حضروا.", ["45%", "3 ملايين زائر"]),
])
def test_a_figure_on_a_line_of_its_own_still_counts(text: str, figures: list[str]) -> None:
    assert _figures(text) == figures
