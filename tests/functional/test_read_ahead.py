"""An answer read ahead while it is given (engine/stt/read_ahead.py): parts end in pauses, the stored
transcript made of them and the rest is as good as one-shot Whisper's, timed in the answer's seconds, and
the reading runs at the lowest priority while the live model's threads do not."""

from __future__ import annotations

import os
import sys
import threading
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from bench.wer import error_counts
from engine.audio.file_source import read_samples
from engine.config.settings import SpeechSettings
from engine.runtime.priority import LOWEST
from engine.stt.contract import Word
from engine.stt.read_ahead import Part, ReadAhead
from engine.stt.reread import SPEECH, reread, speech_probabilities
from engine.stt.speech_model import SpeechModel
from engine.stt.vad import WINDOW
from tests.conftest import speech_file

FRAME = 480  # 30 ms, as the microphone hands them over


def _answer() -> tuple[np.ndarray, str]:
    """About 40 s of Korean speech: five clips one after another, and what they say."""
    clips = sorted(speech_file("ko/deeply_DanceStudio_sub100112a00045.wav").parent.glob("deeply_*.wav"))[:5]
    samples = np.concatenate([read_samples(clip) for clip in clips])
    return samples, " ".join(clip.with_suffix(".txt").read_text("utf-8").strip() for clip in clips)


def _one_shot(decoder: object, samples: np.ndarray) -> str:
    segments, _ = decoder.model.transcribe(  # type: ignore[attr-defined]
        samples.astype(np.float32) / 32768.0, language="ko", word_timestamps=True
    )
    return " ".join(w.word.strip() for s in segments for w in s.words or () if w.word.strip())


async def test_an_answer_read_ahead_is_stored_as_well_as_one_shot_reads_it(models_dir: Path) -> None:
    decoder = await SpeechModel(SpeechSettings(), models_dir, low_priority=True).get()
    samples, reference = _answer()
    first = threading.Event()
    reader = ReadAhead(decoder, "ko", on_part=lambda _part: first.set())
    last = len(samples) - FRAME * 10  # 0.3 s: under the half second that wakes its thread
    for start in range(0, last, FRAME):
        reader.add(samples[start : min(start + FRAME, last)])
    assert first.wait(120), "no part was read ahead of 40 s of speech"
    reader.add(samples[last:])  # the answer's last frames come as it ends
    ahead = reader.finish()
    assert ahead is not None and ahead.parts
    parts: tuple[Part, ...] = ahead.parts
    speech = speech_probabilities(samples)
    assert np.allclose(ahead.speech_of(samples), speech)  # Silero's pass goes on as one pass over it all
    assert parts[0].start_sample == 0
    for part, after in zip(parts, parts[1:]):
        assert part.end_sample == after.start_sample
    for part in parts:
        assert speech[part.end_sample // WINDOW] < SPEECH, "a part ends in a pause, not inside a word"
        words = [w for segment in part.segments for w in segment]
        assert words, "every part holds words: it is speech"
        margin = 0.5
        assert all(part.start_sample / 16000 - margin <= w.start <= part.end_sample / 16000 + margin for w in words)

    reading = reread(decoder, samples, "ko", ahead=ahead)
    words = [w for s in reading.segments for w in s.words]
    assert all(a.start <= b.start + 0.5 for a, b in zip(words, words[1:])), "timed in the answer's seconds"
    assert words[-1].end <= len(samples) / 16000 + 0.1
    stored, total = error_counts(reference, reading.text, "ko")
    one_shot, _ = error_counts(reference, _one_shot(decoder, samples), "ko")
    # Parts read alone made fewer errors than one-shot on the 2-minute answers of bench/stt_streaming.py; a
    # part dropped or read twice would cost dozens of characters here.
    assert stored <= one_shot + max(5, total // 50), (stored, one_shot, total, reading.text)

    # The parts are taken as read, not read again: a part whose words are swapped for a marker (timed where
    # someone speaks, so the silence guard keeps it) comes back in the stored reading.
    first_words = [w for segment in parts[0].segments for w in segment]
    marker = Word("표지어", first_words[0].start, first_words[-1].end, 0.9)
    marked = replace(ahead, parts=(replace(parts[0], segments=((marker,),)), *parts[1:]))
    assert "표지어" in reread(decoder, samples, "ko", ahead=marked).text


@pytest.mark.skipif(sys.platform != "linux", reason="threads have a priority of their own only on Linux")
async def test_the_reading_model_runs_at_the_lowest_priority_and_the_live_model_does_not(models_dir: Path) -> None:
    before = _niceness()
    low = await SpeechModel(SpeechSettings(), models_dir, low_priority=True).get()
    low.decode(np.zeros(16000, dtype=np.float32), "ko")  # its threads all started
    reading = {tid: nice for tid, nice in _niceness().items() if tid not in before}
    assert reading and set(reading.values()) == {LOWEST}, reading
    assert {os.sched_getscheduler(tid) for tid in reading} == {os.SCHED_IDLE}  # only on a core nobody wants
    live = await SpeechModel(SpeechSettings(), models_dir).get()
    live.decode(np.zeros(16000, dtype=np.float32), "ko")
    started = {tid: nice for tid, nice in _niceness().items() if tid not in before and tid not in reading}
    assert started and set(started.values()) == {0}, started
    assert {os.sched_getscheduler(tid) for tid in started} == {os.SCHED_OTHER}
    assert _niceness()[threading.get_native_id()] == 0  # the loop's own thread is left as it was


def _niceness() -> dict[int, int]:
    """Each live thread of this process, and its nice value (field 19 of /proc/self/task/<tid>/stat)."""
    found = {}
    for task in Path("/proc/self/task").iterdir():
        try:
            stat = (task / "stat").read_text()
        except FileNotFoundError:  # the thread ended meanwhile
            continue
        found[int(task.name)] = int(stat[stat.rfind(")") + 2 :].split()[16])
    return found
