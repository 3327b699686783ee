"""What is looked at before anything is credited: is this an answer at all, and is it an answer to *this*
question? Junk of every kind (JunkKind) scores at most 5; relevance is a criterion of every type.

Relevance is lexical, by design: the question's own topic words found again in the answer (stems, so
"disagreed" meets "disagreement" and 갈등을 meets 갈등이), and the cues that an answer to a question of its
type carries ("I would…" for a hypothetical, "your company…" for a motivation question). No registry
package ships multilingual sentence-embedding weights (those found fetch them from a model hub at run time),
and bench/feedback_quality.py shows what this reaches on answers it was not tuned on.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from functools import cache

from engine.feedback.cues import Cues, cues
from engine.feedback.question_type import QuestionType
from engine.feedback.text import (
    Texture,
    has_phrase,
    is_korean,
    phrase_hits,
    same_stem,
    sentences,
    stems,
    texture,
    words,
)


class JunkKind(enum.StrEnum):
    EMPTY = "empty"
    FILLERS = "fillers"  # nothing but hesitation sounds and hedges
    GIBBERISH = "gibberish"
    NUMBERS = "number_stuffing"  # figures with no story around them
    KEYWORDS = "keywords"  # a list of terms, not sentences
    STAR_WORDS = "star_stuffing"  # the method's own words (situation, result, impact…) instead of a story
    QUESTION_REPEAT = "question_repeat"
    EVASION = "evasion"
    OFF_TOPIC = "off_topic"


# Tuned on the dev split of tests/data/feedback (bench/feedback_quality.py); the reasons are beside them.
MIN_WORDS = 3  # fewer real words than this, after hedges, is not an answer
GIBBERISH_UNKNOWN = 0.3  # this share of the content words in no word list: not names or jargon, noise
LIST_GRAMMAR = {"en": 0.12, "ko": 0.2}  # sentences are ~40% function words (en), ~70% inflected eojeol (ko)
NUMBER_SHARE = 0.2  # a fifth of the words figures, in a text without sentences
STAR_WORD_SHARE = 0.2  # a fifth of the content words are the method's own labels
# None of the question's words, and (almost) none of the type's cues with hardly any talk of work: a recipe,
# last night's match, a hobby, or an answer to another question. A real story told in words the work list
# lacks still has its type's cues.
OFF_TOPIC_MAX_CUES = 1
OFF_TOPIC_LEISURE = 2  # or as much talk of hobbies, sport or food as of work, and at least this much
ECHO_SHARE = 0.55  # over half the content words the question's own, and few besides: said back, not answered
ECHO_SHARE_MARKED = 0.3  # when the candidate says so ("this is the question, right?"), less echo is enough
ECHO_MOSTLY = 0.6  # and this much: a little praise for the question between its words does not make an answer
EVASION_MAX_STEMS = 30  # an evasion is short: a refusal followed by a real story is an answer
EVASION_SENTENCES = 3  # a refusal is looked for in the first sentence, and after a preamble of short ones
PREAMBLE_WORDS = 5


@dataclass(frozen=True, slots=True)
class Relevance:
    score: float  # 0-1: the question's topic words found again, and the type's cues
    topic_hits: tuple[str, ...]  # the question's topic stems the answer uses
    type_cues: int  # distinct cues of the question's type in the answer
    work_words: int  # distinct words of work and study (team, client, 업무, 고객…)
    leisure_words: int  # distinct words of hobbies, sport, food and weather


def _hits(text: str, phrases: tuple[str, ...], language: str) -> int:
    return sum(1 for phrase in phrases if has_phrase(text, (phrase,), language))


def topic_stems(question: str, table: Cues) -> list[str]:
    own = (
        s for s in stems(question, table.language) if not any(s.startswith(g) or same_stem(s, g) for g in table.generic)
    )
    return list(dict.fromkeys(own))  # each once, in the question's order


def relevance(question: str, answer: str, kind: QuestionType, table: Cues) -> Relevance:
    topic = topic_stems(question, table)
    said = stems(answer, table.language)
    hits = tuple(t for t in topic if any(same_stem(t, s) for s in said))
    cue_count = _hits(answer, table.type_cues[kind], table.language)
    cue_count += sum(min(2, len(p.findall(answer))) for p in table.type_patterns[kind])
    type_fit = min(1.0, cue_count / 4)
    if topic:
        coverage = min(1.0, len(hits) / min(len(topic), 3))  # three topic words found again is full cover
        # Self-introductions, strengths or closing questions have few topic words of their own: an answer
        # that plainly does what the type asks is on topic without repeating them.
        score = max(0.5 * coverage + 0.5 * type_fit, 0.75 * type_fit)
    else:
        score = type_fit
    distinct = set(said)
    work = sum(1 for w in _work_stems(table.language) if w in distinct or any(same_stem(w, s) for s in distinct))
    leisure = _hits(answer, table.leisure_words, table.language)
    return Relevance(round(score, 3), hits, cue_count, work, leisure)


@cache
def _work_stems(language: str) -> frozenset[str]:
    """The work words as stems, so "working", "projects" and 프로젝트를 count like their root."""
    return frozenset(s for word in cues(language).work_words for s in stems(word, language))


def _without_hedges(text: str, table: Cues) -> list[str]:
    lowered = text.lower()
    for match in sorted(phrase_hits(lowered, table.hedges, table.language), key=lambda m: -len(m.group(0))):
        lowered = lowered.replace(match.group(0), " ")
    return [w for w in words(lowered) if len(w) > 1 or w.isdigit()]


def _is_list(shape: Texture, language: str) -> bool:
    return shape.grammar_share < LIST_GRAMMAR.get(language, 0.12)


def junk_kind(
    question: str, answer: str, kind: QuestionType, table: Cues, fit: Relevance, *, told: bool = False
) -> JunkKind | None:
    """The kind of junk this is, or None for a real answer. Checked from the plainest kind to the subtlest.
    `told`: the answer tells something of the speaker's own with details; lacking the question's words and
    the type's cues, it is still no off-topic answer unless it is talk of leisure."""
    language = table.language
    if not words(answer):
        return JunkKind.EMPTY
    if len(_without_hedges(answer, table)) < MIN_WORDS:
        return JunkKind.FILLERS
    shape = texture(answer, language)
    if shape.unknown_share >= GIBBERISH_UNKNOWN:
        return JunkKind.GIBBERISH
    if (shape.number_share >= NUMBER_SHARE and _is_list(shape, language)) or shape.number_share >= 2 * NUMBER_SHARE:
        return JunkKind.NUMBERS
    if _is_list(shape, language):  # terms with no sentence around them, buzzwords or skills alike
        return JunkKind.KEYWORDS
    content = stems(answer, language)
    labels = sum(1 for s in content if _is_label(s, table))
    if content and labels / len(content) >= STAR_WORD_SHARE:
        return JunkKind.STAR_WORDS
    if _restates(question, answer, table):
        return JunkKind.QUESTION_REPEAT
    if _evades(answer, table) and len(content) <= EVASION_MAX_STEMS:
        return JunkKind.EVASION
    if not fit.topic_hits and (
        (fit.type_cues <= OFF_TOPIC_MAX_CUES and fit.work_words <= 1 and not told)
        # A question asked back at the interviewer, with nothing of what the type's answer says.
        or (kind is not QuestionType.CLOSING and _asks_back(answer) and fit.type_cues == 0 and fit.work_words <= 2)
        or (
            kind is not QuestionType.SELF_INTRODUCTION  # where hobbies have their place
            and fit.leisure_words >= OFF_TOPIC_LEISURE
            and fit.leisure_words >= fit.work_words
        )
    ):
        return JunkKind.OFF_TOPIC
    return None


