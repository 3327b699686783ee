"""The headless commands. They drive the same engine the desktop app drives."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from collections.abc import Awaitable, Callable
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any, TextIO, TypeVar

from engine import messages
from engine.analysis.delivery_view import delivery_line
from engine.analysis.delivery_view import shown as shown_figure
from engine.audio.recording import salvage_recordings
from engine.cli.feedback_command import feedback, llm_choice
from engine.cli.parser import display_width
from engine.cli.practice_options import check_language, interview_config, list_drill
from engine.cli.practice_output import AnswerFiles, answer_json, collect, indented, printer, skipped_json
from engine.config.settings import AppPaths, SpeechSettings, default_data_dir
from engine.errors import AppError, AudioFileError, ConfigError, ModelError, StorageError
from engine.feedback.view import FeedbackView, render_text
from engine.interview.driver import drive
from engine.interview.events import TranscriptStored
from engine.interview.session import InterviewSession
from engine.interview.stored_transcript import TranscriptKeeper
from engine.interview.turns import START_DEADLINE_S
from engine.llm.lifecycle import InterviewerModel, LlmStage
from engine.llm.rubric import ModelReview
from engine.llm.summary import Summaries
from engine.report.answer_view import session_view
from engine.storage.records import SessionRow, StoredSession
from engine.storage.store import Store
from engine.stt.factory import SttBackend, session_factory
from engine.stt.speech_model import SpeechModel
from models.catalogue import WHISPER_BASE

log = logging.getLogger(__name__)
T = TypeVar("T")


def _paths(args: argparse.Namespace) -> AppPaths:
    return AppPaths(args.data_dir.expanduser() if args.data_dir else default_data_dir())


async def open_store(paths: AppPaths, ui: str, err: TextIO) -> Store:
    """Open the history and mark sessions cut off by a crash as interrupted (and say so)."""
    store = await Store.open(paths.database)
    if store.recovery is not None:
        print(store.recovery.message(ui), file=err)
    for session_id in await store.recover_interrupted():
        print(messages.text("cli.interrupted_found", ui, session_id=session_id), file=err)
    # Audio a killed process had recorded: its partial files become the FLACs the answers point to.
    await asyncio.to_thread(salvage_recordings, paths.recordings)
    return store


async def practice(args: argparse.Namespace, ui: str, out: TextIO, err: TextIO) -> int:
    paths = _paths(args)
    count = args.questions or len(args.answers)
    check_language(args)
    # A redo asks one question; the closing turn is one more, answered by a file like the rest.
    turns = 1 if args.redo is not None else count + (1 if args.closing else 0)
    if len(args.answers) > turns:
        raise ConfigError("config.too_many_answers", answers=len(args.answers), questions=turns)
    _check_inputs(args, paths)  # before the first question, not after the answers that precede a bad one
    speech = SpeechSettings(model=args.model, compute_type=args.compute_type)
    model = SpeechModel(speech, paths.models)
    model.start()  # loads while the history opens and the first question is asked
    interviewer = InterviewerModel()  # the same lifecycle as the desktop's: opened here, loading meanwhile
    interviewer.start(llm_choice(args, args.llm_context, str(paths.model_states)))
    language_model = await interviewer.get()
    status = interviewer.status
    if status.stage is LlmStage.FAILED and not status.opened and status.error is not None:
        raise status.error  # a model that cannot even be opened is said before anything is asked
    store = await open_store(paths, ui, err)
    backend = SttBackend(args.stt)
    from engine.stt.cloud.providers import CloudProviders  # the cloud stack loads only when it is used

    cloud = CloudProviders()
    feedback_views: dict[int, FeedbackView] = {}  # answer id → its content feedback, the model's once it came
    reviews: dict[int, ModelReview] = {}
    stored: dict[int, TranscriptStored] = {}  # answer id → its stored transcript, once re-read
    # Local recognition: each answer's audio is read again for its stored transcript, and answers a killed
    # run left owing are read now, beside this interview.
    reading = replace(speech, model=args.reread_model or speech.model)
    keeper = TranscriptKeeper(store, model, reading=reading) if backend is SttBackend.LOCAL else None
    if keeper is not None:
        keeper.start()  # the readings' own copy of the model, at the lowest priority, once the live one is in
    owed = asyncio.create_task(keeper.catch_up(), name="reread-owed") if keeper is not None else None
    try:
        config = await interview_config(args, store, count)
        # The stored transcript, which the feedback reads, is the reading model's: base there is weak in Korean.
        notices = ("model.korean_base_weak",) if config.language == "ko" and reading.model == "base" else ()
        session = InterviewSession(
            config,
            store,
            paths,
            session_factory(backend, model, cloud),
            backend.value,
            notices=notices,
            language_model=language_model,
            follow_ups=args.follow_ups,
            keeper=keeper,
            model_seed=args.llm_seed,
            # Answers read from files come faster than speech, and nobody waits in silence: the model is waited
            # for, unless --realtime plays a candidate, who is not kept waiting.
            start_deadline_s=START_DEADLINE_S if args.realtime else None,
            summaries=Summaries(paths.summaries),  # those the app made of the same posting and résumé
        )
        session.subscribe(printer(ui, out, err, quiet=args.json, blind_check=config.blind_check))
        session.subscribe(lambda e: collect(e, feedback_views, reviews, stored, blind_check=config.blind_check))
        run = await drive(session, AnswerFiles(args.answers, realtime=args.realtime))
        # What is printed and stored is each answer read in full, with the model's review.
        await session.after_interview()
        failed = keeper.failure_notice(ui, cli=True) if keeper is not None else None
        if failed is not None:
            print(messages.text(failed[0], ui, **dict(failed[1])), file=err)
            if config.language == "ko" and keeper is not None and keeper.reading_model == "base" and not notices:
                print(messages.text("model.korean_base_weak", ui), file=err)  # base read them after all
        if args.json:
            document = {
                "session_id": session.session_id,
                "status": run.final.value,
                "database": str(paths.database),
                "language": config.language,
                "stt_backend": backend.value,
                "reread_model": keeper.reading_model if keeper is not None else None,
                "interviewer_model": language_model.info.name if language_model else None,
                "answers": [
                    answer_json(t.asked, t.outcome, ui, feedback_views, reviews, stored.get(t.outcome.answer_id))
                    if t.outcome is not None
                    else skipped_json(t.asked)
                    for t in run.turns
                ],
            }
            print(json.dumps(document, ensure_ascii=False, indent=2), file=out)
        else:
            print(messages.text("cli.stored", ui, session_id=session.session_id, path=paths.database), file=out)
        return 1 if any(t.outcome is not None and t.outcome.status == "failed" for t in run.turns) else 0
    finally:
        try:
            await _settle_owed(owed)
        finally:
            if keeper is not None:
                await keeper.close()
            await store.close()
            await cloud.aclose()
            await interviewer.close()


async def _settle_owed(owed: asyncio.Task[Any] | None) -> None:
    """The earlier answers' re-reads this run caught up on: waited for after a run that went well; after an
    error or Ctrl+C, stopped (they stay owed), and never in the way of the run's own result."""
    if owed is None:
        return
    if sys.exc_info()[1] is not None:
        owed.cancel()
    await asyncio.wait({owed})
    if not owed.cancelled() and owed.exception() is not None:
        log.error("re-reading earlier answers failed", exc_info=owed.exception())


