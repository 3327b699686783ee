"""Turn-taking: while the interviewer speaks (and for a short tail after), the microphone is muted, so its
voice from the speakers never lands in the candidate's transcript or recording.

The gate is judged when a frame arrives: a frame that arrives while the gate is shut becomes silence of
the same length, so timings, the answer timer and the recording stay continuous.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable

import numpy as np

from engine.audio.frames import AudioFrame, AudioSource

# Room echo and the output and input devices' own buffering keep the voice audible for a moment after the
# last sample is handed to the sound card.
TAIL_S = 0.35


class TurnGate:
    def __init__(self, *, tail_s: float = TAIL_S, clock: Callable[[], float] = time.monotonic) -> None:
        self.tail_s = tail_s
        self.enabled = True  # False in headset mode: the microphone cannot hear the speakers
        self._clock = clock
        self._speaking = 0  # nested: a question and a countdown beep may overlap
        self._open_at = 0.0

    def interviewer_started(self) -> None:
        self._speaking += 1

    def interviewer_stopped(self) -> None:
        self._speaking = max(0, self._speaking - 1)
        self._open_at = self._clock() + self.tail_s

    @property
    def open(self) -> bool:
        if not self.enabled:
            return True
        return self._speaking == 0 and self._clock() >= self._open_at


class GatedSource:
    def __init__(self, source: AudioSource, gate: TurnGate) -> None:
        self._source = source
        self._gate = gate

    def stop(self) -> None:
        self._source.stop()

    async def frames(self) -> AsyncIterator[AudioFrame]:
        async for frame in self._source.frames():
            if self._gate.open:
                yield frame
            else:
                yield AudioFrame(np.zeros_like(frame.samples), frame.start_sample)
