"""An answer's content feedback (engine/feedback/view.py) and the model's review as HTML, for the review
screen and the PDF report alike: both render this one view, in Qt's rich-text subset."""

from __future__ import annotations

import html

from engine import messages
from engine.feedback.assess import VAGUE_POINTS
from engine.feedback.view import FeedbackView, flag_key
from engine.llm.rubric import ModelReview

VAGUE_EACH = f"{VAGUE_POINTS:g}"
QUOTE_CHARS = 220  # a quote longer than this is cut at a word: the part is what matters, not all of it


def escape(text: str) -> str:
    return html.escape(text, quote=False)


def _cut(quote: str) -> str:
    return quote if len(quote) <= QUOTE_CHARS else quote[: QUOTE_CHARS - 1].rsplit(" ", 1)[0] + "…"


def feedback_html(view: FeedbackView, lang: str, *, explain: bool = True) -> str:
    """`explain`: say what the score measures; off where a summary above has said it once for every answer."""
    t = messages.text
    if not view.parts and view.flag is None:  # stored before feedback had parts: the score alone
        return f"<h3>{escape(t('feedback.score_plain', lang, score=view.score))}</h3>"
    kind = t(f"qtype.{view.question_type.value}", lang)
    out = [f"<h3>{escape(t('feedback.score', lang, score=view.score, kind=kind))}</h3>"]
    if explain:
        out.append(f"<p>{escape(t('feedback.measures', lang))}</p>")
    if view.flag:
        out.append(f"<p class='work'>{escape(t('feedback.flagged', lang, reason=t(flag_key(view), lang)))}</p>")
        return "".join(out)
    rows = []

    def row(name: str, points: str, detail: str) -> None:  # `detail` is markup already
        rows.append(f"<tr><td><b>{escape(name)}</b></td><td align='right'>{points}</td><td>{detail}</td></tr>")

    for part in view.parts:
        quotes = "<br>".join(
            escape(t("feedback.model_evidence" if e.by_model else "feedback.evidence", lang, quote=_cut(e.quote)))
            for e in part.evidence
        )
        row(t(f"criterion.{part.criterion}", lang), f"{part.points}/{part.max_points}", f"<i>{quotes}</i>")
    if view.vague_points:  # in the table, so the rows add up to the score
        detail = t("feedback.vague_detail", lang, each=VAGUE_EACH, words=", ".join(view.vague_words[:6]))
        row(t("feedback.vague_name", lang), f"−{view.vague_points}", escape(detail))
    row(t("feedback.total", lang), f"<b>{view.score}</b>", "")
    out.append(f"<table cellspacing='4'>{''.join(rows)}</table>")
    if view.raise_keys:
        items = "".join(f"<li>{escape(t(key, lang, **dict(params)))}</li>" for key, params in view.raise_keys)
        out.append(f"<p><b>{escape(t('feedback.raise_title', lang))}</b></p><ul>{items}</ul>")
    if view.personal:  # the blind-hiring check: each detail with the sentence that gives it away
        items = "".join(
            f"<li>{escape(t('blind.finding', lang, what=t(f'blind.{p.kind.value}', lang), quote=_cut(p.quote)))}</li>"
            for p in view.personal
        )
        title, advice = escape(t("blind.title", lang)), escape(t("blind.advice", lang))
        out.append(f"<p class='work'><b>{title}</b></p><ul>{items}</ul><p>{advice}</p>")
    return "".join(out)


def review_html(review: ModelReview, lang: str) -> str:
    t = messages.text
    out = []
    if review.improvements:
        items = "".join(f"<li>{escape(i)}</li>" for i in review.improvements)
        out.append(f"<p><b>{escape(t('review.model_title', lang, model=review.model))}</b></p><ul>{items}</ul>")
    if review.example_answer:
        out.append(f"<p><b>{escape(t('review.example_title', lang))}</b><br>{escape(review.example_answer)}</p>")
    return "".join(out)
