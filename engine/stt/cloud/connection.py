"""The connection state machine every cloud recogniser runs under, and how its failures are classified.

States follow the design notes: disconnected → connecting → connected → (reconnecting → connecting …) →
closing → disconnected, or failed when retrying is pointless. A failure says how to retry: at once (a reset
or a planned restart), after a capped exponential backoff with jitter (rate limits, server errors, a lost
network), or never (bad credentials, an invalid request).
"""

from __future__ import annotations

import enum
import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)


class ConnectionState(enum.Enum):
    DISCONNECTED = "disconnected"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    CLOSING = "closing"
    FAILED = "failed"


_ALLOWED: dict[ConnectionState, frozenset[ConnectionState]] = {
    ConnectionState.DISCONNECTED: frozenset({ConnectionState.CONNECTING, ConnectionState.CLOSING}),
    ConnectionState.CONNECTING: frozenset(
        {ConnectionState.CONNECTED, ConnectionState.RECONNECTING, ConnectionState.FAILED, ConnectionState.CLOSING}
    ),
    ConnectionState.CONNECTED: frozenset(
        {ConnectionState.RECONNECTING, ConnectionState.FAILED, ConnectionState.CLOSING}
    ),
    ConnectionState.RECONNECTING: frozenset(
        {ConnectionState.CONNECTING, ConnectionState.FAILED, ConnectionState.CLOSING}
    ),
    ConnectionState.CLOSING: frozenset({ConnectionState.DISCONNECTED}),
    ConnectionState.FAILED: frozenset({ConnectionState.CLOSING}),
}


class ConnectionMachine:
    """Holds the state; refuses transitions the diagram does not have (a bug, not a user error)."""

    def __init__(self, on_change: Callable[[ConnectionState], None]) -> None:
        self.state = ConnectionState.DISCONNECTED
        self._on_change = on_change
        self.history: list[ConnectionState] = [self.state]

    def move(self, to: ConnectionState) -> None:
        if to is self.state:
            return
        if to not in _ALLOWED[self.state]:
            raise RuntimeError(f"connection cannot go from {self.state.value} to {to.value}")
        log.debug("connection %s -> %s", self.state.value, to.value)
        self.state = to
        if len(self.history) < 1000:  # enough to read a session's story; flat memory in long runs
            self.history.append(to)
        self._on_change(to)


class Retry(enum.Enum):
    NOW = "now"  # a reset, a timeout, the provider's stream-length limit: reconnect at once
    BACKOFF = "backoff"  # rate limited, server error, network gone: wait longer each time
    NEVER = "never"  # bad credentials, invalid request: retrying cannot help


class StreamFailure(Exception):
    """One stream (or socket) ended abnormally. `key` and `params` name the message the user would see."""

    def __init__(
        self,
        retry: Retry,
        key: str,
        /,
        *,
        network: bool = False,
        planned: bool = False,
        fix_needed: bool = True,
        **params: Any,
    ) -> None:
        super().__init__(f"{key} ({retry.value})")
        self.retry = retry
        self.key = key
        self.params = params
        self.network = network  # the network itself seems gone: counts toward going on locally
        self.planned = planned  # the client ended it (a provider's length limit ahead): not a failure
        self.fix_needed = fix_needed  # NEVER: the user must change something (else it is only news)


@dataclass
class Backoff:
    """Exponential backoff with full jitter, capped (AWS Architecture Blog, "Exponential Backoff And Jitter")."""

    base_s: float = 0.2
    cap_s: float = 8.0
    attempt: int = 0

    def next_delay(self) -> float:
        ceiling = min(self.cap_s, self.base_s * (2.0**self.attempt))
        self.attempt += 1
        # Half fixed, half random: never zero (a tight loop against a server that is down), still spread out.
        return ceiling / 2 + random.uniform(0, ceiling / 2)

    def reset(self) -> None:
        self.attempt = 0
