"""The first frame: a window shown before anything heavy is imported, saying what is loading.

Only Qt is loaded when it appears. The engine (numpy, SQLite, the speech model's libraries) and the screens
come in behind it (desktop/app.py), and the main window takes its place at the same size and position.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

WINDOW_SIZE = (1120, 760)  # the main window's size, so the swap does not move anything


class StartWindow(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("startWindow")
        self.setWindowTitle("Interview Coach")
        self.resize(*WINDOW_SIZE)
        title = QLabel("Interview Coach")
        title.setObjectName("startTitle")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.step = QLabel(self.tr("Getting ready…"))
        self.step.setObjectName("startStep")
        self.step.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.step.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar()
        self.bar.setObjectName("startProgress")
        self.bar.setRange(0, 0)  # busy: how long each step takes depends on the machine
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(280)
        layout = QVBoxLayout(self)
        layout.addStretch(3)
        layout.addWidget(title)
        layout.addSpacing(16)
        layout.addWidget(self.step)
        layout.addSpacing(8)
        layout.addWidget(self.bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(4)

    def loading(self, what: str) -> None:
        """Say what is loading now: "history", "engine" or "screens"."""
        steps = {
            "history": self.tr("Opening your practice history…"),
            "engine": self.tr("Loading the speech engine…"),
            "screens": self.tr("Preparing the screens…"),
        }
        self.step.setText(steps[what])
