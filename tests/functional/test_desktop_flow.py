"""The desktop app, driven like a user would, offscreen: first run → set-up → a two-question interview →
review → history → search → delete, in English and in Korean, on the real model, real audio, real SQLite.

Audio files stand in for the microphone during answers; a stand-in sound card (tests/fake_sounddevice.py)
plays real speech into the first-run level meter and test recording, and keeps what is played back.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from desktop.main_window import NAVIGATION, Screen
from engine.audio.file_source import read_samples
from engine.config.preferences import Preferences
from engine.interview.events import AnswerFinished, TranscriptUpdated
from engine.stt.speech_model import ModelStage
from tests.conftest import speech_file
from tests.desktop_harness import Desktop, open_desktop, start_interview
from tests.fake_sounddevice import FakeSoundDevice

CASES = {
    "en": (
        ["en/jfk.flac", "en/librispeech_2412-153948-0000.flac"],
        ["country", "narrative"],
        "country",
    ),
    "ko": (
        ["ko/deeply_AirbnbStudio_sub100101a00047.wav", "ko/deeply_AirbnbStudio_sub100100a00026.wav"],
        ["상자", "학생"],
        "창고",
    ),
}


def shots_dir(tmp_path: Path, language: str) -> Path:
    # INTERVIEW_COACH_SCREENSHOTS keeps them where a person can look at them after the run.
    base = os.environ.get("INTERVIEW_COACH_SCREENSHOTS")
    return Path(base) / language if base else tmp_path / "screenshots" / language


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_candidate_goes_from_first_run_to_deleting_an_interview(
    qtbot: Any, qloop: Any, tmp_path: Path, data_dir: Path, language: str
) -> None:
    clips, expected_words, search_word = CASES[language]
    answers = [speech_file(c) for c in clips]
    sd = FakeSoundDevice(read_samples(answers[0]), repeat=True)
    with open_desktop(
        qtbot, tmp_path, sd=sd, ui_language=language, answers=answers, shots=shots_dir(tmp_path, language)
    ) as desktop:
        walk_through(qtbot, desktop, language, expected_words, search_word)


def walk_through(qtbot: Any, desktop: Desktop, language: str, expected_words: list[str], search_word: str) -> None:
    window = desktop.window
    ctx = desktop.ctx

    # First run: the level meter follows the microphone, and the test recording plays back what it heard.
    assert window.current_screen is Screen.FIRST_RUN
    first = window.first_run
    qtbot.waitUntil(lambda: first.meter.level_dbfs > -50, timeout=10_000)
    # Ready may come before this line (a model loads in a fraction of a second from its int8 copy): the state,
    # not the signal, is what is waited for.
    qtbot.waitUntil(lambda: ctx.model_progress.stage is ModelStage.READY, timeout=120_000)
    desktop.shoot("1-first-run")
    with qtbot.waitSignal(first.testPlayed, timeout=20_000) as played:
        qtbot.mouseClick(first.test_button, Qt.MouseButton.LeftButton)
    assert played.args[0] == 3 * 16000
    played_audio = desktop.sd.outputs[-1].played
    assert np.abs(played_audio[: 3 * 16000].astype(np.int32)).max() > 1000  # real speech, not silence
    qtbot.mouseClick(first.continue_button, Qt.MouseButton.LeftButton)
    assert ctx.preferences.first_run_done

    # Set-up.
    assert window.current_screen is Screen.SETUP
    setup = window.setup
    if language == "en":
        qtbot.keyClicks(setup.role, "Backend engineer")
    else:
        setup.role.setText("백엔드 개발자")  # QTest types ASCII only: Korean arrives as an input method would
    setup.count.setValue(2)
    setup.interview_language.setCurrentIndex(setup.interview_language.findData(language))
    desktop.shoot("2-setup")

    # Practice: two questions, each answered; the transcript grows on screen, finals in plain text.
    runner = window.practice.runner
    with qtbot.waitSignal(runner.awaitingChoice, timeout=30_000, check_params_cb=bool):
        qtbot.mouseClick(setup.start_button, Qt.MouseButton.LeftButton)
    assert window.current_screen is Screen.PRACTICE
    practice = window.practice
    assert practice.question.text()
    desktop.shoot("3-practice-question")
    for number, word in enumerate(expected_words, start=1):
        if number > 1:
            qtbot.waitUntil(lambda: practice.answer_button.isEnabled(), timeout=30_000)
        with qtbot.waitSignal(
            runner.engine_event, timeout=120_000, check_params_cb=lambda e: isinstance(e, AnswerFinished)
        ) as done:
            qtbot.mouseClick(practice.answer_button, Qt.MouseButton.LeftButton)
        finished: AnswerFinished = done.args[0]
        assert finished.status == "complete"
        assert word in finished.transcript.lower()
        assert word in practice.transcript.final_text.lower()
        assert practice.transcript.partial_text == ""  # every partial was replaced by its final
        if number == 1:
            desktop.shoot("4-practice-answered")

    # Review: opened by itself when the interview completes.
    with qtbot.waitSignal(window.review.loaded, timeout=60_000):
        pass
    assert window.current_screen is Screen.REVIEW
    review = window.review
    assert review.detail is not None and review.detail.session.status == "complete"
    answers = [view.answer for view in review.detail.answers]
    assert len(answers) == 2 and all(a.figures for a in answers)
    assert all(a.content is not None and 0 <= a.content.score <= 100 for a in answers)
    assert all(a.voice is not None and a.voice.voiced_s > 1 for a in answers)  # measured from the recording
    blocks = review.findChildren(QLabel, "contentBlock")
    assert len(blocks) == 2 and all("/100" in b.text() for b in blocks)
    desktop.shoot("5-review")
    answer_id = answers[0].id
    with qtbot.waitSignal(review.replayStarted, timeout=20_000):
        qtbot.mouseClick(review.replay_buttons[answer_id], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not ctx.player.playing, timeout=20_000)
    recorded = desktop.sd.outputs[-1].played
    assert len(recorded) >= answers[0].duration_s * 16000 * 0.95

    # History: the interview is listed, found by a word of an answer, and not by a word never said.
    window.nav.setCurrentRow(NAVIGATION.index(Screen.HISTORY))
    assert window.current_screen is Screen.HISTORY
    history = window.history
    qtbot.waitUntil(lambda: history.table.rowCount() == 1, timeout=10_000)
    assert history.chart_language.currentData() == language  # the chart shows the newest session's language
    assert len(history.chart.rows) == 1 and history.chart.rows[0].content_score is not None
    desktop.shoot("6-history")
    with qtbot.waitSignal(history.refreshed, timeout=10_000, check_params_cb=lambda q, n: q == search_word) as found:
        history.search.setText(search_word)
    assert found.args[1] == 1
    assert "[" in history.table.row_text(0)  # the snippet marks the match
    desktop.shoot("7-history-search")
    with qtbot.waitSignal(history.refreshed, timeout=10_000, check_params_cb=lambda q, n: q == "zebra") as nothing:
        history.search.setText("zebra")
    assert nothing.args[1] == 0
    assert history.empty.isVisible()
    with qtbot.waitSignal(history.refreshed, timeout=10_000, check_params_cb=lambda q, n: q == ""):
        history.search.clear()

    # Delete, after confirming; the recordings go with it.
    recordings = ctx.paths.recordings
    assert any(recordings.rglob("*.flac"))
    history.table.selectRow(0)
    qtbot.mouseClick(history.delete_button, Qt.MouseButton.LeftButton)
    box = history.confirm_box
    assert box is not None and box.isVisible()
    desktop.shoot("8-history-confirm-delete")
    with qtbot.waitSignal(history.deleted, timeout=10_000):
        box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: history.table.rowCount() == 0, timeout=10_000)
    assert not any(recordings.rglob("*.flac"))

    # Settings render in the same language.
    window.nav.setCurrentRow(NAVIGATION.index(Screen.SETTINGS))
    assert window.current_screen is Screen.SETTINGS
    desktop.shoot("9-settings")


@contextlib.contextmanager
def mid_answer(qtbot: Any, tmp_path: Path, questions: int) -> Iterator[Desktop]:
    """The app with an interview running and the candidate part-way through answering (at a person's pace)."""
    prefs = Preferences(data_dir=str(tmp_path / "data"), first_run_done=True)
    answers = [speech_file("en/jfk.flac")]
    with open_desktop(
        qtbot, tmp_path, sd=FakeSoundDevice(None), preferences=prefs, answers=answers, realtime=True
    ) as desktop:
        start_interview(qtbot, desktop, questions=questions)
        with qtbot.waitSignal(
            desktop.window.practice.runner.engine_event,
            timeout=60_000,
            check_params_cb=lambda e: isinstance(e, TranscriptUpdated) and e.event.is_final and bool(e.event.text),
        ):
            qtbot.mouseClick(desktop.window.practice.answer_button, Qt.MouseButton.LeftButton)
        yield desktop


def test_space_finishes_an_answer_and_keeps_what_was_said(
    qtbot: Any, qloop: Any, tmp_path: Path, data_dir: Path
) -> None:
    with mid_answer(qtbot, tmp_path, questions=1) as desktop:
        practice = desktop.window.practice
        assert practice.finish_button.isEnabled()
        with qtbot.waitSignal(
            practice.runner.engine_event, timeout=60_000, check_params_cb=lambda e: isinstance(e, AnswerFinished)
        ) as done:
            qtbot.keyClick(practice, Qt.Key.Key_Space)
        finished: AnswerFinished = done.args[0]
        assert finished.status == "complete"
        assert "americans" in finished.transcript.lower()
        assert finished.duration_s < 10.5  # cut before the 11 s clip ran out


def test_ending_mid_answer_stores_the_answer_and_marks_the_interview_ended_early(
    qtbot: Any, qloop: Any, tmp_path: Path, data_dir: Path
) -> None:
    with mid_answer(qtbot, tmp_path, questions=3) as desktop:
        with qtbot.waitSignal(desktop.window.review.loaded, timeout=60_000):
            qtbot.mouseClick(desktop.window.practice.end_button, Qt.MouseButton.LeftButton)
        assert desktop.window.review.detail is not None
        detail = desktop.window.review.detail.session
        assert detail.status == "interrupted"
        assert len(detail.questions) == 1  # the two questions never asked are not stored as asked
        answer = detail.questions[0].answers[0]
        assert answer.status == "complete" and "americans" in answer.transcript.lower()
        desktop.shoot("ended-early-review")
