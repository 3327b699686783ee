"""The main window: a navigation list beside the screens, a Help menu, and a status bar with the speech model's
state."""

from __future__ import annotations

import enum
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QWidget,
)

from desktop.context import AppContext
from desktop.pages.first_run import FirstRunPage
from desktop.pages.history_page import HistoryPage
from desktop.pages.practice_page import PracticePage
from desktop.pages.review_page import ReviewPage
from desktop.pages.settings_page import SettingsPage
from desktop.pages.setup_page import SetupPage
from desktop.pages.write_page import WritePage
from desktop.theme import icon
from engine.config.settings import default_log_dir
from engine.interview.config import InterviewConfig
from engine.interview.modes import Mode
from engine.runtime.logs import log_file
from engine.stt.speech_model import ModelProgress, ModelStage


class Screen(enum.StrEnum):
    FIRST_RUN = "first-run"
    SETUP = "setup"
    PRACTICE = "practice"
    REVIEW = "review"
    HISTORY = "history"
    SETTINGS = "settings"
    WRITE = "write"


# The navigation list: (screen, row). First run and review are reached from the flow, not the list.
NAVIGATION = (Screen.SETUP, Screen.WRITE, Screen.HISTORY, Screen.SETTINGS)


class MainWindow(QMainWindow):
    closed = Signal()
    screenChanged = Signal(str)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.resize(1120, 760)
        self.first_run = FirstRunPage(ctx)
        self.setup = SetupPage(ctx)
        self.practice = PracticePage(ctx)
        self.review = ReviewPage(ctx)
        self.history = HistoryPage(ctx)
        self.settings = SettingsPage(ctx)
        self.write = WritePage(ctx)
        self.pages: dict[Screen, QWidget] = {
            Screen.FIRST_RUN: self.first_run,
            Screen.SETUP: self.setup,
            Screen.PRACTICE: self.practice,
            Screen.REVIEW: self.review,
            Screen.HISTORY: self.history,
            Screen.SETTINGS: self.settings,
            Screen.WRITE: self.write,
        }
        self.stack = QStackedWidget()
        for page in self.pages.values():
            self.stack.addWidget(page)
        self.nav = QListWidget(objectName="navigation")
        self.nav.setFixedWidth(180)
        self.nav.setIconSize(QSize(18, 18))
        # Not focusable: a focused list with no current row selects its first row by itself, which would
        # jump away from first run or review. Ctrl+1..4 reach the same screens from the keyboard.
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for number, screen in enumerate(NAVIGATION, start=1):
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, lambda s=screen: self._shortcut(s))
        for _ in NAVIGATION:
            self.nav.addItem("")
        self.nav.currentRowChanged.connect(self._nav_chosen)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.model_label = QLabel(objectName="modelStatusLabel")
        self.model_bar = QProgressBar(objectName="statusModelBar")
        self.model_bar.setRange(0, 100)
        self.model_bar.setFixedWidth(140)
        self.statusBar().addPermanentWidget(self.model_label)
        self.statusBar().addPermanentWidget(self.model_bar)

        self.help_menu = self.menuBar().addMenu("")
        self.open_logs_action = self.help_menu.addAction("")
        self.open_logs_action.setObjectName("openLogFolder")
        self.open_logs_action.triggered.connect(self.open_log_folder)

        self.first_run.finished.connect(lambda: self.show_screen(Screen.SETUP))
        self.setup.startRequested.connect(self.start_interview)
        self.practice.sessionEnded.connect(self._interview_ended)
        self.review.practiseAgain.connect(lambda: self.show_screen(Screen.SETUP))
        self.review.retryRequested.connect(self.start_interview)
        self.review.exported.connect(self._report_saved)
        self.history.openSession.connect(self.open_review)
        self.history.drillRequested.connect(self.setup.start_drill)
        self.history.startRequested.connect(lambda: self.show_screen(Screen.SETUP))
        ctx.modelProgress.connect(self._show_model)
        self.retranslate()
        self.show_screen(Screen.SETUP if ctx.preferences.first_run_done else Screen.FIRST_RUN)

    def _report_saved(self, path: str) -> None:
        self.statusBar().showMessage(self.tr("Report saved: {path}").replace("{path}", path), 10_000)

    # -- labels -------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Interview Coach"))
        names = {
            Screen.SETUP: self.tr("Practice"),
            Screen.WRITE: self.tr("Write an answer"),
            Screen.HISTORY: self.tr("History"),
            Screen.SETTINGS: self.tr("Settings"),
        }
        icons = {
            Screen.SETUP: "practice",
            Screen.WRITE: "write",
            Screen.HISTORY: "history",
            Screen.SETTINGS: "settings",
        }
        for row, screen in enumerate(NAVIGATION):
            self.nav.item(row).setText(names[screen])
            self.nav.item(row).setIcon(icon(icons[screen]))
        self.help_menu.setTitle(self.tr("&Help"))
        self.open_logs_action.setText(self.tr("Open log folder"))
        self._show_model(self.ctx.model_progress)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_model(self, progress: ModelProgress) -> None:
        texts = {
            ModelStage.PREPARING: self.tr("Speech model: preparing"),
            ModelStage.LOADING: self.tr("Speech model: loading"),
            ModelStage.READY: self.tr("Speech model: ready"),
            ModelStage.FAILED: self.tr("Speech model: failed (see Settings)"),
        }
        self.model_label.setText(texts[progress.stage])
        # Loading has no measurable steps: a busy bar rather than one stuck at 0 %.
        self.model_bar.setRange(0, 0 if progress.stage is ModelStage.LOADING else 100)
        self.model_bar.setValue(100 if progress.stage is ModelStage.READY else round(progress.fraction * 100))
        self.model_bar.setVisible(progress.stage in (ModelStage.PREPARING, ModelStage.LOADING))

    # -- navigation ---------------------------------------------------------------------------------
    @property
    def current_screen(self) -> Screen:
        current = self.stack.currentWidget()
        return next(s for s, page in self.pages.items() if page is current)

    def show_screen(self, screen: Screen) -> None:
        self.stack.setCurrentWidget(self.pages[screen])
        row = NAVIGATION.index(screen) if screen in NAVIGATION else -1
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(row)
        self.nav.blockSignals(False)
        self.nav.setVisible(screen is not Screen.FIRST_RUN)  # first run is finished before anything else
        if screen is Screen.HISTORY:
            self.history.refresh()
        self.screenChanged.emit(screen.value)

    def _shortcut(self, screen: Screen) -> None:
        if self.nav.isEnabled() and self.nav.isVisible():
            self.show_screen(screen)

    def _nav_chosen(self, row: int) -> None:
        if 0 <= row < len(NAVIGATION):
            self.show_screen(NAVIGATION[row])

    def start_interview(self, config: InterviewConfig) -> None:
        if config.mode is Mode.REAL and config.timing is None:  # a retry of a session kept without its timers
            config = replace(config, timing=self.setup.options.timing())
        self.nav.setEnabled(False)  # the interview's own End button is the way out
        self.show_screen(Screen.PRACTICE)
        self.practice.start(config)

    def _interview_ended(self, session_id: int) -> None:
        self.nav.setEnabled(True)
        self.open_review(session_id)

    def open_review(self, session_id: int) -> None:
        self.review.show_session(session_id)
        self.show_screen(Screen.REVIEW)

    # -- help ---------------------------------------------------------------------------------------
    @staticmethod
    def log_folder() -> Path:
        current = log_file()
        return current.parent if current is not None else default_log_dir()

    def open_log_folder(self) -> None:
        """Show the log folder in the system's file manager: what a candidate sends with a bug report."""
        folder = self.log_folder()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # -- start-up notices ---------------------------------------------------------------------------
    def report_interrupted(self, session_ids: list[int]) -> None:
        """Sessions cut off by a crash or power cut: say so, and that what was said is kept."""
        if not session_ids:
            return
        ids = ", ".join(f"#{i}" for i in session_ids)
        self.ctx.errors.show_text(
            self.tr("Interrupted interview found"),
            self.tr(
                "Interview {ids} stopped unexpectedly last time. Everything said before it stopped is "
                "kept: open it from History."
            ).replace("{ids}", ids),
            QMessageBox.Icon.Information,
        )

    # -- closing ------------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.practice.runner.running:
            self.practice.runner.end()  # finish the answer in progress; what was said is stored
        self.closed.emit()
        super().closeEvent(event)
