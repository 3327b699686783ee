"""Which question comes next, and who writes it: the AI interviewer, or the bank when there is none.

An interview has `question_count` main questions. With a model, the first is the bank's opener (asked at
once, while the model reads the posting and résumé into its cache), each later main question is written by
the model with the bank's choices as seeds, and a substantial answer to a main question gets one follow-up
grounded in what was said. Without a model, or when it fails, the bank's questions are asked as they are.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field

from engine.errors import LlmError
from engine.feedback.question_type import QuestionType
from engine.feedback.view import FeedbackView
from engine.interview import personas
from engine.interview.modes import Persona
from engine.interview.questions import Question
from engine.llm.desk import TextListener
from engine.llm.interviewer import Exchange, LlmInterviewer, QuestionUnusable, TurnKind

log = logging.getLogger(__name__)

# A question the model has not written by then comes from the bank instead, so no turn hangs on a slow or
# hanging model; after this many such turns in a row the bank asks the rest.
QUESTION_DEADLINE_S = 20.0
SLOW_TURNS_BEFORE_GIVING_UP = 2
# A model that has not begun the question by then (still reading the posting, or busy on a slow machine) is
# not waited for: the bank asks this one, and the model, which keeps what it read, tries the next.
START_DEADLINE_S = 1.0

# Ours: an answer shorter than this (words; Korean counts eojeol, which carry more) gives a follow-up
# little to hold on to, so the interview moves on instead.
MIN_FOLLOW_UP_WORDS = {"en": 25, "ko": 15}


@dataclass(frozen=True)
class PlannedQuestion:
    text: str
    kind: TurnKind
    source: str  # "bank" or "model"
    bank: Question  # the bank question it stands for (its category; its id marks it as recently asked)
    lead_in: str = ""  # what the persona says before it ("Thanks, that's helpful."), not part of the question


@dataclass(frozen=True)
class PlanNotice:
    key: str
    params: tuple[tuple[str, str], ...] = ()


@dataclass
class TurnPlan:
    bank: list[Question]
    language: str
    interviewer: LlmInterviewer | None = None
    follow_ups: bool = True
    exchanges: list[Exchange] = field(default_factory=list)
    main_asked: int = 0
    current: PlannedQuestion | None = None
    follow_up_due: bool = False
    question_deadline_s: float = QUESTION_DEADLINE_S
    start_deadline_s: float | None = START_DEADLINE_S  # None: the model is waited for (up to the deadline)
    slow_turns: int = 0
    persona: Persona = Persona.NEUTRAL
    persona_follow_up: str | None = None  # without a model: the persona's follow-up to the last answer
    verbatim: bool = False  # a redo or a drill: its questions are asked in their own words, never rewritten

    @property
    def has_next(self) -> bool:
        return self.main_asked < len(self.bank) or self.follow_up_due

    @property
    def only_a_follow_up_left(self) -> bool:
        """The last main question is asked and a follow-up is due: if the model cannot write it, nothing is left."""
        return self.follow_up_due and self.main_asked >= len(self.bank)

    async def next_question(
        self, on_text: TextListener | None = None
    ) -> tuple[PlannedQuestion | None, list[PlanNotice]]:
        """The next question, or None when the model could not write the last follow-up and the bank is done."""
        kind = TurnKind.FOLLOW_UP if self.follow_up_due else TurnKind.MAIN
        notices: list[PlanNotice] = []
        seed = self.bank[self.main_asked] if kind is TurnKind.MAIN else self.current.bank  # type: ignore[union-attr]
        planned: PlannedQuestion | None = None
        # The closing "any questions for us?" is asked as the bank words it, never rewritten.
        by_model = kind is TurnKind.FOLLOW_UP or (
            self.main_asked > 0 and seed.kind is not QuestionType.CLOSING and not self.verbatim
        )
        if self.interviewer is not None and by_model:
            try:
                async with asyncio.timeout(self.question_deadline_s):  # not wait_for: it can lose a cancel (3.11)
                    text = await self._model_question(self.interviewer, kind, on_text)
                if text is None:
                    log.info("interviewer model not started within %.1f s: a bank question", self.start_deadline_s)
                    notices.append(PlanNotice("llm.question_not_ready"))
                else:
                    planned = PlannedQuestion(text, kind, "model", seed)
                    self.slow_turns = 0
            except TimeoutError:
                self.slow_turns += 1
                log.warning("interviewer model wrote no question within %.0f s", self.question_deadline_s)
                seconds = (("seconds", f"{self.question_deadline_s:.0f}"),)
                if self.slow_turns >= SLOW_TURNS_BEFORE_GIVING_UP:
                    notices.append(PlanNotice("llm.question_slow_gave_up", seconds))
                    self.interviewer = None
                else:
                    notices.append(PlanNotice("llm.question_slow", seconds))
            except QuestionUnusable:
                notices.append(PlanNotice("llm.question_unusable"))
            except LlmError as error:  # the model is gone (file, server): the bank for the rest of it
                log.warning("interviewer model failed: %s", error)
                notices.append(PlanNotice("llm.question_fallback", (("detail", error.message("en")),)))
                self.interviewer = None
        if planned is None and kind is TurnKind.FOLLOW_UP and self.persona_follow_up is not None:
            planned = PlannedQuestion(self.persona_follow_up, kind, "bank", seed)  # the persona's template
        if planned is None:
            if kind is TurnKind.FOLLOW_UP:  # no follow-up without a model: the next main question instead
                self.follow_up_due = False
                if self.main_asked >= len(self.bank):
                    return None, notices  # the interview ends here, after the answer it has
                seed = self.bank[self.main_asked]
            closing = seed.kind is QuestionType.CLOSING  # its own words already close the interview
            wording = "" if closing else personas.lead_in(self.persona, self.language, self.main_asked + 1)
            planned = PlannedQuestion(seed.text, TurnKind.MAIN, "bank", seed, wording)
        self.persona_follow_up = None
        if planned.kind is TurnKind.MAIN:
            self.main_asked += 1
        self.follow_up_due = False
        self.current = planned
        return planned, notices

    async def _model_question(
        self, interviewer: LlmInterviewer, kind: TurnKind, on_text: TextListener | None
    ) -> str | None:
        """The model's question, or None when it has not begun writing within `start_deadline_s` (it is then
        stopped between two of its steps: what it has read stays in its cache)."""
        retry_by = asyncio.get_running_loop().time() + self.question_deadline_s
        if self.start_deadline_s is None:
            return await interviewer.next_question(self.exchanges, kind, on_text, retry_by=retry_by)
        started = asyncio.Event()

        def written(text: str) -> None:
            started.set()
            if on_text is not None:
                on_text(text)

        writing = asyncio.ensure_future(interviewer.next_question(self.exchanges, kind, written, retry_by=retry_by))
        beginning = asyncio.ensure_future(started.wait())
        try:
            await asyncio.wait({writing, beginning}, timeout=self.start_deadline_s, return_when=asyncio.FIRST_COMPLETED)
            if not writing.done() and not started.is_set():
                # Not waited for: the model stops after its current step (a prefill chunk takes up to a
                # quarter second on a slow machine) while the bank's question is already being asked.
                interviewer.abandon(writing)
                return None
            return await writing
        finally:
            beginning.cancel()
            if not writing.done() and not writing.cancelling():  # this turn was cancelled, or ran out of time
                writing.cancel()
                await asyncio.gather(writing, return_exceptions=True)

    def prime(self) -> None:
        """The first question is out: let the model read the interview so far while it is answered."""
        self.answer_progress("")

    def answer_progress(self, answer_so_far: str) -> None:
        """A final arrived: draft what would follow the answer as it stands."""
        if self.interviewer is None or self.current is None or (kind := self._kind_after(answer_so_far)) is None:
            return
        self.interviewer.draft(self.exchanges, self.current.text, answer_so_far, kind)

    def _kind_after(self, answer: str) -> TurnKind | None:
        assert self.current is not None
        if self.current.kind is TurnKind.MAIN and self._follow_up_worthy(answer):
            return TurnKind.FOLLOW_UP
        upcoming = self.bank[self.main_asked] if self.main_asked < len(self.bank) else None
        if upcoming is not None and upcoming.kind is not QuestionType.CLOSING and not self.verbatim:
            return TurnKind.MAIN
        return None

    def _follow_up_worthy(self, answer: str) -> bool:
        return (
            self.follow_ups
            and self.current is not None
            and self.current.bank.kind is not QuestionType.CLOSING
            and len(answer.split()) >= MIN_FOLLOW_UP_WORDS.get(self.language, 25)
        )

    def record_answer(self, transcript: str, content: FeedbackView | None = None) -> list[Exchange]:
        """The answer is settled; returns the interview so far, ending with it (what scoring reads).
        `content`: its feedback, which a persona without a model follows up on."""
        assert self.current is not None
        main = self.current.kind is TurnKind.MAIN
        if self.interviewer is not None:
            self.follow_up_due = main and self._follow_up_worthy(transcript)
        elif main and self.follow_ups and transcript.strip() and self.current.bank.kind is not QuestionType.CLOSING:
            short = len(transcript.split()) < MIN_FOLLOW_UP_WORDS.get(self.language, 25)
            number = self.main_asked + len(self.exchanges)
            self.persona_follow_up = personas.follow_up(self.persona, self.language, content, short, number)
            self.follow_up_due = self.persona_follow_up is not None
        else:
            self.follow_up_due = False
        then = TurnKind.FOLLOW_UP if self.follow_up_due else TurnKind.MAIN
        self.exchanges.append(Exchange(self.current.text, transcript, then))
        return list(self.exchanges)
