"""Awaiting a Qt signal from asyncio code: the bridge between the two event models, in one place."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import SignalInstance


async def next_emission(
    signal: SignalInstance, accept: Callable[..., bool] | None = None, timeout: float | None = None
) -> tuple[Any, ...]:
    """The arguments of the signal's next emission that `accept` approves (any, by default)."""
    done: asyncio.Future[tuple[Any, ...]] = asyncio.get_running_loop().create_future()

    def receive(*args: Any) -> None:
        if not done.done() and (accept is None or accept(*args)):
            done.set_result(args)

    signal.connect(receive)
    try:
        async with asyncio.timeout(timeout):  # not wait_for, which can lose a cancel on Python 3.11
            return await done
    finally:
        signal.disconnect(receive)
