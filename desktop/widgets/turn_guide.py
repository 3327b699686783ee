"""Under the question: practice mode's hint (what the answer is judged on), and real mode's countdowns, first
to prepare, then to answer. Both come from the engine's events; the clock ticks on a Qt timer."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from engine import messages
from engine.interview.events import InterviewEvent, QuestionAsked, StateChanged
from engine.interview.state import SessionState

TICK_MS = 200


class TurnGuide(QWidget):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.hint = QLabel(objectName="hintLabel", wordWrap=True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.clock = QLabel(objectName="turnClock")
        font = self.clock.font()
        font.setBold(True)
        font.setPointSize(font.pointSize() + 3)
        self.clock.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.clock)
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._phase = ""  # "prep" or "answer" while a countdown runs
        self._ends_at = 0.0
        self._answer_s = 0.0
        self._prep_s = 0.0
        self.reset()

    def reset(self) -> None:
        self.hint.hide()
        self._stop()

    def _stop(self) -> None:
        self._timer.stop()
        self._phase = ""
        self.clock.hide()

    def on_event(self, event: InterviewEvent) -> None:
        if isinstance(event, QuestionAsked):
            self.hint.setText(messages.text(event.hint, self.language) if event.hint else "")
            self.hint.setVisible(bool(event.hint))
            self._answer_s, self._prep_s = event.answer_s, event.prep_s
            self._stop()
            if event.answer_s:  # the preparation time shows now and runs once the question has been read
                self.clock.setText(messages.text("timer.prep", self.language, seconds=f"{event.prep_s:g}"))
                self.clock.show()
        elif isinstance(event, StateChanged):
            if event.state is SessionState.LISTENING and self._answer_s:
                self._start("answer", self._answer_s)
            elif event.state is not SessionState.ASKING:
                self._stop()

    def question_put(self) -> None:
        """The question has been read aloud: real mode's preparation time starts counting down."""
        if self._answer_s:
            self._start("prep", self._prep_s)

    @property
    def remaining_s(self) -> float:
        return max(0.0, self._ends_at - time.monotonic()) if self._phase else 0.0

    def _start(self, phase: str, seconds: float) -> None:
        self._phase = phase
        self._ends_at = time.monotonic() + seconds
        self.clock.show()
        self._timer.start()
        self._tick()

    def _tick(self) -> None:
        left = int(self.remaining_s + 0.999)  # 0.2 s left still reads "1 s"
        key = "timer.prep" if self._phase == "prep" else "timer.answer"
        self.clock.setText(messages.text(key, self.language, seconds=left))
        if left <= 0:
            self._timer.stop()
