"""Audio from memory: a numpy array (tests, benchmarks) cut into frames, optionally paced at real time."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import numpy as np
import numpy.typing as npt

from engine.audio.frames import SAMPLE_RATE, AudioFrame, FrameChunker


class ArraySource:
    def __init__(self, samples: npt.NDArray[np.int16], *, realtime: bool = False) -> None:
        self._samples = np.asarray(samples, dtype=np.int16)
        self.realtime = realtime
        self._stopped = False

    def stop(self) -> None:
        self._stopped = True

    async def frames(self) -> AsyncIterator[AudioFrame]:
        loop = asyncio.get_running_loop()
        chunker = FrameChunker()
        started = loop.time()
        for frame in chunker.push(self._samples) + chunker.flush():
            if self._stopped:
                return
            if self.realtime:
                delay = started + frame.end_s - loop.time()
                if delay > 0:
                    await asyncio.sleep(delay)
            else:
                await asyncio.sleep(0)  # let consumers run, as a real source would
            yield frame


def tone(seconds: float, frequency: float = 440.0, amplitude: float = 0.3) -> npt.NDArray[np.int16]:
    """A sine tone (for tests of levels and of audio that is not speech)."""
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    return (amplitude * 32767 * np.sin(2 * np.pi * frequency * t)).astype(np.int16)


def silence(seconds: float) -> npt.NDArray[np.int16]:
    return np.zeros(int(seconds * SAMPLE_RATE), dtype=np.int16)
