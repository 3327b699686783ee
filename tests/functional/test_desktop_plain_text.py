"""Every label that shows model, server or user text shows it as plain text: a model-sent <img> or a typed
<b> is printed, never rendered (issue 19, item 8)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from engine.config.preferences import Preferences
from engine.errors import AppError
from tests.desktop_harness import open_desktop
from tests.fake_sounddevice import FakeSoundDevice

MARKUP = '<b>bold</b> <img src="http://127.0.0.1:9/x.png">'


def test_labels_with_model_or_user_text_are_plain_text(qtbot: Any, qloop: Any, tmp_path: Path, data_dir: Path) -> None:
    prefs = Preferences(data_dir=str(tmp_path / "data"), first_run_done=True)
    with open_desktop(qtbot, tmp_path, sd=FakeSoundDevice(None), preferences=prefs) as desktop:
        window = desktop.window
        practice = window.practice
        labels: dict[str, QLabel] = {
            "question": practice.question,
            "banner": practice.banner,
            "last answer": practice.last_answer,
            "score": practice.score_label,
            "history empty": window.history.empty,
            "interviewer status": window.settings.findChild(QLabel, "llmStatusLabel"),
            "cloud diagnostics": window.settings.findChild(QLabel, "cloudDiagnosticsLabel"),
        }
        for name, label in labels.items():
            assert label is not None, name
            assert label.textFormat() is Qt.TextFormat.PlainText, name
        window.history.search.setText(MARKUP)  # what a candidate might paste into the search
        qtbot.waitUntil(lambda: MARKUP in window.history.empty.text(), timeout=10_000)
        with qtbot.waitSignal(desktop.ctx.errors.shown, timeout=5_000):
            desktop.ctx.errors.show(AppError("error.unexpected", detail=MARKUP, log="-"))
        box = desktop.ctx.errors.last_box
        assert box is not None and box.textFormat() is Qt.TextFormat.PlainText and MARKUP in box.text()
