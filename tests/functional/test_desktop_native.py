"""The desktop app when native code crashes, and what a candidate sends with a bug report: llama.cpp faulting
in its probe leaves the app running with the reason shown and the bank asking; Help → Open log folder; an
unexpected error offers the log's end."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from engine.config.preferences import Preferences
from engine.interview.events import QuestionAsked
from engine.llm.lifecycle import LlmStage
from engine.native.probe import FAULT_ENV
from engine.runtime import logs
from engine.runtime.logs import setup_logging
from tests.desktop_harness import open_desktop, start_interview
from tests.fake_sounddevice import FakeSoundDevice
from tests.llm_support import smollm2_path


def test_a_crash_in_the_llama_probe_leaves_the_app_running_with_the_reason_shown(
    qtbot: Any, qloop: Any, tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTERVIEW_COACH_CACHE_DIR", str(tmp_path / "cache"))  # this crash verdict stays here
    monkeypatch.setenv(FAULT_ENV, "llama")
    prefs = Preferences(data_dir=str(tmp_path / "data"), first_run_done=True).with_changes(
        llm_mode="file", llm_path=str(smollm2_path()), llm_context=2048
    )
    with open_desktop(qtbot, tmp_path, sd=FakeSoundDevice(None), preferences=prefs) as desktop:
        qtbot.waitUntil(lambda: desktop.ctx.llm_status.stage is LlmStage.FAILED, timeout=60_000)
        box = desktop.ctx.errors.last_box
        assert box is not None and box.isVisible()
        assert box.windowTitle() == "Interviewer model problem"
        assert "crashed when it was tried on this computer (SIGILL" in box.text()
        assert "model server" in box.text()
        desktop.shoot("llama-probe-crashed")
        box.close()
        assert desktop.window.isVisible()
        # The interview still runs: the bank asks.
        events: list[object] = []
        desktop.window.practice.runner.engine_event.connect(events.append)
        start_interview(qtbot, desktop)
        asked = [e for e in events if isinstance(e, QuestionAsked)]
        assert asked and asked[0].source == "bank"


class _UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_help_opens_the_log_folder(qtbot: Any, qloop: Any, tmp_path: Path, data_dir: Path) -> None:
    catcher = _UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")  # Qt's own hook: no file manager starts
    try:
        prefs = Preferences(data_dir=str(tmp_path / "data"), first_run_done=True)
        with open_desktop(qtbot, tmp_path, sd=FakeSoundDevice(None), preferences=prefs) as desktop:
            window = desktop.window
            assert window.help_menu.title() == "&Help"
            assert window.open_logs_action.text() == "Open log folder"
            window.open_logs_action.trigger()
            assert [Path(url.toLocalFile()) for url in catcher.urls] == [window.log_folder()]
            assert window.log_folder().is_dir()
    finally:
        QDesktopServices.unsetUrlHandler("file")


def test_an_unexpected_error_offers_to_copy_the_log_end(
    qtbot: Any, qloop: Any, tmp_path: Path, data_dir: Path, app_log: Path
) -> None:
    setup_logging(folder=app_log)
    prefs = Preferences(data_dir=str(tmp_path / "data"), first_run_done=True)
    with open_desktop(qtbot, tmp_path, sd=FakeSoundDevice(None), preferences=prefs) as desktop:
        errors = desktop.ctx.errors
        try:
            raise KeyError("a bug nobody expected")
        except KeyError as bug:
            with qtbot.waitSignal(errors.shown, timeout=5_000):
                errors.show(bug)
        box = errors.last_box
        assert box is not None
        assert "KeyError" in box.text() and str(app_log) in box.text(), "the message says where the log is"
        copy = next(b for b in box.buttons() if b.objectName() == "copyLogButton")
        assert box.buttonRole(copy) is QMessageBox.ButtonRole.ActionRole
        QApplication.clipboard().clear()
        copy.click()
        copied = QApplication.clipboard().text()
        assert "unexpected error shown to the user" in copied and "a bug nobody expected" in copied


def test_a_crash_last_time_is_said_at_the_next_start(
    qtbot: Any, qloop: Any, tmp_path: Path, data_dir: Path, app_log: Path
) -> None:
    app_log.mkdir(parents=True)
    logs.faults_file(app_log, 999_999_999).write_text(  # from a run that is gone (no process has that pid)
        "Fatal Python error: Illegal instruction\n\nThread 0x1 (most recent call first):\n"
    )
    setup_logging(folder=app_log)
    prefs = Preferences(data_dir=str(tmp_path / "data"), first_run_done=True)
    with open_desktop(qtbot, tmp_path, sd=FakeSoundDevice(None), preferences=prefs) as desktop:
        box = desktop.ctx.errors.last_box
        assert box is not None
        assert "stopped unexpectedly last time" in box.text() and str(app_log) in box.text()
        desktop.shoot("crash-last-time")


def test_a_damaged_history_is_said_at_start_and_the_app_goes_on(
    qtbot: Any, qloop: Any, tmp_path: Path, data_dir: Path
) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "interview-coach.sqlite3").write_bytes(b"\x00garbage" * 8192)
    prefs = Preferences(data_dir=str(tmp_path / "data"), first_run_done=True)
    with open_desktop(qtbot, tmp_path, sd=FakeSoundDevice(None), preferences=prefs) as desktop:
        qtbot.waitUntil(lambda: desktop.ctx.errors.last_box is not None, timeout=10_000)
        box = desktop.ctx.errors.last_box
        assert box.windowTitle() == "Storage problem" and "was damaged" in box.text()
        assert desktop.window.isVisible()
        desktop.shoot("history-recovered")
