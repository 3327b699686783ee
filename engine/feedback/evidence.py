"""A quote from the transcript, checked to be there: the only thing a criterion's credit can rest on."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_SKIP = re.compile(r"[\W_]+", re.UNICODE)
_WORDLIKE = re.compile(r"\w", re.UNICODE)
# A quote must say something: at least this many letters or digits (two short words, four Hangul syllables).
MIN_QUOTE_CHARS = {"latin": 8, "hangul": 4}
# What a model writes where it found nothing; never evidence, even where the letters occur ("no ne ed").
PLACEHOLDERS = frozenset({"none", "na", "n/a", "null", "nothing", "notmentioned", "없음", "없습니다", "해당없음"})


@dataclass(frozen=True, slots=True)
class Quote:
    text: str  # exactly as it stands in the transcript
    start: int
    end: int
    source: str = "cue"  # "cue" (model-free) or "model"


def _normalised(text: str) -> tuple[str, list[int]]:
    """Lower-case letters and digits only, with each kept character's place in `text` (a character that
    case-folds to two, like ß, gives both the same place)."""
    kept: list[str] = []
    places: list[int] = []
    for index, char in enumerate(text):
        if _SKIP.fullmatch(char):
            continue
        for folded in char.casefold():
            kept.append(folded)
            places.append(index)
    return "".join(kept), places


def _on_word_edges(transcript: str, start: int, end: int) -> bool:
    before = transcript[start - 1] if start > 0 else " "
    after = transcript[end] if end < len(transcript) else " "
    return not _WORDLIKE.match(before) and not _WORDLIKE.match(after)


def verify(quote: str, transcript: str, source: str = "model") -> Quote | None:
    """The quote's span in the transcript, matched without regard to case, spaces or punctuation, starting and
    ending on word edges; None when it is not there (a model that paraphrased or invented), or says nothing.
    The transcript is expected in NFC, as assess() gives it."""
    needle, _ = _normalised(unicodedata.normalize("NFC", quote))
    hangul = any("\uac00" <= ch <= "\ud7a3" for ch in needle)
    if needle in PLACEHOLDERS or len(needle) < MIN_QUOTE_CHARS["hangul" if hangul else "latin"]:
        return None
    haystack, places = _normalised(transcript)
    at = haystack.find(needle)
    while at >= 0:
        start, end = places[at], places[at + len(needle) - 1] + 1
        if _on_word_edges(transcript, start, end):
            return Quote(transcript[start:end], start, end, source)
        at = haystack.find(needle, at + 1)
    return None
