"""An answer's stored transcript: its whole recording read again in one pass, once the answer has ended.

Live recognition reads short windows as they arrive, greedily, for the screen. What feedback, scoring,
history, search and the PDF read is this reading instead: faster-whisper's own one-shot transcribe over the
whole answer, with beam search and each 30 s window conditioned on the one before, exactly as a one-shot
run would read it (bench/stt_streaming.py measures the two against each other), biased towards the
posting's and résumé's terms through Whisper's hotwords.

Two guards keep text the audio does not hold out of the record, both judged by the Silero voice-activity
detector over the same audio:
- a word whose whole span, with a margin, is silence is dropped (Whisper writes text into silence);
- a phrase of one to three words said three or more times in a row keeps only the repeats under which
  someone was speaking ("no, no, no" said stays; "강은 너무 비싸" written four times over one utterance goes).

Word timings are the one-shot alignment's, with a word that straddles a speech onset starting at the onset,
as the live finals do (Whisper starts the first word after a pause where the pause starts).

Blocking (CTranslate2 and ONNX Runtime): run it on a worker thread.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from engine.audio.frames import SAMPLE_RATE
from engine.stt.contract import REREAD_BACKEND, TranscriptEvent, TranscriptKind, Word
from engine.stt.vad import WINDOW, StreamingVad
from engine.stt.whisper_decode import (
    APPEND_PUNCTUATIONS,
    MAX_HOTWORDS,
    PHRASE_LOOP_RUN,
    PREPEND_PUNCTUATIONS,
    Hypothesis,
    WhisperDecoder,
    run_length,
)

if TYPE_CHECKING:
    from engine.stt.read_ahead import Ahead

BEAM_SIZE = 5  # faster-whisper's default, the one-shot reading the stored transcript is measured against
SPEECH = 0.5  # Silero's own threshold for speech
ONSET = 0.35  # a repeat's own onset: lower, since a quickly repeated word barely dips between sayings
# A reading with hotwords under this share of the live transcript's characters skipped words: read again.
SHORTER_THAN_LIVE = 0.7
LONGER_THAN_LIVE = 1.5  # ... and over this share (plus 20 characters), it looped
ONE_SHOT_TEMPERATURES = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)  # faster-whisper's default fallback
SILENCE = 0.2  # below this everywhere in a word's span, with MARGIN_S either side, nobody was speaking
MARGIN_S = 0.3  # alignment can be this far off at a word's edges
REPEAT_GAP_S = 0.064  # two of Silero's windows: enough of a break between two sayings of "no"
REPEAT_SLACK_S = 0.15  # how far a repeat's aligned span may miss the onset of its speech
PAUSE_S = 0.25  # silence before an onset that makes it the start of speech, not a dip inside a word
MIN_REST = SAMPLE_RATE // 10  # audio left after the parts read ahead shorter than this holds no word


def _started() -> threading.Event:
    event = threading.Event()
    event.set()
    return event


@dataclass(frozen=True, slots=True)
class Reading:
    segments: tuple[TranscriptEvent, ...]  # one per Whisper segment, words timed in the answer's seconds
    seconds: float  # how long this reading took after the answer ended, less its waits for a live answer
    dropped: int  # words left out by the guards
    ahead_s: float = 0.0  # how long reading its parts took while the answer was given

    @property
    def cost_s(self) -> float:
        """The whole reading's compute time: the parts read ahead and the rest."""
        return self.seconds + self.ahead_s

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)


class ReadingStopped(Exception):
    """The reading was asked to stop (its interview ended, the app is closing); nothing of it is kept."""


@dataclass(frozen=True, slots=True)
class Control:
    """How the loop steers a reading running on its worker thread: `stop` ends it between two of Whisper's
    30 s windows; while `go` is clear (a live answer is being recognised on the same model and cores) it
    waits between windows. `paused` collects how long each wait took, so a reading's cost leaves it out."""

    stop: threading.Event = field(default_factory=threading.Event)
    go: threading.Event = field(default_factory=_started)
    paused: list[float] = field(default_factory=list)

    def wait_to_go(self) -> None:
        began = time.perf_counter()
        self.go.wait()
        self.paused.append(time.perf_counter() - began)


