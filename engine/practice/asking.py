"""Which questions a redo or the weak-spot drill asks: stored questions made askable again, in the wording
they were asked in and judged as the type they were judged by."""

from __future__ import annotations

import asyncio
from datetime import datetime

from engine.errors import ConfigError
from engine.feedback.cues import classify
from engine.feedback.question_type import QuestionType
from engine.interview.config import InterviewConfig
from engine.interview.modes import Mode, Persona, Timing
from engine.interview.questions import Category, InterviewKind, Question, bank_question
from engine.practice.drill import DrillItem, due_now, schedule
from engine.storage.records import Attempt, StoredQuestion, StoredSession
from engine.storage.store import Store


def as_question(language: str, asked: StoredQuestion | Attempt) -> Question:
    """A stored question as the interview asks it: the bank's own when the wording is the bank's."""
    bank = bank_question(language, asked.bank_id) if asked.bank_id else None
    if bank is not None and bank.text == asked.text:
        return bank
    # No type: stored before types were kept, it is read from its wording, as a model's question is.
    known = asked.question_type in set(QuestionType)
    kind = QuestionType(asked.question_type) if known else classify(asked.text, language)
    group = Category(asked.category) if asked.category in set(Category) else Category.BEHAVIOURAL
    return Question(asked.bank_id, group, ("any",), "any", asked.text, kind)


async def redo_question(store: Store, session_id: int, position: int) -> tuple[StoredSession, Question]:
    """Session `session_id`'s question `position` (1-based, as `show` lists them), and that session."""
    session = await store.session_detail(session_id)
    found = next((q for q in session.questions if q.position == position), None) if session else None
    if session is None or found is None:
        raise ConfigError("config.redo_not_found", session_id=session_id, position=position)
    if found.follow_up:  # it rests on the answer before it: asked alone it makes no sense
        raise ConfigError("config.redo_follow_up", session_id=session_id, position=position)
    return session, await asyncio.to_thread(as_question, session.language, found)


async def redo_config(store: Store, session_id: int, position: int, *, blind_check: bool) -> InterviewConfig:
    """A one-question interview that asks session `session_id`'s question `position` again as it was first
    asked: its kind, role, posting and résumé, mode with its timers, and interviewer, so the attempts compare."""
    s, question = await redo_question(store, session_id, position)
    mode = Mode(s.mode) if s.mode in set(Mode) else Mode.PRACTICE
    return InterviewConfig(
        language=s.language,
        kind=InterviewKind(s.kind) if s.kind in set(InterviewKind) else InterviewKind.MIXED,
        question_count=1,
        role=s.role,
        role_family=s.role_family,
        seniority=s.seniority or "any",
        company=s.company,
        job_posting=s.job_posting,
        resume=s.resume,
        mode=mode,
        timing=Timing(*s.timing_s) if mode is Mode.REAL and s.timing_s is not None else None,
        persona=Persona(s.persona) if s.persona in set(Persona) else Persona.NEUTRAL,
        blind_check=blind_check,
        given=(question,),
        origin="redo",
    )


async def drill_queue(store: Store, language: str | None = None) -> list[DrillItem]:
    return schedule(await store.attempts(language))


async def drill_questions(
    store: Store, language: str, limit: int = 5, now: datetime | None = None
) -> tuple[Question, ...]:
    """The questions due for the drill, weakest first; a ConfigError that says so when none is due."""
    due = due_now(await drill_queue(store, language), now, limit)
    if not due:
        raise ConfigError("config.drill_empty")
    return tuple([await asyncio.to_thread(as_question, item.latest.language, item.latest) for item in due])
