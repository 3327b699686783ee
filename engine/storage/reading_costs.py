"""What each re-read cost on this machine, per speech model: the figures Settings show beside the choice of
the model that reads answers again (engine/interview/stored_transcript.py).

Only figures are kept (the model's name, the answer's length, the reading's compute time, how long after the
answer's end its transcript was ready): no text, so deleting a session leaves them, as a measure of the
machine rather than of the candidate.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlite_utils

# The summary reads a model's latest readings: a machine's speed changes (a new laptop, another model folder).
RECENT = 50


@dataclass(frozen=True, slots=True)
class ReadingCost:
    """One answer's reading, as measured."""

    model: str  # the speech model's name ("base", "small") or its folder
    audio_s: float  # the answer's length
    cost_s: float  # the reading's compute time, the parts read while the answer was given included
    ready_s: float | None  # how long after the answer's end its transcript was stored; None: a catch-up


@dataclass(frozen=True, slots=True)
class ReadingCosts:
    """A model's recent readings on this machine, summed up."""

    model: str
    readings: int  # answers read (a trial reading of one counts as one)
    timed: int  # of them, those timed from an answer's end
    per_minute_s: float  # compute seconds per minute of answer
    ready_median_s: float | None  # None: no reading timed from an answer's end (only catch-ups)
    ready_p90_s: float | None


def record(db: sqlite_utils.Database, cost: ReadingCost) -> None:
    db.table("reading_costs").insert(
        {
            "model": cost.model,
            "audio_s": round(cost.audio_s, 2),
            "cost_s": round(cost.cost_s, 2),
            "ready_s": None if cost.ready_s is None else round(cost.ready_s, 2),
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
    )


def summaries(db: sqlite_utils.Database) -> dict[str, ReadingCosts]:
    """Each model's latest readings summed up, by model."""
    found: dict[str, list[tuple[float, float, float | None]]] = {}
    for model, audio_s, cost_s, ready_s in db.execute(
        "select model, audio_s, cost_s, ready_s from reading_costs order by id desc"
    ).fetchall():
        rows = found.setdefault(str(model), [])
        if len(rows) < RECENT:
            rows.append((float(audio_s), float(cost_s), None if ready_s is None else float(ready_s)))
    return {model: _summary(model, rows) for model, rows in found.items()}


def _summary(model: str, rows: list[tuple[float, float, float | None]]) -> ReadingCosts:
    audio = sum(a for a, _, _ in rows)
    cost = sum(c for _, c, _ in rows)
    ready = sorted(r for _, _, r in rows if r is not None)
    p90 = ready[math.ceil(0.9 * len(ready)) - 1] if ready else None  # the nearest rank: 9 in 10 within it
    return ReadingCosts(
        model,
        len(rows),
        len(ready),
        60.0 * cost / audio if audio > 0 else 0.0,
        statistics.median(ready) if ready else None,
        p90,
    )
