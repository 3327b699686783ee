"""Audio from a file: anything PyAV (FFmpeg) decodes, resampled once to 16 kHz mono int16.

Decoding is blocking, so it runs in a worker thread a block at a time; pacing at real time is optional
(benchmarks and the GUI's file mode use it, the CLI does not).
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator, Generator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import av
import numpy as np
import numpy.typing as npt

from engine.audio.frames import SAMPLE_RATE, AudioFrame, FrameChunker
from engine.errors import AudioFileError


def _decode_blocks(path: Path) -> Generator[npt.NDArray[np.int16], None, None]:
    """Decoded blocks of 16 kHz mono int16; raises AudioFileError with what went wrong and where."""
    try:
        container = av.open(str(path))
    except FileNotFoundError as error:
        raise AudioFileError("audio.file_missing", path=str(path)) from error
    except (av.error.FFmpegError, OSError, ValueError) as error:
        raise AudioFileError("audio.file_unreadable", path=str(path), detail=_short(error)) from error
    decoded = 0
    with container:
        if not container.streams.audio:
            raise AudioFileError("audio.file_no_audio", path=str(path))
        stream = container.streams.audio[0]
        resampler = av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
        try:
            for frame in itertools.chain(container.decode(stream), [None]):  # None: flush the resampler
                for out in resampler.resample(frame):
                    block = out.to_ndarray().reshape(-1).astype(np.int16, copy=False)
                    decoded += len(block)
                    yield block
        except (av.error.FFmpegError, ValueError) as error:
            if decoded == 0:
                raise AudioFileError("audio.file_unreadable", path=str(path), detail=_short(error)) from error
            raise AudioFileError(
                "audio.file_corrupt_midway", path=str(path), seconds=decoded / SAMPLE_RATE, detail=_short(error)
            ) from error


def _short(error: BaseException) -> str:
    return str(error).splitlines()[0][:160] if str(error) else type(error).__name__


class FileSource:
    """Frames of an audio file, optionally paced at real time (as a microphone would deliver them)."""

    def __init__(self, path: Path | str, *, realtime: bool = False) -> None:
        self.path = Path(path)
        self.realtime = realtime
        self._stopped = False

    def stop(self) -> None:
        self._stopped = True

    async def frames(self) -> AsyncIterator[AudioFrame]:
        loop = asyncio.get_running_loop()
        blocks = _decode_blocks(self.path)
        # One thread owns the decoder: closing it there, after any block still being decoded, avoids
        # "generator already executing" when the answer is cancelled mid-decode, and keeps FFmpeg's file
        # closing off the loop.
        decoder_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="decode")
        chunker = FrameChunker()
        started = loop.time()
        try:
            while not self._stopped:
                # A block is one codec frame (tens of ms): one thread hop each keeps the loop free.
                block = await loop.run_in_executor(decoder_thread, next, blocks, None)
                if block is None:
                    break
                for frame in chunker.push(block):
                    if self.realtime:
                        delay = started + frame.end_s - loop.time()
                        if delay > 0:
                            await asyncio.sleep(delay)
                    yield frame
                    if self._stopped:
                        return
            for frame in chunker.flush():
                yield frame
        finally:
            decoder_thread.submit(blocks.close)
            decoder_thread.shutdown(wait=False)


def read_samples(path: Path) -> npt.NDArray[np.int16]:
    """The whole file as 16 kHz mono int16; blocking (for replay of a short recording, off the loop)."""
    blocks = list(_decode_blocks(path))
    return np.concatenate(blocks) if blocks else np.zeros(0, np.int16)
