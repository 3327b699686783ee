"""One interview driver for every front end: the engine asks, the front end only chooses and renders.

The CLI (answers from files) and the desktop (the user's buttons) each supply a `Choices`; the driver runs
the session's questions in order, asks the choices what to do with each, and ends the session in the state
that tells the truth: complete when something was answered, interrupted when the user ended it early or the
run was cancelled (what was said is kept), failed when an error made going on impossible.
"""

from __future__ import annotations

import asyncio
import enum
from dataclasses import dataclass
from typing import Protocol

from engine.audio.frames import AudioSource
from engine.errors import AppError
from engine.interview.events import QuestionAsked
from engine.interview.progress import AnswerOutcome
from engine.interview.session import InterviewSession
from engine.interview.state import SessionState


class Move(enum.Enum):
    ANSWER = "answer"
    SKIP = "skip"
    END = "end"


@dataclass(frozen=True, slots=True)
class Choice:
    """What to do with the question asked: answer it (from this audio), skip it, or end the interview."""

    move: Move
    source: AudioSource | None = None

    @classmethod
    def answer(cls, source: AudioSource) -> Choice:
        return cls(Move.ANSWER, source)


SKIP = Choice(Move.SKIP)
# Real mode: the longest a question may take to be put (read aloud) before its preparation time starts anyway.
PUT_AT_MOST_S = 60.0
END = Choice(Move.END)


class Choices(Protocol):
    """The user's side of an interview (the desktop's buttons, the CLI's answer files)."""

    @property
    def ending(self) -> bool:
        """The user has ended the interview: no further question is asked."""

    async def choose(self, asked: QuestionAsked) -> Choice: ...

    async def question_put(self, asked: QuestionAsked) -> None:
        """Returns once the question has been put to the user (read aloud, shown): real mode's preparation
        time starts then."""

    def time_to_answer(self, asked: QuestionAsked) -> Choice:
        """Real mode: the preparation time is over, and the answer starts now (the microphone, the next file)."""


@dataclass(frozen=True, slots=True)
class Turn:
    asked: QuestionAsked
    outcome: AnswerOutcome | None  # None: skipped


@dataclass(frozen=True, slots=True)
class Run:
    final: SessionState
    turns: tuple[Turn, ...]


async def _choose(choices: Choices, asked: QuestionAsked) -> Choice:
    """The user's choice; in real mode (a question with an answer time limit), the answer starts on its own
    once the preparation time is over, unless the user started, skipped or ended sooner."""
    if asked.answer_s <= 0:
        return await choices.choose(asked)
    choosing = asyncio.ensure_future(choices.choose(asked))
    put = asyncio.ensure_future(choices.question_put(asked))
    try:
        # A voice that never finishes must not stall the interview: the preparation starts at the latest then.
        await asyncio.wait({choosing, put}, timeout=PUT_AT_MOST_S, return_when=asyncio.FIRST_COMPLETED)
        if not choosing.done():  # the question is out: the preparation time runs
            await asyncio.wait({choosing}, timeout=asked.prep_s)
        await asyncio.sleep(0)  # a choice made just as time ran out resumes its task first, and counts
        if choosing.done():
            return choosing.result()
        choosing.cancel()
        await asyncio.gather(choosing, return_exceptions=True)
        return choices.time_to_answer(asked)
    finally:
        for task in (choosing, put):
            if not task.done():
                task.cancel()
        await asyncio.gather(choosing, put, return_exceptions=True)


async def drive(session: InterviewSession, choices: Choices) -> Run:
    """Run the interview to its end. An AppError ends it failed and is raised; a cancellation (the app
    closing, Ctrl+C) ends it interrupted, keeping what was said, and is raised too."""
    turns: list[Turn] = []
    try:
        await session.begin()
        ended = False
        while session.has_next_question and not choices.ending:
            asked = await session.ask_next()
            if asked is None:  # the model could not write the last follow-up: the interview is done
                break
            choice = await _choose(choices, asked)
            if choice.move is Move.ANSWER:
                assert choice.source is not None, "Choice.answer() gives an answer its audio"
                turns.append(Turn(asked, await session.answer(choice.source)))
            elif choice.move is Move.SKIP:
                await session.skip()
                turns.append(Turn(asked, None))
            else:
                ended = True
                break
        if (ended or choices.ending) and session.has_next_question:
            await session.end(SessionState.INTERRUPTED)
            return Run(SessionState.INTERRUPTED, tuple(turns))
        return Run(await session.complete(), tuple(turns))  # failed if no answer was heard
    except AppError:
        await session.end(SessionState.FAILED)
        raise
    except BaseException:
        await asyncio.shield(session.end(SessionState.INTERRUPTED))  # closing or Ctrl+C: keep what was said
        raise
