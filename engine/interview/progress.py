"""Where an interview stands (its questions, the turn asked, the answers that arrived) and what one answer
came to."""

from __future__ import annotations

from dataclasses import dataclass, field

from engine.analysis.metrics import AnswerMetrics
from engine.errors import AppError
from engine.feedback.question_type import QuestionType
from engine.interview.questions import Question
from engine.interview.state import SessionState
from engine.interview.turns import TurnPlan
from engine.stt.contract import TranscriptEvent


@dataclass(frozen=True)
class AnswerOutcome:
    answer_id: int
    status: str  # complete, incomplete (an error cut it short; what was heard is kept), failed, skipped
    transcript: str
    finals: tuple[TranscriptEvent, ...]
    metrics: AnswerMetrics | None
    error: AppError | None = None


@dataclass
class Progress:
    questions: list[Question] = field(default_factory=list)
    asked: int = 0  # turns asked, follow-ups included
    question_row: int = 0
    question: str = ""  # the question now asked, and the type its answer is judged by
    question_type: QuestionType = QuestionType.BEHAVIOURAL
    plan: TurnPlan | None = None
    answered: int = 0  # answers whose audio arrived (complete, or incomplete when it was cut off)
    failed: int = 0  # answers whose audio never arrived

    def outcome(self) -> SessionState:
        """What an interview that ran to its end was: complete only if some question was answered."""
        if self.answered:
            return SessionState.COMPLETE
        return SessionState.FAILED if self.failed else SessionState.INTERRUPTED
