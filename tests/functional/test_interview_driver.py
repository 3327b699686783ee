"""The engine's one interview driver (engine/interview/driver.py), as any front end uses it: real speech,
the real model, a real SQLite file; the stored state tells the truth of how the interview ended."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from engine.audio.file_source import FileSource
from engine.config.settings import AppPaths, SpeechSettings
from engine.errors import ConfigError
from engine.interview.config import InterviewConfig
from engine.interview.driver import END, SKIP, Choice, drive
from engine.interview.events import QuestionAsked
from engine.interview.modes import Mode, Timing
from engine.interview.session import InterviewSession
from engine.interview.state import SessionState
from engine.storage.store import Store
from engine.stt.factory import SttBackend, session_factory
from engine.stt.speech_model import SpeechModel
from tests.conftest import speech_file


class Scripted:
    """Choices from a list: a Choice per question, or an exception to raise; `end_after` answers, the user
    presses End (while the next question would still be asked)."""

    def __init__(self, script: list[Choice | BaseException], end_after: int | None = None) -> None:
        self.script = script
        self.asked: list[QuestionAsked] = []
        self.end_after = end_after

    @property
    def ending(self) -> bool:
        return self.end_after is not None and len(self.asked) >= self.end_after

    async def choose(self, asked: QuestionAsked) -> Choice:
        self.asked.append(asked)
        step = self.script.pop(0)
        if isinstance(step, BaseException):
            raise step
        return step


def _session(store: Store, root: Path, models: Path | None, questions: int) -> InterviewSession:
    config = InterviewConfig(language="en", question_count=questions)
    if models is None:

        def factory(language: str, hints: tuple[str, ...]) -> object:
            raise AssertionError("nothing is answered in this interview")

        return InterviewSession(config, store, AppPaths(root), factory, "local")  # type: ignore[arg-type]
    stt = session_factory(SttBackend.LOCAL, SpeechModel(SpeechSettings(), models))
    return InterviewSession(config, store, AppPaths(root), stt, "local")


async def test_an_interview_the_user_ends_early_is_stored_interrupted_with_what_was_said(
    tmp_path: Path, models_dir: Path
) -> None:
    store = await Store.open(tmp_path / "db.sqlite3")
    try:
        session = _session(store, tmp_path, models_dir, questions=3)
        answer = Choice.answer(FileSource(speech_file("en/jfk.flac"), realtime=False))
        choices = Scripted([answer], end_after=1)
        run = await drive(session, choices)
        assert run.final is SessionState.INTERRUPTED
        assert len(run.turns) == 1 and run.turns[0].outcome is not None
        assert "americans" in run.turns[0].outcome.transcript.lower()
        detail = await store.session_detail(session.session_id)
        assert detail is not None and detail.status == "interrupted"
        assert len(detail.questions) == 1, "the questions after End are never asked, nor stored as asked"
        assert detail.questions[0].answers[0].status == "complete"
    finally:
        await store.close()


async def test_end_on_the_last_question_completes_and_skipping_everything_is_no_completion(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "db.sqlite3")
    try:
        skipped = await drive(_session(store, tmp_path, None, questions=2), Scripted([SKIP, SKIP]))
        assert skipped.final is SessionState.INTERRUPTED, "nothing answered: not complete"
        assert [t.outcome for t in skipped.turns] == [None, None]
        ended = await drive(_session(store, tmp_path, None, questions=2), Scripted([SKIP, END]))
        assert ended.final is SessionState.INTERRUPTED
        assert [r.status for r in await store.list_sessions()] == ["interrupted", "interrupted"]
    finally:
        await store.close()


async def test_an_error_ends_the_interview_failed_and_a_cancel_ends_it_interrupted(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "db.sqlite3")
    try:
        broken = _session(store, tmp_path, None, questions=2)
        with pytest.raises(ConfigError):
            await drive(broken, Scripted([ConfigError("config.too_many_answers", answers=3, questions=2)]))
        waiting = _session(store, tmp_path, None, questions=2)
        never: asyncio.Future[Choice] = asyncio.get_running_loop().create_future()

        class Waiting(Scripted):
            async def choose(self, asked: QuestionAsked) -> Choice:
                self.asked.append(asked)
                return await never  # the user never presses a button: the app closes

        choices = Waiting([])
        task = asyncio.create_task(drive(waiting, choices))
        while not choices.asked:
            await asyncio.sleep(0)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        statuses = {r.id: r.status for r in await store.list_sessions()}
        assert statuses == {broken.session_id: "failed", waiting.session_id: "interrupted"}
    finally:
        await store.close()


class Timed:
    """Real mode's side of a user who never presses a button: the question takes `put_s` to be read aloud;
    `skip_at` seconds into the preparation, Skip is pressed (None: never)."""

    ending = False

    def __init__(self, put_s: float, skip_at: float | None = None) -> None:
        self.put_s, self.skip_at = put_s, skip_at
        self.events: list[tuple[str, float]] = []
        self.loop = asyncio.get_running_loop()

    async def question_put(self, asked: QuestionAsked) -> None:
        await asyncio.sleep(self.put_s)
        self.events.append(("put", self.loop.time()))

    async def choose(self, asked: QuestionAsked) -> Choice:
        self.events.append(("asked", self.loop.time()))
        if self.skip_at is None:
            await asyncio.Event().wait()
        await asyncio.sleep(self.put_s + self.skip_at)
        return SKIP

    def time_to_answer(self, asked: QuestionAsked) -> Choice:
        self.events.append(("answer", self.loop.time()))
        return Choice.answer(FileSource(speech_file("en/jfk.flac"), realtime=False))


def _real(store: Store, root: Path, models: Path, prep_s: float) -> InterviewSession:
    config = InterviewConfig(language="en", question_count=1, mode=Mode.REAL, timing=Timing(prep_s, 5.0))
    stt = session_factory(SttBackend.LOCAL, SpeechModel(SpeechSettings(), models))
    return InterviewSession(config, store, AppPaths(root), stt, "local")


async def test_real_mode_prepares_once_the_question_is_put_then_answers_on_its_own_or_as_the_user_chose(
    tmp_path: Path, models_dir: Path
) -> None:
    store = await Store.open(tmp_path / "db.sqlite3")
    try:
        waiting = Timed(put_s=0.3)
        run = await drive(_real(store, tmp_path, models_dir, prep_s=0.4), waiting)
        times = dict(waiting.events)
        # The preparation ran after the question was read, not while it was: 0.3 s + 0.4 s, not 0.4 s.
        assert times["answer"] - times["asked"] >= 0.65
        assert times["answer"] - times["put"] >= 0.35
        outcome = run.turns[0].outcome
        assert outcome is not None and 4.5 <= (outcome.metrics.duration_s if outcome.metrics else 0) <= 5.5
        # A choice made during the preparation is the one that counts.
        skipping = Timed(put_s=0.1, skip_at=0.1)
        run = await drive(_real(store, tmp_path, models_dir, prep_s=2.0), skipping)
        assert [t.outcome for t in run.turns] == [None]
        assert "answer" not in dict(skipping.events)
    finally:
        await store.close()
