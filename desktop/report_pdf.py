"""The PDF report, rendered by Qt: QTextDocument (HTML) printed by QPdfWriter, charts drawn with QPainter
(desktop/report_charts.py).

Korean renders on every OS: the text uses the bundled NanumSquare (OFL), which the PDF embeds. Every piece
of user text (transcripts, role, company) is HTML-escaped, so "<b>" or "&" prints as written. The report
speaks the session's language unless asked for another. Text colours are the light theme's tokens
(desktop/theme.py), each AA (4.5:1) on white. Rendering is blocking: the app runs it on a worker thread,
never on its event loop; the `report` command on its own thread (see export_report).
"""

from __future__ import annotations

import asyncio
import html
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QUrl
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from desktop import report_charts as charts
from desktop.theme import LIGHT
from desktop.widgets.transcripts import highlighted_html
from engine import messages
from engine.analysis.advice import render
from engine.analysis.delivery_view import delivery_line, rates_supported, shown
from engine.analysis.pace import band_for
from engine.report.answer_view import AnswerView, SessionView
from engine.report.feedback_html import feedback_html, review_html
from engine.report.report_dates import local_date, local_when
from engine.report.session_summary import Change, SessionSummary
from engine.storage.records import TrendPoint

PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
REPORT_FONT = charts.REPORT_FONT
TREND_SESSIONS = 10  # the last sessions the trend shows: more and their labels would not fit under the axis
CHART_WIDTH = 600  # in the document's pixels: most of the text width, room left for the page's margin


def style_sheet() -> str:
    """The document's style: every text colour a light-theme token (a test checks each is AA on white)."""
    t = LIGHT
    return (
        f"h1 {{ font-size: 22pt; color: {t.text}; }} h2 {{ font-size: 15pt; color: {t.accent}; }}"
        f" h3 {{ color: {t.text}; }} p, li {{ line-height: 140%; }}"
        f" .muted {{ color: {t.muted}; }} .good {{ color: {t.good}; }} .work {{ color: {t.warn}; }}"
        f" .caption {{ color: {t.muted}; font-size: 9pt; }}"
    )


@dataclass(frozen=True)
class ReportInput:
    view: SessionView
    summary: SessionSummary
    trend: Sequence[TrendPoint]
    language: str  # of the report's own words


def _escape(text: Any) -> str:
    return html.escape(str(text or ""))


