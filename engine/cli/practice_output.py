"""What `practice` reads and prints: its answers from files (the CLI's side of the interview driver), the
interview as it happens, and each answer as JSON; and the blind-hiring check's off switch applied to all
of it."""

from __future__ import annotations

import asyncio
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any, TextIO

from engine import messages
from engine.analysis.delivery_view import delivery_line
from engine.audio.file_source import FileSource
from engine.feedback.view import FeedbackView, render_text
from engine.interview.driver import SKIP, Choice
from engine.interview.events import (
    ErrorRaised,
    FeedbackReady,
    InterviewEvent,
    Notice,
    QuestionAsked,
    ScoreUpdated,
    TranscriptStored,
    TranscriptUpdated,
)
from engine.interview.progress import AnswerOutcome
from engine.llm.rubric import ModelReview


class AnswerFiles:
    """The CLI's choices: each question is answered from the next file given, and the rest are skipped."""

    ending = False

    def __init__(self, files: list[Path], *, realtime: bool) -> None:
        self._files = list(files)
        self._realtime = realtime

    async def choose(self, asked: QuestionAsked) -> Choice:
        if asked.prep_s > 0 and self._realtime:  # real mode, played at real time: the preparation runs out
            await asyncio.Event().wait()
        return self.time_to_answer(asked)

    async def question_put(self, asked: QuestionAsked) -> None:
        return  # printed as it was asked

    def time_to_answer(self, asked: QuestionAsked) -> Choice:
        if not self._files:
            return SKIP
        return Choice.answer(FileSource(self._files.pop(0), realtime=self._realtime))


def as_shown(event: InterviewEvent, blind_check: bool) -> InterviewEvent:
    """The event as this interview shows it: without the blind-hiring check's findings when it is off."""
    if blind_check or not isinstance(event, FeedbackReady | ScoreUpdated | TranscriptStored):
        return event
    return replace(event, content=event.content.without_personal()) if event.content is not None else event


def collect(
    event: InterviewEvent,
    views: dict[int, FeedbackView],
    reviews: dict[int, ModelReview],
    stored: dict[int, TranscriptStored],
    *,
    blind_check: bool,
) -> None:
    event = as_shown(event, blind_check)
    if isinstance(event, FeedbackReady):
        views.setdefault(event.answer_id, event.content)
    elif isinstance(event, TranscriptStored):
        stored[event.answer_id] = event
        if event.content is not None and event.answer_id not in reviews:
            views[event.answer_id] = event.content
    elif isinstance(event, ScoreUpdated):
        views[event.answer_id] = event.content
        reviews[event.answer_id] = event.review


def _question_json(asked: QuestionAsked) -> dict[str, Any]:
    return {
        "question_number": asked.number,
        "question": asked.text,
        "kind": asked.kind,
        "source": asked.source,
        "question_type": asked.question_type,
    }


def skipped_json(asked: QuestionAsked) -> dict[str, Any]:
    return {**_question_json(asked), "status": "skipped", "transcript": ""}


def answer_json(
    asked: QuestionAsked,
    outcome: AnswerOutcome,
    ui: str,
    views: dict[int, FeedbackView],
    reviews: dict[int, ModelReview],
    stored: TranscriptStored | None,
) -> dict[str, Any]:
    """The answer as stored: its re-read transcript where there is one, the live one beside it."""
    view, review = views.get(outcome.answer_id), reviews.get(outcome.answer_id)
    segments = stored.segments if stored is not None else outcome.finals
    metrics = stored.metrics if stored is not None else outcome.metrics
    return {
        **_question_json(asked),
        "content": view.to_json() if view else None,
        "score": review.to_dict() if review else None,
        "answer_id": outcome.answer_id,
        "status": outcome.status,
        "transcript": stored.transcript if stored is not None else outcome.transcript,
        "transcript_source": "reread" if stored is not None else "live_only",
        "live_transcript": outcome.transcript,
        "segments": [
            {
                "start": f.start,
                "end": f.end,
                "text": f.text,
                "confidence": f.confidence,
                "words": [asdict(w) for w in f.words],
            }
            for f in segments
        ],
        "metrics": metrics.to_dict() if metrics else None,
        "duration_s": metrics.duration_s if metrics else None,
        "error": outcome.error.message(ui) if outcome.error else None,
    }


def printer(ui: str, out: TextIO, err: TextIO, *, quiet: bool, blind_check: bool) -> Any:
    """Prints the interview as it happens (questions, finals, metrics) unless JSON was asked for."""
    printed: set[tuple[int, int]] = set()  # (answer, utterance) of the finals printed: a repeat revises one

    def listener(event: InterviewEvent) -> None:
        event = as_shown(event, blind_check)
        if isinstance(event, ErrorRaised):
            print(f"{event.error.title(ui)}: {event.error.message(ui)}", file=err)
        elif isinstance(event, Notice):
            print(event.message(ui), file=err)
        elif quiet:
            return
        elif isinstance(event, QuestionAsked):
            said = f"{event.lead_in} {event.text}" if event.lead_in else event.text
            print(f"\n{messages.text('cli.question', ui, number=event.number)}: {said}", file=out)
            # Not indented: indented lines are what the candidate said.
            if event.hint:
                print(messages.text("cli.hint", ui, hint=messages.text(event.hint, ui)), file=out)
            if event.answer_s:
                prep = messages.text("timer.prep", ui, seconds=f"{event.prep_s:g}")
                print(f"{prep} · {messages.text('timer.answer', ui, seconds=f'{event.answer_s:g}')}", file=out)
        elif isinstance(event, TranscriptUpdated) and event.event.is_final and event.event.text:
            utterance = (event.answer_id, event.event.utterance_id)
            if utterance in printed:  # a line cannot be taken back: the revision follows, marked
                print(f"  ↺ ({messages.text('cli.revised', ui)}) {event.event.text}", file=out, flush=True)
            else:
                print(f"  {event.event.text}", file=out, flush=True)
            printed.add(utterance)
        elif isinstance(event, FeedbackReady):
            print(f"  → {delivery_line(event.metrics, ui)}", file=out)
            print(indented(render_text(event.content, ui)), file=out)
        elif isinstance(event, TranscriptStored) and event.transcript:
            print(f"  ✎ {messages.text('cli.stored_transcript', ui)}: {event.transcript}", file=out)
        elif isinstance(event, ScoreUpdated):
            print(f"  ★ {messages.text('cli.score', ui, score=event.content.score)}", file=out)

    return listener


def indented(text: str) -> str:
    return "\n".join(f"  {line}" for line in text.splitlines())
