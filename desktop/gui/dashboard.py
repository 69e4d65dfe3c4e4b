"""The dashboard: how much the archive holds, who is quoted most, and figures across a series' editions.

``load_dashboard`` gathers the numbers on the db lane; ``BarChart`` draws them with QPainter,
laid out in the reading direction (in Arabic the bars grow from the right and the first edition
stands on the right), which QtCharts would not do.

After a step, the counts follow from the step's ``Changes`` itself (records made and removed),
with no query; only the part a step may have changed is read again on the db lane: the top
speakers (people, quotes' speakers) or the series' figures (figures, events, series).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from archive.i18n import tr
from archive.kinds.registry import KINDS
from desktop.gui.appearance import in_reading_direction
from desktop.gui.workspace import Workspace

TOP_SPEAKERS = 8
SERIES_CHARTS = 2
BAR_COLOUR = QColor("#2e7d6b")
COUNTED_KINDS = ("event", "session", "person", "organisation", "quote", "statistic", "source")


@dataclass(frozen=True)
class SeriesFigure:
    """One figure (subject and unit) stated at several editions of a series, in edition order."""

    series: str
    subject: str
    unit: str
    points: list[tuple[str, float]]


@dataclass(frozen=True)
class DashboardData:
    counts: dict[str, int]
    top_speakers: list[tuple[str, int]]
    series_figures: list[SeriesFigure] = field(default_factory=list)
    is_sample: bool = False


def load_dashboard(archive) -> DashboardData:
    from archive.services import maintenance

    info = maintenance.archive_info(archive)
    return DashboardData(info.counts, _top_speakers(archive), _series_figures(archive), info.is_sample)


def load_parts(archive, speakers: bool, figures: bool) -> dict[str, list]:
    """The parts of the page a step may have changed: the top speakers, the series' figures (field -> value)."""
    parts: dict[str, list] = {}
    if speakers:
        parts["top_speakers"] = _top_speakers(archive)
    if figures:
        parts["series_figures"] = _series_figures(archive)
    return parts


def _top_speakers(archive) -> list[tuple[str, int]]:
    from archive.services import people

    speakers = sorted(people.list_people(archive), key=lambda person: -person.quote_count)
    return [(person.display_name, person.quote_count) for person in speakers[:TOP_SPEAKERS] if person.quote_count]


def _series_figures(archive) -> list[SeriesFigure]:
    from archive.services import events, statistics

    charts: list[SeriesFigure] = []
    for series in events.list_series(archive):
        editions = {event.id: event for event in events.list_events(archive, series_id=series.id)}
        grouped: dict[tuple[str, str], dict[int, float]] = defaultdict(dict)
        for figure in statistics.list_statistics(archive, series_id=series.id):
            if figure.value is not None and figure.subject and figure.event and figure.event.id in editions:
                grouped[(" ".join(figure.subject.split()), figure.unit or "")].setdefault(figure.event.id, figure.value)
        for (subject, unit), values in sorted(grouped.items(), key=lambda item: -len(item[1])):
            if len(values) < 2:
                break
            ordered = sorted(values, key=lambda event_id: _edition_order(editions[event_id]))
            points = [(_edition_label(editions[event_id]), values[event_id]) for event_id in ordered]
            charts.append(SeriesFigure(series.name, subject, unit, points))
            if len(charts) >= SERIES_CHARTS:
                return charts
    return charts


def _edition_order(event) -> tuple:
    return (event.edition is None, event.edition or 0, event.start_date or "", event.id)


def _edition_label(event) -> str:
    return event.edition_label or (str(event.edition) if event.edition else (event.start_date or "")[:4] or event.name)


