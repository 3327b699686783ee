"""Attempts at one question side by side: the latest, the one before it and the best, with each one's score
and parts, pace and fillers, and what the latest said differently from the one before."""

from __future__ import annotations

import difflib
import enum
from collections.abc import Sequence
from dataclasses import dataclass

from engine.analysis.delivery_view import pace, rates_supported
from engine.storage.records import Attempt


class Change(enum.Enum):
    SAME = "same"
    ADDED = "added"  # said in the latest attempt, not in the one before
    DROPPED = "dropped"  # said before, not in the latest


@dataclass(frozen=True, slots=True)
class Column:
    label: str  # "latest", "previous" or "best": messages "compare.<label>"
    attempt: Attempt
    number: int  # 1-based: which attempt at this question it was

    @property
    def score(self) -> int | None:
        return self.attempt.score

    @property
    def parts(self) -> dict[str, tuple[int, int]]:
        """criterion -> (points, max points)."""
        content = self.attempt.content
        return {p.criterion: (p.points, p.max_points) for p in content.parts} if content else {}

    @property
    def pace(self) -> tuple[int, str] | None:
        """(pace, its unit's message key), where there was enough speech for a rate; else None."""
        figures = self.attempt.figures
        if figures is None or not rates_supported(figures):
            return None
        rate, unit, _ = pace(figures)
        return rate, unit

    @property
    def fillers(self) -> int | None:
        return self.attempt.figures.filler_count if self.attempt.figures else None


@dataclass(frozen=True, slots=True)
class Comparison:
    columns: tuple[Column, ...]  # latest first, then previous and best where they are other attempts
    criteria: tuple[str, ...]  # every part any column was judged on, in the latest's order
    diff: tuple[tuple[Change, str], ...]  # the previous attempt's words against the latest's

    @property
    def attempts(self) -> int:
        return max(c.number for c in self.columns)


def compare(attempts: Sequence[Attempt]) -> Comparison | None:
    """The side-by-side of attempts at one question (oldest first); None with fewer than two."""
    if len(attempts) < 2:
        return None
    numbered = list(enumerate(attempts, start=1))
    latest, previous = numbered[-1], numbered[-2]
    columns = [Column("latest", latest[1], latest[0]), Column("previous", previous[1], previous[0])]
    scored = [(n, a) for n, a in numbered[:-1] if a.score is not None]
    if scored:
        best_n, best = max(scored, key=lambda pair: (pair[1].score or 0, pair[0]))
        if best_n != previous[0]:
            columns.append(Column("best", best, best_n))
    criteria: list[str] = []
    for column in columns:
        criteria.extend(c for c in column.parts if c not in criteria)
    return Comparison(tuple(columns), tuple(criteria), word_diff(previous[1].transcript, latest[1].transcript))


def word_diff(before: str, after: str) -> tuple[tuple[Change, str], ...]:
    """Word by word, what changed from `before` to `after` (runs of words kept together)."""
    old, new = before.split(), after.split()
    out: list[tuple[Change, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "equal":
            out.append((Change.SAME, " ".join(old[i1:i2])))
            continue
        if i2 > i1:
            out.append((Change.DROPPED, " ".join(old[i1:i2])))
        if j2 > j1:
            out.append((Change.ADDED, " ".join(new[j1:j2])))
    return tuple(out)
