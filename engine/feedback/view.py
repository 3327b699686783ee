"""One view of an answer's content feedback, built once and rendered by every front end (CLI text and
JSON, the review screen, the PDF): the score with what it measures, each part with its points and quoted
evidence, the penalties, and what would raise it, all as message keys with their parameters."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from engine import messages
from engine.analysis.delivery_view import shown
from engine.feedback.assess import VAGUE_POINTS, Assessment
from engine.feedback.blind import DetailKind
from engine.feedback.question_type import QuestionType

RAISE_AT_MOST = 3  # the parts that lost most points, in that order: a short list a candidate can act on


@dataclass(frozen=True, slots=True)
class EvidenceView:
    quote: str
    by_model: bool


@dataclass(frozen=True, slots=True)
class PartView:
    criterion: str  # "relevance", "action", …: its name is messages "criterion.<criterion>"
    points: int
    max_points: int
    evidence: tuple[EvidenceView, ...]


@dataclass(frozen=True, slots=True)
class PersonalView:
    kind: DetailKind  # messages "blind.<kind>"
    quote: str  # the sentence that gives it away


@dataclass(frozen=True)
class FeedbackView:
    language: str
    score: int  # 0-100
    question_type: QuestionType
    flag: str | None  # a junk kind, "off_topic", …: messages "junk.<flag>"
    parts: tuple[PartView, ...]
    vague_points: int
    vague_words: tuple[str, ...]
    raise_keys: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]  # (message key, parameters)
    star: tuple[tuple[str, str], ...]  # (sentence, part or "") for STAR question types
    personal: tuple[PersonalView, ...] = ()  # the blind-hiring check: personal details given, quoted

    def without_personal(self) -> FeedbackView:
        """The view with the blind-hiring check switched off."""
        return replace(self, personal=())

    def to_stored(self) -> dict[str, Any]:
        """The view as stored with an answer's metrics (engine/storage/records.py reads it back)."""
        return {
            **self._common(),
            "language": self.language,
            "raise": [{"key": key, "params": dict(params)} for key, params in self.raise_keys],
        }

    def to_json(self) -> dict[str, Any]:
        """The view for `main.py feedback --json`: its advice worded in the answer's language."""
        return {
            **self._common(),
            "to_raise": [messages.text(key, self.language, **dict(params)) for key, params in self.raise_keys],
        }

    def _common(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "question_type": self.question_type.value,
            "flag": self.flag,
            "parts": [
                {
                    "criterion": p.criterion,
                    "points": p.points,
                    "max": p.max_points,
                    "evidence": [{"quote": e.quote, "source": "model" if e.by_model else "cue"} for e in p.evidence],
                }
                for p in self.parts
            ],
            "vague_penalty": self.vague_points,
            "vague_words": list(self.vague_words),
            "star": [{"sentence": s, "part": part or None} for s, part in self.star],
            "personal": [{"kind": p.kind.value, "quote": p.quote} for p in self.personal],
        }


def flag_key(view: FeedbackView) -> str:
    """The message that says why an answer was flagged; having no questions at the close has its own, and so
    has a closing answer with neither a question nor a point of its own."""
    if view.flag == "evasion" and view.question_type is QuestionType.CLOSING:
        return "junk.evasion_closing"
    if view.flag == "off_topic" and view.question_type is QuestionType.CLOSING:  # a closing question has no topic
        return "junk.off_topic_closing"
    return f"junk.{view.flag}"


def build_view(a: Assessment) -> FeedbackView:
    parts = tuple(
        PartView(
            c.name,
            shown(c.points),
            shown(c.max_points),
            tuple(EvidenceView(q.text, q.source == "model") for q in c.quotes) if c.points > 0 else (),
        )
        for c in a.criteria
    )
    raise_keys: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    if a.junk is None:
        lost = sorted((c for c in a.criteria if c.points < c.max_points * 0.75), key=lambda c: c.points - c.max_points)
        raise_keys = tuple(
            (f"raise.{c.name}", (("missed", ", ".join(a.keywords_missed[:6])),) if c.name == "posting" else ())
            for c in lost[:RAISE_AT_MOST]
        )
    return FeedbackView(
        language=a.language,
        score=shown(a.score),
        question_type=a.question_type,
        flag=a.junk.value if a.junk is not None else None,
        parts=parts,
        vague_points=shown(a.vague_penalty) if a.junk is None else 0,
        vague_words=tuple({q.text.lower(): q.text for q in a.vague}.values()),  # once each, as said
        raise_keys=raise_keys,
        star=tuple((t.sentence.text, t.part) for t in a.star),
        personal=tuple(PersonalView(d.kind, d.quote) for d in a.personal),
    )


def render_text(view: FeedbackView, ui: str) -> str:
    """The view as plain text, for the command line."""
    t = messages.text
    if not view.parts and view.flag is None:  # stored before feedback had parts: the score alone
        return t("feedback.score_plain", ui, score=view.score)
    kind = t(f"qtype.{view.question_type.value}", ui)
    lines = [t("feedback.score", ui, score=view.score, kind=kind), t("feedback.measures", ui)]
    if view.flag:
        lines.append(t("feedback.flagged", ui, reason=t(flag_key(view), ui)))
        return "\n".join(lines)
    for part in view.parts:
        name = t(f"criterion.{part.criterion}", ui)
        lines.append("  " + t("feedback.part", ui, name=name, points=part.points, max=part.max_points))
        for evidence in part.evidence:
            key = "feedback.model_evidence" if evidence.by_model else "feedback.evidence"
            lines.append("      " + t(key, ui, quote=_short(evidence.quote)))
    if view.vague_points:
        words = ", ".join(view.vague_words[:6])
        lines.append("  " + t("feedback.vague", ui, points=view.vague_points, each=f"{VAGUE_POINTS:g}", words=words))
    if view.raise_keys:
        lines.append(t("feedback.raise_title", ui) + ":")
        lines.extend("  - " + t(key, ui, **dict(params)) for key, params in view.raise_keys)
    if view.personal:  # the blind-hiring check: each detail with the sentence that gives it away, what to do
        lines.append(t("blind.title", ui) + ":")
        lines.extend(
            "  - " + t("blind.finding", ui, what=t(f"blind.{p.kind.value}", ui), quote=_short(p.quote))
            for p in view.personal
        )
        lines.append("  " + t("blind.advice", ui))
    return "\n".join(lines)


def _short(quote: str, limit: int = 160) -> str:
    return quote if len(quote) <= limit else quote[: limit - 1].rsplit(" ", 1)[0] + "…"
