"""Pace through an answer: words (or Hangul syllables) per minute in successive windows, for the report."""

from __future__ import annotations

from collections.abc import Sequence

from engine.analysis.metrics import HANGUL_SYLLABLE
from engine.storage.records import StoredWord

WINDOW_S = 10.0


def pace_curve(words: Sequence[StoredWord], language: str, window_s: float = WINDOW_S) -> list[tuple[float, float]]:
    """(window midpoint in seconds, rate per minute) over an answer's stored words."""
    if not words:
        return []
    end = max(w.end for w in words)
    curve = []
    start = 0.0
    while start < end:
        inside = [w for w in words if start <= w.start < start + window_s]
        span = min(window_s, end - start)
        if span >= window_s / 2:
            count = sum(len(HANGUL_SYLLABLE.findall(w.text)) for w in inside) if language == "ko" else len(inside)
            curve.append((round(start + span / 2, 1), round(count / span * 60.0, 1)))
        start += window_s
    return curve
