"""A stand-in for the sounddevice module: the one part tests cannot have is a sound card.

It plays real audio through the same callback API PortAudio uses, from its own thread, and can pretend
the device vanished after some blocks (the callback simply stops and the stream finishes).
"""

from __future__ import annotations

import threading
from types import SimpleNamespace
from typing import Any

import numpy as np


class PortAudioError(Exception):
    pass


class FakeSoundDevice:
    PortAudioError = PortAudioError

    def __init__(
        self, samples: np.ndarray | None, *, rate: int = 16000, vanish_after_blocks: int | None = None
    ) -> None:
        self._samples = samples
        self._rate = rate
        self._vanish_after = vanish_after_blocks
        self.default = SimpleNamespace(device=(0 if samples is not None else -1, 0))
        self.streams: list[FakeStream] = []

    def query_devices(self, device: Any = None, kind: str | None = None) -> Any:
        devices = (
            []
            if self._samples is None
            else [{"name": "Test mic", "max_input_channels": 1, "default_samplerate": float(self._rate)}]
        )
        if kind is not None:
            if not devices:
                raise PortAudioError("No input device")
            return devices[0]
        return devices

    def check_input_settings(self, **settings: Any) -> None:
        if settings.get("samplerate") != self._rate:
            raise PortAudioError("Invalid sample rate")

    def InputStream(self, **kwargs: Any) -> FakeStream:
        stream = FakeStream(self, **{k: v for k, v in kwargs.items() if k != "device"})
        self.streams.append(stream)
        return stream


class FakeStream:
    def __init__(
        self,
        device: FakeSoundDevice,
        *,
        samplerate: int,
        blocksize: int,
        callback: Any,
        finished_callback: Any,
        **_: Any,
    ) -> None:
        self._device = device
        self._blocksize = blocksize
        self._callback = callback
        self._finished = finished_callback
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.closed = False

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        samples = self._device._samples
        assert samples is not None
        blocks = 0
        for offset in range(0, len(samples), self._blocksize):
            if self._stop.wait(self._blocksize / self._device._rate / 20):  # 20x real time
                break
            if self._device._vanish_after is not None and blocks >= self._device._vanish_after:
                break  # the device is gone: no more callbacks
            block = samples[offset : offset + self._blocksize].reshape(-1, 1)
            self._callback(block, len(block), None, None)
            blocks += 1
        if self._device._vanish_after is not None:
            self._finished()
            return
        self._stop.wait()
        self._finished()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def close(self) -> None:
        self.closed = True
