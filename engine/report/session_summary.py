"""A session in a few lines: what went well, the three things most worth working on, and the change
against the user's previous session in the same language, with both sessions' numbers and dates (a bare
"24 → 24" leaves the reader guessing which sessions are meant)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import mean

from engine.analysis.advice import Advice, advise
from engine.analysis.delivery_view import pace, rates_supported
from engine.report.report_dates import local_date
from engine.storage.records import StoredAnswer, StoredSession

# Which advice matters most when choosing "three things to work on": content before delivery (an
# interviewer forgives a fast pace sooner than an answer with no result), the answer's substance first.
PRIORITY = (
    "raise.relevance",
    "raise.result",
    "raise.action",
    "raise.experience",
    "raise.specificity",
    "raise.explanation",
    "raise.questions",
    "raise.achievement",
    "raise.improvement",
    "raise.plan",
    "raise.reasoning",
    "raise.company_fit",
    "raise.ownership",
    "raise.task",
    "raise.situation",
    "advice.fillers_many",
    "advice.pace_fast",
    "advice.pace_slow",
    "advice.long_pauses",
    "advice.monotone",
    "advice.quiet",
    "advice.fillers_some",
    "advice.too_short",
)


@dataclass(frozen=True)
class SessionStamp:
    id: int
    date: str  # YYYY-MM-DD in the computer's time zone, as History shows it


def stamp(session: StoredSession) -> SessionStamp:
    return SessionStamp(session.id, local_date(session.created_at))


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
    # The sessions compared, as the history list numbers and dates them; None without a previous session.
    this_session: SessionStamp | None = None
    previous_session: SessionStamp | None = None


def _answers(session: StoredSession) -> list[StoredAnswer]:
    return [a for q in session.questions for a in q.answers if a.figures is not None]


def session_averages(answers: Sequence[StoredAnswer]) -> dict[str, float]:
    averages: dict[str, float] = {}
    # Rates a minute only where they mean something.
    timed = [a.figures for a in answers if a.figures is not None and rates_supported(a.figures)]
    if timed:
        averages["pace"] = mean(pace(f)[0] for f in timed)
        averages["fillers"] = mean(f.fillers_per_minute for f in timed)
    scores = [a.content.score for a in answers if a.content is not None]
    if scores:
        averages["content"] = mean(scores)
    return averages


def _advice(answer: StoredAnswer) -> list[Advice]:
    """Delivery advice, and what would raise the content score, for one answer."""
    content = [Advice(key, params) for key, params in answer.content.raise_keys] if answer.content else []
    return content + (advise(answer.figures, answer.voice) if answer.figures else [])


def summarise(detail: StoredSession, previous: StoredSession | None = None) -> SessionSummary:
    answers = _answers(detail)
    advice = [a for answer in answers for a in _advice(answer)]
    good = Counter(a.key for a in advice if a.good)
    strengths = tuple(next(a for a in advice if a.key == key) for key, n in good.most_common() if n * 2 >= len(answers))
    bad = Counter(a.key for a in advice if not a.good)
    ranked = sorted(bad, key=lambda k: (PRIORITY.index(k) if k in PRIORITY else len(PRIORITY), -bad[k]))
    work_on = tuple((next(a for a in advice if a.key == key), bad[key]) for key in ranked[:3])
    now = session_averages(answers)
    changes: tuple[Change, ...] = ()
    if previous is not None:
        before = session_averages(_answers(previous))
        changes = tuple(
            Change(k, round(before[k], 1), round(now[k], 1))
            for k in ("content", "pace", "fillers")
            if k in now and k in before
        )
    return SessionSummary(
        len(answers),
        strengths,
        work_on,
        changes,
        round(now["content"], 1) if "content" in now else None,
        stamp(detail),
        stamp(previous) if previous is not None else None,
    )
