"""Live pace: words (English) or Hangul syllables (Korean) per minute over the last few seconds of speech."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from engine.analysis.metrics import HANGUL_SYLLABLE, WORDLIKE
from engine.analysis.thresholds import EN_WPM_BAND, KO_SPM_BAND
from engine.stt.contract import Word

WINDOW_S = 15.0
# Under this much speech in the window the figure would jump about: show nothing yet.
MIN_SPAN_S = 4.0


class PaceVerdict(enum.Enum):
    UNKNOWN = "unknown"
    SLOW = "slow"
    GOOD = "good"
    FAST = "fast"


@dataclass(frozen=True, slots=True)
class Pace:
    rate: float  # per minute; 0 when UNKNOWN
    unit: str  # "wpm" or "spm"
    band: tuple[float, float]
    verdict: PaceVerdict


def band_for(language: str) -> tuple[tuple[float, float], str]:
    return (KO_SPM_BAND, "spm") if language == "ko" else (EN_WPM_BAND, "wpm")


def live_pace(words: Sequence[Word], language: str, now_s: float, window_s: float = WINDOW_S) -> Pace:
    """Pace over the words that ended within `window_s` before `now_s` (seconds of answer audio).

    The span runs from the first counted word's start to the later of the last word's end and `now_s`
    less a short grace, so a candidate who stops talking sees the pace fall rather than freeze.
    """
    band, unit = band_for(language)
    recent = [w for w in words if w.end > now_s - window_s and WORDLIKE.search(w.text)]
    span = max(recent[-1].end, now_s - 1.0) - recent[0].start if recent else 0.0
    if span < MIN_SPAN_S:
        return Pace(0.0, unit, band, PaceVerdict.UNKNOWN)
    count = sum(len(HANGUL_SYLLABLE.findall(w.text)) for w in recent) if language == "ko" else len(recent)
    rate = round(count / span * 60.0, 1)
    verdict = PaceVerdict.SLOW if rate < band[0] else PaceVerdict.FAST if rate > band[1] else PaceVerdict.GOOD
    return Pace(rate, unit, band, verdict)