def _check_inputs(args: argparse.Namespace, paths: AppPaths) -> None:
    """Every answer file exists, and the speech models (live, and reading again) are installed: said at once,
    before anything is asked."""
    for path in args.answers:
        if not path.is_file():
            raise AudioFileError("audio.file_missing", path=str(path))
    for model, key in ((args.model, "model.not_installed_cli"), (args.reread_model, "model.reread_not_installed_cli")):
        if args.stt == SttBackend.LOCAL.value and model and model != WHISPER_BASE.name:
            folder = Path(model) if Path(model).is_dir() else paths.models / f"whisper-{model}"
            if not (folder / "model.bin").is_file():
                raise ModelError(key, name=model, folder=str(paths.models))


async def _reading(args: argparse.Namespace, ui: str, err: TextIO, read: Callable[[Store], Awaitable[T]]) -> T:
    """Open the history, read from it, and close it again."""
    store = await open_store(_paths(args), ui, err)
    try:
        return await read(store)
    finally:
        await store.close()


async def list_sessions(args: argparse.Namespace, ui: str, out: TextIO, err: TextIO) -> int:
    rows = await _reading(args, ui, err, lambda store: store.list_sessions())
    if args.json:
        print(json.dumps([asdict(row) for row in rows], ensure_ascii=False, indent=2), file=out)
    elif not rows:
        print(messages.text("cli.no_sessions", ui), file=out)
    else:
        print("\n".join(sessions_table(rows, ui)), file=out)
    return 0


