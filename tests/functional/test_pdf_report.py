"""The PDF report of a stored session, in Korean and in English: rendered by Qt, read back with pypdf and
poppler's pdftoppm (installed by .ci/run), from the real app's own sessions."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage

from engine.audio.file_source import read_samples
from engine.config.preferences import Preferences
from tests.conftest import ROOT, speech_file
from tests.desktop_harness import open_desktop, start_interview
from tests.fake_sounddevice import FakeSoundDevice

CLIPS = {"en": "en/jfk.flac", "ko": "ko/deeply_AirbnbStudio_sub100101a00047.wav"}


def run_practice(data: Path, language: str) -> int:
    """One real interview through the headless command: the stored session the report is made from."""
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "--data-dir",
            str(data),
            "practice",
            "--lang",
            language,
            "--answers",
            str(speech_file(CLIPS[language])),
            "--questions",
            "2",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return int(json.loads(result.stdout)["session_id"])


def extracted(pdf: Path) -> str:
    # Qt writes the space glyph of the embedded font as \\x01 in the text layer; words themselves are exact.
    return "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages).replace("\x01", " ")


def embedded_fonts(pdf: Path) -> set[str]:
    fonts = set()
    for page in PdfReader(pdf).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
            if descriptor is not None and any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
            ):
                fonts.add(str(font["/BaseFont"]))
    return fonts


def assert_pages_not_blank(pdf: Path, tmp_path: Path) -> int:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is installed by .ci/run")
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(tmp_path / "page")], check=True, timeout=60)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert pages
    for page in pages:
        image = QImage(str(page))
        dark = sum(
            1
            for x in range(0, image.width(), 2)
            for y in range(0, image.height(), 2)
            if QImage.pixelColor(image, x, y).lightness() < 200
        )
        assert dark > 50, f"{page.name} looks blank"
    return len(pages)


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_headless_report_command_renders_a_stored_session(tmp_path: Path, data_dir: Path, language: str) -> None:
    data = tmp_path / "data"
    session = run_practice(data, language)
    pdf = tmp_path / f"report-{language}.pdf"
    page = "a4" if language == "ko" else "letter"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "--data-dir",
            str(data),
            "--ui-lang",
            language,
            "report",
            str(session),
            "--out",
            str(pdf),
            "--page-size",
            page,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert assert_pages_not_blank(pdf, tmp_path) >= 3  # the cover, then a page per question
    text = extracted(pdf)
    shown = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data), "show", str(session), "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    transcript = json.loads(shown.stdout)["questions"][0]["answers"][0]["transcript"]
    if language == "ko":
        assert "면접 연습 보고서" in text
        for word in transcript.split():  # every word of the Hangul transcript, exactly
            assert word.strip(".,?!") in text
    else:
        assert "Interview practice report" in text and "country" in text.lower()
    assert any("NanumSquare" in f for f in embedded_fonts(pdf))
    width = PdfReader(pdf).pages[0].mediabox.width
    assert abs(float(width) - (595 if page == "a4" else 612)) < 2  # A4 or Letter, in points


def test_user_text_prints_literally_and_the_gui_exports(qtbot: Any, qloop: Any, tmp_path: Path, data_dir: Path) -> None:
    prefs = Preferences(data_dir=str(tmp_path / "data"), first_run_done=True)
    answers = [speech_file("en/jfk.flac")]
    with open_desktop(
        qtbot, tmp_path, sd=FakeSoundDevice(read_samples(answers[0])), preferences=prefs, answers=answers
    ) as desktop:
        desktop.window.setup.role.setText("R&D <b>lead</b>")
        desktop.window.setup.company.setText("Smith & Sons")
        start_interview(qtbot, desktop, questions=1)
        with qtbot.waitSignal(desktop.window.review.loaded, timeout=120_000):
            desktop.window.practice.answer_button.click()
        review = desktop.window.review
        assert review.export_button.isEnabled()
        pdf = tmp_path / "exported.pdf"
        with qtbot.waitSignal(review.exported, timeout=60_000) as done:
            review.export_to(pdf, "a4")
        assert done.args[0] == str(pdf)
        assert desktop.window.statusBar().currentMessage() == f"Report saved: {pdf}"  # where it went, said
    text = extracted(pdf)
    assert "R&D <b>lead</b>" in text and "Smith & Sons" in text  # escaped, so printed as typed
    assert assert_pages_not_blank(pdf, tmp_path) >= 2


async def test_a_transcript_with_markup_characters_prints_them_literally(tmp_path: Path, qapp: Any) -> None:
    from desktop.fonts import install_fonts
    from desktop.report_pdf import export_report
    from engine.storage.store import Store
    from engine.stt.contract import TranscriptEvent, TranscriptKind, Word

    install_fonts(qapp)
    store = await Store.open(tmp_path / "data" / "interview-coach.sqlite3")
    try:
        session = await store.create_session({"language": "en", "role": "Engineer"}, "local")
        question = await store.add_question(session, 1, "en-b01", "What do you build?", "technical")
        answer = await store.start_answer(session, question, "")
        text = "I wrote <b>bold</b> R&D tools & tests."
        words = tuple(Word(w, i * 0.5, i * 0.5 + 0.4, 0.9) for i, w in enumerate(text.split()))
        await store.add_final(answer, TranscriptEvent(TranscriptKind.FINAL, 0, text, "", 0.0, 4.0, words, 0.9, "t"))
        await store.finish_answer(answer, "complete", 4.0, text)
        await store.set_session_status(session, "complete", ended=True)
        pdf = await export_report(store, session, tmp_path / "markup.pdf", "a4", "en")
    finally:
        await store.close()
    assert "<b>bold</b> R&D tools & tests." in extracted(pdf)
