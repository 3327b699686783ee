"""Helpers for the cloud recognition tests: run a session over frames and collect what it says."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass, field

from engine.audio.frames import AudioFrame
from engine.stt.contract import RecognitionNotice, StreamingTranscriptionSession, TranscriptEvent


@dataclass
class Heard:
    events: list[TranscriptEvent] = field(default_factory=list)
    notices: list[RecognitionNotice] = field(default_factory=list)

    @property
    def finals(self) -> list[TranscriptEvent]:
        return [e for e in self.events if e.is_final and e.text]

    @property
    def words(self) -> list[str]:
        return [w.text for f in self.finals for w in f.words]


async def run_session(
    session: StreamingTranscriptionSession, frames: Iterable[AudioFrame], *, pause_every: int = 0
) -> Heard:
    """Feed every frame, finish, and collect events; `pause_every` yields to the loop between frames."""
    heard = Heard()
    await session.start()

    async def feed() -> None:
        for n, frame in enumerate(frames):
            session.accept_audio(frame)
            if pause_every and n % pause_every == 0:
                await asyncio.sleep(0)
        await session.finish()

    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(feed())

            async def collect() -> None:
                async for event in session.events():
                    if isinstance(event, RecognitionNotice):
                        heard.notices.append(event)
                    else:
                        heard.events.append(event)

            group.create_task(collect())
    finally:
        await session.close()
    return heard


def assert_exactly_once_in_order(heard: Heard, cells: int) -> None:
    """Every counter cell's word arrived once, in order, at its own time: nothing lost, repeated or shifted."""
    assert heard.words == [f"w{k}" for k in range(cells)]
    for final in heard.finals:
        for word in final.words:
            k = int(word.text[1:])
            assert abs(word.start - k * 0.1) < 1e-3 and abs(word.end - (k + 1) * 0.1) < 1e-3, word
    ids = [f.utterance_id for f in heard.finals]
    assert ids == sorted(set(ids)), "a final was repeated or out of order"
    starts = [f.start for f in heard.finals]
    assert starts == sorted(starts), "timestamps went backwards"
