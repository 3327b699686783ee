"""The desktop's foundations: a Qt binding that does not corrupt Python's bools, complete Korean
translations, and `main.py --screenshot` rendering a screen offscreen."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from tests.conftest import ROOT, close_qt_loop

sys.path.insert(0, str(ROOT / "tools"))
import translations


class _Flag(QObject):
    changed = Signal(bool)


def test_emitting_a_bool_signal_keeps_python_bools_alive(qapp: object) -> None:
    # PySide6 6.12.0 dropped a reference to True on every Signal(bool) emit; Python 3.11 then aborts.
    flag, seen = _Flag(), []
    flag.changed.connect(seen.append)
    before = sys.getrefcount(True)
    for _ in range(100):
        flag.changed.emit(True)
    assert len(seen) == 100
    assert sys.getrefcount(True) - before >= len(seen)  # the list holds 100 references: none went missing


def test_every_interface_string_has_a_korean_translation(tmp_path: Path) -> None:
    # Re-extract the strings from the code into a copy: a string added without a translation shows up here.
    copy = tmp_path / "ko.ts"
    shutil.copy(ROOT / "resources" / "i18n" / "interview_coach_ko.ts", copy)
    translations.lupdate(copy)
    assert translations.unfinished(copy) == []


def test_translations_compile_and_load(tmp_path: Path, qapp: object) -> None:
    from PySide6.QtCore import QTranslator

    from desktop.i18n import compiled_qm

    qm = compiled_qm("ko", tmp_path)
    assert qm is not None and qm.stat().st_size > 1000
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("PracticePage", "Start answer") == "답변 시작"


@pytest.mark.parametrize(("screen", "language"), [("settings", "ko"), ("history", "en")])
def test_the_screenshot_option_renders_a_screen_to_png(tmp_path: Path, screen: str, language: str) -> None:
    out = tmp_path / f"{screen}.png"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "INTERVIEW_COACH_CONFIG_DIR": str(tmp_path / "config"),
        "INTERVIEW_COACH_MODELS_DIR": str(tmp_path / "models"),  # empty: the shot must not wait for a model
    }
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "--data-dir",
            str(tmp_path / "data"),
            "--ui-lang",
            language,
            "--screenshot",
            str(out),
            "--screen",
            screen,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert image.width() >= 800 and image.height() >= 500
    colours = {image.pixel(x, y) for x in range(0, image.width(), 13) for y in range(0, image.height(), 13)}
    assert len(colours) > 5  # text and widgets, not a blank rectangle


def test_saving_a_screenshot_never_steps_another_task(tmp_path: Path, qapp: object) -> None:
    # CI hung here: the capture pumped Qt's events inside its task, a worker's wake-up ran re-entrantly,
    # asyncio refused it, and the app's exit then waited forever for that task.
    import asyncio

    import qasync
    from PySide6.QtWidgets import QLabel

    from desktop.screenshot import save_png

    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)

    async def capture_while_another_task_wakes() -> None:
        released = loop.create_future()
        woke = asyncio.Event()

        async def other() -> None:
            await released
            woke.set()

        waiting = asyncio.create_task(other())
        await asyncio.sleep(0)  # `other` now waits on `released`
        label = QLabel("shot")
        label.show()
        released.set_result(None)  # its wake-up is queued while the capture runs
        await save_png(label, tmp_path / "shot.png")
        await asyncio.wait_for(woke.wait(), timeout=10)
        await waiting
        label.close()

    try:
        loop.run_until_complete(capture_while_another_task_wakes())
    finally:
        close_qt_loop(loop)
        asyncio.set_event_loop(None)
    assert QImage(str(tmp_path / "shot.png")).width() > 0


def test_dark_and_light_themes_apply_on_any_platform(qapp: object) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.theme import apply_theme, is_dark
    from engine.config.preferences import Theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        apply_theme(app, Theme.DARK)
        assert is_dark(app)
        apply_theme(app, Theme.LIGHT)
        assert not is_dark(app)
    finally:
        apply_theme(app, Theme.SYSTEM)


def test_the_collector_frees_qt_objects_on_the_gui_thread_only(qtbot: Any) -> None:
    # A Qt object in a reference cycle, with a timer running, dropped while a worker allocates enough to cross
    # the collector's thresholds many times: freed there, its timer would fire at freed memory (CI died so).
    import gc
    import threading
    import weakref

    from PySide6.QtCore import QTimer

    from desktop.gc_guard import GuiThreadCollector

    freed_on: list[str] = []

    class Holder:
        def __init__(self) -> None:
            self.me = self  # a cycle: only the collector frees it
            self.timer = QTimer(interval=60_000)
            self.timer.start()

    def churn() -> None:
        for _ in range(200_000):
            node: dict[str, object] = {}
            node["self"] = node

    with GuiThreadCollector(interval_ms=20):
        holder = Holder()
        watch = weakref.ref(holder, lambda _: freed_on.append(threading.current_thread().name))
        del holder
        worker = threading.Thread(target=churn, name="worker")
        worker.start()
        worker.join()
        assert watch() is not None  # the worker crossed the thresholds many times and collected nothing
        qtbot.waitUntil(lambda: bool(freed_on), timeout=10_000)
        assert not gc.isenabled()
    assert freed_on == [threading.main_thread().name]
    assert gc.isenabled()
