"""The command line: `practice`, `sessions`, `show`, `report`, `drill`, `feedback`; with no command, the desktop
app. Its help is in the user's language (engine/messages/cli_help.py), chosen before parsing (ui_language_of)."""

from __future__ import annotations

import argparse
import locale
import os
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

from engine.config.settings import DATA_DIR_ENV
from engine.feedback.question_type import QuestionType
from engine.interview.modes import DEFAULT_PRESET, PRESETS, Mode, Persona
from engine.interview.questions import ROLE_FAMILIES, SENIORITIES, InterviewKind
from engine.messages import text as help_text

_PRESET = PRESETS[DEFAULT_PRESET]
UI_LANGUAGES = ("en", "ko")


def default_ui_language() -> str:
    for value in (os.environ.get("LC_ALL"), os.environ.get("LANG"), locale.getlocale()[0]):
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    return "en"


def ui_language_of(argv: Sequence[str]) -> str:
    """The interface language before the command line is parsed, for the help: the last `--ui-lang` given
    (before or after the command, as `--ui-lang ko` or `--ui-lang=ko`), else the system's."""
    chosen = None
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        name, equals, value = arg.partition("=")
        if len(name) > 3 and "--ui-lang".startswith(name):  # argparse takes an unambiguous prefix too
            if not equals:
                value = argv[index + 1] if index + 1 < len(argv) else ""
            if value in UI_LANGUAGES:
                chosen = value
    return chosen or default_ui_language()


