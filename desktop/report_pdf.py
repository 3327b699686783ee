"""The PDF report, rendered by Qt: QTextDocument (HTML) printed by QPdfWriter, charts drawn with QPainter.

Korean renders on every OS: the text uses the bundled NanumSquare (OFL), which the PDF embeds. Every piece
of user text (transcripts, role, company) is HTML-escaped, so "<b>" or "&" prints as written. Rendering is
blocking; the app runs it on a worker thread (QTextDocument and QPdfWriter need no GUI thread).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt, QUrl
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen, QTextDocument

from desktop.widgets.transcripts import highlighted_html
from engine import messages
from engine.analysis.advice import render
from engine.analysis.delivery_view import delivery_line
from engine.analysis.pace import band_for
from engine.report.answer_view import AnswerView, SessionView
from engine.report.feedback_html import feedback_html, review_html
from engine.report.session_summary import SessionSummary
from engine.storage.records import TrendPoint

PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
REPORT_FONT = "NanumSquare"
ACCENT = QColor("#2f6fd6")
GOOD = QColor("#2e9d5b")


def _words(language: str) -> Any:
    """The report's own words come from the engine's catalogue, in the report's language."""

    def t(key: str) -> str:
        return messages.text(key, language)

    return t


@dataclass(frozen=True)
class ReportInput:
    view: SessionView
    summary: SessionSummary
    trend: Sequence[TrendPoint]
    language: str  # of the report's own words


