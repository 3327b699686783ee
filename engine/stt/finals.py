"""What a final is made of (pure logic, no model): the latest final, a final pass's reading, its words' times
in the stream, and a short final read again with the utterance after it.

Read alone, a short utterance lacks the context that makes it readable: an answer's opening "자, 이쪽으로
오세요" came out as "잘 쪄요", and forced as the next pass's prefix the mistake misled that pass too. So the
next utterance's final pass reads both without a forced prefix, and its words are split at the boundary
between the two utterances: those before it revise the earlier final, the rest are the new final.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from engine.audio.frames import SAMPLE_RATE
from engine.stt.contract import Word
from engine.stt.whisper_decode import Hypothesis

# A final whose utterance is shorter than this is read again with the next one. An utterance runs from the
# previous one's end (a pause before it included, up to local_session.MAX_LEAD_S) to its own end (tuned with
# bench/stt_streaming.py; the figures are in docs/ARCHITECTURE.md).
REVISE_BELOW_S = 3.0
_NOT_A_WORD = re.compile(r"[^\w]+", re.UNICODE)  # spacing and punctuation


@dataclass(frozen=True, slots=True)
class LastFinal:
    """The latest final, as the context of the next utterance's passes (samples of the stream)."""

    utterance_id: int
    start: int
    speech_start: int  # where the VAD heard its speech begin (its words' onset, local_session._finalise)
    end: int
    text: str
    revisable: bool  # short enough to be read again with the next utterance (REVISE_BELOW_S)


@dataclass(frozen=True, slots=True)
class Reading:
    """A final pass's result: its words' times are seconds from `audio_start` (a sample of the stream)."""

    audio_start: int
    hypothesis: Hypothesis
    revision: Hypothesis | None = None  # the previous final's words read again, when this pass revised it


def split_reading(both: Hypothesis, boundary_s: float) -> tuple[Hypothesis, Hypothesis] | None:
    """(the previous utterance's words, this one's) of a pass that read both, split where this utterance
    starts (`boundary_s` into the pass's audio) by each word's middle. None when the reading cannot be
    split into two texts that both hold words, or is no reading to trust (silence, a loop)."""
    if both.is_silence or both.is_repetition or both.loops_on_a_phrase:
        return None
    words = both.timed_words
    cut = next((i for i, w in enumerate(words) if (w.start + w.end) / 2 >= boundary_s), len(words))
    head, tail = words[:cut], words[cut:]
    if not any(_NOT_A_WORD.sub("", w.text) for w in head) or not any(_NOT_A_WORD.sub("", w.text) for w in tail):
        return None

    def part(words: tuple[Word, ...]) -> Hypothesis:
        return Hypothesis(
            tuple(w.text for w in words), words, both.avg_logprob, both.no_speech_prob, both.compression_ratio
        )

    return part(head), part(tail)


def differs(old: str, new: str) -> bool:
    """Whether a revision says something else, not just other spacing or punctuation."""
    return _NOT_A_WORD.sub("", old.lower()) != _NOT_A_WORD.sub("", new.lower())


def is_short(start: int, end: int) -> bool:
    return end - start < REVISE_BELOW_S * SAMPLE_RATE


def stream_words(heard: Hypothesis, audio_start: int, speech_start: int) -> tuple[Word, ...]:
    """A final's words with times in seconds of the stream: the pass's times shifted to where its audio
    starts, except that a word straddling the VAD's speech onset starts there.

    Whisper's alignment tends to start the first word after a pause where the pause starts ("ask" at
    2.08-3.72 s in jfk.flac, said from about 3.0 s), which would hide the pause from the answer's analysis.
    (faster-whisper bounds such words by twice the median word length, a rule its own comment says a VAD
    could replace.)
    """
    offset, onset = audio_start / SAMPLE_RATE, speech_start / SAMPLE_RATE
    return tuple(
        Word(
            w.text.strip(),
            round(onset if offset + w.start < onset < offset + w.end else offset + w.start, 3),
            round(offset + w.end, 3),
            w.probability,
        )
        for w in heard.timed_words
    )
