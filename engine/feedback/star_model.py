"""A second reader of STAR parts: naive Bayes over a sentence's words (English: words and word pairs;
Korean: syllable pairs and triples) and its place in the answer, trained at first use on the dev split's
labelled sentences (resources/feedback/star_sentences.jsonl). Where it agrees with the cue rules (star.py),
a tag is sure enough to be shown as evidence: the two readers agreeing are right far more often than the
rules alone (cross-validated figures in docs/ARCHITECTURE.md).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from engine.feedback.text import ngrams
from engine.runtime.resources import resource_path

_WORD = re.compile(r"[a-z']+|\d+|[\uac00-\ud7a3]+")
PARTS = ("situation", "task", "action", "result", "none")
SMOOTHING = 0.5


def features(sentence: str, index: int, count: int, language: str) -> set[str]:
    place = "first" if index == 0 else "last" if index == count - 1 else "middle"
    return ngrams(sentence.lower(), _WORD, language, longest=2) | {f"place={place}"}


@dataclass(frozen=True)
class StarModel:
    counts: dict[str, Counter[str]]
    totals: dict[str, int]
    priors: dict[str, float]
    vocabulary: int

    def part(self, sentence: str, index: int, count: int, language: str) -> str:
        seen = features(sentence, index, count, language)

        def likelihood(part: str) -> float:
            denominator = self.totals[part] + SMOOTHING * self.vocabulary
            return self.priors[part] + sum(math.log((self.counts[part][f] + SMOOTHING) / denominator) for f in seen)

        best = max(PARTS, key=likelihood)
        return "" if best == "none" else best


@cache
def star_model(language: str) -> StarModel:
    lines = resource_path("feedback", "star_sentences.jsonl").read_text("utf-8").splitlines()
    counts: dict[str, Counter[str]] = {part: Counter() for part in PARTS}
    seen_parts: Counter[str] = Counter()
    vocabulary: set[str] = set()
    for row in (json.loads(line) for line in lines):
        if row["lang"] != language:
            continue
        grams = features(row["sentence"], row["index"], row["count"], language)
        counts[row["part"]].update(grams)
        seen_parts[row["part"]] += 1
        vocabulary |= grams
    total = sum(seen_parts.values())
    priors = {part: math.log((seen_parts[part] + 1) / (total + len(PARTS))) for part in PARTS}
    return StarModel(counts, {p: sum(c.values()) for p, c in counts.items()}, priors, len(vocabulary))
