"""How the answer sounded, from the recording itself: loudness and its variation, and pitch variation (a
monotone warning). Pitch is found by normalised autocorrelation on voiced 40 ms frames (75-400 Hz).

Thresholds are this project's starting points, with their reasons:
- MONOTONE_SEMITONES: the spread of a speaker's pitch is commonly 2-4 semitones (standard deviation) in
  lively speech (Traunmüller & Eriksson 1995 report speaking F0 ranges of this order; Hincks 2005 links
  low pitch variation to presentations heard as monotonous). Under 1.5 semitones we call it flat.
- QUIET_DBFS: speech averaging under -35 dBFS on a laptop microphone is too quiet to hear well (and to
  recognise); this depends on the microphone's gain, so the advice says to check it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import numpy.ma  # np.median imports it on its first call: here, with the engine, not at an answer's end
import numpy.typing as npt

from engine.audio.frames import SAMPLE_RATE

FRAME = 640  # 40 ms
HOP = 160  # 10 ms
F0_MIN, F0_MAX = 75.0, 400.0
VOICED_CLARITY = 0.5  # normalised autocorrelation peak that counts as a pitched frame
SPEECH_DBFS = -50.0  # frames quieter than this are silence, not speech
MONOTONE_SEMITONES = 1.5
QUIET_DBFS = -35.0
MIN_VOICED_S = 3.0  # under this much voiced speech the figures say little


@dataclass(frozen=True, slots=True)
class VoiceDelivery:
    voiced_s: float
    loudness_dbfs: float  # mean level of speech frames
    loudness_spread_db: float  # their standard deviation
    pitch_hz: float  # median F0
    pitch_spread_semitones: float  # standard deviation of F0 around the median, in semitones

    @property
    def judged(self) -> bool:
        return self.voiced_s >= MIN_VOICED_S

    @property
    def monotone(self) -> bool:
        return self.judged and self.pitch_spread_semitones < MONOTONE_SEMITONES

    @property
    def quiet(self) -> bool:
        return self.judged and self.loudness_dbfs < QUIET_DBFS

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _frames(audio: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    count = 1 + (len(audio) - FRAME) // HOP if len(audio) >= FRAME else 0
    if count == 0:
        return np.zeros((0, FRAME), np.float32)
    index = np.arange(FRAME)[None, :] + HOP * np.arange(count)[:, None]
    framed: npt.NDArray[np.float32] = audio[index]
    return framed


def measure(samples: npt.NDArray[np.int16]) -> VoiceDelivery:
    frames = _frames(samples.astype(np.float32) / 32768.0)
    if len(frames) == 0:
        return VoiceDelivery(0.0, -120.0, 0.0, 0.0, 0.0)
    level = 20 * np.log10(np.sqrt(np.mean(frames**2, axis=1) + 1e-12))  # of each frame's RMS
    speech = frames[level > SPEECH_DBFS]
    speech_level = level[level > SPEECH_DBFS]
    if len(speech) == 0:
        return VoiceDelivery(0.0, float(level.mean()), 0.0, 0.0, 0.0)
    # Normalised autocorrelation of each speech frame, through the FFT (zero-padded: no wrap-around).
    # Divided by the window's own autocorrelation (Boersma 1993), or the window's taper favours short lags
    # and the pitch comes out an octave high.
    window = np.hanning(FRAME)
    window_acf = np.fft.irfft(np.abs(np.fft.rfft(window, n=2 * FRAME)) ** 2)[:FRAME]
    window_acf = window_acf / window_acf[0]
    centred = speech - speech.mean(axis=1, keepdims=True)
    spectrum = np.fft.rfft(centred * window, n=2 * FRAME, axis=1)
    acf = np.fft.irfft(np.abs(spectrum) ** 2, axis=1)[:, :FRAME]
    acf = acf / np.maximum(acf[:, :1], 1e-12) / np.maximum(window_acf, 1e-3)
    low, high = int(SAMPLE_RATE / F0_MAX), int(SAMPLE_RATE / F0_MIN)
    lags = np.argmax(acf[:, low:high], axis=1) + low
    voiced = acf[np.arange(len(acf)), lags] >= VOICED_CLARITY
    f0 = SAMPLE_RATE / lags[voiced].astype(np.float32)
    voiced_s = float(voiced.sum() * HOP / SAMPLE_RATE)
    if len(f0) < 10:
        return VoiceDelivery(voiced_s, float(speech_level.mean()), float(speech_level.std()), 0.0, 0.0)
    median = float(np.median(f0))
    semitones = 12 * np.log2(f0 / median)
    # Octave errors of the autocorrelation land at +-12 semitones: leave them out of the spread.
    semitones = semitones[np.abs(semitones) < 9]
    return VoiceDelivery(
        voiced_s=round(voiced_s, 2),
        loudness_dbfs=round(float(speech_level.mean()), 1),
        loudness_spread_db=round(float(speech_level.std()), 1),
        pitch_hz=round(median, 1),
        pitch_spread_semitones=round(float(semitones.std()), 2),
    )
