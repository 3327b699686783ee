"""The command line: `practice`, `sessions`, `show`, `report`, `feedback`; with no command, the desktop app."""

from __future__ import annotations

import argparse
import locale
import os
from pathlib import Path
from typing import Any

from engine.config.settings import DATA_DIR_ENV
from engine.feedback.question_type import QuestionType
from engine.interview.modes import DEFAULT_PRESET, PRESETS, Mode, Persona
from engine.interview.questions import ROLE_FAMILIES, SENIORITIES, InterviewKind

_PRESET = PRESETS[DEFAULT_PRESET]


def default_ui_language() -> str:
    for value in (os.environ.get("LC_ALL"), os.environ.get("LANG"), locale.getlocale()[0]):
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    return "en"


def _add_shared_options(parser: argparse.ArgumentParser, *, defaults: bool) -> None:
    # Accepted before the command and after it (`main.py --data-dir D sessions` or `main.py sessions --data-dir D`);
    # after it, an option left out must not reset what was given before it, hence SUPPRESS there.
    def default(value: object) -> object:
        return value if defaults else argparse.SUPPRESS

    parser.add_argument(
        "--data-dir",
        type=Path,
        default=default(None),
        help=f"data folder (default: ${DATA_DIR_ENV} or the OS's per-user data folder)",
    )
    parser.add_argument(
        "--ui-lang", choices=["en", "ko"], default=default(None), help="language of messages (default: system locale)"
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=default(False),
        help="log progress to stderr, and debug detail to the log file",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="interview-coach", description="Rehearse job interviews out loud, offline.")
    _add_shared_options(parser, defaults=True)
    shared = argparse.ArgumentParser(add_help=False)
    _add_shared_options(shared, defaults=False)
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument("--screenshot", type=Path, default=None, help="render a screen of the app to a PNG and exit")
    parser.add_argument(
        "--screen",
        choices=["first-run", "setup", "practice", "review", "history", "settings", "write"],
        default="setup",
        help="the screen --screenshot renders (default: setup)",
    )
    # Start-up timing for bench/startup.py: marks on stderr, and quit once the speech model is ready.
    parser.add_argument("--startup-trace", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--quit-when-ready", action="store_true", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command")

    practice = commands.add_parser("practice", parents=[shared], help="run an interview answered by audio files")
    practice.add_argument(
        "--lang", choices=["en", "ko"], default=None, help="interview language (a --redo takes its session's)"
    )
    practice.add_argument(
        "--answers", nargs="+", type=Path, required=True, help="audio files: file N answers question N"
    )
    practice.add_argument(
        "--questions", type=int, default=None, help="number of questions (default: one per answer file)"
    )
    practice.add_argument("--kind", choices=[k.value for k in InterviewKind], default=InterviewKind.MIXED.value)
    practice.add_argument("--role", default="", help="the role, e.g. 'Backend engineer'")
    practice.add_argument("--role-family", choices=ROLE_FAMILIES, default="any")
    practice.add_argument("--seniority", choices=SENIORITIES, default="any")
    practice.add_argument("--company", default="")
    practice.add_argument("--model", default="base", help="speech model: 'base' (embedded) or an installed larger one")
    practice.add_argument(
        "--compute-type", default="int8", help="CTranslate2 compute type (int8, int8_float32, float32)"
    )
    practice.add_argument(
        "--stt",
        choices=["local", "google", "rtzr"],
        default="local",
        help="speech recognition: local Whisper, Google Cloud or RTZR (endpoints and credentials from the "
        "environment or the keyring; local Whisper takes over if the network goes)",
    )
    practice.add_argument("--llm", type=Path, default=None, help="interviewer model: a GGUF file (e.g. EXAONE)")
    practice.add_argument("--llm-url", default="", help="interviewer model: an OpenAI-compatible server's /v1 URL")
    practice.add_argument("--llm-model", default="", help="the model name to ask the --llm-url server for")
    practice.add_argument("--llm-context", type=int, default=32_768, help="context tokens of a local model")
    practice.add_argument(
        "--no-follow-ups", dest="follow_ups", action="store_false", help="no follow-up questions from the model"
    )
    practice.add_argument(
        "--realtime",
        action="store_true",
        help="feed the files at real time, as a microphone would (a model that has not begun the next question "
        "within a second then gives way to the bank, as in the app)",
    )
    practice.add_argument("--json", action="store_true", help="print one JSON document instead of text")
    _add_practice_modes(practice)

    sessions = commands.add_parser("sessions", parents=[shared], help="list stored sessions")
    sessions.add_argument("--json", action="store_true")

    report = commands.add_parser("report", parents=[shared], help="export one stored session as a PDF report")
    report.add_argument("session_id", type=int)
    report.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    report.add_argument("--page-size", choices=["a4", "letter"], default="a4")

    drill = commands.add_parser("drill", parents=[shared], help="list the weak-spot drill's queue")
    drill.add_argument("--lang", choices=["en", "ko"], default=None, help="only this language's questions")

    show = commands.add_parser("show", parents=[shared], help="print one stored session")
    show.add_argument("session_id", type=int)
    show.add_argument("--json", action="store_true")
    _add_feedback(commands, shared)
    return parser


