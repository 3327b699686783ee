"""An answer read again while it is still being given, a part at a time, so that its stored transcript is
ready soon after it ends: engine/stt/reread.py then reads only what is left.

A part ends in a pause (where no word is cut), once enough audio is waiting: each part is one of Whisper's
30 s windows, read by the same call as the rest (`reread.transcribe`: beam search, word timings, the
posting's hotwords, or the temperature fallback without them), without the text before it as Whisper's
previous text: on the 2-minute answers of bench/stt_streaming.py that prompt sent Whisper into loops
(Korean CER 155/780 against 45/780 without it, one-shot 48) and cost twice the time, and parts read without
it made fewer errors than one-shot in English too (24/350 against 43). The reading runs on its own thread
with a copy of the model loaded at the lowest priority (SpeechModel(low_priority=True): on Linux
CTranslate2's threads for it run only on a core nothing else wants), so the live passes of the answer take
the cores whenever they need them and the reading has what they leave. Where priority is per process
(macOS, Windows) a reader is made only when a core is spare for it (stored_transcript.reads_beside_live).
Silero's probabilities, worked out on the way to find the pauses, serve the re-read's guards too.

Blocking work stays on its thread: the loop only hands over each frame (`add`).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

import numpy as np
import numpy.typing as npt

from engine.audio.frames import SAMPLE_RATE
from engine.stt.contract import Word
from engine.stt.reread import SPEECH, Control, ReadingStopped, transcribe
from engine.stt.vad import WINDOW, StreamingVad
from engine.stt.whisper_decode import WhisperDecoder

log = logging.getLogger(__name__)

PART_S = 12.0  # a part is read once at least this much audio waits and a pause ends it
PAUSE_S = 0.3  # Silero under SPEECH this long: a pause to cut at (it is cut in the middle of this)
LONGEST_S = 24.0  # a part without such a pause is cut at its quietest moment after PART_S, within this
# The thread wakes once this much audio has come, not for every frame (Silero over half a second at once).
BATCH = SAMPLE_RATE // 2
_PER_SECOND = SAMPLE_RATE / WINDOW
Scalar = TypeVar("Scalar", np.int16, np.float32)


@dataclass(frozen=True, slots=True)
class Part:
    """A stretch of the answer read already: its Whisper segments, words timed in the answer's seconds."""

    start_sample: int
    end_sample: int
    segments: tuple[tuple[Word, ...], ...]
    # How long reading it took: wall time at the lowest priority, so under a live answer it counts the time
    # the live passes took from it too (what the candidate's transcript waited, not the model's bare cost).
    seconds: float = 0.0

    @property
    def text(self) -> str:
        return " ".join(w.text for segment in self.segments for w in segment)


@dataclass(frozen=True, slots=True)
class Ahead:
    """What was read while the answer was given: the parts, in order from its start, and the audio it saw."""

    parts: tuple[Part, ...]
    audio: npt.NDArray[np.int16]
    speech: npt.NDArray[np.float32]  # Silero's probability for each complete 32 ms window of `audio`
    vad: StreamingVad  # its state after `audio`: it goes on over the rest of the recording

    def saw_the_start_of(self, samples: npt.NDArray[np.int16]) -> bool:
        return len(samples) >= len(self.audio) and np.array_equal(samples[: len(self.audio)], self.audio)

    def speech_of(self, samples: npt.NDArray[np.int16]) -> npt.NDArray[np.float32]:
        """Silero's probabilities over the whole recording, as one pass over it gives them."""
        return np.concatenate([self.speech, self.vad.process(samples[len(self.audio) :])])


