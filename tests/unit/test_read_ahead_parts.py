"""Where a part of an answer read ahead ends (engine/stt/read_ahead.py): in the middle of the first pause once
enough audio waits, never before; at the quietest moment when nobody pauses."""

from __future__ import annotations

import numpy as np

from engine.stt.read_ahead import LONGEST_S, PART_S, PAUSE_S, part_end
from engine.stt.vad import WINDOW

PER_SECOND = 16000 / WINDOW


def _speech(seconds: float, pauses: list[tuple[float, float]] | None = None) -> np.ndarray:
    probabilities = np.full(int(seconds * PER_SECOND), 0.9, dtype=np.float32)
    for start, end in pauses or ():
        probabilities[int(start * PER_SECOND) : int(end * PER_SECOND)] = 0.05
    return probabilities


def test_a_part_waits_for_enough_audio_and_a_pause_after_it() -> None:
    early_pause = [(PART_S - 3, PART_S - 2)]  # a pause before PART_S does not end a part
    assert part_end(_speech(PART_S + 1, early_pause), 0) is None
    assert part_end(_speech(PART_S + 3, early_pause), 0) is None  # no pause after PART_S yet


def test_a_part_ends_in_the_middle_of_the_first_pause_after_enough_audio() -> None:
    pauses = [(PART_S + 2.0, PART_S + 3.0), (PART_S + 5.0, PART_S + 6.0)]
    end = part_end(_speech(PART_S + 7, pauses), 0)
    assert end is not None
    assert PART_S + 2.0 <= end / 16000 <= PART_S + 2.0 + PAUSE_S  # inside the first pause, near its start


def test_a_pause_still_going_on_is_enough_once_it_is_long_enough() -> None:
    ongoing = _speech(PART_S + 2.0 + PAUSE_S + 0.1, [(PART_S + 2.0, PART_S + 10.0)])
    end = part_end(ongoing, 0)
    assert end is not None and PART_S + 2.0 <= end / 16000 <= PART_S + 2.0 + PAUSE_S
    assert part_end(_speech(PART_S + 2.0 + PAUSE_S / 2, [(PART_S + 2.0, PART_S + 10.0)]), 0) is None


def test_the_next_part_counts_from_where_the_last_ended() -> None:
    start = int(20.0 * 16000)
    pauses = [(22.0, 23.0), (20.0 + PART_S + 1.0, 20.0 + PART_S + 2.0)]
    end = part_end(_speech(20.0 + PART_S + 3.0, pauses), start)
    assert end is not None and end / 16000 >= 20.0 + PART_S + 1.0


def test_without_a_pause_a_part_is_cut_at_its_quietest_moment() -> None:
    speech = _speech(LONGEST_S + 1)
    assert part_end(speech[: int((LONGEST_S - 1) * PER_SECOND)], 0) is None  # it waits up to LONGEST_S
    speech[int((PART_S + 4) * PER_SECOND)] = 0.3  # a dip too short to be a pause
    end = part_end(speech, 0)
    assert end is not None and abs(end / 16000 - (PART_S + 4)) < 0.05
