"""One answer heard: each frame of its audio goes to the recogniser and the recording as it arrives, and each
final is stored before it is shown. In real mode the answer is cut at its time limit; what was said is kept."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from engine.audio.frames import AudioSource
from engine.audio.recording import AnswerRecorder
from engine.errors import AppError, AudioFileError, MicrophoneError
from engine.stt.contract import RecognitionNotice, StreamingTranscriptionSession, TranscriptEvent

if TYPE_CHECKING:  # it loads CTranslate2: only once the model has loaded
    from engine.stt.read_ahead import ReadAhead


@dataclass
class Captured:
    """What has been heard so far; read by the caller whether the capture ends well or not."""

    finals: list[TranscriptEvent] = field(default_factory=list)
    samples: int = 0
    source_error: AppError | None = None  # the file or microphone failed: what came before it is kept

    def keep(self, final: TranscriptEvent) -> None:
        """Add a final, or put it in place of the final of the same utterance it revises."""
        self.finals[:] = self.with_final(final)

    def with_final(self, final: TranscriptEvent) -> list[TranscriptEvent]:
        """The finals as they will be once `final` is kept."""
        if any(f.utterance_id == final.utterance_id for f in self.finals):
            return [final if f.utterance_id == final.utterance_id else f for f in self.finals]
        return [*self.finals, final]


@dataclass(frozen=True)
class CaptureHooks:
    store_final: Callable[[TranscriptEvent], Awaitable[None]]  # committed before it is shown
    shown: Callable[[TranscriptEvent], None]  # a partial or a final, for the screen
    notice: Callable[[RecognitionNotice], None]  # the recogniser's own news (a cloud fallback)
    time_up: Callable[[], None]  # real mode: the answer reached its limit


async def capture(
    source: AudioSource,
    stt: StreamingTranscriptionSession,
    recorder: AnswerRecorder,
    captured: Captured,
    hooks: CaptureHooks,
    *,
    limit: int | None,
    ahead: ReadAhead | None = None,
) -> None:
    """Until the source ends (or is stopped), with `stt` started by the caller; `limit` in samples. `ahead`
    reads the answer again as it is recorded, for its stored transcript."""

    async def pump() -> None:
        cut = False
        try:
            async for frame in source.frames():
                if cut:  # time was up: what the stopped source still hands over is let go, not kept
                    continue
                stt.accept_audio(frame)
                recorder.add(frame)
                if ahead is not None:
                    ahead.add(frame.samples)  # the same audio as the recording's, frame for frame
                captured.samples = frame.end_sample
                if limit is not None and captured.samples >= limit:
                    # Read on to the source's end rather than leaving it mid-stream: a microphone closes its
                    # stream when its generator ends, before the next answer opens it again.
                    source.stop()
                    cut = True
                    hooks.time_up()
        except (AudioFileError, MicrophoneError) as error:
            captured.source_error = error  # keep what was heard; the recogniser still finishes it below
        await stt.finish()

    async def consume() -> None:
        async for event in stt.events():
            if isinstance(event, RecognitionNotice):
                hooks.notice(event)
                continue
            if event.is_final and event.text:
                await hooks.store_final(event)
                captured.keep(event)
            hooks.shown(event)

    async with asyncio.TaskGroup() as group:
        group.create_task(pump(), name="answer-audio")
        group.create_task(consume(), name="answer-transcript")
