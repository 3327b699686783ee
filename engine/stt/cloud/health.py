"""Health figures of one cloud provider across sessions: connect latency, reconnects per hour, success rate.

Shared by every session of a provider for the life of the app and pushed to listeners (the diagnostics
panel) when they change. Memory stays flat: latencies and reconnect times are kept in bounded windows.
"""

from __future__ import annotations

import statistics
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

LATENCY_WINDOW = 200  # connects remembered for the latency figures
HOUR_S = 3600.0


@dataclass(frozen=True, slots=True)
class HealthSnapshot:
    provider: str
    attempts: int
    successes: int
    reconnects: int
    fallbacks: int  # answers that went on on local recognition
    connect_median_ms: float | None
    connect_p90_ms: float | None
    reconnects_per_hour: float
    last_error: str  # a message-catalogue key, "" when none

    @property
    def success_rate(self) -> float | None:
        return self.successes / self.attempts if self.attempts else None


class CloudHealth:
    def __init__(self, provider: str, clock: Callable[[], float] = time.monotonic) -> None:
        self.provider = provider
        self._clock = clock
        self._born = clock()
        self._attempts = 0
        self._successes = 0
        self._reconnects = 0
        self._fallbacks = 0
        self._latencies_ms: deque[float] = deque(maxlen=LATENCY_WINDOW)
        self._reconnect_times: deque[float] = deque()
        self._last_error = ""
        self._listeners: list[Callable[[HealthSnapshot], None]] = []

    def subscribe(self, listener: Callable[[HealthSnapshot], None]) -> None:
        self._listeners.append(listener)

    def attempt(self) -> None:
        self._attempts += 1

    def connected(self, latency_s: float) -> None:
        self._successes += 1
        self._latencies_ms.append(latency_s * 1000)
        self._push()

    def failed(self, key: str) -> None:
        self._last_error = key
        self._push()

    def reconnect(self) -> None:
        self._reconnects += 1
        now = self._clock()
        self._reconnect_times.append(now)
        while self._reconnect_times and now - self._reconnect_times[0] > HOUR_S:
            self._reconnect_times.popleft()
        self._push()

    def fell_back(self) -> None:
        self._fallbacks += 1
        self._push()

    def snapshot(self) -> HealthSnapshot:
        latencies = sorted(self._latencies_ms)
        median = statistics.median(latencies) if latencies else None
        p90 = latencies[min(len(latencies) - 1, int(0.9 * len(latencies)))] if latencies else None
        # Over the last hour; extrapolated while the app has been up for less (at least a minute of it).
        window = min(HOUR_S, max(60.0, self._clock() - self._born))
        per_hour = len(self._reconnect_times) * HOUR_S / window
        return HealthSnapshot(
            self.provider,
            self._attempts,
            self._successes,
            self._reconnects,
            self._fallbacks,
            median,
            p90,
            per_hour,
            self._last_error,
        )

    def _push(self) -> None:
        if not self._listeners:
            return
        snap = self.snapshot()
        for listener in list(self._listeners):
            listener(snap)
