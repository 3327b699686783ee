"""Set-up's "How to practise" box: practice or real mode (with a format's timing, or the candidate's own),
the interviewer's persona, the closing "any questions for us?" turn, and the weak-spot drill's button."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from desktop.pages.base import set_form_labels
from engine.interview.config import InterviewConfig
from engine.interview.modes import ANSWER_RANGE, DEFAULT_PRESET, PREP_RANGE, PRESETS, Mode, Persona, Timing

CUSTOM = "custom"


class PracticeOptions(QGroupBox):
    drillRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("practiceOptions")
        self.mode = QComboBox(objectName="modeBox")
        for mode in Mode:
            self.mode.addItem("", mode.value)
        self.preset = QComboBox(objectName="presetBox")
        for name in PRESETS:
            self.preset.addItem("", name)
        self.preset.addItem("", CUSTOM)
        self.preset.setCurrentIndex(self.preset.findData(DEFAULT_PRESET))
        self.prep = QDoubleSpinBox(objectName="prepSeconds", decimals=0, singleStep=5)
        self.prep.setRange(*PREP_RANGE)
        self.answer = QDoubleSpinBox(objectName="answerSeconds", decimals=0, singleStep=10)
        self.answer.setRange(*ANSWER_RANGE)
        self.persona = QComboBox(objectName="personaBox")
        for persona in Persona:
            self.persona.addItem("", persona.value)
        self.persona.setCurrentIndex(self.persona.findData(Persona.NEUTRAL.value))
        self.closing = QCheckBox(objectName="closingBox")  # off: "Questions: 5" means five, as it always did
        self.drill_button = QPushButton(objectName="drillButton")
        self.drill_button.clicked.connect(self.drillRequested)
        self.drill_button.setEnabled(False)
        self.explain = QLabel(objectName="modeExplain", wordWrap=True)
        timing = QHBoxLayout()
        timing.addWidget(self.prep)
        timing.addWidget(self.answer)
        self.form = QFormLayout(self)
        self.form.addRow(QLabel(), self.mode)
        self.form.addRow(QLabel(), self.explain)
        self.form.addRow(QLabel(), self.preset)
        self.form.addRow(QLabel(), timing)
        self.form.addRow(QLabel(), self.persona)
        self.form.addRow(QLabel(), self.closing)
        self.form.addRow(QLabel(), self.drill_button)
        self.mode.currentIndexChanged.connect(self._show_mode)
        self.preset.currentIndexChanged.connect(self._apply_preset)
        self._apply_preset()
        self._due = 0

    def retranslate(self) -> None:
        self.setTitle(self.tr("How to practise"))
        set_form_labels(
            self.form,
            (self.tr("Mode"), "", self.tr("Format"), self.tr("Seconds"), self.tr("Interviewer"), "", ""),
        )
        modes = {"practice": self.tr("Practice"), "real": self.tr("Real interview")}
        for i in range(self.mode.count()):
            self.mode.setItemText(i, modes[self.mode.itemData(i)])
        presets = {
            "ai_interview_short": self.tr("AI interview: 30 s to prepare, 50 s to answer"),
            "ai_interview_long": self.tr("AI interview: 30 s to prepare, 1 min 30 s to answer"),
            "phone_screen": self.tr("Phone screen: 5 s to prepare, 2 min to answer"),
            CUSTOM: self.tr("My own timing"),
        }
        for i in range(self.preset.count()):
            self.preset.setItemText(i, presets[self.preset.itemData(i)])
        self.prep.setPrefix(self.tr("prepare "))
        self.prep.setSuffix(self.tr(" s"))
        self.answer.setPrefix(self.tr("answer "))
        self.answer.setSuffix(self.tr(" s"))
        personas = {
            "friendly": self.tr("Friendly: encouraging, asks for more when an answer is short"),
            "neutral": self.tr("Neutral: asks the questions as they are"),
            "pressure": self.tr("Pressure: presses on vague answers"),
        }
        for i in range(self.persona.count()):
            self.persona.setItemText(i, personas[self.persona.itemData(i)])
        self.closing.setText(self.tr('End with "Do you have any questions for us?"'))
        self._show_mode()
        self.show_due(self._due)

    def _show_mode(self) -> None:
        real = self.mode.currentData() == Mode.REAL.value
        for widget in (self.preset, self.prep, self.answer):
            widget.setEnabled(real)
        self.explain.setText(
            self.tr(
                "No hints. Each question gives you time to prepare, then the answer starts on its own and ends "
                "at its time limit (what you said is kept); the next question follows."
            )
            if real
            else self.tr(
                "Hints show what each answer is judged on. No time limit; the interview waits for you between "
                "questions."
            )
        )

    def _apply_preset(self) -> None:
        timing = PRESETS.get(self.preset.currentData())
        custom = timing is None
        self.prep.setReadOnly(not custom)
        self.answer.setReadOnly(not custom)
        if timing is not None:
            self.prep.setValue(timing.prep_s)
            self.answer.setValue(timing.answer_s)

    def show_due(self, due: int) -> None:
        """How many questions the weak-spot drill has due; its button says why it is off when none are."""
        self._due = due
        self.drill_button.setEnabled(due > 0)
        if due:
            self.drill_button.setText(self.tr("Drill my weak spots ({due} due)").replace("{due}", str(due)))
        else:
            self.drill_button.setText(self.tr("Drill my weak spots (none due yet)"))

    def timing(self) -> Timing:
        """Real mode's preparation and answer limits as chosen here."""
        return Timing(self.prep.value(), self.answer.value())

    def applied(self, config: InterviewConfig) -> InterviewConfig:
        mode = Mode(self.mode.currentData())
        timing = self.timing() if mode is Mode.REAL else None
        return replace(
            config,
            mode=mode,
            timing=timing,
            persona=Persona(self.persona.currentData()),
            closing_turn=self.closing.isChecked(),
        )
