"""A source wrapper that reports each frame as it passes (level meter, answer timer) without copying it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

from engine.audio.frames import AudioFrame, AudioSource


class TappedSource:
    def __init__(self, source: AudioSource, on_frame: Callable[[AudioFrame], None]) -> None:
        self._source = source
        self._on_frame = on_frame

    def stop(self) -> None:
        self._source.stop()

    async def frames(self) -> AsyncIterator[AudioFrame]:
        async for frame in self._source.frames():
            self._on_frame(frame)
            yield frame
