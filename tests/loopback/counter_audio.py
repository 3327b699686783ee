"""Audio whose every 100 ms cell says which cell it is, so a fake recogniser can "hear" exactly what reached it.

Cell k holds the sample value k + 1 throughout. The fake servers turn each run of equal samples into the
word "w{k}", so a transcript that reads w0 w1 … wN-1 once each, at k × 0.1 s, proves that no audio was lost,
repeated or shifted on its way through any number of reconnects.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import numpy.typing as npt

from engine.audio.frames import SAMPLE_RATE, AudioFrame

CELL = SAMPLE_RATE // 10


def counter_frames(cells: int, first: int = 0) -> Iterator[AudioFrame]:
    for k in range(first, first + cells):
        yield AudioFrame(np.full(CELL, k + 1, dtype=np.int16), k * CELL)


def expected_words(cells: int) -> list[str]:
    return [f"w{k}" for k in range(cells)]


class CellReader:
    """Turns a stream's samples into completed words (runs of one value), in the stream's own time."""

    def __init__(self) -> None:
        self.position = 0  # samples received by this stream
        self._value: int | None = None
        self._run_start = 0

    def feed(self, samples: npt.NDArray[np.int16]) -> list[tuple[str, float, float]]:
        words: list[tuple[str, float, float]] = []
        if len(samples) == 0:
            return words
        changes = np.flatnonzero(np.diff(samples)) + 1
        cuts = [0, *changes.tolist()]
        for cut in cuts:
            value = int(samples[cut])
            if value != self._value:
                if self._value is not None:
                    words.append(self._word(self.position + cut))
                self._value, self._run_start = value, self.position + cut
        self.position += len(samples)
        return words

    def flush(self) -> list[tuple[str, float, float]]:
        if self._value is None:
            return []
        word = self._word(self.position)
        self._value = None
        return [word]

    def _word(self, end: int) -> tuple[str, float, float]:
        assert self._value is not None
        return (f"w{self._value - 1}", self._run_start / SAMPLE_RATE, end / SAMPLE_RATE)


class ClockReader:
    """For real speech, which no fake can recognise: one word per 100 ms heard, named by its stream time."""

    def __init__(self) -> None:
        self.position = 0
        self._emitted = 0

    def feed(self, samples: npt.NDArray[np.int16]) -> list[tuple[str, float, float]]:
        self.position += len(samples)
        words = []
        while (self._emitted + 1) * CELL <= self.position:
            start = self._emitted * CELL / SAMPLE_RATE
            words.append((f"t{self._emitted}", start, start + 0.1))
            self._emitted += 1
        return words

    def flush(self) -> list[tuple[str, float, float]]:
        return []