def _add_practice_modes(practice: argparse.ArgumentParser) -> None:
    asked = practice.add_mutually_exclusive_group()
    asked.add_argument(
        "--redo", default=None, metavar="SESSION:N", help="ask session SESSION's question N again (see `show SESSION`)"
    )
    asked.add_argument(
        "--drill", action="store_true", help="ask the weak-spot drill's questions that are due, weakest first"
    )
    practice.add_argument(
        "--mode",
        choices=[m.value for m in Mode],
        default=Mode.PRACTICE.value,
        help="practice: hints, no time limit; real: preparation time, then an answer time limit",
    )
    practice.add_argument(
        "--prep-seconds", type=float, default=None, help=f"real mode: seconds to prepare (default {_PRESET.prep_s:g})"
    )
    practice.add_argument(
        "--answer-seconds", type=float, default=None, help=f"real mode: answer limit (default {_PRESET.answer_s:g})"
    )
    practice.add_argument(
        "--persona",
        choices=[p.value for p in Persona],
        default=Persona.NEUTRAL.value,
        help="the interviewer: friendly, neutral, or pressure (presses on vague answers)",
    )
    practice.add_argument(
        "--closing", action="store_true", help='end with "Do you have any questions for us?", judged on your questions'
    )
    practice.add_argument(
        "--no-blind-check",
        dest="blind_check",
        action="store_false",
        help="do not flag personal details (family, hometown, school, age, marriage, looks) in answers",
    )


def _add_feedback(commands: Any, shared: argparse.ArgumentParser) -> None:
    feedback = commands.add_parser("feedback", parents=[shared], help="feedback on a written answer")
    feedback.add_argument("--lang", choices=["en", "ko"], help="the answer's language")
    feedback.add_argument("--question", default="", help="the interview question")
    given = feedback.add_mutually_exclusive_group()
    given.add_argument("--answer", default=None, help="the answer, as text")
    given.add_argument("--answer-file", type=Path, default=None, help="a UTF-8 text file holding the answer")
    given.add_argument(
        "--batch", type=Path, default=None, help='a JSONL file (or - for stdin): {"lang","question","answer"} a line'
    )
    feedback.add_argument("--type", choices=[t.value for t in QuestionType], default=None, help="the question type")
    feedback.add_argument("--llm", type=Path, default=None, help="also ask this GGUF model for evidence")
    feedback.add_argument("--llm-url", default="", help="also ask this OpenAI-compatible server (/v1 URL)")
    feedback.add_argument("--llm-model", default="", help="the model name to ask the --llm-url server for")
    feedback.add_argument("--json", action="store_true", help="print JSON instead of text")
