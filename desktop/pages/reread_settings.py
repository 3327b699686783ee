"""Settings → The stored transcript: which installed speech model reads each answer again, what that trades,
and what the readings cost on this machine (measured on the candidate's own answers, kept in the history)."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.context import AppContext
from desktop.pages.base import set_form_labels
from desktop.pages.whisper_installer import WhisperInstaller
from engine import messages
from engine.config.preferences import Preferences
from engine.errors import AppError, StorageError
from engine.storage.reading_costs import ReadingCosts
from models.catalogue import installed_whisper

if TYPE_CHECKING:  # the trial loads the speech model's modules: imported when it runs, not at start
    from engine.interview.reading_trial import Trial

log = logging.getLogger(__name__)


class RereadSettings(QGroupBox):
    timed = Signal()  # a trial reading ended (measured, or why not)
    costs_shown = Signal()  # the figures measured so far were read and are shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("rereadSettings")
        self.model = QComboBox(objectName="rereadModelBox")
        self.model.currentIndexChanged.connect(lambda _index: self._show_costs())
        self.about = self._label("rereadAboutLabel")
        self.costs = self._label("rereadCostLabel")  # model names, and a loading error's text
        self.install = self._label("rereadInstallLabel")  # the models folder's path
        self.time_button = QPushButton(objectName="rereadTimeButton")
        self.time_button.clicked.connect(self._time_it)
        self.trial = self._label("rereadTrialLabel")  # a model's name, a loading error's text
        row = QHBoxLayout()
        row.addWidget(self.model, 1)
        row.addWidget(self.time_button)
        self.installer = WhisperInstaller(ctx)
        self.installer.installed.connect(self._installed)
        self.installer.finished.connect(self._refresh)
        self.form = QFormLayout(self)
        self.form.addRow(QLabel(), row)
        self.form.addRow(self.trial)
        self.trial.hide()  # until a trial is asked for
        for label in (self.about, self.costs):
            self.form.addRow(label)
        self.form.addRow(QLabel(), self.installer)
        self.form.addRow(self.install)
        self._measured: dict[str, ReadingCosts] | None = None  # None: not read yet (nothing is said meanwhile)
        self._live = ctx.preferences.speech_model  # loaded with the page (SettingsPage.load)
        self._missing = ""  # the chosen model, when its folder is not in the models folder

    @staticmethod
    def _label(name: str) -> QLabel:
        label = QLabel(objectName=name, wordWrap=True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def load(self, prefs: Preferences) -> None:
        """The installed models (a folder added since), the choice, and the costs measured so far."""
        self._live = prefs.speech_model
        self.model.blockSignals(True)  # refilling is not the user choosing
        self.model.clear()
        self.model.addItem("", "")
        installed = installed_whisper(prefs.models_folder())
        for name in installed:
            if name != prefs.speech_model:
                self.model.addItem(name, name)
        self._offer(installed)
        chosen = prefs.reread_model if prefs.reread_model != prefs.speech_model else ""  # the live one: first row
        self._missing = ""
        if chosen and self.model.findData(chosen) < 0:
            self.model.addItem(chosen, chosen)  # a folder of the user's, or chosen and gone since (said below)
            if not (Path(chosen) / "model.bin").is_file():
                self._missing = chosen
        self.model.setCurrentIndex(max(0, self.model.findData(chosen)))
        self.model.blockSignals(False)
        self.retranslate()
        self.ctx.tasks.spawn(self._read_costs(), "read-reread-costs")

    async def _read_costs(self) -> None:
        try:
            self._measured = await self.ctx.store.reread_costs()
        except StorageError as error:  # the figures are a help, not the page: it stays usable without them
            log.warning("the readings' costs could not be read: %s", error)
            return
        self._show_costs()
        self.costs_shown.emit()

    def _time_it(self) -> None:
        """Read the latest recorded answer with the chosen model, to show its cost here before it is used."""
        model = self.chosen()
        self.time_button.setEnabled(False)
        self.trial.setText(self.tr("Reading your last recorded answer with {model}…").replace("{model}", model))
        self.trial.show()
        self.ctx.tasks.spawn(self._run_trial(model), "time-a-reading")

    async def _run_trial(self, model: str) -> None:
        from engine.interview.reading_trial import time_a_reading

        settings = self.ctx.preferences.speech_settings()
        folder = self.ctx.preferences.models_folder()
        try:
            trial = await time_a_reading(self.ctx.store, replace(settings, model=model), folder)
        except AppError as error:  # the model did not load, or the recording cannot be read: said here
            self.trial.setText(error.message(self.ctx.errors.language))
        # CTranslate2 raises RuntimeError (a model file it cannot use, no memory): said here, the page goes on.
        except (RuntimeError, OSError, ValueError) as error:
            log.warning("timing %s failed: %s", model, error)
            failed = self.tr("{model} could not read your last answer: {error}").replace("{model}", model)
            self.trial.setText(failed.replace("{error}", str(error)))
        else:
            self.trial.setText(self._trial_line(trial))
            await self._read_costs()
        finally:
            self.time_button.setEnabled(True)
            self.timed.emit()

    def _trial_line(self, trial: Trial | None) -> str:
        if trial is None:
            return self.tr("Practise one answer first: the timing reads your last recorded answer.")
        text = self.tr(
            "{model} read your last answer ({audio} s) in {cost} s: {per} s per minute of answer, after {load} s "
            "to load."
        )
        figures = {
            "{audio}": f"{trial.audio_s:.0f}",
            "{cost}": f"{trial.cost_s:.1f}",
            "{per}": f"{trial.per_minute_s:.0f}",
            "{load}": f"{trial.load_s:.1f}",
        }
        for key, value in figures.items():
            text = text.replace(key, value)
        return text.replace("{model}", trial.model)

    def _offer(self, installed: tuple[str, ...]) -> None:
        """The catalogue's models not installed yet; the row goes when all are."""
        self.installer.offer(installed)
        self.form.setRowVisible(self.installer, self.installer.choice.count() > 0)

    def _refresh(self) -> None:
        """An install ended (a model may have come even when stopped at its last chunk): the lists again, the
        choice kept."""
        self.load(self.ctx.preferences.with_changes(reread_model=self.model.currentData() or ""))

    def _installed(self, name: str) -> None:
        """A model came: offered, and chosen (saving keeps the choice)."""
        self.load(self.ctx.preferences.with_changes(reread_model=name))

    def changes(self) -> dict[str, Any]:
        return {"reread_model": self.model.currentData() or ""}

    def chosen(self) -> str:
        """The model that will read answers again: the chosen one, or the live one."""
        return str(self.model.currentData() or self._live)

    def retranslate(self) -> None:
        self.setTitle(self.tr("The stored transcript"))
        set_form_labels(self.form, (self.tr("Read again by"), "", "", "", self.tr("Add a model")))
        self.installer.retranslate()
        self.time_button.setText(self.tr("Time it on my last answer"))
        self.time_button.setToolTip(
            self.tr("Reads your last recorded answer with the chosen model and shows what it cost. Nothing is changed.")
        )
        self.model.setItemText(0, self.tr("The live model ({model})").replace("{model}", self._live))
        self.about.setText(
            self.tr(
                "While you answer, the text you see comes from the live speech model ({model}). Each answer is "
                "then read again in one pass, and that reading is what your feedback, scores, history and PDF "
                "report use. A larger model (small, medium, large-v3-turbo) reads more accurately, above all in "
                "Korean, but takes longer and needs more memory. It reads in the background and gives way to "
                "the live text; a review opened right after an answer may wait longer for it."
            ).replace("{model}", self._live)
        )
        folder = str(Path(self.ctx.preferences.models_folder()) / "whisper-small")
        self.install.setText(
            self.tr(
                "Or add one yourself: put its CTranslate2 files (model.bin, config.json, tokenizer.json and "
                "the vocabulary), such as Systran's faster-whisper-small, in a folder like {folder}, then open "
                "Settings again."
            ).replace("{folder}", folder)
        )
        self._show_costs()

    def _show_costs(self) -> None:
        chosen = self.chosen()
        lines = []
        failed = self.ctx.keeper.failure_notice(self.ctx.errors.language)
        if failed is not None:  # the chosen model did not load at this start: the live one reads
            lines.append(messages.text(failed[0], self.ctx.errors.language, **dict(failed[1])))
        elif chosen == self._missing:  # chosen once, and its folder is gone since
            folder = str(self.ctx.preferences.models_folder())
            lines.append(
                self.tr("{model} is not in {folder} any more: put its folder back there, or choose another model.")
                .replace("{model}", chosen)
                .replace("{folder}", folder)
            )
        measured_so_far = self._measured if self._measured is not None else {}
        shown = [chosen, *(name for name in measured_so_far if name != chosen)] if self._measured is not None else []
        for name in shown:
            measured = measured_so_far.get(name)
            if measured is not None:
                lines.append(self._cost_line(measured))
            elif name == chosen:
                lines.append(
                    self.tr(
                        "{model} has not read an answer on this computer yet: what it costs shows here after "
                        "your next answer, or time it now on your last one."
                    ).replace("{model}", name)
                )
        self.costs.setText("\n".join(lines))

    def _cost_line(self, measured: ReadingCosts) -> str:
        if measured.readings == 1:
            text = self.tr("On this computer, {model} took {cost} s per minute of answer, in its one reading so far.")
        else:
            text = self.tr("On this computer, {model} took {cost} s per minute of answer, over its last {n} readings.")
        text = text.replace("{n}", str(measured.readings)).replace("{cost}", f"{measured.per_minute_s:.0f}")
        if measured.timed == 1 and measured.ready_median_s is not None:
            ready = self.tr("Once, timed from the end of an answer: its transcript was ready {median} s later.")
            text += " " + ready.replace("{median}", f"{measured.ready_median_s:.0f}")
        elif measured.ready_median_s is not None and measured.ready_p90_s is not None:
            ready = self.tr(
                "After an answer ended, its transcript was usually ready {median} s later (9 in 10 within {p90} s)."
            )
            text += " " + ready.replace("{median}", f"{measured.ready_median_s:.0f}").replace(
                "{p90}", f"{measured.ready_p90_s:.0f}"
            )
        return text.replace("{model}", measured.model)
