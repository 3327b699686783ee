"""The speech-recognition contract every backend (local Whisper, Google, RTZR) fulfils."""

from __future__ import annotations

import enum
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Protocol

from engine.audio.frames import AudioFrame
from engine.errors import AppError

# The backend named by an answer's stored transcript once its whole audio was read again (engine/stt/reread.py).
REREAD_BACKEND = "whisper-reread"


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
    """A partial replaces the previous partial of the same utterance; a final closes the utterance: no partial
    follows it. A later final of the same utterance revises it and takes its place (the local recogniser
    reads a short utterance again with the one after it, engine/stt/finals.py).

    `stable_text` is the prefix of `text` that no later partial changes (LocalAgreement); for a final it
    equals `text` (only a revision can still change it). Times are seconds of the session's audio.
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


@dataclass(frozen=True, slots=True)
class RecognitionNotice:
    """Something about recognition itself the user should know: a cloud connection's state changed, the
    answer went on on local recognition, credentials were refused. `key` names a message-catalogue entry
    ("" for a bare state change); `error` is set when the user has something to fix."""

    state: str  # a cloud connection state (engine.stt.cloud.connection.ConnectionState value)
    key: str
    params: tuple[tuple[str, str], ...] = ()
    error: AppError | None = None
    backend: str = ""


RecognitionEvent = TranscriptEvent | RecognitionNotice


class StreamingTranscriptionSession(Protocol):
    """Open, feed frames, finish (flush the last utterance), close. Events arrive on `events()`.

    The session runs until the user ends it; streams to a provider under it may end and restart many
    times without the caller noticing. Each final is delivered once, or again as a revision (TranscriptEvent).
    """

    backend: str

    async def start(self) -> None: ...

    def accept_audio(self, frame: AudioFrame) -> None: ...

    async def finish(self) -> None: ...

    async def close(self) -> None: ...

    def events(self) -> AsyncIterator[RecognitionEvent]: ...
