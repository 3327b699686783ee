"""Measures how long the event loop is kept from running: the UI freezes for exactly that long.

A task asks to wake every `interval` seconds and records how late it woke; the worst lateness is the
longest stall. Used by bench/startup.py (never by a timed assertion in tests).
"""

from __future__ import annotations

import asyncio
import contextlib
import time


class StallMonitor:
    def __init__(self, interval: float = 0.005) -> None:
        self.interval = interval
        self.longest = 0.0
        self.samples = 0
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._watch(), name="stall-monitor")

    async def stop(self) -> float:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        return self.longest

    async def _watch(self) -> None:
        while True:
            before = time.perf_counter()
            await asyncio.sleep(self.interval)
            late = time.perf_counter() - before - self.interval
            self.samples += 1
            self.longest = max(self.longest, late)
