"""Stored rows read back as typed records: parsed and checked here, once, so nothing outside storage reads a
metrics dict. (A first piece of issue 16's typed read side: the answer's speech figures.)"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from typing import Any

from engine.analysis.fillers import FillerHit
from engine.analysis.metrics import AnswerMetrics, Pause

_SCALARS = tuple(f.name for f in fields(AnswerMetrics) if f.name not in ("fillers", "pauses"))


def answer_metrics(stored: Mapping[str, Any]) -> AnswerMetrics:
    """An answer's figures from its stored metrics document. The document also carries the content and voice
    readings (other keys), which are not speech figures and are left to their own readers."""
    return AnswerMetrics(
        **{name: stored[name] for name in _SCALARS},
        fillers=tuple(FillerHit(int(f["index"]), str(f["text"]), float(f["start"])) for f in stored["fillers"]),
        pauses=tuple(Pause(int(p["after_word"]), float(p["start"]), float(p["duration"])) for p in stored["pauses"]),
    )
