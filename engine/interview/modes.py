"""How an interview is run: practice or real mode with its timers, and the interviewer's persona.

*Practice* shows what each question type's answer is judged on, sets no time limit and waits between
questions. *Real* shows no hints: each question gets preparation time and an answer time limit, each with a
countdown; the answer ends at its limit (what was said is kept) and the next question follows on its own.
The presets mirror common formats: Korean AI interviews time every answer (마이다스 역검 about 50 s,
제네시스랩 about 90 s, each after a short preparation), and a Western phone screen gives a couple of minutes.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from engine.errors import ConfigError


class Mode(enum.StrEnum):
    PRACTICE = "practice"
    REAL = "real"


class Persona(enum.StrEnum):
    FRIENDLY = "friendly"
    NEUTRAL = "neutral"
    PRESSURE = "pressure"  # presses on vague claims: "What exactly did *you* do?"


@dataclass(frozen=True, slots=True)
class Timing:
    """Seconds to prepare before an answer, and the longest an answer may run (real mode)."""

    prep_s: float
    answer_s: float


# name -> timing; the names are the desktop's choices ("preset.<name>" in its translations).
PRESETS: dict[str, Timing] = {
    "ai_interview_short": Timing(30.0, 50.0),  # 마이다스 역검-style: 30 s to prepare, 50 s to answer
    "ai_interview_long": Timing(30.0, 90.0),  # 제네시스랩-style: 1 min 30 s answers
    "phone_screen": Timing(5.0, 120.0),  # a Western phone screen: answer at once, about two minutes
}
DEFAULT_PRESET = "ai_interview_short"

PREP_RANGE = (0.0, 300.0)
ANSWER_RANGE = (5.0, 600.0)


def checked_timing(prep_s: float, answer_s: float) -> Timing:
    """A custom timing, or a ConfigError that says which value is out of range."""
    for what, value, (low, high) in (("prep", prep_s, PREP_RANGE), ("answer", answer_s, ANSWER_RANGE)):
        if not low <= value <= high:
            raise ConfigError("config.timing_range", what=f"--{what}-seconds", low=f"{low:g}", high=f"{high:g}")
    return Timing(prep_s, answer_s)
