"""LocalAgreement-2 (Macháček et al., 2023, "Turning Whisper into Real-Time Transcription System").

A word becomes stable once two consecutive hypotheses agree on it (and on everything before it). The
recogniser forces the stable words as the decoder prefix, so every later hypothesis starts with them and
the stable prefix never changes; only the tail after it may still flicker.
"""

from __future__ import annotations

import re

_NORMALISE = re.compile(r"[^\w']+", re.UNICODE)


def _norm(word: str) -> str:
    return _NORMALISE.sub("", word.lower())


class LocalAgreement:
    def __init__(self) -> None:
        self.stable: list[str] = []
        self._previous_tail: list[str] = []

    def update(self, tail: list[str]) -> list[str]:
        """Take the words a pass wrote after the (forced) stable prefix; return those not yet stable."""
        agreed = 0
        for old, new in zip(self._previous_tail, tail, strict=False):
            if _norm(old) != _norm(new):
                break
            agreed += 1
        # The last word of a hypothesis is often cut mid-word: never call it stable.
        agreed = min(agreed, max(0, len(tail) - 1))
        self.stable.extend(tail[:agreed])
        self._previous_tail = tail[agreed:]
        return tail[agreed:]