def reread(
    decoder: WhisperDecoder,
    samples: npt.NDArray[np.int16],
    language: str,
    hotwords: tuple[str, ...] = (),
    *,
    live: str = "",
    control: Control | None = None,
    ahead: Ahead | None = None,
) -> Reading:
    """Read one answer's whole audio (16 kHz mono int16) again, in one pass, or in the parts read ahead and one
    pass over the rest (`ahead`). `live`: the live transcript, the
    second witness for repeats; and a reading with hotwords that comes out far shorter than it (Whisper can
    take words of its prompt as already said and skip them) is read again without them, whole. `ahead`: the
    parts read while the answer was given (engine/stt/read_ahead.py)."""
    began = time.perf_counter()
    control = control or Control()
    paused_before = sum(control.paused)
    if ahead is not None and not ahead.saw_the_start_of(samples):
        ahead = None  # not this recording's audio (never expected): read it all
    parts = ahead.parts if ahead is not None else ()
    speech = ahead.speech_of(samples) if ahead is not None else speech_probabilities(samples)
    timed = [list(segment) for part in parts for segment in part.segments]
    done = parts[-1].end_sample if parts else 0
    # The rest, like the parts without their text as Whisper's previous text; after parts, only if someone
    # spoke in it (the guard below would drop whatever Whisper wrote into its silence anyway).
    rest = _span(speech, done / SAMPLE_RATE, len(samples) / SAMPLE_RATE)
    if len(samples) - done >= MIN_REST and (not parts or float(np.max(rest, initial=0.0)) >= SILENCE):
        timed += transcribe(decoder, samples[done:], language, hotwords, control, done / SAMPLE_RATE)
    if hotwords and _went_wrong(timed, live):
        timed = transcribe(decoder, samples, language, (), control)
    live_words = [_norm(w) for w in live.split()]
    segments: list[TranscriptEvent] = []
    dropped = 0
    for words in timed:
        kept = without_unheard_repeats(without_silent_words(words, speech), speech, live_words)
        dropped += len(words) - len(kept)
        kept = with_onsets(kept, speech)
        if not kept:
            continue
        # Whisper's words carry their own spacing; stripped (transcribe), so they are joined with one space (Korean
        # eojeol and English words alike), as the live finals are.
        text = " ".join(w.text for w in kept)
        segments.append(
            TranscriptEvent(
                TranscriptKind.FINAL,
                len(segments),
                text,
                text,
                kept[0].start,
                kept[-1].end,
                tuple(kept),
                float(np.mean([w.probability for w in kept])),
                REREAD_BACKEND,
            )
        )
    busy = time.perf_counter() - began - (sum(control.paused) - paused_before)  # not the waits for a live answer
    return Reading(tuple(segments), busy, dropped, sum(p.seconds for p in parts))


def _went_wrong(timed: list[list[Word]], live: str) -> bool:
    """A reading with hotwords that Whisper misread as text already said: far shorter than the live transcript
    (a stretch skipped), far longer (a loop), or a loop on a phrase the live transcript does not have."""
    words = tuple(w.text for segment in timed for w in segment)
    heard, witnessed = len("".join(words)), len(live.replace(" ", ""))
    if heard < SHORTER_THAN_LIVE * witnessed or heard > LONGER_THAN_LIVE * witnessed + 20:
        return True
    return (
        Hypothesis(words, (), 0.0, 0.0, 0.0).loops_on_a_phrase
        and not Hypothesis(tuple(live.split()), (), 0.0, 0.0, 0.0).loops_on_a_phrase
    )


def transcribe(
    decoder: WhisperDecoder,
    samples: npt.NDArray[np.int16],
    language: str,
    hotwords: tuple[str, ...],
    control: Control,
    offset: float = 0.0,
) -> list[list[Word]]:
    """faster-whisper's transcribe, window by window (its segments come lazily), minding `control`. With
    hotwords there is no temperature fallback: a window that fails with them is read again without them
    (`reread`), which costs less than five sampled retries of a reading already led astray. `offset`: where
    this audio starts in the answer (s), for the word timings."""
    found, _info = decoder.model.transcribe(
        samples.astype(np.float32) / 32768.0,
        language=language,
        beam_size=BEAM_SIZE,
        word_timestamps=True,
        hotwords=" ".join(hotwords[:MAX_HOTWORDS]) or None,
        temperature=0.0 if hotwords else ONE_SHOT_TEMPERATURES,
    )
    timed = []
    for segment in found:
        timed.append(
            [
                Word(w.word.strip(), w.start + offset, w.end + offset, w.probability)
                for w in segment.words or ()
                if w.word.strip()
            ]
        )
        control.wait_to_go()
        if control.stop.is_set():
            raise ReadingStopped
    return timed


