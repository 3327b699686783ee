"""The AI interviewer: the next question, a follow-up grounded in the last answer, and rubric scores.

Instant turns come from three things working together:
- every request of an interview shares one prefix (prompts.py), so the KV cache holds all but the newest
  words;
- while the candidate speaks, each new final drafts the next question from the answer so far (`draft`);
  when the answer ends, a draft made from the same words is used as it is, and otherwise the question is
  generated afresh from a cache that already holds nearly all of the answer;
- scoring runs in the background after the next question is out, and yields to it (desk.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
import re
from dataclasses import dataclass, field, replace

from engine import messages
from engine.errors import LlmError
from engine.feedback.question_type import QuestionType
from engine.llm import prompts
from engine.llm.contract import ChatMessage, FinishReason, GenerationRequest, Role
from engine.llm.desk import Generation, ModelDesk, Priority, TextListener, Ticket
from engine.llm.judge import criteria_lines, names_for
from engine.llm.rubric import SCORE_MAX_TOKENS, ModelReview, RubricParseError, parse, review_schema

log = logging.getLogger(__name__)

QUESTION_MAX_TOKENS = 96
# A review not written by then, counted from when the model is on it, is given up (a hanging server would
# hold each attempt for its 120 s read timeout): the app's own feedback stands.
REVIEW_DEADLINE_S = 90.0
QUESTION_CHARS = (8, 400)  # a usable question is at least / at most this long
# A reply that is no question (an announcement alone, "Here's the response:") is sampled once more before the
# bank asks instead, if a second reply as slow would still come within the turn's deadline (turns.py).
QUESTION_ATTEMPTS = 2


class TurnKind(enum.StrEnum):
    MAIN = "main"
    FOLLOW_UP = "follow_up"


@dataclass(frozen=True)
class Exchange:
    question: str
    answer: str  # "" when the candidate skipped it
    then: TurnKind = TurnKind.MAIN  # the kind of question that followed it (its note, kept in the history)


class QuestionUnusable(LlmError):
    """The model's reply is not a question we can ask (empty, cut off, or far too long)."""

    def __init__(self) -> None:
        super().__init__("llm.question_unusable")


class ScoreUnavailable(LlmError):
    """Scoring failed twice (malformed or truncated output): the model-free feedback stands alone."""

    def __init__(self, detail: str) -> None:
        super().__init__("llm.score_fallback", detail=detail)


_LEADING_LABEL = re.compile(r"^\s*(?:\*\*)?(?:interviewer|question|면접관|질문)\s*\d*\s*[:：]\s*(?:\*\*)?", re.I)


_SENTENCE = re.compile(r"[^.!。]+[.!。]?\s*")
# A line that only announces what follows ("Here's the response:", "Follow-up question:", "다음 질문입니다:").
# The naming word comes just before the colon: "Tell me about a question you struggled with:" is an instruction.
_ANNOUNCES = re.compile(
    r"(?:\bhere(?:'s| is)\b.*|\b(?:following|question|response|answer)\s*\d*(?:\s+is)?|(?:다음|질문)\S{0,4})"
    r"[*\s]*[:：]$",
    re.I,
)
_QUESTION_MARKS = "?？"
_LIST_MARKER = re.compile(r"^(?:[-•]|\d+[.)])\s+")  # "- ", "• ", "1. ", "2) " before an item


_NOT_PROSE = re.compile(r'^\s*[{\[<]|"\s*:\s*["{\[\d]|</?[a-zA-Z][^>]*>')


def clean_question(text: str) -> str:
    """The question a model wrote, without labels, quotes and anything after it; raises if unusable."""
    lines = (
        _LIST_MARKER.sub("", _LEADING_LABEL.sub("", line).strip().strip("\"'“”‘’*").strip()).strip("\"'“”‘’")
        for line in text.splitlines()
    )
    # A label or an announcement on a line of its own ("Question:", "Here's the response:") is not the
    # question: the next line is, and an announcement with nothing after it is no question at all. Another
    # line ending in a colon is an instruction ("Walk me through how you chose the cache:").
    candidate = next((line for line in lines if line and not _ANNOUNCES.search(line)), "")
    candidate = candidate[:-1] + "." if candidate.endswith((":", "：")) else candidate
    marks = [at for at, ch in enumerate(candidate) if ch in _QUESTION_MARKS]
    if marks:
        # Up to the first question long enough to ask: "What? How did you measure it?" keeps both.
        end = next((at for at in marks if len(candidate[: at + 1]) >= QUESTION_CHARS[0]), marks[-1])
        candidate = candidate[: end + 1]
    else:  # an imperative ("Walk me through…"): its first two sentences, whole words within the limit
        candidate = "".join(_SENTENCE.findall(candidate)[:2]).strip() or candidate
        if len(candidate) > QUESTION_CHARS[1]:
            candidate = candidate[: QUESTION_CHARS[1]].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    if not (QUESTION_CHARS[0] <= len(candidate) <= QUESTION_CHARS[1]) or not any(ch.isalpha() for ch in candidate):
        raise QuestionUnusable
    if _NOT_PROSE.search(candidate):  # JSON, markup or code from a misbehaving server is no question to ask
        raise QuestionUnusable
    return candidate


