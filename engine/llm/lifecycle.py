"""The interviewer model of one run, owned by the engine like the speech model (`SpeechModel`): opened from a
choice (a GGUF file or a server), loaded in the background, opened again when the choice changes, closed
once. Front ends subscribe to its status; an interview takes the model as it is, loading or not.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass

from engine.errors import AppError
from engine.llm.choice import LlmChoice
from engine.llm.contract import LanguageModel

log = logging.getLogger(__name__)


class LlmStage(enum.Enum):
    OFF = "off"
    LOADING = "loading"
    READY = "ready"
    FAILED = "failed"


@dataclass(frozen=True)
class LlmStatus:
    stage: LlmStage
    name: str = ""  # the model's name once it is ready
    error: AppError | None = None  # why it failed
    opened: bool = False  # the model object exists (a model that failed to load is kept: the interview says why)
    notes: tuple[str, ...] = ()  # message keys (e.g. a context lowered for memory)


StatusListener = Callable[[LlmStatus], None]


class InterviewerModel:
    def __init__(self) -> None:
        self.model: LanguageModel | None = None
        self.status = LlmStatus(LlmStage.OFF)
        self._choice = LlmChoice()
        self._opened = asyncio.Event()  # the chosen model object exists, or there is none (loading may go on)
        self._opened.set()
        self._task: asyncio.Task[None] | None = None
        self._listeners: list[StatusListener] = []

    def subscribe(self, listener: StatusListener) -> None:
        """Call `listener` with every status from now on, starting with the current one."""
        self._listeners.append(listener)
        listener(self.status)

    def start(self, choice: LlmChoice, *, force: bool = False) -> bool:
        """Open the model `choice` names in the background, unless it is the one already open (or `force`);
        True if an opening began. One opening at a time: a new one waits for the one before it."""
        unchanged = choice == self._choice and (self.model is not None or not choice.enabled)
        if unchanged and not force:
            return False
        self._choice = choice
        self._opened.clear()
        previous = self._task
        self._task = asyncio.get_running_loop().create_task(self._open(choice, previous), name="interviewer-model")
        self._task.add_done_callback(_log_failure)
        return True

    async def get(self) -> LanguageModel | None:
        """The model for a new interview once it exists (it may still be loading); None when there is none."""
        await self._opened.wait()
        return self.model

    async def close(self) -> None:
        task, self._task = self._task, None
        if task is not None and not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        model, self.model = self.model, None
        if model is not None:
            await model.close()

    async def _open(self, choice: LlmChoice, previous: asyncio.Task[None] | None) -> None:
        if previous is not None:  # its failure, if any, was logged by _log_failure
            await asyncio.gather(previous, return_exceptions=True)
        from engine.llm.factory import open_model  # llama.cpp and httpx load only when a model is chosen

        old, self.model = self.model, None
        model: LanguageModel | None = None
        try:
            if old is not None:
                await old.close()
            if not choice.enabled:
                self._set(LlmStatus(LlmStage.OFF))
                return
            self._set(LlmStatus(LlmStage.LOADING))
            try:
                model = await asyncio.to_thread(open_model, choice)  # the keyring may block: off the loop
            except AppError as error:
                self._set(LlmStatus(LlmStage.FAILED, error=error))
                return
            self.model = model
        finally:
            self._opened.set()
        if model is None:
            return
        try:
            await model.ready()
        except AppError as error:
            # Kept: the interview tries it, falls back to the bank and says why.
            log.warning("interviewer model not ready: %s", error)
            self._set(LlmStatus(LlmStage.FAILED, error=error, opened=True))
            return
        self._set(LlmStatus(LlmStage.READY, model.info.name, opened=True, notes=model.info.notes))

    def _set(self, status: LlmStatus) -> None:
        self.status = status
        for listener in list(self._listeners):
            listener(status)


def _log_failure(task: asyncio.Task[None]) -> None:
    """An opening that failed with anything but an AppError (those become the FAILED status) is a bug: logged
    with its traceback, not left for the garbage collector to mention."""
    if not task.cancelled() and task.exception() is not None:
        log.error("opening the interviewer model failed", exc_info=task.exception())
