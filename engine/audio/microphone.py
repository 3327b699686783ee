"""Audio from a microphone through PortAudio (sounddevice).

The sounddevice module is injected, so tests can hand in a stand-in that plays a file: a sound card is the
one part tests cannot have. The PortAudio callback only copies the block and hands it to the asyncio loop
with call_soon_threadsafe; resampling (when the device cannot open at 16 kHz) happens once, here, on the
loop side, with PyAV's resampler.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import av
import numpy as np
import numpy.typing as npt

from engine.audio.frames import FRAME_MS, SAMPLE_RATE, AudioFrame, FrameChunker
from engine.errors import MicrophoneError

log = logging.getLogger(__name__)

# PortAudio delivers a block every FRAME_MS; if none arrives for this long the device is gone (some host
# APIs stall silently instead of reporting an error when a USB microphone is pulled).
STALL_TIMEOUT_S = 2.0


@dataclass(frozen=True)
class InputDevice:
    index: int
    name: str


def list_input_devices(sd: ModuleType | Any) -> list[InputDevice]:
    try:
        devices = sd.query_devices()
    except (sd.PortAudioError, OSError) as error:
        raise MicrophoneError("mic.open_failed", device="?", detail=str(error)) from error
    return [InputDevice(i, str(d["name"])) for i, d in enumerate(devices) if d.get("max_input_channels", 0) > 0]


class _StreamEnded:
    """Sentinel put on the queue when PortAudio finishes the stream."""


class MicrophoneSource:
    def __init__(self, sd: ModuleType | Any, device: int | str | None = None) -> None:
        self._sd = sd
        self._device = device
        self._stopping = False
        self._queue: asyncio.Queue[npt.NDArray[np.int16] | _StreamEnded] | None = None

    def stop(self) -> None:
        self._stopping = True
        if self._queue is not None:
            self._queue.put_nowait(_StreamEnded())

    def _open(self, loop: asyncio.AbstractEventLoop) -> tuple[Any, int]:
        sd = self._sd
        if not list_input_devices(sd):
            raise MicrophoneError("mic.none")
        queue = self._queue
        assert queue is not None

        def callback(indata: Any, frames: int, time: Any, status: Any) -> None:
            # PortAudio thread: copy and hand off, nothing else.
            loop.call_soon_threadsafe(queue.put_nowait, np.array(indata[:, 0], dtype=np.int16, copy=True))

        def finished() -> None:
            loop.call_soon_threadsafe(queue.put_nowait, _StreamEnded())

        try:
            sd.check_input_settings(device=self._device, channels=1, dtype="int16", samplerate=SAMPLE_RATE)
            rate = SAMPLE_RATE
        except (sd.PortAudioError, ValueError):  # no 16 kHz on this device: open at its own rate, resample here
            rate = int(sd.query_devices(self._device, "input")["default_samplerate"])
        try:
            stream = sd.InputStream(
                device=self._device,
                channels=1,
                dtype="int16",
                samplerate=rate,
                blocksize=rate * FRAME_MS // 1000,
                callback=callback,
                finished_callback=finished,
            )
            stream.start()
        except (sd.PortAudioError, ValueError, OSError) as error:
            raise MicrophoneError(
                "mic.open_failed", device=str(self._device or "default"), detail=str(error)
            ) from error
        return stream, rate

    async def frames(self) -> AsyncIterator[AudioFrame]:
        loop = asyncio.get_running_loop()
        self._queue = asyncio.Queue()
        stream, rate = self._open(loop)
        resampler = None if rate == SAMPLE_RATE else av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
        chunker = FrameChunker()
        try:
            while True:
                try:
                    # asyncio.timeout, not wait_for: Python 3.11's wait_for loses a cancel that lands as a block
                    # arrives, and the app's exit then waited forever for this loop.
                    async with asyncio.timeout(STALL_TIMEOUT_S):
                        item = await self._queue.get()
                except TimeoutError:
                    item = _StreamEnded()
                if isinstance(item, _StreamEnded):
                    if self._stopping:
                        break
                    for frame in chunker.flush():
                        yield frame
                    raise MicrophoneError("mic.lost", seconds=chunker.samples_emitted / SAMPLE_RATE)
                block = item if resampler is None else _resample(resampler, item, rate)
                for frame in chunker.push(block):
                    yield frame
            for frame in chunker.flush():
                yield frame
        finally:
            self._stopping = True
            try:
                stream.stop()
                stream.close()
            except (self._sd.PortAudioError, OSError) as error:  # a vanished device may fail to close; audio is safe
                log.warning("closing the microphone stream failed: %s", error)


def _resample(resampler: av.AudioResampler, block: npt.NDArray[np.int16], rate: int) -> npt.NDArray[np.int16]:
    frame = av.AudioFrame.from_ndarray(block.reshape(1, -1), format="s16", layout="mono")
    frame.sample_rate = rate
    out = [f.to_ndarray().reshape(-1) for f in resampler.resample(frame)]
    return np.concatenate(out).astype(np.int16) if out else np.zeros(0, np.int16)
