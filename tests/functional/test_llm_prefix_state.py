"""Saved prefix states and the bank's stand-in, on the real SmolLM2 model: a second interview with the same
posting starts warm; a changed model file or a damaged state is never used; a model still reading when an
answer ends gives way to a bank question at once, and keeps what it read."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from engine.audio.file_source import FileSource
from engine.config.settings import AppPaths, SpeechSettings
from engine.interview.config import InterviewConfig
from engine.interview.driver import END, Choice, drive
from engine.interview.events import Notice, QuestionAsked
from engine.interview.session import InterviewSession
from engine.llm import prompts
from engine.llm.contract import ChatMessage, GenerationRequest, Role
from engine.llm.local import LocalModel, LocalOptions
from engine.llm.prefix_cache import PrefixCache
from engine.storage.store import Store
from engine.stt.factory import SttBackend, session_factory
from engine.stt.speech_model import SpeechModel
from tests.conftest import speech_file
from tests.llm_support import POSTING, RESUME, smollm2_path

BRIEF = prompts.InterviewBrief(
    "en", "Backend engineer", "Acme", "senior", "mixed", POSTING * 6, RESUME * 6, ("Tell me about a conflict.",)
)


async def _ask(model: LocalModel, brief: prompts.InterviewBrief, keep: bool = False) -> str:
    """The first question of an interview with this brief (a fixed seed: the same words every time)."""
    system = prompts.system_prompt(brief)
    messages = (ChatMessage(Role.SYSTEM, system), ChatMessage(Role.USER, "Ask your first question."))
    keep_chars = len(prompts.stable_prompt(brief)) if keep else 0
    request = GenerationRequest(messages, max_tokens=16, temperature=0.0, seed=3, keep_prefix_chars=keep_chars)
    return "".join([chunk.text async for chunk in model.stream(request)])


async def test_a_second_interview_with_the_same_posting_starts_from_the_saved_state(tmp_path: Path) -> None:
    states = tmp_path / "states"
    first = LocalModel(smollm2_path(), LocalOptions(n_ctx=4096, state_dir=states))
    try:
        cold = await _ask(first, BRIEF, keep=True)
        read_cold = first.prefilled_tokens
    finally:
        await first.close()
    assert len(list(states.glob("*.state"))) == 1
    # Another interview: the same set-up, other seed questions (chosen afresh), a model opened anew.
    other = prompts.InterviewBrief(*[getattr(BRIEF, f) for f in ("language", "role", "company", "seniority")],
                                   BRIEF.kind, BRIEF.posting, BRIEF.resume, ("Why this company?",))  # fmt: skip
    second = LocalModel(smollm2_path(), LocalOptions(n_ctx=4096, state_dir=states))
    try:
        warm = await _ask(second, other)
        assert second.restored_tokens > 0.8 * read_cold, "the posting and résumé came from the saved state"
        assert second.prefilled_tokens < 0.2 * read_cold, "only the seed questions and the note were read"
        again = await _ask(second, BRIEF)  # and the state gives the same words as reading it did
    finally:
        await second.close()
    assert warm and again == cold


async def test_a_state_is_refused_when_the_model_file_changed_or_the_state_is_damaged(tmp_path: Path) -> None:
    gguf = tmp_path / "model.gguf"
    shutil.copyfile(smollm2_path(), gguf)
    states = tmp_path / "states"
    model = LocalModel(gguf, LocalOptions(n_ctx=4096, state_dir=states))
    try:
        expected = await _ask(model, BRIEF, keep=True)
    finally:
        await model.close()
    saved = next(states.glob("*.state"))
    stat = gguf.stat()
    os.utime(gguf, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # the file replaced by another copy

    changed = LocalModel(gguf, LocalOptions(n_ctx=4096, state_dir=states))
    try:
        assert await _ask(changed, BRIEF, keep=True) == expected
        assert changed.restored_tokens == 0, "a state of the old file is never loaded"
    finally:
        await changed.close()
    assert not saved.exists(), "and it is removed"
    fresh = next(states.glob("*.state"))
    fresh.write_bytes(b"\x00" * 4096)  # damaged on disk

    damaged = LocalModel(gguf, LocalOptions(n_ctx=4096, state_dir=states))
    try:
        assert await _ask(damaged, BRIEF) == expected  # read afresh, the same words
        assert damaged.restored_tokens == 0
    finally:
        await damaged.close()
    assert not fresh.exists()


def test_saved_states_are_bounded_and_the_least_recently_used_goes_first(tmp_path: Path) -> None:
    gguf = tmp_path / "model.gguf"
    gguf.write_bytes(b"GGUF")
    cache = PrefixCache(tmp_path / "states", gguf, limit_bytes=2500)
    paths = []
    for n in (300, 400, 500):
        tokens = list(range(n))
        path = cache.new_file(tokens)
        path.write_bytes(b"x" * 1000)
        cache.saved(tokens, path)
        paths.append(path)
    assert [p.exists() for p in paths] == [False, True, True]  # 3,000 bytes > 2,500: the oldest went
    assert cache.find(list(range(1000)), longer_than=0) is not None
    reopened = PrefixCache(tmp_path / "states", gguf, limit_bytes=2500)  # the index survives a restart
    found = reopened.find(list(range(1000)), longer_than=0)
    assert found is not None and found.tokens == 500
    assert reopened.find([7, *range(1, 1000)], longer_than=0) is None  # another prefix: not found


async def test_a_model_still_reading_when_the_answer_ends_gives_way_to_a_bank_question(
    tmp_path: Path, models_dir: Path
) -> None:
    model = LocalModel(smollm2_path(), LocalOptions(n_ctx=8192))
    await model.ready()
    store = await Store.open(tmp_path / "db.sqlite3")
    try:
        # A long posting and résumé: the model is still reading them when the first answer, given at once, ends.
        config = InterviewConfig(
            language="en", question_count=3, job_posting=POSTING * 50, resume=RESUME * 50, role="Backend engineer"
        )
        stt = session_factory(SttBackend.LOCAL, SpeechModel(SpeechSettings(), models_dir))
        session = InterviewSession(config, store, AppPaths(tmp_path), stt, "local", language_model=model)
        events: list[object] = []
        session.subscribe(events.append)

        class AnswerThenEnd:
            ending = False

            async def choose(self, asked: QuestionAsked) -> Choice:
                if asked.number == 1:
                    return Choice.answer(FileSource(speech_file("en/jfk.flac"), realtime=False))
                return END

        await drive(session, AnswerThenEnd())
        asked = [e for e in events if isinstance(e, QuestionAsked)]
        assert [(q.number, q.source) for q in asked] == [(1, "bank"), (2, "bank")]
        keys = [e.message_key for e in events if isinstance(e, Notice)]
        assert "llm.question_not_ready" in keys  # said, not as an error
        # Not counted as a slow or failed model: it stays the interviewer and joins when it is ready.
        assert not {"llm.question_slow", "llm.question_slow_gave_up", "llm.question_fallback"} & set(keys)
    finally:
        await store.close()
        await model.close()
