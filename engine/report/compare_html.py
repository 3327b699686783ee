"""Attempts at one question side by side (engine/report/attempts_view.py) as HTML in Qt's rich-text subset, for
the review screen: a table of the latest, previous and best attempts (score, its parts, pace, fillers) with
their dates, and what the latest said differently from the one before (added words underlined, dropped
ones struck through). Every quote of the user's words is escaped."""

from __future__ import annotations

import html

from engine import messages
from engine.report.attempts_view import Change, Comparison

DIFF_CHARS = 1_200  # a long answer's diff is cut: the change near its start is what a candidate reads first


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def comparison_html(comparison: Comparison, lang: str) -> str:
    t = messages.text
    head = "".join(
        f"<th align='left'>{_e(t(f'compare.{c.label}', lang, number=c.number))}<br>"
        f"<span style='font-weight:normal'>{_e(c.attempt.when)}</span></th>"
        for c in comparison.columns
    )
    rows = [f"<tr><th></th>{head}</tr>"]

    def row(name: str, cells: list[str], bold: bool = False) -> None:
        style = " style='font-weight:bold'" if bold else ""
        rows.append(f"<tr><td{style}>{_e(name)}</td>" + "".join(f"<td{style}>{_e(c)}</td>" for c in cells) + "</tr>")

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
    out = [
        f"<p><b>{_e(t('compare.title', lang, count=comparison.attempts))}</b></p>",
        f"<table cellspacing='6'>{''.join(rows)}</table>",
    ]
    out.append(f"<p><b>{_e(t('compare.diff_title', lang))}</b><br>{_diff(comparison)}</p>")
    out.append(f"<p><i>{_e(t('compare.diff_key', lang))}</i></p>")
    return "".join(out)


def _diff(comparison: Comparison) -> str:
    pieces, used = [], 0
    for change, text in comparison.diff:
        if used >= DIFF_CHARS:
            pieces.append("…")
            break
        used += len(text)
        if change is Change.ADDED:
            pieces.append(f"<u><b>{_e(text)}</b></u>")
        elif change is Change.DROPPED:
            pieces.append(f"<s>{_e(text)}</s>")
        else:
            pieces.append(_e(text))
    return " ".join(pieces)
