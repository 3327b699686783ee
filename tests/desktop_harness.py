"""Starts the real desktop app (window, engine, SQLite, Whisper) inside a test, with injected audio."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from desktop.app import Launch, prepare, run_app
from desktop.main_window import MainWindow
from engine.audio.file_source import FileSource
from engine.config.preferences import LoadedPreferences, Preferences


@dataclass
class Desktop:
    window: MainWindow
    launch: Launch
    task: asyncio.Task[int]
    shots: Path
    sd: Any
    taken: list[Path] = field(default_factory=list)

    @property
    def ctx(self) -> Any:
        return self.window.ctx

    def shoot(self, name: str) -> Path:
        """Save the window as it is now; the test run keeps every screen for a person to look at."""
        QApplication.processEvents()
        path = self.shots / f"{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        assert self.window.grab().save(str(path)), path
        self.taken.append(path)
        return path


def answer_files(paths: list[Path], *, realtime: bool = False) -> Callable[[], FileSource]:
    """Answer N comes from file N (the microphone's place), at full speed or paced as a person speaks."""
    queue: Iterator[Path] = iter(paths)
    return lambda: FileSource(next(queue), realtime=realtime)


@contextlib.contextmanager
def open_desktop(
    qtbot: Any,
    tmp: Path,
    *,
    sd: Any,
    ui_language: str = "en",
    answers: list[Path] | None = None,
    preferences: Preferences | None = None,
    shots: Path | None = None,
    config_dir: Path | None = None,
    realtime: bool = False,
    voice: bool = False,
) -> Iterator[Desktop]:
    """Start the app on the running qasync loop (call from a test body), and close it on the way out.

    Everything happens inside the test body, so no engine task is alive between pytest's phases (pytest-qt
    processes Qt events there, outside the loop).
    """
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    loop = asyncio.get_running_loop()
    prefs = preferences or Preferences(data_dir=str(tmp / "data"))
    if not voice:
        # Answers read from files faster than real time would be muted by the turn-taking gate's wall-clock
        # tail; the spoken question and the gate have their own tests (test_interviewer_voice.py).
        prefs = prefs.with_changes(speak_questions=False)
    launch = Launch(
        config_dir=config_dir or tmp / "config",
        ui_language=ui_language,
        sd=sd,
        source_factory=answer_files(answers, realtime=realtime) if answers is not None else None,
        preferences=LoadedPreferences(prefs),
        keep_int8_copy=False,  # the run's shared models folder stays as it is: tests/functional/test_int8_copy.py
    )
    translations = prepare(app, launch)
    windows: list[MainWindow] = []
    launch.on_ready = windows.append
    task = loop.create_task(run_app(app, launch, translations), name="desktop-app")
    qtbot.waitUntil(lambda: bool(windows) or task.done(), timeout=30_000)
    if task.done():
        task.result()  # raises what stopped the start
    desktop = Desktop(windows[0], launch, task, shots or tmp / "screenshots", sd)
    try:
        yield desktop
    finally:
        for widget in QApplication.topLevelWidgets():
            if widget is not desktop.window and widget.isVisible():
                widget.close()  # message boxes left open by a test
        desktop.window.close()
        try:
            qtbot.waitUntil(task.done, timeout=60_000)
            translations.apply("en")  # take this app's translators off the shared QApplication
            # Every task the app started ended with it: none is left for the loop to destroy pending.
            left = [t for t in asyncio.all_tasks(loop) if t is not asyncio.current_task() and not t.done()]
            assert not left, f"tasks outlived the app: {left}"
        finally:
            # The shared QApplication outlives the test: its windows go with it, even after a failure. Left
            # closed but alive, each test's ~530 widgets stayed, and every later style sheet restyled them all
            # (the suite slowed test by test). Not while the app still runs: its task would use them.
            if task.done():
                for widget in QApplication.topLevelWidgets():
                    widget.deleteLater()
                QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert task.result() == 0


def start_interview(qtbot: Any, desktop: Desktop, language: str = "en", questions: int = 1) -> None:
    """From the set-up screen: start an interview and wait until the first question waits for an answer."""
    setup = desktop.window.setup
    setup.count.setValue(questions)
    setup.interview_language.setCurrentIndex(setup.interview_language.findData(language))
    with qtbot.waitSignal(desktop.window.practice.runner.awaitingChoice, timeout=30_000, check_params_cb=bool):
        qtbot.mouseClick(setup.start_button, Qt.MouseButton.LeftButton)
