"""Live transcription on the user's machine: Silero VAD cuts utterances, Whisper transcribes them.

Two tasks, owned by one TaskGroup and cancelled by `close()`:
- the pump takes frames, runs the VAD on its own thread and turns probabilities into utterance events;
- the decoder runs Whisper passes on another thread, one at a time, finals first: while the candidate
  speaks it re-reads the open utterance with the stable words forced as prefix (LocalAgreement-2), and
  when silence begins it starts the final pass at once, so the final is usually ready by the time the
  silence is long enough to end the utterance.
Each utterance yields partials and then one final (an empty final retracts the partials of an utterance
that turned out to hold no speech); a short final may come once more, revised, with the next utterance's
final (engine/stt/finals.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import math
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from engine.audio.frames import SAMPLE_RATE, AudioFrame
from engine.stt.agreement import LocalAgreement
from engine.stt.contract import TranscriptEvent, TranscriptKind, Word
from engine.stt.event_queue import Done, EventQueue
from engine.stt.finals import LastFinal, Reading, differs, is_short, split_reading, stream_words
from engine.stt.segmenter import Segmenter, SegmentEvent, SegmentKind
from engine.stt.speech_model import SpeechModel
from engine.stt.vad import StreamingVad
from engine.stt.whisper_decode import MAX_HOTWORDS, Hypothesis, WhisperDecoder, closes_previous_sentence

log = logging.getLogger(__name__)

BACKEND = "local-whisper"
# A partial pass needs this much utterance audio, and this much new audio since the last pass: less is
# mostly padding and gives Whisper nothing to agree on (tuned with bench/stt_streaming.py).
MIN_PARTIAL_AUDIO_S = 0.5
MIN_NEW_AUDIO_S = 0.2
# ... and, since the last pass began, at least this many times as much new audio as that pass took: Whisper
# then stays idle about half the time, so when speech stops the final's pass mostly starts at once instead
# of after a partial pass still running (bench/stt_streaming.py; the figures are in docs/ARCHITECTURE.md).
PASS_SPACING = 2.0
PROMPT_CHARS = 200  # earlier finals given to Whisper as its prompt
# The previous utterance is re-heard as context while the span from its start stays under this (Whisper's
# window is 30 s; shorter keeps passes quick).
CONTEXT_WINDOW_S = 20.0
# Early endpoint: when the speculative final is ready, the silence has lasted this long, and Whisper ended
# the text like a finished sentence, the utterance closes now instead of after the full silence. A pause
# mid-sentence ("ask not ... what your country") still waits (tuned with bench/stt_streaming.py).
EARLY_END_SILENCE_MS = 250
# ... and after this much silence when Whisper was also sure of its words (mean word probability at least
# CONFIDENT_WORDS). An unsure reading waits longer: if speech goes on, the whole utterance is read again with
# more to go on. The same short wait for every reading cut a Korean clip at a pause between sentences and
# lost most of its first sentence (bench/stt_streaming.py; the figures are in docs/ARCHITECTURE.md).
CONFIDENT_END_SILENCE_MS = 100
CONFIDENT_WORDS = 0.7
# Utterances are contiguous: each starts where the previous one ended, so audio the VAD judged silence is
# still heard by Whisper (Silero gave 0.2-0.4 to quiet, clearly spoken words in the Deeply corpus's
# anechoic-room clips). Leading silence longer than this before the VAD's speech start is skipped.
MAX_LEAD_S = 4.0
SENTENCE_END = (".", "?", "!", "。", "？", "！", "다.", "요.")


@dataclass
class _Utterance:
    id: int
    start: int  # sample
    speech_start: int  # sample where the VAD heard speech begin (with its padding); later than start after a pause
    end: int | None = None  # sample, once the VAD closed it
    silence_at: int | None = None  # where speech seems to have stopped
    last_pass_end: int = 0
    partial_sent: bool = False
    # (end sample it covered, its reading)
    speculative: tuple[int, Reading] | None = None
    agreement: LocalAgreement = field(default_factory=LocalAgreement)


class LocalWhisperSession:
    backend = BACKEND

    def __init__(self, model: SpeechModel, language: str, hotwords: tuple[str, ...] = ()) -> None:
        """`hotwords`: the posting's and résumé's terms, which bias every pass (Whisper's prompt)."""
        self._model = model
        self._language = language
        self._hotwords = " ".join(hotwords[:MAX_HOTWORDS])
        self._frames: asyncio.Queue[AudioFrame | Done] = asyncio.Queue()
        self._events: EventQueue[TranscriptEvent] = EventQueue()
        self._wake = asyncio.Event()
        self._vad_thread = ThreadPoolExecutor(1, thread_name_prefix="vad")
        self._whisper_thread = ThreadPoolExecutor(1, thread_name_prefix="whisper")
        self._segmenter = Segmenter(model.settings.utterance_silence_ms)
        self._chunks: list[npt.NDArray[np.float32]] = []
        self._chunks_start = 0  # sample index of the first kept chunk
        self._received = 0  # samples received so far (relative to the first frame)
        self._origin: int | None = None  # start_sample of the first frame
        self._current: _Utterance | None = None
        self._closed_utterances: list[_Utterance] = []
        self._next_id = 0
        self._covered_until = 0  # sample up to which closed utterances have covered the audio
        self._input_done = False
        self._prompt = ""  # earlier finals, as Whisper's prompt
        self._last_final: LastFinal | None = None  # the context of the next utterance's passes
        self._runner: asyncio.Task[None] | None = None
        self._last_partial_s = 0.0  # how long the latest partial pass took
        self.busy_seconds = 0.0  # time spent in Whisper, for the real-time factor

    # -- the contract -------------------------------------------------------------------------------
    async def start(self) -> None:
        self._runner = asyncio.get_running_loop().create_task(self._run(), name="local-stt")

    def accept_audio(self, frame: AudioFrame) -> None:
        self._frames.put_nowait(frame)

    async def finish(self) -> None:
        """No more audio: close the open utterance and wait until its final has been delivered."""
        self._frames.put_nowait(Done())
        if self._runner is not None:
            await asyncio.shield(self._runner)

    async def close(self) -> None:
        if self._runner is not None and not self._runner.done():
            self._runner.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._runner
        self._vad_thread.shutdown(wait=False, cancel_futures=True)
        self._whisper_thread.shutdown(wait=False, cancel_futures=True)

    def events(self) -> AsyncIterator[TranscriptEvent]:
        return self._events.drain()

    # -- tasks --------------------------------------------------------------------------------------
    async def _run(self) -> None:
        failure: BaseException | None = None
        try:
            async with asyncio.TaskGroup() as group:
                group.create_task(self._pump(), name="stt-pump")
                group.create_task(self._decode_loop(), name="stt-decoder")
        except* Exception as errors:  # noqa: BLE001 - not swallowed: handed to the consumer below
            # Delivered to the consumer of events(), which decides what the user is told.
            failure = errors.exceptions[0]
        self._events.put(failure if failure is not None else Done())

    async def _pump(self) -> None:
        loop = asyncio.get_running_loop()
        vad = await loop.run_in_executor(self._vad_thread, StreamingVad)
        while True:
            frame = await self._frames.get()
            if isinstance(frame, Done):
                break
            if self._origin is None:
                self._origin = frame.start_sample
            self._chunks.append(frame.samples.astype(np.float32) / 32768.0)
            self._received += len(frame.samples)
            probabilities = await loop.run_in_executor(self._vad_thread, vad.process, frame.samples)
            self._on_segments(self._segmenter.feed(probabilities.tolist()))
        self._on_segments(self._segmenter.flush())
        self._input_done = True
        self._wake.set()

    def _on_segments(self, events: list[SegmentEvent]) -> None:
        for event in events:
            if event.kind is SegmentKind.SPEECH_START:
                start = max(self._covered_until, event.sample - int(MAX_LEAD_S * SAMPLE_RATE))
                self._current = _Utterance(self._next_id, start, max(start, event.sample), last_pass_end=start)
                self._next_id += 1
            elif self._current is None:
                continue
            elif event.kind is SegmentKind.SILENCE_START:
                self._current.silence_at = event.sample
                log.debug(
                    "utterance %d: silence from %.2f s, heard at %.2f s",
                    self._current.id,
                    event.sample / SAMPLE_RATE,
                    self._received / SAMPLE_RATE,
                )
            elif event.kind is SegmentKind.SPEECH_RESUME:
                self._current.silence_at = None
            elif event.kind is SegmentKind.UTTERANCE_END:
                self._current.end = event.sample
                if event.sample >= 0:  # a dropped click's audio stays uncovered: the next utterance takes it
                    self._covered_until = event.sample
                self._closed_utterances.append(self._current)
                self._current = None
        if events or self._current is not None:
            self._wake.set()  # a boundary moved, or the open utterance has new audio

    async def _decode_loop(self) -> None:
        decoder = await self._model.get()
        while True:
            if self._closed_utterances:
                await self._finalise(decoder, self._closed_utterances.pop(0))
                continue
            current = self._current
            if current is not None and self._ends_early(current):
                self._on_segments(self._segmenter.close_now())
                continue
            if current is not None and self._should_pass(current):
                await self._partial_pass(decoder, current)
                continue
            if self._input_done and not self._closed_utterances and self._current is None:
                return
            self._wake.clear()
            await self._wake.wait()

    def _ends_early(self, utterance: _Utterance) -> bool:
        speculative = utterance.speculative
        if utterance.silence_at is None or speculative is None or speculative[0] != utterance.silence_at:
            return False
        hypothesis = speculative[1].hypothesis
        text = hypothesis.text
        if not text or not text.endswith(SENTENCE_END):
            return False
        confident = (
            bool(hypothesis.timed_words)
            and float(np.mean([w.probability for w in hypothesis.timed_words])) >= CONFIDENT_WORDS
        )
        wait_ms = CONFIDENT_END_SILENCE_MS if confident else EARLY_END_SILENCE_MS
        return self._segmenter.silence_samples >= wait_ms * SAMPLE_RATE // 1000

    def _should_pass(self, utterance: _Utterance) -> bool:
        if utterance.silence_at is not None:
            return utterance.speculative is None or utterance.speculative[0] != utterance.silence_at
        available = self._received - utterance.start
        new = self._received - utterance.last_pass_end
        wanted = max(MIN_NEW_AUDIO_S, PASS_SPACING * self._last_partial_s)
        return available >= MIN_PARTIAL_AUDIO_S * SAMPLE_RATE and new >= wanted * SAMPLE_RATE

    # -- passes -------------------------------------------------------------------------------------
    def _audio(self, start: int, end: int) -> npt.NDArray[np.float32]:
        if len(self._chunks) > 1:
            self._chunks = [np.concatenate(self._chunks)]
        joined = self._chunks[0] if self._chunks else np.zeros(0, np.float32)
        return joined[max(0, start - self._chunks_start) : max(0, end - self._chunks_start)]

    def _drop_audio_before(self, sample: int) -> None:
        if not self._chunks or sample <= self._chunks_start:
            return
        self._chunks = [np.concatenate(self._chunks)[sample - self._chunks_start :]]
        self._chunks_start = sample

    def _context_for(self, utterance: _Utterance, end: int) -> tuple[int, str, str]:
        """(audio start, forced prefix, prompt) for a pass over `utterance` up to `end`.

        A fragment cut at a short pause is hard to read alone ("ask not" heard as "is not"), so a pass
        also hears the previous utterance, with that utterance's final forced as the decoder prefix; the
        finals before it go in as Whisper's prompt. Only words after the prefix come back.
        """
        previous = self._last_final
        if previous is None or end - previous.start > CONTEXT_WINDOW_S * SAMPLE_RATE:
            return utterance.start, "", self._prompt
        return previous.start, previous.text, self._prompt

    async def _run_whisper(
        self, decoder: WhisperDecoder, audio: npt.NDArray[np.float32], **options: object
    ) -> Hypothesis:
        loop = asyncio.get_running_loop()
        began = loop.time()

        def call() -> Hypothesis:
            return decoder.decode(audio, self._language, hotwords=self._hotwords, **options)  # type: ignore[arg-type]

        try:
            return await loop.run_in_executor(self._whisper_thread, call)
        finally:
            self.busy_seconds += loop.time() - began
            log.debug(
                "%s pass over %.2f s of audio (prefix %d chars) ended at %.2f s, took %.3f s",
                "final" if options.get("word_timestamps") else "partial",
                len(audio) / SAMPLE_RATE,
                len(str(options.get("prefix", ""))),
                self._received / SAMPLE_RATE,
                loop.time() - began,
            )

    async def _final_pass(self, decoder: WhisperDecoder, utterance: _Utterance, end: int) -> Reading:
        audio_start, prefix, prompt = self._context_for(utterance, end)
        audio = self._audio(audio_start, end)
        previous = self._last_final
        if prefix and previous is not None and previous.revisable and previous.utterance_id == utterance.id - 1:
            # The previous final was short: both utterances are read as one, unforced, and split again. (Not
            # across an utterance retracted between them: its audio, judged no speech, would join the revision.)
            both = await self._run_whisper(decoder, audio, prompt=prompt, word_timestamps=True)
            split = split_reading(both, (utterance.start - audio_start) / SAMPLE_RATE)
            if split is not None:
                return Reading(audio_start, split[1], revision=split[0])
        hypothesis = await self._run_whisper(decoder, audio, prompt=prompt, prefix=prefix, word_timestamps=True)
        if prefix and not hypothesis.text:
            # Nothing after the forced context, though the VAD heard speech: Whisper took the previous sentence for
            # the end (quieter speech after a pause lost 9 s of a joined Korean answer). It is read alone.
            audio_start, audio = utterance.start, self._audio(utterance.start, end)
            hypothesis = await self._run_whisper(decoder, audio, prompt=prompt, word_timestamps=True)
        if hypothesis.is_repetition or hypothesis.loops_on_a_phrase:
            # A loop ("like your. like your. ..."): read it again without context, with beam search.
            audio = self._audio(utterance.start, end)
            audio_start = utterance.start
            hypothesis = await self._run_whisper(decoder, audio, beam_size=5, word_timestamps=True)
        return Reading(audio_start, hypothesis)

    async def _partial_pass(self, decoder: WhisperDecoder, utterance: _Utterance) -> None:
        speculative_end = utterance.silence_at
        end = speculative_end if speculative_end is not None else self._received
        utterance.last_pass_end = self._received
        if speculative_end is not None:
            # Speech may be over: this pass is the final's candidate, with word timings.
            reading = await self._final_pass(decoder, utterance, speculative_end)
            utterance.speculative = (speculative_end, reading)
            hypothesis = reading.hypothesis
            words = list(hypothesis.words)
        else:
            audio_start, context, prompt = self._context_for(utterance, end)
            stable_words = "".join(utterance.agreement.stable)
            began = asyncio.get_running_loop().time()
            hypothesis = await self._run_whisper(
                decoder, self._audio(audio_start, end), prompt=prompt, prefix=(context + stable_words).strip()
            )
            self._last_partial_s = asyncio.get_running_loop().time() - began
            if hypothesis.is_repetition:
                return
            new_words = list(hypothesis.words)
            while context and not stable_words and new_words and closes_previous_sentence(new_words[0]):
                new_words.pop(0)  # the previous final's full stop, as in finals (whisper_decode.py)
            unstable = utterance.agreement.update(new_words)
            words = list(utterance.agreement.stable) + unstable
        stable = "".join(utterance.agreement.stable).strip()
        if utterance.end is not None or hypothesis.is_silence or not words:
            return  # the utterance closed meanwhile (its final comes next), or nothing was said yet
        text = "".join(words).strip()
        if not text.startswith(stable):
            stable = ""  # a speculative pass may re-read the prefix differently; show it all as unstable
        sure, kind = math.exp(hypothesis.avg_logprob), TranscriptKind.PARTIAL
        self._emit(utterance.id, utterance.start, kind, text, (), end=end, stable=stable, confidence=sure)
        utterance.partial_sent = True

    async def _finalise(self, decoder: WhisperDecoder, utterance: _Utterance) -> None:
        end = utterance.end if utterance.end is not None else self._received
        reading: Reading | None = None
        if end >= 0:
            if utterance.speculative is not None and utterance.speculative[0] == end:
                reading = utterance.speculative[1]
            else:
                reading = await self._final_pass(decoder, utterance, end)
        heard = reading.hypothesis if reading is not None else None
        if reading is None or heard is None or heard.is_silence or heard.is_repetition or not heard.text:
            if utterance.partial_sent:  # retract the partials
                self._emit(utterance.id, utterance.start, TranscriptKind.FINAL, "", (), end=max(end, utterance.start))
            return
        previous = self._last_final
        if previous is not None and reading.revision is not None and differs(previous.text, reading.revision.text):
            # The previous final read again with this utterance: it is delivered again, revised.
            previous = dataclasses.replace(previous, text=reading.revision.text)
            self._final(previous, reading.revision, reading.audio_start)
        if previous is not None:
            self._prompt = (self._prompt + " " + previous.text).strip()[-PROMPT_CHARS:]
        final = LastFinal(
            utterance.id, utterance.start, utterance.speech_start, end, heard.text, is_short(utterance.start, end)
        )
        self._last_final = final
        self._drop_audio_before(utterance.start)  # kept as context for the next utterance
        at, until = self._received / SAMPLE_RATE, end / SAMPLE_RATE
        log.debug("utterance %d: final at %.2f s (speech until %.2f s)", utterance.id, at, until)
        self._final(final, heard, reading.audio_start)

    def _final(self, final: LastFinal, heard: Hypothesis, audio_start: int) -> None:
        words = stream_words(heard, audio_start, final.speech_start)
        confidence = float(np.mean([w.probability for w in words])) if words else math.exp(heard.avg_logprob)
        kind = TranscriptKind.FINAL
        self._emit(final.utterance_id, final.start, kind, final.text, words, end=final.end, confidence=confidence)

    def _emit(
        self,
        utterance_id: int,
        start: int,
        kind: TranscriptKind,
        text: str,
        words: tuple[Word, ...],
        *,
        end: int,
        stable: str | None = None,  # a final's is all of it
        confidence: float = 0.0,
    ) -> None:
        origin = (self._origin or 0) / SAMPLE_RATE
        shifted = tuple(
            Word(w.text, round(w.start + origin, 3), round(w.end + origin, 3), w.probability) for w in words
        )
        self._events.put(
            TranscriptEvent(
                kind=kind,
                utterance_id=utterance_id,
                text=text,
                stable_text=text if stable is None else stable,
                start=round(origin + start / SAMPLE_RATE, 3),
                end=round(origin + end / SAMPLE_RATE, 3),
                words=shifted,
                confidence=round(confidence, 4),
                backend=BACKEND,
            )
        )
