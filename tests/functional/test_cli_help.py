"""The command line explains itself: help for every option, examples for every command, in the user's language,
and a `sessions` listing with headers and a unit on every pace."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from engine.cli.commands import sessions_table
from engine.cli.parser import build_parser, display_width, ui_language_of
from engine.messages.cli_help import CLI_HELP_MESSAGES
from engine.storage.records import SessionRow
from tests.cli_support import cli
from tests.conftest import joined_speech, speech_file

COMMANDS = ("practice", "sessions", "show", "report", "drill", "feedback")
# Start-up timing for bench/startup.py, not meant for users: hidden from the help on purpose.
HIDDEN = {"--startup-trace", "--quit-when-ready"}


def _hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def _parsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    found = {"": parser}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found.update(action.choices)
    return found


@pytest.mark.parametrize("ui", ["en", "ko"])
def test_every_option_of_every_command_has_help_in_the_users_language(ui: str) -> None:
    parsers = _parsers(build_parser(ui))
    assert set(parsers) == {"", *COMMANDS}
    for name, parser in parsers.items():
        for action in parser._actions:
            where = f"{name or 'program'} {'/'.join(action.option_strings) or action.dest}"
            if action.help == argparse.SUPPRESS:
                assert set(action.option_strings) <= HIDDEN, f"{where} is hidden from the help"
                continue
            assert action.help and action.help.strip(), f"{where} has no help"
            assert _hangul(action.help) == (ui == "ko"), f"{where}: {action.help!r} is not in {ui}"
            if isinstance(action, argparse._SubParsersAction):  # each command's one-line summary
                for summary in action._choices_actions:
                    assert summary.help and _hangul(summary.help) == (ui == "ko"), summary.dest
        parser.format_help()  # a stray "%" in a help text would raise here


def test_every_help_message_is_written_in_both_languages() -> None:
    for key, entry in CLI_HELP_MESSAGES.items():
        assert set(entry) == {"en", "ko"} and all(text.strip() for text in entry.values()), key
        assert "%" not in entry["en"] + entry["ko"], f"{key}: argparse reads % in help as a format"


@pytest.mark.parametrize(
    ("ui", "examples", "app", "no_window"),
    [
        ("en", "examples:", "Run with no command to open the desktop app", "opens no window"),
        ("ko", "예시:", "명령 없이 실행하면 데스크톱 앱이 열립니다", "창을 열지 않습니다"),
    ],
)
def test_help_of_the_program_and_of_every_command_shows_examples(
    tmp_path: Path, ui: str, examples: str, app: str, no_window: str
) -> None:
    program = cli(tmp_path, "--ui-lang", ui, "--help")
    assert program.returncode == 0, program.stderr
    assert examples in program.stdout and app in program.stdout
    assert "interview-coach practice --lang" in program.stdout
    for command in COMMANDS:
        # --ui-lang after the command and after --help too: the help is printed before the rest is parsed
        shown = cli(tmp_path, command, "--help", "--ui-lang", ui)
        assert shown.returncode == 0, shown.stderr
        assert examples in shown.stdout, command
        assert f"\n  interview-coach {command}" in shown.stdout or "interview-coach --ui-lang" in shown.stdout
        assert no_window in " ".join(shown.stdout.split()), command
        assert _hangul(shown.stdout) == (ui == "ko"), command


def test_help_follows_the_system_language_when_none_is_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "ko_KR.UTF-8")
    assert "예시:" in cli(tmp_path, "sessions", "--help").stdout
    assert "examples:" in cli(tmp_path, "--ui-lang", "en", "sessions", "--help").stdout


def test_the_help_language_is_read_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert ui_language_of(["--ui-lang", "ko", "sessions"]) == "ko"
    assert ui_language_of(["sessions", "--json", "--ui-lang=ko"]) == "ko"
    assert ui_language_of(["--ui", "ko", "show", "3"]) == "ko"  # argparse takes the prefix too
    assert ui_language_of(["--ui-lang", "ko", "sessions", "--ui-lang", "en"]) == "en"  # the last one counts
    assert ui_language_of(["--ui-lang", "fr", "--help"]) == "en"  # argparse refuses it; the help is the system's
    assert ui_language_of(["feedback", "--", "--ui-lang", "ko"]) == "en"
    monkeypatch.setenv("LC_ALL", "ko_KR.UTF-8")
    assert ui_language_of(["sessions"]) == "ko"


def _row(session_id: int, language: str, pace: float | None, status: str = "complete") -> SessionRow:
    return SessionRow(
        id=session_id,
        created_at=f"2025-03-0{session_id}T10:15:00",
        ended_at="",
        status=status,
        language=language,
        role="",
        kind="mixed",
        stt_backend="local",
        questions=2,
        answers=1 if pace is not None else 0,
        pace=pace,
    )


def _column_starts(line: str, cells: list[str]) -> list[int]:
    """Where on screen each cell begins, in columns."""
    starts, at = [], 0
    for cell in cells:
        at = line.index(cell, at)
        starts.append(display_width(line[:at]))
        at += len(cell)
    return starts


def test_the_sessions_table_aligns_by_screen_width_and_gives_each_pace_its_unit() -> None:
    rows = [_row(3, "ko", 251.6), _row(2, "en", None, "failed"), _row(1, "en", 140.4)]
    korean = sessions_table(rows, "ko")
    assert korean[0].split() == ["#", "날짜", "언어", "상태", "답변", "말하기", "속도"]
    assert "한국어" in korean[1] and korean[1].endswith("분당 252음절")
    assert "영어" in korean[2] and "실패" in korean[2] and korean[2].endswith("-")
    assert korean[3].endswith("분당 140단어")
    starts = [
        _column_starts(korean[0], ["날짜", "언어", "상태", "답변", "말하기 속도"]),
        _column_starts(korean[1], ["2025-03-03", "한국어", "완료", "1/2", "분당"]),
        _column_starts(korean[2], ["2025-03-02", "영어", "실패", "0/2", "-"]),
    ]
    assert starts[0] == starts[1] == starts[2]
    english = sessions_table(rows, "en")
    assert english[0].split() == ["#", "date", "language", "status", "answered", "pace"]
    assert english[1].endswith("252 syllables/min") and english[3].endswith("140 words/min")
    assert _column_starts(english[0], ["status", "pace"]) == _column_starts(english[1], ["complete", "252"])


def test_sessions_lists_a_practice_run_under_headers_with_its_unit_in_both_languages(
    data_dir: Path, tmp_path: Path
) -> None:
    # Over 20 s of speech in one answer: a pace a minute is given only from there on, here as everywhere.
    names = ("en/jfk.flac", "en/librispeech_2412-153948-0000.flac", "en/ami_ES2011a_Headset-0_40s-46s.wav")
    clip = joined_speech(tmp_path / "answer.wav", [speech_file(name) for name in names])
    result = cli(data_dir, "practice", "--lang", "en", "--answers", str(clip))
    assert result.returncode == 0, result.stderr
    english = cli(data_dir, "--ui-lang", "en", "sessions")
    assert english.returncode == 0, english.stderr
    header, row = english.stdout.splitlines()
    assert header.split() == ["#", "date", "language", "status", "answered", "pace"]
    assert row.split()[0] == "1" and "English" in row and "complete" in row and "1/1" in row
    assert row.endswith(" words/min") and 100 < int(row.split()[-2]) < 220
    assert header.index("status") == row.index("complete") and header.index("pace") == row.index(row.split()[-2])
    korean = cli(data_dir, "--ui-lang", "ko", "sessions")
    header, row = korean.stdout.splitlines()
    assert header.split() == ["#", "날짜", "언어", "상태", "답변", "말하기", "속도"]
    assert "영어" in row and "완료" in row and "분당 " in row and row.endswith("단어")
    assert _column_starts(header, ["상태", "말하기 속도"]) == _column_starts(row, ["완료", "분당"])
    # --json is as it was: the stored rows' fields, in no language
    listing = json.loads(cli(data_dir, "sessions", "--json").stdout)
    assert listing[0]["language"] == "en" and listing[0]["status"] == "complete" and listing[0]["pace"] > 100
