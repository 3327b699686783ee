"""Stored rows read back as typed records: parsed and checked here, once, so nothing outside storage reads a
metrics dict: an answer's speech figures, and its content feedback view."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import fields
from typing import Any

from engine import messages
from engine.analysis.fillers import FillerHit
from engine.analysis.metrics import AnswerMetrics, Pause
from engine.feedback.question_type import QuestionType
from engine.feedback.view import EvidenceView, FeedbackView, PartView
from engine.llm.rubric import ModelReview

log = logging.getLogger(__name__)

_SCALARS = tuple(f.name for f in fields(AnswerMetrics) if f.name not in ("fillers", "pauses"))


def answer_metrics(stored: Mapping[str, Any]) -> AnswerMetrics:
    """An answer's figures from its stored metrics document. The document also carries the content and voice
    readings (other keys), which are not speech figures and are left to their own readers."""
    return AnswerMetrics(
        **{name: stored[name] for name in _SCALARS},
        fillers=tuple(FillerHit(int(f["index"]), str(f["text"]), float(f["start"])) for f in stored["fillers"]),
        pauses=tuple(Pause(int(p["after_word"]), float(p["start"]), float(p["duration"])) for p in stored["pauses"]),
    )


def feedback_view(stored: Mapping[str, Any] | None) -> FeedbackView | None:
    """An answer's content feedback from its stored metrics document; None when it has none, or it cannot be
    read (logged: the review goes on without it). A document written before feedback had parts (a bare
    score) reads as that score alone."""
    content = (stored or {}).get("content")
    if not isinstance(content, Mapping):
        return None
    try:
        return _feedback_view(content, stored or {})
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        log.warning("stored content feedback unreadable, left out: %r", error)
        return None


def _feedback_view(content: Mapping[str, Any], stored: Mapping[str, Any]) -> FeedbackView:
    for key in [f"junk.{content.get('flag')}"] * bool(content.get("flag")) + [
        r["key"] for r in content.get("raise", ())
    ]:
        if key not in messages.CATALOGUE:
            raise ValueError(f"unknown message {key}")
    if "parts" not in content:
        return FeedbackView(str(stored.get("language", "en")), int(float(content["score"]) + 0.5),
                            QuestionType.BEHAVIOURAL, None, (), 0, (), (), ())  # fmt: skip
    return FeedbackView(
        language=str(content["language"]),
        score=int(content["score"]),
        question_type=QuestionType(content["question_type"]),
        flag=content["flag"],
        parts=tuple(
            PartView(
                str(p["criterion"]),
                int(p["points"]),
                int(p["max"]),
                tuple(EvidenceView(str(e["quote"]), e["source"] == "model") for e in p["evidence"]),
            )
            for p in content["parts"]
        ),
        vague_points=int(content["vague_penalty"]),
        vague_words=tuple(str(w) for w in content["vague_words"]),
        raise_keys=tuple((str(r["key"]), tuple((k, str(v)) for k, v in r["params"].items())) for r in content["raise"]),
        star=tuple((str(s["sentence"]), str(s["part"] or "")) for s in content["star"]),
    )


def model_review(score: Mapping[str, Any] | None) -> ModelReview | None:
    """The interviewer model's review of an answer (Store.session_detail's answer["score"]); None when there
    is none, or it is an older rubric of 1-5 numbers, which are no longer shown."""
    body = (score or {}).get("review")
    if not isinstance(body, Mapping) or "quotes" not in body:
        return None
    return ModelReview(
        relevant=bool(body["relevant"]),
        quotes={str(k): tuple(str(q) for q in v) for k, v in body["quotes"].items()},
        improvements=tuple(str(i) for i in body["improvements"]),
        example_answer=str(body["example_answer"]),
        model=str(body["model"]),
    )
