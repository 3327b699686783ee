from __future__ import annotations

import asyncio
from pathlib import Path

import numpy as np
import pytest

from engine.audio.file_source import FileSource
from engine.audio.generator_source import ArraySource, tone
from engine.audio.microphone import MicrophoneSource
from engine.audio.recording import AnswerRecorder, partial_path, salvage_recordings
from engine.errors import AudioFileError, MicrophoneError
from tests.conftest import read_samples, speech_file
from tests.fake_sounddevice import FakeSoundDevice


async def test_file_frames_are_16k_mono_and_numbered() -> None:
    path = speech_file("en/jfk.flac")  # 44.1 kHz FLAC: resampled once at the source
    frames = [f async for f in FileSource(path).frames()]
    assert all(f.samples.dtype == np.int16 for f in frames)
    assert all(len(f.samples) == 1600 for f in frames[:-1])
    assert all(a.end_sample == b.start_sample for a, b in zip(frames, frames[1:]))
    assert abs(frames[-1].end_s - 11.0) < 0.05


async def test_a_missing_file_and_a_non_audio_file_give_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(AudioFileError) as missing:
        _ = [f async for f in FileSource(tmp_path / "nope.wav").frames()]
    assert "does not exist" in missing.value.message("en")
    junk = tmp_path / "answer.wav"
    junk.write_bytes(b"this is not audio at all" * 100)
    with pytest.raises(AudioFileError) as unreadable:
        _ = [f async for f in FileSource(junk).frames()]
    assert "WAV, FLAC" in unreadable.value.message("en")
    assert "오디오" in unreadable.value.message("ko")


async def test_a_truncated_recording_yields_what_came_before_the_cut(tmp_path: Path) -> None:
    # A recording cut short (the app that wrote it crashed, a copy stopped halfway) is the usual damage.
    good = await read_samples(speech_file("en/jfk.flac"))
    flac = tmp_path / "answer.flac"
    recorder = AnswerRecorder(flac)
    async for frame in ArraySource(good).frames():
        recorder.add(frame)
    assert await recorder.close() is None
    raw = flac.read_bytes()
    cut = tmp_path / "cut.flac"
    cut.write_bytes(raw[: len(raw) // 2])
    frames = []
    with pytest.raises(AudioFileError) as caught:
        async for frame in FileSource(cut).frames():
            frames.append(frame)
    assert "damaged after" in caught.value.message("en") and "is kept" in caught.value.message("en")
    heard = np.concatenate([f.samples for f in frames])
    assert 3.0 < len(heard) / 16000 < 8.0
    assert np.array_equal(heard[:16000], good[:16000])


async def test_realtime_pacing_takes_about_the_audio_duration() -> None:
    loop = asyncio.get_running_loop()
    began = loop.time()
    frames = [f async for f in ArraySource(tone(0.5), realtime=True).frames()]
    assert frames[-1].end_s == 0.5
    assert loop.time() - began >= 0.45


async def test_microphone_frames_arrive_through_the_callback() -> None:
    samples = tone(1.0)
    mic = MicrophoneSource(FakeSoundDevice(samples))
    received = []
    async for frame in mic.frames():
        received.append(frame)
        if frame.end_sample >= len(samples):
            mic.stop()
    assert np.array_equal(np.concatenate([f.samples for f in received])[: len(samples)], samples)


async def test_a_missing_microphone_gives_a_clear_message() -> None:
    with pytest.raises(MicrophoneError) as caught:
        _ = [f async for f in MicrophoneSource(FakeSoundDevice(None)).frames()]
    assert "No microphone was found" in caught.value.message("en")
    assert "마이크를 찾을 수 없습니다" in caught.value.message("ko")


async def test_a_microphone_that_vanishes_keeps_what_was_heard() -> None:
    device = FakeSoundDevice(tone(2.0), vanish_after_blocks=5)
    received = []
    with pytest.raises(MicrophoneError) as caught:
        async for frame in MicrophoneSource(device).frames():
            received.append(frame)
    assert sum(len(f.samples) for f in received) == 5 * 1600
    assert "0.5 s" in caught.value.message("en")
    assert device.streams[0].closed


async def test_a_device_without_16k_is_resampled_once() -> None:
    samples_48k = (0.3 * 32767 * np.sin(2 * np.pi * 440 * np.arange(48000) / 48000)).astype(np.int16)
    mic = MicrophoneSource(FakeSoundDevice(samples_48k, rate=48000))
    total = 0
    async for frame in mic.frames():
        total += len(frame.samples)
        if total >= 12000:
            mic.stop()
    assert 12000 <= total <= 16000


async def test_answers_are_kept_as_flac(tmp_path: Path) -> None:
    recorder = AnswerRecorder(tmp_path / "rec" / "answer-1.flac")
    samples = tone(1.5)
    async for frame in ArraySource(samples).frames():
        recorder.add(frame)
    assert await recorder.close() is None
    back = await read_samples(tmp_path / "rec" / "answer-1.flac")
    assert np.array_equal(back, samples)  # FLAC is lossless


async def test_a_recording_cut_off_by_a_kill_is_salvaged_whole_at_the_next_start(tmp_path: Path) -> None:
    # The FLAC muxer holds what it encoded until the file closes; the raw partial file beside it does not.
    path = tmp_path / "rec" / "answer-1.flac"
    recorder = AnswerRecorder(path)
    samples = tone(2.5)
    async for frame in ArraySource(samples).frames():
        recorder.add(frame)
    await asyncio.gather(*recorder._pending)  # every block handed to the writer thread, nothing closed
    partial = partial_path(path)
    assert partial.stat().st_size == samples.size * 2
    with partial.open("ab") as torn:
        torn.write(b"\x01")  # a kill in the middle of a sample
    recorder._executor.shutdown(wait=True)  # the process dies here: close() never runs
    path.unlink(missing_ok=True)  # what the muxer had not yet written is lost with it
    assert salvage_recordings(tmp_path) == [path]
    assert not partial.exists()
    assert np.array_equal(await read_samples(path), samples)  # all of it, lossless
    assert salvage_recordings(tmp_path) == []  # once


async def test_a_closed_recording_leaves_no_partial_file(tmp_path: Path) -> None:
    path = tmp_path / "answer.flac"
    recorder = AnswerRecorder(path)
    async for frame in ArraySource(tone(0.5)).frames():
        recorder.add(frame)
    assert await recorder.close() is None
    assert path.is_file() and not partial_path(path).exists()


async def test_stopping_a_file_mid_decode_closes_it_cleanly() -> None:
    # The answer ends (or is cancelled) while blocks are still being decoded on the decoder's thread.
    frames = FileSource(speech_file("en/jfk.flac")).frames()
    first = await anext(frames)
    await frames.aclose()
    assert first.start_sample == 0

    started = asyncio.Event()

    async def consume() -> None:
        async for frame in FileSource(speech_file("en/jfk.flac"), realtime=True).frames():
            if frame.start_sample >= 3 * 1600:
                started.set()

    task = asyncio.create_task(consume())
    await started.wait()  # a few blocks in, at real-time pace: cancel it mid-stream
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