class ReadAhead:
    """Reads one answer's parts on its own low-priority thread as its audio arrives: `add()` each frame's
    samples, then `finish()` (blocking: the part under way is waited for) or `stop()` (nothing is kept)."""

    def __init__(
        self,
        decoder: WhisperDecoder,
        language: str,
        hotwords: tuple[str, ...] = (),
        on_part: Callable[[Part], None] | None = None,
    ) -> None:
        """`on_part`: told of each part as it is read (on the reading's thread)."""
        self._decoder = decoder
        self._on_part = on_part
        self._language = language
        self._hotwords = hotwords
        self._arrived: list[npt.NDArray[np.int16]] = []
        self._waiting_samples = 0
        self._wake = threading.Condition()
        self._ended = False
        self._control = Control()
        self._parts: list[Part] = []
        self._audio: _Growing[np.int16] = _Growing(np.int16)
        self._speech: _Growing[np.float32] = _Growing(np.float32)
        self._vad: StreamingVad | None = None
        self._failed: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="read-ahead", daemon=True)
        self._thread.start()

    def add(self, samples: npt.NDArray[np.int16]) -> None:
        with self._wake:
            self._arrived.append(samples)
            self._waiting_samples += len(samples)
            if self._waiting_samples >= BATCH:
                self._wake.notify()

    def finish(self) -> Ahead | None:
        """Blocking. Start no new part, wait for the one under way and hand over what was read; None when the
        reading failed (the re-read reads the whole answer)."""
        with self._wake:
            self._ended = True
            self._wake.notify()
        self._thread.join()
        if self._failed is not None or self._vad is None:
            return None
        self._speech.extend(self._vad.process(self._take_arrived()))  # the last frames, under half a second
        return Ahead(tuple(self._parts), self._audio.view, self._speech.view, self._vad)

    def stop(self) -> None:
        """The answer is let go (it failed, the interview ended): the part under way stops at its next window."""
        self._control.stop.set()
        with self._wake:
            self._ended = True
            self._wake.notify()

    def _take_arrived(self) -> npt.NDArray[np.int16]:
        """The samples added since the last call, joined to the audio (on the reading thread, or after it)."""
        with self._wake:
            arrived, self._arrived, self._waiting_samples = self._arrived, [], 0
        if not arrived:
            return np.zeros(0, dtype=np.int16)
        new = np.concatenate(arrived)
        self._audio.extend(new)
        return new

    def _run(self) -> None:
        # This thread keeps its priority: it holds the interpreter's lock now and then (Silero, the features,
        # the word timings), and one the system seldom runs would make the loop wait for it. The model's own
        # threads, where the work is, were lowered when the copy was loaded.
        try:
            self._vad = StreamingVad()
            while True:
                with self._wake:
                    while self._waiting_samples < BATCH and not self._ended:
                        self._wake.wait()
                    if self._ended:
                        return
                new = self._take_arrived()
                self._speech.extend(self._vad.process(new))
                cut = part_end(self._speech.view, self._parts[-1].end_sample if self._parts else 0)
                if cut is not None:
                    self._read(cut)
        except ReadingStopped:
            return
        # Whatever CTranslate2 or ONNX Runtime raised, the re-read after the answer still reads all of it.
        except Exception as error:  # noqa: BLE001
            log.warning("reading the answer ahead failed; it is read whole when it ends: %s", error)
            self._failed = error

    def _read(self, end: int) -> None:
        start = self._parts[-1].end_sample if self._parts else 0
        audio = self._audio.view[start:end].copy()
        began = time.perf_counter()
        segments = transcribe(self._decoder, audio, self._language, self._hotwords, self._control, start / SAMPLE_RATE)
        part = Part(start, end, tuple(tuple(s) for s in segments), time.perf_counter() - began)
        self._parts.append(part)
        log.debug("read ahead %.1f-%.1f s: %s", start / SAMPLE_RATE, end / SAMPLE_RATE, part.text)
        if self._on_part is not None:
            self._on_part(part)


class _Growing(Generic[Scalar]):
    """An array that grows by appending, in amortised constant time (a frame arrives every few ms)."""

    def __init__(self, dtype: type[Scalar]) -> None:
        self._data: npt.NDArray[Scalar] = np.zeros(SAMPLE_RATE, dtype=dtype)
        self._size = 0

    @property
    def view(self) -> npt.NDArray[Scalar]:
        return self._data[: self._size]

    def extend(self, values: npt.NDArray[Scalar]) -> None:
        if self._size + len(values) > len(self._data):
            grown = np.zeros(max(2 * len(self._data), self._size + len(values)), dtype=self._data.dtype)
            grown[: self._size] = self.view
            self._data = grown
        self._data[self._size : self._size + len(values)] = values
        self._size += len(values)


def part_end(speech: npt.NDArray[np.float32], start: int) -> int | None:
    """Where the part that begins at sample `start` ends (a sample index), once the audio heard so far
    (`speech`, Silero's probabilities from the answer's start) holds enough: the middle of the first pause
    of PAUSE_S that begins after PART_S; past LONGEST_S without one, the quietest window after PART_S."""
    first = int(start / WINDOW)
    earliest = first + int(PART_S * _PER_SECOND)
    latest = max(earliest + 1, first + int(LONGEST_S * _PER_SECOND))
    if len(speech) <= earliest:
        return None
    quiet = speech[earliest:latest] < SPEECH
    pause = round(PAUSE_S * _PER_SECOND)
    # The first run of `pause` quiet windows: a running count of quiet windows over each stretch of `pause`.
    count = np.concatenate([[0], np.cumsum(quiet)])
    runs = np.flatnonzero(count[pause:] - count[:-pause] == pause) if len(quiet) >= pause else np.zeros(0, int)
    if runs.size:
        return (earliest + int(runs[0]) + pause // 2) * WINDOW
    if len(speech) < latest:
        return None
    return (earliest + int(np.argmin(speech[earliest:latest]))) * WINDOW
