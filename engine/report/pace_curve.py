"""Pace through an answer: words (or Hangul syllables) per minute in successive windows, for the report."""

from __future__ import annotations

from collections.abc import Sequence

from engine.analysis.metrics import HANGUL_SYLLABLE, WORDLIKE
from engine.storage.records import StoredWord

WINDOW_S = 10.0


def pace_curve(words: Sequence[StoredWord], language: str, window_s: float = WINDOW_S) -> list[tuple[float, float]]:
    """(window midpoint in seconds from the answer's start, rate per minute) over an answer's stored words.

    Windows start at the first word, not at 0: the silence before an answer is thinking time, and counting
    it would show a slow start that was never spoken. Only word-like tokens count (punctuation the
    recogniser writes as words is not speech), as the live pace meter counts them (engine/analysis/pace.py).
    """
    spoken = [w for w in words if WORDLIKE.search(w.text)]
    if not spoken:
        return []
    first, end = min(w.start for w in spoken), max(w.end for w in spoken)
    curve = []
    start = first
    while start < end:
        inside = [w for w in spoken if start <= w.start < start + window_s]
        span = min(window_s, end - start)
        if span >= window_s / 2:  # a last sliver of a window would swing the rate on a word or two
            count = sum(len(HANGUL_SYLLABLE.findall(w.text)) for w in inside) if language == "ko" else len(inside)
            curve.append((round(start + span / 2, 1), round(count / span * 60.0, 1)))
        start += window_s
    return curve
