"""Model-free measures of one answer, from the final transcript's words and their timings."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from engine.analysis.fillers import FillerHit, find_fillers
from engine.analysis.thresholds import LONG_PAUSE_S, PAUSE_IGNORE_BELOW_S, PAUSE_MIN_S
from engine.stt.contract import Word

# Shared by the analysis modules: a Hangul syllable block, and a token that holds a letter or digit.
HANGUL_SYLLABLE = re.compile(r"[\uac00-\ud7a3]")
WORDLIKE = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Pause:
    after_word: int  # index of the word before the pause
    start: float
    duration: float


@dataclass(frozen=True)
class AnswerMetrics:
    language: str
    duration_s: float  # the whole answer's audio
    speaking_s: float  # first word's start to last word's end
    articulation_s: float  # speaking time less pauses
    word_count: int  # words (English) or eojeol, space-separated units (Korean)
    syllable_count: int  # Hangul syllables (Korean; 0 for English)
    char_count: int  # letters and digits, without spaces or punctuation
    words_per_minute: float
    syllables_per_minute: float
    syllables_per_second_articulation: float
    filler_count: int
    fillers_per_minute: float
    fillers: tuple[FillerHit, ...]
    pause_count: int
    long_pause_count: int
    pause_total_s: float
    longest_pause_s: float
    pauses: tuple[Pause, ...]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def find_pauses(words: Sequence[Word]) -> list[Pause]:
    pauses = []
    for i in range(1, len(words)):
        gap = words[i].start - words[i - 1].end
        if gap >= max(PAUSE_MIN_S, PAUSE_IGNORE_BELOW_S):
            pauses.append(Pause(i - 1, round(words[i - 1].end, 3), round(gap, 3)))
    return pauses


def analyse(words: Sequence[Word], language: str, duration_s: float) -> AnswerMetrics:
    words = [w for w in words if WORDLIKE.search(w.text)]
    speaking = max(0.0, words[-1].end - words[0].start) if words else 0.0
    pauses = find_pauses(words)
    pause_total = sum(p.duration for p in pauses)
    articulation = max(0.0, speaking - pause_total)
    text = " ".join(w.text for w in words)
    syllables = len(HANGUL_SYLLABLE.findall(text)) if language == "ko" else 0
    fillers = find_fillers(words, language)
    minutes = speaking / 60.0

    def per_minute(count: int) -> float:
        return round(count / minutes, 1) if minutes > 0 else 0.0

    return AnswerMetrics(
        language=language,
        duration_s=round(duration_s, 2),
        speaking_s=round(speaking, 2),
        articulation_s=round(articulation, 2),
        word_count=len(words),
        syllable_count=syllables,
        char_count=len(WORDLIKE.findall(text)),
        words_per_minute=per_minute(len(words)),
        syllables_per_minute=per_minute(syllables),
        syllables_per_second_articulation=round(syllables / articulation, 2) if articulation > 0 else 0.0,
        filler_count=len(fillers),
        fillers_per_minute=per_minute(len(fillers)),
        fillers=tuple(fillers),
        pause_count=len(pauses),
        long_pause_count=sum(1 for p in pauses if p.duration >= LONG_PAUSE_S),
        pause_total_s=round(pause_total, 2),
        longest_pause_s=round(max((p.duration for p in pauses), default=0.0), 2),
        pauses=tuple(pauses),
    )
