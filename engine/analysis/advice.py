"""Model-free advice on how one answer was spoken, from its metrics: pace against the target band, fillers,
long pauses, pitch and loudness. What it said is engine/feedback's.

Returns message-catalogue keys with their parameters, so the CLI, the GUI and the report word it in the
user's language. The bands and their sources are in thresholds.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from engine import messages
from engine.analysis.delivery_view import pace, rates_supported, shown
from engine.analysis.metrics import AnswerMetrics
from engine.analysis.thresholds import FILLERS_PER_MIN_FLUENT, FILLERS_PER_MIN_HESITANT
from engine.analysis.voice_delivery import VoiceDelivery

# Under this much speech the figures say little: no advice on pace or fillers.
MIN_SPEAKING_S = 5.0


@dataclass(frozen=True, slots=True)
class Advice:
    key: str
    params: tuple[tuple[str, Any], ...] = ()
    good: bool = False  # praise rather than something to work on


def advise(figures: AnswerMetrics, voice: VoiceDelivery | None = None) -> list[Advice]:
    """Advice on an answer's speech figures, and on its voice reading when there is one."""
    if figures.speaking_s < MIN_SPEAKING_S:
        return [Advice("advice.too_short")]
    out: list[Advice] = []
    count = figures.filler_count
    if rates_supported(figures):
        rate, _, (low, high) = pace(figures)
        unit = "advice.unit_spm" if figures.language == "ko" else "advice.unit_wpm"
        # Judged on the figure as shown, bounds included: 130 words a minute is within 130-160.
        band = (("rate", rate), ("low", shown(low)), ("high", shown(high)), ("unit", unit))
        if rate < low:
            out.append(Advice("advice.pace_slow", band))
        elif rate > high:
            out.append(Advice("advice.pace_fast", band))
        else:
            out.append(Advice("advice.pace_good", band, good=True))
        fillers = round(figures.fillers_per_minute, 1)
        if fillers <= FILLERS_PER_MIN_FLUENT:
            out.append(Advice("advice.fillers_fluent", (("count", count),), good=True))
        else:
            key = "advice.fillers_some" if fillers < FILLERS_PER_MIN_HESITANT else "advice.fillers_many"
            out.append(Advice(key, (("count", count), ("per_minute", fillers))))
    elif count == 0:
        out.append(Advice("advice.fillers_fluent", (("count", count),), good=True))
    out.extend(voice_advice(voice))
    if figures.long_pause_count:
        longest = round(figures.longest_pause_s, 1)
        out.append(Advice("advice.long_pauses", (("count", figures.long_pause_count), ("longest", longest))))
    return out


def voice_advice(voice: VoiceDelivery | None) -> list[Advice]:
    """How it sounded (engine/analysis/voice_delivery.py): flat pitch, a quiet voice."""
    if voice is None or not voice.judged:
        return []
    spread = round(voice.pitch_spread_semitones, 1)
    out = [
        Advice("advice.monotone", (("spread", spread),))
        if voice.monotone
        else Advice("advice.lively", (("spread", spread),), good=True)
    ]
    if voice.quiet:
        out.append(Advice("advice.quiet", (("level", round(voice.loudness_dbfs)),)))
    return out


def render(advice: Advice, language: str) -> str:
    """The advice in the user's language (a parameter that is itself a catalogue key is rendered too)."""

    def show(value: Any) -> Any:
        if isinstance(value, (list, tuple)):
            return ", ".join(show(v) for v in value)
        if isinstance(value, str) and value.startswith(("advice.", "star.")):
            return messages.text(value, language)
        return value

    return messages.text(advice.key, language, **{name: show(value) for name, value in advice.params})
