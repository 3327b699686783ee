"""`main.py feedback`: content feedback on a written answer, or on a JSONL batch of them.

    main.py feedback --lang en --question "…" --answer "…" [--type T] [--llm PATH | --llm-url URL] [--json]
    main.py feedback --batch answers.jsonl      # one {"lang","question","answer"} per line → one JSON per line

The same engine scores a spoken answer's transcript (engine/interview/session.py).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from engine import messages
from engine.errors import ConfigError, LlmError
from engine.feedback.assess import assess
from engine.feedback.cues import classify
from engine.feedback.question_type import QuestionType
from engine.feedback.view import build_view, render_text
from engine.llm.choice import LlmChoice
from engine.llm.contract import LanguageModel
from engine.llm.factory import open_model
from engine.llm.judge import judge

LANGUAGES = ("en", "ko")
JUDGE_CONTEXT = 4096  # tokens: the judge's prompt is one question and one answer


@dataclass(frozen=True)
class Written:
    language: str
    question: str
    answer: str
    kind: QuestionType | None


async def feedback(args: argparse.Namespace, ui: str, out: TextIO, err: TextIO) -> int:
    choice = llm_choice(args, JUDGE_CONTEXT)
    model = open_model(choice) if choice.enabled else None
    try:
        if model is not None:
            try:
                await model.ready()
            except LlmError as error:  # a model that will not load: the app's own feedback, and why
                print(error.message(ui), file=err)
                await model.close()
                model = None
        if args.batch is not None:
            return await _batch(args.batch, model, out, err, ui)
        view = build_view(await _assessed(_single(args), model, err, ui))
        print(json.dumps(view.to_json(), ensure_ascii=False) if args.json else render_text(view, ui), file=out)
        return 0
    finally:
        if model is not None:
            await model.close()


def llm_choice(args: argparse.Namespace, n_ctx: int, state_dir: str = "") -> LlmChoice:
    """The model `--llm` (a GGUF file) or `--llm-url` and `--llm-model` (a server) name; none without either."""
    return LlmChoice(str(args.llm) if args.llm else "", args.llm_url, args.llm_model, n_ctx, state_dir)


def _single(args: argparse.Namespace) -> Written:
    if not args.lang:
        raise ConfigError("config.feedback_lang")
    if args.answer is None and args.answer_file is None:
        raise ConfigError("feedback.no_answer")
    answer = args.answer
    if args.answer_file is not None:
        try:
            answer = args.answer_file.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigError("feedback.answer_file_unreadable", path=args.answer_file, reason=error) from error
    return Written(args.lang, args.question, answer, QuestionType(args.type) if args.type else None)


async def _assessed(written: Written, model: LanguageModel | None, err: TextIO, ui: str) -> Any:
    kind = written.kind or classify(written.question, written.language)
    quotes, relevant = None, None
    if model is not None and written.answer.strip():
        try:
            evidence = await judge(model, written.question, written.answer, written.language, kind)
            quotes, relevant = evidence.quotes, evidence.relevant
        except LlmError as error:  # the cues' feedback stands; say why the model's is missing
            print(error.message(ui), file=err)
    return assess(
        written.question, written.answer, written.language, kind, model_quotes=quotes, model_relevant=relevant
    )


def _lines(path: Path) -> list[tuple[int, str]]:
    """The lines that are not blank, numbered; "-" is standard input (read, never closed: it is not ours)."""
    with contextlib.nullcontext(sys.stdin) if str(path) == "-" else path.open(encoding="utf-8") as stream:
        return [(number, line) for number, line in enumerate(stream, start=1) if line.strip()]


def _parse(line: str) -> Written:
    data = json.loads(line)
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    lang, question, answer = data.get("lang"), data.get("question", ""), data.get("answer")
    if lang not in LANGUAGES:
        raise ValueError(f'"lang" must be "en" or "ko", not {lang!r}')
    if not isinstance(question, str) or not isinstance(answer, str):
        raise ValueError('"question" and "answer" must be strings')
    kind = data.get("type")
    return Written(lang, question, answer, QuestionType(kind) if kind else None)


async def _batch(path: Path, model: LanguageModel | None, out: TextIO, err: TextIO, ui: str) -> int:
    """One JSON object a line, in input order; a bad line gets an object with its error, and exit code 1."""
    try:
        lines = _lines(path)
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError("feedback.answer_file_unreadable", path=path, reason=error) from error
    failed = 0
    for number, line in lines:
        try:
            written = _parse(line)
        except ValueError as error:  # json.JSONDecodeError is one
            failed += 1
            problem = messages.text("feedback.batch_line_error", ui, line=number, problem=error)
            print(problem, file=err)
            print(json.dumps({"line": number, "score": None, "error": problem}, ensure_ascii=False), file=out)
            continue
        view = build_view(await _assessed(written, model, err, ui))
        print(json.dumps({"line": number, **view.to_json()}, ensure_ascii=False), file=out, flush=True)
    return 1 if failed else 0
