"""A question's type when no cue phrase decides it: naive Bayes over its words (English: words and word
pairs and triples; Korean: syllable pairs and triples, which survive particles and endings), trained at
first use on labelled questions: resources/feedback/question_types.jsonl (the dev split's questions and
140 more) and the bundled question bank. How often it reads a type right is in docs/ARCHITECTURE.md and
bench/feedback_quality.py's output.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from engine.feedback.question_type import QuestionType
from engine.feedback.text import ngrams
from engine.runtime.resources import resource_path

_WORD = re.compile(r"[a-z']+|[\uac00-\ud7a3]+")
SMOOTHING = 0.3  # additive smoothing; chosen by cross-validation on the training questions


def features(question: str, language: str) -> set[str]:
    return ngrams(question.lower(), _WORD, language, longest=3)


@dataclass(frozen=True)
class QuestionModel:
    counts: dict[QuestionType, Counter[str]]
    totals: dict[QuestionType, int]
    vocabulary: int

    def classify(self, question: str, language: str) -> QuestionType:
        seen = features(question, language)

        def likelihood(kind: QuestionType) -> float:
            denominator = self.totals[kind] + SMOOTHING * self.vocabulary
            return sum(math.log((self.counts[kind][f] + SMOOTHING) / denominator) for f in seen)

        return max(self.counts, key=likelihood)  # equal priors: no type is favoured for being common


def _examples(language: str) -> list[tuple[QuestionType, str]]:
    lines = resource_path("feedback", "question_types.jsonl").read_text("utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    out = [(QuestionType(r["type"]), r["question"]) for r in rows if r["lang"] == language]
    bank = json.loads(resource_path("questions", f"{language}.json").read_text("utf-8"))["questions"]
    return out + [(QuestionType(q["type"]), q["text"]) for q in bank]


@cache
def question_model(language: str) -> QuestionModel:
    counts: dict[QuestionType, Counter[str]] = {kind: Counter() for kind in QuestionType}
    vocabulary: set[str] = set()
    for kind, question in _examples(language):
        seen = features(question, language)
        counts[kind].update(seen)
        vocabulary |= seen
    return QuestionModel(counts, {k: sum(c.values()) for k, c in counts.items()}, len(vocabulary))