@dataclass
class _Draft:
    messages: tuple[ChatMessage, ...]
    task: asyncio.Task[Generation] | None = None
    ticket: Ticket = field(default_factory=lambda: Ticket(Priority.DRAFT))
    text: str = ""  # written so far
    listener: TextListener | None = None  # set when the draft is adopted as the question

    def written(self, text: str) -> None:
        self.text = text
        if self.listener is not None:
            self.listener(text)


class LlmInterviewer:
    def __init__(
        self, desk: ModelDesk, brief: prompts.InterviewBrief, *, drafting: bool = True, seed: int | None = None
    ) -> None:
        self.desk = desk
        self.brief = brief
        self.drafting = drafting
        self.seed = seed  # fixed in tests and benchmarks, so that a run can be repeated
        self._system = ChatMessage(Role.SYSTEM, prompts.system_prompt(brief))
        self._draft: _Draft | None = None
        self._reading: asyncio.Task[Generation] | None = None
        self._abandoned: set[asyncio.Future[str]] = set()  # questions given up on, still stopping
        self.draft_hits = 0
        self.score_max_tokens = SCORE_MAX_TOKENS
        self.review_deadline_s = REVIEW_DEADLINE_S

    @property
    def model_name(self) -> str:
        return self.desk.model.info.name

    # -- prompts ------------------------------------------------------------------------------------
    def _answer_turn(self, exchange: Exchange) -> ChatMessage:
        """The candidate's turn: the note for what comes next, then the answer.

        The note goes first so that an answer that grows (a new final) only appends tokens: a draft made
        from the answer so far leaves all of it in the cache, and the turn's last prefill is only the
        newest words. The note stays in the history, so later turns share this prefix too.
        """
        name = "follow_up" if exchange.then is TurnKind.FOLLOW_UP else "next_question"
        skipped = "(skipped)" if self.brief.language == "en" else "(답변하지 않음)"
        note = prompts.note(self.brief.language, name)
        return ChatMessage(Role.USER, f"{note}\n\n{exchange.answer or skipped}")

    def _history(self, exchanges: list[Exchange]) -> list[ChatMessage]:
        history = [self._system]
        for exchange in exchanges:
            history += [ChatMessage(Role.ASSISTANT, exchange.question), self._answer_turn(exchange)]
        return history

    def question_messages(self, exchanges: list[Exchange], kind: TurnKind) -> tuple[ChatMessage, ...]:
        """What the model reads to write the question that follows the last exchange, of this kind."""
        if not exchanges:  # the very first question: no answer yet
            return (self._system, ChatMessage(Role.USER, prompts.note(self.brief.language, "next_question")))
        return tuple(self._history([*exchanges[:-1], replace(exchanges[-1], then=kind)]))

    def _question_request(self, messages: tuple[ChatMessage, ...], attempt: int = 0) -> GenerationRequest:
        seed = None if self.seed is None else self.seed + attempt  # a fixed seed would write the same reply again
        return GenerationRequest(messages, max_tokens=QUESTION_MAX_TOKENS, temperature=0.6, stop=("\n\n",), seed=seed)

    def read_ahead(self) -> None:
        """Start reading the interview's prefix (the posting and résumé) now, at a draft's priority, so that
        the first question the model writes does not wait for it; a local model keeps its stable part for
        the next interview with the same set-up."""
        if self.desk.model.info.backend == "local":  # a server keeps no state between requests (and bills them)
            self._reading = read_ahead(self.desk, self.brief)

    def abandon(self, question: asyncio.Future[str]) -> None:
        """A question given up on (the bank asked instead): cancelled, and owned here until it has stopped."""
        question.cancel()
        self._abandoned.add(question)
        question.add_done_callback(self._abandoned.discard)

    # -- the next question --------------------------------------------------------------------------
    async def next_question(
        self,
        exchanges: list[Exchange],
        kind: TurnKind,
        on_text: TextListener | None = None,
        *,
        retry_by: float | None = None,
    ) -> str:
        """The next question, streamed to `on_text`. Raises LlmError (or QuestionUnusable). A reply that is no
        question is sampled once more if another as slow would still end before `retry_by` (loop time)."""
        loop = asyncio.get_running_loop()
        first_try = 0
        messages = self.question_messages(exchanges, kind)
        draft, self._draft = self._draft, None
        if draft is not None and draft.task is not None and draft.messages == messages:
            # Made from these very words: it is the question. Show what it has written and stream the rest;
            # if it still waits its turn (behind scoring), it is now as urgent as a question.
            self.desk.promote(draft.ticket)
            draft.listener = on_text
            if on_text is not None and draft.text:
                on_text(draft.text)
            try:
                generation = await draft.task
                question = clean_question(generation.text)  # cut off is fine if a whole question is in it
                self.draft_hits += 1
                return question
            except asyncio.CancelledError:
                current = asyncio.current_task()
                if current is not None and current.cancelling():  # this question itself was given up on
                    raise
                log.debug("draft cancelled; generating afresh")
            except LlmError:
                log.debug("draft unusable; generating afresh")
                if on_text is not None and draft.text:
                    on_text("")  # the refused draft leaves the screen
                first_try = 1  # the draft was the first try: the same request would write the same reply
        elif draft is not None and draft.task is not None:
            draft.task.cancel()
        for attempt in range(first_try, QUESTION_ATTEMPTS):
            began = loop.time()
            request = self._question_request(messages, attempt)
            generation = await self.desk.generate(request, Priority.QUESTION, on_text)
            try:
                return clean_question(generation.text)
            except QuestionUnusable:
                log.warning("the model's question is unusable (try %d): %r", attempt + 1, generation.text[:200])
            if retry_by is not None and loop.time() + (loop.time() - began) > retry_by:
                break  # no time for another: the bank asks, and the turn does not count as a slow one
            if on_text is not None:
                on_text("")  # the refused reply leaves the screen
        raise QuestionUnusable

    def draft(self, exchanges: list[Exchange], question: str, answer_so_far: str, next_kind: TurnKind) -> None:
        """Start drafting the question that would follow this answer; an older draft is dropped."""
        if not self.drafting:
            return
        messages = self.question_messages([*exchanges, Exchange(question, answer_so_far, next_kind)], next_kind)
        if self._draft is not None:
            if self._draft.messages == messages:
                return
            if self._draft.task is not None:
                self._draft.task.cancel()
        draft = _Draft(messages)
        draft.task = asyncio.get_running_loop().create_task(
            self.desk.generate(self._question_request(messages), Priority.DRAFT, draft.written, draft.ticket),
            name="llm-draft",
        )
        draft.task.add_done_callback(_log_failure)
        self._draft = draft

    # -- scoring ------------------------------------------------------------------------------------
    async def score(self, exchanges: list[Exchange], kind: QuestionType) -> ModelReview:
        """The model's evidence, verdict and advice on the last exchange's answer, read in the context of the
        interview so far (it is asked for quotes, never for numbers).

        Malformed or truncated output is retried once; then ScoreUnavailable.
        """
        language = self.brief.language
        names = names_for(exchanges[-1].question, language, kind)
        note = prompts.note(
            language,
            "score",
            question=exchanges[-1].question,
            kind=messages.text(f"qtype.{kind.value}", language),
            criteria=criteria_lines(names, language),
        )
        request = GenerationRequest(
            prompts.with_note(self._history(exchanges), note),
            max_tokens=self.score_max_tokens,
            temperature=0.2,
            json_schema=review_schema(names),
            seed=self.seed,
        )
        problem = ""
        for attempt in (1, 2):
            try:
                # The deadline counts from when the model is on it: reviews wait behind questions and drafts.
                generation = await self.desk.generate(request, Priority.SCORE, deadline_s=self.review_deadline_s)
            except TimeoutError as error:
                raise LlmError("llm.review_timeout", seconds=f"{self.review_deadline_s:g}") from error
            if generation.finish is FinishReason.LENGTH:
                problem = f"cut off at {request.max_tokens} tokens"
            else:
                try:
                    return parse(generation.text, self.model_name, names)
                except RubricParseError as error:
                    problem = str(error)
            log.warning("score attempt %d unusable: %s", attempt, problem)
        raise ScoreUnavailable(problem)

    async def close(self) -> None:
        """Cancel a draft or read-ahead still running, and wait for questions given up on to stop (the owner of
        this interviewer calls it at the end)."""
        await asyncio.gather(*self._abandoned, return_exceptions=True)
        if self._reading is not None:
            self._reading.cancel()
            with contextlib.suppress(asyncio.CancelledError, LlmError):
                await self._reading
            self._reading = None
        # Read only now: a draft begun while the read-ahead was awaited is the one to cancel.
        if self._draft is not None and self._draft.task is not None:
            self._draft.task.cancel()
            with contextlib.suppress(asyncio.CancelledError, LlmError):
                await self._draft.task
        self._draft = None


def read_ahead(desk: ModelDesk, brief: prompts.InterviewBrief) -> asyncio.Task[Generation]:
    """Read an interview's system prompt into the model's cache at a draft's priority, keeping its stable part
    (a local model saves it for later interviews with the same set-up). Cancel the task to stop."""
    system = ChatMessage(Role.SYSTEM, prompts.system_prompt(brief))
    keep = len(prompts.stable_prompt(brief))
    # With a user turn: some chat templates refuse a conversation of a system message alone.
    asking = ChatMessage(Role.USER, prompts.note(brief.language, "next_question"))
    request = GenerationRequest((system, asking), max_tokens=1, temperature=0.0, seed=0, keep_prefix_chars=keep)
    task = asyncio.get_running_loop().create_task(desk.generate(request, Priority.DRAFT), name="llm-read-ahead")
    task.add_done_callback(_log_failure)
    return task


def _log_failure(task: asyncio.Task[Generation]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.warning("drafting failed: %s", task.exception())
