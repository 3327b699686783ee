"""The interviewer's voice: espeak-ng renders it, each text once (cache, collapsed duplicates), and the
turn-taking gate keeps it out of the candidate's transcript; a long silence ends an answer, speech cancels.

Real espeak-ng (installed by .ci/run), real Whisper base, real Silero VAD; the stand-in sound card plays
the synthesised voice into the microphone path, as speakers would into a laptop's microphone.
"""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import numpy as np
import pytest

from engine.audio.frames import SAMPLE_RATE
from engine.audio.gate import GatedSource, TurnGate
from engine.audio.generator_source import ArraySource, silence
from engine.audio.microphone import MicrophoneSource
from engine.config.settings import SpeechSettings
from engine.interview.silence import SilenceCountdownSource
from engine.stt.local_session import LocalWhisperSession
from engine.stt.speech_model import SpeechModel
from engine.tts.cache import SpeechCache
from engine.tts.espeak import EspeakSynthesizer, SpeechAudio, TtsError, VoiceRequest
from tests.conftest import read_samples, speech_file
from tests.fake_sounddevice import FakeSoundDevice

needs_espeak = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is installed by .ci/run")
QUESTION = "Tell me about a deadline you nearly missed, and what you changed afterwards."


async def transcript_of(models_dir: Path, source: object, seconds: float, language: str = "en") -> str:
    """Finals heard from `source` over its first `seconds` (then it is stopped, as Finish would)."""
    session = LocalWhisperSession(SpeechModel(SpeechSettings(), models_dir), language)
    await session.start()

    async def feed() -> None:
        async for frame in source.frames():  # type: ignore[attr-defined]
            session.accept_audio(frame)
            if frame.end_s >= seconds:
                source.stop()  # type: ignore[attr-defined]
        await session.finish()

    finals: dict[int, str] = {}  # by utterance: a revised final takes the place of the one it revises

    async def collect() -> None:
        finals.update({e.utterance_id: e.text async for e in session.events() if e.is_final and e.text})

    try:
        async with asyncio.TaskGroup() as group:  # a failure in either side ends both, and is raised
            group.create_task(feed())
            group.create_task(collect())
    finally:
        await session.close()
    return " ".join(finals[k] for k in sorted(finals))


@needs_espeak
async def test_the_interviewers_voice_is_never_transcribed_while_the_gate_is_shut(models_dir: Path) -> None:
    voice = await EspeakSynthesizer().render(VoiceRequest(QUESTION, "en"))
    assert voice.rate != SAMPLE_RATE and voice.seconds > 2  # resampled by the microphone path, as a real device
    speakers = np.concatenate([voice.samples, np.zeros(voice.rate, np.int16)])

    gate = TurnGate()
    gate.interviewer_started()  # the question is playing for the whole capture
    gated = GatedSource(MicrophoneSource(FakeSoundDevice(speakers, rate=voice.rate, repeat=True)), gate)
    seconds = len(speakers) / voice.rate
    assert await transcript_of(models_dir, gated, seconds) == ""

    # The same capture with the gate off (headset mode) does hear it: the check above can fail.
    gate.enabled = False
    microphone = MicrophoneSource(FakeSoundDevice(speakers, rate=voice.rate, repeat=True))
    heard = await transcript_of(models_dir, GatedSource(microphone, gate), seconds)
    assert "deadline" in heard.lower()


def test_the_gate_opens_only_after_the_tail() -> None:
    now = [100.0]
    gate = TurnGate(tail_s=0.35, clock=lambda: now[0])
    assert gate.open
    gate.interviewer_started()
    assert not gate.open
    gate.interviewer_stopped()
    now[0] += 0.3
    assert not gate.open
    now[0] += 0.1
    assert gate.open


@needs_espeak
async def test_korean_and_english_questions_render(tmp_path: Path) -> None:
    for language, text in (("en", "Why this company?"), ("ko", "지원 동기를 말씀해 주세요.")):
        audio = await EspeakSynthesizer().render(VoiceRequest(text, language))
        assert audio.seconds > 0.5 and np.abs(audio.samples.astype(np.int32)).max() > 1000


