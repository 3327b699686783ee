"""The interviewer model's rubric as an HTML table, for the review screen and the PDF report alike."""

from __future__ import annotations

import html
from typing import Any

from engine import messages
from engine.llm.rubric import CRITERIA


def dots(score: int) -> str:
    return "●" * score + "○" * (5 - score)


def rubric_html(score: dict[str, Any], lang: str) -> str:
    """`score` as stored (Store.session_detail's answer["score"]): criteria, overall, model."""
    by_name = {c["name"]: c for c in score.get("criteria", [])}
    title = messages.text("rubric.title", lang, overall=f"{score['overall']:.1f}", model=score.get("model", ""))
    rows = [
        "<tr>"
        f"<td><b>{html.escape(messages.text(f'rubric.{name}', lang), quote=False)}</b></td>"
        f"<td>{dots(int(c['score']))}&nbsp;{int(c['score'])}</td>"
        f"<td>{html.escape(c['reason'], quote=False)}<br><i>→ {html.escape(c['improvement'], quote=False)}</i></td>"
        "</tr>"
        for name in CRITERIA
        if (c := by_name.get(name)) is not None
    ]
    return f"<p><b>{html.escape(title, quote=False)}</b></p><table cellspacing='4'>{''.join(rows)}</table>"
