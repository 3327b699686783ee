"""The interview session's states and the moves between them."""

from __future__ import annotations

import enum


class SessionState(enum.StrEnum):
    SETTING_UP = "setting_up"
    ASKING = "asking"
    LISTENING = "listening"
    THINKING = "thinking"
    FEEDBACK = "feedback"
    COMPLETE = "complete"
    INTERRUPTED = "interrupted"
    FAILED = "failed"

    @property
    def is_terminal(self) -> bool:
        return self in (SessionState.COMPLETE, SessionState.INTERRUPTED, SessionState.FAILED)


_MOVES: dict[SessionState, frozenset[SessionState]] = {
    SessionState.SETTING_UP: frozenset({SessionState.ASKING}),
    SessionState.ASKING: frozenset({SessionState.LISTENING}),
    SessionState.LISTENING: frozenset({SessionState.THINKING}),
    SessionState.THINKING: frozenset({SessionState.FEEDBACK}),
    SessionState.FEEDBACK: frozenset({SessionState.ASKING, SessionState.COMPLETE}),
    SessionState.COMPLETE: frozenset(),
    SessionState.INTERRUPTED: frozenset(),
    SessionState.FAILED: frozenset(),
}


class InvalidTransition(RuntimeError):
    """A programming error: the engine tried a move the state machine does not allow."""


def check_move(current: SessionState, target: SessionState) -> None:
    # Any live state may end as interrupted (user ended it) or failed (an error it cannot recover from).
    if target in (SessionState.INTERRUPTED, SessionState.FAILED) and not current.is_terminal:
        return
    if target not in _MOVES[current]:
        raise InvalidTransition(f"{current.value} -> {target.value}")
