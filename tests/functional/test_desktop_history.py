"""History in the desktop app, as a candidate meets it: before the first interview, a way to start one and no
empty axes; with interviews stored, a table with headers, rows numbered as the charts number their points,
sorted by the column clicked (by value, not by the text shown), and one chart per metric with its unit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QHeaderView

from desktop.main_window import Screen
from desktop.widgets.history_table import DATE, NUMBER, PACE, ROLE, HistoryTable
from engine.analysis.fillers import FillerHit
from engine.analysis.metrics import AnswerMetrics
from engine.config.preferences import Preferences
from engine.config.settings import AppPaths
from engine.storage.store import Store
from engine.stt.contract import TranscriptEvent, TranscriptKind
from tests.desktop_harness import Desktop, open_desktop
from tests.fake_sounddevice import FakeSoundDevice
from tests.functional.test_desktop_flow import shots_dir


def _open_history(qtbot: Any, desktop: Desktop) -> None:
    with qtbot.waitSignal(desktop.window.history.refreshed, timeout=10_000):
        desktop.window.show_screen(Screen.HISTORY)


def _prefs(tmp_path: Path) -> Preferences:
    return Preferences(data_dir=str(tmp_path / "data"), first_run_done=True)


def _order(table: HistoryTable) -> list[str]:
    return [table.item(row, NUMBER).text() for row in range(table.rowCount())]


def _click_header(qtbot: Any, header: QHeaderView, column: int) -> None:
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_before_the_first_interview_history_offers_to_start_one(
    qtbot: Any, qloop: Any, tmp_path: Path, data_dir: Path
) -> None:
    with open_desktop(
        qtbot, tmp_path, sd=FakeSoundDevice(None), preferences=_prefs(tmp_path), shots=shots_dir(tmp_path, "en")
    ) as desktop:
        history = desktop.window.history
        _open_history(qtbot, desktop)
        assert history.welcome.isVisible()
        assert history.welcome.heading.text() == "No interviews yet"
        button = history.welcome.start_button
        assert button.isVisible() and button.isEnabled()
        assert button.text() == "Start your first interview"
        assert button.property("role") == "primary"
        # No bare axes, no empty table: the trend and the list wait for the first interview.
        assert not history.chart.isVisible() and not history.table.isVisible()
        assert not history.search.isVisible()
        desktop.shoot("history-empty")
        with qtbot.waitSignal(history.startRequested, timeout=5_000):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


async def _store_interview(store: Store, language: str, role: str, pace: float, score: float) -> int:
    """A finished one-question interview with a complete metrics document (the drill queue reads it too)."""
    session = await store.create_session({"language": language, "role": role}, "local")
    question = await store.add_question(session, 1, f"{language}-b01", "Tell me about a deadline.", "behavioural")
    answer = await store.start_answer(session, question, "")
    text = "일찍 끝냈습니다" if language == "ko" else "I shipped it early"
    # 30 s of speech: rates a minute are shown (and averaged) only from 20 s on.
    await store.add_final(answer, TranscriptEvent(TranscriptKind.FINAL, 0, text, "", 0.0, 30.0, (), 0.9, "test"))
    await store.finish_answer(answer, "complete", 30.0, text)
    korean = language == "ko"
    figures = AnswerMetrics(
        language, 30.0, 30.0, 30.0, 4, 8 if korean else 0, 16, pace / 2 if korean else pace, pace if korean else 0.0,
        4.0, 1, 1.5, (FillerHit(1, "um", 1.0),), 0, 0, 0.0, 0.0, (),
    )  # fmt: skip
    await store.save_metrics(answer, {**figures.to_dict(), "content": {"score": score}})
    await store.set_session_status(session, "complete", ended=True)
    return session


@pytest.fixture
def two_sessions(qloop: Any, tmp_path: Path) -> tuple[int, int]:
    """#1 in English at 95 words a minute with no role, #2 in Korean at 180 syllables a minute: sorted as
    text, "180 …" would come before "95 …"; sorted by value, #1 comes first."""

    async def seed() -> tuple[int, int]:
        store = await Store.open(AppPaths(tmp_path / "data").database)
        english = await _store_interview(store, "en", "", 95, 40)
        korean = await _store_interview(store, "ko", "Engineer", 180, 70)
        await store.close()
        return english, korean

    return qloop.run_until_complete(seed())


