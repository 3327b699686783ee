"""What an interview session tells its listeners (CLI, GUI, tests). Frozen: they cross into the UI.

They follow the message kinds of the design notes: connection_ack (SessionStarted), audio_processed and
real_time_feedback (TranscriptUpdated), score_update, session_complete, error_message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from engine import messages
from engine.analysis.metrics import AnswerMetrics
from engine.errors import AppError
from engine.feedback.view import FeedbackView
from engine.interview.state import SessionState
from engine.llm.rubric import ModelReview
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
class QuestionText:
    """The next question as the interviewer model writes it (the text so far), before QuestionAsked."""

    session_id: int
    number: int
    text: str


@dataclass(frozen=True, slots=True)
class QuestionAsked:
    session_id: int
    number: int  # 1-based, counting follow-ups
    question_id: int
    text: str
    category: str
    kind: str = "main"  # main or follow_up
    source: str = "bank"  # bank or model
    lead_in: str = ""  # what the persona says before the question (spoken, not part of it)
    question_type: str = ""  # the QuestionType its answer is judged by
    hint: str = ""  # practice mode: messages key of what the answer is judged on ("hint.behavioural"); "" in real
    prep_s: float = 0.0  # real mode: seconds to prepare before the answer starts on its own (0: none)
    answer_s: float = 0.0  # real mode: the answer's time limit (0: none)


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
    content: FeedbackView  # what the answer says: its score, parts and evidence


@dataclass(frozen=True, slots=True)
class ReviewWriting:
    """The interviewer model is writing its review of this answer (`done`: it stopped, stored or not)."""

    session_id: int
    answer_id: int
    done: bool


@dataclass(frozen=True, slots=True)
class ScoreUpdated:
    """The interviewer model's review of one answer, in the background: the content feedback re-scored with
    the model's verified quotes, and its improvements and example answer."""

    session_id: int
    answer_id: int
    content: FeedbackView
    review: ModelReview


@dataclass(frozen=True, slots=True)
class TranscriptStored:
    """An answer's stored transcript, after its whole audio was read again in one pass (it replaces the live
    finals everywhere but the live view), with its figures and content feedback worked out again."""

    session_id: int
    answer_id: int
    transcript: str
    segments: tuple[TranscriptEvent, ...]
    metrics: AnswerMetrics | None
    content: FeedbackView | None
    seconds: float  # how long the re-read took
    dropped: int  # words the guards left out (text in silence, repeats nobody said)


@dataclass(frozen=True, slots=True)
class SessionComplete:
    session_id: int
    state: SessionState


@dataclass(frozen=True, slots=True)
class ErrorRaised:  # the interview goes on (e.g. one answer's file was damaged); an error that ends it is raised
    session_id: int
    error: AppError


@dataclass(frozen=True, slots=True)
class Notice:
    """Advice the user should see, not an error (e.g. a weak model for the interview's language)."""

    session_id: int
    message_key: str
    params: tuple[tuple[str, str], ...] = ()

    def message(self, lang: str) -> str:
        return messages.text(self.message_key, lang, **dict(self.params))


@dataclass(frozen=True, slots=True)
class RecognitionChanged:
    """The speech backend's connection changed state (connected, reconnecting, failed) for this answer."""

    session_id: int
    backend: str
    state: str  # engine.stt.cloud.connection.ConnectionState value


InterviewEvent = (
    SessionStarted
    | RecognitionChanged
    | Notice
    | StateChanged
    | QuestionText
    | QuestionAsked
    | TranscriptUpdated
    | AnswerFinished
    | FeedbackReady
    | ScoreUpdated
    | ReviewWriting
    | TranscriptStored
    | SessionComplete
    | ErrorRaised
)
Listener = Callable[[InterviewEvent], None]
