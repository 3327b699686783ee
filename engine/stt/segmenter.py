"""Cuts a stream of VAD probabilities into utterances (pure logic, no model, no I/O).

Hysteresis as in Silero's own get_speech_timestamps: speech starts at p >= THRESHOLD, and silence is only
counted once p < NEG_THRESHOLD. An utterance ends after `silence_ms` of silence. Besides start and end it
reports the moment silence begins, which lets the recogniser start the final pass speculatively.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from engine.audio.frames import SAMPLE_RATE
from engine.stt.vad import WINDOW

# Silero's defaults (snakers4/silero-vad utils_vad.py): threshold 0.5, negative threshold 0.15 below it.
THRESHOLD = 0.5
NEG_THRESHOLD = 0.35
# Audio kept before the first speech window and after the last (Silero's speech_pad_ms is 30 by default,
# faster-whisper uses 400 for whole files; 200 ms keeps soft onsets like "h" and Korean "ㅎ").
PAD_MS = 200
# Shorter bursts are clicks or breaths, not words (Silero's min_speech_duration_ms default is 250).
MIN_SPEECH_MS = 250
# Whisper's context is 30 s; cut long utterances before it at a short pause, or hard at the limit.
MAX_UTTERANCE_S = 24.0
SHORT_PAUSE_MS = 100


class SegmentKind(enum.Enum):
    SPEECH_START = "speech_start"
    SILENCE_START = "silence_start"  # speech may be over; confirmed by UTTERANCE_END or undone by SPEECH_RESUME
    SPEECH_RESUME = "speech_resume"
    UTTERANCE_END = "utterance_end"


@dataclass(frozen=True, slots=True)
class SegmentEvent:
    kind: SegmentKind
    sample: int  # the boundary in samples since the start (padding applied for start and end)


class Segmenter:
    def __init__(self, silence_ms: int) -> None:
        self._silence_windows = max(1, round(silence_ms * SAMPLE_RATE / 1000 / WINDOW))
        self._pad = PAD_MS * SAMPLE_RATE // 1000
        self._min_speech = MIN_SPEECH_MS * SAMPLE_RATE // 1000
        self._max_samples = int(MAX_UTTERANCE_S * SAMPLE_RATE)
        self._short_pause_windows = max(1, round(SHORT_PAUSE_MS * SAMPLE_RATE / 1000 / WINDOW))
        self._window_index = 0
        self._in_speech = False
        self._start = 0
        self._silence_run = 0  # windows of silence (hysteresis) since the last speech window
        self._below_run = 0  # windows under the speech threshold since the last speech window
        self._last_speech_end = 0
        self._candidate_cut = 0  # end of the latest short pause inside the utterance

    def feed(self, probabilities: list[float]) -> list[SegmentEvent]:
        events: list[SegmentEvent] = []
        for p in probabilities:
            window_start = self._window_index * WINDOW
            self._window_index += 1
            window_end = self._window_index * WINDOW
            if not self._in_speech:
                if p >= THRESHOLD:
                    self._last_speech_end = window_end
                    events.append(self._begin(max(0, window_start - self._pad)))
                continue
            if p >= THRESHOLD:
                if self._below_run:
                    events.append(SegmentEvent(SegmentKind.SPEECH_RESUME, window_start))
                self._below_run = 0
                self._silence_run = 0
                self._last_speech_end = window_end
            else:
                # Below the speech threshold: speech may be ending, so the final's pass can start now.
                # Whether it has ended is decided with Silero's hysteresis: silence is counted only from
                # the first window under the negative threshold.
                self._below_run += 1
                if self._below_run == 1:
                    events.append(SegmentEvent(SegmentKind.SILENCE_START, self._last_speech_end + self._pad))
                if p < NEG_THRESHOLD or self._silence_run:
                    self._silence_run += 1
                if self._silence_run == self._short_pause_windows:
                    self._candidate_cut = self._last_speech_end + self._pad
                if self._silence_run >= self._silence_windows:
                    events.extend(self._end(self._last_speech_end + self._pad))
                    continue
            if window_end - self._start >= self._max_samples:
                cut = self._candidate_cut if self._candidate_cut > self._start else window_end
                events.extend(self._end(cut))
                # Whatever follows the cut is speech still going on: a new utterance starts there.
                events.append(self._begin(cut))
        return events

    def _begin(self, start: int) -> SegmentEvent:
        self._in_speech = True
        self._start = start
        self._silence_run = self._below_run = 0
        self._candidate_cut = 0
        return SegmentEvent(SegmentKind.SPEECH_START, start)

    def close_now(self) -> list[SegmentEvent]:
        """End the open utterance at its last speech now (the recogniser judged it complete early)."""
        if not self._in_speech:
            return []
        return self._end(self._last_speech_end + self._pad)

    @property
    def silence_samples(self) -> int:
        """How long the current silence inside an open utterance has lasted, in samples."""
        return self._below_run * WINDOW if self._in_speech else 0

    def flush(self) -> list[SegmentEvent]:
        """The stream ended: close an open utterance at the last speech (plus padding)."""
        if not self._in_speech:
            return []
        return self._end(min(self._window_index * WINDOW, self._last_speech_end + self._pad))

    def _end(self, end: int) -> list[SegmentEvent]:
        self._in_speech = False
        self._silence_run = self._below_run = 0
        if self._last_speech_end - self._start - self._pad < self._min_speech:
            return [SegmentEvent(SegmentKind.UTTERANCE_END, -1)]  # too short: dropped, sample -1
        return [SegmentEvent(SegmentKind.UTTERANCE_END, end)]