def test_history_lists_interviews_in_a_sortable_table_numbered_as_the_charts(
    qtbot: Any, qloop: Any, tmp_path: Path, data_dir: Path, two_sessions: tuple[int, int]
) -> None:
    english, korean = two_sessions
    with open_desktop(
        qtbot, tmp_path, sd=FakeSoundDevice(None), preferences=_prefs(tmp_path), shots=shots_dir(tmp_path, "en")
    ) as desktop:
        history = desktop.window.history
        table = history.table
        _open_history(qtbot, desktop)
        assert not history.welcome.isVisible() and table.isVisible()
        headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        assert headers[:7] == ["#", "Date", "Language", "Role", "Status", "Answered", "Pace"]
        assert table.isColumnHidden(len(headers) - 1)  # where a search found its words: only while searching

        # Newest first, numbered by session id, each pace in its own unit; a role is a plain cell.
        assert _order(table) == [f"#{korean}", f"#{english}"]
        assert table.item(0, PACE).text() == "180 syllables/min"
        assert table.item(1, PACE).text() == "95 words/min"
        assert table.item(0, ROLE).text() == "Engineer"
        assert table.item(1, ROLE).text() == ""  # no role: an empty cell, not "(no role)"
        assert "1 of 1" in table.row_text(0)
        assert len(table.item(0, DATE).text()) == len("2026-01-31 09:05")
        desktop.shoot("history-table")

        # Sorted by the pace's value, then the other way on a second click.
        header = table.horizontalHeader()
        _click_header(qtbot, header, PACE)
        assert header.sortIndicatorSection() == PACE
        ascending = [f"#{english}", f"#{korean}"]
        by_pace = ascending if header.sortIndicatorOrder() is Qt.SortOrder.AscendingOrder else ascending[::-1]
        assert _order(table) == by_pace
        _click_header(qtbot, header, PACE)
        assert _order(table) == by_pace[::-1]

        # The selection follows its interview through a sort, and the buttons act on it.
        table.select(english)
        assert history.open_button.isEnabled() and history.delete_button.isEnabled()
        _click_header(qtbot, header, NUMBER)
        assert table.selected_id() == english

        # One chart per metric, its unit that of the chart's language, its points numbered as the table.
        assert history.chart_language_label.text() == "Language"
        assert history.chart_language_label.buddy() is history.chart_language
        assert history.chart_language.currentData() == "ko"  # the newest interview's language
        assert [p.session_id for p in history.chart.rows] == [korean]
        titles = [(c.spec.title, c.spec.unit) for c in history.chart.charts]
        assert titles == [
            ("Pace", "syllables/min"),
            ("Fillers per minute", "fillers/min"),
            ("Content score", "score (0–100)"),
        ]
        history.chart_language.setCurrentIndex(history.chart_language.findData("en"))
        history.chart_language.activated.emit(history.chart_language.currentIndex())
        qtbot.waitUntil(lambda: [p.session_id for p in history.chart.rows] == [english], timeout=10_000)
        assert history.chart.pace.spec.unit == "words/min"
        desktop.shoot("history-chart-en")

        # Double-click opens the interview's review, as before.
        row = _order(table).index(f"#{english}")
        rect = table.visualItemRect(table.item(row, NUMBER))
        loaded = qtbot.waitSignal(desktop.window.review.loaded, timeout=10_000)
        with qtbot.waitSignal(history.openSession, timeout=5_000) as opened, loaded:
            # A double-click is a press, a release, then the double-click event, as a real mouse sends.
            qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert opened.args == [english]
