"""The interviewer's persona without a language model: its wording and its follow-ups, from the bank's
templates (resources/questions/personas.json). With a model the persona is a line of its prompt instead.

Pressure presses on what the feedback found vague: an answer that dodged the question, a story told as "we"
with no part of one's own, hedging words, or no figure or example. Friendly invites more from a short
answer. Neutral asks the bank's questions as they are and never follows up on its own.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from engine.feedback.view import FeedbackView
from engine.interview.modes import Persona
from engine.runtime.resources import resource_path

# A part of the answer earning under this share of its points counts as missing, for pressure.
MISSING_SHARE = 0.5


@cache
def _templates() -> dict[str, Any]:
    found: dict[str, Any] = json.loads(resource_path("questions", "personas.json").read_text("utf-8"))
    return found


def warm_up() -> None:
    """Read the templates now (off the loop, at an interview's start), not at its first turn."""
    _templates()


def _wording(persona: Persona, language: str) -> dict[str, Any]:
    wording: dict[str, Any] = _templates()[language if language in ("en", "ko") else "en"][persona.value]
    return wording


def lead_in(persona: Persona, language: str, number: int) -> str:
    """What the persona says before a main question after the first ("" for neutral); varied by turn."""
    lead_ins: list[str] = _wording(persona, language)["lead_ins"]
    return lead_ins[number % len(lead_ins)] if lead_ins and number > 1 else ""


def follow_up(persona: Persona, language: str, view: FeedbackView | None, short: bool, number: int) -> str | None:
    """The persona's follow-up to an answer, or None. `view`: the answer's content feedback; `short`: too
    short for a follow-up of substance; `number`: the turn, to vary the wording."""
    templates: dict[str, list[str]] = _wording(persona, language)["follow_ups"]
    reason, word = _reason(persona, view, short)
    if reason is None or reason not in templates:
        return None
    options = templates[reason]
    return options[number % len(options)].replace("{word}", word)


def _reason(persona: Persona, view: FeedbackView | None, short: bool) -> tuple[str | None, str]:
    if persona is Persona.FRIENDLY:
        return ("short" if short and view is not None and view.flag is None else None), ""
    if persona is not Persona.PRESSURE or view is None:
        return None, ""
    if view.flag is not None:  # junk: off-topic, an evasion, a restatement, a keyword list
        return "dodge", ""
    parts = {p.criterion: p for p in view.parts}
    ownership = parts.get("ownership")
    if ownership is not None and ownership.points < ownership.max_points * MISSING_SHARE:
        return "ownership", ""
    if view.vague_words:
        return "vague", view.vague_words[0]
    specificity = parts.get("specificity")
    if specificity is not None and specificity.points < specificity.max_points * MISSING_SHARE:
        return "specificity", ""
    return None, ""  # a concrete answer of one's own: nothing to press on
