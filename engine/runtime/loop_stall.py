"""Measures how long the event loop is kept from running: the UI freezes for exactly that long.

A task asks to wake every `interval` seconds and records how late it woke; the worst lateness is the
longest stall. Used by bench/startup.py (never by a timed assertion in tests).

With `blame_after` set, a watcher thread also names the culprit: whenever the loop has not woken for that
long, it samples the loop thread's stack and counts the innermost frame of the app's own code (engine/,
desktop/), so a stall is reported with the function that held the loop.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import sys
import threading
import time
import traceback
from pathlib import Path

_APP_FOLDERS = ("engine", "desktop")


class StallMonitor:
    def __init__(self, interval: float = 0.005, blame_after: float | None = None) -> None:
        self.interval = interval
        self.longest = 0.0
        self.samples = 0
        self.blamed: collections.Counter[str] = collections.Counter()  # "file:line function" -> samples
        self.stalls: list[tuple[float, float]] = []  # (perf_counter when the loop woke, seconds late) over blame_after
        self._blame_after = blame_after
        self._woke = time.perf_counter()
        self._stop = threading.Event()
        self._task: asyncio.Task[None] | None = None
        self._watcher: threading.Thread | None = None

    def start(self) -> None:
        self._woke = time.perf_counter()
        self._task = asyncio.get_running_loop().create_task(self._watch(), name="stall-monitor")
        if self._blame_after is not None:
            self._watcher = threading.Thread(target=self._blame, args=(threading.get_ident(),), daemon=True)
            self._watcher.start()

    async def stop(self) -> float:
        self._stop.set()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self._watcher is not None:
            self._watcher.join()
        return self.longest

    def _blame(self, loop_thread: int) -> None:
        assert self._blame_after is not None
        while not self._stop.wait(self.interval / 2):
            if time.perf_counter() - self._woke < self._blame_after + self.interval:
                continue
            frame = sys._current_frames().get(loop_thread)
            if frame is not None:
                self.blamed[_innermost_app_frame(frame)] += 1

    async def _watch(self) -> None:
        while True:
            before = time.perf_counter()
            await asyncio.sleep(self.interval)
            self._woke = time.perf_counter()
            late = self._woke - before - self.interval
            if self._blame_after is not None and late > self._blame_after:
                self.stalls.append((self._woke, late))
            self.samples += 1
            self.longest = max(self.longest, late)


def _innermost_app_frame(frame: object) -> str:
    """Where in the app's own code the loop thread is: its innermost frame under engine/ or desktop/, or the
    innermost frame at all when it is inside a library called from elsewhere."""
    stack = traceback.extract_stack(frame)  # type: ignore[arg-type]
    for entry in reversed(stack):
        parts = Path(entry.filename).parts
        if any(folder in parts for folder in _APP_FOLDERS) and "site-packages" not in parts:
            return f"{Path(entry.filename).name}:{entry.lineno} {entry.name}"
    last = stack[-1]
    return f"{Path(last.filename).name}:{last.lineno} {last.name}"
