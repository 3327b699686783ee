"""Python's cyclic garbage collector, run on the GUI thread only, for as long as the app runs.

Left to itself the collector runs on whichever thread crosses its allocation threshold: in this app often a
worker (speech decoding, the database, a report). A Qt object caught in a reference cycle is then destroyed
on that worker, where Qt cannot stop its timers ("Timers cannot be stopped from another thread"); the next
timer event is sent to freed memory and the process dies in QTimerInfoList::activateTimers. CI died of
exactly this, with qasync's timer object.

The pattern is pyqtgraph's GarbageCollector (after Erik Janssens): automatic collection off, and a timer on
the GUI thread collects the generations whose counts are past their thresholds, much as CPython would (its
extra condition on full collections aside: here one comes after about ten of generation 1, which
gc.freeze() at start-up keeps cheap). A loop blocked for a while only delays collection.
"""

from __future__ import annotations

import gc
from types import TracebackType

from PySide6.QtCore import QTimer

CHECK_EVERY_MS = 1000


def _oldest_due(counts: tuple[int, int, int], thresholds: tuple[int, ...]) -> int | None:
    """The generation CPython would collect now (collecting it collects the younger ones too), or None."""
    due = None
    for generation in range(3):
        if counts[generation] <= thresholds[generation]:
            break
        due = generation
    return due


class GuiThreadCollector:
    """Use as a context manager on the GUI thread: collection happens there, on a timer, until it exits."""

    def __init__(self, interval_ms: int = CHECK_EVERY_MS) -> None:
        self._interval_ms = interval_ms
        self._timer: QTimer | None = None
        self._was_enabled = False

    def __enter__(self) -> GuiThreadCollector:
        self._timer = QTimer(interval=self._interval_ms)  # first: if this fails, collection was never turned off
        self._timer.timeout.connect(self.check)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer.start()
        return self

    def check(self) -> None:
        due = _oldest_due(gc.get_count(), gc.get_threshold())
        if due is not None:
            gc.collect(due)

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None  # no parent, no cycle: destroyed here, on the GUI thread
        gc.collect()  # what the app left in cycles goes now, on this thread, not on some later worker
        if self._was_enabled:
            gc.enable()
