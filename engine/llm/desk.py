"""One model, one job at a time, the most urgent first.

A model (one KV cache, one llama context or one server slot) serves three kinds of work during an
interview: the next question (the candidate is waiting), scoring of the last answer (feedback), and a
speculative draft of the next question while the candidate is still speaking. The next question preempts
whatever runs; the preempted job is queued again and restarts from the shared prefix the cache still holds.
Drafts and scores do not preempt each other: each would throw away the other's work. Waiting drafts go
before waiting scores: a draft (or the interview's prefix read ahead) is what lets the model ask the next
question, while a review can land after the interview.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import heapq
import itertools
import logging
import weakref
from collections.abc import Callable
from dataclasses import dataclass

from engine.llm.contract import FinishReason, GenerationRequest, LanguageModel

log = logging.getLogger(__name__)


class Priority(enum.IntEnum):
    QUESTION = 0
    DRAFT = 1
    SCORE = 2


@dataclass(frozen=True)
class Generation:
    text: str
    finish: FinishReason


TextListener = Callable[[str], None]  # the text so far


@dataclass
class Ticket:
    """A job's place at the desk; `ModelDesk.promote` makes it urgent (a draft the candidate now waits for)."""

    priority: Priority


# Held weakly: a desk lives while an interview, or the reviews an earlier one is still writing, holds it (and
# it holds its model, so the id stays that model's); then it goes, and its model with it.
_DESKS: weakref.WeakValueDictionary[int, ModelDesk] = weakref.WeakValueDictionary()


def desk_for(model: LanguageModel) -> ModelDesk:
    """The one desk of this model: every interview that uses it (and the reviews an earlier one is still
    writing) queues there, so a question always goes first."""
    desk = _DESKS.get(id(model))
    if desk is None or desk.model is not model:
        desk = ModelDesk(model)
        _DESKS[id(model)] = desk
    return desk


class ModelDesk:
    def __init__(self, model: LanguageModel) -> None:
        self.model = model
        self._waiting: list[tuple[int, int, asyncio.Future[None], Ticket]] = []
        self._order = itertools.count()
        self._busy = False  # granted to a job (from the grant until that job ends)
        self._running: tuple[Ticket, asyncio.Task[Generation]] | None = None
        self.preemptions = 0

    async def generate(
        self,
        request: GenerationRequest,
        priority: Priority,
        on_text: TextListener | None = None,
        ticket: Ticket | None = None,
        deadline_s: float | None = None,
    ) -> Generation:
        """`deadline_s`: how long the job may run once the model is on it (its wait in the queue is not
        counted); TimeoutError past it."""
        ticket = ticket or Ticket(priority)
        while True:
            await self._wait_turn(ticket)
            job = asyncio.get_running_loop().create_task(
                self._collect(request, on_text), name=f"llm-{ticket.priority.name}"
            )
            self._running = (ticket, job)
            if self._waiting and self._waiting[0][0] == Priority.QUESTION:
                self._preempt_for(Priority.QUESTION)  # a question arrived between our grant and our start
            try:
                async with asyncio.timeout(deadline_s):
                    return await job
            except asyncio.CancelledError:
                current = asyncio.current_task()
                if current is not None and current.cancelling():
                    raise  # our own caller cancelled us
                log.debug("%s job preempted; queued again", ticket.priority.name)
            finally:
                self._running = None
                self._busy = False
                self._dispatch()

    def promote(self, ticket: Ticket) -> None:
        """Make a queued or running job as urgent as a question: it goes first and preempts the rest."""
        if ticket.priority is Priority.QUESTION:
            return
        ticket.priority = Priority.QUESTION
        for i, (_, order, turn, held) in enumerate(self._waiting):
            if held is ticket:
                self._waiting[i] = (int(Priority.QUESTION), order, turn, held)
                heapq.heapify(self._waiting)
                break
        self._preempt_for(Priority.QUESTION)

    async def _wait_turn(self, ticket: Ticket) -> None:
        turn: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        entry = (int(ticket.priority), next(self._order), turn, ticket)
        heapq.heappush(self._waiting, entry)
        self._preempt_for(ticket.priority)
        self._dispatch()
        try:
            await turn
        except asyncio.CancelledError:
            if turn.done() and not turn.cancelled():
                self._busy = False  # granted, but our caller gave up before starting
            elif entry in self._waiting:
                self._waiting.remove(entry)
                heapq.heapify(self._waiting)
            self._dispatch()
            raise

    def _preempt_for(self, priority: Priority) -> None:
        if priority is not Priority.QUESTION or self._running is None:
            return
        running, job = self._running
        if running.priority is not Priority.QUESTION and not job.done() and not job.cancelling():
            self.preemptions += 1
            log.debug("preempting %s for a question", running.priority.name)
            job.cancel()

    def _dispatch(self) -> None:
        if self._busy:
            return
        while self._waiting:
            _, _, turn, _ = heapq.heappop(self._waiting)
            if not turn.done():  # skip those cancelled while waiting
                self._busy = True
                turn.set_result(None)
                return

    async def _collect(self, request: GenerationRequest, on_text: TextListener | None) -> Generation:
        text = ""
        finish = FinishReason.STOP
        async with contextlib.aclosing(self.model.stream(request)) as chunks:  # type: ignore[type-var]
            async for chunk in chunks:
                text += chunk.text
                if on_text is not None and chunk.text:
                    on_text(text)
                if chunk.finish is not None:
                    finish = chunk.finish
        return Generation(text, finish)
