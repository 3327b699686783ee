"""The AI interviewer in the desktop app: model questions and follow-ups, scores in the review, settings,
the EXAONE licence before a download, and the API key kept in a keyring (never the settings file)."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from desktop.main_window import Screen
from engine.config.preferences import Preferences
from engine.interview.events import AnswerFinished, QuestionAsked, QuestionText
from engine.llm.lifecycle import LlmStage
from models.llm_catalogue import EXAONE_4_0_1_2B
from tests.conftest import speech_file
from tests.desktop_harness import open_desktop, start_interview
from tests.fake_sounddevice import FakeSoundDevice
from tests.llm_support import smollm2_path


def _prefs(tmp_path: Path, **changes: Any) -> Preferences:
    return Preferences(data_dir=str(tmp_path / "data"), first_run_done=True).with_changes(**changes)


def test_the_interviewer_model_asks_a_follow_up_and_the_review_shows_its_scores(
    qtbot: Any, qloop: Any, tmp_path: Path, data_dir: Path
) -> None:
    prefs = _prefs(tmp_path, llm_mode="file", llm_path=str(smollm2_path()), llm_context=4096)
    answers = [speech_file("en/librispeech_2412-153948-0000.flac"), speech_file("en/jfk.flac")]
    with open_desktop(qtbot, tmp_path, sd=FakeSoundDevice(None), preferences=prefs, answers=answers) as desktop:
        # The answers come from files faster than speech: the model is waited for, rather than the bank asking
        # in its place (that is test_llm_prefix_state.py's).
        desktop.ctx.question_start_s = None
        # A 135M model sampled afresh sometimes writes no usable question ("[Note: 1) …"): the run is repeatable.
        desktop.ctx.model_seed = 7
        practice = desktop.window.practice
        start_interview(qtbot, desktop, questions=1)
        events: list[object] = []
        practice.runner.engine_event.connect(events.append)
        with qtbot.waitSignal(
            practice.runner.engine_event,
            timeout=120_000,
            check_params_cb=lambda e: isinstance(e, QuestionAsked) and e.number == 2,
        ) as asked:
            qtbot.mouseClick(practice.answer_button, Qt.MouseButton.LeftButton)
        follow_up: QuestionAsked = asked.args[0]
        assert (follow_up.kind, follow_up.source) == ("follow_up", "model")
        assert any(isinstance(e, QuestionText) for e in events), "the question is shown as the model writes it"
        assert practice.question.text() == follow_up.text
        assert "follow-up" in practice.progress_label.text()
        qtbot.waitUntil(lambda: practice.answer_button.isEnabled(), timeout=30_000)
        with qtbot.waitSignal(desktop.window.review.loaded, timeout=180_000):
            qtbot.mouseClick(practice.answer_button, Qt.MouseButton.LeftButton)
        assert desktop.window.review.detail is not None
        detail = desktop.window.review.detail.session
        assert [q.follow_up for q in detail.questions] == [False, True]
        assert detail.interviewer_model
        review = desktop.window.review

        def texts() -> list[str]:
            blocks = [w for w in review.findChildren(QLabel) if w.objectName() == "rubricBlock"]
            return [b.text() for b in blocks if not b.isHidden()]

        # The interview is over at once; each review the model is still writing says so, then lands.
        assert len(texts()) == 2
        assert all("still writing" in t or "The interviewer's advice" in t or "has not reviewed" in t for t in texts())
        qtbot.waitUntil(lambda: not desktop.ctx.reviews_writing, timeout=240_000)
        # Each answer shows the model's advice, or says plainly that the model has not reviewed it.
        done = ("The interviewer's advice", "has not reviewed")
        qtbot.waitUntil(lambda: all(any(d in t for d in done) for t in texts()) and len(texts()) == 2, timeout=30_000)
        assert any(isinstance(e, AnswerFinished) for e in events)
        desktop.shoot("review-with-interviewer-scores")


def test_the_model_reads_the_set_up_ahead_and_keeps_it_for_the_next_interview(
    qtbot: Any, qloop: Any, tmp_path: Path, data_dir: Path
) -> None:
    from tests.llm_support import POSTING, RESUME

    prefs = _prefs(tmp_path, llm_mode="file", llm_path=str(smollm2_path()), llm_context=4096)
    with open_desktop(qtbot, tmp_path, sd=FakeSoundDevice(None), preferences=prefs) as desktop:
        states = desktop.ctx.paths.model_states
        setup = desktop.window.setup
        setup.role.setText("Backend engineer")
        setup.posting.setPlainText(POSTING * 4)
        setup.resume.setPlainText(RESUME * 4)
        # Nothing is started: once the form rests, the model reads it, and keeps it for the interview to come.
        qtbot.waitUntil(lambda: any(states.glob("*.state")), timeout=120_000)
        saved = {p.name for p in states.glob("*.state")}
        setup.company.setText("Acme")  # another set-up: read again, kept beside the first
        qtbot.waitUntil(lambda: len(list(states.glob("*.state"))) == 2, timeout=120_000)
        assert saved < {p.name for p in states.glob("*.state")}


def test_a_server_choice_is_saved_and_its_key_goes_to_the_keyring_only(
    qtbot: Any, qloop: Any, tmp_path: Path, data_dir: Path, keyring_file: Path
) -> None:
    import keyring

    with open_desktop(qtbot, tmp_path, sd=FakeSoundDevice(None), preferences=_prefs(tmp_path)) as desktop:
        desktop.window.show_screen(Screen.SETTINGS)
        page = desktop.window.settings.interviewer
        page.mode.setCurrentIndex(page.mode.findData("server"))
        page.url.setText("http://127.0.0.1:9/v1")  # nothing listens there
        page.server_model.setText("exaone")
        page.api_key.setText("sk-secret-123")
        failed = lambda status: status.stage is LlmStage.FAILED  # noqa: E731
        with qtbot.waitSignal(desktop.ctx.llmStatus, timeout=30_000, check_params_cb=failed):
            qtbot.mouseClick(desktop.window.settings.save_button, Qt.MouseButton.LeftButton)
        prefs = desktop.ctx.preferences
        chosen = (prefs.llm_mode, prefs.llm_server_url, prefs.llm_server_model)
        assert chosen == ("server", "http://127.0.0.1:9/v1", "exaone")
        assert keyring.get_password("interview-coach", "llm-api-key:http://127.0.0.1:9/v1") == "sk-secret-123"
        assert "does not answer" in page.status.text()
    settings_file = (tmp_path / "config" / "preferences.json").read_text("utf-8")
    assert "sk-secret" not in settings_file
    assert not any("sk-secret" in p.read_text("utf-8", "replace") for p in (tmp_path / "data").rglob("*.sqlite3*"))


@pytest.fixture
def mirror(monkeypatch: pytest.MonkeyPatch) -> Iterator[bytes]:
    payload = b"GGUF" + bytes(range(256)) * 4096
    sha = hashlib.sha256(payload).hexdigest()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            return

        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Length", str(len(payload)))
            self.send_header("X-Linked-Etag", f'"{sha}"')
            self.end_headers()
            self.wfile.write(payload)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("INTERVIEW_COACH_MODEL_MIRROR", f"http://127.0.0.1:{server.server_address[1]}")
    yield payload
    server.shutdown()
    server.server_close()


def _licence_box() -> QMessageBox | None:
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    return boxes[0] if boxes else None


def test_the_exaone_licence_is_accepted_before_the_first_download(
    qtbot: Any, qloop: Any, tmp_path: Path, data_dir: Path, mirror: bytes, models_dir: Path
) -> None:
    downloaded = models_dir / "llm" / EXAONE_4_0_1_2B.file_name  # the models folder is shared by the run
    downloaded.unlink(missing_ok=True)
    with open_desktop(qtbot, tmp_path, sd=FakeSoundDevice(None), preferences=_prefs(tmp_path)) as desktop:
        desktop.window.show_screen(Screen.SETTINGS)
        page = desktop.window.settings.interviewer
        page.mode.setCurrentIndex(page.mode.findData("file"))
        page.catalogue.setCurrentIndex(page.catalogue.findData(EXAONE_4_0_1_2B.id))
        page.download()
        qtbot.waitUntil(lambda: _licence_box() is not None, timeout=5_000)
        box = _licence_box()
        assert box is not None and "research purposes" in box.text()
        decline = next(b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.RejectRole)
        qtbot.mouseClick(decline, Qt.MouseButton.LeftButton)
        assert desktop.ctx.preferences.exaone_licence_accepted == ""
        assert not page.progress.isVisible()
        page.download()
        qtbot.waitUntil(lambda: _licence_box() is not None, timeout=5_000)
        box = _licence_box()
        assert box is not None
        accept = next(b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.AcceptRole)
        qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.path.text().endswith(EXAONE_4_0_1_2B.file_name), timeout=30_000)
        assert desktop.ctx.preferences.exaone_licence_accepted  # when it was accepted is recorded
        assert Path(page.path.text()).read_bytes() == mirror
        assert page.mode.currentData() == "file"
    downloaded.unlink()
