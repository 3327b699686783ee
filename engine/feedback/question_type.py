"""The seven kinds of interview question, each judged by its own criteria (criteria.py)."""

from __future__ import annotations

import enum


class QuestionType(enum.StrEnum):
    BEHAVIOURAL = "behavioural"  # a real past experience: judged on STAR
    SITUATIONAL = "situational"  # a hypothetical: judged on the plan, its reasons and its expected outcome
    MOTIVATION = "motivation"  # why this company, role or field; goals; fit
    SELF_INTRODUCTION = "self_introduction"
    STRENGTHS_WEAKNESSES = "strengths_weaknesses"
    TECHNICAL = "technical"  # knowledge for the role
    CLOSING = "closing"  # "any questions for us?"

    @property
    def uses_star(self) -> bool:
        return self in (QuestionType.BEHAVIOURAL, QuestionType.SITUATIONAL)
