"""Word and character error rates as the shared speech corpus asks: English lower-cased without
punctuation (WER); Korean without punctuation and spaces (CER). jiwer does the edit distance."""

from __future__ import annotations

import re

import jiwer

_PUNCTUATION = re.compile(r"[^\w\s']|_", re.UNICODE)


def normalise_words(text: str) -> list[str]:
    return _PUNCTUATION.sub(" ", text.lower()).split()


def error_counts(reference: str, hypothesis: str, language: str) -> tuple[int, int]:
    """(errors, reference length) in words for English, characters for Korean."""
    ref, hyp = normalise_words(reference), normalise_words(hypothesis)
    if language == "ko":
        ref, hyp = list("".join(ref)), list("".join(hyp))
    if not ref:
        return len(hyp), 0
    out = jiwer.process_words(" ".join(ref), " ".join(hyp) if hyp else "")
    return out.substitutions + out.deletions + out.insertions, len(ref)


def error_rate(reference: str, hypothesis: str, language: str) -> float:
    errors, total = error_counts(reference, hypothesis, language)
    return errors / max(total, 1)
