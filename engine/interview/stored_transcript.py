"""The keeper of stored transcripts: each answer's audio read again after it ends (engine/stt/reread.py), its
figures and content feedback worked out again from that reading, and the swap stored in one transaction.

Re-reads run one at a time, on a worker, in the background: an interview hands each answer over as it ends
and goes on asking; the app hands over, at start, the answers a kill left owing. Listeners hear of every
stored transcript (the review and the history then read it back).

Where threads can run below the others (engine/runtime/priority.py), or a core is spare beside the live
model's threads, the readings use a copy of the speech model of their own, on one thread (lowered where
possible): an answer is then read ahead while it is given (engine/stt/read_ahead.py), and a reading goes on
while the next answer is recognised live. Elsewhere they share the live model and wait between Whisper's
windows while an answer is live. A reading model other than
the live one (a larger one, chosen in Settings) is always loaded apart; if it cannot load, the live one reads.
Each stored reading keeps what it cost on this machine (engine/storage/reading_costs.py), for Settings.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import threading
import weakref
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
import psutil

from engine.analysis.metrics import AnswerMetrics, analyse
from engine.audio.file_source import read_samples
from engine.audio.frames import SAMPLE_RATE
from engine.config.settings import SpeechSettings
from engine.errors import AppError, AudioFileError, ModelError
from engine.feedback.assess import assess
from engine.feedback.cues import classify
from engine.feedback.posting import posting_keywords
from engine.feedback.question_type import QuestionType
from engine.feedback.view import FeedbackView, build_view
from engine.interview.events import TranscriptStored
from engine.runtime.priority import can_lower_threads
from engine.storage.reading_costs import ReadingCost
from engine.storage.store import Store
from engine.storage.transcripts import OwedReread
from engine.stt.speech_model import SpeechModel

if TYPE_CHECKING:  # the reading's modules load CTranslate2 and ONNX Runtime: only once the model passed its probe
    from engine.stt.read_ahead import ReadAhead
    from engine.stt.reread import Reading
    from engine.stt.whisper_decode import WhisperDecoder

log = logging.getLogger(__name__)


StoredListener = Callable[[TranscriptStored], None]
# The readings' copy of the model computes on one thread. With two, beside the live passes' two on a 2-core
# machine, the parts of a 157 s answer fell behind it and its transcript was ready 15 s after its end; with
# one they kept up and it was ready in 3-4 s (bench/stt_streaming.py). A reading with nothing live beside it
# (a catch-up at start) takes about twice as long for it.
READING_THREADS = 1


def physical_cores() -> int:
    # Physical, not logical: a reading on a core's second hardware thread still slows the live pass on its first.
    return psutil.cpu_count(logical=False) or os.cpu_count() or 1


def reads_beside_live(live_threads: int) -> bool:
    """Whether answers are read on a copy of the model of their own while one is given (read ahead): where its
    threads run below the others (Linux), or where the physical cores leave one for it beside the live model's
    threads and one for the rest of the app (audio, the window). Elsewhere a reading at normal priority would
    take its core from the live passes, so it shares the live model and waits while an answer is live. (A
    local interviewer model computes mostly between answers, on every core, and is not counted.)"""
    return can_lower_threads() or physical_cores() >= live_threads + READING_THREADS + 1


def hotwords(posting: str, resume: str, language: str) -> tuple[str, ...]:
    """The posting's and résumé's terms (company, product and technology names among them), to bias the
    reading towards them."""
    terms = posting_keywords(posting, language, limit=24) + posting_keywords(resume, language, limit=16)
    # In alphabetical order: Whisper reads its prompt as text already said, and terms in the order an answer
    # says them made it skip that stretch of speech (bench/stt_streaming.py --hotwords).
    return tuple(sorted(dict.fromkeys(terms)))


class TranscriptKeeper:
    def __init__(
        self,
        store: Store,
        model: SpeechModel,
        *,
        own_model: bool | None = None,
        reading: SpeechSettings | None = None,
    ) -> None:
        """`model`: the live recognition's. `reading`: the model that reads answers again (by default the live
        one; a larger one gives a better stored transcript, at a cost Settings show). `own_model`: whether the
        readings load a copy of their own and read ahead (by default `reads_beside_live`) or share the live
        model; a different reading model is always loaded apart, and reads ahead only where it would too."""
        self._store = store
        self._live = model
        reading = reading or model.settings
        low = reads_beside_live(model.settings.cpu_threads) if own_model is None else own_model
        if low or reading.model != model.settings.model:
            threads = READING_THREADS if low else reading.cpu_threads
            self._model = SpeechModel(replace(reading, cpu_threads=threads), model.models_dir, low_priority=low)
        else:
            self._model = model
        self.chosen_model = reading.model  # the model chosen to read answers again
        self.failure: ModelError | None = None  # why the chosen reading model did not load (the live one reads)
        self._loading: asyncio.Task[WhisperDecoder] | None = None
        self._readers: weakref.WeakSet[ReadAhead] = weakref.WeakSet()  # to stop at close
        self._one_at_a_time = asyncio.Lock()  # two readings at once would only share the same cores
        self._listeners: list[StoredListener] = []
        self._pending: dict[int, asyncio.Future[TranscriptStored | None]] = {}  # answer id → its reading
        self._go = threading.Event()  # clear while a live answer is recognised: readings wait between windows
        self._go.set()
        self._holds = 0

    @property
    def reading_model(self) -> str:
        """The model that reads answers again now (the live one after the chosen one failed to load)."""
        return self._model.settings.model

    def subscribe(self, listener: StoredListener) -> None:
        self._listeners.append(listener)

    def start(self) -> None:
        """Load the readings' own copy of the model, once the live one is ready (idempotent)."""
        if self._model is not self._live and self._loading is None:
            self._loading = asyncio.get_running_loop().create_task(self._decoder(), name="reading-model-load")
            self._loading.add_done_callback(lambda task: task.cancelled() or task.exception())  # retrieved

    def failure_notice(self, language: str, *, cli: bool = False) -> tuple[str, tuple[tuple[str, str], ...]] | None:
        """What to tell the candidate when the chosen reading model did not load: a message key and its
        parameters (a reason in `language`), or None. `cli`: worded for the command line's options."""
        error = self.failure
        if error is None:
            return None
        names = (("name", self.chosen_model), ("live", self.reading_model))
        if cli:
            return "model.reread_failed_cli", (*names, ("reason", error.message(language)))
        if error.key == "model.not_installed" and Path(self.chosen_model).name == self.chosen_model:  # not a folder
            return "model.reread_missing", (*names, ("folder", str(error.params.get("folder", ""))))
        return "model.reread_failed", (*names, ("reason", error.message(language)))

    async def loaded(self) -> ModelError | None:
        """Once the load `start()` began has ended: why the chosen reading model failed (the live one reads),
        or None."""
        if self._loading is not None:
            await asyncio.wait({self._loading})
        return self.failure

    async def close(self) -> None:
        """Stop loading the readings' copy of the model, and every answer's reader still going (call after the
        readings have ended)."""
        if self._loading is not None and not self._loading.done():
            self._loading.cancel()
            with contextlib.suppress(asyncio.CancelledError, ModelError):
                await self._loading
        for reader in list(self._readers):
            reader.stop()
        if self._model is not self._live:
            await self._model.close()

    async def _decoder(self) -> WhisperDecoder:
        if self._model is self._live:
            return await self._live.get()
        # The live model first: its load runs the native probe, which the copy's then finds kept.
        live_error = None
        try:
            await self._live.get()
        except ModelError as error:
            live_error = error
        try:
            return await self._model.get()
        except ModelError as error:
            if live_error is not None:
                raise
            # No room for a second copy, say, or the chosen model is not installed: the readings share the
            # live model, as where threads cannot be lowered, rather than leave every answer owed. (The load at
            # start and a reading may both have waited for it: the first to get here switches.)
            if self._model is not self._live:
                log.warning("the readings' own speech model failed (%s); they share the live one", error)
                if self.chosen_model != self._live.settings.model:  # a copy of the live model is nobody's choice
                    self.failure = error
                own, self._model = self._model, self._live
                await own.close()
            if self._holds:
                self._go.clear()
            return await self._live.get()

    def read_ahead(self, language: str, terms: tuple[str, ...]) -> ReadAhead | None:
        """A reader for the answer starting now, fed its audio as it comes; None where the readings share the
        live model (reads_beside_live), or their own has not loaded yet (the answer is read once it has ended)."""
        decoder = self._model.ready() if self._model.low_priority else None
        if decoder is None:
            return None
        from engine.stt.read_ahead import ReadAhead  # loads CTranslate2: only once the model has loaded

        reader = ReadAhead(decoder, language, terms)
        self._readers.add(reader)
        return reader

    def hold(self) -> None:
        """A live answer starts: readings on the live model pause between Whisper windows (they share it and
        its cores) until `release()`. Those on a model of their own go on: at the lowest priority they only
        take what the others leave (Linux); elsewhere they have a core to spare."""
        self._holds += 1
        if not self._model.low_priority:
            self._go.clear()

    def release(self) -> None:
        self._holds = max(0, self._holds - 1)
        if not self._holds:
            self._go.set()

    async def reread(
        self, owed: OwedReread, ahead: ReadAhead | None = None, *, at_answer_end: bool = True
    ) -> TranscriptStored | None:
        """Read one answer again and store the reading; None when it stays live (no model: owed still, read
        at the next start; unreadable audio or an empty reading: the live transcript is kept for good), or
        was stored already. An answer already being read is not read twice: this waits for that reading.
        `ahead`: the answer's reader fed while it was given; it is finished or stopped here. `at_answer_end`:
        called as the answer ended, so the time till it is stored is how long the candidate's transcript took
        (kept with the reading's cost); False for a catch-up."""
        pending = self._pending.get(owed.answer_id)
        if pending is not None:
            if ahead is not None:
                ahead.stop()
            return await asyncio.shield(pending)
        done: asyncio.Future[TranscriptStored | None] = asyncio.get_running_loop().create_future()
        self._pending[owed.answer_id] = done
        result = None
        try:
            result = await self._read(owed, ahead, asyncio.get_running_loop().time() if at_answer_end else None)
        finally:
            if ahead is not None:
                ahead.stop()  # finished already, or the reading ended before it got there
            del self._pending[owed.answer_id]
            done.set_result(result)  # a cancelled reading: its waiters get None (the answer stays owed)
        if result is not None:
            for listener in list(self._listeners):
                listener(result)
        return result

    async def _read(self, owed: OwedReread, ahead: ReadAhead | None, ended: float | None) -> TranscriptStored | None:
        async with self._one_at_a_time:
            if not await self._store.reread_owed(owed.answer_id):
                return None  # read meanwhile (an interview's own reading, before a catch-up reached it)
            try:
                decoder = await self._decoder()
            except ModelError as error:
                log.warning("answer %d keeps its live transcript for now: %s", owed.answer_id, error)
                return None
            try:
                samples = await asyncio.to_thread(read_samples, owed.audio)
            except AudioFileError as error:
                log.warning("answer %d keeps its live transcript: %s", owed.answer_id, error)
                await self._store.give_up_reread(owed.answer_id)
                return None
            terms = await asyncio.to_thread(hotwords, owed.posting, owed.resume, owed.language)
            log.info("answer %d: reading its %.0f s of audio again", owed.answer_id, len(samples) / SAMPLE_RATE)
            reading = await self._run(decoder, samples, owed, terms, ahead)
            if not reading.segments and owed.live.strip():
                log.info("answer %d: the reading heard nothing; its live transcript stays", owed.answer_id)
                await self._store.give_up_reread(owed.answer_id)
                return None
            duration = owed.duration_s or len(samples) / SAMPLE_RATE  # an answer a kill cut has none stored
            metrics, content = await asyncio.to_thread(_worked_out, replace(owed, duration_s=duration), reading)
            document = {**metrics.to_dict(), "content": content.to_stored()} if metrics and content else None
            loop = asyncio.get_running_loop()
            cost = ReadingCost(
                self.reading_model,
                len(samples) / SAMPLE_RATE,
                reading.cost_s,
                None if ended is None else loop.time() - ended,
            )
            if not await self._store.store_reread(owed.answer_id, reading.segments, document, cost):
                return None  # deleted meanwhile
        log.info(
            "answer %d re-read in %.1f s (%.0f s of audio, %d words left out)",
            owed.answer_id,
            reading.seconds,
            len(samples) / SAMPLE_RATE,
            reading.dropped,
        )
        return TranscriptStored(
            owed.session_id,
            owed.answer_id,
            reading.text,
            reading.segments,
            metrics,
            content,
            reading.seconds,
            reading.dropped,
        )

    async def _run(
        self,
        decoder: WhisperDecoder,
        samples: npt.NDArray[np.int16],
        owed: OwedReread,
        terms: tuple[str, ...],
        ahead: ReadAhead | None,
    ) -> Reading:
        """The reading on a worker thread: the rest of what was read ahead, or all of it. Cancelled, it stops
        at the next window and is waited for, so the lock is never released while Whisper is still busy."""
        from engine.stt.reread import Control, ReadingStopped, reread

        control = Control(go=self._go)

        def read() -> Reading:
            read_already = ahead.finish() if ahead is not None else None  # waits for the part under way
            return reread(decoder, samples, owed.language, terms, live=owed.live, control=control, ahead=read_already)

        work = asyncio.ensure_future(asyncio.to_thread(read))
        try:
            return await asyncio.shield(work)
        except asyncio.CancelledError:
            control.stop.set()
            if ahead is not None:
                ahead.stop()  # its part under way stops too
            self._go.set()  # a paused reading wakes to stop
            await asyncio.wait({work})
            if self._holds and not self._model.low_priority:
                self._go.clear()
            if not work.cancelled() and isinstance(work.exception(), ReadingStopped):
                log.info("answer %d: reading stopped; it stays owed", owed.answer_id)
            raise

    async def catch_up(self, session_id: int | None = None) -> list[TranscriptStored]:
        """Re-read every answer still owed (one session's, or all): those a kill or a closed app left. One that
        fails is logged and keeps its live transcript; the others are still read."""
        done = []
        for owed in await self._store.owed_rereads(session_id):
            try:
                stored = await self.reread(owed, at_answer_end=False)
            except (AppError, RuntimeError, OSError, ValueError) as error:  # CTranslate2 raises RuntimeError
                log.exception("answer %d could not be read again: %s", owed.answer_id, error)
                await self._store.give_up_reread(owed.answer_id)
                continue
            if stored is not None:
                done.append(stored)
        return done


def _worked_out(owed: OwedReread, reading: Reading) -> tuple[AnswerMetrics | None, FeedbackView | None]:
    """The answer's figures and content feedback from the re-read; the model's stored quotes are checked
    against the new transcript, as they were against the live one."""
    if not reading.segments:
        return None, None
    metrics = analyse([w for s in reading.segments for w in s.words], owed.language, owed.duration_s)
    known = owed.question_type in set(QuestionType)
    kind = QuestionType(owed.question_type) if known else classify(owed.question, owed.language)
    keywords = posting_keywords(owed.posting, owed.language) if owed.posting else ()
    quotes, relevant = (owed.review.quotes, owed.review.relevant) if owed.review else (None, None)
    return metrics, build_view(assess(owed.question, reading.text, owed.language, kind, keywords, quotes, relevant))
