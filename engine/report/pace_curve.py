"""Pace through an answer: words (or Hangul syllables) per minute in successive windows, for the report."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from engine.analysis.metrics import HANGUL_SYLLABLE

WINDOW_S = 10.0


def pace_curve(
    segments: Sequence[Mapping[str, Any]], language: str, window_s: float = WINDOW_S
) -> list[tuple[float, float]]:
    """(window midpoint in seconds, rate per minute) from stored segments' words [text, start, end, p]."""
    words = [w for seg in segments for w in seg.get("words", [])]
    if not words:
        return []
    end = max(float(w[2]) for w in words)
    curve = []
    start = 0.0
    while start < end:
        inside = [w for w in words if start <= float(w[1]) < start + window_s]
        span = min(window_s, end - start)
        if span >= window_s / 2:
            count = sum(len(HANGUL_SYLLABLE.findall(str(w[0]))) for w in inside) if language == "ko" else len(inside)
            curve.append((round(start + span / 2, 1), round(count / span * 60.0, 1)))
        start += window_s
    return curve
