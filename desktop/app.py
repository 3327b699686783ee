"""The desktop app's start: Qt application, fonts, language, theme, the qasync loop, and the main window.

The engine runs on the same asyncio loop, which qasync drives from Qt's event loop; model loading,
decoding and the database run on worker threads, so the window stays responsive.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.context import AppContext, SourceFactory
from desktop.errors import ErrorPresenter
from desktop.fonts import install_fonts
from desktop.i18n import Translations, system_language
from desktop.main_window import MainWindow
from desktop.signals import next_emission
from desktop.tasks import TaskOwner
from desktop.theme import apply_theme
from engine import messages
from engine import preferences as prefs_file
from engine.audio.recording import salvage_recordings
from engine.errors import AppError
from engine.logs import log_file, take_previous_crash
from engine.preferences import LoadedPreferences
from engine.storage.store import Store
from engine.stt.speech_model import ModelProgress, ModelStage, SpeechModel

log = logging.getLogger(__name__)

# Closing mid-answer: the answer's last words are transcribed and stored before the app exits, up to this.
CLOSE_GRACE_S = 15.0


@dataclass
class Launch:
    """How this run was asked to start (command line, tests, benchmarks)."""

    config_dir: Path | None = None
    data_dir: Path | None = None  # overrides the preference for this run
    ui_language: str | None = None  # overrides the preference for this run
    sd: ModuleType | Any = None  # sounddevice, or a stand-in
    source_factory: SourceFactory | None = None  # answers from somewhere other than the microphone
    trace: Callable[[str], None] | None = None  # start-up marks (bench/startup.py)
    preferences: LoadedPreferences | None = None
    on_ready: Callable[[MainWindow], None] | None = None
    errors: ErrorPresenter | None = None  # the running app's error presenter, once it exists


def qt_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv or sys.argv[:1])
        app.setApplicationName("Interview Coach")
        app.setOrganizationName("InterviewCoach")
    # run_app decides when to quit (after the last answer is stored), not Qt's last-window rule.
    app.setQuitOnLastWindowClosed(False)
    return app


def prepare(app: QApplication, launch: Launch) -> Translations:
    """Everything before the loop: preferences, fonts, language, theme."""
    if launch.preferences is None:
        launch.preferences = prefs_file.load(launch.config_dir)
    prefs = launch.preferences.preferences
    if launch.data_dir is not None:
        launch.preferences = LoadedPreferences(
            prefs.with_changes(data_dir=str(launch.data_dir)), launch.preferences.broken_copy
        )
    install_fonts(app)
    translations = Translations(app)
    translations.apply(launch.ui_language or prefs.ui_language or system_language())
    apply_theme(app, prefs.theme)
    return translations


async def run_app(app: QApplication, launch: Launch, translations: Translations) -> int:
    """The app's lifetime: open the history, show the window, load the model, wait for the window to close."""
    assert launch.preferences is not None
    prefs = launch.preferences.preferences
    errors = ErrorPresenter(translations.language)
    launch.errors = errors
    if launch.sd is None:
        import sounddevice  # PortAudio; imported here so a missing libportaudio is a message, not a crash

        launch.sd = sounddevice
    try:
        store = await Store.open(prefs.paths().database)
    except AppError as error:
        await _fatal(errors, error)
        return 2
    try:
        async with asyncio.TaskGroup() as group:
            tasks = TaskOwner(group, errors.show)
            model = SpeechModel(prefs.speech_settings(), prefs.models_folder())
            ctx = AppContext(
                prefs,
                store,
                model,
                tasks,
                errors,
                sd=launch.sd,
                config_dir=launch.config_dir,
                source_factory=launch.source_factory,
            )
            window = MainWindow(ctx)
            errors.parent_widget = window

            def language_changed(code: str) -> None:
                translations.apply(code or system_language())
                errors.language = translations.language

            ctx.languageChanged.connect(language_changed)
            ctx.preferencesChanged.connect(lambda p: apply_theme(app, p.theme))
            closed = asyncio.Event()
            window.closed.connect(closed.set)
            window.show()
            _mark(launch, "window_shown")
            _trace_ready(launch, ctx)
            model.start()  # after the window is up: it loads in the background with progress
            ctx.open_language_model()  # the interviewer model too, so the first question never waits on it
            tasks.spawn(_report_recovered(store, window), "recover-interrupted")
            tasks.spawn(model.get(), "speech-model-ready")  # a model that cannot load is said at once
            if store.recovery is not None:
                errors.show_text(
                    messages.text("error.title.storage", errors.language),
                    store.recovery.message(errors.language),
                    QMessageBox.Icon.Information,
                )
            if take_previous_crash():
                errors.show_text(
                    messages.text("error.title.generic", errors.language),
                    messages.text("log.previous_crash", errors.language, log=str(log_file() or "-")),
                    QMessageBox.Icon.Information,
                )
            if launch.preferences.broken_copy is not None:
                errors.show(AppError("prefs.unreadable", path=str(launch.preferences.broken_copy)))
            if launch.on_ready is not None:
                launch.on_ready(window)
            await closed.wait()
            await _let_answer_finish(window)
            await tasks.close()
            await model.close()
            await ctx.close_language_model()
            await ctx.cloud.aclose()
    finally:
        await store.close()
    return 0


