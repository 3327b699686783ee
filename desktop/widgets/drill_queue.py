"""History's weak-spot drill panel: the questions in the queue, when each is due and how its last attempt
scored, with the button that starts a drill of those due."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from engine.practice.drill import DrillItem, describe

SHOWN = 8  # the soonest due; the rest wait their turn


class DrillQueuePanel(QGroupBox):
    drillRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drillPanel")
        self.language = "en"
        self.items: list[DrillItem] = []
        self.summary = QLabel(objectName="drillSummary", wordWrap=True)
        self.list = QListWidget(objectName="drillList")
        self.list.setMaximumHeight(120)
        self.button = QPushButton(objectName="drillHistoryButton")
        self.button.clicked.connect(self.drillRequested)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list)

    def show_queue(self, items: list[DrillItem], language: str, now: datetime | None = None) -> None:
        self.items, self.language = items, language
        moment = now or datetime.now(UTC)
        due = sum(1 for item in items if item.is_due(moment))
        self.setTitle(self.tr("Weak-spot drill"))
        if not items:
            self.summary.setText(
                self.tr("Questions you answer weakly come back here, spaced out until you answer them well.")
            )
        else:
            self.summary.setText(
                self.tr("In the queue: {queued} · due now: {due}")
                .replace("{queued}", str(len(items)))
                .replace("{due}", str(due))
            )
        self.button.setText(self.tr("Drill my weak spots"))
        self.button.setEnabled(due > 0)
        self.button.setToolTip("" if due else self.tr("Nothing is due yet: come back when a question is due."))
        self.list.clear()
        for item in items[:SHOWN]:
            self.list.addItem(describe(item, language, moment))
            self.list.item(self.list.count() - 1).setFlags(Qt.ItemFlag.ItemIsEnabled)  # plain text, not chosen
        self.list.setVisible(bool(items))
