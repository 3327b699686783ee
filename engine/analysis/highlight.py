"""Which words of a stored answer are fillers, for highlighting: the same word list analyse() counted."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from engine.analysis.fillers import FillerHit
from engine.analysis.metrics import WORDLIKE


def marked_words(words: Sequence[str], fillers: Iterable[FillerHit]) -> list[tuple[str, bool]]:
    """(word, is_filler) for every word.

    A hit's index counts only word-like tokens (as analyse() does), and a hit of several words ("you know")
    marks that many.
    """
    counted = [i for i, w in enumerate(words) if WORDLIKE.search(w)]
    marked: set[int] = set()
    for hit in fillers:
        for offset in range(max(1, len(hit.text.split()))):
            if hit.index + offset < len(counted):
                marked.add(counted[hit.index + offset])
    return [(w, i in marked) for i, w in enumerate(words)]
