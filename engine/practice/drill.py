"""The weak-spot drill: questions answered weakly enter a queue with spaced repetition.

A question enters the queue when an answer to it was weak: it scored under WEAK_SCORE, was flagged (off the
question, an evasion, junk), or earned nothing on one of the main parts its type asks for (those weighing
MAIN_PART points or more: no result or no action of one's own in a story, no plan for a hypothetical).
From then on each answer moves its due date: a good one lets the interval grow (a day, then GROWTH
times longer each time), a poor one halves it and makes the question due at once. The schedule is worked out
from the stored attempts every time, so a re-read that changes a score changes the schedule with it, and
nothing else needs to be kept in step.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from engine import messages
from engine.storage.records import Attempt

WEAK_SCORE = 60  # under this (of 100) an answer is weak; at or over GOOD_SCORE with no part missing, good
GOOD_SCORE = 70
FIRST_INTERVAL = timedelta(days=1)  # after the first good answer
GROWTH = 2.5  # each further good answer multiplies the interval (SM-2's starting ease)
MASTERED = timedelta(days=21)  # an interval this long: the question is learned, and leaves the queue
MAIN_PART = 20  # points: a part weighing this much is one the answer cannot do without (criteria.WEIGHTS)


@dataclass(frozen=True, slots=True)
class DrillItem:
    key: str
    latest: Attempt  # the latest attempt: its words, type and score
    attempts: int
    due: datetime  # UTC
    interval: timedelta

    @property
    def last_score(self) -> int:
        return self.latest.score if self.latest.score is not None else 0

    def is_due(self, now: datetime) -> bool:
        return self.due <= now


def weak(attempt: Attempt) -> bool:
    content = attempt.content
    if content is None:
        return False  # not analysed: nothing to say it was weak
    if content.flag is not None or content.score < WEAK_SCORE:
        return True
    return any(p.points == 0 and p.max_points >= MAIN_PART for p in content.parts)


def good(attempt: Attempt) -> bool:
    return attempt.content is not None and attempt.content.score >= GOOD_SCORE and not weak(attempt)


def _time(iso: str) -> datetime:
    found = datetime.fromisoformat(iso) if iso else datetime.now(UTC)
    return found if found.tzinfo else found.replace(tzinfo=UTC)


def schedule(attempts: Iterable[Attempt]) -> list[DrillItem]:
    """The queue: every question that was ever answered weakly and is not yet learned, soonest due first."""
    by_key: dict[str, list[Attempt]] = defaultdict(list)
    for attempt in attempts:
        # A follow-up makes sense only after its answer, and the closing turn only at the close.
        if not attempt.follow_up and attempt.question_type != "closing":
            by_key[attempt.key].append(attempt)
    queue = []
    for key, tries in by_key.items():
        tries.sort(key=lambda a: (a.answered_at, a.answer_id))
        interval, due, queued = timedelta(0), None, False
        for attempt in tries:
            at = _time(attempt.answered_at)
            if weak(attempt):
                queued = True
                interval = interval / 2  # a poor answer: sooner again, and due now
                due = at
            elif queued and good(attempt):
                interval = FIRST_INTERVAL if interval < FIRST_INTERVAL else interval * GROWTH
                due = at + interval
            elif queued:  # fair: neither weak nor good; asked again after the same interval
                due = at + max(interval, FIRST_INTERVAL / 2)
        if queued and due is not None and interval < MASTERED:
            queue.append(DrillItem(key, tries[-1], len(tries), due, interval))
    queue.sort(key=lambda item: (item.due, item.last_score))
    return queue


def due_now(queue: Iterable[DrillItem], now: datetime | None = None, limit: int = 5) -> list[DrillItem]:
    """The questions due, weakest (lowest latest score) first, at most `limit`."""
    moment = now or datetime.now(UTC)
    due = [item for item in queue if item.is_due(moment)]
    due.sort(key=lambda item: (item.last_score, item.due))
    return due[:limit]


def describe(item: DrillItem, language: str, now: datetime) -> str:
    """One line of the queue: when it is due, its last score, its attempts and the question."""
    due = (
        messages.text("drill.due_now", language)
        if item.is_due(now)
        else messages.text("drill.due_on", language, date=item.due.astimezone().strftime("%Y-%m-%d %H:%M"))
    )
    text, score = item.latest.text, item.last_score
    return messages.text("drill.line", language, due=due, score=score, count=item.attempts, text=text)
