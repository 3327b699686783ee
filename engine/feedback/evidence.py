"""A quote from the transcript, checked to be there: the only thing a criterion's credit can rest on."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_SKIP = re.compile(r"[\W_]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Quote:
    text: str  # exactly as it stands in the transcript
    start: int
    end: int
    source: str = "cue"  # "cue" (model-free) or "model"


def _normalised(text: str) -> tuple[str, list[int]]:
    """Lower-case letters and digits only, with each kept character's place in the original."""
    kept: list[str] = []
    places: list[int] = []
    folded = unicodedata.normalize("NFC", text)
    for index, char in enumerate(folded):
        if _SKIP.fullmatch(char):
            continue
        kept.append(char.casefold())
        places.append(index)
    return "".join(kept), places


def verify(quote: str, transcript: str, source: str = "model") -> Quote | None:
    """The quote's span in the transcript, matched without regard to case, spaces or punctuation; None
    when it is not there (a model that paraphrased, or invented)."""
    needle, _ = _normalised(quote)
    if len(needle) < 4:
        return None
    haystack, places = _normalised(transcript)
    at = haystack.find(needle)
    if at < 0:
        return None
    start, end = places[at], places[at + len(needle) - 1] + 1
    return Quote(unicodedata.normalize("NFC", transcript)[start:end], start, end, source)
