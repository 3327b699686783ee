"""Cloud recognition in the app: an answer streamed to Google (a loopback server), the connection state on
the practice screen, the diagnostics panel, and RTZR credentials kept in a keyring only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.main_window import Screen
from engine.config.preferences import Preferences
from engine.interview.events import RecognitionChanged
from tests.conftest import speech_file
from tests.desktop_harness import open_desktop, start_interview
from tests.fake_sounddevice import FakeSoundDevice
from tests.loopback.google_server import GoogleBehaviour, ThreadedGoogle


def test_an_answer_streams_to_google_and_the_diagnostics_panel_shows_its_health(
    qtbot: Any, qloop: Any, tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("INTERVIEW_COACH_GOOGLE_ENDPOINT", raising=False)
    with ThreadedGoogle(GoogleBehaviour(real_speech=True, words_per_final=10)) as google:
        prefs = Preferences(
            data_dir=str(tmp_path / "data"), first_run_done=True, stt_backend="google", google_endpoint=google.endpoint
        )
        answers = [speech_file("en/jfk.flac")]
        with open_desktop(qtbot, tmp_path, sd=FakeSoundDevice(None), preferences=prefs, answers=answers) as desktop:
            practice = desktop.window.practice
            start_interview(qtbot, desktop, questions=1)
            states: list[str] = []
            practice.runner.engine_event.connect(
                lambda e: states.append(e.state) if isinstance(e, RecognitionChanged) else None
            )
            with qtbot.waitSignal(desktop.window.review.loaded, timeout=120_000):
                qtbot.mouseClick(practice.answer_button, Qt.MouseButton.LeftButton)
            assert states[0] == "connected"
            assert desktop.window.review.detail is not None
            detail = desktop.window.review.detail.session
            assert detail.stt_backend == "google"
            transcript = detail.questions[0].answers[0].transcript.split()
            assert transcript[:3] == ["t0", "t1", "t2"]  # what the loopback "Google" heard
            desktop.window.show_screen(Screen.SETTINGS)
            panel = desktop.window.settings.cloud.diagnostics.text()
            assert "Google Cloud: connect" in panel and "success 100%" in panel, panel


def test_rtzr_credentials_go_to_the_keyring_only(
    qtbot: Any, qloop: Any, tmp_path: Path, data_dir: Path, keyring_file: Path
) -> None:
    import keyring

    prefs = Preferences(data_dir=str(tmp_path / "data"), first_run_done=True)
    with open_desktop(qtbot, tmp_path, sd=FakeSoundDevice(None), preferences=prefs) as desktop:
        desktop.window.show_screen(Screen.SETTINGS)
        settings = desktop.window.settings
        settings.backend.setCurrentIndex(settings.backend.findData("rtzr"))
        settings.cloud.rtzr_id.setText("my-client")
        settings.cloud.rtzr_secret.setText("rtzr-secret-987")
        settings.cloud.rtzr_stream.setText("ws://127.0.0.1:9/v1/transcribe:streaming")
        qtbot.mouseClick(settings.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: keyring.get_password("interview-coach", "rtzr-client-secret") is not None)
        assert keyring.get_password("interview-coach", "rtzr-client-id") == "my-client"
        assert keyring.get_password("interview-coach", "rtzr-client-secret") == "rtzr-secret-987"
        assert desktop.ctx.preferences.stt_backend == "rtzr"
        assert desktop.ctx.cloud.settings.rtzr_stream_url == "ws://127.0.0.1:9/v1/transcribe:streaming"
        qtbot.waitUntil(lambda: settings.cloud.rtzr_secret.text() == "")  # not left on screen either
    settings_file = (tmp_path / "config" / "preferences.json").read_text("utf-8")
    assert "rtzr-secret" not in settings_file and "my-client" not in settings_file
