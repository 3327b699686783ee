"""The cue lists of resources/feedback/{en,ko}.json as one typed record per language, read once."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields
from functools import cache

from engine.feedback.question_model import question_model
from engine.feedback.question_type import QuestionType
from engine.feedback.text import has_phrase
from engine.runtime.resources import resource_path


@dataclass(frozen=True)
class Cues:
    language: str
    question_types: tuple[tuple[QuestionType, tuple[str, ...]], ...]  # checked in this order
    type_cues: dict[QuestionType, tuple[str, ...]]
    type_patterns: dict[QuestionType, tuple[re.Pattern[str], ...]]  # grammar an answer of the type has
    star_patterns: dict[str, tuple[re.Pattern[str], ...]]  # see star.py
    opinion_patterns: tuple[re.Pattern[str], ...]
    star_explicit: dict[str, tuple[re.Pattern[str], ...]]  # wording that makes a STAR tag sure by itself
    past_tense: tuple[re.Pattern[str], ...]
    empty_steps: tuple[re.Pattern[str], ...]  # effort in general words ("최선을", "열심히", "do my best")
    intent: tuple[re.Pattern[str], ...]  # what one means or guesses one would do: "…하겠습니다", "I would"
    evasion: tuple[str, ...]
    star_labels: frozenset[str]
    generic: frozenset[str]  # stems that say nothing of a question's topic
    hedges: tuple[str, ...]
    ownership_first: tuple[str, ...]
    ownership_team: tuple[str, ...]
    vague: tuple[str, ...]
    posting_stopwords: frozenset[str]
    leisure_words: tuple[str, ...]  # hobbies, sport, food, weather: what an off-topic answer talks of
    work_words: tuple[str, ...]  # the talk of work and study: an answer has it, a recipe or a match report not
    reasoning: tuple[str, ...]  # why: because, so that
    example: tuple[str, ...]  # for example, in my last job
    contrast: tuple[str, ...]  # trade-offs: however, whereas
    future: tuple[str, ...]  # what the candidate means to do or bring
    question_ask: tuple[str, ...]  # how a candidate asks the interviewer something
    last_word: tuple[str, ...]  # a closing question that invites a last word, not only questions back
    announce: tuple[str, ...]  # a last word's opener or thanks ("한 가지만 덧붙이고 싶습니다"): not the point
    ask_topics: tuple[str, ...]  # what a good closing question is about


def _compiled(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE | re.MULTILINE) for p in patterns)


@cache
def cues(language: str) -> Cues:
    data = json.loads(resource_path("feedback", f"{language}.json").read_text("utf-8"))
    return Cues(
        language=language,
        question_types=tuple((QuestionType(name), tuple(phrases)) for name, phrases in data["question_types"]),
        type_cues={QuestionType(name): tuple(phrases) for name, phrases in data["type_cues"].items()},
        type_patterns={QuestionType(name): _compiled(patterns) for name, patterns in data["type_patterns"].items()},
        star_patterns={part: _compiled(patterns) for part, patterns in data["star_patterns"].items()},
        opinion_patterns=_compiled(data["opinion_patterns"]),
        star_explicit={part: _compiled(patterns) for part, patterns in data["star_explicit"].items()},
        past_tense=_compiled(data["past_tense"]),
        empty_steps=_compiled(data["empty_steps"]),
        intent=_compiled(data["intent"]),
        star_labels=frozenset(data["star_labels"]),
        generic=frozenset(data["generic"]),
        posting_stopwords=frozenset(data["posting_stopwords"]),
        # Every list of plain phrases, as it is in the file.
        **{f.name: tuple(data[f.name]) for f in fields(Cues) if f.type == "tuple[str, ...]"},
    )


def classify(question: str, language: str) -> QuestionType:
    """The type a question's wording asks for: the first type whose cue phrases it holds (closing and
    self-introduction first, as their wording is the most certain), else what the question model reads."""
    for kind, phrases in cues(language).question_types:
        if has_phrase(question, phrases, language):
            return kind
    return question_model(language).classify(question, language) if question.strip() else QuestionType.BEHAVIOURAL
