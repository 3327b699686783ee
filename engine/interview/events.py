"""What an interview session tells its listeners (CLI, GUI, tests). Frozen: they cross into the UI.

They follow the message kinds of the design notes: connection_ack (SessionStarted), audio_processed and
real_time_feedback (TranscriptUpdated), score_update, session_complete, error_message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from engine.analysis.metrics import AnswerMetrics
from engine.errors import AppError
from engine.interview.state import SessionState
from engine.stt.contract import TranscriptEvent


@dataclass(frozen=True, slots=True)
class SessionStarted:
    session_id: int
    question_count: int


@dataclass(frozen=True, slots=True)
class StateChanged:
    session_id: int
    state: SessionState


@dataclass(frozen=True, slots=True)
class QuestionAsked:
    session_id: int
    number: int  # 1-based
    question_id: int
    text: str
    category: str


@dataclass(frozen=True, slots=True)
class TranscriptUpdated:
    session_id: int
    answer_id: int
    event: TranscriptEvent


@dataclass(frozen=True, slots=True)
class AnswerFinished:
    session_id: int
    answer_id: int
    transcript: str
    duration_s: float
    status: str  # complete, skipped, failed


@dataclass(frozen=True, slots=True)
class FeedbackReady:
    session_id: int
    answer_id: int
    metrics: AnswerMetrics


@dataclass(frozen=True, slots=True)
class ScoreUpdated:
    session_id: int
    answer_id: int
    scores: tuple[tuple[str, float], ...]


@dataclass(frozen=True, slots=True)
class SessionComplete:
    session_id: int
    state: SessionState


@dataclass(frozen=True, slots=True)
class ErrorRaised:
    session_id: int
    error: AppError
    recoverable: bool  # True: the interview goes on (e.g. one answer's file was damaged)


@dataclass(frozen=True, slots=True)
class Notice:
    """Advice the user should see, not an error (e.g. a weak model for the interview's language)."""

    session_id: int
    message_key: str


InterviewEvent = (
    SessionStarted
    | Notice
    | StateChanged
    | QuestionAsked
    | TranscriptUpdated
    | AnswerFinished
    | FeedbackReady
    | ScoreUpdated
    | SessionComplete
    | ErrorRaised
)
Listener = Callable[[InterviewEvent], None]
