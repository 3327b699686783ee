"""First run: interface language, microphone (live level, a 3-second test played back), model status."""

from __future__ import annotations

import asyncio
import logging

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.pages.base import Page, fill_devices, heading, set_form_labels
from desktop.theme import mark, primary
from desktop.widgets.meters import LevelMeter
from engine.audio.frames import SAMPLE_RATE
from engine.errors import AppError
from engine.stt.speech_model import ModelProgress, ModelStage

log = logging.getLogger(__name__)

TEST_SECONDS = 3
HEARD_DBFS = -50.0  # a level above this has picked up a voice, not just the room
LANGUAGE_NAMES = (("en", "English"), ("ko", "한국어"))  # each in its own language, never translated


class FirstRunPage(Page):
    finished = Signal()
    testPlayed = Signal(int)  # the microphone test played back this many samples

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("firstRunPage")
        self._monitor: asyncio.Task[None] | None = None
        self._recording: list[np.ndarray] | None = None
        self._recorded = asyncio.Event()

        self.title = heading()
        self.intro = QLabel(wordWrap=True)
        self.language_box = QComboBox(objectName="languageBox")
        for code, name in LANGUAGE_NAMES:
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(1 if self.language == "ko" else 0)
        self.language_box.currentIndexChanged.connect(self._language_chosen)
        self.device_box = QComboBox(objectName="deviceBox")
        self.device_box.currentIndexChanged.connect(self._device_chosen)
        self.meter = LevelMeter()
        self.test_button = QPushButton(objectName="testButton")
        self.test_button.clicked.connect(self._start_test)
        self.mic_status = QLabel(objectName="micStatus", wordWrap=True)
        self.model_bar = QProgressBar(objectName="modelBar")
        self.model_bar.setRange(0, 100)
        self.model_status = QLabel(objectName="modelStatus", wordWrap=True)
        self.interviewer_status = QLabel(objectName="interviewerStatus", wordWrap=True)
        self.continue_button = primary(QPushButton(objectName="continueButton"))
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self._continue)
        self.later_button = QPushButton(objectName="laterButton")  # no microphone here: written practice
        self.later_button.clicked.connect(self._continue)
        self.missing = mark(QLabel(objectName="firstRunMissing", wordWrap=True), "reason")
        self.heard = False  # the microphone has picked up a voice (the level rose above HEARD_DBFS)

        self.form = QFormLayout()
        self.form.addRow(QLabel(), self.language_box)
        mic_row = QHBoxLayout()
        mic_row.addWidget(self.device_box, 2)
        mic_row.addWidget(self.test_button)
        self.form.addRow(QLabel(), mic_row)
        self.form.addRow(QLabel(), self.meter)
        self.form.addRow(QLabel(), self.mic_status)
        self.form.addRow(QLabel(), self.model_bar)
        self.form.addRow(QLabel(), self.model_status)
        self.form.addRow(QLabel(), self.interviewer_status)
        column = QWidget()
        column.setMaximumWidth(760)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(column, 4)
        outer.addStretch(1)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(24, 36, 24, 24)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addSpacing(12)
        layout.addLayout(self.form)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.missing, 1)
        buttons.addWidget(self.later_button)
        buttons.addWidget(self.continue_button)
        layout.addLayout(buttons)

        ctx.modelProgress.connect(self._show_model)
        self._fill_devices()
        self.retranslate()

    # -- labels -------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome to Interview Coach"))
        self.intro.setText(
            self.tr(
                "Practise interviews out loud, privately: everything stays on this computer. "
                "Three quick checks and you are ready."
            )
        )
        self.test_button.setText(self.tr("Test: record 3 s and play back"))
        self.continue_button.setText(self.tr("Continue"))
        self.later_button.setText(self.tr("Set up later"))
        self.later_button.setToolTip(self.tr("Go on without these checks: you can practise in writing meanwhile."))
        self._show_steps()
        if self.device_box.count():
            self.device_box.setItemText(0, self.tr("System default"))
        if not self.mic_status.text() or self._recording is None:
            self.mic_status.setText(self.tr("Speak and watch the level move. Then try the test recording."))
        self.interviewer_status.setText(
            self.tr("No interviewer model installed yet: questions come from the built-in question bank.")
        )
        self._show_model(self.ctx.model_progress)

    def _show_model(self, progress: ModelProgress) -> None:
        self.model_bar.setRange(0, 0 if progress.stage is ModelStage.LOADING else 100)  # loading: busy
        self.model_bar.setValue(round(progress.fraction * 100))
        texts = {
            ModelStage.PREPARING: self.tr("Preparing the embedded speech model…"),
            ModelStage.LOADING: self.tr("Loading the speech model…"),
            ModelStage.READY: self.tr("Speech model ready (Whisper {name}, on this computer)."),
            ModelStage.FAILED: self.tr("The speech model could not be loaded. See the message shown, or Settings."),
        }
        if progress.stage is ModelStage.READY:
            self.model_bar.setValue(100)
        self.model_status.setText(texts[progress.stage].replace("{name}", self.ctx.preferences.speech_model))
        self._show_steps()

    def _show_steps(self) -> None:
        """Number the checks, tick those done, and let Continue say what is still missing."""
        progress = self.ctx.model_progress
        ready = progress.stage is ModelStage.READY
        ticks = {True: " ✓", False: ""}
        labels = (
            "1. " + self.tr("Interface language") + " ✓",
            "2. " + self.tr("Microphone") + ticks[self.heard],
            self.tr("Input level"),
            "",
            "3. " + self.tr("Speech model") + ticks[ready],
            "",
            self.tr("Interviewer (optional)"),
        )
        set_form_labels(self.form, labels)
        missing = []
        if not self.heard:
            missing.append(self.tr("a microphone that hears you (speak and watch the level)"))
        if not ready:
            percent = str(round(progress.fraction * 100))
            missing.append(self.tr("the speech model ({percent}% ready)").replace("{percent}", percent))
        self.continue_button.setEnabled(not missing)
        reason = self.tr("Continue once these are done: {missing}.").replace("{missing}", "; ".join(missing))
        self.missing.setText(reason if missing else "")
        self.continue_button.setToolTip(reason if missing else "")
        self.later_button.setVisible(bool(missing))

    # -- choices ------------------------------------------------------------------------------------
    def _fill_devices(self) -> None:
        problem = fill_devices(self.device_box, self.ctx, self.tr("System default"))
        if problem:
            self.mic_status.setText(problem)

    def _language_chosen(self) -> None:
        self.ctx.update_preferences(ui_language=self.language_box.currentData())

    def _device_chosen(self) -> None:
        self.ctx.update_preferences(input_device=self.device_box.currentData() or "")
        self._restart_monitor()

    def _continue(self) -> None:
        self.ctx.update_preferences(first_run_done=True)
        self.finished.emit()

    # -- the live level and the test ----------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._restart_monitor()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._stop_monitor()

    def _stop_monitor(self) -> None:
        if self._monitor is not None:
            self._monitor.cancel()
            self._monitor = None

    def _restart_monitor(self) -> None:
        self._stop_monitor()
        if self.isVisible():
            self._monitor = self.ctx.tasks.spawn(self._watch_microphone(), "first-run-microphone")

    async def _watch_microphone(self) -> None:
        source = self.ctx.microphone()
        try:
            async for frame in source.frames():
                self.meter.set_level(frame.level_dbfs())
                if not self.heard and self.meter.level_dbfs > HEARD_DBFS:
                    self.heard = True  # a voice (or any sound) reached it: the microphone works
                    self._show_steps()
                if self._recording is not None:
                    self._recording.append(frame.samples)
                    if sum(len(b) for b in self._recording) >= TEST_SECONDS * SAMPLE_RATE:
                        self._recorded.set()
        except AppError as error:
            # Shown in place (not as a pop-up): the user is choosing a device right here.
            self.mic_status.setText(error.message(self.language))
            self.test_button.setEnabled(False)

    def _start_test(self) -> None:
        self.ctx.tasks.spawn(self._test(), "first-run-test")

    async def _test(self) -> None:
        self.test_button.setEnabled(False)
        try:
            self._recorded.clear()
            self._recording = []
            self.mic_status.setText(self.tr("Recording… say a sentence now."))
            await self._recorded.wait()
            samples = np.concatenate(self._recording)[: TEST_SECONDS * SAMPLE_RATE]
            self._recording = None
            self.mic_status.setText(self.tr("Playing back what was recorded…"))
            await self.ctx.player.play(samples)
            self.mic_status.setText(
                self.tr("Did you hear yourself clearly? If not, choose another microphone and test again.")
            )
            self.testPlayed.emit(len(samples))
        finally:
            self._recording = None
            self.test_button.setEnabled(True)
