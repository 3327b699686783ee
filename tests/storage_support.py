"""Stored sessions for tests and benchmarks: a real SQLite file filled through the Store."""

from __future__ import annotations

from pathlib import Path

from engine.config.settings import AppPaths
from engine.storage.store import Store
from engine.stt.contract import TranscriptEvent, TranscriptKind, Word


async def add_session(
    store: Store, language: str, question: str, answer: str, wpm: float, audio: Path | None, speaking_s: float = 30.0
) -> int:
    session = await store.create_session({"language": language, "role": "Engineer"}, "local")
    q = await store.add_question(session, 1, f"{language}-x", question, "behavioural")
    relative = ""
    if audio is not None:
        audio.parent.mkdir(parents=True, exist_ok=True)
        audio.write_bytes(b"fLaC")
        relative = audio.relative_to(store.path.parent).as_posix()
    answer_id = await store.start_answer(session, q, relative)
    final = TranscriptEvent(TranscriptKind.FINAL, 0, answer, "", 0.0, speaking_s, (), 0.9, "test")
    await store.add_final(answer_id, final)
    await store.finish_answer(answer_id, "complete", speaking_s, answer)
    metrics = {
        "words_per_minute": wpm,
        "syllables_per_minute": wpm * 2,
        "fillers_per_minute": 1.5,
        "filler_count": 1,
        "pause_count": 0,
        "longest_pause_s": 0.0,
        "speaking_s": speaking_s,
        "content": {"score": wpm / 2},
    }
    await store.save_metrics(answer_id, metrics)
    await store.set_session_status(session, "complete", ended=True)
    return session


async def owed_answer(store: Store, paths: AppPaths, audio: Path | None, live: str) -> int:
    """A Korean answer stored with its live transcript, owing its re-read (its audio copied from `audio`)."""
    session = await store.create_session({"language": "ko"}, "local")
    question = await store.add_question(session, 1, "ko-x", "지원 동기를 말씀해 주세요.", "motivation")
    relative = f"recordings/session-{session}/answer-1.flac"
    if audio is not None:
        (paths.data_dir / relative).parent.mkdir(parents=True, exist_ok=True)
        (paths.data_dir / relative).write_bytes(audio.read_bytes())
    answer = await store.start_answer(session, question, relative, reread=True)
    event = TranscriptEvent(TranscriptKind.FINAL, 0, live, live, 0.0, 5.0, (Word(live, 0.0, 5.0, 0.5),), 0.5, "x")
    await store.add_final(answer, event)
    await store.finish_answer(answer, "complete", 5.0, live)
    await store.save_metrics(answer, {**FIGURES, "voice": {"loudness": 1}})
    return answer


FIGURES = {
    "words_per_minute": 1.0, "syllables_per_minute": 1.0, "fillers_per_minute": 0.0, "filler_count": 0,
    "pause_count": 0, "longest_pause_s": 0.0, "speaking_s": 5.0,
}  # fmt: skip
