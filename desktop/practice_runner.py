"""Runs one interview for the practice screen: the engine's InterviewSession, driven by the user's buttons.

The screen never touches the session directly: it calls answer()/finish()/skip()/end() and listens to the
`event` signal, which carries the engine's own frozen events (pushed, never polled).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from desktop.context import AppContext
from desktop.voice import InterviewerVoice
from engine.audio.frames import AudioFrame, AudioSource
from engine.audio.gate import GatedSource, TurnGate
from engine.audio.tap import TappedSource
from engine.errors import AppError
from engine.interview.config import InterviewConfig
from engine.interview.driver import END, SKIP, Choice, drive
from engine.interview.events import InterviewEvent, Notice, QuestionAsked, ReviewWriting, SessionStarted
from engine.interview.session import InterviewSession
from engine.interview.silence import SilenceCountdownSource
from engine.interview.state import SessionState
from engine.stt.factory import SttBackend, session_factory

log = logging.getLogger(__name__)


class PracticeRunner(QObject):
    engine_event = Signal(object)  # an engine InterviewEvent (not "event": that is QObject.event())
    awaitingChoice = Signal(bool)  # True: a question is up and the user may start, skip or end
    frame = Signal(object)  # AudioFrame of the answer being heard (level meter, timer, pace)
    countdown = Signal(object)  # seconds left before silence ends the answer, or None (no countdown)
    questionPut = Signal()  # the question has been read aloud (or shown): real mode's preparation starts
    ended = Signal(int, object)  # session id, final SessionState

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.session: InterviewSession | None = None
        self.backend = _backend(ctx.preferences.stt_backend)
        self.gate = TurnGate()
        self.voice = InterviewerVoice(ctx, self.gate)
        self._speaking: asyncio.Task[None] | None = None
        self._choice: asyncio.Future[Choice] | None = None
        self._ending = False  # the user ended the interview
        self._language = "en"  # of the interview running
        self.running = False

    def start(self, config: InterviewConfig) -> None:
        self._ending = False
        self.running = True
        self.ctx.tasks.spawn(self._run(config), "practice-interview")

    # -- the user's buttons -------------------------------------------------------------------------
    def _choose(self, choice: Callable[[], Choice]) -> None:
        if self._choice is not None and not self._choice.done():
            self._choice.set_result(choice())

    def answer(self) -> None:
        # Taking the turn while the question is still being read stops the voice (the gate's tail still
        # keeps its last syllable out of the answer).
        self._silence_voice()
        self._choose(lambda: Choice.answer(self._answer_source()))  # the microphone opens only for an answer

    def _silence_voice(self) -> None:
        # Cancelling the task stops a question still being rendered as well as one being played.
        if self._speaking is not None and not self._speaking.done():
            self._speaking.cancel()
        self.voice.stop()

    def skip(self) -> None:
        self._silence_voice()
        self._choose(lambda: SKIP)

    def finish(self) -> None:
        """Done speaking: the answer's audio stops and its last words are transcribed."""
        if self.session is not None:
            self.session.finish_answer()

    def end(self) -> None:
        """End the interview now; an answer in progress is finished first, so nothing said is lost."""
        self._ending = True
        self._silence_voice()
        self.finish()
        self._choose(lambda: END)

    @property
    def listening(self) -> bool:
        return self.session is not None and self.session.state is SessionState.LISTENING

    # -- the interview ------------------------------------------------------------------------------
    def _forward(self, event: InterviewEvent, session: InterviewSession) -> None:
        if isinstance(event, ReviewWriting):  # reviews land after the interview too: the review page follows
            if event.done:
                self.ctx.reviews_writing.discard(event.answer_id)
            else:
                self.ctx.reviews_writing.add(event.answer_id)
            self.ctx.reviewsChanged.emit(event.session_id)
        if session is self.session:  # an earlier interview's late reviews are not this one's news
            self.engine_event.emit(event)

    async def _tell_if_reading_failed(self, session: InterviewSession, weak_said: bool) -> None:
        """The chosen reading model did not load: the practice screen says so (the live one reads instead), and
        that base is weak in Korean, if base reads and that was not said already."""
        await self.ctx.keeper.loaded()
        failed = self.ctx.keeper.failure_notice(self.ctx.errors.language)
        if failed is None:
            return
        self._forward(Notice(session.session_id, *failed), session)
        if self._language == "ko" and self.ctx.keeper.reading_model == "base" and not weak_said:
            self._forward(Notice(session.session_id, "model.korean_base_weak"), session)

    # -- Choices, for the engine's driver -------------------------------------------------------------
    @property
    def ending(self) -> bool:
        return self._ending

    async def choose(self, asked: QuestionAsked) -> Choice:
        """Read the question aloud, then wait for the user's button."""
        said = f"{asked.lead_in} {asked.text}" if asked.lead_in else asked.text
        self._speaking = self.ctx.tasks.spawn(self.voice.say(said, self._language), "speak-question")
        self._choice = asyncio.get_running_loop().create_future()
        self.awaitingChoice.emit(True)
        try:
            return await self._choice
        finally:
            self._choice = None
            self.awaitingChoice.emit(False)

    async def question_put(self, asked: QuestionAsked) -> None:
        await asyncio.sleep(0)  # choose(), scheduled first, has begun reading the question aloud
        speaking = self._speaking
        if speaking is not None and not speaking.done():
            await asyncio.wait({speaking})
        self.questionPut.emit()

    def time_to_answer(self, asked: QuestionAsked) -> Choice:
        """Real mode: the preparation time is over and the microphone opens."""
        self._silence_voice()
        return Choice.answer(self._answer_source())

    async def _run(self, config: InterviewConfig) -> None:
        self._language = config.language
        self.backend = _backend(self.ctx.preferences.stt_backend)  # a change in Settings applies from here
        # The stored transcript, which the feedback reads, is the reading model's: base there is weak in Korean.
        weak = config.language == "ko" and self.ctx.keeper.reading_model == "base"
        notices = ("model.korean_base_weak",) if weak else ()
        session = InterviewSession(
            config,
            self.ctx.store,
            self.ctx.paths,
            session_factory(self.backend, self.ctx.speech_model, self.ctx.cloud),
            self.backend.value,
            notices=notices,
            language_model=await self.ctx.interviewer_model(),
            follow_ups=self.ctx.preferences.follow_ups,
            keeper=self.ctx.keeper if self.backend is SttBackend.LOCAL else None,
            start_deadline_s=self.ctx.question_start_s,
            summaries=self.ctx.summaries,
            model_seed=self.ctx.model_seed,
        )
        self.session = session
        if self.backend is SttBackend.LOCAL:
            self.ctx.keeper.start()  # its own copy of the model, to read answers ahead (loaded once, idle cores)
            self.ctx.tasks.spawn(self._tell_if_reading_failed(session, weak), "reading-model-check")
        session.subscribe(lambda event: self._forward(event, session))
        session.subscribe(self._on_started)
        final = SessionState.INTERRUPTED  # the app is closing (cancelled): what was said is kept
        try:
            final = (await drive(session, self)).final
        except AppError:
            final = SessionState.FAILED
            raise
        finally:
            self.running = False
            self.ctx.historyChanged.emit()
            self.ended.emit(session.session_id, final)
            if final is not SessionState.COMPLETE and session.session_id:
                # An interview ended early cancels its re-reads: they are done here, after it.
                self.ctx.tasks.spawn(self.ctx.keeper.catch_up(session.session_id), "reread-ended")
        # Its answers' re-reads and reviews go on after it, in this task, which is already running: closing the
        # app cancels it, and they stop with it (the re-reads owed till the next start). A task of their own
        # could be cancelled before its first step, leaving them running as the loop closed.
        await session.after_interview()
        if self.session is session:
            self.session = None  # its late news is no longer the practice screen's

    def _on_started(self, event: InterviewEvent) -> None:
        if isinstance(event, SessionStarted):
            self.ctx.historyChanged.emit()  # the new interview shows in History at once

    def _answer_source(self) -> AudioSource:
        """Microphone → turn-taking gate → silence countdown → the screen's meters → the session."""
        source: AudioSource = GatedSource(self.ctx.answer_source(), self.gate)
        limit = self.ctx.preferences.silence_end_s
        if limit > 0:
            source = SilenceCountdownSource(source, limit, self.countdown.emit)
        return TappedSource(source, self._on_frame)

    def _on_frame(self, frame: AudioFrame) -> None:
        self.frame.emit(frame)


def _backend(name: str) -> SttBackend:
    try:
        return SttBackend(name)
    except ValueError:
        log.warning("unknown speech backend %r in preferences; using local recognition", name)
        return SttBackend.LOCAL
