"""The scoring rubric: its JSON schema (which constrains the model's output) and the parsed result.

Criteria: STAR (situation, task, action, result), relevance, specificity and evidence, clarity; each 1–5
with a one-sentence reason and one concrete improvement; plus an improved example answer. Output is
checked against the schema again after generation (jsonschema): a remote server may not enforce it, and a
local one may be cut off by the token limit.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from typing import Any

import jsonschema

CRITERIA = ("situation", "task", "action", "result", "relevance", "specificity", "clarity")
STAR = CRITERIA[:4]


REASON_MAX_CHARS = 400
EXAMPLE_MAX_CHARS = 2400
_SENTENCE_END = re.compile(r"(?<=[.!?。])\s|(?<=다\.)|(?<=요\.)")


def _criterion(bounded: bool) -> dict[str, Any]:
    text: dict[str, Any] = {"type": "string", "minLength": 8}
    if bounded:
        text = {**text, "maxLength": REASON_MAX_CHARS}
    return {
        "type": "object",
        "properties": {"score": {"type": "integer", "enum": [1, 2, 3, 4, 5]}, "reason": text, "improvement": text},
        "required": ["score", "reason", "improvement"],
        "additionalProperties": False,
    }


def _rubric(bounded: bool) -> dict[str, Any]:
    example: dict[str, Any] = {"type": "string", "minLength": 40}
    if bounded:
        example = {**example, "maxLength": EXAMPLE_MAX_CHARS}
    return {
        "type": "object",
        "properties": {**{name: _criterion(bounded) for name in CRITERIA}, "example_answer": example},
        "required": [*CRITERIA, "example_answer"],
        "additionalProperties": False,
    }


# What constrains generation: minimum lengths only. llama.cpp's grammar compiler refuses a string bounded to
# hundreds of characters ("number of rules ... exceeds sane defaults"); the token budget bounds it instead.
RUBRIC_SCHEMA: dict[str, Any] = _rubric(bounded=False)
# What a reply must satisfy: no empty filler, nothing absurdly long.
RUBRIC_CHECK: dict[str, Any] = _rubric(bounded=True)

# Enough tokens for seven criteria and the example answer at their maximum lengths (Korean included).
SCORE_MAX_TOKENS = 1800


@dataclass(frozen=True)
class CriterionScore:
    name: str
    score: int
    reason: str
    improvement: str


@dataclass(frozen=True)
class RubricScore:
    criteria: tuple[CriterionScore, ...]
    example_answer: str
    model: str

    @property
    def overall(self) -> float:
        """The mean of the seven criteria, on 1–5."""
        return round(sum(c.score for c in self.criteria) / len(self.criteria), 2)

    def by_name(self, name: str) -> CriterionScore:
        return next(c for c in self.criteria if c.name == name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "criteria": [asdict(c) for c in self.criteria],
            "example_answer": self.example_answer,
            "model": self.model,
            "overall": self.overall,
        }


class RubricParseError(ValueError):
    """The model's output is not a complete, valid rubric (malformed, truncated, or off-schema)."""


def fit(text: str, limit: int) -> str:
    """`text` if it fits in `limit` characters, else its whole sentences that do (else its words, with …).
    A small model sometimes runs one reason on for a paragraph: its first sentences are the reason."""
    text = text.strip()
    if len(text) <= limit:
        return text
    head = text[:limit]
    ends = [m.end() for m in _SENTENCE_END.finditer(head)]
    if ends and ends[-1] >= limit // 4:
        return head[: ends[-1]].strip()
    return head[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def _fitted(data: Any) -> Any:
    """The reply with over-long texts cut to their limits (before the check, which still refuses the rest)."""
    if not isinstance(data, dict):
        return data
    data = dict(data)
    for name in CRITERIA:
        entry = data.get(name)
        if isinstance(entry, dict):
            data[name] = {
                key: fit(value, REASON_MAX_CHARS)
                if key in ("reason", "improvement") and isinstance(value, str)
                else value
                for key, value in entry.items()
            }
    if isinstance(data.get("example_answer"), str):
        data["example_answer"] = fit(data["example_answer"], EXAMPLE_MAX_CHARS)
    return data


def parse(text: str, model: str) -> RubricScore:
    try:
        data = _fitted(json.loads(text, strict=False))  # a raw newline inside a string is no reason to refuse
    except json.JSONDecodeError as error:
        raise RubricParseError(f"not JSON ({error.msg} at {error.pos})") from error
    try:
        jsonschema.validate(data, RUBRIC_CHECK)
    except jsonschema.ValidationError as error:
        raise RubricParseError(f"off the schema: {error.message}") from error
    criteria = tuple(
        CriterionScore(name, int(data[name]["score"]), data[name]["reason"].strip(), data[name]["improvement"].strip())
        for name in CRITERIA
    )
    return RubricScore(criteria, data["example_answer"].strip(), model)
