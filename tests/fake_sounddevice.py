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


class CallbackStop(Exception):
    pass


class FakeSoundDevice:
    PortAudioError = PortAudioError
    CallbackStop = CallbackStop

    def __init__(
        self,
        samples: np.ndarray | None,
        *,
        rate: int = 16000,
        vanish_after_blocks: int | None = None,
        repeat: bool = False,
        paced_output: bool = False,
    ) -> None:
        self._samples = samples
        self._repeat = repeat  # a live microphone never runs out: play the clip round and round
        self._paced_output = paced_output  # play at real time (a sound being cut short), else at once
        self._rate = rate
        self._vanish_after = vanish_after_blocks
        self.default = SimpleNamespace(device=(0 if samples is not None else -1, 0))
        self.streams: list[FakeStream] = []
        self.outputs: list[FakeOutputStream] = []

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

    def OutputStream(self, **kwargs: Any) -> FakeOutputStream:
        stream = FakeOutputStream(paced=self._paced_output, **{k: v for k, v in kwargs.items() if k != "device"})
        self.outputs.append(stream)
        return stream


class FakeOutputStream:
    """Pulls blocks from the callback on its own thread, as PortAudio does, and keeps what was played."""

    def __init__(
        self, *, samplerate: int, blocksize: int, callback: Any, finished_callback: Any, paced: bool = False, **_: Any
    ) -> None:
        self.samplerate = samplerate
        self._paced = paced
        self.completed = False  # the callback said the sound had ended (not stopped from outside)
        self._blocksize = blocksize
        self._callback = callback
        self._finished = finished_callback
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.blocks: list[np.ndarray] = []
        self.closed = False

    @property
    def played(self) -> np.ndarray:
        return np.concatenate(self.blocks) if self.blocks else np.zeros(0, np.int16)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            out = np.zeros((self._blocksize, 1), dtype=np.int16)
            try:
                self._callback(out, self._blocksize, None, None)
            except CallbackStop:
                self.blocks.append(out[:, 0].copy())
                self.completed = True
                break
            if self._paced and self._stop.wait(self._blocksize / self.samplerate):
                self.blocks.append(out[:, 0].copy())
                break
            self.blocks.append(out[:, 0].copy())
        self._finished()

    def stop(self) -> None:
        self._stop.set()
        if threading.current_thread() is not self._thread:
            self._thread.join(timeout=5)

    def close(self) -> None:
        self.closed = True


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
        if self._device._repeat:
            samples = np.tile(samples, 1000)
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
