"""What every screen has: the shared context, and re-labelling itself when the interface language changes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from desktop.context import AppContext
from engine.audio.microphone import list_input_devices
from engine.errors import AppError


class Page(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    @property
    def language(self) -> str:
        """The interface language, for the engine's own messages (errors, notices)."""
        return self.ctx.errors.language

    def retranslate(self) -> None:
        """Set every visible string; called once built and again on each language change."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def fill_devices(box: QComboBox, ctx: AppContext, default_label: str) -> str:
    """The system default, then every input device; selects the preferred one. Returns an error message
    (in the interface language) when the devices cannot be listed, else ""."""
    box.blockSignals(True)  # refilling is not the user choosing
    box.clear()
    box.addItem(default_label, "")
    problem = ""
    try:
        for device in list_input_devices(ctx.sd):
            box.addItem(device.name, device.name)
    except AppError as error:
        problem = error.message(ctx.errors.language)
    box.setCurrentIndex(max(0, box.findData(ctx.preferences.input_device)))
    box.blockSignals(False)
    return problem


def set_form_labels(form: QFormLayout, labels: tuple[str, ...]) -> None:
    """Label a form's rows in order (rows were added with an empty QLabel, re-labelled on language change)."""
    for row, text in enumerate(labels):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        label = item.widget() if item is not None else None
        if isinstance(label, QLabel):
            label.setText(text)


def heading(point_delta: int = 6, *, bold: bool = True) -> QLabel:
    label = QLabel()
    font = QFont(label.font())
    font.setPointSize(font.pointSize() + point_delta)
    font.setBold(bold)
    label.setFont(font)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # headings show model and user text too (the question)
    return label
