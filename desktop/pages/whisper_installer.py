"""Settings → The stored transcript → Install: a larger Whisper model downloaded into the models folder
(engine/stt/whisper_install.py), with its size before, progress during, and a stop that keeps what came."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from desktop.context import AppContext
from engine.errors import AppError
from models.catalogue import WHISPER_DOWNLOADS

log = logging.getLogger(__name__)


class WhisperInstaller(QWidget):
    installed = Signal(str)  # a model's name, once its folder is complete
    finished = Signal()  # an install ended: installed, stopped or failed (said in `status`)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.choice = QComboBox(objectName="whisperInstallBox")
        self.button = QPushButton(objectName="whisperInstallButton")
        self.button.clicked.connect(self._install_or_stop)
        self.bar = QProgressBar(objectName="whisperInstallBar")
        self.bar.hide()
        self.status = QLabel(objectName="whisperInstallStatus", wordWrap=True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # a server's error text, a folder's path
        self.status.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.choice, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        self._task: asyncio.Task[None] | None = None

    @property
    def busy(self) -> bool:
        return self._task is not None and not self._task.done()

    def offer(self, installed: tuple[str, ...]) -> None:
        """The catalogue's models not installed yet, with their size (kept while one downloads)."""
        if self.busy:
            return
        self.choice.clear()
        for name, spec in WHISPER_DOWNLOADS.items():
            if name not in installed:
                self.choice.addItem("", name)
                self.choice.setItemData(self.choice.count() - 1, spec.approx_bytes, Qt.ItemDataRole.UserRole + 1)
        self.retranslate()

    def retranslate(self) -> None:
        for i in range(self.choice.count()):
            gigabytes = f"{int(self.choice.itemData(i, Qt.ItemDataRole.UserRole + 1)) / 1e9:.1f}"
            text = self.tr("{model} (about {size} GB to download)").replace("{size}", gigabytes)
            self.choice.setItemText(i, text.replace("{model}", str(self.choice.itemData(i))))
        self.button.setText(self.tr("Stop") if self.busy else self.tr("Install"))

    def _install_or_stop(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
            self.button.setEnabled(False)  # until the download's thread has stopped (at its next chunk)
            return
        name = self.choice.currentData()
        if not name:
            return
        self.choice.setEnabled(False)
        self.bar.setRange(0, 0)  # busy until the server says how much
        self.bar.show()
        self.status.setText(self.tr("Downloading {model}…").replace("{model}", str(name)))
        self.status.show()
        self._task = self.ctx.tasks.spawn(self._install(str(name)), "install-whisper")
        self.retranslate()

    def _progress(self, done: int, total: int | None) -> None:
        if total:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(1000 * done / total))
            self.bar.setFormat(f"{done / 1e6:.0f} / {total / 1e6:.0f} MB")

    async def _install(self, name: str) -> None:
        from engine.stt.whisper_install import install_whisper  # the download stack loads when it is used

        folder = Path(self.ctx.preferences.models_folder())
        try:
            await install_whisper(name, folder, self._progress)
        except asyncio.CancelledError:
            self.status.setText(self.tr("Stopped. What was downloaded is kept; Install resumes from there."))
            raise
        except AppError as error:
            self.status.setText(error.message(self.ctx.errors.language))
        else:
            self.status.setText(
                self.tr(
                    "{model} is installed. Time it on your last answer, then Save to have it read your answers."
                ).replace("{model}", name)
            )
            self.installed.emit(name)
        finally:
            self.choice.setEnabled(True)
            self.button.setEnabled(True)
            self.bar.hide()
            self._task = None
            self.retranslate()
            self.finished.emit()
