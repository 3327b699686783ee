"""The interviewer's prompts, written natively in each language (resources/prompts/{en,ko}/*.md).

Messages are laid out so that every request of an interview shares one prefix: the system prompt (role,
posting, résumé, seed questions), then the turns so far, then a short note for the task at hand. The KV
cache keeps that prefix, so a turn prefills only the newest answer and the note. The system prompt's
stable part (role, posting and résumé: what set-up fills in) comes before the seed questions, which each
interview chooses afresh: it can be read before the interview starts, and its saved state serves the next
interview with the same posting and résumé.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import cache

from engine.llm.contract import ChatMessage, Role
from engine.runtime.resources import resource_path

_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "any": "not specified",
        "junior": "junior",
        "mid": "mid-level",
        "senior": "senior",
        "behavioural": "behavioural",
        "technical": "technical",
        "mixed": "behavioural and technical",
        "none": "(none given)",
    },
    "ko": {
        "any": "무관",
        "junior": "신입/주니어",
        "mid": "경력(중간 연차)",
        "senior": "시니어",
        "behavioural": "인성",
        "technical": "기술",
        "mixed": "인성과 기술",
        "none": "(없음)",
    },
}

# Long inputs are cut so that one pasted document cannot crowd the interview out of the context.
MAX_DOCUMENT_CHARS = 12_000


@cache
def _template(language: str, name: str) -> string.Template:
    return string.Template(resource_path("prompts", language, f"{name}.md").read_text("utf-8").strip())


@dataclass(frozen=True)
class InterviewBrief:
    language: str
    role: str
    company: str
    seniority: str
    kind: str
    posting: str
    resume: str
    seeds: tuple[str, ...]
    persona: str = "neutral"  # friendly, neutral or pressure: resources/prompts/<lang>/persona_<name>.md


def system_prompt(brief: InterviewBrief) -> str:
    seeds = "\n".join(f"- {seed}" for seed in brief.seeds) or _LABELS[brief.language]["none"]
    return stable_prompt(brief) + "\n\n" + _template(brief.language, "seeds").substitute(seeds=seeds)


def stable_prompt(brief: InterviewBrief) -> str:
    """The system prompt's first part, the same for every interview with this set-up (no seed questions)."""
    labels = _LABELS[brief.language]
    company = ""
    if brief.company:
        company = f", at {brief.company}" if brief.language == "en" else f"{brief.company}의 "
    role = brief.role or ("the advertised position" if brief.language == "en" else "지원")
    return _template(brief.language, "system").substitute(
        role=role,
        company_clause=company,
        seniority=labels.get(brief.seniority, brief.seniority),
        kind=labels.get(brief.kind, brief.kind),
        posting=brief.posting.strip()[:MAX_DOCUMENT_CHARS] or labels["none"],
        resume=brief.resume.strip()[:MAX_DOCUMENT_CHARS] or labels["none"],
        manner=_template(brief.language, f"persona_{brief.persona}").template,
    )


def note(language: str, name: str, **values: str) -> str:
    return _template(language, name).substitute(**values)


def with_note(history: list[ChatMessage], text: str) -> tuple[ChatMessage, ...]:
    """The history with the task note appended to its last user turn (or as a user turn of its own).

    Appending to the answer, rather than adding a turn after it, keeps the note out of the stored history
    and works with every chat template (some reject two user turns in a row).
    """
    if history and history[-1].role is Role.USER:
        return (*history[:-1], ChatMessage(Role.USER, f"{history[-1].content}\n\n{text}"))
    return (*history, ChatMessage(Role.USER, text))