class BarChart(QWidget):
    """Bars with labels, mirrored for right-to-left: horizontal (ranking) or vertical (over editions)."""

    def __init__(self, points: list[tuple[str, float]], horizontal: bool, unit: str = "", parent=None) -> None:
        super().__init__(parent)
        self.points = points
        self.horizontal = horizontal
        self.unit = unit
        self.setMinimumHeight(40 + 30 * len(points) if horizontal else 240)

    def sizeHint(self) -> QSize:
        return QSize(420, self.minimumHeight())

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.points:
            (self._paint_horizontal if self.horizontal else self._paint_vertical)(painter)
        painter.end()

    def _paint_horizontal(self, painter: QPainter) -> None:
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        width, label_width, row = self.width(), min(220, self.width() // 3), 30
        top = max(value for _, value in self.points) or 1
        bar_space = width - label_width - 60
        for index, (label, value) in enumerate(self.points):
            y = 10 + index * row
            bar = bar_space * value / top
            label_x, bar_x = (width - label_width, width - label_width - 6 - bar) if rtl else (6, label_width + 6)
            label_rect = QRectF(label_x, y, label_width - 6, row - 6)
            bar_rect = QRectF(bar_x, y + 4, bar, row - 14)
            painter.setPen(self.palette().text().color())
            painter.drawText(label_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute |
                                             (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)),
                             painter.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, label_width - 8))
            painter.fillRect(bar_rect, BAR_COLOUR)
            value_rect = QRectF(bar_rect.left() - 50 if rtl else bar_rect.right() + 4, y, 46, row - 6)
            side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
            alignment = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute | side
            painter.drawText(value_rect, int(alignment), _number(value))

    def _paint_vertical(self, painter: QPainter) -> None:
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        points = list(reversed(self.points)) if rtl else self.points  # first edition on the reading side
        width, height = self.width(), self.height()
        top = max(value for _, value in points) or 1
        slot = width / len(points)
        base = height - 34
        for index, (label, value) in enumerate(points):
            bar_height = (base - 28) * value / top
            bar_rect = QRectF(index * slot + slot * 0.25, base - bar_height, slot * 0.5, bar_height)
            painter.fillRect(bar_rect, BAR_COLOUR)
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(index * slot, base - bar_height - 24, slot, 22),
                             int(Qt.AlignmentFlag.AlignCenter),
                             _number(value) + (" %" if self.unit == "percent" else ""))
            painter.drawText(QRectF(index * slot, base + 4, slot, 26), int(Qt.AlignmentFlag.AlignCenter),
                             painter.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, int(slot) - 4))
        painter.drawLine(0, int(base), width, int(base))


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 or float(value).is_integer() else f"{value:,.1f}"


class Dashboard(QWidget):
    """Counts, the most-quoted speakers, and figures across editions."""

    sig_loaded = Signal(object)  # DashboardData, each time the page is (re)filled

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.data: DashboardData | None = None
        self.content = QWidget()
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self.content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        QVBoxLayout(self.content)
        self.reload_count = 0  # how many times the page was read again, whole or in part
        self._count_labels: dict[str, QLabel] = {}
        workspace.sig_changes.connect(self._changed)

    def _changed(self, changes) -> None:
        """Counts from the change; the top speakers or the series' figures read again when it may have changed them."""
        speakers = changes.touches("person") or bool(changes.relinked.get("person"))
        figures = changes.touches("series", "event", "statistic")
        if self.data is None:  # not shown yet: the first load may have read the archive before the step
            if speakers or figures or changes.created or changes.deleted:
                self.reload()
            return
        if changes.created or changes.deleted:
            self._count(changes)
        if speakers or figures:
            archive = self.workspace.archive
            self.reload_count += 1
            self.workspace.tasks.run(lambda: load_parts(archive, speakers, figures), self._show_parts)

    def _show_parts(self, parts: dict[str, list]) -> None:
        if self.data is not None:
            self.show_data(replace(self.data, **parts))

    def _count(self, changes) -> None:
        """The counts moved by the records the step made and removed (no query)."""
        assert self.data is not None
        counts = dict(self.data.counts)
        for kind in changes.kinds:
            counts[kind] = counts.get(kind, 0) + len(changes.created.get(kind, ())) - len(changes.deleted.get(kind, ()))
        self.data = replace(self.data, counts=counts)
        for kind, label in self._count_labels.items():
            label.setText(f"{counts.get(kind, 0):,}")

    def reload(self) -> None:
        archive = self.workspace.archive
        self.reload_count += 1
        self.workspace.tasks.run(lambda: load_dashboard(archive), self.show_data)

    def show_data(self, data: DashboardData) -> None:
        self.data = data
        layout = self.content.layout()
        while layout.count():
            item = layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        layout.addWidget(self._counts_box(data))
        speakers = QGroupBox(tr("Most-quoted speakers"))
        QVBoxLayout(speakers).addWidget(BarChart([(name, float(count)) for name, count in data.top_speakers], True)
                                        if data.top_speakers else QLabel(tr("No quotes yet.")))
        layout.addWidget(speakers)
        for figure in data.series_figures:
            box = QGroupBox(in_reading_direction(
                tr("{subject} across editions of {series}", subject=figure.subject, series=figure.series)))
            QVBoxLayout(box).addWidget(BarChart(figure.points, False, figure.unit))
            layout.addWidget(box)
        layout.addStretch(1)
        self.sig_loaded.emit(data)

    def _counts_box(self, data: DashboardData) -> QGroupBox:
        box = QGroupBox(tr("The sample archive") if data.is_sample else tr("In the archive"))
        grid = QGridLayout(box)
        self._count_labels = {}
        for position, kind in enumerate(COUNTED_KINDS):
            number = self._count_labels[kind] = QLabel(f"{data.counts.get(kind, 0):,}")
            number.setStyleSheet("font-size: 20pt; font-weight: bold; color: #2e7d6b")
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption = QLabel(tr(KINDS[kind].plural_label))
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(number, 0, position)
            grid.addWidget(caption, 1, position)
        return box


