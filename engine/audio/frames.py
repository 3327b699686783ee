"""The audio frame every source yields: 16 kHz mono int16 with the index of its first sample."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt

SAMPLE_RATE = 16_000
FRAME_MS = 100  # about what cloud providers want per message, and short enough for a lively level meter


@dataclass(frozen=True, slots=True)
class AudioFrame:
    samples: npt.NDArray[np.int16]
    start_sample: int  # since the start of this source (one answer)

    @property
    def end_sample(self) -> int:
        return self.start_sample + len(self.samples)

    @property
    def end_s(self) -> float:
        return self.end_sample / SAMPLE_RATE

    def level_dbfs(self) -> float:
        """RMS level in dB relative to full scale (for level meters); -120 for digital silence."""
        if len(self.samples) == 0:
            return -120.0
        rms = float(np.sqrt(np.mean(np.square(self.samples.astype(np.float32)))))
        return max(-120.0, 20.0 * float(np.log10(max(rms, 1e-9) / 32768.0)))


class AudioSource(Protocol):
    """Yields frames until the audio ends (file) or `stop()` is called (microphone)."""

    def frames(self) -> AsyncIterator[AudioFrame]: ...

    def stop(self) -> None: ...


class FrameChunker:
    """Re-cuts arbitrary blocks of samples into frames of a fixed length, numbering samples as it goes."""

    def __init__(self, frame_samples: int = SAMPLE_RATE * FRAME_MS // 1000) -> None:
        self._frame_samples = frame_samples
        self._pending: list[npt.NDArray[np.int16]] = []
        self._pending_len = 0
        self._next_sample = 0

    def push(self, block: npt.NDArray[np.int16]) -> list[AudioFrame]:
        self._pending.append(block)
        self._pending_len += len(block)
        size = self._frame_samples
        if self._pending_len < size:
            return []
        joined = np.concatenate(self._pending)
        cut = (len(joined) // size) * size
        frames = [self._emit(joined[offset : offset + size]) for offset in range(0, cut, size)]
        rest = joined[cut:]
        self._pending = [rest] if len(rest) else []
        self._pending_len = len(rest)
        return frames

    def flush(self) -> list[AudioFrame]:
        if not self._pending_len:
            return []
        joined = np.concatenate(self._pending)
        self._pending, self._pending_len = [], 0
        return [self._emit(joined)]

    def _emit(self, samples: npt.NDArray[np.int16]) -> AudioFrame:
        frame = AudioFrame(np.ascontiguousarray(samples, dtype=np.int16), self._next_sample)
        self._next_sample += len(samples)
        return frame

    @property
    def samples_emitted(self) -> int:
        return self._next_sample
