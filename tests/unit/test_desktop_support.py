"""The engine parts the desktop leans on: preferences, documents, live pace, advice, filler highlighting,
playback, and the loop-stall monitor."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from engine.analysis.advice import advise, render
from engine.analysis.delivery_view import delivery_line
from engine.analysis.fillers import FillerHit
from engine.analysis.highlight import marked_words
from engine.analysis.metrics import AnswerMetrics, analyse
from engine.analysis.pace import PaceVerdict, live_pace
from engine.audio.playback import Player
from engine.config import preferences as prefs_file
from engine.config.preferences import Preferences, Theme
from engine.errors import StorageError
from engine.interview.documents import DocumentError, read_document
from engine.runtime.loop_stall import StallMonitor
from engine.stt.contract import Word
from tests.fake_sounddevice import FakeSoundDevice


def test_preferences_survive_a_round_trip(tmp_path: Path) -> None:
    prefs = Preferences(ui_language="ko", theme=Theme.DARK, input_device="USB mic", first_run_done=True)
    prefs_file.save(prefs, tmp_path)
    assert prefs_file.load(tmp_path).preferences == prefs


def test_missing_preferences_mean_defaults(tmp_path: Path) -> None:
    loaded = prefs_file.load(tmp_path)
    assert loaded.preferences == Preferences() and loaded.broken_copy is None


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", json.dumps({"ui_language": "fr"}), '{"theme": 3}'])
def test_a_broken_preferences_file_gives_defaults_and_is_kept_aside(tmp_path: Path, content: str) -> None:
    (tmp_path / "preferences.json").write_text(content, encoding="utf-8")
    loaded = prefs_file.load(tmp_path)
    assert loaded.preferences == Preferences()
    assert loaded.broken_copy is not None and loaded.broken_copy.read_text(encoding="utf-8") == content


def test_preferences_that_cannot_be_written_say_where_and_why(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError) as caught:
        prefs_file.save(Preferences(), blocker / "sub")
    assert str(blocker / "sub") in caught.value.message("en")


def test_documents_are_read_as_text_in_utf8_cp949_and_pdf(tmp_path: Path, qapp: object) -> None:
    (tmp_path / "a.md").write_text("# Backend engineer\nPython, SQL", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes("백엔드 개발자 채용".encode("cp949"))
    assert read_document(tmp_path / "a.md") == "# Backend engineer\nPython, SQL"
    assert read_document(tmp_path / "b.txt") == "백엔드 개발자 채용"
    pdf = tmp_path / "posting.pdf"
    write_pdf(pdf, "Senior data engineer wanted")
    assert "Senior data engineer wanted" in read_document(pdf)


def write_pdf(path: Path, text: str) -> None:
    from PySide6.QtGui import QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    painter.drawText(200, 400, text)
    painter.end()


@pytest.mark.parametrize(
    ("name", "content", "key"),
    [
        ("x.docx", b"PK", "document.unsupported"),
        ("empty.txt", b"   \n", "document.empty"),
        ("broken.pdf", b"%PDF-1.4 garbage", "document.unreadable"),
        ("missing.txt", None, "document.unreadable"),
    ],
)
def test_unreadable_documents_say_what_to_do(tmp_path: Path, name: str, content: bytes | None, key: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert caught.value.key == key
    assert "paste" in caught.value.message("en").lower() or "text" in caught.value.message("en").lower()


def words(n: int, every: float, text: str = "word") -> list[Word]:
    return [Word(text, i * every, i * every + every * 0.8, 0.9) for i in range(n)]


def test_live_pace_counts_words_per_minute_over_the_last_seconds() -> None:
    pace = live_pace(words(40, 0.4), "en", now_s=16.0)  # 2.5 words a second = 150 a minute
    assert pace.verdict is PaceVerdict.GOOD and 140 <= pace.rate <= 160
    assert live_pace(words(40, 0.2), "en", now_s=8.0).verdict is PaceVerdict.FAST
    assert live_pace(words(3, 0.4), "en", now_s=1.2).verdict is PaceVerdict.UNKNOWN  # too little to tell


def test_live_pace_counts_hangul_syllables_for_korean() -> None:
    pace = live_pace(words(30, 0.5, "했습니다"), "ko", now_s=15.0)  # 4 syllables every 0.5 s = 480 a minute
    assert pace.unit == "spm" and pace.verdict is PaceVerdict.FAST and 440 <= pace.rate <= 500


def _figures(**values: Any) -> AnswerMetrics:
    base = analyse([], "en", 0.0)
    return replace(base, **values)


def test_advice_names_the_band_and_renders_in_both_languages() -> None:
    figures = _figures(
        speaking_s=60.0, words_per_minute=110.0, fillers_per_minute=6.0, filler_count=6,
        long_pause_count=2, longest_pause_s=2.4,
    )  # fmt: skip
    keys = [a.key for a in advise(figures)]
    assert keys == ["advice.pace_slow", "advice.fillers_many", "advice.long_pauses"]
    assert "110 words per minute" in render(advise(figures)[0], "en")
    assert "110 단어/분" in render(advise(figures)[0], "ko")
    assert [a.key for a in advise(replace(figures, speaking_s=2.0))] == ["advice.too_short"]


def test_numbers_are_honest_bands_inclusive_rates_only_with_enough_speech_plurals_right() -> None:
    # 129.6 words a minute is shown as 130, and 130 is within 130-160.
    assert advise(_figures(speaking_s=60.0, words_per_minute=129.6))[0].key == "advice.pace_good"
    short = _figures(language="en", speaking_s=7.0, word_count=18, filler_count=1, fillers_per_minute=8.6)
    line = delivery_line(short, "en")
    assert "a minute" not in line and "/min" not in line and "1 filler" in line and "1 fillers" not in line
    assert "pace needs 20 s of speech" in line and "no pauses over 0.2 s" in line
    assert [a.key for a in advise(short)] == []  # one filler in 7 s says nothing yet
    one = _figures(speaking_s=60.0, words_per_minute=140.0, pause_count=1, longest_pause_s=1.4, long_pause_count=1)
    assert "1 pause of 1.4 s" in delivery_line(one, "en")
    assert "1 long pause of 1.4 s" in render(advise(one)[-1], "en")
    korean = _figures(language="ko", speaking_s=60.0, syllables_per_minute=320.0, word_count=40, pause_count=3,
                      longest_pause_s=0.9)  # fmt: skip
    assert delivery_line(korean, "ko").startswith("단어 40개 · 분당 320음절") and "쉼 3회(최장 0.9초)" in delivery_line(
        korean, "ko"
    )


def test_fillers_are_marked_on_the_words_analyse_counted() -> None:
    words_ = ["Um,", "I", "—", "you", "know,", "led", "it."]
    hits = [FillerHit(0, "um", 0.0), FillerHit(2, "you know", 1.0)]
    assert marked_words(words_, hits) == [
        ("Um,", True),
        ("I", False),
        ("—", False),
        ("you", True),
        ("know,", True),
        ("led", False),
        ("it.", False),
    ]


async def test_playback_plays_every_sample_then_returns() -> None:
    sd = FakeSoundDevice(None)
    samples = (np.sin(np.arange(16000) / 10) * 8000).astype(np.int16)
    await Player(sd).play(samples)
    played = sd.outputs[0].played
    assert np.array_equal(played[:16000], samples) and not played[16000:].any()
    assert sd.outputs[0].closed


async def test_stopping_playback_ends_it_early() -> None:
    sd = FakeSoundDevice(None)
    player = Player(sd)
    task = asyncio.ensure_future(player.play(np.zeros(16000 * 600, np.int16)))
    while not sd.outputs:
        await asyncio.sleep(0)
    player.stop()
    await asyncio.wait_for(task, 5)
    assert len(sd.outputs[0].played) < 16000 * 600


async def test_the_stall_monitor_sees_a_blocked_loop() -> None:
    monitor = StallMonitor()
    monitor.start()
    await asyncio.sleep(0.02)
    import time

    time.sleep(0.15)  # block the loop on purpose: this is what the monitor exists to catch
    await asyncio.sleep(0.02)
    assert await monitor.stop() >= 0.1
