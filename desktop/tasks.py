"""The owner of the desktop's asyncio tasks: every task the UI starts is created, watched and cancelled here.

The tasks live in one asyncio.TaskGroup that the app's main coroutine holds open. A task that fails with an
AppError is shown to the user by the one error handler and the app goes on; any other exception is a bug,
logged with its traceback and shown as a generic error (never swallowed). At shutdown `close()` cancels
whatever is still running and the TaskGroup waits for it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from engine.errors import AppError

log = logging.getLogger(__name__)

ErrorSink = Callable[[BaseException], None]


class TaskOwner:
    def __init__(self, group: asyncio.TaskGroup, on_error: ErrorSink) -> None:
        self._group = group
        self._on_error = on_error
        self._tasks: set[asyncio.Task[Any]] = set()
        self._closing = False

    def spawn(self, coro: Coroutine[Any, Any, Any], name: str) -> asyncio.Task[Any] | None:
        if self._closing:
            coro.close()
            return None
        task = self._group.create_task(self._guarded(coro), name=name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        # A task cancelled before its first step never awaits `coro`: close it (a no-op once it has run).
        task.add_done_callback(lambda _task: coro.close())
        return task

    async def _guarded(self, coro: Coroutine[Any, Any, Any]) -> Any:
        try:
            return await coro
        except AppError as error:
            log.info("task failed with a user-facing error: %s", error)
            self._on_error(error)
        except Exception as error:
            log.exception("unexpected error in a background task")
            self._on_error(error)
        return None

    @property
    def running(self) -> int:
        return len(self._tasks)

    async def close(self) -> None:
        self._closing = True
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
