"""One truth per answer: after an answer ends its whole audio is read again in one pass, and that reading is
the stored transcript everywhere (search, review, the PDF, the CLI), as good as one-shot Whisper; loops
nobody said are left out; a kill before the reading is stored keeps the live text, read at the next start."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import wave
from pathlib import Path
from typing import Any

import numpy as np

from engine.audio.file_source import read_samples
from engine.settings import AppPaths, SpeechSettings
from engine.storage.store import Store
from engine.stt.contract import TranscriptEvent, TranscriptKind, Word
from engine.stt.reread import reread, speech_probabilities, without_unheard_repeats
from engine.stt.speech_model import SpeechModel
from tests.cli_support import cli
from tests.conftest import ROOT, speech_file

KO_CLIP = "ko/deeply_DanceStudio_sub100112a00045.wav"


def _one_shot(decoder: object, samples: np.ndarray, language: str) -> str:
    """faster-whisper's own transcribe, default options: what the stored transcript is measured against."""
    segments, _ = decoder.model.transcribe(  # type: ignore[attr-defined]
        samples.astype(np.float32) / 32768.0, language=language, word_timestamps=True
    )
    return " ".join(w.word.strip() for s in segments for w in s.words or () if w.word.strip())


async def test_the_reading_is_one_shot_whispers_on_every_shared_clip(models_dir: Path) -> None:
    decoder = await SpeechModel(SpeechSettings(), models_dir).get()
    clips = [speech_file("en/jfk.flac"), speech_file(KO_CLIP), speech_file("ko/picovoice_leopard_test_ko.wav")]
    for clip in clips:
        language = clip.parent.name
        samples = read_samples(clip)
        reading = reread(decoder, samples, language)
        assert reading.text == _one_shot(decoder, samples, language), clip.name
        assert reading.dropped == 0
        words = [w for s in reading.segments for w in s.words]
        assert all(a.start <= b.start and w.start < w.end for a, b, w in zip(words, words[1:], words, strict=False))


async def test_a_stammer_the_audio_holds_is_kept_and_a_repeat_nobody_said_is_not(models_dir: Path) -> None:
    decoder = await SpeechModel(SpeechSettings(), models_dir).get()
    sentence = read_samples(speech_file("ko/picovoice_leopard_test_ko.wav"))
    syllable, gap = sentence[int(0.3 * 16000) : int(0.8 * 16000)], np.zeros(8000, dtype=np.int16)
    stammer = np.concatenate([syllable, gap] * 4 + [sentence])  # "그는… 그는… 그는… 그는… 그는 …"
    reading = reread(decoder, stammer, "ko")
    said = [w.text.strip(",.") for s in reading.segments for w in s.words]
    assert said.count("그는") == 5  # four stammers and the sentence's own: one-shot wrote six
    # A loop written over one stretch of speech: each repeat lies inside the first one's speech, no new onset.
    speech = speech_probabilities(sentence)
    looped = [Word("그는", 0.35, 0.6, 0.9)] + [Word("그는", 0.6 + k * 0.05, 0.65 + k * 0.05, 0.5) for k in range(4)]
    kept = without_unheard_repeats([*looped, Word("피하면서", 1.2, 1.6, 0.9)], speech)
    assert [w.text for w in kept] == ["그는", "피하면서"]


