"""One interview: ask, listen, transcribe, store, analyse; question after question.

Everything the user says is kept as it happens: each final segment is committed before it is shown, the
answer's audio is written as it arrives, and an error in one answer (a damaged file, a lost microphone)
keeps what was heard and lets the interview go on.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from engine.audio.frames import SAMPLE_RATE, AudioSource
from engine.audio.recording import AnswerRecorder
from engine.config.settings import AppPaths
from engine.errors import AppError
from engine.feedback.criteria import invites_last_word
from engine.feedback.cues import classify, cues
from engine.feedback.posting import posting_keywords
from engine.feedback.question_type import QuestionType
from engine.feedback.view import FeedbackView
from engine.interview import personas
from engine.interview.aftercare import Aftercare
from engine.interview.answer_capture import Captured, CaptureHooks, capture
from engine.interview.answer_figures import figures_of, recording_error
from engine.interview.config import InterviewConfig
from engine.interview.documents import MAX_CHARS
from engine.interview.events import (
    AnswerFinished,
    ErrorRaised,
    FeedbackReady,
    InterviewEvent,
    Listener,
    Notice,
    QuestionAsked,
    QuestionText,
    RecognitionChanged,
    SessionComplete,
    SessionStarted,
    StateChanged,
    TranscriptUpdated,
)
from engine.interview.modes import Mode
from engine.interview.progress import AnswerOutcome, Progress
from engine.interview.questions import interview_questions
from engine.interview.state import SessionState, check_move
from engine.interview.stored_transcript import TranscriptKeeper, hotwords
from engine.interview.turns import START_DEADLINE_S, TurnPlan
from engine.llm.contract import LanguageModel
from engine.llm.desk import desk_for
from engine.llm.interviewer import LlmInterviewer
from engine.llm.summary import Summaries
from engine.storage.records import error_json
from engine.storage.store import Store
from engine.storage.transcripts import OwedReread
from engine.stt.contract import RecognitionNotice, StreamingTranscriptionSession, TranscriptEvent

if TYPE_CHECKING:  # it loads CTranslate2: only once the model has loaded
    from engine.stt.read_ahead import ReadAhead

log = logging.getLogger(__name__)

# Questions of this many recent sessions (same language) are not asked again while others remain.
RECENT_SESSIONS = 5

# (interview language, phrase hints from the job posting) -> a new recognition session for one answer
SttFactory = Callable[[str, tuple[str, ...]], StreamingTranscriptionSession]


def hint_key(kind: QuestionType, question: str, language: str) -> str:
    """A practice question's hint (a message key): its type's, except that a closing question inviting a last
    word says a concrete point counts as much as questions (feedback/criteria.py, LAST_WORD)."""
    return "hint.closing_last_word" if invites_last_word(kind, question, cues(language)) else f"hint.{kind.value}"


class InterviewSession:
    def __init__(
        self,
        config: InterviewConfig,
        store: Store,
        paths: AppPaths,
        stt_factory: SttFactory,
        stt_backend: str,
        *,
        notices: tuple[str, ...] = (),
        language_model: LanguageModel | None = None,
        follow_ups: bool = True,
        keeper: TranscriptKeeper | None = None,
        start_deadline_s: float | None = START_DEADLINE_S,
        summaries: Summaries | None = None,
        model_seed: int | None = None,
    ) -> None:
        """`keeper`: re-reads each answer's audio for its stored transcript (local recognition); without it the
        live finals are the stored transcript (cloud recognition). `start_deadline_s`: a model that has not
        begun a question by then gives way to the bank (None: it is waited for, as nobody sits waiting).
        `summaries`: long postings and résumés the model reads as their kept summaries. `model_seed`: the
        interviewer model's sampling, fixed where a run must repeat (tests); None samples afresh."""
        # A pasted posting or résumé is capped like an opened file: a 5 MB paste made a 21 MB database.
        capped = tuple(name for name in ("job_posting", "resume") if len(getattr(config, name)) > MAX_CHARS)
        self.config = replace(config, **{name: getattr(config, name)[:MAX_CHARS] for name in capped})
        self._store = store
        self._paths = paths
        self._stt_factory = stt_factory
        self._stt_backend = stt_backend
        self._notices = notices + tuple("document.pasted_capped" for _ in capped[:1])
        self._listeners: list[Listener] = []
        self.state = SessionState.SETTING_UP
        self.session_id = 0
        self._progress = Progress()
        self._source: AudioSource | None = None
        self._keywords: tuple[str, ...] = ()  # the job posting's terms, to see which answers touch
        self._hotwords: tuple[str, ...] = ()
        self._language_model = language_model
        self._interviewer: LlmInterviewer | None = None
        self._follow_ups = follow_ups
        self._start_deadline_s = start_deadline_s
        self._summaries = summaries
        self._model_seed = model_seed
        # Each answer's re-read and scoring run in the background while the next question is asked.
        self._keeper = keeper
        self._aftercare = Aftercare(store, config.language, keeper, self._emit, lambda: self.session_id)

    # -- events -------------------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _emit(self, event: InterviewEvent) -> None:
        for listener in list(self._listeners):
            listener(event)

    async def _move(self, target: SessionState) -> None:
        check_move(self.state, target)
        self.state = target
        await self._store.set_session_status(self.session_id, target.value, ended=target.is_terminal)
        self._emit(StateChanged(self.session_id, target))

    # -- the interview ------------------------------------------------------------------------------
    @property
    def has_next_question(self) -> bool:
        return self._progress.plan is not None and self._progress.plan.has_next

    async def begin(self) -> None:
        recent = await self._store.recent_bank_ids(self.config.language, RECENT_SESSIONS)
        # The bank is read from disk on first use: off the loop.
        if self.config.job_posting:
            self._keywords = await asyncio.to_thread(posting_keywords, self.config.job_posting, self.config.language)
        # The posting's and résumé's terms (names of the company, its products, technologies) bias recognition,
        # live and in the re-read alike.
        config = self.config
        self._hotwords = await asyncio.to_thread(hotwords, config.job_posting, config.resume, config.language)
        await asyncio.to_thread(personas.warm_up)  # the persona's wording, read before the first turn needs it
        self._progress.questions = await asyncio.to_thread(interview_questions, config, frozenset(recent))
        if self._language_model is not None:
            seeds = tuple(q.text for q in self._progress.questions)
            brief = await asyncio.to_thread(self.config.brief, seeds, self._summaries)  # kept summaries: files
            # One desk per model, shared with the reviews an earlier interview may still be writing: a question
            # of this one goes before them.
            self._interviewer = LlmInterviewer(desk_for(self._language_model), brief, seed=self._model_seed)
            self._interviewer.read_ahead()  # the posting and résumé are read while the opener is asked
        self._progress.plan = TurnPlan(
            self._progress.questions,
            self.config.language,
            self._interviewer,
            self._follow_ups,
            start_deadline_s=self._start_deadline_s,
            persona=config.persona,
            verbatim=bool(config.given),
        )
        stored = {**self.config.to_dict(), "question_count": len(self._progress.questions)}
        if self._interviewer is not None:
            stored["interviewer_model"] = self._interviewer.model_name
        self.session_id = await self._store.create_session(stored, self._stt_backend)
        self._emit(SessionStarted(self.session_id, len(self._progress.questions)))
        for key in self._notices:
            self._emit(Notice(self.session_id, key))

    async def ask_next(self) -> QuestionAsked | None:
        """Ask the next question; None if there was none after all (the model failed on the last follow-up),
        and the interview can complete."""
        plan = self._progress.plan
        assert plan is not None, "begin() first"
        last_chance = plan.only_a_follow_up_left
        if not last_chance:
            await self._move(SessionState.ASKING)
        number = self._progress.asked + 1

        def streaming(text: str) -> None:
            self._emit(QuestionText(self.session_id, number, text))

        if self._keeper is not None and self._interviewer is not None:
            # The interviewer model writes the next question on the same cores: earlier answers' readings wait.
            self._keeper.hold()
        try:
            planned, notices = await plan.next_question(streaming)
        finally:
            if self._keeper is not None and self._interviewer is not None:
                self._keeper.release()
        for notice in notices:
            self._emit(Notice(self.session_id, notice.key, notice.params))
        if planned is None:
            return None
        if last_chance:  # asking only once there is something to ask: else the interview completes from here
            await self._move(SessionState.ASKING)
        self._progress.asked = number
        self._progress.question = planned.text
        # A bank question carries its type; a question the model wrote is read for one.
        self._progress.question_type = (
            planned.bank.kind if planned.source == "bank" else classify(planned.text, self.config.language)
        )
        self._progress.question_row = await self._store.add_question(
            self.session_id,
            number,
            planned.bank.id,
            planned.text,
            planned.bank.category.value,
            kind=planned.kind.value,
            source=planned.source,
            question_type=self._progress.question_type.value,
        )
        timing = self.config.timing if self.config.mode is Mode.REAL else None
        event = QuestionAsked(
            self.session_id,
            number,
            self._progress.question_row,
            planned.text,
            planned.bank.category.value,
            planned.kind.value,
            planned.source,
            lead_in=planned.lead_in,
            question_type=self._progress.question_type.value,
            hint=hint_key(self._progress.question_type, planned.text, self.config.language)
            if self.config.mode is Mode.PRACTICE
            else "",
            prep_s=timing.prep_s if timing else 0.0,
            answer_s=timing.answer_s if timing else 0.0,
        )
        self._emit(event)
        if number == 1:
            plan.prime()
        return event

    def finish_answer(self) -> None:
        """The user is done speaking (button, key, or end of silence): stop the audio source."""
        if self._source is not None:
            self._source.stop()

    async def answer(self, source: AudioSource) -> AnswerOutcome:
        """Listen to one answer until its source ends or finish_answer() is called."""
        await self._move(SessionState.LISTENING)
        relative = Path("recordings") / f"session-{self.session_id}" / f"answer-{self._progress.asked}.flac"
        answer_id = await self._store.start_answer(
            self.session_id, self._progress.question_row, relative.as_posix(), reread=self._keeper is not None
        )
        recorder = AnswerRecorder(self._paths.data_dir / relative)
        stt = self._stt_factory(self.config.language, self._hotwords)
        self._source = source
        timing = self.config.timing if self.config.mode is Mode.REAL else None
        heard = Captured()

        async def store_final(event: TranscriptEvent) -> None:
            await self._store.add_final(answer_id, event)
            if self._progress.plan is not None:  # the next question is drafted as the answer grows
                self._progress.plan.answer_progress(" ".join(f.text for f in heard.with_final(event)))

        def time_up() -> None:
            seconds = (("seconds", f"{timing.answer_s:g}" if timing else ""),)
            self._emit(Notice(self.session_id, "answer.time_up", seconds))

        hooks = CaptureHooks(
            store_final,
            lambda event: self._emit(TranscriptUpdated(self.session_id, answer_id, event)),
            self._recognition_notice,
            time_up,
        )
        ahead = None
        if self._keeper is not None:
            self._keeper.hold()  # earlier answers' readings pause while this one is recognised live
        try:
            try:
                if self._keeper is not None:
                    ahead = self._keeper.read_ahead(self.config.language, self._hotwords)  # read as it is given
                await stt.start()
                try:
                    limit = int(timing.answer_s * SAMPLE_RATE) if timing else None
                    await capture(source, stt, recorder, heard, hooks, limit=limit, ahead=ahead)
                except* AppError as errors:
                    error = errors.exceptions[0]
                    await self._settle_answer(answer_id, recorder, heard, "failed", error, ahead)
                    ahead = None  # its reading finishes it, or it was stopped
                    raise error from None
                finally:
                    self._source = None
                    await stt.close()
            finally:
                if self._keeper is not None:
                    self._keeper.release()
            cut_short = "incomplete" if heard.finals or heard.samples else "failed"
            status = "complete" if heard.source_error is None else cut_short
            return await self._settle_answer(answer_id, recorder, heard, status, heard.source_error, ahead)
        except BaseException:
            # The answer was let go (the interview ended, settling was cancelled): a reader not yet taken by its
            # reading stops with it; once taken, stopping it loses only its part under way, read then at the end.
            if ahead is not None:
                ahead.stop()
            raise

    def _recognition_notice(self, notice: RecognitionNotice) -> None:
        """A cloud backend's news: its state for the status bar; a fallback as a notice, or as an error when
        the user has something to fix (the answer itself goes on either way)."""
        self._emit(RecognitionChanged(self.session_id, notice.backend, notice.state))
        if notice.error is not None:
            self._emit(ErrorRaised(self.session_id, notice.error))
        elif notice.key:
            self._emit(Notice(self.session_id, notice.key, notice.params))

    async def _settle_answer(
        self,
        answer_id: int,
        recorder: AnswerRecorder,
        heard: Captured,
        status: str,
        error: BaseException | None,
        ahead: ReadAhead | None,
    ) -> AnswerOutcome:
        finals, samples = heard.finals, heard.samples
        write_error = await recorder.close()
        app_error = error if isinstance(error, AppError) else None
        if write_error is not None and app_error is None:
            app_error = recording_error(write_error, recorder.path)
        transcript = " ".join(f.text for f in finals)
        duration = samples / SAMPLE_RATE
        await self._move(SessionState.THINKING)
        await self._store.finish_answer(
            answer_id,
            status,
            duration,
            transcript,
            error=error_json(app_error.key, app_error.params) if app_error else "",
            audio_path=None if recorder.exists else "",
        )
        figures = None
        if finals:
            question = (self._progress.question, self._progress.question_type)
            recording = recorder.path if recorder.exists and write_error is None else None
            words = [w for f in finals for w in f.words]
            language, keywords = self.config.language, self._keywords
            figures = await figures_of(words, transcript, duration, language, question, keywords, recording)
            await self._store.save_metrics(answer_id, figures.document)
        if self._keeper is not None:  # before scoring is queued: the score waits for this reading
            if recorder.exists and write_error is None and (finals or samples):  # read again, in the background
                config, progress = self.config, self._progress
                self._aftercare.reread(OwedReread(
                    answer_id, self.session_id, config.language, recorder.path, duration, progress.question,
                    progress.question_type.value, config.job_posting, config.resume, None, transcript,
                ), ahead)  # fmt: skip
                ahead = None  # the reading finishes it
            else:
                await self._store.give_up_reread(answer_id)  # nothing to read again: the live text stays
        if ahead is not None:
            ahead.stop()
        self._emit(AnswerFinished(self.session_id, answer_id, transcript, duration, status))
        self._after_answer(answer_id, transcript, figures.content if figures else None)
        if app_error is not None:
            self._emit(ErrorRaised(self.session_id, app_error))
        if figures is not None:
            self._emit(FeedbackReady(self.session_id, answer_id, figures.metrics, figures.content))
        await self._move(SessionState.FEEDBACK)
        if status == "failed" or not (samples or finals):  # no audio arrived (a file or microphone gave none)
            self._progress.failed += 1
        else:
            self._progress.answered += 1
        metrics = figures.metrics if figures else None
        return AnswerOutcome(answer_id, status, transcript, tuple(finals), metrics, app_error)

    async def skip(self) -> None:
        """No answer to the current question (the candidate passed on it)."""
        await self._move(SessionState.LISTENING)
        answer_id = await self._store.start_answer(self.session_id, self._progress.question_row, "")
        await self._store.finish_answer(answer_id, "skipped", 0.0, "")
        await self._move(SessionState.THINKING)
        self._emit(AnswerFinished(self.session_id, answer_id, "", 0.0, "skipped"))
        self._after_answer(answer_id, "")
        await self._move(SessionState.FEEDBACK)

    def _after_answer(self, answer_id: int, transcript: str, content: FeedbackView | None = None) -> None:
        plan = self._progress.plan
        if plan is None or plan.current is None:
            return
        so_far = plan.record_answer(transcript, content)
        if plan.interviewer is not None and transcript.strip():
            self._aftercare.score(plan.interviewer, answer_id, so_far, self._progress.question_type, self._keywords)

    async def complete(self) -> SessionState:
        """The interview ran to its end: complete if any question was answered; failed if answers were tried
        but no audio arrived (a missing file, a dead microphone); interrupted if every question was skipped."""
        if self._interviewer is not None:
            await self._interviewer.close()  # a draft of a question that will not be asked
        # Re-reads and the model's reviews go on: the interview is over either way, and each is stored when it
        # lands; after_interview() waits for them.
        final = self._progress.outcome()
        await self._move(final)
        self._emit(SessionComplete(self.session_id, final))
        return final

    async def after_interview(self) -> None:
        """Wait until every answer's re-read and review is stored; cancelled, they stop (re-reads stay owed)."""
        await self._aftercare.done()

    async def end(self, state: SessionState) -> None:
        """End early: the user stopped (INTERRUPTED) or an error made going on impossible (FAILED)."""
        if self._interviewer is not None:
            await self._interviewer.close()  # a draft of a question that will not be asked
        await self._aftercare.cancel()
        if self.state.is_terminal or self.session_id == 0:
            return
        await self._move(state)
        self._emit(SessionComplete(self.session_id, state))