_SESSION_COLUMNS = ("number", "date", "language", "status", "answered", "pace")


def sessions_table(rows: list[SessionRow], ui: str) -> list[str]:
    """The `sessions` listing: a header, then a row a session, columns aligned by the width they take on
    screen (Korean characters take two columns), and each pace with its unit: syllables a minute for a
    Korean session, words a minute for an English one; "-" where there is none."""
    table = [[messages.text(f"sessions.col.{column}", ui) for column in _SESSION_COLUMNS]]
    for row in rows:
        language = f"language.{row.language}"
        table.append(
            [
                str(row.id),
                row.when,
                messages.text(language, ui) if language in messages.CATALOGUE else row.language,
                messages.text(f"state.{row.status}", ui),
                f"{row.answers}/{row.questions}",
                _pace_cell(row, ui),
            ]
        )
    widths = [max(display_width(cells[i]) for cells in table) for i in range(len(_SESSION_COLUMNS))]
    lines = []
    for cells in table:
        gaps = [" " * (width - display_width(cell)) for cell, width in zip(cells, widths, strict=True)]
        padded = [gaps[0] + cells[0]] + [cell + gap for cell, gap in zip(cells[1:], gaps[1:], strict=True)]
        lines.append("  ".join(padded).rstrip())  # numbers to the right, the rest to the left
    return lines


def _pace_cell(row: SessionRow, ui: str) -> str:
    if row.pace is None:
        return "-"
    key = "delivery.rate_spm" if row.language == "ko" else "delivery.rate_wpm"
    return messages.text(key, ui, rate=shown_figure(row.pace))


async def drill(args: argparse.Namespace, ui: str, out: TextIO, err: TextIO) -> int:
    await _reading(args, ui, err, lambda store: list_drill(store, args.lang, ui, out))
    return 0


async def show_session(args: argparse.Namespace, ui: str, out: TextIO, err: TextIO) -> int:
    detail = await _reading(args, ui, err, lambda store: store.session_detail(args.session_id))
    if detail is None:
        raise StorageError("storage.session_missing", session_id=args.session_id)
    if args.json:
        print(json.dumps(_session_json(detail, ui), ensure_ascii=False, indent=2), file=out)
        return 0
    view = session_view(detail)
    state = messages.text(f"state.{detail.status}", ui)
    print(f"#{detail.id}  {detail.when}  {detail.language}  {state}", file=out)
    for question in view.questions:
        print(
            f"\n{messages.text('cli.question', ui, number=question.question.position)}: {question.question.text}",
            file=out,
        )
        for shown in question.answers:
            answer = shown.answer
            if shown.skipped:
                print(f"  {messages.text('cli.skipped', ui)}", file=out)
                continue
            print(f"  {answer.transcript or messages.text('cli.no_speech', ui)}", file=out)
            if answer.figures is not None:
                print(f"  → {delivery_line(answer.figures, ui)}", file=out)
            if answer.content is not None:
                print(indented(render_text(answer.content, ui)), file=out)
            for improvement in answer.review.improvements if answer.review else ():
                print(f"  ★ {improvement}", file=out)
    return 0


def _session_json(detail: StoredSession, ui: str) -> dict[str, Any]:
    """The stored records as they are, an answer's error as its message in the interface language."""
    if not detail.blind_check:  # held with the blind-hiring check off: its findings are not shown
        detail = replace(
            detail,
            questions=tuple(
                replace(q, answers=tuple(
                    replace(a, content=a.content.without_personal()) if a.content else a for a in q.answers
                ))
                for q in detail.questions
            ),
        )  # fmt: skip
    document = asdict(detail)
    for question, stored in zip(detail.questions, document["questions"], strict=True):
        for answer, written in zip(question.answers, stored["answers"], strict=True):
            written["error"] = answer.error.message(ui) if answer.error else None
    return document


def run_command(args: argparse.Namespace, ui: str, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    handlers = {
        "practice": practice,
        "sessions": list_sessions,
        "show": show_session,
        "feedback": feedback,
        "drill": drill,
    }
    try:
        return asyncio.run(handlers[args.command](args, ui, out, err))
    except AppError as error:
        print(f"{error.title(ui)}: {error.message(ui)}", file=err)
        return 2
    except KeyboardInterrupt:
        return 130
