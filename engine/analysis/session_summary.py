"""A session in a few lines: what went well, the three things most worth working on, and the change
against the user's previous session in the same language."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import mean
from typing import Any

from engine.analysis.advice import Advice, advise

# Which advice matters most when choosing "three things to work on": content before delivery (an
# interviewer forgives a fast pace sooner than an answer with no result).
PRIORITY = (
    "advice.star_structure",
    "advice.star_missing_result",
    "advice.star_missing_action",
    "advice.ownership",
    "advice.no_numbers",
    "advice.star_missing_task",
    "advice.star_missing_situation",
    "advice.fillers_many",
    "advice.pace_fast",
    "advice.pace_slow",
    "advice.long_pauses",
    "advice.monotone",
    "advice.quiet",
    "advice.vague",
    "advice.fillers_some",
    "advice.keywords",
    "advice.too_short",
)


@dataclass(frozen=True)
class Change:
    measure: str  # "content", "pace", "fillers"
    before: float
    after: float


@dataclass(frozen=True)
class SessionSummary:
    answered: int
    strengths: tuple[Advice, ...]
    work_on: tuple[tuple[Advice, int], ...]  # advice and in how many answers it came up
    changes: tuple[Change, ...]
    content_score: float | None


def session_averages(metrics: Sequence[Mapping[str, Any]]) -> dict[str, float]:
    if not metrics:
        return {}
    korean = metrics[0].get("language") == "ko"
    averages = {
        "pace": mean(float(m["syllables_per_minute"] if korean else m["words_per_minute"]) for m in metrics),
        "fillers": mean(float(m["fillers_per_minute"]) for m in metrics),
    }
    scores = [float(m["content"]["score"]) for m in metrics if m.get("content")]
    if scores:
        averages["content"] = mean(scores)
    return averages


def answer_metrics(detail: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [a["metrics"] for q in detail["questions"] for a in q["answers"] if a.get("metrics")]


def summarise(detail: Mapping[str, Any], previous: Mapping[str, Any] | None = None) -> SessionSummary:
    metrics = answer_metrics(detail)
    advice = [a for m in metrics for a in advise(m)]
    good = Counter(a.key for a in advice if a.good)
    strengths = tuple(next(a for a in advice if a.key == key) for key, n in good.most_common() if n * 2 >= len(metrics))
    bad = Counter(a.key for a in advice if not a.good)
    ranked = sorted(bad, key=lambda k: (PRIORITY.index(k) if k in PRIORITY else len(PRIORITY), -bad[k]))
    work_on = tuple((next(a for a in advice if a.key == key), bad[key]) for key in ranked[:3])
    now = session_averages(metrics)
    changes: tuple[Change, ...] = ()
    if previous is not None:
        before = session_averages(answer_metrics(previous))
        changes = tuple(
            Change(k, round(before[k], 1), round(now[k], 1))
            for k in ("content", "pace", "fillers")
            if k in now and k in before
        )
    return SessionSummary(
        len(metrics), strengths, work_on, changes, round(now["content"], 1) if "content" in now else None
    )
