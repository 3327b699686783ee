"""Review and practice as a candidate meets them, in both languages: a word of the transcript replays the
answer from it and is marked while it plays; the review opens with the interview's summary; and every
control that is off says why. Real model, real audio, real SQLite; a stand-in sound card plays."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop.widgets.answer_transcript import AnswerTranscript
from engine import messages
from engine.audio.file_source import read_samples
from engine.config.preferences import Preferences
from tests.conftest import speech_file
from tests.desktop_harness import open_desktop, start_interview
from tests.fake_sounddevice import FakeSoundDevice

CLIPS = {"en": "en/jfk.flac", "ko": "ko/deeply_AnechoicChamber_sub100122a00035.wav"}
SUMMARY = {"en": "at a glance", "ko": "한눈에"}


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_word_replays_the_answer_from_it_and_is_marked_while_it_plays(
    qtbot: Any, qloop: Any, tmp_path: Path, data_dir: Path, language: str
) -> None:
    clip = speech_file(CLIPS[language])
    prefs = Preferences(data_dir=str(tmp_path / "data"), first_run_done=True)
    sd = FakeSoundDevice(None, paced_output=True)  # played at real time, so the marked word can follow it
    with open_desktop(qtbot, tmp_path, sd=sd, ui_language=language, preferences=prefs, answers=[clip]) as desktop:
        practice, review = desktop.window.practice, desktop.window.review
        # Before an interview runs, every control that is off says why, in the interface's language.
        for button in (practice.answer_button, practice.skip_button, practice.finish_button):
            assert not button.isEnabled() and button.toolTip()
        start_interview(qtbot, desktop, language, questions=1)
        assert practice.answer_button.isEnabled() and not practice.answer_button.toolTip()
        assert not practice.finish_button.isEnabled() and practice.finish_button.toolTip()
        assert practice.transcript.placeholderText()
        with qtbot.waitSignal(review.loaded, timeout=120_000):
            qtbot.mouseClick(practice.answer_button, Qt.MouseButton.LeftButton)
        if review.detail is not None and review.detail.answers[0].answer.rereading:
            with qtbot.waitSignal(review.loaded, timeout=60_000):  # the stored transcript replaces the live one
                pass
        # Summary first.
        summary = review.findChildren(QLabel, "summaryBlock")[-1]  # (a replaced one may await deletion)
        assert SUMMARY[language] in summary.text()
        # What the score measures is said once, in the summary, not again in the answer's card.
        measures = html.escape(messages.text("feedback.measures", language), quote=False)
        content = review.findChildren(QLabel, "contentBlock")[-1]
        assert measures in summary.text() and measures not in content.text() and "/100" in content.text()

        words = review.findChildren(AnswerTranscript)[-1]
        answer = review.detail.answers[0].answer if review.detail else None
        assert answer is not None and len(answer.words) > 6
        target = len(answer.words) // 2
        whole = len(read_samples(clip))
        with qtbot.waitSignal(review.replayStarted, timeout=10_000):
            words.linkActivated.emit(f"word:{target}")  # the user clicks the word
        qtbot.waitUntil(lambda: words.playing is not None and words.playing >= target, timeout=5_000)
        assert "background-color" in words.text()  # the word being played is marked
        qtbot.waitUntil(lambda: words.playing is None, timeout=20_000)  # and unmarked when it ends
        played = len(sd.outputs[-1].played)
        expected = whole - int(answer.words[target].start * 16000)
        assert abs(played - expected) < 16000 * 0.5, (played, expected)  # from that word, not the start


@pytest.mark.parametrize(("language", "microphone"), [("en", "microphone"), ("ko", "마이크")])
def test_first_run_numbers_its_checks_and_continue_says_what_is_missing(
    qtbot: Any, qloop: Any, tmp_path: Path, data_dir: Path, language: str, microphone: str
) -> None:
    with open_desktop(qtbot, tmp_path, sd=FakeSoundDevice(None), ui_language=language) as desktop:  # no microphone
        first = desktop.window.first_run
        assert not first.continue_button.isEnabled()
        assert microphone in first.missing.text() and microphone in first.continue_button.toolTip()
        labels = [first.form.itemAt(row, first.form.ItemRole.LabelRole).widget().text() for row in (0, 1, 4)]
        assert [label[:2] for label in labels] == ["1.", "2.", "3."]
        assert labels[0].endswith("✓") and not labels[1].endswith("✓")
        assert first.later_button.isVisible()  # no microphone here: the app is still reachable
        qtbot.mouseClick(first.later_button, Qt.MouseButton.LeftButton)
        assert desktop.ctx.preferences.first_run_done
