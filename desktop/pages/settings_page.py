"""Settings: microphone, speech recognition, interface language, folders, light or dark."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.pages.base import Page, fill_devices, heading, set_form_labels
from desktop.pages.cloud_settings import CloudSpeechSettings
from desktop.pages.first_run import LANGUAGE_NAMES
from desktop.pages.interviewer_settings import InterviewerSettings
from desktop.pages.reread_settings import RereadSettings
from engine.config.preferences import Preferences, Theme

COMPUTE_TYPES = ("int8", "int8_float32", "float32")
ESPEAK_VOICES = ("en-us", "en-gb", "ko")
# Changing these means reloading the model or reopening the database: they apply at the next start.
RESTART_FIELDS = ("data_dir", "models_dir", "speech_model", "reread_model", "compute_type")


class SettingsPage(Page):
    saved = Signal(bool)  # True when a restart is needed for everything to apply

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("settingsPage")
        self.title = heading()
        self.device = QComboBox(objectName="settingsDeviceBox")
        self.backend = QComboBox(objectName="backendBox")
        for backend in ("local", "google", "rtzr"):
            self.backend.addItem("", backend)
        self.model = QComboBox(objectName="modelBox")
        self.model.setEditable(True)  # a larger installed model, by name or folder
        self.model.addItem("base")
        self.compute = QComboBox(objectName="computeBox")
        for compute in COMPUTE_TYPES:
            self.compute.addItem(compute, compute)
        self.ui_language = QComboBox(objectName="uiLanguageBox")
        self.ui_language.addItem("", "")
        for code, name in LANGUAGE_NAMES:
            self.ui_language.addItem(name, code)
        self.theme = QComboBox(objectName="themeBox")
        for theme in Theme:
            self.theme.addItem("", theme.value)
        self.speak = QCheckBox(objectName="speakBox")
        self.voice = QComboBox(objectName="voiceBox")
        self.voice.addItem("", "")
        for name in ESPEAK_VOICES:
            self.voice.addItem(f"espeak-ng: {name}", name)
        self.rate = QSpinBox(objectName="rateBox")
        self.rate.setRange(80, 300)
        self.rate.setSingleStep(10)
        self.headset = QCheckBox(objectName="headsetBox")
        self.silence = QDoubleSpinBox(objectName="silenceBox")
        self.silence.setRange(0.0, 30.0)
        self.silence.setSingleStep(0.5)
        self.silence.setDecimals(1)
        self.data_dir = QLineEdit(objectName="dataDirEdit")
        self.models_dir = QLineEdit(objectName="modelsDirEdit")
        self.data_browse = QPushButton()
        self.models_browse = QPushButton()
        self.data_browse.clicked.connect(lambda: self._browse(self.data_dir))
        self.models_browse.clicked.connect(lambda: self._browse(self.models_dir))
        self.save_button = QPushButton(objectName="saveSettingsButton")
        self.save_button.clicked.connect(self.save)
        self.note = QLabel(objectName="settingsNote", wordWrap=True)
        self.interviewer = InterviewerSettings(ctx)
        self.cloud = CloudSpeechSettings(ctx)
        self.reread = RereadSettings(ctx)

        # Grouped as a candidate thinks of them; the jargon (model size, number format) under Advanced.
        self.advanced = QCheckBox(objectName="advancedBox")
        self.advanced.toggled.connect(self._show_advanced)
        self.groups: dict[str, tuple[QGroupBox, QFormLayout]] = {}
        rows: dict[str, list[QWidget | QHBoxLayout]] = {
            "microphone": [self.device, self.headset, self.silence],
            "speech": [self.backend, self.advanced, self.model, self.compute],
            "voice": [self.speak, self.voice, self.rate],
            "appearance": [self.ui_language, self.theme],
            "data": [
                self._folder_row(self.data_dir, self.data_browse),
                self._folder_row(self.models_dir, self.models_browse),
            ],
        }
        for name, widgets in rows.items():
            box = QGroupBox(objectName=f"{name}Group")
            form = QFormLayout(box)
            for widget in widgets:
                form.addRow(QLabel(), widget)
            self.groups[name] = (box, form)
        body = QWidget(objectName="settingsBody")
        scroll = QScrollArea(objectName="settingsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(32, 20, 32, 20)
        layout.addWidget(self.title)
        layout.addWidget(self.groups["microphone"][0])
        layout.addWidget(self.groups["speech"][0])
        layout.addWidget(self.reread)
        layout.addWidget(self.cloud)
        layout.addWidget(self.interviewer)
        layout.addWidget(self.groups["voice"][0])
        layout.addWidget(self.groups["appearance"][0])
        layout.addWidget(self.groups["data"][0])
        layout.addWidget(self.note)
        layout.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        layout.addLayout(bottom)
        self.load(ctx.preferences)
        self.retranslate()
        self._show_advanced(False)

    @staticmethod
    def _folder_row(edit: QLineEdit, button: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(button)
        return row

    def _show_advanced(self, shown: bool) -> None:
        form = self.groups["speech"][1]
        for widget in (self.model, self.compute):
            form.setRowVisible(widget, shown)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Settings"))
        titles = {
            "microphone": self.tr("Microphone"),
            "speech": self.tr("Speech recognition"),
            "voice": self.tr("The interviewer's voice"),
            "appearance": self.tr("Appearance"),
            "data": self.tr("Data"),
        }
        labels = {
            "microphone": (self.tr("Microphone"), self.tr("Headset"), self.tr("End an answer after")),
            "speech": (
                self.tr("Recognised by"),
                "",
                self.tr("Model size"),
                self.tr("Number format"),
            ),
            "voice": (self.tr("Read aloud"), self.tr("Voice"), self.tr("Speaking speed")),
            "appearance": (self.tr("Interface language"), self.tr("Light or dark")),
            "data": (self.tr("Data folder"), self.tr("Models folder")),
        }
        for name, (box, form) in self.groups.items():
            box.setTitle(titles[name])
            set_form_labels(form, labels[name])
        self.advanced.setText(self.tr("Show advanced settings (model size, number format)"))
        self.model.setToolTip(self.tr("A larger speech model is more accurate and slower: base is built in."))
        self.compute.setToolTip(self.tr("int8 is fastest; float32 is the most exact and the slowest."))
        self.backend.setItemText(0, self.tr("On this computer (Whisper)"))
        self.backend.setItemText(1, self.tr("Google Cloud (streaming; this computer takes over offline)"))
        self.backend.setItemText(2, self.tr("RTZR, Korean (streaming; this computer takes over offline)"))
        self.ui_language.setItemText(0, self.tr("Follow the system"))
        themes = {"system": self.tr("Follow the system"), "light": self.tr("Light"), "dark": self.tr("Dark")}
        for i in range(self.theme.count()):
            self.theme.setItemText(i, themes[self.theme.itemData(i)])
        if self.device.count():
            self.device.setItemText(0, self.tr("System default"))
        self.data_dir.setPlaceholderText(str(Preferences().paths().data_dir))
        self.models_dir.setPlaceholderText(self.tr("<data folder>/models"))
        self.speak.setText(self.tr("Read each question aloud"))
        self.voice.setItemText(0, self.tr("Automatic (the system's voice for the interview language)"))
        self.rate.setSuffix(" " + self.tr("words/min (the interviewer's voice)"))
        self.headset.setText(self.tr("I use headphones: keep the microphone on while the interviewer speaks"))
        self.silence.setSuffix(" " + self.tr("s of silence"))
        self.silence.setSpecialValueText(self.tr("never (button or Space only)"))
        self.data_browse.setText(self.tr("Choose…"))
        self.models_browse.setText(self.tr("Choose…"))
        self.save_button.setText(self.tr("Save"))
        self.interviewer.retranslate()
        self.cloud.retranslate()
        self.reread.retranslate()
        if not self.note.property("restart"):
            self.note.setText(self.tr("Folder and speech-model changes apply the next time the app starts."))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.load(self.ctx.preferences)  # a device plugged in, or a choice made on first run, since last time

    def load(self, prefs: Preferences) -> None:
        problem = fill_devices(self.device, self.ctx, self.tr("System default"))
        if problem:
            self.note.setText(problem)
        self.backend.setCurrentIndex(max(0, self.backend.findData(prefs.stt_backend)))
        self.model.setCurrentText(prefs.speech_model)
        self.compute.setCurrentIndex(max(0, self.compute.findData(prefs.compute_type)))
        self.ui_language.setCurrentIndex(max(0, self.ui_language.findData(prefs.ui_language)))
        self.theme.setCurrentIndex(max(0, self.theme.findData(prefs.theme.value)))
        self.speak.setChecked(prefs.speak_questions)
        self.voice.setCurrentIndex(max(0, self.voice.findData(prefs.voice)))
        self.rate.setValue(prefs.speech_rate_wpm)
        self.headset.setChecked(prefs.headset)
        self.silence.setValue(prefs.silence_end_s)
        self.data_dir.setText(prefs.data_dir)
        self.models_dir.setText(prefs.models_dir)
        self.interviewer.load(prefs)
        self.cloud.load(prefs)
        self.reread.load(prefs)

    def _browse(self, edit: QLineEdit) -> None:
        dialog = QFileDialog(self, self.tr("Choose a folder"), edit.text() or edit.placeholderText())
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(edit.setText)
        dialog.open()  # not exec(): no nested event loop inside the asyncio loop

    def save(self) -> None:
        old = self.ctx.preferences
        new = self.ctx.update_preferences(
            input_device=self.device.currentData() or "",
            stt_backend=self.backend.currentData(),
            speech_model=self.model.currentText().strip() or "base",
            compute_type=self.compute.currentData(),
            ui_language=self.ui_language.currentData(),
            theme=Theme(self.theme.currentData()),
            speak_questions=self.speak.isChecked(),
            voice=self.voice.currentData(),
            speech_rate_wpm=self.rate.value(),
            headset=self.headset.isChecked(),
            silence_end_s=self.silence.value(),
            data_dir=self.data_dir.text().strip(),
            models_dir=self.models_dir.text().strip(),
            **self.interviewer.changes(),
            **self.cloud.changes(),
            **self.reread.changes(),
        )
        self.ctx.tasks.spawn(self.cloud.store_credentials(), "store-cloud-credentials")
        self.ctx.tasks.spawn(self.interviewer.store_api_key(), "store-api-key")  # then reopens the server
        restart = any(getattr(old, f) != getattr(new, f) for f in RESTART_FIELDS)
        self.note.setProperty("restart", restart)
        self.note.setText(
            self.tr("Saved. Restart Interview Coach to use the new folders or speech model.")
            if restart
            else self.tr("Saved.")
        )
        self.saved.emit(restart)
