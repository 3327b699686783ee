"""Model-free advice on how one answer was spoken, from its metrics: pace against the target band, fillers,
long pauses, pitch and loudness. What it said is engine/feedback's.

Returns message-catalogue keys with their parameters, so the CLI, the GUI and the report word it in the
user's language. The bands and their sources are in thresholds.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from engine import messages
from engine.analysis.thresholds import (
    EN_WPM_BAND,
    FILLERS_PER_MIN_FLUENT,
    FILLERS_PER_MIN_HESITANT,
    KO_SPM_BAND,
)
from engine.analysis.voice_delivery import MIN_VOICED_S, MONOTONE_SEMITONES, QUIET_DBFS

# Under this much speech the figures say little: no advice on pace or fillers.
MIN_SPEAKING_S = 5.0


@dataclass(frozen=True, slots=True)
class Advice:
    key: str
    params: tuple[tuple[str, Any], ...] = ()
    good: bool = False  # praise rather than something to work on

    def kwargs(self) -> dict[str, Any]:
        return dict(self.params)


def advise(metrics: Mapping[str, Any]) -> list[Advice]:
    if float(metrics.get("speaking_s", 0.0)) < MIN_SPEAKING_S:
        return [Advice("advice.too_short")]
    korean = metrics.get("language") == "ko"
    rate = float(metrics["syllables_per_minute"] if korean else metrics["words_per_minute"])
    low, high = KO_SPM_BAND if korean else EN_WPM_BAND
    unit_key = "advice.unit_spm" if korean else "advice.unit_wpm"
    band = (("rate", round(rate)), ("low", round(low)), ("high", round(high)), ("unit", unit_key))
    out: list[Advice] = []
    if rate < low:
        out.append(Advice("advice.pace_slow", band))
    elif rate > high:
        out.append(Advice("advice.pace_fast", band))
    else:
        out.append(Advice("advice.pace_good", band, good=True))
    fillers = float(metrics.get("fillers_per_minute", 0.0))
    count = int(metrics.get("filler_count", 0))
    if fillers <= FILLERS_PER_MIN_FLUENT:
        out.append(Advice("advice.fillers_fluent", (("count", count),), good=True))
    elif fillers < FILLERS_PER_MIN_HESITANT:
        out.append(Advice("advice.fillers_some", (("count", count), ("per_minute", round(fillers, 1)))))
    else:
        out.append(Advice("advice.fillers_many", (("count", count), ("per_minute", round(fillers, 1)))))
    out.extend(voice_advice(metrics.get("voice")))
    long_pauses = int(metrics.get("long_pause_count", 0))
    if long_pauses:
        out.append(
            Advice(
                "advice.long_pauses",
                (("count", long_pauses), ("longest", round(float(metrics.get("longest_pause_s", 0.0)), 1))),
            )
        )
    return out


def voice_advice(voice: Mapping[str, Any] | None) -> list[Advice]:
    """How it sounded (engine/analysis/voice_delivery.py): flat pitch, a quiet voice."""
    if not voice or float(voice["voiced_s"]) < MIN_VOICED_S:
        return []
    out: list[Advice] = []
    spread = float(voice["pitch_spread_semitones"])
    if spread < MONOTONE_SEMITONES:
        out.append(Advice("advice.monotone", (("spread", round(spread, 1)),)))
    else:
        out.append(Advice("advice.lively", (("spread", round(spread, 1)),), good=True))
    if float(voice["loudness_dbfs"]) < QUIET_DBFS:
        out.append(Advice("advice.quiet", (("level", round(float(voice["loudness_dbfs"]))),)))
    return out


def render(advice: Advice, language: str) -> str:
    """The advice in the user's language (a parameter that is itself a catalogue key is rendered too)."""

    def show(value: Any) -> Any:
        if isinstance(value, (list, tuple)):
            return ", ".join(show(v) for v in value)
        if isinstance(value, str) and value.startswith(("advice.", "star.")):
            return messages.text(value, language)
        return value

    params = {name: show(value) for name, value in advice.params}
    return messages.text(advice.key, language, **params)
