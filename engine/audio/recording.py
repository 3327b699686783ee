"""Keeps each answer's audio as a FLAC file beside the database, written as the audio arrives.

Encoding and file writes happen on one worker thread (order matters, and the loop must not block on disk);
a disk-full or other write error is remembered and reported when the recording is closed, without stopping
the transcription of the answer.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import av
import numpy as np
import numpy.typing as npt

from engine.audio.frames import SAMPLE_RATE, AudioFrame

log = logging.getLogger(__name__)


class _FlacWriter:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._container = av.open(str(path), "w", format="flac")
        self._stream = self._container.add_stream("flac", rate=SAMPLE_RATE, layout="mono")
        self._pts = 0

    def write(self, samples: npt.NDArray[np.int16]) -> None:
        frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate = SAMPLE_RATE
        frame.pts = self._pts
        self._pts += len(samples)
        for packet in self._stream.encode(frame):
            self._container.mux(packet)

    def close(self) -> None:
        for packet in self._stream.encode(None):
            self._container.mux(packet)
        self._container.close()


class AnswerRecorder:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="recorder")
        self._writer: _FlacWriter | None = None
        self._failed: BaseException | None = None
        self._pending: list[asyncio.Future[None]] = []
        self.samples_written = 0

    def _write(self, samples: npt.NDArray[np.int16]) -> None:
        if self._failed is not None:
            return
        try:
            if self._writer is None:
                self._writer = _FlacWriter(self.path)
            self._writer.write(samples)
            self.samples_written += len(samples)
        except (OSError, av.error.FFmpegError) as error:
            self._failed = error
            log.error("recording %s failed: %s", self.path, error)

    def add(self, frame: AudioFrame) -> None:
        loop = asyncio.get_running_loop()
        self._pending = [f for f in self._pending if not f.done()]
        self._pending.append(loop.run_in_executor(self._executor, self._write, frame.samples))

    def _close(self) -> None:
        if self._writer is not None and self._failed is None:
            try:
                self._writer.close()
            except (OSError, av.error.FFmpegError) as error:
                self._failed = error

    async def close(self) -> BaseException | None:
        """Finish the file; returns the write error, if any (the transcript is kept either way)."""
        loop = asyncio.get_running_loop()
        try:
            await loop.run_in_executor(self._executor, self._close)
        finally:
            self._executor.shutdown(wait=False)
        return self._failed

    @property
    def exists(self) -> bool:
        return self.samples_written > 0 and self._failed is None
