"""What the interviewer model says of one answer: a quote from the answer for each criterion of the
question's type, whether it addresses the question, up to three improvements, and an improved example answer.

The model gives no numbers: its quotes are checked against the transcript and scored like the model-free
cues (engine/feedback/assess.py). Output is checked against the schema again after generation
(jsonschema): a remote server may not enforce it, and a local one may be cut off by the token limit.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

REASON_MAX_CHARS = 400
EXAMPLE_MAX_CHARS = 2400
_SENTENCE_END = re.compile(r"(?<=[.!?。])\s|(?<=다\.)|(?<=요\.)")


def _review(names: tuple[str, ...], bounded: bool) -> dict[str, Any]:
    """`names`: the criteria to quote (criteria.criterion_names)."""
    text: dict[str, Any] = {"type": "string", "minLength": 8}
    example: dict[str, Any] = {"type": "string", "minLength": 40}
    if bounded:
        text = {**text, "maxLength": REASON_MAX_CHARS}
        example = {**example, "maxLength": EXAMPLE_MAX_CHARS}
    return {
        "type": "object",
        "properties": {
            "evidence": {
                "type": "object",
                "properties": {name: {"type": "string"} for name in names},
                "required": list(names),
                "additionalProperties": False,
            },
            "relevant": {"type": "boolean"},
            "improvements": {"type": "array", "items": text, "minItems": 1, "maxItems": 3},
            "example_answer": example,
        },
        "required": ["evidence", "relevant", "improvements", "example_answer"],
        "additionalProperties": False,
    }


def review_schema(names: tuple[str, ...]) -> dict[str, Any]:
    """What constrains generation: minimum lengths only. llama.cpp's grammar compiler refuses a string
    bounded to hundreds of characters ("number of rules ... exceeds sane defaults"); the token budget
    bounds it instead."""
    return _review(names, bounded=False)


# Enough tokens for seven quotes, three improvements and the example answer at their limits (Korean included).
SCORE_MAX_TOKENS = 1800


@dataclass(frozen=True)
class ModelReview:
    relevant: bool
    quotes: dict[str, tuple[str, ...]]  # criterion → the model's quote, not yet checked against the transcript
    improvements: tuple[str, ...]
    example_answer: str
    model: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "relevant": self.relevant,
            "quotes": {name: list(quotes) for name, quotes in self.quotes.items()},
            "improvements": list(self.improvements),
            "example_answer": self.example_answer,
            "model": self.model,
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
    if isinstance(data.get("improvements"), list):
        data["improvements"] = [fit(v, REASON_MAX_CHARS) if isinstance(v, str) else v for v in data["improvements"]]
    if isinstance(data.get("example_answer"), str):
        data["example_answer"] = fit(data["example_answer"], EXAMPLE_MAX_CHARS)
    return data


def parse(text: str, model: str, names: tuple[str, ...]) -> ModelReview:
    try:
        data = _fitted(json.loads(text, strict=False))  # a raw newline inside a string is no reason to refuse
    except json.JSONDecodeError as error:
        raise RubricParseError(f"not JSON ({error.msg} at {error.pos})") from error
    import jsonschema  # here, where a review is read: start-up need not wait for it

    try:
        jsonschema.validate(data, _review(names, bounded=True))
    except jsonschema.ValidationError as error:
        raise RubricParseError(f"off the schema: {error.message}") from error
    quotes: dict[str, tuple[str, ...]] = {
        str(name): (str(quote).strip(),) for name, quote in data["evidence"].items() if str(quote).strip()
    }
    improvements = tuple(v.strip() for v in data["improvements"])
    return ModelReview(bool(data["relevant"]), quotes, improvements, data["example_answer"].strip(), model)
