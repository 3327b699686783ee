"""The audio a cloud session has heard but not yet seen finalised, so a new stream can replay it.

Frames are appended as they arrive; a final result confirms the audio up to its end, and what lies before
is dropped, so memory stays flat however long the answer. Readers (the live stream, a replacement stream,
or the local fallback) each read from a sample of their choosing and wait, pushed by an event, for more.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator

from engine.audio.frames import AudioFrame


class AudioLedger:
    def __init__(self) -> None:
        self._frames: deque[AudioFrame] = deque()
        self._grown = asyncio.Event()
        self.finished = False
        self.confirmed = 0  # sample up to which finals cover the audio
        self.first_sample: int | None = None
        self.end_sample = 0  # one past the last sample appended

    def append(self, frame: AudioFrame) -> None:
        if self.first_sample is None:
            self.first_sample = self.confirmed = frame.start_sample
        self._frames.append(frame)
        self.end_sample = frame.end_sample
        self._grown.set()

    def finish(self) -> None:
        self.finished = True
        self._grown.set()

    def confirm(self, sample: int) -> None:
        """Finals cover the audio up to `sample`: nothing before it needs replaying any more."""
        self.confirmed = max(self.confirmed, min(sample, self.end_sample))
        while self._frames and self._frames[0].end_sample <= self.confirmed:
            self._frames.popleft()

    async def read_from(self, sample: int) -> AsyncIterator[AudioFrame]:
        """Frames from `sample` on (the first one cut to start there), until the audio is finished."""
        position = sample
        while True:
            sent_any = False
            for frame in list(self._frames):
                if frame.end_sample <= position:
                    continue
                if frame.start_sample < position:
                    frame = AudioFrame(frame.samples[position - frame.start_sample :], position)
                position = frame.end_sample
                sent_any = True
                yield frame
            if sent_any:
                continue  # more may have arrived while the reader was busy
            if self.finished and position >= self.end_sample:
                return
            self._grown.clear()
            if self.end_sample > position or self.finished:
                continue
            await self._grown.wait()
