"""What `practice` is asked to run, from its options: the interview's set-up with its mode, timing, persona
and questions (chosen by the bank, a redo, or the weak-spot drill); and the `drill` command's queue."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import TextIO

from engine import messages
from engine.errors import ConfigError
from engine.interview.config import InterviewConfig
from engine.interview.modes import DEFAULT_PRESET, PRESETS, Mode, Persona, Timing, checked_timing
from engine.interview.questions import InterviewKind, Question
from engine.practice.asking import drill_questions, drill_queue, redo_question
from engine.practice.drill import describe
from engine.storage.store import Store


def _redo_spec(spec: str) -> tuple[int, int]:
    session, _, number = spec.partition(":")
    if not (session.strip().isdigit() and number.strip().isdigit()):
        raise ConfigError("config.redo_spec")
    return int(session), int(number)


LAST_SEED = 2**32 - 1


def timing_of(args: argparse.Namespace) -> Timing | None:
    """Real mode's timing: the default preset's, with either value given instead."""
    given = args.prep_seconds is not None or args.answer_seconds is not None
    if Mode(args.mode) is not Mode.REAL:
        if given:
            raise ConfigError("config.timing_needs_real")
        return None
    preset = PRESETS[DEFAULT_PRESET]
    prep = preset.prep_s if args.prep_seconds is None else args.prep_seconds
    answer = preset.answer_s if args.answer_seconds is None else args.answer_seconds
    return checked_timing(prep, answer)


def check_language(args: argparse.Namespace) -> None:
    """Said before anything loads: an interview needs its language, except a redo (its session's); the
    options' values are checked too."""
    if args.lang is None and args.redo is None:
        raise ConfigError("config.practice_lang")
    if args.redo is not None:
        _redo_spec(args.redo)
    timing_of(args)
    # llama.cpp takes 2**32 - 1 for "a new seed each time" and wraps larger ones: neither would repeat a run.
    if args.llm_seed is not None and not 0 <= args.llm_seed < LAST_SEED:
        raise ConfigError("config.llm_seed", highest=LAST_SEED - 1)


async def interview_config(args: argparse.Namespace, store: Store, count: int) -> InterviewConfig:
    given: tuple[Question, ...] = ()
    origin = ""
    language = args.lang
    if args.redo is not None:
        session, question = await redo_question(store, *_redo_spec(args.redo))
        language, given, origin = session.language, (question,), "redo"
    elif args.drill:
        given, origin = await drill_questions(store, language, limit=count), "drill"
    return InterviewConfig(
        language=language,
        kind=InterviewKind(args.kind),
        question_count=len(given) or count,
        role=args.role,
        role_family=args.role_family,
        seniority=args.seniority,
        company=args.company,
        mode=Mode(args.mode),
        timing=timing_of(args),
        persona=Persona(args.persona),
        closing_turn=args.closing,
        blind_check=args.blind_check,
        given=given,
        origin=origin,
    )


async def list_drill(store: Store, language: str | None, ui: str, out: TextIO) -> None:
    now = datetime.now(UTC)
    queue = await drill_queue(store, language)
    if not queue:
        print(messages.text("config.drill_empty", ui), file=out)
    for item in queue:
        print(f"{item.latest.language}  {describe(item, ui, now)}", file=out)
