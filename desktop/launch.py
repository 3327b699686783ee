"""The first frame: how this run was asked to start, the QApplication with the preferences' fonts, language
and theme, and the start window painted, all before anything heavy is imported.

`main.py` calls `first_frame()` before it imports `desktop.app`, so only Qt and these light modules stand
between the process start and a window on screen (`bench/startup.py` measures it against a bare PySide6
window; `tests/functional/test_boundaries.py` checks `sys.modules` at that moment).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QApplication

from desktop.fonts import install_fonts
from desktop.i18n import Translations, system_language
from desktop.start_window import StartWindow
from desktop.theme import apply_theme
from engine.config import preferences as prefs_file
from engine.config.preferences import LoadedPreferences

if TYPE_CHECKING:
    from desktop.context import SourceFactory
    from desktop.errors import ErrorPresenter
    from desktop.main_window import MainWindow


@dataclass
class Launch:
    """How this run was asked to start (command line, tests, benchmarks)."""

    config_dir: Path | None = None
    data_dir: Path | None = None  # overrides the preference for this run
    ui_language: str | None = None  # overrides the preference for this run
    sd: ModuleType | Any = None  # sounddevice, or a stand-in
    source_factory: SourceFactory | None = None  # answers from somewhere other than the microphone
    # Start-up marks (bench/startup.py): window_shown (the start window painted), main_window_shown,
    # ready (the speech model loaded too: one can practise) or model_failed, warm (the feedback's tables in).
    trace: Callable[[str], None] | None = None
    preferences: LoadedPreferences | None = None
    on_ready: Callable[[MainWindow], None] | None = None
    errors: ErrorPresenter | None = None  # the running app's error presenter, once it exists
    # The first start keeps the speech model's int8 copy for later starts (engine/stt/speech_model.py); the
    # tests, which start many apps on one models folder, leave it to the tests of the copy itself.
    keep_int8_copy: bool = True


@dataclass(frozen=True)
class FirstFrame:
    app: QApplication
    translations: Translations
    start: StartWindow


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


def first_frame(launch: Launch) -> FirstFrame:
    """The QApplication set up as the preferences say, and the start window painted."""
    app = qt_application()
    translations = prepare(app, launch)
    return FirstFrame(app, translations, show_start_window(launch))


def show_start_window(launch: Launch) -> StartWindow:
    start = StartWindow()
    start.show()
    QApplication.processEvents()  # paint it now, before the loop starts
    mark(launch, "window_shown")
    return start


def mark(launch: Launch, name: str) -> None:
    if launch.trace is not None:
        launch.trace(name)


def stderr_trace(quit_when_ready: bool) -> Callable[[str], None]:
    """Start-up marks as JSON lines on stderr: {"mark": ..., "time": seconds since the epoch}. With
    `quit_when_ready`, the app closes once it is ready and warm, or the model failed."""
    seen: set[str] = set()

    def trace(name: str) -> None:
        print(json.dumps({"mark": name, "time": time.time()}), file=sys.stderr, flush=True)
        seen.add(name)
        if quit_when_ready and ({"ready", "warm"} <= seen or name == "model_failed"):
            from desktop.main_window import MainWindow  # loaded by then: these marks follow the main window

            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, MainWindow):
                    widget.close()

    return trace
