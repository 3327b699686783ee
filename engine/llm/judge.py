"""The interviewer model as a judge of evidence: for each criterion of the question's type it is asked to
quote the answer, and whether the answer addresses the question. It is never asked for numbers: the quotes
are checked against the transcript and scored like the model-free cues (engine/feedback/assess.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from engine import messages
from engine.errors import LlmError
from engine.feedback.criteria import criterion_names
from engine.feedback.cues import cues
from engine.feedback.question_type import QuestionType
from engine.llm import prompts
from engine.llm.contract import ChatMessage, FinishReason, GenerationRequest, LanguageModel, Role
from engine.llm.rubric import review_schema

JUDGE_MAX_TOKENS = 700  # a quote per criterion (at most seven) and the verdict, Korean included
ANSWER_MAX_CHARS = 6_000  # a longer answer is cut: the prompt must fit a small model's context


@dataclass(frozen=True)
class ModelEvidence:
    relevant: bool
    quotes: dict[str, tuple[str, ...]]  # criterion → what the model quoted (not yet checked)
    model: str


def judge_schema(names: tuple[str, ...]) -> dict[str, Any]:
    """The review's evidence and verdict alone: without improvements and an example answer, a small model
    answers in a few hundred tokens."""
    full = review_schema(names)
    keep = ("evidence", "relevant")
    return {**full, "properties": {k: full["properties"][k] for k in keep}, "required": list(keep)}


def names_for(question: str, language: str, kind: QuestionType) -> tuple[str, ...]:
    """The criteria a model is asked to quote for this question: its type's, and a last word's where the
    question invites one (criteria.weight_sets)."""
    return criterion_names(kind, question, cues(language))


def criteria_lines(names: tuple[str, ...], language: str) -> str:
    """Each criterion as the prompt lists it: its key, its name, what shows it."""
    return "\n".join(
        f'- "{name}": {messages.text(f"criterion.{name}", language)}. '
        + messages.text(f"raise.{name}", language, missed="")
        for name in names
    )


def judge_request(question: str, answer: str, language: str, kind: QuestionType) -> GenerationRequest:
    names = names_for(question, language, kind)
    note = prompts.note(
        language,
        "judge",
        kind=messages.text(f"qtype.{kind.value}", language),
        question=question.strip(),
        answer=answer.strip()[:ANSWER_MAX_CHARS],
        criteria=criteria_lines(names, language),
    )
    return GenerationRequest(
        (ChatMessage(Role.USER, note),), max_tokens=JUDGE_MAX_TOKENS, temperature=0.0, json_schema=judge_schema(names)
    )


def parse_judgement(text: str, names: tuple[str, ...], model: str) -> ModelEvidence:
    try:
        data = json.loads(text, strict=False)
    except json.JSONDecodeError as error:
        raise LlmError("llm.judge_unusable", detail=f"not JSON ({error.msg})") from error
    evidence = data.get("evidence") if isinstance(data, dict) else None
    if not isinstance(evidence, dict) or not isinstance(data.get("relevant"), bool):
        raise LlmError("llm.judge_unusable", detail="off the schema")
    quotes: dict[str, tuple[str, ...]] = {
        name: (value.strip(),) for name in names if isinstance(value := evidence.get(name), str) and value.strip()
    }
    return ModelEvidence(bool(data["relevant"]), quotes, model)


async def judge(model: LanguageModel, question: str, answer: str, language: str, kind: QuestionType) -> ModelEvidence:
    """The model's quotes for each criterion. Raises LlmError when its reply is cut off or unusable."""
    request = judge_request(question, answer, language, kind)
    parts: list[str] = []
    finish: FinishReason | None = None
    async for chunk in model.stream(request):
        parts.append(chunk.text)
        finish = chunk.finish or finish
    if finish is FinishReason.LENGTH:
        raise LlmError("llm.judge_unusable", detail=f"cut off at {request.max_tokens} tokens")
    return parse_judgement("".join(parts), names_for(question, language, kind), model.info.name)
