"""The trend over sessions: pace and fillers per minute, one point per session (QtCharts)."""

from __future__ import annotations

from PySide6.QtCharts import QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QEvent, QMargins, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from engine.analysis.pace import band_for
from engine.storage.records import TrendPoint


class TrendChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(200)
        self.rows: list[TrendPoint] = []
        self.language = "en"
        self.set_rows([], "en")

    def set_rows(self, rows: list[TrendPoint], language: str) -> None:
        self.rows = [r for r in rows if r.language == language]
        self.language = language
        self._build()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.PaletteChange):
            self._build()
        super().changeEvent(event)

    def _build(self) -> None:
        chart = QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setBackgroundBrush(self.palette().base())
        chart.legend().setLabelColor(self.palette().text().color())
        korean = self.language == "ko"
        pace = QLineSeries()
        pace.setName(self.tr("Pace (syllables/min)") if korean else self.tr("Pace (words/min)"))
        fillers = QLineSeries()
        fillers.setName(self.tr("Fillers per minute"))
        score = QLineSeries()
        score.setName(self.tr("Content score"))
        for number, row in enumerate(self.rows, start=1):
            pace.append(number, row.pace)
            fillers.append(number, row.fillers_per_minute)
            if row.content_score is not None:
                score.append(number, row.content_score)
        for series in (pace, fillers, score):
            series.setPointsVisible(True)
            chart.addSeries(series)
        band, _unit = band_for(self.language)
        x = QValueAxis()
        x.setTitleText(self.tr("Session"))
        x.setLabelFormat("%d")
        x.setRange(1, max(2, len(self.rows)))
        x.setTickCount(min(max(2, len(self.rows)), 10))
        left = QValueAxis()
        left.setLabelFormat("%d")
        left.setRange(0, max([band[1] * 1.3, *(p.y() * 1.1 for p in pace.points())]))
        right = QValueAxis()
        right.setLabelFormat("%.1f")
        right.setRange(0, max([6.0, *(p.y() * 1.2 for p in fillers.points())]))
        score_axis = QValueAxis()
        score_axis.setRange(0, 100)
        score_axis.setLabelFormat("%d")
        for axis in (x, left, right, score_axis):
            axis.setLabelsColor(self.palette().text().color())
            axis.setTitleBrush(self.palette().text())
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(left, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(right, Qt.AlignmentFlag.AlignRight)
        chart.addAxis(score_axis, Qt.AlignmentFlag.AlignRight)
        pace.attachAxis(x)
        pace.attachAxis(left)
        fillers.attachAxis(x)
        fillers.attachAxis(right)
        score.attachAxis(x)
        score.attachAxis(score_axis)
        self.setChart(chart)