class _Builder:
    """The report's HTML, with its charts added to the document as images."""

    def __init__(self, document: QTextDocument, report: ReportInput) -> None:
        self.document, self.report = document, report
        self.lang = report.language
        self.session = report.view.session
        self.band, unit = band_for(self.session.language)
        self.unit = messages.text(f"report.unit_{unit}", self.lang)  # syllables for a Korean session, in any language
        self.parts: list[str] = []

    def t(self, key: str, **params: Any) -> str:
        return _escape(messages.text(key, self.lang, **params))

    def add(self, *html_parts: str) -> None:
        self.parts.extend(html_parts)

    def line(self, key: str, css: str = "muted", **params: Any) -> None:
        self.add(f"<p class='{css}'>{self.t(key, **params)}</p>")

    def chart(self, name: str, image: QImage, caption: str) -> None:
        self.document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"chart://{name}"), image)
        # Its own paragraph at single line height: 140 % of a chart's height would leave a gap under it.
        self.add(
            f"<p style='line-height: 100%'><img src='chart://{name}' width='{CHART_WIDTH}'></p>"
            f"<p class='caption'>{caption}</p>"
        )

    def band_caption(self, title: str) -> str:
        band = self.t("report.target_band", low=f"{self.band[0]:.0f}", high=f"{self.band[1]:.0f}")
        return f"{self.t('report.with_unit', title=title, unit=self.unit)} · {band}"

    # -- the cover ---------------------------------------------------------------------------------------
    def cover(self) -> None:
        detail, lang = self.session, self.lang
        role = " · ".join(_escape(x) for x in (detail.role, detail.company) if x)
        self.add(f"<h1>{self.t('report.title')}</h1>")
        state = self.t("state." + detail.status)
        self.add(
            f"<p class='muted'>{role or self.t('report.interview')} · #{detail.id} · "
            f"{_escape(local_when(detail.created_at))} · {self.t('language.' + detail.language)} · {state}</p>"
        )
        summary = self.report.summary
        if summary.content_score is not None:
            self.add(
                f"<p><b>{self.t('report.content_score')}: {summary.content_score:.0f}/100</b> · "
                f"{self.t('report.answers_analysed', count=summary.answered)}<br>"
                f"<span class='muted'>{self.t('feedback.measures')}</span></p>"
            )
        if summary.strengths:
            self.add(f"<h2>{self.t('report.strengths')}</h2><ul>")
            self.add(*(f"<li class='good'>{_escape(render(a, lang))}</li>" for a in summary.strengths), "</ul>")
        if summary.work_on:
            self.add(f"<h2>{self.t('report.work_on')}</h2><ol>")
            self.add(
                *(
                    f"<li class='work'>{_escape(render(a, lang))} <span class='muted'>"
                    f"({self.t('report.in_answers', count=n)})</span></li>"
                    for a, n in summary.work_on
                ),
                "</ol>",
            )
        if summary.changes:
            self.add(f"<h2>{self.t('report.since_previous')}</h2><ul>")
            self.add(*(f"<li>{self._change(c)}</li>" for c in summary.changes), "</ul>")

    def _change(self, change: Change) -> str:
        summary = self.report.summary
        names = {
            "content": messages.text("report.content_score", self.lang),
            "pace": messages.text("report.pace_measure", self.lang, unit=self.unit),
            "fillers": messages.text("report.fillers_per_minute", self.lang),
        }
        places = 1 if change.measure == "fillers" else 0
        before, after = summary.previous_session, summary.this_session
        if before is None or after is None:  # a summary made without the sessions' stamps
            return f"{_escape(names[change.measure])}: {change.before:.{places}f} → {change.after:.{places}f}"
        return self.t(
            "report.change",
            measure=names[change.measure],
            before_id=before.id,
            before_date=before.date,
            before=f"{change.before:.{places}f}",
            after_id=after.id,
            after_date=after.date,
            after=f"{change.after:.{places}f}",
        )

    # -- question by question, and the trend --------------------------------------------------------------
    def per_question(self) -> None:
        answered = [
            (messages.text("report.question", self.lang).replace("{n}", str(q.question.position)), a.answer)
            for q in self.report.view.questions
            for a in q.answers
            if a.answer.figures is not None
        ]
        if not answered:
            return
        self.add(f"<h2>{self.t('report.per_question')}</h2>")
        scores = [(name, float(a.content.score)) for name, a in answered if a.content is not None]
        if any(score > 0 for _, score in scores):
            self.chart("scores", charts.bars(scores, QColor(LIGHT.accent), top=100.0), self.t("report.content_score"))
        elif scores:  # a chart of zeros says nothing a line cannot
            self.line("report.scores_all_zero")
        figures = [a.figures for _, a in answered if a.figures is not None]
        # A rate a minute only where it means something (20 s of speech), as on every other screen.
        timed = [(name, round(a.figures.fillers_per_minute, 1)) for name, a in answered if _timed(a)]
        if all(f.filler_count == 0 for f in figures):
            self.line("report.fillers_none")
        elif any(value > 0 for _, value in timed):
            self.chart("fillers", charts.bars(timed, QColor(LIGHT.warn)), self.t("report.fillers_per_minute"))
        else:
            self.line("report.fillers_short")
        self.line("report.fillers_note")

    def trend(self) -> None:
        detail = self.session
        # Sessions up to this one, in its language: a report on an older session does not show its future.
        rows = [r for r in self.report.trend if r.language == detail.language and r.session_id <= detail.id]
        rows = rows[-TREND_SESSIONS:]
        if len(rows) < 2:  # a line on the cover says when it will come
            self.add(f"<h2>{self.t('report.trend')}</h2>")
            self.line("report.trend_needs_two", language=messages.text(f"language.{detail.language}", self.lang))
            return
        # Charts get a page of their own: the heading would otherwise be left at the cover's foot, they overleaf.
        self.add(f"<h2 style='page-break-before: always'>{self.t('report.trend')}</h2>")
        marked = next((i for i, r in enumerate(rows) if r.session_id == detail.id), None)
        labels = [(float(i), f"#{r.session_id}\n{local_date(r.created_at)}") for i, r in enumerate(rows)]
        span = (-0.5, len(rows) - 0.5)
        paced = [(i, r.pace) for i, r in enumerate(rows) if r.pace is not None]  # answers of 20 s or more
        if len(paced) >= 2:
            pace = [(float(i), p) for i, p in paced]
            image = charts.line(
                pace,
                [labels[i] for i, _ in paced],
                span,
                band=self.band,
                marked=next((n for n, (i, _) in enumerate(paced) if i == marked), None),
            )
            self.chart("trend-pace", image, self.band_caption(messages.text("report.trend_chart", self.lang)))
        scored = [(i, r.content_score) for i, r in enumerate(rows) if r.content_score is not None]
        if len(scored) >= 2 and any(score > 0 for _, score in scored):
            image = charts.line(
                [(float(i), float(s)) for i, s in scored],
                [labels[i] for i, _ in scored],
                span,
                top=100.0,
                marked=next((n for n, (i, _) in enumerate(scored) if i == marked), None),
            )
            self.chart("trend-content", image, self.t("report.trend_content"))
        self.line("report.trend_note", id=detail.id)

    # -- a page (or more) per question --------------------------------------------------------------------
    def questions(self) -> None:
        for question in self.report.view.questions:
            position = question.question.position
            self.add("<div style='page-break-before: always'></div>")
            self.add(f"<h2>{_escape(messages.text('report.question', self.lang).replace('{n}', str(position)))}</h2>")
            self.add(f"<p><b>{_escape(question.question.text)}</b></p>")
            if not question.answers:
                self.line("report.skipped")
            for answer in question.answers:
                self.answer(answer, position)

    def answer(self, view: AnswerView, number: int) -> None:
        lang = self.lang
        if view.skipped:
            self.line("report.skipped")
            return
        answer = view.answer
        if view.marked:
            transcript = highlighted_html(view.marked, LIGHT.filler, view.evidence)
        else:
            transcript = _escape(answer.transcript) or f"<i>{self.t('report.no_speech')}</i>"
        self.add(f"<p>{transcript}</p>")
        if answer.figures is not None:
            self.add(f"<p class='muted'>{_escape(delivery_line(answer.figures, lang))}</p>")
            self.pace(view, number)
            if answer.content is not None:
                # What the score measures is said once, under the session's content score above.
                self.add(feedback_html(answer.content, lang, explain=self.report.summary.content_score is None))
            if view.advice:
                self.add("<ul>")
                self.add(
                    *(
                        f"<li class='{'good' if a.good else 'work'}'>{_escape(render(a, lang))}</li>"
                        for a in view.advice
                    )
                )
                self.add("</ul>")
        if answer.review is not None:
            self.add(review_html(answer.review, lang))
        elif view.review_writing:  # exported before the model finished: say so, and how to include it
            self.line("report.review_writing")
        elif view.review_missing:
            self.line("rubric.unavailable")

    def pace(self, view: AnswerView, number: int) -> None:
        """The pace through the answer, under its figures; a line saying why when it is too short to chart."""
        figures, curve = view.answer.figures, view.pace_curve
        assert figures is not None
        if not rates_supported(figures):
            self.line("report.pace_too_short", seconds=shown(figures.speaking_s))
            return
        if len(curve) < 2 or not any(value > 0 for _, value in curve):
            return
        end = max(view.answer.duration_s, max(w.end for w in view.answer.words))
        ticks = [
            (s, messages.text("report.seconds", self.lang, n=f"{s:g}")) for s in charts.nice_ticks(end, 6) if s <= end
        ]
        image = charts.line(list(curve), ticks, (0.0, end), band=self.band)
        self.chart(
            f"pace-{number}-{view.answer.id}", image, self.band_caption(messages.text("report.pace_chart", self.lang))
        )


