"""History before the first interview: what will be here, and the way to start one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.pages.base import heading
from desktop.theme import HEADING, SPACE_L, SPACE_M, SUBHEADING, mark, primary

BODY_WIDTH = 460


class HistoryWelcome(QWidget):
    startRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyWelcome")
        self.heading = heading(HEADING)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QLabel(objectName="historyWelcomeText", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setFixedWidth(BODY_WIDTH)  # a comfortable line, not the narrow one a wrapped label picks
        font = QFont(self.body.font())
        font.setPointSize(font.pointSize() + SUBHEADING - 1)
        self.body.setFont(font)
        mark(self.body, "muted")
        self.start_button = primary(QPushButton(objectName="startFirstInterviewButton"))
        self.start_button.clicked.connect(self.startRequested)
        centred_body = QHBoxLayout()
        centred_body.addStretch(1)
        centred_body.addWidget(self.body)
        centred_body.addStretch(1)
        centred_button = QHBoxLayout()
        centred_button.addStretch(1)
        centred_button.addWidget(self.start_button)
        centred_button.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACE_M)
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addLayout(centred_body)
        layout.addSpacing(SPACE_L)
        layout.addLayout(centred_button)
        layout.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("No interviews yet"))
        self.body.setText(
            self.tr(
                "Each practice interview you do is kept here: your answers to read again, and charts of your "
                "pace, filler words and content score, so you can see yourself improve."
            )
        )
        self.start_button.setText(self.tr("Start your first interview"))
