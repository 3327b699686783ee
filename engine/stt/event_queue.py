"""The queue a recognition session's tasks fill and its `events()` drains: events, then the end or a failure."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Generic, TypeVar

T = TypeVar("T")


class Done:
    """Put after the last event: `events()` ends."""


class EventQueue(Generic[T]):
    def __init__(self) -> None:
        self._queue: asyncio.Queue[T | Done | BaseException] = asyncio.Queue()

    def put(self, item: T | Done | BaseException) -> None:
        """An event; Done() to end the stream; an exception to raise it in the consumer."""
        self._queue.put_nowait(item)

    async def drain(self) -> AsyncIterator[T]:
        while True:
            item = await self._queue.get()
            if isinstance(item, Done):
                return
            if isinstance(item, BaseException):
                raise item
            yield item
