"""The interviewer reads each question aloud in the app: rendered once, played through the output stream,
with the microphone muted meanwhile; taking the turn stops it."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import Qt

from engine.config.preferences import Preferences
from tests.desktop_harness import open_desktop, start_interview
from tests.fake_sounddevice import FakeSoundDevice

pytestmark = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is installed by .ci/run")


def test_each_question_is_spoken_with_the_microphone_muted_meanwhile(
    qtbot: Any, qloop: Any, tmp_path: Path, data_dir: Path
) -> None:
    sd = FakeSoundDevice(None, paced_output=True)  # the voice takes as long as it would through speakers
    prefs = Preferences(data_dir=str(tmp_path / "data"), first_run_done=True, speak_questions=True)
    with open_desktop(qtbot, tmp_path, sd=sd, preferences=prefs, voice=True) as desktop:
        runner = desktop.window.practice.runner
        runner.voice.system_engines = []  # no system voice here: espeak-ng renders it
        gate_states: list[bool] = []
        runner.voice.speaking.connect(lambda on: gate_states.append(runner.gate.open))
        with qtbot.waitSignal(runner.voice.speaking, timeout=30_000, check_params_cb=lambda on: not on):
            start_interview(qtbot, desktop, questions=2)
        assert gate_states == [False, True] or gate_states[0] is False  # shut while speaking
        played = sd.outputs[-1].played
        assert np.abs(played.astype(np.int32)).max() > 1000  # a voice, not silence
        assert sd.outputs[-1].completed  # the first question was read to its end
        assert runner.voice.cache.renders == 1

        # Starting to answer while the next question is being read stops the voice.
        qtbot.mouseClick(desktop.window.practice.skip_button, Qt.MouseButton.LeftButton)
        with qtbot.waitSignal(runner.voice.speaking, timeout=30_000, check_params_cb=bool):
            pass
        qtbot.mouseClick(desktop.window.practice.answer_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not desktop.ctx.player.playing, timeout=5_000)
        assert runner.voice.cache.renders == 2
        assert not sd.outputs[-1].completed  # cut off mid-question, not played out


def qt_speech_available() -> bool:
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:  # needs libpulse on Linux (.ci/run installs it)
        return False
    return "mock" in QTextToSpeech.availableEngines()


@pytest.mark.skipif(not qt_speech_available(), reason="Qt text-to-speech needs libpulse0")
def test_a_system_voice_speaks_through_qt_with_the_microphone_muted(
    qtbot: Any, qloop: Any, tmp_path: Path, data_dir: Path
) -> None:
    prefs = Preferences(data_dir=str(tmp_path / "data"), first_run_done=True, speak_questions=True)
    with open_desktop(qtbot, tmp_path, sd=FakeSoundDevice(None), preferences=prefs, voice=True) as desktop:
        runner = desktop.window.practice.runner
        runner.voice.system_engines = ["mock"]  # Qt's test engine stands in for SAPI/AVFoundation/speechd
        during: list[bool] = []
        runner.voice.speaking.connect(lambda on: during.append(runner.gate.open) if on else None)
        with qtbot.waitSignal(runner.voice.speaking, timeout=30_000, check_params_cb=lambda on: not on):
            start_interview(qtbot, desktop, questions=1)
        assert during == [False]
        assert runner.voice.cache.renders == 0  # a system voice speaks by itself: nothing rendered
        assert not desktop.sd.outputs  # and nothing went through our output stream
