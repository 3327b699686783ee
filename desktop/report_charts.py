"""The PDF report's charts, drawn with QPainter onto images the document embeds: bars per question, a line
through an answer or over sessions, with the target band shaded.

Only tick labels are drawn into the images; titles and captions are the document's own text, so they can
be selected, searched and read aloud. Every text colour is a light-theme token of desktop/theme.py (AA on
white, which is the charts' background); a test records each pen that draws text and checks it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

from desktop.theme import LIGHT

REPORT_FONT = "NanumSquare"
WIDTH = 900  # logical pixels; the document shows charts 600 px wide, so tick labels print at about 7 pt
SCALE = 2  # drawn at twice the size so lines and labels stay sharp when printed
INK = QColor(LIGHT.text)  # values
MUTED = QColor(LIGHT.muted)  # ticks and axis labels
GRID = QColor(LIGHT.border)  # lines, not text: no contrast rule applies
BAND = QColor(LIGHT.good)


def nice_ticks(top: float, count: int = 4) -> list[float]:
    """Round ticks from 0 to just above `top` (about `count` steps of 1, 2, 2.5 or 5 × 10^n), never 0/128/256."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    return [step * i for i in range(math.ceil(top / step - 1e-9) + 1)]


def _tick(value: float) -> str:
    return f"{value:g}" if value < 1000 else f"{value:,.0f}"


def _canvas(height: int) -> tuple[QImage, QPainter]:
    """A white image and a painter on it in the report's font (end the painter after)."""
    image = QImage(WIDTH * SCALE, height * SCALE, QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(SCALE)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(QFont(REPORT_FONT, 11))
    return image, painter


def _write(painter: QPainter, rect: QRectF, align: Qt.AlignmentFlag, text: str, colour: QColor) -> None:
    painter.setPen(colour)
    painter.drawText(rect, align, text)


def _y_axis(painter: QPainter, ticks: Sequence[float], y: Callable[[float], float], left: float, right: float) -> None:
    """Horizontal grid lines at each tick, labelled on the left."""
    for value in ticks:
        at = y(value)
        painter.setPen(QPen(GRID, 1))
        painter.drawLine(QPointF(left, at), QPointF(right, at))
        _write(painter, QRectF(0, at - 10, left - 8, 20), Qt.AlignmentFlag.AlignRight, _tick(value), MUTED)


def bars(values: Sequence[tuple[str, float]], colour: QColor, top: float | None = None) -> QImage:
    """One bar per question, its value written above it; `top` fixes the scale (100 for a score)."""
    height = 200
    image, painter = _canvas(height)
    left, upper, right, bottom = 56.0, 24.0, WIDTH - 16.0, height - 34.0
    ticks = nice_ticks(top if top is not None else max(v for _, v in values))

    def y(value: float) -> float:
        return bottom - (bottom - upper) * min(value, ticks[-1]) / ticks[-1]

    _y_axis(painter, ticks, y, left, right)
    slot = (right - left) / max(1, len(values))
    if len(values) > 8:
        painter.setFont(QFont(REPORT_FONT, 9))  # ten questions' names still fit under their bars
    for i, (name, value) in enumerate(values):
        x = left + i * slot
        width = min(slot * 0.4, 90.0)  # one or two questions' bars stay bars, not blocks
        bar = QRectF(x + (slot - width) / 2, y(value), width, bottom - y(value))
        painter.fillRect(bar, colour)
        _write(painter, QRectF(x, y(value) - 22, slot, 20), Qt.AlignmentFlag.AlignCenter, f"{value:g}", INK)
        _write(painter, QRectF(x, bottom + 6, slot, 22), Qt.AlignmentFlag.AlignCenter, name, MUTED)
    painter.setPen(QPen(MUTED, 1))
    painter.drawLine(QPointF(left, bottom), QPointF(right, bottom))
    painter.end()
    return image


def line(
    points: Sequence[tuple[float, float]],
    x_ticks: Sequence[tuple[float, str]],
    x_range: tuple[float, float],
    band: tuple[float, float] | None = None,
    top: float | None = None,
    marked: int | None = None,
) -> QImage:
    """A line through `points` (x, value) over `x_range`, `x_ticks` labelled under the axis (a label may have
    two lines), the target `band` shaded, and point `marked` ringed (this session, on the trend)."""
    two_lines = any("\n" in label for _, label in x_ticks)
    height = 230 if two_lines else 200
    image, painter = _canvas(height)
    left, upper, right = 56.0, 16.0, WIDTH - 24.0
    bottom = height - (50.0 if two_lines else 34.0)
    highest = max([v for _, v in points] + ([band[1]] if band else []))
    ticks = nice_ticks(top if top is not None else highest * 1.1)
    x_low, x_high = x_range
    spread = (x_high - x_low) or 1.0

    def y(value: float) -> float:
        return bottom - (bottom - upper) * min(value, ticks[-1]) / ticks[-1]

    def x(value: float) -> float:
        return left + (right - left) * (value - x_low) / spread

    if band is not None:
        shade = QColor(BAND)
        shade.setAlpha(40)
        painter.fillRect(QRectF(left, y(band[1]), right - left, y(band[0]) - y(band[1])), shade)
    _y_axis(painter, ticks, y, left, right)
    painter.setPen(QPen(MUTED, 1))
    painter.drawLine(QPointF(left, bottom), QPointF(right, bottom))
    for at, label in x_ticks:
        painter.drawLine(QPointF(x(at), bottom), QPointF(x(at), bottom + 4))
        # Centred under its tick; one at the left edge starts there, clear of the y-axis's "0".
        edge = x(at) - 60 < left - 8
        rect = QRectF(x(at) - 4, bottom + 9, 120, 40) if edge else QRectF(x(at) - 60, bottom + 9, 120, 40)
        _write(painter, rect, Qt.AlignmentFlag.AlignLeft if edge else Qt.AlignmentFlag.AlignHCenter, label, MUTED)
    mapped = [QPointF(x(px), y(pv)) for px, pv in points]
    accent = QColor(LIGHT.accent)
    painter.setPen(QPen(accent, 3))
    for a, b in zip(mapped, mapped[1:], strict=False):
        painter.drawLine(a, b)
    painter.setBrush(accent)
    for point in mapped:
        painter.drawEllipse(point, 4, 4)
    if marked is not None and 0 <= marked < len(mapped):
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(mapped[marked], 7, 7)
    painter.end()
    return image
