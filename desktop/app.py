"""The desktop app's lifetime: behind the start window (desktop/launch.py), the engine comes in, the speech
model starts loading, the history opens, and the main window takes the start window's place.

The engine is imported on a worker thread while the start window says what is loading; the speech model
starts loading as soon as its class is in; the feedback's tables load on a worker once the main window is
up. This module is imported after the first frame, so its own imports (asyncio among them) cost nothing
there.

The engine runs on the same asyncio loop, which qasync drives from Qt's event loop; model loading,
decoding and the database run on worker threads, so the window stays responsive.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import importlib
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.errors import ErrorPresenter
from desktop.gc_guard import GuiThreadCollector
from desktop.i18n import Translations, system_language
from desktop.launch import FirstFrame, Launch, first_frame, mark, prepare, show_start_window
from desktop.signals import next_emission
from desktop.start_window import StartWindow
from desktop.tasks import TaskOwner
from desktop.theme import apply_theme
from engine import messages
from engine.errors import AppError
from engine.runtime.logs import log_file, take_previous_crash

if TYPE_CHECKING:  # the heavy modules: imported in run_app, behind the start window
    from desktop.main_window import MainWindow
    from engine.storage.store import Store
    from engine.stt.speech_model import SpeechModel

__all__ = ["Launch", "main", "prepare", "run_app"]

log = logging.getLogger(__name__)

# Closing mid-answer: the answer's last words are transcribed and stored before the app exits, up to this.
CLOSE_GRACE_S = 15.0

# How long a thread running Python keeps the interpreter before handing it on (Python's default is 5 ms).
# At an answer's end several workers run Python at once (the re-read, the feedback, the database), and the
# event loop waited behind their turns: its longest stall was 27-34 ms on two cores, about 10 ms with 1 ms
# turns (bench/startup.py, docs/ARCHITECTURE.md).
GIL_TURN_S = 0.001


# What comes in behind the start window, on a worker thread so the window keeps painting, with what the
# window says meanwhile. Only engine modules (no Qt: an import contract) go to the worker; a Qt module
# imported off the GUI thread is not safe.
ENGINE_MODULES = (
    ("history", "engine.storage.store"),
    ("engine", "engine.audio.recording"),
    ("engine", "engine.audio.microphone"),
    ("engine", "engine.audio.playback"),
    ("screens", "engine.interview.session"),
    ("screens", "engine.interview.events"),
    ("screens", "engine.report.feedback_html"),
    ("screens", "engine.llm.installer"),
    ("screens", "engine.interview.documents"),
)


async def run_app(
    app: QApplication, launch: Launch, translations: Translations, start: StartWindow | None = None
) -> int:
    """The app's lifetime: show the start window, bring in the engine behind it, open the history, start the
    model, swap in the main window, wait for it to close. Python's collector runs on this (the GUI) thread
    meanwhile: a Qt object it frees on a worker would leave its timers firing at freed memory."""
    previous = sys.getswitchinterval()
    sys.setswitchinterval(GIL_TURN_S)
    try:
        with GuiThreadCollector():
            return await _run_app(app, launch, translations, start)
    finally:
        sys.setswitchinterval(previous)  # tests run many apps in one process


async def _run_app(app: QApplication, launch: Launch, translations: Translations, start: StartWindow | None) -> int:
    assert launch.preferences is not None
    prefs = launch.preferences.preferences
    errors = ErrorPresenter(translations.language)
    launch.errors = errors
    if start is None:
        start = show_start_window(launch)
    errors.parent_widget = start
    start.loading("engine")
    speech = await asyncio.to_thread(importlib.import_module, "engine.stt.speech_model")
    model: SpeechModel = speech.SpeechModel(prefs.speech_settings(), prefs.models_folder())
    model.start()  # first: it loads on its own thread while the rest comes in and the history opens
    try:
        for step, module in ENGINE_MODULES:
            start.loading(step)
            await asyncio.to_thread(importlib.import_module, module)
        if launch.sd is None:
            # PortAudio, on the GUI thread (it initialises per thread on Windows); imported here so a missing
            # libportaudio is a message, not a crash.
            launch.sd = importlib.import_module("sounddevice")
        from engine.storage.store import Store

        start.loading("history")
        store = await Store.open(prefs.paths().database)
    except BaseException as error:  # nothing else is running yet: stop the model, then say why or re-raise
        await model.close()
        if not isinstance(error, AppError):
            start.close()
            raise
        await _fatal(errors, error)
        start.close()
        return 2
    # The screens (Qt) on the GUI thread, now quick: the engine under them is in.
    from desktop.context import AppContext
    from desktop.main_window import MainWindow
    from engine.audio.recording import salvage_recordings
    from engine.feedback.assess import warm_up

    try:
        async with asyncio.TaskGroup() as group:
            tasks = TaskOwner(group, errors.show)
            start.loading("screens")
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

            # "Follow the system" follows a switch the OS makes while the app runs, too; the connection is to
            # the application's own hints, which outlive this window: it is undone when the window closes.
            def scheme_changed(_: object) -> None:
                apply_theme(app, ctx.preferences.theme)

            app.styleHints().colorSchemeChanged.connect(scheme_changed)
            closed = asyncio.Event()
            window.closed.connect(closed.set)
            window.setGeometry(start.geometry())
            window.show()
            start.close()
            mark(launch, "main_window_shown")
            # The feedback's tables load now, on a worker, not on the loop at the first answer's end.
            tasks.spawn(_warm_up(launch, model, warm_up), "feedback-warm-up")
            if launch.trace is not None:
                tasks.spawn(_announce_ready(launch, model), "ready-mark")
            ctx.open_language_model()  # the interviewer model too, so the first question never waits on it
            tasks.spawn(_report_recovered(store, window, salvage_recordings), "recover-interrupted")
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
            app.styleHints().colorSchemeChanged.disconnect(scheme_changed)
            await _let_answer_finish(window)
            await tasks.close()
            await ctx.keeper.close()
            await model.close()
            await ctx.close_language_model()
            await ctx.cloud.aclose()
    finally:
        await store.close()
        gc.unfreeze()  # what the app froze is the collector's again (tests run many apps in one process)
    return 0


async def _report_recovered(store: Store, window: MainWindow, salvage: Callable[[Path], object]) -> None:
    window.report_interrupted(await store.recover_interrupted())
    # Audio a killed process had recorded: its partial files become the FLACs the answers point to.
    await asyncio.to_thread(salvage, window.ctx.paths.recordings)
    # Then the answers whose re-read a closed or killed app never stored are read again, in the background.
    await window.ctx.keeper.catch_up()


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


async def _announce_ready(launch: Launch, model: SpeechModel) -> None:
    """The "ready" mark: the main window is up and the speech model loaded, so one can practise."""
    from engine.errors import ModelError

    try:
        await model.get()
    except ModelError:  # said to the user by the "speech-model-ready" task
        mark(launch, "model_failed")
        return
    mark(launch, "ready")


# Needed by the first answer, not by the main window: imported on a worker once the main window is up and
# the speech model has loaded (its native probe passed: CTranslate2 is safe to load in this process).
ANSWER_MODULES = (
    "engine.stt.local_session",  # onnxruntime, for the voice activity detector
    "engine.analysis.voice_delivery",  # and numpy.ma, which np.median would import mid-answer
)


async def _warm_up(launch: Launch, model: SpeechModel, warm_up: Callable[[], None]) -> None:
    """What the first answer needs that the main window does not (the local recogniser's modules, the
    feedback's tables: wordfreq, the stemmer, the question and STAR models) loads on a worker now, while the
    candidate sets up, instead of on the loop where the first answer would first need it. Then, on the first
    start only, the speech model's int8 copy is written and proven (about 1.4 s, then a probe in a child)."""
    from engine.errors import ModelError

    modules: tuple[str, ...] = ANSWER_MODULES
    loaded = True
    try:
        try:
            await model.get()
        except ModelError:  # said by the "speech-model-ready" task; its libraries stay out of this process
            modules = ANSWER_MODULES[1:]
            loaded = False
        for module in modules:
            await asyncio.to_thread(importlib.import_module, module)
        await asyncio.to_thread(warm_up)
        # Start-up's objects (the engine, the screens, the feedback's tables and models) live as long as the
        # app: collected once now and frozen out of the collector's sight, a full collection later scans only
        # what practice makes. One had fallen at an answer's end and held the loop (docs/ARCHITECTURE.md).
        gc.collect()
        gc.freeze()
        if loaded and launch.keep_int8_copy:  # later starts load this copy unconverted; nothing once it is kept
            await asyncio.to_thread(model.keep_int8_copy)
    finally:
        mark(launch, "warm")


def _route_uncaught_errors(launch: Launch) -> None:
    """An exception escaping a Qt slot is a bug: log it, and show the unexpected-error message with its
    copy-the-log button instead of only printing it to a console the candidate never sees."""

    def hook(kind: type[BaseException], error: BaseException, trace: Any) -> None:
        log.error("uncaught exception", exc_info=(kind, error, trace))
        presenter = launch.errors
        if presenter is not None and isinstance(error, Exception):
            presenter.show(error)

    sys.excepthook = hook


def main(launch: Launch, frame: FirstFrame | None = None, screenshot: tuple[Path, str] | None = None) -> int:
    import qasync  # asyncio on Qt's event loop

    frame = frame or first_frame(launch)
    if screenshot is not None:
        from desktop.screenshot import capture_on_ready

        launch.on_ready = capture_on_ready(*screenshot)
        launch.keep_int8_copy = False  # a shot closes the app at once: no work for later starts
    loop = qasync.QEventLoop(frame.app)
    asyncio.set_event_loop(loop)
    _route_uncaught_errors(launch)
    try:
        with loop:
            code: int = loop.run_until_complete(run_app(frame.app, launch, frame.translations, frame.start))
            return code
    finally:
        asyncio.set_event_loop(None)
