"""The answers `bench/stt_streaming.py` streams: a clip's samples, and a 2-minute answer made of the clips."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from engine.audio.file_source import FileSource
from engine.interview.questions import InterviewKind, choose_questions
from engine.tts.espeak import EspeakSynthesizer, VoiceRequest

LONG_ANSWER_S = 120


async def load_samples(path: Path) -> np.ndarray:
    chunks = [frame.samples async for frame in FileSource(path).frames()]
    return np.concatenate(chunks)


async def long_answer(files: list[Path], language: str) -> tuple[np.ndarray, str]:
    """At least LONG_ANSWER_S of distinct speech and its reference: the clips one after another, then
    (English has only 35 s of clips) questions of the bank read by espeak-ng. Repeating a clip instead makes
    Whisper's text repeat, which sends every window through its temperature fallback: a cost no real answer
    has."""
    pieces = [await load_samples(path) for path in files]
    texts = [path.with_suffix(".txt").read_text("utf-8").strip() for path in files]
    voice = EspeakSynthesizer()
    for question in choose_questions(language, InterviewKind.MIXED, 40):
        if sum(len(p) for p in pieces) >= LONG_ANSWER_S * 16000:
            break
        spoken = await voice.render(VoiceRequest(question.text, language))
        positions = np.arange(0, len(spoken.samples), spoken.rate / 16000)
        pieces.append(np.interp(positions, np.arange(len(spoken.samples)), spoken.samples).astype(np.int16))
        texts.append(question.text)
    return np.concatenate(pieces), " ".join(texts)
