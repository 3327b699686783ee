"""`main.py --screenshot PATH --screen NAME`: render one screen offscreen to a PNG and exit (docs, checks)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject

from desktop.main_window import MainWindow, Screen
from desktop.signals import next_emission
from engine.interview.questions import InterviewKind, choose_questions

log = logging.getLogger(__name__)

SCREENS = tuple(s.value for s in Screen)


async def show_for_capture(window: MainWindow, screen: Screen) -> None:
    """Put the window on `screen` with real content: the newest stored session, a question from the bank."""
    if screen is Screen.REVIEW:
        sessions = await window.ctx.store.list_sessions()
        if sessions:
            loaded = asyncio.ensure_future(next_emission(window.review.loaded, timeout=30))
            window.open_review(sessions[0].id)
            await loaded
            return
    if screen is Screen.HISTORY:
        refreshed = asyncio.ensure_future(next_emission(window.history.refreshed, timeout=30))
        window.show_screen(screen)
        await refreshed
        return
    if screen is Screen.SETTINGS:  # with the readings' costs measured so far, read from the history
        shown = asyncio.ensure_future(next_emission(window.settings.reread.costs_shown, timeout=30))
        window.show_screen(screen)
        await shown
        return
    if screen is Screen.PRACTICE:
        language = window.ctx.errors.language
        question = (await asyncio.to_thread(choose_questions, language, InterviewKind.MIXED, 1))[0]
        window.practice.preview(question.text, question.category.value, 5)
    window.show_screen(screen)


async def save_png(widget: QObject, path: Path) -> None:
    # Pending layouts and paints are handled by yielding to the loop, which is Qt's. Not processEvents():
    # inside a task it would step another task re-entrantly, asyncio refuses, and that task (a warm-up on a
    # worker, say) is never resumed, so the app's exit waited for it forever.
    await asyncio.sleep(0.05)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(path), "PNG"):  # type: ignore[attr-defined]
        raise OSError(f"could not write {path}")


def capture_on_ready(path: Path, screen: str) -> Callable[[MainWindow], None]:
    def on_ready(window: MainWindow) -> None:
        async def capture() -> None:
            try:
                await show_for_capture(window, Screen(screen))
                await save_png(window, path)
                print(path)
            finally:
                window.close()

        window.ctx.tasks.spawn(capture(), "screenshot")

    return on_ready
