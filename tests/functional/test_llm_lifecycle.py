"""The interviewer model's engine-owned lifecycle, on the real SmolLM2 GGUF and on files that are no model."""

from __future__ import annotations

import asyncio
from pathlib import Path

from engine.llm.choice import LlmChoice
from engine.llm.lifecycle import InterviewerModel, LlmStage, LlmStatus
from tests.llm_support import smollm2_path


async def settled(model: InterviewerModel, *stages: LlmStage) -> LlmStatus:
    """The status once it reaches one of `stages` (ready or failed unless told)."""
    done = asyncio.Event()

    def watch(status: LlmStatus) -> None:
        if status.stage in (stages or (LlmStage.READY, LlmStage.FAILED)):
            done.set()

    model.subscribe(watch)
    await asyncio.wait_for(done.wait(), 120)
    return model.status


async def test_a_model_opens_in_the_background_and_an_unchanged_choice_is_not_opened_again() -> None:
    interviewer = InterviewerModel()
    seen: list[LlmStage] = []
    interviewer.subscribe(lambda status: seen.append(status.stage))
    choice = LlmChoice(gguf_path=str(smollm2_path()), n_ctx=2048)
    try:
        assert interviewer.start(choice)
        model = await interviewer.get()  # as soon as the object exists; loading goes on
        assert model is not None
        status = await settled(interviewer)
        assert status.stage is LlmStage.READY and status.opened and status.name
        assert seen[:3] == [LlmStage.OFF, LlmStage.LOADING, LlmStage.READY]
        assert not interviewer.start(choice), "the same choice again opens nothing"
        assert await interviewer.get() is model
        assert interviewer.start(LlmChoice())  # none: the model is closed and the status is off
        assert await interviewer.get() is None
        assert (await settled(interviewer, LlmStage.OFF)).stage is LlmStage.OFF
    finally:
        await interviewer.close()


async def test_a_file_that_is_no_model_fails_with_its_reason_and_leaves_no_model_behind(tmp_path: Path) -> None:
    not_a_model = tmp_path / "notes.gguf"
    not_a_model.write_bytes(b"these are my notes, not a model" * 100)
    interviewer = InterviewerModel()
    try:
        interviewer.start(LlmChoice(gguf_path=str(not_a_model)))
        status = await settled(interviewer)
        assert status.stage is LlmStage.FAILED and status.error is not None
        assert "notes.gguf" in status.error.message("en")
    finally:
        await interviewer.close()
    assert interviewer.model is None
