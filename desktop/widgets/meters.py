"""The level meter (microphone loudness) and the pace meter (words or syllables per minute vs a band)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from engine.analysis.pace import Pace, PaceVerdict

FLOOR_DBFS = -60.0
GOOD = QColor("#2e9d5b")
WARN = QColor("#d98e04")
LOUD = QColor("#c8372d")


class LevelMeter(QWidget):
    """Loudness in dBFS on a -60..0 scale; green, then amber near clipping, red at clipping."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level_dbfs = FLOOR_DBFS
        self.setMinimumHeight(12)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Microphone level"))

    def sizeHint(self) -> QSize:
        return QSize(200, 14)

    def set_level(self, dbfs: float) -> None:
        # Fast attack, slow release: a meter that drops as fast as it rises flickers unreadably.
        self.level_dbfs = dbfs if dbfs > self.level_dbfs else max(dbfs, self.level_dbfs - 3.0)
        self.update()

    def reset(self) -> None:
        self.level_dbfs = FLOOR_DBFS
        self.update()

    def fraction(self) -> float:
        return min(1.0, max(0.0, (self.level_dbfs - FLOOR_DBFS) / -FLOOR_DBFS))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(self.palette().mid().color())
        painter.setBrush(self.palette().base())
        painter.drawRoundedRect(rect, 4, 4)
        fill = rect.adjusted(1, 1, -1, -1)
        fill.setWidth(fill.width() * self.fraction())
        colour = LOUD if self.level_dbfs > -3 else WARN if self.level_dbfs > -12 else GOOD
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(fill, 3, 3)


class PaceMeter(QWidget):
    """A scale of pace with the target band shaded, ticks with the band's edges under it, and a marker at
    the current pace."""

    BAR = 14  # the bar's height; the ticks' numbers go under it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pace: Pace | None = None
        self.setMinimumHeight(self.BAR + 20)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(200, self.BAR + 20)

    def set_pace(self, pace: Pace) -> None:
        self.pace = pace
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(0.5, 3.5, self.width() - 1.0, float(self.BAR))
        painter.setPen(self.palette().mid().color())
        painter.setBrush(self.palette().base())
        painter.drawRoundedRect(rect, 4, 4)
        if self.pace is None:
            return
        low, high = self.pace.band
        top = high * 1.6  # the scale runs from 0 to well past the band
        painter.setPen(self.palette().text().color())
        for edge in (low, high):  # band ticks, numbered, so the target reads off the bar itself
            x = rect.left() + rect.width() * edge / top
            painter.drawLine(QPointF(x, rect.bottom()), QPointF(x, rect.bottom() + 4))
            label = QRectF(x - 30, rect.bottom() + 4, 60, 14)
            painter.drawText(label, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, f"{edge:.0f}")
        band = QRectF(
            rect.left() + rect.width() * low / top, rect.top(), rect.width() * (high - low) / top, rect.height()
        )
        band_colour = QColor(GOOD)
        band_colour.setAlpha(70)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(band_colour)
        painter.drawRect(band)
        if self.pace.verdict is PaceVerdict.UNKNOWN:
            return
        x = rect.left() + rect.width() * min(self.pace.rate, top) / top
        colour = GOOD if self.pace.verdict is PaceVerdict.GOOD else WARN
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(x - 3, rect.top() - 3, 6, rect.height() + 6), 2, 2)