def _evades(answer: str, table: Cues) -> bool:
    """A refusal opens an evasion ("딱히 없습니다", "I don't really have conflicts"), maybe after a short
    preamble ("Good question.", "네.", "음, 어려운 질문이네요."); the same words later on are a statement
    within an answer ("…야간 근무에 대한 부담은 없습니다")."""
    for sentence in sentences(answer)[:EVASION_SENTENCES]:
        if has_phrase(sentence.text, table.evasion, table.language):
            return True
        if len(sentence.text.split()) > PREAMBLE_WORDS:
            return False
    return False


_ASKS_BACK = re.compile(r"(?:\?|나요|까요|니까|가요)$")


def _asks_back(answer: str) -> bool:
    """The answer ends by asking a question (a closing answer's purpose; elsewhere, no answer)."""
    return bool(_ASKS_BACK.search(answer.strip().rstrip(".!…~ ")))


def _is_label(stem: str, table: Cues) -> bool:
    if is_korean(table.language):
        return any(stem.startswith(label) for label in table.star_labels)
    return any(stem == label or (label.startswith(stem) and len(stem) >= 4) for label in table.star_labels)


# "That's a good question", "…이 질문이시죠?": a candidate saying the question back, not answering it.
_QUESTION_MARKERS = re.compile(
    r"good question|great question|좋은 질문|질문이시죠|말씀이시죠|말씀이신가요|질문이네요|질문이군요"
)


def _restates(question: str, answer: str, table: Cues) -> bool:
    """The answer says back the question's words and little of its own."""
    topic = topic_stems(question, table)
    said = [s for s in stems(answer, table.language) if not any(s.startswith(g) for g in table.generic)]
    if not said or not topic:
        return False
    own = {s for s in said if not any(same_stem(s, t) for t in topic)}
    echoed = len(said) - sum(1 for s in said if s in own)
    if echoed < 2:
        return False
    share = echoed / len(said)
    # Mostly the question's own words, with little besides: a short wrong answer is still an answer.
    marked = bool(_QUESTION_MARKERS.search(answer.lower()))
    if share < (ECHO_SHARE_MARKED if marked else ECHO_SHARE):
        return False
    return len(own) <= (4 if share < ECHO_MOSTLY and not marked else 8)
