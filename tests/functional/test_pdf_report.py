"""The PDF report of a stored session, in Korean and in English: rendered by Qt, read back with pypdf and
poppler's pdftoppm (installed by .ci/run), from the real app's own sessions."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage

from engine import messages
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
        # Any Qt warning aborts: the render's timers once printed "QBasicTimer::start: ..." before the result.
        env={**os.environ, "QT_FATAL_WARNINGS": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == "" and len(result.stdout.splitlines()) == 1, result.stdout + result.stderr
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


# -- a report as a candidate reads it: its language, its charts, its dates and its colours ---------------
KO_QUESTION = "반복해서 생기던 문제를 해결한 경험을 말씀해 주세요."
KO_LONG = (  # about 40 s of speech at a steady pace, no filler
    "작년에 저희 결제 서비스가 금요일마다 트래픽이 몰리면 장애가 났고 제가 연말 할인 행사 전까지 해결하는 일을 "
    "맡았습니다. 제가 직접 데이터베이스 호출을 분석해서 인덱스가 없는 쿼리 두 개를 찾았고 인덱스를 추가한 뒤 "
    "배포할 때마다 도는 부하 테스트를 만들었습니다. 그 결과 오류율이 4%에서 0.2%로 줄었고 행사 주문은 전년보다 "
    "30% 늘었습니다. 이 경험으로 문제를 숫자로 확인하고 재발을 막는 습관을 얻었습니다."
)
KO_SHORT = "팀과 함께 해결했습니다."


async def _answer(store: Any, session: int, position: int, text: str, seconds_per_word: float) -> None:
    """One heard answer, stored as the interview stores one: timed words, the app's figures and feedback."""
    from engine.analysis.metrics import analyse
    from engine.feedback.assess import assess
    from engine.feedback.question_type import QuestionType
    from engine.feedback.view import build_view
    from engine.stt.contract import TranscriptEvent, TranscriptKind, Word

    question = await store.add_question(session, position, "", KO_QUESTION, "behavioural", question_type="behavioural")
    answer = await store.start_answer(session, question, "")
    words = tuple(
        Word(w, i * seconds_per_word, i * seconds_per_word + seconds_per_word * 0.8, 0.9)
        for i, w in enumerate(text.split())
    )
    duration = words[-1].end + 0.5
    event = TranscriptEvent(TranscriptKind.FINAL, 0, text, "", 0.0, duration, words, 0.9, "test")
    await store.add_final(answer, event)
    await store.finish_answer(answer, "complete", duration, text)
    content = build_view(assess(KO_QUESTION, text, "ko", QuestionType.BEHAVIOURAL)).to_stored()
    await store.save_metrics(answer, {**analyse(list(words), "ko", duration).to_dict(), "content": content})


async def _korean_sessions(store: Any) -> tuple[int, int]:
    """Two Korean sessions two days apart: the later has a long answer (charted) and a short one (not)."""
    ids = []
    for day, answers in ((28, [(KO_LONG, 0.55)]), (30, [(KO_LONG, 0.5), (KO_SHORT, 0.8)])):
        session = await store.create_session({"language": "ko", "role": "Backend engineer"}, "local")
        for position, (text, pace) in enumerate(answers, 1):
            await _answer(store, session, position, text, pace)
        await store.set_session_status(session, "complete", ended=True)
        store.db.execute("update sessions set created_at = ? where id = ?", (f"2026-11-{day}T12:00:00+00:00", session))
        store.db.conn.commit()
        ids.append(session)
    return ids[0], ids[1]