def _canvas(height: int) -> tuple[QImage, QPainter]:
    """A white chart image 900 px wide and a painter on it, in the report's font (end the painter after)."""
    image = QImage(900, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(QFont(REPORT_FONT, 11))
    return image, painter


def _chart(points: Sequence[tuple[float, float]], band: tuple[float, float] | None, y_max: float, label: str) -> QImage:
    """A small line chart with the target band shaded."""
    image, painter = _canvas(260)
    left, top, width, height = 70.0, 20.0, 810.0, 200.0
    painter.setPen(QPen(QColor("#999999"), 1))
    painter.drawRect(QRectF(left, top, width, height))

    def y(value: float) -> float:
        return top + height - height * min(value, y_max) / y_max

    if band is not None:
        painter.fillRect(QRectF(left, y(band[1]), width, y(band[0]) - y(band[1])), QColor(46, 157, 91, 50))
    painter.setPen(QColor("#555555"))
    for fraction in (0.0, 0.5, 1.0):
        painter.drawText(
            QRectF(0, y(y_max * fraction) - 9, left - 8, 18), Qt.AlignmentFlag.AlignRight, f"{y_max * fraction:.0f}"
        )
    painter.drawText(QRectF(left, top + height + 8, width, 24), Qt.AlignmentFlag.AlignCenter, label)
    if points:
        x_min, x_max = min(x for x, _ in points), max(x for x, _ in points)
        spread = (x_max - x_min) or 1.0
        mapped = [QPointF(left + width * ((x - x_min) / spread if len(points) > 1 else 0.5), y(v)) for x, v in points]
        painter.setPen(QPen(ACCENT, 3))
        for a, b in zip(mapped, mapped[1:], strict=False):
            painter.drawLine(a, b)
        painter.setBrush(ACCENT)
        for point in mapped:
            painter.drawEllipse(point, 4, 4)
    painter.end()
    return image


def _bars(values: Sequence[tuple[str, float]], y_max: float, label: str, colour: QColor) -> QImage:
    """Bars, one per question, with each value written above its bar."""
    image, painter = _canvas(240)
    left, top, width, height = 40.0, 24.0, 840.0, 170.0
    painter.setPen(QPen(QColor("#999999"), 1))
    painter.drawLine(QPointF(left, top + height), QPointF(left + width, top + height))
    slot = width / max(1, len(values))
    for i, (name, value) in enumerate(values):
        bar = height * min(value, y_max) / y_max if y_max else 0.0
        rect = QRectF(left + i * slot + slot * 0.25, top + height - bar, slot * 0.5, bar)
        painter.fillRect(rect, colour)
        painter.setPen(QColor("#333333"))
        painter.drawText(
            QRectF(rect.left() - 20, rect.top() - 20, rect.width() + 40, 18), Qt.AlignmentFlag.AlignCenter, f"{value:g}"
        )
        painter.drawText(QRectF(left + i * slot, top + height + 4, slot, 18), Qt.AlignmentFlag.AlignCenter, name)
    painter.drawText(QRectF(left, top + height + 24, width, 20), Qt.AlignmentFlag.AlignCenter, label)
    painter.end()
    return image


def _escape(text: Any) -> str:
    return html.escape(str(text or ""))


def build_document(report: ReportInput, paint_device: QPdfWriter | None = None) -> QTextDocument:
    detail, lang = report.view.session, report.language
    t = _words(lang)
    korean = detail.language == "ko"
    band, _unit = band_for(detail.language)
    unit = t("report.unit_spm") if korean else t("report.unit_wpm")
    document = QTextDocument()
    document.setDefaultFont(QFont(REPORT_FONT, 10))
    if paint_device is not None:
        # Point sizes are then measured at the printer's resolution, not the screen's.
        document.documentLayout().setPaintDevice(paint_device)
    document.setDefaultStyleSheet(
        "h1 { font-size: 22pt; } h2 { font-size: 15pt; color: #2f6fd6; } p, li { line-height: 140%; }"
        ".muted { color: #666666; } .good { color: #2e9d5b; } .work { color: #b45309; }"
    )
    parts: list[str] = []
    # Cover: who, when, the overall picture.
    role = " · ".join(_escape(x) for x in (detail.role, detail.company) if x)
    parts.append(f"<h1>{_escape(t('report.title'))}</h1>")
    when = _escape(detail.when)
    state = _escape(messages.text("state." + detail.status, lang))
    parts.append(
        f"<p class='muted'>{role or _escape(t('report.interview'))} · {when}"
        f" · {_escape(messages.text('language.' + detail.language, lang))} · {state}</p>"
    )
    summary = report.summary
    if summary.content_score is not None:
        parts.append(
            f"<p><b>{_escape(t('report.content_score'))}: {summary.content_score:.0f}/100</b> · "
            f"{_escape(messages.text('report.answers_analysed', lang, count=summary.answered))}<br>"
            f"<span class='muted'>{_escape(t('feedback.measures'))}</span></p>"
        )
    if summary.strengths:
        parts.append(f"<h2>{_escape(t('report.strengths'))}</h2><ul>")
        parts.extend(f"<li class='good'>{_escape(render(a, lang))}</li>" for a in summary.strengths)
        parts.append("</ul>")
    if summary.work_on:
        parts.append(f"<h2>{_escape(t('report.work_on'))}</h2><ol>")
        parts.extend(
            f"<li class='work'>{_escape(render(a, lang))} <span class='muted'>"
            f"({_escape(messages.text('report.in_answers', lang, count=n))})</span></li>"
            for a, n in summary.work_on
        )
        parts.append("</ol>")
    if summary.changes:
        names = {"content": t("report.content_score"), "pace": unit, "fillers": t("report.fillers_per_minute")}
        parts.append(f"<h2>{_escape(t('report.since_previous'))}</h2><ul>")
        parts.extend(
            f"<li>{_escape(names[c.measure])}: {c.before:.{1 if c.measure == 'fillers' else 0}f} → "
            f"{c.after:.{1 if c.measure == 'fillers' else 0}f}</li>"
            for c in summary.changes
        )
        parts.append("</ul>")
    per_question = [
        (t("report.question").replace("{n}", str(q.question.position)), a.answer)
        for q in report.view.questions
        for a in q.answers
        if a.answer.figures is not None
    ]
    if per_question:
        scores = [(name, a.content.score) for name, a in per_question if a.content is not None]
        fillers = [(name, round(a.figures.fillers_per_minute, 1)) for name, a in per_question if a.figures]
        parts.append(f"<h2>{_escape(t('report.per_question'))}</h2>")
        if scores:
            document.addResource(
                QTextDocument.ResourceType.ImageResource,
                QUrl("chart://scores"),
                _bars(scores, 100.0, t("report.content_score"), ACCENT),
            )
            parts.append("<p><img src='chart://scores' width='600'></p>")
        fillers_top = max(6.0, *(v for _, v in fillers))
        document.addResource(
            QTextDocument.ResourceType.ImageResource,
            QUrl("chart://fillers"),
            _bars(fillers, fillers_top, t("report.fillers_per_minute"), QColor("#d98e04")),
        )
        parts.append("<p><img src='chart://fillers' width='600'></p>")
    fillers_note = t("report.fillers_note")
    parts.append(f"<p class='muted'>{_escape(fillers_note)}</p>")
    rows = [r for r in report.trend if r.language == detail.language]
    if len(rows) >= 2:
        series = [(float(i), r.pace) for i, r in enumerate(rows, 1)]
        document.addResource(
            QTextDocument.ResourceType.ImageResource,
            QUrl("chart://trend"),
            _chart(series, band, band[1] * 1.6, t("report.trend_chart") + f" ({unit})"),
        )
        parts.append(f"<h2>{_escape(t('report.trend'))}</h2><p><img src='chart://trend' width='600'></p>")
    # A page (or more) per question.
    for question in report.view.questions:
        position = question.question.position
        parts.append("<div style='page-break-before: always'></div>")
        parts.append(f"<h2>{_escape(t('report.question').replace('{n}', str(position)))}</h2>")
        parts.append(f"<p><b>{_escape(question.question.text)}</b></p>")
        if not question.answers:
            parts.append(f"<p class='muted'>{_escape(t('report.skipped'))}</p>")
        for answer in question.answers:
            parts.extend(_answer_html(document, answer, position, lang, band, unit))
    html_text = "".join(parts)
    document.setHtml(html_text)
    return document


def _answer_html(
    document: QTextDocument, view: AnswerView, number: int, lang: str, band: tuple[float, float], unit: str
) -> list[str]:
    t = _words(lang)
    if view.skipped:
        return [f"<p class='muted'>{_escape(t('report.skipped'))}</p>"]
    answer = view.answer
    if view.marked:
        transcript = highlighted_html(view.marked)
    else:
        transcript = _escape(answer.transcript) or f"<i>{_escape(t('report.no_speech'))}</i>"
    out = [f"<p>{transcript}</p>"]
    if answer.figures is not None:
        out.append(f"<p class='muted'>{_escape(delivery_line(answer.figures, lang))}</p>")
        if answer.content is not None:
            out.append(feedback_html(answer.content, lang))
        out.append("<ul>")
        out.extend(f"<li class='{'good' if a.good else 'work'}'>{_escape(render(a, lang))}</li>" for a in view.advice)
        out.append("</ul>")
        if len(view.pace_curve) >= 2:
            name = f"chart://pace-{number}-{answer.id}"
            document.addResource(
                QTextDocument.ResourceType.ImageResource,
                QUrl(name),
                _chart(view.pace_curve, band, band[1] * 1.6, t("report.pace_chart") + f" ({unit})"),
            )
            out.append(f"<p><img src='{name}' width='600'></p>")
    if answer.review is not None:
        out.append(review_html(answer.review, lang))
    return out


def write_pdf(report: ReportInput, path: Path, page: str = "a4") -> Path:
    """Render to `path` (blocking). Raises OSError if the file cannot be written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(PAGE_SIZES[page]),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 18, 18, 18),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(144)
    writer.setTitle(messages.text("report.title", report.language))
    writer.setCreator("Interview Coach")
    document = build_document(report, writer)
    document.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size().toSizeF())
    document.print_(writer)
    del writer  # finishes the file
    if not path.is_file() or path.stat().st_size == 0:
        raise OSError(f"the PDF could not be written to {path}")
    return path


async def export_report(store: Any, session_id: int, path: Path, page: str, language: str) -> Path:
    """Gather a stored session, its previous session and the trend, and render the PDF off the loop."""
    import asyncio

    from engine.errors import StorageError
    from engine.report.answer_view import session_view
    from engine.report.session_summary import summarise

    detail = await store.session_detail(session_id)
    if detail is None:
        raise StorageError("storage.session_missing", session_id=session_id)
    previous_id = await store.previous_session(session_id)
    previous = await store.session_detail(previous_id) if previous_id is not None else None
    report = ReportInput(session_view(detail), summarise(detail, previous), await store.trend(), language)
    try:
        return await asyncio.to_thread(write_pdf, report, path, page)
    except OSError as error:
        raise StorageError("report.write_failed", path=str(path), detail=error.strerror or str(error)) from error
