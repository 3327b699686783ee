"""Settings → Interviewer: no model, a GGUF on this computer (from the catalogue or the user's own), or a
model server; the EXAONE licence, downloads with progress and cancel, the API key into the OS keyring."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from desktop.context import AppContext
from desktop.pages.base import set_form_labels
from engine import messages
from engine.config.preferences import Preferences
from engine.errors import AppError
from engine.llm import installer
from engine.llm.lifecycle import LlmStage, LlmStatus
from models.llm_catalogue import EXAONE_LICENCE_SUMMARY, EXAONE_LICENCE_URL, LLM_MODELS, LlmSpec

log = logging.getLogger(__name__)

MODES = ("none", "file", "server")


class InterviewerSettings(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("interviewerSettings")
        self.mode = QComboBox(objectName="llmModeBox")
        for mode in MODES:
            self.mode.addItem("", mode)
        self.mode.currentIndexChanged.connect(self._show_mode)
        self.path = QLineEdit(objectName="llmPathEdit")
        self.browse = QPushButton(objectName="llmBrowseButton")
        self.browse.clicked.connect(self._browse)
        self.catalogue = QComboBox(objectName="llmCatalogueBox")
        for spec in LLM_MODELS.values():
            self.catalogue.addItem("", spec.id)
        self.download_button = QPushButton(objectName="llmDownloadButton")
        self.download_button.clicked.connect(self.download)
        self.cancel_button = QPushButton(objectName="llmCancelButton")
        self.cancel_button.clicked.connect(self.cancel_download)
        self.cancel_button.hide()
        self.progress = QProgressBar(objectName="llmDownloadProgress")
        self.progress.hide()
        self.url = QLineEdit(objectName="llmUrlEdit")
        self.url.setPlaceholderText("http://127.0.0.1:8080/v1")
        self.server_model = QLineEdit(objectName="llmServerModelEdit")
        self.api_key = QLineEdit(objectName="llmApiKeyEdit")
        self.api_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.follow_ups = QCheckBox(objectName="followUpsBox")
        self.blind_check = QCheckBox(objectName="blindCheckBox")
        self.status = QLabel(objectName="llmStatusLabel", wordWrap=True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # a server's error text or a file's model name
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._download: asyncio.Task[None] | None = None
        self._recommended: str | None = None

        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        catalogue_row = QHBoxLayout()
        catalogue_row.addWidget(self.catalogue, 1)
        catalogue_row.addWidget(self.download_button)
        catalogue_row.addWidget(self.cancel_button)
        self.form = QFormLayout(self)
        self.form.addRow(QLabel(), self.mode)
        self.form.addRow(QLabel(), file_row)
        self.form.addRow(QLabel(), catalogue_row)
        self.form.addRow(QLabel(), self.progress)
        self.form.addRow(QLabel(), self.url)
        self.form.addRow(QLabel(), self.server_model)
        self.form.addRow(QLabel(), self.api_key)
        self.form.addRow(QLabel(), self.follow_ups)
        self.form.addRow(QLabel(), self.blind_check)
        self.form.addRow(QLabel(), self.status)
        ctx.llmStatus.connect(self._on_status)
        ctx.tasks.spawn(self._recommend(), "recommend-model")
        self.load(ctx.preferences)

    @property
    def language(self) -> str:
        return self.ctx.preferences.ui_language or "en"

    def retranslate(self) -> None:
        self.setTitle(self.tr("Interviewer"))
        set_form_labels(
            self.form,
            (
                self.tr("Questions and scores by"),
                self.tr("Model file"),
                self.tr("Download a model"),
                "",
                self.tr("Server address"),
                self.tr("Model name"),
                self.tr("API key"),
                self.tr("Follow-ups"),
                self.tr("Blind hiring"),
                self.tr("Status"),
            ),
        )
        names = {
            "none": self.tr("No model: questions from the bank, the app's own feedback"),
            "file": self.tr("A model file on this computer (.gguf)"),
            "server": self.tr("A model server (OpenAI-compatible: llama-server, vLLM, Ollama)"),
        }
        for i in range(self.mode.count()):
            self.mode.setItemText(i, names[self.mode.itemData(i)])
        for i in range(self.catalogue.count()):
            spec = LLM_MODELS[self.catalogue.itemData(i)]
            text = f"{spec.name} · {spec.size_bytes / 1e9:.1f} GB"
            if installer.is_installed(spec, self.ctx.preferences.models_folder()):
                text += " · " + self.tr("installed")
            if spec.id == self._recommended:
                text += " · " + self.tr("recommended for this computer")
            self.catalogue.setItemText(i, text)
        self.browse.setText(self.tr("Choose…"))
        self.download_button.setText(self.tr("Download"))
        self.cancel_button.setText(self.tr("Stop"))
        self.server_model.setPlaceholderText(self.tr("the server's default"))
        self.api_key.setPlaceholderText(self.tr("kept in the system keyring; empty: none"))
        self.follow_ups.setText(self.tr("Ask a follow-up about a substantial answer"))
        self.blind_check.setText(
            self.tr("Point out personal details in my answers (family, hometown, school, age, marriage, looks)")
        )
        self._on_status(self.ctx.llm_status)

    def load(self, prefs: Preferences) -> None:
        self.mode.setCurrentIndex(max(0, self.mode.findData(prefs.llm_mode)))
        self.path.setText(prefs.llm_path)
        self.url.setText(prefs.llm_server_url)
        self.server_model.setText(prefs.llm_server_model)
        self.follow_ups.setChecked(prefs.follow_ups)
        self.blind_check.setChecked(prefs.blind_check)
        self._show_mode()

    def changes(self) -> dict[str, Any]:
        return {
            "llm_mode": self.mode.currentData(),
            "llm_path": self.path.text().strip(),
            "llm_server_url": self.url.text().strip(),
            "llm_server_model": self.server_model.text().strip(),
            "follow_ups": self.follow_ups.isChecked(),
            "blind_check": self.blind_check.isChecked(),
        }

    async def store_api_key(self) -> None:
        """Into the OS keyring (never the settings file); only when the user typed one."""
        from engine.config.secrets import store_llm_api_key

        key, url = self.api_key.text(), self.url.text().strip()
        if key and url:
            await asyncio.to_thread(store_llm_api_key, url, key)
            self.api_key.clear()
            self.ctx.open_language_model(force=True)  # with the key it now has

    def _show_mode(self) -> None:
        mode = self.mode.currentData()
        for widget in (self.path, self.browse, self.catalogue, self.download_button):
            widget.setEnabled(mode == "file")
        for widget in (self.url, self.server_model, self.api_key):
            widget.setEnabled(mode == "server")

    def _on_status(self, status: LlmStatus) -> None:
        texts = {
            LlmStage.OFF: self.tr("No model in use."),
            LlmStage.LOADING: self.tr("Loading the model in the background…"),
            LlmStage.READY: self.tr("Ready: {name}").replace("{name}", status.name),
            LlmStage.FAILED: status.error.message(self.language) if status.error else "",
        }
        lines = [texts[status.stage], *(messages.text(key, self.language) for key in status.notes)]
        self.status.setText("\n".join(lines))

    async def _recommend(self) -> None:
        from engine.llm.hardware import recommended_model

        spec = await asyncio.to_thread(recommended_model)
        self._recommended = spec.id if spec else None
        if spec is not None and self.catalogue.currentIndex() == 0:
            self.catalogue.setCurrentIndex(max(0, self.catalogue.findData(spec.id)))
        self.retranslate()

    def _browse(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose a GGUF model file"), self.path.text())
        dialog.setNameFilter(self.tr("GGUF models (*.gguf)"))
        dialog.fileSelected.connect(self.path.setText)
        dialog.open()

    # -- downloads ------------------------------------------------------------------------------------
    def download(self) -> None:
        spec = LLM_MODELS[self.catalogue.currentData()]
        if self.ctx.preferences.exaone_licence_accepted:
            self._start_download(spec)
            return
        box = QMessageBox(self)
        box.setObjectName("licenceBox")
        box.setWindowTitle(self.tr("EXAONE licence"))
        box.setTextFormat(Qt.TextFormat.RichText)
        summary = EXAONE_LICENCE_SUMMARY.get(self.language, EXAONE_LICENCE_SUMMARY["en"])
        box.setText(f"<p>{summary}</p><p><a href='{EXAONE_LICENCE_URL}'>{EXAONE_LICENCE_URL}</a></p>")
        accept = box.addButton(self.tr("Accept and download"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Decline"), QMessageBox.ButtonRole.RejectRole)

        def decided() -> None:
            if box.clickedButton() is accept:
                self.ctx.update_preferences(exaone_licence_accepted=datetime.now(UTC).isoformat(timespec="seconds"))
                self._start_download(spec)

        box.finished.connect(decided)
        box.open()  # not exec(): no nested event loop inside the asyncio loop

    def _start_download(self, spec: LlmSpec) -> None:
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.download_button.setEnabled(False)
        self._download = self.ctx.tasks.spawn(self._run_download(spec), "download-model")

    def cancel_download(self) -> None:
        if self._download is not None and not self._download.done():
            self._download.cancel()

    def _on_progress(self, done: int, total: int | None) -> None:
        if total:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(done / total * 1000))
        self.progress.setFormat(f"{done / 1e6:,.0f} / {total / 1e6:,.0f} MB" if total else f"{done / 1e6:,.0f} MB")

    async def _run_download(self, spec: LlmSpec) -> None:
        models_dir = self.ctx.preferences.models_folder()
        try:
            path = await installer.install(
                spec,
                models_dir,
                licence_accepted=bool(self.ctx.preferences.exaone_licence_accepted),
                progress=self._on_progress,
            )
        except asyncio.CancelledError:
            self.status.setText(self.tr("Download stopped. Download again to resume where it stopped."))
            raise
        except AppError:
            raise  # the one error handler shows it, with what to do
        finally:
            self.cancel_button.hide()
            self.download_button.setEnabled(True)
        self.progress.hide()
        self.path.setText(str(path))
        self.mode.setCurrentIndex(self.mode.findData("file"))
        self.retranslate()
        self.status.setText(self.tr("Downloaded and verified. Save to use it."))
        log.info("installed %s at %s", spec.id, Path(path))