def _record_chart_text(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """QPainter in desktop/report_charts.py replaced by one that records each text drawn with its pen's colour."""
    from PySide6.QtGui import QPainter

    from desktop import report_charts

    drawn: list[tuple[str, str]] = []

    class Recording(QPainter):
        def drawText(self, *args: Any) -> None:
            drawn.append((self.pen().color().name(), str(args[-1])))
            super().drawText(*args)

    monkeypatch.setattr(report_charts, "QPainter", Recording)
    return drawn


async def test_a_korean_session_reads_in_korean_with_dates_and_only_charts_that_say_something(
    tmp_path: Path, qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.fonts import install_fonts
    from desktop.report_pdf import build_document, export_report, gather
    from engine.report.report_dates import local_date
    from engine.storage.store import Store

    install_fonts(qapp)
    store = await Store.open(tmp_path / "data" / "interview-coach.sqlite3")
    try:
        before, now = await _korean_sessions(store)
        pdf = await export_report(store, now, tmp_path / "ko.pdf", "a4", None)  # None: the session's language
        english = await export_report(store, now, tmp_path / "en.pdf", "a4", "en")  # asked for: English
        report = await gather(store, now)
    finally:
        await store.close()
    first, second = local_date("2026-11-28T12:00:00+00:00"), local_date("2026-11-30T12:00:00+00:00")
    text = " ".join(extracted(pdf).split())
    assert "면접 연습 보고서" in text and "Interview practice report" not in text
    assert f"지난 면접 #{before}({first})" in text and f"이번 면접 #{now}({second})" in text  # every comparison
    assert "어느 답변에서도 군말이 나오지 않았습니다" in text  # fillers all 0: a line, not a chart
    assert "답변 중 말하기 속도(음절/분) · 음영: 목표 300" in text  # the long answer's pace chart, its band
    assert "이 답변은 2초였습니다" in text  # the short answer says why it has none
    measures = " ".join(messages.text("feedback.measures", "ko").split())
    assert text.count(measures) == 1  # said once, under the session's score, not again for each answer
    in_english = " ".join(extracted(english).split())
    assert "Interview practice report" in in_english
    assert f"previous session #{before} ({first})" in in_english and f"this one, #{now} ({second})" in in_english

    drawn = _record_chart_text(monkeypatch)
    html_text = build_document(report).toHtml()
    charts = set(re.findall(r"chart://([a-z-]+)", html_text))
    assert {"trend-pace", "pace-"} <= {c if not c.startswith("pace-") else "pace-" for c in charts}
    assert "fillers" not in charts  # all zero
    labels = [t for _, t in drawn]
    assert f"#{before}\n{first}" in labels and f"#{now}\n{second}" in labels  # the x-axis names the sessions
    assert not {"128", "256"} & set(labels)  # round ticks
    assert {"0", "100", "200", "300", "400"} <= set(labels)


async def test_a_review_the_model_is_still_writing_or_never_wrote_is_said_not_left_out(
    tmp_path: Path, qapp: Any
) -> None:
    from desktop.fonts import install_fonts
    from desktop.report_pdf import export_report
    from engine.storage.store import Store

    install_fonts(qapp)
    store = await Store.open(tmp_path / "data" / "interview-coach.sqlite3")
    try:
        session = await store.create_session({"language": "ko", "interviewer_model": "model.gguf"}, "local")
        await _answer(store, session, 1, KO_LONG, 0.5)
        await store.set_session_status(session, "complete", ended=True)
        detail = await store.session_detail(session)
        assert detail is not None
        (answer_id,) = [a.id for q in detail.questions for a in q.answers]
        writing = await export_report(store, session, tmp_path / "writing.pdf", "a4", reviews_writing={answer_id})
        missing = await export_report(store, session, tmp_path / "missing.pdf", "a4")
    finally:
        await store.close()

    def said(key: str) -> str:
        return " ".join(messages.text(key, "ko").split())

    in_writing, in_missing = (" ".join(extracted(pdf).split()) for pdf in (writing, missing))
    assert said("report.review_writing") in in_writing and said("rubric.unavailable") not in in_writing
    assert said("rubric.unavailable") in in_missing and said("report.review_writing") not in in_missing


async def test_a_single_session_has_no_trend_chart(tmp_path: Path, qapp: Any) -> None:
    from desktop.fonts import install_fonts
    from desktop.report_pdf import build_document, gather
    from engine.storage.store import Store

    install_fonts(qapp)
    store = await Store.open(tmp_path / "data" / "interview-coach.sqlite3")
    try:
        session = await store.create_session({"language": "ko"}, "local")
        await _answer(store, session, 1, KO_LONG, 0.5)
        report = await gather(store, session, "en")
    finally:
        await store.close()
    html_text = build_document(report).toHtml()
    assert "chart://trend" not in html_text
    assert "starts with your second Korean session" in html_text


async def test_every_text_colour_in_the_report_meets_aa_contrast_on_white(
    tmp_path: Path, qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The style sheet's and the document's colours (classes, inline styles, the transcript's highlights) and
    every pen that writes a chart's labels: each at least 4.5:1 on white, the page's and the charts' ground."""
    from desktop.fonts import install_fonts
    from desktop.report_pdf import build_document, gather, style_sheet
    from desktop.theme import contrast
    from engine.storage.store import Store

    install_fonts(qapp)
    store = await Store.open(tmp_path / "data" / "interview-coach.sqlite3")
    try:
        _, now = await _korean_sessions(store)
        report = await gather(store, now)
    finally:
        await store.close()
    drawn = _record_chart_text(monkeypatch)
    document = build_document(report)
    text_colour = re.compile(r"(?<![-\w])color\s*:\s*(#[0-9a-fA-F]{3,6})")  # not background-color
    colours = set(text_colour.findall(style_sheet())) | set(text_colour.findall(document.toHtml()))
    pens = {colour for colour, _ in drawn}
    assert colours and pens  # the check saw the styles and the charts' labels
    low = {c: round(contrast(c, "#ffffff"), 2) for c in colours | pens if contrast(c, "#ffffff") < 4.5}
    assert not low, f"text colours under WCAG AA (4.5:1) on white: {low}"
