"""Which questions a redo or the weak-spot drill asks: stored questions made askable again, in the wording
they were asked in and judged as the type they were judged by."""

from __future__ import annotations

import asyncio
from datetime import datetime

from engine.errors import ConfigError
from engine.feedback.cues import classify
from engine.feedback.question_type import QuestionType
from engine.interview.questions import Category, Question, bank_question
from engine.practice.drill import DrillItem, due_now, schedule
from engine.storage.records import Attempt
from engine.storage.store import Store


def as_question(language: str, text: str, bank_id: str, category: str, question_type: str) -> Question:
    """A stored question as the interview asks it: the bank's own when the wording is the bank's."""
    bank = bank_question(language, bank_id) if bank_id else None
    if bank is not None and bank.text == text:
        return bank
    try:
        kind = QuestionType(question_type)
    except ValueError:  # stored before types were kept: read from its wording, as a model's question is
        kind = classify(text, language)
    try:
        group = Category(category)
    except ValueError:
        group = Category.BEHAVIOURAL
    return Question(bank_id, group, ("any",), "any", text, kind)


def attempt_question(attempt: Attempt) -> Question:
    a = attempt
    return as_question(a.language, a.text, a.bank_id, a.category, a.question_type)


async def redo_question(store: Store, session_id: int, position: int) -> tuple[str, Question]:
    """Session `session_id`'s question `position` (1-based, as `show` lists them), and its language."""
    session = await store.session_detail(session_id)
    found = next((q for q in session.questions if q.position == position), None) if session else None
    if session is None or found is None:
        raise ConfigError("config.redo_not_found", session_id=session_id, position=position)
    if found.follow_up:  # it rests on the answer before it: asked alone it makes no sense
        raise ConfigError("config.redo_follow_up", session_id=session_id, position=position)
    question = await asyncio.to_thread(
        as_question, session.language, found.text, found.bank_id, found.category, found.question_type
    )
    return session.language, question


async def drill_queue(store: Store, language: str | None = None) -> list[DrillItem]:
    return schedule(await store.attempts(language))


async def drill_questions(
    store: Store, language: str, limit: int = 5, now: datetime | None = None
) -> tuple[Question, ...]:
    """The questions due for the drill, weakest first; a ConfigError that says so when none is due."""
    due = due_now(await drill_queue(store, language), now, limit)
    if not due:
        raise ConfigError("config.drill_empty")
    return tuple([await asyncio.to_thread(attempt_question, item.latest) for item in due])
