"""Keeps each answer's audio as a FLAC file beside the database, written as the audio arrives.

Encoding and file writes happen on one worker thread (order matters, and the loop must not block on disk);
a disk-full or other write error is remembered and reported when the recording is closed, without stopping
the transcription of the answer.

The FLAC muxer keeps what it has encoded in its buffers until the file is closed, so a process killed in
the middle of an answer used to leave it empty. Each block is therefore also appended, raw, to a partial
file beside it, handed to the OS as it arrives and synced every few seconds; a closed recording deletes
it, and `salvage_recordings` turns one left by a killed process into the FLAC at the next start.
"""

from __future__ import annotations

import asyncio
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import BinaryIO

import av
import numpy as np
import numpy.typing as npt

from engine.audio.frames import SAMPLE_RATE, AudioFrame

log = logging.getLogger(__name__)

PARTIAL_SUFFIX = ".partial.pcm"  # raw 16 kHz mono s16le, beside the FLAC it stands in for
SYNC_EVERY_SAMPLES = 5 * SAMPLE_RATE  # fsync this often: a power cut loses at most a few seconds


def partial_path(path: Path) -> Path:
    return path.with_name(path.name + PARTIAL_SUFFIX)


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
        self._partial: BinaryIO | None = None
        self._unsynced = 0
        self.samples_written = 0

    def _write(self, samples: npt.NDArray[np.int16]) -> None:
        if self._failed is not None:
            return
        try:
            if self._writer is None:
                self._writer = _FlacWriter(self.path)
                self._partial = partial_path(self.path).open("ab")
            self._writer.write(samples)
            assert self._partial is not None
            self._partial.write(samples.astype("<i2").tobytes())
            self._partial.flush()  # with the OS now: a killed process loses nothing of it
            self._unsynced += len(samples)
            if self._unsynced >= SYNC_EVERY_SAMPLES:
                os.fsync(self._partial.fileno())
                self._unsynced = 0
            self.samples_written += len(samples)
        except (OSError, av.error.FFmpegError) as error:
            self._failed = error
            log.error("recording %s failed: %s", self.path, error)

    def add(self, frame: AudioFrame) -> None:
        loop = asyncio.get_running_loop()
        self._pending = [f for f in self._pending if not f.done()]
        self._pending.append(loop.run_in_executor(self._executor, self._write, frame.samples))

    def _close(self) -> None:
        if self._partial is not None:
            self._partial.close()
        if self._writer is not None and self._failed is None:
            try:
                self._writer.close()
            except (OSError, av.error.FFmpegError) as error:
                self._failed = error
            else:
                partial_path(self.path).unlink(missing_ok=True)  # the FLAC is whole: the stand-in goes

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


def salvage_recordings(folder: Path) -> list[Path]:
    """FLAC files made from the partial recordings a killed process left under `folder`; each partial file
    is removed once its FLAC is written. Blocking: run it on a worker thread."""
    saved = []
    for partial in sorted(folder.rglob(f"*{PARTIAL_SUFFIX}")):
        target = partial.with_name(partial.name[: -len(PARTIAL_SUFFIX)])
        raw = partial.read_bytes()
        data = np.frombuffer(raw[: len(raw) // 2 * 2], dtype="<i2")  # a kill mid-sample leaves an odd byte
        try:
            if data.size:
                writer = _FlacWriter(target)
                for start in range(0, data.size, SAMPLE_RATE):  # a second at a time, as it was recorded
                    writer.write(np.ascontiguousarray(data[start : start + SAMPLE_RATE], dtype=np.int16))
                writer.close()
                saved.append(target)
            partial.unlink()
        except (OSError, av.error.FFmpegError) as error:  # leave it for the next start; say so in the log
            log.error("could not salvage the recording %s: %s", partial, error)
    if saved:
        log.info("salvaged %d recording(s) cut off by an earlier stop", len(saved))
    return saved
