"""Ending an answer on silence: once the candidate has spoken, a silence longer than the limit ends the
answer, with a countdown the UI shows; speaking again cancels it.

The default limit is 4 s: candidates pause to think, and users of other voice tools complain of being cut
off after 1-3 s of silence. Speech is judged by Silero VAD (the same model the recogniser uses), on its
own thread, a frame at a time.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from engine.audio.frames import SAMPLE_RATE, AudioFrame, AudioSource

log = logging.getLogger(__name__)

SPEECH_THRESHOLD = 0.5  # Silero probability, as the segmenter uses
SHOW_AFTER_S = 1.0  # the countdown appears after this much silence: shorter pauses are just breathing


def _proven_vad() -> object | None:
    """The VAD, once ONNX Runtime has run in a child process here without crashing (engine/native); None if it
    crashed there. Blocking."""
    from engine.errors import AppError
    from engine.native.probe import Library, ensure_safe
    from engine.stt.vad import StreamingVad, model_path

    try:
        ensure_safe(Library.VAD, Path(model_path()))
    except AppError as error:
        log.warning("silence countdown off: %s", error.message("en"))
        return None
    return StreamingVad()


class SilenceCountdownSource:
    """Passes frames through; calls `on_countdown(seconds_left)` while a countdown runs, `on_countdown(None)`
    when speech cancels it, and stops the source when it reaches zero."""

    def __init__(
        self,
        source: AudioSource,
        limit_s: float,
        on_countdown: Callable[[float | None], None],
        vad_factory: Callable[[], object | None] | None = None,
    ) -> None:
        self._source = source
        self.limit_s = limit_s
        self._on_countdown = on_countdown
        self._vad_factory = vad_factory
        self.heard_speech = False
        self._silence_samples = 0  # counted in samples: tenths of a second added as floats drift
        self.ended_by_silence = False
        self._showing = False

    @property
    def silence_s(self) -> float:
        return self._silence_samples / SAMPLE_RATE

    def stop(self) -> None:
        self._source.stop()

    async def frames(self) -> AsyncIterator[AudioFrame]:
        loop = asyncio.get_running_loop()
        thread = ThreadPoolExecutor(1, thread_name_prefix="silence-vad")
        try:
            vad = await loop.run_in_executor(thread, self._vad_factory or _proven_vad)
            if vad is None:  # ONNX Runtime crashed in its probe here: frames pass, the answer ends on the button
                async for frame in self._source.frames():
                    yield frame
                return
            async for frame in self._source.frames():
                probabilities = await loop.run_in_executor(thread, vad.process, frame.samples)  # type: ignore[attr-defined]
                self._judge(bool(len(probabilities)) and float(probabilities.max()) >= SPEECH_THRESHOLD, frame)
                yield frame
                if self.ended_by_silence:
                    self._source.stop()
        finally:
            thread.shutdown(wait=False, cancel_futures=True)

    def _judge(self, speech: bool, frame: AudioFrame) -> None:
        if self.ended_by_silence:
            return
        if speech:
            self.heard_speech = True
            self._silence_samples = 0
            if self._showing:
                self._showing = False
                self._on_countdown(None)
            return
        if not self.heard_speech:
            return  # thinking before the first word is not the end of an answer
        self._silence_samples += len(frame.samples)
        left = max(0.0, round(self.limit_s - self.silence_s, 3))
        if self._silence_samples >= min(SHOW_AFTER_S, self.limit_s) * SAMPLE_RATE or left == 0.0:
            self._showing = True
            self._on_countdown(round(left, 1))
        if left == 0.0:
            log.info("answer ended after %.1f s of silence", self.silence_s)
            self.ended_by_silence = True