def speech_probabilities(samples: npt.NDArray[np.int16]) -> npt.NDArray[np.float32]:
    """Silero's speech probability for every 32 ms window of the audio."""
    return StreamingVad().process(samples)


def _span(speech: npt.NDArray[np.float32], start: float, end: float) -> npt.NDArray[np.float32]:
    per_second = SAMPLE_RATE / WINDOW
    first = max(0, int(start * per_second))
    return speech[first : max(first + 1, int(np.ceil(end * per_second)))]


def without_silent_words(words: list[Word], speech: npt.NDArray[np.float32]) -> list[Word]:
    """Words written where nobody spoke: no window near them reaches even SILENCE."""
    kept = []
    for word in words:
        around = _span(speech, word.start - MARGIN_S, word.end + MARGIN_S)
        if around.size and float(around.max()) < SILENCE:
            continue
        kept.append(word)
    return kept


def _norm(word: str) -> str:
    return word.strip(APPEND_PUNCTUATIONS + PREPEND_PUNCTUATIONS + " ").lower()


def without_unheard_repeats(
    words: list[Word], speech: npt.NDArray[np.float32], live: list[str] | None = None
) -> list[Word]:
    """In a run of PHRASE_LOOP_RUN or more repeats of a one-to-three-word phrase, keep the first, every repeat
    that begins a stretch of speech of its own (an onset after the last kept repeat's, near its span), and
    at least as many as the live transcript heard in a row (a second, independent reading of the audio).
    Whisper's loops stack repeats onto one stretch of speech, or write them into silence."""
    norms = [_norm(w.text) for w in words]
    onsets = _onsets(speech, REPEAT_GAP_S, ONSET)
    keep = [True] * len(words)
    i = 0
    while i < len(words):
        run, size = 1, 0
        for candidate in (1, 2, 3):
            count = run_length(norms, i, candidate)
            if count >= PHRASE_LOOP_RUN and count > run:
                run, size = count, candidate
        if not size:
            i += 1
            continue
        witnessed = _longest_run(live or [], norms[i : i + size])
        heard = onsets[onsets <= words[i].end + REPEAT_SLACK_S]
        last_onset = float(heard[-1]) if heard.size else -1.0
        for k in range(1, run):
            repeat = words[i + k * size : i + (k + 1) * size]
            own = onsets[
                (onsets > last_onset)
                & (onsets >= repeat[0].start - REPEAT_SLACK_S)
                & (onsets <= repeat[-1].end + REPEAT_SLACK_S)
            ]
            if own.size:
                last_onset = float(own[0])
                continue
            if k < witnessed:
                continue
            for j in range(i + k * size, i + (k + 1) * size):
                keep[j] = False
        i += run * size
    return [w for w, k in zip(words, keep, strict=True) if k]


def _longest_run(norms: list[str], phrase: list[str]) -> int:
    return max(
        (run_length(norms, i, len(phrase)) for i in range(len(norms)) if norms[i : i + len(phrase)] == phrase),
        default=0,
    )


def _onsets(speech: npt.NDArray[np.float32], gap_s: float, threshold: float = SPEECH) -> npt.NDArray[np.float64]:
    """The times (s) at which speech begins after at least `gap_s` without it."""
    per_second = SAMPLE_RATE / WINDOW
    voiced = speech >= threshold
    gap = max(1, round(gap_s * per_second))
    # Voiced windows among the `gap` before each window, from a running count (called once per segment: a
    # Python loop over every window of a 2-minute answer each time added up).
    count = np.concatenate([[0], np.cumsum(voiced)])
    index = np.arange(len(voiced))
    before = count[index] - count[np.maximum(index - gap, 0)]
    return np.flatnonzero(voiced & (before == 0)).astype(np.float64) / per_second


def with_onsets(words: list[Word], speech: npt.NDArray[np.float32]) -> list[Word]:
    """A word that straddles a speech onset (a pause, then speech, inside its span) starts at the onset."""
    onsets = _onsets(speech, PAUSE_S)
    result = []
    for word in words:
        inside = onsets[(onsets > word.start) & (onsets < word.end)]
        start = float(inside[-1]) if inside.size else word.start
        result.append(Word(word.text, round(start, 3), round(word.end, 3), word.probability))
    return result
