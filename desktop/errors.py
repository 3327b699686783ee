"""The one place the desktop shows an error: an AppError's title and message, in the interface language.

Anything that is not an AppError is a bug: it is logged with its traceback and shown as a generic message
that says where the log is, with a button that copies the log's end for a bug report; never swallowed.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from engine import messages
from engine.errors import AppError
from engine.runtime.logs import log_file, log_tail

log = logging.getLogger(__name__)


class ErrorPresenter(QObject):
    shown = Signal(str, str)  # title, message: an error was just shown to the user

    def __init__(self, language: str = "en") -> None:
        super().__init__()
        self.language = language
        self.parent_widget: QWidget | None = None
        self.last_box: QMessageBox | None = None

    def describe(self, error: BaseException) -> tuple[str, str]:
        if isinstance(error, AppError):
            return error.title(self.language), error.message(self.language)
        detail = f"{type(error).__name__}: {error}"
        return (
            messages.text("error.title.generic", self.language),
            messages.text("error.unexpected", self.language, detail=detail, log=str(log_file() or "-")),
        )

    def show(self, error: BaseException) -> None:
        title, message = self.describe(error)
        if isinstance(error, AppError):
            self.show_text(title, message)
            return
        log.error("unexpected error shown to the user", exc_info=error)
        self.show_text(title, message)
        assert self.last_box is not None
        # A bug: offer the log's end, which holds the traceback just written, for the report.
        copy = self.last_box.addButton(self.tr("Copy the log's end"), QMessageBox.ButtonRole.ActionRole)
        copy.setObjectName("copyLogButton")
        copy.clicked.connect(self.copy_log_tail)

    def copy_log_tail(self) -> None:
        """Put the end of the log (secrets scrubbed) on the clipboard."""
        QApplication.clipboard().setText(log_tail())

    def show_text(self, title: str, message: str, icon: QMessageBox.Icon = QMessageBox.Icon.Warning) -> None:
        # open(), not exec(): a nested event loop inside an asyncio callback would re-enter the loop.
        box = QMessageBox(icon, title, message, QMessageBox.StandardButton.Ok, self.parent_widget)
        box.setObjectName("errorBox")
        box.setTextFormat(Qt.TextFormat.PlainText)  # messages carry paths, server replies and user text
        box.open()
        self.last_box = box
        self.shown.emit(title, message)
