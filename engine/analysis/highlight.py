"""Which words of a stored answer are fillers, for highlighting: the same word list analyse() counted."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from engine.analysis.metrics import WORDLIKE


def marked_words(words: Sequence[str], fillers: Iterable[dict[str, Any]]) -> list[tuple[str, bool]]:
    """(word, is_filler) for every word; `fillers` are the stored FillerHit dicts (index, text, start).

    A hit's index counts only word-like tokens (as analyse() does), and a hit of several words ("you know")
    marks that many.
    """
    counted = [i for i, w in enumerate(words) if WORDLIKE.search(w)]
    marked: set[int] = set()
    for hit in fillers:
        first = int(hit["index"])
        for offset in range(max(1, len(str(hit["text"]).split()))):
            if first + offset < len(counted):
                marked.add(counted[first + offset])
    return [(w, i in marked) for i, w in enumerate(words)]
