"""What follows each answer in the background while the next question is asked: its re-read for the stored
transcript (engine/interview/stored_transcript.py), then the interviewer model's score of it, taken on the
transcript as stored. The interview owns these tasks: completing waits for them, ending early cancels them
(a cancelled re-read stays owed and is done at the next start)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from engine.errors import AppError, LlmError
from engine.feedback.assess import assess
from engine.feedback.question_type import QuestionType
from engine.feedback.view import build_view
from engine.interview.events import ErrorRaised, InterviewEvent, Notice, ReviewWriting, ScoreUpdated, TranscriptStored
from engine.interview.stored_transcript import TranscriptKeeper
from engine.llm.interviewer import Exchange, LlmInterviewer
from engine.storage.store import Store
from engine.storage.transcripts import OwedReread

if TYPE_CHECKING:  # it loads CTranslate2: only once the model has loaded
    from engine.stt.read_ahead import ReadAhead

log = logging.getLogger(__name__)


class Aftercare:
    def __init__(
        self,
        store: Store,
        language: str,
        keeper: TranscriptKeeper | None,
        emit: Callable[[InterviewEvent], None],
        session_id: Callable[[], int],  # known once the interview has begun
    ) -> None:
        self._store = store
        self._session_id = session_id
        self._language = language
        self._keeper = keeper
        self._emit = emit
        self._scoring: set[asyncio.Task[None]] = set()
        self._rereads: dict[int, asyncio.Task[TranscriptStored | None]] = {}  # answer id → its re-read

    def reread(self, owed: OwedReread, ahead: ReadAhead | None = None) -> None:
        """Read the answer's whole audio again for its stored transcript (the rest of what `ahead` read while
        it was given); its event follows when it is stored."""
        keeper = self._keeper
        assert keeper is not None

        async def reread() -> TranscriptStored | None:
            stored = await keeper.reread(owed, ahead)
            if stored is not None:
                self._emit(stored)
            return stored

        task = asyncio.get_running_loop().create_task(reread(), name="reread")
        if ahead is not None:  # cancelled before its first step, the reading never took the reader
            task.add_done_callback(lambda _task: ahead.stop())
        self._rereads[owed.answer_id] = task

    def score(
        self,
        interviewer: LlmInterviewer,
        answer_id: int,
        so_far: list[Exchange],
        kind: QuestionType,
        keywords: Iterable[str],
    ) -> None:
        """The model's review of the answer, in the background: on its stored transcript once it is read again."""
        terms = tuple(keywords)

        async def scored() -> None:
            reread, stored = self._rereads.get(answer_id), None
            if reread is not None:
                with contextlib.suppress(Exception):  # a failed re-read is said by done() or cancel()
                    stored = await reread
            # Scored on the stored transcript where there is one: the one the review and the PDF show.
            exchanges = so_far if stored is None else [*so_far[:-1], replace(so_far[-1], answer=stored.transcript)]
            try:
                review = await interviewer.score(exchanges, kind)
            except LlmError as error:  # malformed twice, or the model is gone: model-free feedback stands
                log.warning("answer %d not scored: %s", answer_id, error)
                self._emit(Notice(self._session_id(), error.key, tuple((k, str(v)) for k, v in error.params.items())))
                return
            asked = exchanges[-1]
            # The model's quotes count only where they are in the transcript; its verdict only confirms.
            reading = await asyncio.to_thread(
                assess, asked.question, asked.answer, self._language, kind, terms, review.quotes, review.relevant
            )
            content = build_view(reading)
            await self._store.save_score(answer_id, review.to_dict(), content.to_stored())
            self._emit(ScoreUpdated(self._session_id(), answer_id, content, review))

        task = asyncio.get_running_loop().create_task(scored(), name="llm-score")
        self._scoring.add(task)
        self._emit(ReviewWriting(self._session_id(), answer_id, done=False))

        def ended(task: asyncio.Task[None]) -> None:
            self._scoring.discard(task)
            self._emit(ReviewWriting(self._session_id(), answer_id, done=True))

        task.add_done_callback(ended)

    async def cancel(self) -> None:
        """Cancel every score and re-read (a cancelled re-read stays owed); their failures are said, not raised."""
        pending: list[asyncio.Task[Any]] = [*self._scoring, *self._rereads.values()]
        for task in pending:
            task.cancel()
        await self._said(pending)

    async def done(self) -> None:
        """Wait for every re-read and review to be stored (after the interview, as each lands); cancelled, it
        cancels them and waits for them to stop (the re-reads stay owed). The tasks exist already and are
        awaited in the caller's own task: a task made here could be cancelled before its first step."""
        pending = [*self._rereads.values(), *self._scoring]
        try:
            await self._said(pending)
        except asyncio.CancelledError:
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
            raise

    async def _said(self, pending: list[asyncio.Task[Any]]) -> None:
        for outcome in await asyncio.gather(*pending, return_exceptions=True):
            if isinstance(outcome, AppError):  # e.g. the score could not be stored: say so, go on
                self._emit(ErrorRaised(self._session_id(), outcome))
            elif isinstance(outcome, Exception):
                log.error("work after an answer failed unexpectedly", exc_info=outcome)
