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
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from engine.audio.file_source import read_samples
from engine.config.settings import AppPaths, SpeechSettings
from engine.storage.store import Store
from engine.stt.contract import TranscriptEvent, TranscriptKind, Word
from engine.stt.reread import reread, speech_probabilities, without_unheard_repeats
from engine.stt.speech_model import SpeechModel
from tests.cli_support import cli
from tests.conftest import ROOT, joined_speech, speech_file
from tests.storage_support import FIGURES, owed_answer

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
    # Four stammers, and the sentence's own first word: one-shot wrote the syllable six times. How the syllable
    # is spelled depends on the CPU's int8 kernels (그는 with AVX-512, 끊은 on an AVX2-only EPYC), and there
    # the sentence's own first word is read apart from it; either way the four the audio holds are all kept
    # and none is added.
    head = said[: said.index("피하면서")] if "피하면서" in said else said
    repeats = Counter(head).most_common(1)[0][1] if head else 0
    assert 4 <= repeats <= 5, said
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
        assert [r.session_id for r in await store.search("Americans")] == [session]
        detail = await store.session_detail(session)
        assert detail is not None
        stored = detail.questions[0].answers[0]
        assert stored.transcript_source == "reread" and stored.transcript == done[0].transcript
        assert "zorblax" not in " ".join(s.text for s in stored.segments)
        pdf = await export_report(store, session, tmp_path / "report.pdf", "a4", "en")
        text = " ".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
        assert "zorblax" not in text and "Americans" in text
    finally:
        await store.close()


def _long_answer(path: Path) -> Path:
    """About 40 s of Korean speech in one file: long enough to be killed while it is read again."""
    return joined_speech(path, sorted((speech_file(KO_CLIP).parent).glob("deeply_*.wav"))[:5])


