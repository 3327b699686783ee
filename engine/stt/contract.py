"""The speech-recognition contract every backend (local Whisper, Google, RTZR) fulfils."""

from __future__ import annotations

import enum
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Protocol

from engine.audio.frames import AudioFrame


class TranscriptKind(enum.Enum):
    PARTIAL = "partial"
    FINAL = "final"


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    start: float  # seconds of the session's audio
    end: float
    probability: float


@dataclass(frozen=True, slots=True)
class TranscriptEvent:
    """A partial replaces the previous partial of the same utterance; a final closes the utterance.

    `stable_text` is the prefix of `text` that will not change any more (LocalAgreement); for a final it
    equals `text`. Times are seconds of the session's audio.
    """

    kind: TranscriptKind
    utterance_id: int
    text: str
    stable_text: str
    start: float
    end: float
    words: tuple[Word, ...]
    confidence: float
    backend: str

    @property
    def is_final(self) -> bool:
        return self.kind is TranscriptKind.FINAL


class StreamingTranscriptionSession(Protocol):
    """Open, feed frames, finish (flush the last utterance), close. Events arrive on `events()`.

    The session runs until the user ends it; streams to a provider under it may end and restart many
    times without the caller noticing. Each final is delivered exactly once.
    """

    backend: str

    async def start(self) -> None: ...

    def accept_audio(self, frame: AudioFrame) -> None: ...

    async def finish(self) -> None: ...

    async def close(self) -> None: ...

    def events(self) -> AsyncIterator[TranscriptEvent]: ...
