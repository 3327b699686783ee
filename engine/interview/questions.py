"""The bundled question bank (resources/questions/{en,ko}.json) and how questions are chosen from it."""

from __future__ import annotations

import enum
import json
import random
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from engine.errors import ConfigError
from engine.feedback.question_type import QuestionType
from engine.runtime.resources import resource_path

if TYPE_CHECKING:  # the config holds questions (a redo's): imported for its type only
    from engine.interview.config import InterviewConfig


class Category(enum.StrEnum):
    BEHAVIOURAL = "behavioural"
    SITUATIONAL = "situational"
    MOTIVATION = "motivation"
    CULTURE_FIT = "culture_fit"
    TECHNICAL = "technical"
    CLOSING = "closing"  # "Do you have any questions for us?": asked last, when the interview closes with it


class InterviewKind(enum.StrEnum):
    BEHAVIOURAL = "behavioural"
    TECHNICAL = "technical"
    MIXED = "mixed"


KIND_CATEGORIES: dict[InterviewKind, tuple[Category, ...]] = {
    InterviewKind.BEHAVIOURAL: (Category.BEHAVIOURAL, Category.SITUATIONAL, Category.MOTIVATION, Category.CULTURE_FIT),
    InterviewKind.TECHNICAL: (Category.TECHNICAL, Category.SITUATIONAL),
    InterviewKind.MIXED: tuple(c for c in Category if c is not Category.CLOSING),  # the close is its own turn
}

ROLE_FAMILIES = ("any", "software", "data", "product", "design", "marketing", "sales", "operations")
SENIORITIES = ("any", "junior", "mid", "senior")


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    category: Category
    roles: tuple[str, ...]
    seniority: str
    text: str
    kind: QuestionType = QuestionType.BEHAVIOURAL  # what its answer is judged by


@cache
def load_bank(language: str) -> tuple[Question, ...]:
    data = json.loads(resource_path("questions", f"{language}.json").read_text("utf-8"))
    return tuple(
        Question(
            q["id"], Category(q["category"]), tuple(q["roles"]), q["seniority"], q["text"], QuestionType(q["type"])
        )
        for q in data["questions"]
    )


def closing_question(language: str) -> Question:
    """The bank's closing turn: the candidate's questions for the interviewer."""
    return next(q for q in load_bank(language) if q.category is Category.CLOSING)


def bank_question(language: str, bank_id: str) -> Question | None:
    return next((q for q in load_bank(language) if q.id == bank_id), None)


def _fits(question: Question, role_family: str, seniority: str) -> bool:
    role_ok = "any" in question.roles or role_family == "any" or role_family in question.roles
    level_ok = question.seniority == "any" or seniority == "any" or question.seniority == seniority
    return role_ok and level_ok


def choose_questions(
    language: str,
    kind: InterviewKind,
    count: int,
    *,
    role_family: str = "any",
    seniority: str = "any",
    recently_asked: frozenset[str] = frozenset(),
    rng: random.Random | None = None,
) -> list[Question]:
    """Pick `count` questions: an opener first, then a spread over the kind's categories.

    Questions asked in recent sessions are avoided; only when the fitting pool runs dry are they reused
    (least recent data is not kept, so reuse is random among them).
    """
    rng = rng or random.Random()
    categories = KIND_CATEGORIES[kind]
    pool = [q for q in load_bank(language) if q.category in categories and _fits(q, role_family, seniority)]
    if not pool:
        raise ConfigError("config.no_questions", lang=language, kind=kind.value)
    fresh = [q for q in pool if q.id not in recently_asked]
    stale = [q for q in pool if q.id in recently_asked]
    rng.shuffle(fresh)
    rng.shuffle(stale)
    # Role-specific questions first within each category: they are the ones that make it feel tailored.
    fresh.sort(key=lambda q: "any" in q.roles)
    chosen: list[Question] = []
    # An interview opens with the candidate introducing themselves or their motivation, as real ones do.
    openers = [q for q in fresh if q.category is Category.MOTIVATION]
    if openers and Category.MOTIVATION in categories:
        chosen.append(openers[0])
    by_category = {c: [q for q in fresh if q.category is c and q not in chosen] for c in categories}
    while len(chosen) < count and any(by_category.values()):
        for category in categories:
            if by_category[category] and len(chosen) < count:
                chosen.append(by_category[category].pop(0))
    return (chosen + stale)[:count]


def interview_questions(config: InterviewConfig, recently_asked: frozenset[str]) -> list[Question]:
    """An interview's questions: those given (a redo, the drill) as they were asked, else drawn from the bank,
    and the closing question last where the interview ends with one. Reads the bank from disk on first use."""
    if config.given:
        questions = list(config.given)
    else:
        questions = choose_questions(
            config.language,
            config.kind,
            config.question_count,
            role_family=config.role_family,
            seniority=config.seniority,
            recently_asked=recently_asked,
        )
    if config.closing_turn and questions[-1].kind is not QuestionType.CLOSING:
        questions.append(closing_question(config.language))
    return questions