def test_a_kill_during_the_reading_keeps_the_live_text_and_the_next_start_reads_it(
    data_dir: Path, tmp_path: Path
) -> None:
    answer_file = _long_answer(tmp_path / "long.wav")
    process = subprocess.Popen(
        [sys.executable, "main.py", "--data-dir", str(data_dir), "-v", "practice", "--lang", "ko"]
        + ["--answers", str(answer_file)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stderr is not None
    for line in process.stderr:  # the log says when the reading starts; it takes seconds for 40 s of audio
        if "of audio again" in line:
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


def test_a_repeat_the_live_pass_also_heard_is_kept(models_dir: Path) -> None:
    # "so so so" where the detector heard no onset of its own for each (the clip's first 0.3 s): kept only
    # as often as the live reading, a second reading of the same audio, also heard it.
    speech = speech_probabilities(read_samples(speech_file("ko/picovoice_leopard_test_ko.wav")))
    quick = [Word("so", k * 0.1, k * 0.1 + 0.08, 0.9) for k in range(3)]
    assert [w.text for w in without_unheard_repeats(quick, speech, ["so", "so", "so"])] == ["so"] * 3
    assert [w.text for w in without_unheard_repeats(quick, speech, ["so"])] == ["so"]


async def test_hotwords_that_make_whisper_skip_words_are_dropped_for_a_second_reading(models_dir: Path) -> None:
    # With every word of the sentence as a hotword, Whisper base took them as said and wrote only the end.
    decoder = await SpeechModel(SpeechSettings(), models_dir).get()
    clip = speech_file("ko/deeply_AirbnbStudio_sub100101a00051.wav")
    samples = read_samples(clip)
    terms = ("그런데", "박사님", "인구", "줄었다고", "하셨는데", "생각", "서울", "예전보다")
    live = _one_shot(decoder, samples, "ko")
    misled, _ = decoder.model.transcribe(  # the failure is real: with these hotwords Whisper skips speech
        samples.astype(np.float32) / 32768.0, language="ko", hotwords=" ".join(terms), temperature=0.0
    )
    assert len("".join(s.text for s in misled).replace(" ", "")) < 0.7 * len(live.replace(" ", ""))
    reading = reread(decoder, samples, "ko", terms, live=live)
    assert len(reading.text) >= 0.9 * len(live) and "박사님" in reading.text


async def test_an_empty_or_failed_reading_keeps_the_live_transcript_and_the_others_are_still_read(
    data_dir: Path, models_dir: Path, tmp_path: Path
) -> None:
    from engine.interview.stored_transcript import TranscriptKeeper

    silence = tmp_path / "silence.wav"
    with wave.open(str(silence), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(np.zeros(16000 * 3, dtype=np.int16).tobytes())
    paths = AppPaths(data_dir)
    store = await Store.open(paths.database)
    try:
        missing = await owed_answer(store, paths, None, "들리지 않은 답변")
        empty = await owed_answer(store, paths, silence, "조용한 답변")
        spoken = await owed_answer(store, paths, speech_file(KO_CLIP), "라이브 답변")
        done = await TranscriptKeeper(store, SpeechModel(SpeechSettings(), models_dir)).catch_up()
        assert [d.answer_id for d in done] == [spoken]
        db = store.db
        rows = {r["id"]: r for r in db.query("select id, transcript, transcript_source from answers")}
        assert (rows[missing]["transcript"], rows[missing]["transcript_source"]) == ("들리지 않은 답변", "live_only")
        assert (rows[empty]["transcript"], rows[empty]["transcript_source"]) == ("조용한 답변", "live_only")
        kept = json.loads(db.execute("select metrics_json from metrics where answer_id = ?", [empty]).fetchone()[0])
        assert kept["voice"] == {"loudness": 1}
        assert rows[spoken]["transcript_source"] == "reread" and "상자" in rows[spoken]["transcript"]
        voice = db.execute("select metrics_json from metrics where answer_id = ?", [spoken]).fetchone()[0]
        assert json.loads(voice)["voice"] == {"loudness": 1}  # read from the same audio: it stays
    finally:
        await store.close()


async def test_the_swap_is_one_transaction(data_dir: Path) -> None:
    paths = AppPaths(data_dir)
    store = await Store.open(paths.database)
    try:
        answer = await owed_answer(store, paths, None, "live words")
        # A real SQLite failure half-way: the answer's row refuses its update after the segments moved.
        store.db.execute("create trigger refuse before update on answers begin select raise(abort, 'disk'); end")
        reading = TranscriptEvent(TranscriptKind.FINAL, 0, "read", "read", 0.0, 1.0, (), 0.9, "whisper-reread")
        with pytest.raises(Exception, match="disk"):
            await store.store_reread(answer, (reading,), dict(FIGURES))
        store.db.execute("drop trigger refuse")
        db = store.db
        assert [r[0] for r in db.execute("select text from transcript_segments")] == ["live words"]
        assert db.execute("select count(*) from live_segments").fetchone()[0] == 0
        assert db.execute("select transcript_source from answers").fetchone()[0] == "live"
    finally:
        await store.close()


def test_a_repaired_history_keeps_one_kind_of_transcript_per_answer(tmp_path: Path) -> None:
    import sqlite_utils

    from engine.storage.migrations import migrate
    from engine.storage.transcripts import settle_after_repair

    db = sqlite_utils.Database(tmp_path / "h.sqlite3")
    migrate(db)
    db["sessions"].insert({"id": 1, "language": "en"})
    db["questions"].insert({"id": 1, "session_id": 1, "position": 1, "text": "q"})
    db["answers"].insert_all(
        [{"id": 1, "session_id": 1, "question_id": 1, "transcript_source": "reread"},
         {"id": 2, "session_id": 1, "question_id": 1, "transcript_source": "live"}]
    )  # fmt: skip
    segments = [(1, 0, "whisper-reread"), (1, 5, "local-whisper"), (2, 0, "local-whisper"), (2, 1, "whisper-reread")]
    db["transcript_segments"].insert_all(
        {"answer_id": a, "utterance_id": u, "backend": b, "text": b} for a, u, b in segments
    )
    assert settle_after_repair(db) == 2
    kept = [(r["answer_id"], r["backend"]) for r in db.query("select * from transcript_segments order by id")]
    assert kept == [(1, "whisper-reread"), (2, "local-whisper")]


async def test_a_cancelled_reading_stops_holds_the_model_till_it_has_and_stays_owed(
    data_dir: Path, models_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import asyncio

    from engine.interview.stored_transcript import TranscriptKeeper

    paths = AppPaths(data_dir)
    store = await Store.open(paths.database)
    try:
        answer = await owed_answer(store, paths, speech_file(KO_CLIP), "라이브 답변")
        model = SpeechModel(SpeechSettings(), models_dir)
        await model.get()
        keeper = TranscriptKeeper(store, model, own_model=False)  # as with no core spare on macOS or Windows: shared
        keeper.hold()  # a live answer is under way: the reading waits after its first window
        (owed,) = await store.owed_rereads()
        reading = asyncio.create_task(keeper.reread(owed))
        stored = asyncio.create_task(keeper.reread(owed))  # a second request waits for the same reading
        finished, _ = await asyncio.wait({reading}, timeout=5)
        assert not finished  # held: it cannot end while the live answer goes on
        caplog.set_level("INFO", logger="engine.interview.stored_transcript")
        reading.cancel()
        with pytest.raises(asyncio.CancelledError):
            await reading
        assert await stored is None
        assert "reading stopped" in caplog.text  # the worker was told to stop, and was waited for
        assert await store.reread_owed(answer)
        keeper.release()
        assert [d.answer_id for d in await keeper.catch_up()] == [answer]  # the next start reads it
    finally:
        await store.close()


async def test_a_reading_on_a_model_of_its_own_goes_on_while_an_answer_is_live(
    data_dir: Path, models_dir: Path
) -> None:
    import asyncio

    from engine.interview.stored_transcript import TranscriptKeeper

    paths = AppPaths(data_dir)
    store = await Store.open(paths.database)
    try:
        answer = await owed_answer(store, paths, speech_file(KO_CLIP), "라이브 답변")
        keeper = TranscriptKeeper(store, SpeechModel(SpeechSettings(), models_dir), own_model=True)
        keeper.hold()  # its copy runs at the lowest priority: it takes only what the live passes leave
        (owed,) = await store.owed_rereads()
        stored = await asyncio.wait_for(keeper.reread(owed), timeout=120)
        assert stored is not None and stored.answer_id == answer and not await store.reread_owed(answer)
        keeper.release()
        await keeper.close()
    finally:
        await store.close()


@pytest.mark.parametrize(("cores", "reads_ahead"), [(6, True), (5, False)])
async def test_where_threads_cannot_be_lowered_answers_are_read_ahead_only_on_a_spare_core(
    cores: int, reads_ahead: bool, data_dir: Path, models_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import asyncio

    import engine.interview.stored_transcript as stored_transcript
    from engine.runtime import priority

    for module in (stored_transcript, priority):  # as on macOS and Windows: no thread is lowered
        monkeypatch.setattr(module, "can_lower_threads", lambda: False)
    monkeypatch.setattr(stored_transcript, "physical_cores", lambda: cores)
    paths = AppPaths(data_dir)
    store = await Store.open(paths.database)
    try:
        answer = await owed_answer(store, paths, speech_file(KO_CLIP), "라이브 답변")
        # The live passes' 4 threads, the reading's one and one for the app: 6 cores leave the reading its own.
        keeper = stored_transcript.TranscriptKeeper(store, SpeechModel(SpeechSettings(cpu_threads=4), models_dir))
        keeper.start()
        assert await keeper.loaded() is None
        reader = keeper.read_ahead("ko", ())
        assert (reader is not None) is reads_ahead
        if reader is not None:
            reader.stop()
            keeper.hold()  # a live answer is under way: a reading on its own core goes on
            (owed,) = await store.owed_rereads()
            stored = await asyncio.wait_for(keeper.reread(owed), timeout=120)
            assert stored is not None and stored.answer_id == answer
            keeper.release()
        await keeper.close()
    finally:
        await store.close()


async def test_without_room_for_a_copy_of_the_model_the_readings_share_the_live_one(
    data_dir: Path, models_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from engine.errors import ModelError
    from engine.interview.stored_transcript import TranscriptKeeper

    paths = AppPaths(data_dir)
    store = await Store.open(paths.database)
    try:
        answer = await owed_answer(store, paths, speech_file(KO_CLIP), "라이브 답변")
        live = SpeechModel(SpeechSettings(), models_dir)
        keeper = TranscriptKeeper(store, live, own_model=True)

        async def no_memory() -> None:  # what a second copy of a large model meets on a small machine
            raise ModelError("model.load_failed", folder=str(models_dir), detail="out of memory")

        monkeypatch.setattr(keeper._model, "get", no_memory)
        (owed,) = await store.owed_rereads()
        stored = await keeper.reread(owed)
        assert stored is not None and stored.answer_id == answer  # read on the live model, not left owed
        assert keeper.read_ahead("ko", ()) is None  # and nothing is read ahead on it
        assert keeper.failure is None and keeper.failure_notice("en") is None  # a copy is nobody's choice: no notice
        await keeper.close()
    finally:
        await store.close()


async def test_live_passes_take_hotwords_and_a_long_prompt_at_any_length_of_audio(models_dir: Path) -> None:
    # CTranslate2 counts the prompt in max_length: with the posting's terms in the prompt, a cap of new tokens
    # alone once equalled the prompt's length less one, and the pass failed ("maximum decoding length").
    from engine.stt.whisper_decode import MAX_TOKENS_PER_SECOND

    decoder = await SpeechModel(SpeechSettings(), models_dir).get()
    audio = read_samples(speech_file("en/jfk.flac")).astype(np.float32) / 32768.0
    prompt = " ".join(["and so my fellow Americans ask not"] * 40)
    terms = "Kubernetes React TypeScript Python Postgres Kafka"
    for tenths in range(5, 60, 3):
        hypothesis = decoder.decode(audio[: tenths * 1600], "en", prompt=prompt, hotwords=terms)
        assert len(hypothesis.words) <= 10 + MAX_TOKENS_PER_SECOND * tenths // 10  # a looped prompt is cut there