def test_practice_stores_the_reading_and_keeps_the_live_finals_beside_it(data_dir: Path) -> None:
    clip = speech_file(KO_CLIP)
    result = cli(data_dir, "practice", "--lang", "ko", "--answers", str(clip), "--json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)["answers"][0]
    assert answer["transcript_source"] == "reread"
    assert answer["live_transcript"] and answer["transcript"] != ""
    db = sqlite3.connect(data_dir / "interview-coach.sqlite3")
    transcript, source = db.execute("select transcript, transcript_source from answers").fetchone()
    assert (transcript, source) == (answer["transcript"], "reread")
    stored = [r[0] for r in db.execute("select text from transcript_segments order by start")]
    live = [r[0] for r in db.execute("select text from live_segments order by start")]
    assert " ".join(stored) == transcript and " ".join(live) == answer["live_transcript"]
    assert {r[0] for r in db.execute("select backend from transcript_segments")} == {"whisper-reread"}
    # Its figures are the reading's: the stored words are the ones whose timings the pace was taken from.
    metrics = json.loads(db.execute("select metrics_json from metrics").fetchone()[0])
    assert metrics == {**answer["metrics"], "content": metrics["content"], "voice": metrics["voice"]}


async def test_the_reading_replaces_the_live_text_in_search_detail_and_the_report(
    data_dir: Path, models_dir: Path, tmp_path: Path, qapp: Any
) -> None:
    from pypdf import PdfReader

    from desktop.fonts import install_fonts
    from desktop.report_pdf import export_report
    from engine.interview.stored_transcript import TranscriptKeeper

    install_fonts(qapp)
    paths = AppPaths(data_dir)
    audio = paths.recordings / "session-1" / "answer-1.flac"
    audio.parent.mkdir(parents=True)
    audio.write_bytes(speech_file("en/jfk.flac").read_bytes())
    store = await Store.open(paths.database)
    try:
        session = await store.create_session({"language": "en", "role": "Engineer"}, "local")
        question = await store.add_question(session, 1, "en-x", "Why this role?", "motivation")
        answer = await store.start_answer(session, question, "recordings/session-1/answer-1.flac", reread=True)
        live = "and so my fellow amerikanz zorblax"  # what a live pass might have heard
        word = Word("zorblax", 9.0, 9.5, 0.4)
        await store.add_final(
            answer, TranscriptEvent(TranscriptKind.FINAL, 0, live, live, 0.0, 11.0, (word,), 0.4, "x")
        )
        await store.finish_answer(answer, "complete", 11.0, live)
        await store.set_session_status(session, "complete", ended=True)
        assert [o.answer_id for o in await store.owed_rereads()] == [answer]
        assert await store.search("zorblax")

        done = await TranscriptKeeper(store, SpeechModel(SpeechSettings(), models_dir)).catch_up()

        assert [d.answer_id for d in done] == [answer] and "fellow Americans" in done[0].transcript
        assert await store.owed_rereads() == []
        assert await store.search("zorblax") == []
        assert [r["session_id"] for r in await store.search("Americans")] == [session]
        detail = await store.session_detail(session)
        assert detail is not None
        stored = detail["questions"][0]["answers"][0]
        assert stored["transcript_source"] == "reread" and stored["transcript"] == done[0].transcript
        assert "zorblax" not in json.dumps(stored["segments"])
        pdf = await export_report(store, session, tmp_path / "report.pdf", "a4", "en")
        text = " ".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
        assert "zorblax" not in text and "Americans" in text
    finally:
        await store.close()


def _long_answer(path: Path) -> Path:
    """About 40 s of Korean speech in one file: long enough to be killed while it is read again."""
    clips = sorted((speech_file(KO_CLIP).parent).glob("deeply_*.wav"))[:5]
    samples = np.concatenate([read_samples(c) for c in clips])
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(samples.tobytes())
    return path


def test_a_kill_during_the_reading_keeps_the_live_text_and_the_next_start_reads_it(
    data_dir: Path, tmp_path: Path
) -> None:
    answer_file = _long_answer(tmp_path / "long.wav")
    process = subprocess.Popen(
        [sys.executable, "main.py", "--data-dir", str(data_dir), "practice", "--lang", "ko"]
        + ["--answers", str(answer_file)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdout is not None
    for line in process.stdout:  # the answer's figures are printed as it ends, before its re-read begins
        if line.lstrip().startswith("→"):
            process.send_signal(signal.SIGKILL)
            break
    process.wait(timeout=60)
    db = sqlite3.connect(data_dir / "interview-coach.sqlite3")
    live, source = db.execute("select transcript, transcript_source from answers").fetchone()
    assert source == "live" and len(live) > 50  # the live transcript survived, and the re-read is owed
    db.close()

    # The next run reads what is owed, beside its own interview.
    again = cli(data_dir, "practice", "--lang", "ko", "--answers", str(speech_file(KO_CLIP)), "--json")
    assert again.returncode == 0, again.stderr
    db = sqlite3.connect(data_dir / "interview-coach.sqlite3")
    stored, source = db.execute("select transcript, transcript_source from answers where id = 1").fetchone()
    assert source == "reread" and len(stored) > 50
    live_kept = " ".join(r[0] for r in db.execute("select text from live_segments where answer_id = 1 order by start"))
    assert live_kept == live