class CountingRenderer:
    name = "counting"

    def __init__(self) -> None:
        self.calls = 0
        self.release = asyncio.Event()

    async def render(self, request: VoiceRequest) -> SpeechAudio:
        self.calls += 1
        await self.release.wait()
        return SpeechAudio(np.full(800, len(request.text), np.int16), 16000)


async def test_a_repeated_question_is_a_cache_hit_even_after_a_restart(tmp_path: Path) -> None:
    renderer = CountingRenderer()
    renderer.release.set()
    cache = SpeechCache(tmp_path, renderer)
    first = await cache.get(VoiceRequest(QUESTION, "en"))
    second = await cache.get(VoiceRequest(QUESTION, "en"))
    assert renderer.calls == 1 and cache.hits == 1
    assert np.array_equal(first.samples, second.samples)
    # A new process (a new cache object) finds it on disk; another rate is another entry.
    again = SpeechCache(tmp_path, renderer)
    await again.get(VoiceRequest(QUESTION, "en"))
    await again.get(VoiceRequest(QUESTION, "en", words_per_minute=140))
    assert renderer.calls == 2 and again.hits == 1


async def test_two_concurrent_requests_for_one_text_render_once(tmp_path: Path) -> None:
    renderer = CountingRenderer()
    cache = SpeechCache(tmp_path, renderer)
    both = asyncio.gather(cache.get(VoiceRequest(QUESTION, "en")), cache.get(VoiceRequest(QUESTION, "en")))
    await asyncio.sleep(0)  # both requests are in before the render finishes
    renderer.release.set()
    one, two = await both
    assert renderer.calls == 1 and one is two


async def test_a_missing_or_failing_engine_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(TtsError) as missing:
        await EspeakSynthesizer("/nonexistent/espeak-ng").render(VoiceRequest("Hi", "en"))
    assert missing.value.key == "tts.failed" or "espeak" in missing.value.message("en")
    with pytest.raises(TtsError) as absent:
        synthesizer = EspeakSynthesizer()
        synthesizer.executable = None
        await synthesizer.render(VoiceRequest("Hi", "en"))
    assert "espeak-ng" in absent.value.message("en")


async def run_countdown(samples: np.ndarray, limit_s: float) -> tuple[SilenceCountdownSource, list, float]:
    shown: list[float | None] = []
    source = SilenceCountdownSource(ArraySource(samples), limit_s, shown.append)
    last = 0.0
    async for frame in source.frames():
        last = frame.end_s
    return source, shown, last


async def test_a_silence_longer_than_the_limit_ends_the_answer_at_the_limit() -> None:
    speech = await read_samples(speech_file("en/jfk.flac"))
    source, shown, ended_at = await run_countdown(np.concatenate([speech, silence(10.0)]), limit_s=3.0)
    assert source.ended_by_silence
    speech_end = len(speech) / SAMPLE_RATE
    assert speech_end + 2.5 <= ended_at <= speech_end + 3.6  # Silero hears the last word's tail for a moment
    assert shown[-1] == 0.0 and shown[0] is not None and shown[0] > 1.5  # a visible countdown to zero


async def test_speaking_again_cancels_the_countdown() -> None:
    speech = await read_samples(speech_file("en/jfk.flac"))
    # A 1.5 s pause (about 2.3 s of silence with the clips' own quiet ends): under the 3 s limit.
    samples = np.concatenate([speech, silence(1.5), speech, silence(10.0)])
    source, shown, ended_at = await run_countdown(samples, limit_s=3.0)
    assert None in shown  # a countdown appeared in the pause and speech cancelled it
    assert ended_at > 2 * len(speech) / SAMPLE_RATE + 1.5  # so the answer ran on past the pause
    assert source.ended_by_silence


async def test_no_countdown_before_the_candidate_first_speaks() -> None:
    source, shown, ended_at = await run_countdown(silence(6.0), limit_s=2.0)
    assert shown == [] and not source.ended_by_silence and ended_at == pytest.approx(6.0)
