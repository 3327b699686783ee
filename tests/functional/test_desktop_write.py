"""Practising in writing on the desktop: a written answer gets the same content feedback as a spoken one,
its quotes escaped, in the interface language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from desktop.main_window import Screen
from engine.config.preferences import Preferences
from tests.desktop_harness import open_desktop
from tests.fake_sounddevice import FakeSoundDevice

ANSWER = (
    "At my last job our checkout took four seconds. My task was to get it under one second before the sale. "
    "I profiled the page, I found two slow queries and I added an index and a cache <b>fast</b>. As a result "
    "checkout took 0.8 seconds and conversion rose by 6 percent."
)


def test_a_written_answer_gets_feedback_with_its_own_words_quoted(
    qtbot: Any, qloop: Any, tmp_path: Path, data_dir: Path
) -> None:
    prefs = Preferences(data_dir=str(tmp_path / "data"), first_run_done=True)
    with open_desktop(qtbot, tmp_path, sd=FakeSoundDevice(None), preferences=prefs) as desktop:
        window = desktop.window
        window.show_screen(Screen.WRITE)
        page = window.write
        assert page.question.toPlainText()  # a bank question to start from
        qtbot.mouseClick(page.submit, Qt.MouseButton.LeftButton)
        assert "Write your answer first" in page.result.text()
        page.question.setPlainText("Tell me about a time you made something faster.")
        page.answer.setPlainText(ANSWER)
        with qtbot.waitSignal(page.assessed, timeout=30_000) as done:
            qtbot.mouseClick(page.submit, Qt.MouseButton.LeftButton)
        view = done.args[0]
        assert view.question_type.value == "behavioural" and view.flag is None and view.score >= 50
        text = page.result.text()
        assert f"Content {view.score}/100" in text and "Your actions" in text
        assert "&lt;b&gt;fast&lt;/b&gt;" in text and "<b>fast</b>" not in text  # the candidate's words stay text
        desktop.shoot("write-an-answer")
