"""What the desktop app does when things go wrong: the microphone vanishes mid-answer, the speech model is
still loading when the candidate starts talking, a session was cut off by a crash. Each shows a clear
message, and nothing recorded is lost."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.main_window import NAVIGATION, Screen
from engine.audio.file_source import read_samples
from engine.config.preferences import Preferences
from engine.config.settings import AppPaths
from engine.interview.events import AnswerFinished
from engine.storage.store import Store
from engine.stt.speech_model import ModelStage
from tests.conftest import speech_file
from tests.desktop_harness import Desktop, open_desktop, start_interview
from tests.fake_sounddevice import FakeSoundDevice


def answer_and_wait(qtbot: Any, desktop: Desktop) -> AnswerFinished:
    practice = desktop.window.practice
    with qtbot.waitSignal(
        practice.runner.engine_event, timeout=120_000, check_params_cb=lambda e: isinstance(e, AnswerFinished)
    ) as done:
        qtbot.mouseClick(practice.answer_button, Qt.MouseButton.LeftButton)
    return done.args[0]


def test_a_microphone_lost_mid_answer_is_reported_and_what_was_heard_is_kept(
    qtbot: Any, qloop: Any, tmp_path: Path, data_dir: Path
) -> None:
    # 60 blocks of 100 ms: the device vanishes six seconds into the answer ("...ask not what your country").
    sd = FakeSoundDevice(read_samples(speech_file("en/jfk.flac")), vanish_after_blocks=60)
    prefs = Preferences(data_dir=str(tmp_path / "data"), first_run_done=True)
    with open_desktop(qtbot, tmp_path, sd=sd, preferences=prefs) as desktop:
        start_interview(qtbot, desktop)
        with qtbot.waitSignal(desktop.ctx.errors.shown, timeout=60_000) as shown:
            finished = answer_and_wait(qtbot, desktop)
        title, message = shown.args
        assert title == "Microphone problem"
        assert "disconnected" in message or "stopped" in message
        assert finished.status == "incomplete"
        assert "americans" in finished.transcript.lower()
        with qtbot.waitSignal(desktop.window.review.loaded, timeout=60_000):
            pass
        assert desktop.window.review.detail is not None
        stored = desktop.window.review.detail.session.questions[0].answers[0]
        assert stored.status == "incomplete"
        assert "americans" in stored.transcript.lower()
        assert (desktop.ctx.paths.data_dir / stored.audio_path).stat().st_size > 0  # the audio is kept too
        desktop.shoot("mic-lost-review")


def test_an_answer_given_while_the_model_loads_is_kept_and_transcribed(qtbot: Any, qloop: Any, tmp_path: Path) -> None:
    sd = FakeSoundDevice(read_samples(speech_file("en/jfk.flac")))
    prefs = Preferences(data_dir=str(tmp_path / "data"), models_dir=str(tmp_path / "fresh-models"), first_run_done=True)
    answers = [speech_file("en/jfk.flac")]
    with open_desktop(qtbot, tmp_path, sd=sd, preferences=prefs, answers=answers) as desktop:
        start_interview(qtbot, desktop)
        assert (
            desktop.ctx.model_progress.stage is not ModelStage.READY
        )  # a fresh models folder: the embedded model is still being prepared
        practice = desktop.window.practice
        qtbot.mouseClick(practice.answer_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: practice.banner.isVisible(), timeout=10_000)
        assert "still loading" in practice.banner.text()
        desktop.shoot("model-loading-notice")
        with qtbot.waitSignal(
            practice.runner.engine_event, timeout=180_000, check_params_cb=lambda e: isinstance(e, AnswerFinished)
        ) as done:
            pass
        assert done.args[0].status == "complete"
        assert "country" in done.args[0].transcript.lower()
        assert not practice.banner.isVisible() or "still loading" not in practice.banner.text()


@pytest.fixture
def crashed_session(qloop: Any, tmp_path: Path) -> int:
    """A session left 'listening' by a process that no longer exists, with one final already stored."""
    from engine.stt.contract import TranscriptEvent, TranscriptKind

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(dead.stdout)

    async def seed() -> int:
        store = await Store.open(AppPaths(tmp_path / "data").database)
        session_id = await store.create_session({"language": "en", "role": "Analyst"}, "local")
        question = await store.add_question(session_id, 1, "en-b01", "Tell me about a deadline.", "behavioural")
        await store.set_session_status(session_id, "listening")
        answer = await store.start_answer(session_id, question, "")
        event = TranscriptEvent(TranscriptKind.FINAL, 0, "I shipped it two days early.", "", 0.0, 2.0, (), 0.9, "t")
        await store.add_final(answer, event)
        await asyncio.to_thread(store.db.execute, "update sessions set pid = ?", (dead_pid,))
        await store.close()
        return session_id

    return qloop.run_until_complete(seed())


def test_a_session_cut_off_by_a_crash_is_reported_at_start_and_kept(
    qtbot: Any, qloop: Any, tmp_path: Path, data_dir: Path, crashed_session: int
) -> None:
    sd = FakeSoundDevice(None)  # no microphone at all: the app still starts
    prefs = Preferences(data_dir=str(tmp_path / "data"), first_run_done=True)
    with open_desktop(qtbot, tmp_path, sd=sd, preferences=prefs) as desktop:
        errors = desktop.ctx.errors
        qtbot.waitUntil(lambda: errors.last_box is not None, timeout=10_000)
        assert errors.last_box.windowTitle() == "Interrupted interview found"
        assert f"#{crashed_session}" in errors.last_box.text()
        desktop.shoot("interrupted-found")
        errors.last_box.close()
        desktop.window.nav.setCurrentRow(NAVIGATION.index(Screen.HISTORY))
        history = desktop.window.history
        qtbot.waitUntil(lambda: history.table.rowCount() == 1, timeout=10_000)
        assert "interrupted" in history.table.row_text(0)
        with qtbot.waitSignal(desktop.window.review.loaded, timeout=10_000):
            desktop.window.open_review(crashed_session)
        assert desktop.window.review.detail is not None
        answer = desktop.window.review.detail.session.questions[0].answers[0]
        assert answer.transcript == "I shipped it two days early."
