"""Charts of figures (the same figure across editions of a series), drawn with ReportLab graphics.

An Arabic chart reads right to left: the first category is on the right and the value axis
stands on the right. Labels go through the bidi engine like any other text. A chart says what
its numbers are: a percentage keeps its sign on the bars and the axis, another unit is named
after the title, and the axis groups thousands as the bars do (60,000,000, not 60000000).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String

from archive.briefs.fonts import BOLD, REGULAR
from archive.briefs.rtl import visual_text
from archive.briefs.styles import ACCENT, INK, MUTED, BriefStyles

CHART_HEIGHT = 170
PERCENT = "percent"  # the unit the archive stores for a percentage


@dataclass(frozen=True)
class ChartPoint:
    """One bar: its category label (e.g. an edition), value, and the figure's unit ("percent",
    a counted noun such as "مشارك", or "")."""

    label: str
    value: float
    unit: str = ""


def figure_chart(title: str, points: Sequence[ChartPoint], width: float, styles: BriefStyles) -> Drawing:
    """A bar chart of ``points`` in reading order, ``width`` points wide."""
    drawing = Drawing(width, CHART_HEIGHT)
    drawing.initialFontName = REGULAR  # the renderer's default font would list an unembedded Helvetica
    rtl = styles.is_rtl
    unit = points[0].unit if points else ""
    percent = unit == PERCENT
    if unit and not percent:
        title = f"{title} ({unit})"
    title_text = visual_text(title, styles.direction)
    drawing.add(String(width if rtl else 0, CHART_HEIGHT - 14, title_text, fontName=BOLD, fontSize=10.5,
                       fillColor=INK, textAnchor="end" if rtl else "start"))
    chart = VerticalBarChart()
    chart.x, chart.y = (10, 34) if rtl else (40, 34)
    chart.width, chart.height = width - 50, CHART_HEIGHT - 64
    chart.data = [[point.value for point in points]]
    chart.categoryAxis.categoryNames = [visual_text(point.label, "auto") for point in points]
    chart.categoryAxis.reverseDirection = 1 if rtl else 0
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 8.5
    chart.categoryAxis.labels.dy = -4
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.labelTextFormat = _percent_label if percent else _value_label
    if rtl:  # the value axis stands on the right, its labels outside it
        chart.valueAxis.joinAxis = chart.categoryAxis
        chart.valueAxis.joinAxisMode = "right"
        chart.valueAxis.labels.boxAnchor = "w"
        chart.valueAxis.labels.dx = 4
    chart.valueAxis.strokeColor = MUTED
    chart.valueAxis.strokeWidth = 0.5
    chart.categoryAxis.strokeColor = MUTED
    chart.categoryAxis.strokeWidth = 0.5
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = _percent_label if percent else _value_label
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 8
    chart.barLabels.nudge = 7
    drawing.add(chart)
    drawing.hAlign = "RIGHT" if rtl else "LEFT"
    return drawing


def _value_label(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 or float(value).is_integer() else f"{value:,.1f}"


def _percent_label(value: float) -> str:
    return f"{_value_label(value)}%"
