"""Running a thread below everything else the app does: an answer read again while it is still being given.

Linux keeps a scheduling class and a nice value per thread, and a thread starts with its creator's; so a
thread that lowers its own, and then loads a model, also lowers the threads the model's library starts for
it (CTranslate2's worker and its OpenMP team are created by the loading thread). The class is SCHED_IDLE:
the thread runs only on a core nothing else wants. Nice 19 alone still cost the live finals of a 157 s
answer about 0.25 s at the median on two cores (bench/stt_streaming.py); SCHED_IDLE cost them nothing
measurable. Elsewhere a thread's priority is not handed to the threads it starts (macOS, Windows), so this
does nothing there, and callers read ahead only where a core is spare (stored_transcript.reads_beside_live).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sys
import threading
from collections.abc import Callable
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
LOWEST = 19  # the nicest a thread can be: it runs on what the other threads leave


def can_lower_threads() -> bool:
    return sys.platform == "linux"


def lower_this_thread() -> bool:
    """Give the calling thread (and every thread it starts from now on) the lowest priority; False where that
    is not possible."""
    if not can_lower_threads():
        return False
    thread = threading.get_native_id()
    try:
        os.setpriority(os.PRIO_PROCESS, thread, LOWEST)
    except OSError as error:  # a sandbox that forbids it: the thread runs as it was
        log.warning("could not lower a thread's priority: %s", error)
        return False
    try:
        os.sched_setscheduler(thread, os.SCHED_IDLE, os.sched_param(0))
    except OSError as error:  # nice 19 alone still yields to the live passes, if less
        log.info("a thread's scheduling class stays as it was (%s); it runs at nice %d", error, LOWEST)
    return True


async def run_at_lowest_priority(work: Callable[[asyncio.AbstractEventLoop], T]) -> T:
    """`work(loop)` on a thread of its own, lowered first (where possible); its result or its exception.
    Not a pooled thread: a lowered one would stay lowered for whatever the pool hands it next."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[T] = loop.create_future()

    def settle(result: T | None, error: BaseException | None) -> None:
        if done.done():  # the waiter was cancelled
            return
        if error is not None:
            done.set_exception(error)
        else:
            done.set_result(result)  # type: ignore[arg-type]  # None only with an error

    def body() -> None:
        lower_this_thread()
        try:
            result = work(loop)
        except BaseException as error:  # noqa: BLE001 - handed to the waiter, whatever it is
            outcome: tuple[T | None, BaseException | None] = (None, error)
        else:
            outcome = (result, None)
        with contextlib.suppress(RuntimeError):  # the loop has closed: nobody waits any more
            loop.call_soon_threadsafe(settle, *outcome)

    threading.Thread(target=body, name="lowest-priority", daemon=True).start()
    return await done
