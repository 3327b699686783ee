"""The practice screen's words about the turn: whose turn it is, in large type, and why each control that is
off is off (said under the buttons and in each one's tooltip). Kept in the practice screen's translation
context, where these strings have always lived."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from engine.interview.state import SessionState


def turn_text(state: SessionState, awaiting: bool, interviewer_speaking: bool) -> str:
    """Whose turn it is, as the candidate needs to know at a glance."""
    if interviewer_speaking and state is SessionState.ASKING:
        return QCoreApplication.translate("PracticePage", "🔊 The interviewer is speaking")
    if state is SessionState.ASKING and awaiting:
        return QCoreApplication.translate("PracticePage", "Your turn: press Start answer (or Space) when ready")
    texts = {
        SessionState.SETTING_UP: QCoreApplication.translate("PracticePage", "Setting up"),
        SessionState.ASKING: QCoreApplication.translate("PracticePage", "The interviewer is asking…"),
        SessionState.LISTENING: QCoreApplication.translate("PracticePage", "● Your turn: speak now"),
        SessionState.THINKING: QCoreApplication.translate("PracticePage", "Thinking…"),
        SessionState.FEEDBACK: QCoreApplication.translate("PracticePage", "Thinking…"),
        SessionState.COMPLETE: QCoreApplication.translate("PracticePage", "Complete"),
        SessionState.INTERRUPTED: QCoreApplication.translate("PracticePage", "Ended early"),
        SessionState.FAILED: QCoreApplication.translate("PracticePage", "Stopped by an error"),
    }
    return texts[state]


def start_reason(running: bool, state: SessionState, awaiting: bool) -> str:
    """Why Start answer and Skip are off ("" when they are on)."""
    if not running:
        return QCoreApplication.translate(
            "PracticePage", "No interview is running: start one from the Practice set-up."
        )
    if awaiting:
        return ""
    if state is SessionState.SETTING_UP:
        return QCoreApplication.translate("PracticePage", "The questions are being prepared.")
    if state is SessionState.LISTENING:
        return QCoreApplication.translate("PracticePage", "You are answering now: Finish answer (Space) ends it.")
    if state in (SessionState.THINKING, SessionState.FEEDBACK):
        return QCoreApplication.translate("PracticePage", "Your answer is being saved; the next question follows.")
    return QCoreApplication.translate("PracticePage", "Wait until the question has been asked.")


def finish_reason(running: bool, state: SessionState) -> str:
    """Why Finish answer is off ("" when it is on)."""
    if running and state is SessionState.LISTENING:
        return ""
    return QCoreApplication.translate("PracticePage", "Finish answer works while you are answering.")


def end_reason(running: bool) -> str:
    return "" if running else QCoreApplication.translate("PracticePage", "No interview is running.")