def _timed(answer: Any) -> bool:
    return answer.figures is not None and rates_supported(answer.figures)


def build_document(report: ReportInput, paint_device: QPdfWriter | None = None) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(QFont(REPORT_FONT, 10))
    if paint_device is not None:
        # Point sizes are then measured at the printer's resolution, not the screen's.
        document.documentLayout().setPaintDevice(paint_device)
    document.setDefaultStyleSheet(style_sheet())
    builder = _Builder(document, report)
    builder.cover()
    builder.per_question()
    builder.trend()
    builder.questions()
    document.setHtml("".join(builder.parts))
    return document


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
    del document  # here, on the rendering thread that owns its layout's timers
    if not path.is_file() or path.stat().st_size == 0:
        raise OSError(f"the PDF could not be written to {path}")
    return path


async def gather(
    store: Any, session_id: int, language: str | None = None, reviews_writing: Collection[int] = ()
) -> ReportInput:
    """A stored session, its summary against the previous session and the trend, in the report's language:
    `language`, or the session's own when None (a Korean interview, a Korean report). `reviews_writing`:
    answers whose review the interviewer model is still writing (the report says so)."""
    from engine.errors import StorageError
    from engine.report.answer_view import session_view
    from engine.report.session_summary import summarise

    detail = await store.session_detail(session_id)
    if detail is None:
        raise StorageError("storage.session_missing", session_id=session_id)
    previous_id = await store.previous_session(session_id)
    previous = await store.session_detail(previous_id) if previous_id is not None else None
    words = language or detail.language
    return ReportInput(session_view(detail, reviews_writing), summarise(detail, previous), await store.trend(), words)


async def export_report(
    store: Any,
    session_id: int,
    path: Path,
    page: str,
    language: str | None = None,
    *,
    here: bool = False,
    reviews_writing: Collection[int] = (),
) -> Path:
    """Render a stored session's report to `path`; `language` as for `gather`. The app renders on a worker
    thread, off its loop. `here`: on this thread, the Qt application's (the `report` command, which has
    nothing else to do meanwhile): a layout's timers then have this thread's event dispatcher, and Qt
    prints no warning about a thread without one."""
    from engine.errors import StorageError

    report = await gather(store, session_id, language, reviews_writing)
    render = partial(write_pdf, report, path, page)
    try:
        return render() if here else await asyncio.to_thread(render)
    except OSError as error:
        raise StorageError("report.write_failed", path=str(path), detail=error.strerror or str(error)) from error
