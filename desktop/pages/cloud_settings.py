"""Settings → Cloud speech: Google's key file and endpoint, RTZR's client id and secret (into the OS keyring,
never the settings file) and addresses, and the diagnostics panel: each provider's health as it changes."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.context import AppContext
from desktop.pages.base import set_form_labels
from engine import messages
from engine.config.preferences import Preferences
from engine.stt.cloud.health import HealthSnapshot
from engine.stt.cloud.session import PROVIDER_NAMES

log = logging.getLogger(__name__)


class CloudSpeechSettings(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("cloudSpeechSettings")
        self.google_file = QLineEdit(objectName="googleKeyFileEdit")
        self.google_browse = QPushButton(objectName="googleKeyFileButton")
        self.google_browse.clicked.connect(self._browse)
        self.google_endpoint = QLineEdit(objectName="googleEndpointEdit")
        self.google_endpoint.setPlaceholderText("speech.googleapis.com:443")
        self.rtzr_id = QLineEdit(objectName="rtzrClientIdEdit")
        self.rtzr_secret = QLineEdit(objectName="rtzrSecretEdit")
        self.rtzr_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.rtzr_auth = QLineEdit(objectName="rtzrAuthUrlEdit")
        self.rtzr_auth.setPlaceholderText("https://openapi.vito.ai/v1/authenticate")
        self.rtzr_stream = QLineEdit(objectName="rtzrStreamUrlEdit")
        self.rtzr_stream.setPlaceholderText("wss://openapi.vito.ai/v1/transcribe:streaming")
        self.diagnostics = QLabel(objectName="cloudDiagnosticsLabel", wordWrap=True)
        self.diagnostics.setTextFormat(Qt.TextFormat.PlainText)  # a provider's error text
        self.diagnostics.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.google_file, 1)
        file_row.addWidget(self.google_browse)
        self.form = QFormLayout(self)
        for row in (file_row, self.google_endpoint, self.rtzr_id, self.rtzr_secret, self.rtzr_auth, self.rtzr_stream):
            self.form.addRow(QLabel(), row)
        self.form.addRow(QLabel(), self.diagnostics)
        ctx.cloudHealth.connect(lambda _snapshot: self._show_health())
        self.load(ctx.preferences)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Cloud speech recognition"))
        set_form_labels(
            self.form,
            (
                self.tr("Google key file"),
                self.tr("Google endpoint"),
                self.tr("RTZR client ID"),
                self.tr("RTZR client secret"),
                self.tr("RTZR sign-in address"),
                self.tr("RTZR streaming address"),
                self.tr("Diagnostics"),
            ),
        )
        self.google_browse.setText(self.tr("Choose…"))
        self.google_file.setPlaceholderText(self.tr("empty: application-default credentials"))
        self.rtzr_id.setPlaceholderText(self.tr("kept in the system keyring"))
        self.rtzr_secret.setPlaceholderText(self.tr("kept in the system keyring; type to replace"))
        self._show_health()

    def load(self, prefs: Preferences) -> None:
        self.google_file.setText(prefs.google_credentials_file)
        self.google_endpoint.setText(prefs.google_endpoint)
        self.rtzr_auth.setText(prefs.rtzr_auth_url)
        self.rtzr_stream.setText(prefs.rtzr_stream_url)

    def changes(self) -> dict[str, Any]:
        return {
            "google_credentials_file": self.google_file.text().strip(),
            "google_endpoint": self.google_endpoint.text().strip(),
            "rtzr_auth_url": self.rtzr_auth.text().strip(),
            "rtzr_stream_url": self.rtzr_stream.text().strip(),
        }

    async def store_credentials(self) -> None:
        """Into the OS keyring (never the settings file); only when the user typed both."""
        from engine.config.secrets import store_rtzr_credentials

        client_id, secret = self.rtzr_id.text().strip(), self.rtzr_secret.text()
        if client_id and secret:
            await asyncio.to_thread(store_rtzr_credentials, client_id, secret)
            self.rtzr_id.clear()
            self.rtzr_secret.clear()
            await self.ctx.reconfigure_cloud()  # the next answer signs in with them

    def _browse(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose the service-account key (JSON)"), self.google_file.text())
        dialog.setNameFilter(self.tr("Service-account key (*.json)"))
        dialog.fileSelected.connect(self.google_file.setText)
        dialog.open()  # not exec(): no nested event loop inside the asyncio loop

    def _show_health(self) -> None:
        snapshots = list(self.ctx.cloud_health.values())
        if not snapshots:
            self.diagnostics.setText(self.tr("No cloud recognition used since the app started."))
            return
        self.diagnostics.setText("\n".join(self._describe(s) for s in snapshots))

    def _describe(self, s: HealthSnapshot) -> str:
        def ms(value: float | None) -> str:
            return "–" if value is None else f"{value:.0f} ms"

        rate = "–" if s.success_rate is None else f"{s.success_rate:.0%}"
        text = (
            self.tr(
                "{name}: connect {median} (p90 {p90}) · success {rate} · {reconnects} reconnects/hour · "
                "{fallbacks} answers went on locally"
            )
            .replace("{name}", PROVIDER_NAMES.get(s.provider, s.provider))
            .replace("{median}", ms(s.connect_median_ms))
            .replace("{p90}", ms(s.connect_p90_ms))
            .replace("{rate}", rate)
            .replace("{reconnects}", f"{s.reconnects_per_hour:.1f}")
            .replace("{fallbacks}", str(s.fallbacks))
        )
        if s.last_error:
            language = self.ctx.preferences.ui_language or "en"
            params = {"provider": PROVIDER_NAMES.get(s.provider, s.provider), "detail": "", "path": ""}
            last = messages.text(s.last_error, language, **params)
            text += "\n  " + self.tr("Last problem: {message}").replace("{message}", last)
        return text
