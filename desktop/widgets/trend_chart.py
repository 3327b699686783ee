"""History's trend: one small chart per metric (pace, fillers per minute, content score) side by side, drawn
with QPainter in the theme's colours. Each has a title and titled axes with units; points are labelled with
the interview's number (#id, as in the table) over its date, and hovering a point tells its exact value."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QHelpEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolTip, QVBoxLayout, QWidget

from desktop.theme import SPACE_M, SPACE_S, mark, tokens
from desktop.widgets.history_dates import date_and_time, short_date
from engine.analysis.pace import band_for
from engine.storage.records import TrendPoint

PAD = 10.0  # inside the card's edge
POINT_RADIUS = 3.5
HOVER_PX = 14.0  # how near a point the pointer must be for its tooltip
VALUES_SHOWN = 6  # up to this many points, each is labelled with its value; beyond, only the latest


@dataclass(frozen=True, slots=True)
class Metric:
    title: str
    unit: str  # the y-axis title, and after each value in tooltips
    value: Callable[[TrendPoint], float | None]
    decimals: int
    top: float  # the y-axis reaches at least this
    fixed: bool = False  # the axis is always 0..top (a score out of 100)
    band: tuple[float, float] | None = None  # the target band, shaded
    band_label: str = ""
    missing: str = ""  # said in the plot when no session has a value (rates need 20 s of speech)


def nice_scale(value: float, ticks: int = 4) -> tuple[float, float]:
    """An axis top at or above `value` and a round step (1, 2, 2.5 or 5 times a power of ten)."""
    raw = max(value, 1e-9) / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw * 0.999)
    return step * math.ceil(value / step - 1e-9), step


class MetricChart(QWidget):
    """One metric over the sessions of one language."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setMinimumSize(220, 200)
        self.points: list[TrendPoint] = []
        self.spec = Metric("", "", lambda _p: None, 0, 1.0)
        self.x_title = ""
        self.date_format = "MMM d"

    def show_metric(self, points: list[TrendPoint], metric: Metric, x_title: str, date_format: str) -> None:
        self.points, self.spec, self.x_title, self.date_format = points, metric, x_title, date_format
        self.setAccessibleName(metric.title)
        latest = self._latest()
        self.setAccessibleDescription(
            f"{metric.title}: #{latest[0].session_id} {self._value_text(latest[1])} {metric.unit}" if latest else ""
        )
        self.update()

    # -- geometry -----------------------------------------------------------------------------------
    def _fonts(self) -> tuple[QFont, QFont]:
        title = QFont(self.font())
        title.setBold(True)
        title.setPointSizeF(title.pointSizeF() + 1)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        return title, small

    def _scale(self) -> tuple[float, float]:
        if self.spec.fixed:
            return self.spec.top, self.spec.top / 4
        values = [v for v in self._values() if v is not None]
        highest = max([self.spec.top, *(v * 1.1 for v in values)])
        if self.spec.band is not None:
            highest = max(highest, self.spec.band[1] * 1.15)
        return nice_scale(highest)

    def _plot(self) -> QRectF:
        title, small = self._fonts()
        line = QFontMetricsF(small).height()
        top, step = self._scale()
        tick_width = max(QFontMetricsF(small).horizontalAdvance(self._tick_text(top, step)), 12.0)
        left = PAD + line + SPACE_S + tick_width + 6
        upper = PAD + QFontMetricsF(title).height() + SPACE_M
        lower = PAD + 3 * line + SPACE_S + 6
        return QRectF(left, upper, max(10.0, self.width() - left - PAD - 8), max(10.0, self.height() - upper - lower))

    def _positions(self, plot: QRectF) -> list[QPointF | None]:
        top, _step = self._scale()
        return [
            None if value is None else QPointF(self._x(plot, index), self._y(plot, value, top))
            for index, value in enumerate(self._values())
        ]

    def _x(self, plot: QRectF, index: int) -> float:
        count = len(self.points)
        _title, small = self._fonts()
        inset = min(plot.width() / 4, QFontMetricsF(small).horizontalAdvance("#000") / 2 + 4)
        if count == 1:
            return plot.center().x()
        return plot.left() + inset + (plot.width() - 2 * inset) * index / (count - 1)

    @staticmethod
    def _y(plot: QRectF, value: float, top: float) -> float:
        return plot.bottom() - plot.height() * min(max(value, 0.0), top) / top

    def _values(self) -> list[float | None]:
        return [self.spec.value(p) for p in self.points]

    def _latest(self) -> tuple[TrendPoint, float] | None:
        for point, value in zip(reversed(self.points), reversed(self._values()), strict=True):
            if value is not None:
                return point, value
        return None

    def _value_text(self, value: float) -> str:
        return f"{value:.{self.spec.decimals}f}"

    @staticmethod
    def _tick_text(value: float, step: float) -> str:
        return f"{value:.0f}" if float(step).is_integer() else f"{value:.1f}"

    # -- painting -----------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        t = tokens()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(t.border)))
        painter.setBrush(QColor(t.card))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        title_font, small = self._fonts()
        plot = self._plot()
        painter.setFont(title_font)
        painter.setPen(QColor(t.text))
        title_height = QFontMetricsF(title_font).height()
        painter.drawText(QRectF(PAD + 2, PAD, self.width() - 2 * PAD, title_height), self.spec.title)
        painter.setFont(small)
        self._draw_y_axis(painter, plot)
        self._draw_x_axis(painter, plot)
        self._draw_series(painter, plot)
        if self._says_missing():
            flags = int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
            area = plot.adjusted(8, 0, -8, 0)
            # On the card's own colour, so the grid lines do not run through the words.
            behind = painter.boundingRect(area, flags, self.spec.missing).adjusted(-6, -3, 6, 3)
            painter.fillRect(behind, QColor(tokens().card))
            painter.setPen(QColor(tokens().muted))
            painter.drawText(area, flags, self.spec.missing)
        painter.end()

    def _says_missing(self) -> bool:
        """Sessions are listed but none has this figure: the chart says why instead of plotting."""
        return bool(self.points and self.spec.missing and self._latest() is None)

    def _draw_y_axis(self, painter: QPainter, plot: QRectF) -> None:
        t = tokens()
        metrics = QFontMetricsF(painter.font())
        top, step = self._scale()
        band = self.spec.band
        if band is not None and not self._says_missing():  # no band behind the note: nothing to compare
            accent = QColor(t.accent)
            accent.setAlpha(48)
            shaded = QRectF(plot.left(), self._y(plot, band[1], top), plot.width(), 0.0)
            shaded.setBottom(self._y(plot, band[0], top))
            painter.fillRect(shaded, accent)
            # Its key, at the title's right: a swatch and what it means.
            label_width = metrics.horizontalAdvance(self.spec.band_label)
            key = QRectF(self.width() - PAD - label_width - 4, PAD + 2, label_width + 4, metrics.height())
            painter.setPen(QColor(t.muted))
            painter.drawText(key, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self.spec.band_label)
            swatch = QRectF(key.left() - 14, key.center().y() - 5, 10, 10)
            painter.fillRect(swatch, accent)
            painter.setPen(QPen(QColor(t.accent), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(swatch)
        ticks = round(top / step)
        for index in range(ticks + 1):
            value = step * index
            y = self._y(plot, value, top)
            painter.setPen(QPen(QColor(t.border), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor(t.muted))
            label = QRectF(PAD, y - metrics.height() / 2, plot.left() - PAD - 6, metrics.height())
            right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(label, right, self._tick_text(value, step))
        painter.save()  # the axis title, turned to read upwards along the axis
        painter.translate(PAD, plot.center().y())
        painter.rotate(-90)
        painter.setPen(QColor(t.muted))
        painter.drawText(
            QRectF(-plot.height() / 2 - 20, 0, plot.height() + 40, metrics.height()),
            Qt.AlignmentFlag.AlignCenter,
            self.spec.unit,
        )
        painter.restore()

    def _draw_x_axis(self, painter: QPainter, plot: QRectF) -> None:
        t = tokens()
        metrics = QFontMetricsF(painter.font())
        line = metrics.height()
        count = len(self.points)
        if count:
            widest = max(
                max(metrics.horizontalAdvance(f"#{p.session_id}"), metrics.horizontalAdvance(self._date(p)))
                for p in self.points
            )
            capacity = max(1, math.floor(plot.width() / (widest + 10)))
            step = math.ceil(count / capacity)
            for index, point in enumerate(self.points):
                if (count - 1 - index) % step:
                    continue  # thinned out so labels never overlap; the latest is always labelled
                x = self._x(plot, index)
                box = QRectF(x - widest / 2 - 5, plot.bottom() + 4, widest + 10, line)
                painter.setPen(QColor(t.text))
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, f"#{point.session_id}")
                painter.setPen(QColor(t.muted))
                painter.drawText(box.translated(0, line), Qt.AlignmentFlag.AlignCenter, self._date(point))
        painter.setPen(QColor(t.muted))
        title = QRectF(plot.left(), plot.bottom() + 4 + 2 * line + 2, plot.width(), line)
        painter.drawText(title, Qt.AlignmentFlag.AlignCenter, self.x_title)

    def _draw_series(self, painter: QPainter, plot: QRectF) -> None:
        t = tokens()
        positions = self._positions(plot)
        shown = [p for p in positions if p is not None]
        if not shown:
            return
        path = QPainterPath(shown[0])
        for position in shown[1:]:
            path.lineTo(position)
        painter.setPen(QPen(QColor(t.accent), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setPen(QPen(QColor(t.card), 1.5))
        painter.setBrush(QColor(t.accent))
        for position in shown:
            painter.drawEllipse(position, POINT_RADIUS, POINT_RADIUS)
        metrics = QFontMetricsF(painter.font())
        labelled = range(len(positions)) if len(shown) <= VALUES_SHOWN else [self._last_index(positions)]
        painter.setPen(QColor(t.text))
        for index in labelled:
            position, value = positions[index], self._values()[index]
            if position is None or value is None:
                continue
            text = self._value_text(value)
            width = metrics.horizontalAdvance(text) + 4
            left = min(max(position.x() - width / 2, plot.left()), plot.right() - width)
            above = position.y() - POINT_RADIUS - 2 - metrics.height()
            y = above if above > plot.top() - metrics.height() / 2 else position.y() + POINT_RADIUS + 2
            painter.drawText(QRectF(left, y, width, metrics.height()), Qt.AlignmentFlag.AlignCenter, text)

    @staticmethod
    def _last_index(positions: list[QPointF | None]) -> int:
        return max(i for i, p in enumerate(positions) if p is not None)

    def _date(self, point: TrendPoint) -> str:
        return short_date(point.created_at, self.date_format)

    # -- the exact value under the pointer ----------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.point_text_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def point_text_at(self, where: QPointF) -> str:
        positions = self._positions(self._plot())
        near = [(math.hypot(p.x() - where.x(), p.y() - where.y()), i) for i, p in enumerate(positions) if p is not None]
        if not near or min(near)[0] > HOVER_PX:
            return ""
        index = min(near)[1]
        point, value = self.points[index], self._values()[index]
        shown = self._value_text(value or 0.0)
        when = date_and_time(point.created_at)
        return f"#{point.session_id} · {when}\n{self.spec.title}: {shown} {self.spec.unit}"


class TrendChart(QWidget):
    """The three metrics of the chosen language's sessions, oldest first, as small multiples."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendChart")
        self.rows: list[TrendPoint] = []
        self.language = "en"
        self.pace = MetricChart("paceChart")
        self.fillers = MetricChart("fillersChart")
        self.content = MetricChart("contentChart")
        self.charts = (self.pace, self.fillers, self.content)
        self.nothing = QLabel(objectName="trendNothing", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.nothing.setTextFormat(Qt.TextFormat.PlainText)
        mark(self.nothing, "muted")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(SPACE_M)
        for chart in self.charts:
            row.addWidget(chart, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row, 1)
        layout.addWidget(self.nothing, 1)
        self.set_rows([], "en")

    def set_rows(self, rows: list[TrendPoint], language: str) -> None:
        self.rows = [r for r in rows if r.language == language]
        self.language = language
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        korean = self.language == "ko"
        band, _unit = band_for(self.language)
        needs_speech = self.tr("Shown once an answer has 20 s of speech")  # rates a minute: as everywhere
        pace = Metric(
            self.tr("Pace"),
            self.tr("syllables/min") if korean else self.tr("words/min"),
            lambda p: p.pace,
            0,
            band[1],
            band=band,
            band_label=self.tr("target range"),
            missing=needs_speech,
        )
        fillers = Metric(
            self.tr("Fillers per minute"),
            self.tr("fillers/min"),
            lambda p: p.fillers_per_minute,
            1,
            2.0,
            missing=needs_speech,
        )
        content = Metric(
            self.tr("Content score"), self.tr("score (0–100)"), lambda p: p.content_score, 0, 100.0, fixed=True
        )
        x_title = self.tr("Interview and date")
        date_format = self.tr("MMM d")  # a Qt date format: how a chart labels a day
        for chart, metric in zip(self.charts, (pace, fillers, content), strict=True):
            chart.show_metric(self.rows, metric, x_title, date_format)
            chart.setVisible(bool(self.rows))
        self.nothing.setText(self.tr("No interview in this language has been analysed yet."))
        self.nothing.setVisible(not self.rows)
