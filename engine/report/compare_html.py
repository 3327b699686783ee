"""Attempts at one question side by side (engine/report/attempts_view.py) as HTML in Qt's rich-text subset, for
the review screen: a table of the latest, previous and best attempts (score, its parts, pace, fillers) with
their dates, and what the latest said differently from the one before (added words underlined, dropped
ones struck through). Every quote of the user's words is escaped."""

from __future__ import annotations

from engine import messages
from engine.report.attempts_view import Change, Comparison
from engine.report.feedback_html import escape

DIFF_CHARS = 1_200  # a long answer's diff is cut: the change near its start is what a candidate reads first


def comparison_html(comparison: Comparison, lang: str) -> str:
    t = messages.text
    head = "".join(
        f"<th align='left'>{escape(t(f'compare.{c.label}', lang, number=c.number))}<br>"
        f"<span style='font-weight:normal'>{escape(c.attempt.when)}</span></th>"
        for c in comparison.columns
    )
    rows = [f"<tr><th></th>{head}</tr>"]

    def row(name: str, cells: list[str], bold: bool = False) -> None:
        style = " style='font-weight:bold'" if bold else ""
        shown = "".join(f"<td{style}>{escape(c)}</td>" for c in cells)
        rows.append(f"<tr><td{style}>{escape(name)}</td>{shown}</tr>")

    row(t("feedback.total", lang), [f"{c.score}" if c.score is not None else "–" for c in comparison.columns], True)
    for criterion in comparison.criteria:
        cells = []
        for column in comparison.columns:
            points = column.parts.get(criterion)
            cells.append(f"{points[0]}/{points[1]}" if points else "–")
        row("  " + t(f"criterion.{criterion}", lang), cells)
    paces = [c.pace for c in comparison.columns]
    row(t("compare.pace", lang), [t(p[1], lang, rate=p[0]) if p else "–" for p in paces])
    row(t("compare.fillers", lang), [str(c.fillers) if c.fillers is not None else "–" for c in comparison.columns])
    return (
        f"<p><b>{escape(t('compare.title', lang, count=comparison.attempts))}</b></p>"
        f"<table cellspacing='6'>{''.join(rows)}</table>"
        f"<p><b>{escape(t('compare.diff_title', lang))}</b><br>{_diff(comparison)}</p>"
        f"<p><i>{escape(t('compare.diff_key', lang))}</i></p>"
    )


def _diff(comparison: Comparison) -> str:
    pieces, used = [], 0
    for change, text in comparison.diff:
        if used >= DIFF_CHARS:
            pieces.append("…")
            break
        used += len(text)
        if change is Change.ADDED:
            pieces.append(f"<u><b>{escape(text)}</b></u>")
        elif change is Change.DROPPED:
            pieces.append(f"<s>{escape(text)}</s>")
        else:
            pieces.append(escape(text))
    return " ".join(pieces)
