"""Playing audio back through the speakers (the microphone test, replay of a recorded answer).

sounddevice is injected, as for the microphone. The PortAudio callback only copies the next slice of a
prepared array into the output buffer; the end of playback is handed to the loop with call_soon_threadsafe.
"""

from __future__ import annotations

import asyncio
import logging
from types import ModuleType
from typing import Any

import numpy as np
import numpy.typing as npt

from engine.audio.frames import SAMPLE_RATE
from engine.errors import AppError

log = logging.getLogger(__name__)

BLOCK = 1024


class PlaybackError(AppError):
    title_key = "error.title.playback"


class Player:
    """One sound at a time: playing a new one stops the last."""

    def __init__(self, sd: ModuleType | Any, device: int | str | None = None) -> None:
        self._sd = sd
        self._device = device
        self._stream: Any = None
        self._done: asyncio.Future[None] | None = None
        self._played = 0  # samples of the sound now playing handed to the device (written by its thread)
        self._rate = SAMPLE_RATE

    @property
    def position_s(self) -> float:
        """How far into the sound now playing the listener is, in seconds (for a word to follow it): what was
        fed to the device, less what its output latency still holds."""
        latency = float(getattr(self._stream, "latency", 0.0) or 0.0) if self._stream is not None else 0.0
        return max(0.0, self._played / self._rate - latency)

    @property
    def playing(self) -> bool:
        return self._done is not None and not self._done.done()

    async def play(self, samples: npt.NDArray[np.int16], rate: int = SAMPLE_RATE) -> None:
        """Play to the end (or until stop()); returns when the sound has finished."""
        self.stop()
        loop = asyncio.get_running_loop()
        done: asyncio.Future[None] = loop.create_future()
        self._done = done
        audio = np.ascontiguousarray(samples.reshape(-1), dtype=np.int16)
        position = 0
        self._played, self._rate = 0, rate

        def callback(outdata: Any, frames: int, time: Any, status: Any) -> None:
            # PortAudio thread: copy the next slice, nothing else.
            nonlocal position
            chunk = audio[position : position + frames]
            outdata[: len(chunk), 0] = chunk
            outdata[len(chunk) :, 0] = 0
            position += frames
            self._played = min(position, len(audio))  # an int written whole: the loop reads it as it is
            if position >= len(audio):
                raise self._sd.CallbackStop

        def finished() -> None:
            loop.call_soon_threadsafe(_settle, done)

        sd = self._sd
        try:
            stream = sd.OutputStream(
                device=self._device,
                channels=1,
                dtype="int16",
                samplerate=rate,
                blocksize=BLOCK,
                callback=callback,
                finished_callback=finished,
            )
            stream.start()
        except (sd.PortAudioError, ValueError, OSError) as error:
            raise PlaybackError("playback.failed", detail=str(error)) from error
        self._stream = stream
        try:
            await done
        finally:
            self._close(stream)

    def stop(self) -> None:
        if self._stream is not None:
            self._close(self._stream)
        if self._done is not None:
            _settle(self._done)

    def _close(self, stream: Any) -> None:
        if self._stream is stream:
            self._stream = None
        try:
            stream.stop()
            stream.close()
        except (self._sd.PortAudioError, OSError) as error:  # a vanished device; nothing to keep
            log.warning("closing the output stream failed: %s", error)


def _settle(done: asyncio.Future[None]) -> None:
    if not done.done():
        done.set_result(None)