def display_width(text: str) -> int:
    """Columns `text` takes in a terminal: wide characters (Hangul, CJK) take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _formatter(ui: str) -> type[argparse.RawDescriptionHelpFormatter]:
    """Descriptions and epilogs printed as written (their examples keep their lines), "usage:" in `ui`, and help
    wrapped by the columns it takes (argparse counts characters, and Korean ones take two)."""
    usage_prefix = help_text("help.usage", ui)

    class Formatter(argparse.RawDescriptionHelpFormatter):
        def _format_usage(
            self,
            usage: str | None,
            actions: Iterable[argparse.Action],
            groups: Iterable[argparse._MutuallyExclusiveGroup],
            prefix: str | None,
        ) -> str:
            # argparse indents the usage's next lines by the prefix's length: a stand-in of its width instead
            prefix = usage_prefix if prefix is None else prefix
            stand_in = "\0" * display_width(prefix)
            return super()._format_usage(usage, actions, groups, stand_in).replace(stand_in, prefix, 1)

        def _fill_text(self, text: str, width: int, indent: str) -> str:
            # Prose is wrapped to the terminal; a paragraph with indented lines (examples) is kept as written.
            paragraphs = []
            for paragraph in text.split("\n\n"):
                lines = paragraph.splitlines()
                if not any(line.startswith(" ") for line in lines):
                    lines = self._split_lines(paragraph, width - len(indent))
                paragraphs.append("\n".join(indent + line for line in lines))
            return "\n\n".join(paragraphs)

        def _split_lines(self, text: str, width: int) -> list[str]:
            lines: list[str] = []
            line = ""
            for word in text.split():
                longer = f"{line} {word}" if line else word
                if line and display_width(longer) > width:
                    lines.append(line)
                    line = word
                else:
                    line = longer
            return [*lines, line] if line else lines

    return Formatter


def _titled(parser: argparse.ArgumentParser, ui: str) -> argparse.ArgumentParser:
    parser._positionals.title = help_text("help.positionals", ui)
    parser._optionals.title = help_text("help.options", ui)
    return parser


def _add_shared_options(parser: argparse.ArgumentParser, ui: str, *, defaults: bool) -> None:
    # Accepted before the command and after it (`main.py --data-dir D sessions` or `main.py sessions --data-dir D`);
    # after it, an option left out must not reset what was given before it, hence SUPPRESS there.
    def default(value: object) -> object:
        return value if defaults else argparse.SUPPRESS

    parser.add_argument("-h", "--help", action="help", help=help_text("help.help", ui))
    parser.add_argument(
        "--data-dir", type=Path, default=default(None), help=help_text("help.data_dir", ui, env=DATA_DIR_ENV)
    )
    parser.add_argument("--ui-lang", choices=UI_LANGUAGES, default=default(None), help=help_text("help.ui_lang", ui))
    parser.add_argument(
        "-v", "--verbose", action="store_true", default=default(False), help=help_text("help.verbose", ui)
    )


def build_parser(ui: str = "en") -> argparse.ArgumentParser:
    """The command line, its help in `ui` (see ui_language_of: the help prints before --ui-lang is parsed)."""
    parser = _titled(
        argparse.ArgumentParser(
            prog="interview-coach",
            description=help_text("help.description", ui),
            epilog=help_text("help.epilog", ui),
            formatter_class=_formatter(ui),
            add_help=False,
        ),
        ui,
    )
    _add_shared_options(parser, ui, defaults=True)
    shared = argparse.ArgumentParser(add_help=False)
    _add_shared_options(shared, ui, defaults=False)
    parser.add_argument("--version", action="store_true", help=help_text("help.version", ui))
    parser.add_argument("--screenshot", type=Path, default=None, help=help_text("help.screenshot", ui))
    parser.add_argument(
        "--screen",
        choices=["first-run", "setup", "practice", "review", "history", "settings", "write"],
        default="setup",
        help=help_text("help.screen", ui),
    )
    # Start-up timing for bench/startup.py: marks on stderr, and quit once the speech model is ready.
    parser.add_argument("--startup-trace", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--quit-when-ready", action="store_true", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(
        dest="command", title=help_text("help.commands", ui), metavar="COMMAND", help=help_text("help.command", ui)
    )

    def command(name: str) -> argparse.ArgumentParser:
        return _titled(
            commands.add_parser(
                name,
                parents=[shared],
                add_help=False,  # the shared options bring -h, in the user's language
                help=help_text(f"help.{name}.summary", ui),
                description=help_text(f"help.{name}.description", ui),
                epilog=help_text(f"help.{name}.epilog", ui),
                formatter_class=_formatter(ui),
            ),
            ui,
        )

    def h(key: str, **params: object) -> str:
        return help_text(key, ui, **params)

    practice = command("practice")
    practice.add_argument("--lang", choices=UI_LANGUAGES, default=None, help=h("help.practice.lang"))
    practice.add_argument("--answers", nargs="+", type=Path, required=True, help=h("help.practice.answers"))
    practice.add_argument("--questions", type=int, default=None, help=h("help.practice.questions"))
    practice.add_argument(
        "--kind",
        choices=[k.value for k in InterviewKind],
        default=InterviewKind.MIXED.value,
        help=h("help.practice.kind"),
    )
    practice.add_argument("--role", default="", help=h("help.practice.role"))
    practice.add_argument("--role-family", choices=ROLE_FAMILIES, default="any", help=h("help.practice.role_family"))
    practice.add_argument("--seniority", choices=SENIORITIES, default="any", help=h("help.practice.seniority"))
    practice.add_argument("--company", default="", help=h("help.practice.company"))
    practice.add_argument("--model", default="base", help=h("help.practice.model"))
    practice.add_argument("--reread-model", default="", help=h("help.practice.reread_model"))
    practice.add_argument("--compute-type", default="int8", help=h("help.practice.compute_type"))
    practice.add_argument("--stt", choices=["local", "google", "rtzr"], default="local", help=h("help.practice.stt"))
    practice.add_argument("--llm", type=Path, default=None, help=h("help.practice.llm"))
    practice.add_argument("--llm-url", default="", help=h("help.practice.llm_url"))
    practice.add_argument("--llm-model", default="", help=h("help.practice.llm_model"))
    practice.add_argument(
        "--llm-context", type=int, default=32_768, help=h("help.practice.llm_context", default=32_768)
    )
    practice.add_argument("--llm-seed", type=int, default=None, metavar="N", help=h("help.practice.llm_seed"))
    practice.add_argument(
        "--no-follow-ups", dest="follow_ups", action="store_false", help=h("help.practice.no_follow_ups")
    )
    practice.add_argument("--realtime", action="store_true", help=h("help.practice.realtime"))
    practice.add_argument("--json", action="store_true", help=h("help.practice.json"))
    _add_practice_modes(practice, ui)

    command("sessions").add_argument("--json", action="store_true", help=h("help.sessions.json"))

    report = command("report")
    report.add_argument("session_id", type=int, help=h("help.report.session_id"))
    report.add_argument("--out", type=Path, required=True, help=h("help.report.out"))
    report.add_argument("--page-size", choices=["a4", "letter"], default="a4", help=h("help.report.page_size"))

    command("drill").add_argument("--lang", choices=UI_LANGUAGES, default=None, help=h("help.drill.lang"))

    show = command("show")
    show.add_argument("session_id", type=int, help=h("help.show.session_id"))
    show.add_argument("--json", action="store_true", help=h("help.show.json"))
    _add_feedback(command("feedback"), ui)
    return parser


def _add_practice_modes(practice: argparse.ArgumentParser, ui: str) -> None:
    def h(key: str, **params: object) -> str:
        return help_text(f"help.practice.{key}", ui, **params)

    asked = practice.add_mutually_exclusive_group()
    asked.add_argument("--redo", default=None, metavar="SESSION:N", help=h("redo"))
    asked.add_argument("--drill", action="store_true", help=h("drill"))
    practice.add_argument("--mode", choices=[m.value for m in Mode], default=Mode.PRACTICE.value, help=h("mode"))
    practice.add_argument(
        "--prep-seconds", type=float, default=None, help=h("prep_seconds", seconds=f"{_PRESET.prep_s:g}")
    )
    practice.add_argument(
        "--answer-seconds", type=float, default=None, help=h("answer_seconds", seconds=f"{_PRESET.answer_s:g}")
    )
    practice.add_argument(
        "--persona", choices=[p.value for p in Persona], default=Persona.NEUTRAL.value, help=h("persona")
    )
    practice.add_argument("--closing", action="store_true", help=h("closing"))
    practice.add_argument("--no-blind-check", dest="blind_check", action="store_false", help=h("no_blind_check"))


def _add_feedback(feedback: argparse.ArgumentParser, ui: str) -> None:
    def h(key: str) -> str:
        return help_text(f"help.feedback.{key}", ui)

    feedback.add_argument("--lang", choices=UI_LANGUAGES, help=h("lang"))
    feedback.add_argument("--question", default="", help=h("question"))
    given = feedback.add_mutually_exclusive_group()
    given.add_argument("--answer", default=None, help=h("answer"))
    given.add_argument("--answer-file", type=Path, default=None, help=h("answer_file"))
    given.add_argument("--batch", type=Path, default=None, help=h("batch"))
    feedback.add_argument("--type", choices=[t.value for t in QuestionType], default=None, help=h("type"))
    feedback.add_argument("--llm", type=Path, default=None, help=h("llm"))
    feedback.add_argument("--llm-url", default="", help=h("llm_url"))
    feedback.add_argument("--llm-model", default="", help=h("llm_model"))
    feedback.add_argument("--json", action="store_true", help=h("json"))
