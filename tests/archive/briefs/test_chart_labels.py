"""Bar charts of briefs say what their numbers are: a percentage keeps its sign, a unit is named,
and the value axis groups thousands like the bar labels (a real PDF read back with pdftotext)."""

from __future__ import annotations

from pathlib import Path

from reportlab.graphics import renderPDF

from archive.briefs.charts import ChartPoint, figure_chart
from archive.briefs.fonts import register_fonts
from archive.briefs.styles import BriefStyles

from .pdf_checks import pdftotext


def _chart_text(tmp_path: Path, title: str, points: list[ChartPoint], language: str = "ar") -> str:
    register_fonts()
    path = tmp_path / "chart.pdf"
    renderPDF.drawToFile(figure_chart(title, points, 420, BriefStyles.for_language(language)), str(path))
    return pdftotext(path)


def test_a_percentage_chart_prints_its_values_with_the_percent_sign(tmp_path):
    points = [ChartPoint(label, value, "percent") for label, value in (("الثاني", 35), ("الثالث", 52), ("الرابع", 71))]
    words = _chart_text(tmp_path, "نسبة الخدمات الحكومية المتاحة إلكترونيًا", points).split()
    assert {"35%", "52%", "71%"} <= set(words), words
    assert "20%" in words  # the value axis too


def test_a_chart_names_its_unit_and_groups_thousands_on_its_axis(tmp_path):
    points = [ChartPoint("الأول", 15_000_000, "مستخدم"), ChartPoint("الثاني", 60_000_000, "مستخدم")]
    text = _chart_text(tmp_path, "وصول وسم المنتدى", points)
    assert "مستخدم" in text
    assert "60,000,000" in text.split() and "60000000" not in text
    assert "10,000,000" in text.split()


def test_an_english_chart_names_its_unit_too(tmp_path):
    points = [ChartPoint("2023", 12, "ساعة"), ChartPoint("2024", 4, "ساعة")]
    assert "ساعة" in _chart_text(tmp_path, "Response time", points, "en")