async def _report_recovered(store: Store, window: MainWindow) -> None:
    window.report_interrupted(await store.recover_interrupted())
    # Audio a killed process had recorded: its partial files become the FLACs the answers point to.
    await asyncio.to_thread(salvage_recordings, window.ctx.paths.recordings)


async def _let_answer_finish(window: MainWindow) -> None:
    runner = window.practice.runner
    if not runner.running:
        return
    with contextlib.suppress(TimeoutError):
        await next_emission(runner.ended, timeout=CLOSE_GRACE_S)


async def _fatal(errors: ErrorPresenter, error: AppError) -> None:
    """A start-up failure (the database cannot be opened): say what to do, then exit."""
    errors.show(error)
    box = errors.last_box
    if box is not None:
        await next_emission(box.finished)


def _mark(launch: Launch, name: str) -> None:
    if launch.trace is not None:
        launch.trace(name)


def _trace_ready(launch: Launch, ctx: AppContext) -> None:
    if launch.trace is None:
        return

    def watch(progress: ModelProgress) -> None:
        if progress.stage in (ModelStage.READY, ModelStage.FAILED):
            _mark(launch, "ready" if progress.stage is ModelStage.READY else "model_failed")

    ctx.modelProgress.connect(watch)


def stderr_trace(quit_when_ready: bool) -> Callable[[str], None]:
    """Start-up marks as JSON lines on stderr: {"mark": ..., "time": seconds since the epoch}."""

    def trace(name: str) -> None:
        print(json.dumps({"mark": name, "time": time.time()}), file=sys.stderr, flush=True)
        if quit_when_ready and name in ("ready", "model_failed"):
            app = QApplication.instance()
            if app is not None:
                for widget in QApplication.topLevelWidgets():
                    if isinstance(widget, MainWindow):
                        widget.close()

    return trace


def _route_uncaught_errors(launch: Launch) -> None:
    """An exception escaping a Qt slot is a bug: log it, and show the unexpected-error message with its
    copy-the-log button instead of only printing it to a console the candidate never sees."""

    def hook(kind: type[BaseException], error: BaseException, trace: Any) -> None:
        log.error("uncaught exception", exc_info=(kind, error, trace))
        presenter = launch.errors
        if presenter is not None and isinstance(error, Exception):
            presenter.show(error)

    sys.excepthook = hook


def main(launch: Launch, screenshot: tuple[Path, str] | None = None) -> int:
    import qasync  # asyncio on Qt's event loop

    app = qt_application()
    translations = prepare(app, launch)
    if screenshot is not None:
        from desktop.screenshot import capture_on_ready

        launch.on_ready = capture_on_ready(*screenshot)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    _route_uncaught_errors(launch)
    try:
        with loop:
            code: int = loop.run_until_complete(run_app(app, launch, translations))
            return code
    finally:
        asyncio.set_event_loop(None)
