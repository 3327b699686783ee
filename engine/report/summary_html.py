"""A session's summary (engine/report/session_summary.py) as HTML for the top of the review screen: the
overall content score and what it measures, what went well, and the three things most worth working on,
each with in how many answers it came up."""

from __future__ import annotations

from engine import messages
from engine.analysis.advice import render
from engine.report.feedback_html import escape
from engine.report.session_summary import SessionSummary


def summary_html(summary: SessionSummary, lang: str) -> str:
    t = messages.text
    if not summary.answered:
        return f"<p>{escape(t('review.summary_empty', lang))}</p>"
    out = [f"<h3>{escape(t('review.summary_title', lang))}</h3>"]
    counted = escape(t("report.answers_analysed", lang, count=summary.answered))
    if summary.content_score is not None:
        score = escape(t("review.summary_score", lang, score=f"{summary.content_score:.0f}"))
        out.append(f"<p><b>{score}</b> · {counted}<br>{escape(t('feedback.measures', lang))}</p>")
    else:
        out.append(f"<p>{counted}</p>")
    if summary.work_on:
        items = "".join(
            f"<li>{escape(render(a, lang))} <i>({escape(t('report.in_answers', lang, count=n))})</i></li>"
            for a, n in summary.work_on
        )
        out.append(f"<p><b>{escape(t('report.work_on', lang))}</b></p><ol>{items}</ol>")
    if summary.strengths:
        items = "".join(f"<li>{escape(render(a, lang))}</li>" for a in summary.strengths)
        out.append(f"<p><b>{escape(t('report.strengths', lang))}</b></p><ul>{items}</ul>")
    return "".join(out)
