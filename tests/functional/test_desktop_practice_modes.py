"""Practice modes in the desktop app, driven as a candidate would, in both languages: a question retried
from review comes back with its attempts side by side, and real mode runs an interview on its timers,
answers cut at their limit and the next question asked without a click. Real model, audio and SQLite."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from desktop.main_window import Screen
from engine.config.preferences import Preferences
from engine.interview.events import AnswerFinished, Notice
from tests.conftest import speech_file
from tests.desktop_harness import Desktop, open_desktop, start_interview
from tests.fake_sounddevice import FakeSoundDevice
from tests.functional.test_desktop_flow import shots_dir

CLIPS = {
    "en": ["en/jfk.flac", "en/librispeech_2412-153948-0000.flac"],
    "ko": ["ko/deeply_AnechoicChamber_sub100122a00035.wav", "ko/deeply_DanceStudio_sub100112a00052.wav"],
}
SIDE_BY_SIDE = {"en": "This attempt (#2)", "ko": "이번 답변 (2번째)"}


@contextlib.contextmanager
def _desktop(qtbot: Any, tmp_path: Path, language: str) -> Iterator[Desktop]:
    """The app in `language`, past its first run, answering from the language's two clips in turn (and again,
    for the follow-ups a friendly interviewer asks)."""
    answers = [speech_file(c) for c in CLIPS[language] * 4]
    prefs = Preferences(data_dir=str(tmp_path / "data"), first_run_done=True)
    shots = shots_dir(tmp_path, language)
    sd = FakeSoundDevice(None)
    with open_desktop(
        qtbot, tmp_path, sd=sd, ui_language=language, preferences=prefs, answers=answers, shots=shots
    ) as desktop:
        yield desktop


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_question_retried_from_review_is_asked_again_and_shown_beside_the_first_attempt(
    qtbot: Any, qloop: Any, tmp_path: Path, data_dir: Path, language: str
) -> None:
    with _desktop(qtbot, tmp_path, language) as desktop:
        window, practice, review = desktop.window, desktop.window.practice, desktop.window.review
        start_interview(qtbot, desktop, language, questions=1)
        asked = practice.question.text()
        with qtbot.waitSignal(review.loaded, timeout=120_000):
            qtbot.mouseClick(practice.answer_button, Qt.MouseButton.LeftButton)
        first_session = review.detail.session.id if review.detail else 0
        assert review.comparisons == {}  # one attempt: nothing to compare yet
        retry = review.findChildren(QPushButton, "retryButton")
        assert len(retry) == 1 and retry[0].text()

        with qtbot.waitSignal(practice.runner.awaitingChoice, timeout=30_000, check_params_cb=bool):
            qtbot.mouseClick(retry[0], Qt.MouseButton.LeftButton)
        assert window.current_screen is Screen.PRACTICE
        assert practice.question.text() == asked  # the same question, as it was asked
        # The first review may read back again meanwhile (its answer re-read): the retry's own review is awaited.
        with qtbot.waitSignal(review.loaded, timeout=120_000, check_params_cb=lambda sid: sid != first_session):
            qtbot.mouseClick(practice.answer_button, Qt.MouseButton.LeftButton)
        assert review.detail is not None
        assert review.detail.session.origin == "redo"
        (comparison,) = review.comparisons.values()
        assert [c.label for c in comparison.columns] == ["latest", "previous"]
        assert [c.attempt.session_id for c in comparison.columns] == [review.detail.session.id, first_session]
        shown = review.findChildren(QLabel, "attemptsBlock")
        assert len(shown) == 1 and SIDE_BY_SIDE[language] in shown[0].text()
        desktop.shoot(f"redo-side-by-side-{language}")


@pytest.mark.parametrize("language", ["en", "ko"])
def test_real_mode_answers_on_its_timers_and_moves_on_without_a_click(
    qtbot: Any, qloop: Any, tmp_path: Path, data_dir: Path, language: str
) -> None:
    with _desktop(qtbot, tmp_path, language) as desktop:
        practice, review = desktop.window.practice, desktop.window.review
        options = desktop.window.setup.options
        options.mode.setCurrentIndex(options.mode.findData("real"))
        options.preset.setCurrentIndex(options.preset.findData("custom"))
        options.prep.setValue(1)
        options.answer.setValue(5)
        options.persona.setCurrentIndex(options.persona.findData("friendly"))
        setup = desktop.window.setup
        setup.kind.setCurrentIndex(setup.kind.findData("behavioural"))
        setup.seniority.setCurrentIndex(setup.seniority.count() - 1)
        seniority = setup.seniority.currentData()
        finished: list[AnswerFinished] = []
        notices: list[str] = []
        practice.runner.engine_event.connect(lambda e: finished.append(e) if isinstance(e, AnswerFinished) else None)
        practice.runner.engine_event.connect(lambda e: notices.append(e.message_key) if isinstance(e, Notice) else None)
        start_interview(qtbot, desktop, language, questions=2)
        assert not practice.guide.hint.isVisible()  # real mode: no hints
        assert practice.guide.clock.isVisibleTo(practice)  # the preparation countdown
        desktop.shoot(f"real-mode-prepare-{language}")
        with qtbot.waitSignal(review.loaded, timeout=120_000):
            pass  # no button pressed: each answer started after its preparation and ended at its limit
        # Two questions, and the friendly interviewer's follow-up to a short answer where it asks one.
        assert len(finished) >= 2 and {f.status for f in finished} == {"complete"}
        assert all(4.5 <= f.duration_s <= 5.5 and f.transcript for f in finished)
        assert notices.count("answer.time_up") == len(finished)

        # A question retried from this review is asked again as it was: in real mode, on its own timers (not
        # the set-up screen's, changed meanwhile), by the same interviewer, for the same kind and level.
        first_session = review.detail.session.id if review.detail else 0
        options.answer.setValue(8)
        finished.clear()
        retry = review.findChildren(QPushButton, "retryButton")
        with qtbot.waitSignal(review.loaded, timeout=120_000, check_params_cb=lambda sid: sid != first_session):
            qtbot.mouseClick(retry[0], Qt.MouseButton.LeftButton)  # no other click: it runs on its timers
        assert review.detail is not None
        session = review.detail.session
        assert (session.origin, session.mode, session.persona) == ("redo", "real", "friendly")
        assert (session.kind, session.seniority, session.timing_s) == ("behavioural", seniority, (1.0, 5.0))
        assert finished and all(4.5 <= f.duration_s <= 5.5 for f in finished)  # cut at 5 s, not 8
