"""Each question type's criteria, and the model-free evidence for each: the sentences that show it.

A criterion earns its points only from quotes of the transcript; with none it stays at 0. STAR applies to
behavioural and situational questions only; a motivation or closing answer is judged on what those
questions ask. The points per type add up to 100, and the reasons for each weight are beside them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from engine.feedback.cues import Cues
from engine.feedback.evidence import Quote
from engine.feedback.question_type import QuestionType
from engine.feedback.screening import Relevance
from engine.feedback.star import StarTag, empty_promise
from engine.feedback.text import (
    EN_FUNCTION,
    HANGUL,
    NUMBER,
    Sentence,
    has_phrase,
    is_korean,
    same_stem,
    stems,
    texture,
    words,
    zipf,
)

# A move from one figure to another: "40분에서 5분으로", "from 40 minutes to 5".
CHANGE = re.compile(r"\d\S*\s*(?:에서|부터)\s+\S*\d\S*(?:으로|로)|\bfrom\s+\S+(?:\s+\S+)?\s+to\s+\S+", re.IGNORECASE)
SPECIFIC_QUOTES = 3  # the sentences with most details, quoted; details elsewhere earn nothing more
FULL_DETAILS = 6  # figures, names and rare words in the three most specific sentences for full specificity
NAME_ZIPF = 5.0  # a capitalised word more common than this is a sentence's first word, not a name
RARE_ZIPF = 3.3  # a known word rarer than this names something specific (a tool, a place, a measure)
SENTENCE_GRAMMAR_KO = 0.3  # a Korean sentence's eojeol are ~70% inflected; under this share it is a list


@dataclass(frozen=True, slots=True)
class Criterion:
    name: str  # its message key is "criterion.<name>"
    points: float
    max_points: float
    quotes: tuple[Quote, ...]  # what earned the points; empty when it earned none


# Points per criterion, per type. Relevance comes first everywhere; the rest is what the type asks. Checkable
# specifics (figures, names, rare words) weigh 30 everywhere: on every labelled set in both languages they
# told strong answers from weak ones best, within each type (ROC AUC 0.85-1.00 on dev), where claims a
# cliché can make ("your vision", "I will do my best") told them apart barely better than chance.
WEIGHTS: dict[QuestionType, tuple[tuple[str, float], ...]] = {
    # A past story: the four STAR parts, action and result weighing most (what *you* did, what came of it).
    QuestionType.BEHAVIOURAL: (
        ("relevance", 12), ("situation", 8), ("task", 8), ("action", 17), ("result", 17),
        ("specificity", 30), ("ownership", 8),
    ),
    # A hypothetical: a plan in steps, the reasons for it, the outcome it aims at.
    QuestionType.SITUATIONAL: (
        ("relevance", 14), ("plan", 23), ("reasoning", 19), ("outcome", 14), ("specificity", 30),
    ),
    # Why here: what the candidate knows of the company and role, tied to their own experience.
    QuestionType.MOTIVATION: (
        ("relevance", 19), ("company_fit", 14), ("experience", 19), ("reasoning", 9), ("future", 9),
        ("specificity", 30),
    ),
    QuestionType.SELF_INTRODUCTION: (
        ("relevance", 9), ("background", 14), ("achievement", 24), ("experience", 14), ("future", 9),
        ("specificity", 30),
    ),
    # A trait shown in a real example, and (for a weakness) what is being done about it.
    QuestionType.STRENGTHS_WEAKNESSES: (
        ("relevance", 14), ("trait", 9), ("experience", 24), ("improvement", 23), ("specificity", 30),
    ),
    # Knowledge: the question's own terms answered, explained, shown in use, weighed against alternatives.
    QuestionType.TECHNICAL: (
        ("relevance", 22), ("explanation", 17), ("example", 18), ("tradeoffs", 13), ("specificity", 30),
    ),
    # Questions back: real ones, about the work, specific to this team.
    QuestionType.CLOSING: (("relevance", 10), ("questions", 35), ("question_focus", 25), ("specificity", 30)),
}  # fmt: skip
# A closing question that also invites a last word ("마지막으로 하고 싶은 말이나 궁금한 점…", "anything to
# add?") may be answered with a point added to one's case instead of questions: a real example told, and what
# one would bring. Such an answer is judged by whichever of the two sets it meets better (assess.py).
LAST_WORD: tuple[tuple[str, float], ...] = (
    ("relevance", 10), ("added_point", 35), ("future", 25), ("specificity", 30),
)  # fmt: skip


def invites_last_word(kind: QuestionType, question: str, table: Cues) -> bool:
    return kind is QuestionType.CLOSING and has_phrase(question.replace("’", "'"), table.last_word, table.language)


def weight_sets(kind: QuestionType, question: str, table: Cues) -> tuple[tuple[tuple[str, float], ...], ...]:
    """The criteria an answer to this question may be judged by: its type's, and for a closing question that
    invites a last word, LAST_WORD too."""
    return (WEIGHTS[kind], LAST_WORD) if invites_last_word(kind, question, table) else (WEIGHTS[kind],)


def criterion_names(kind: QuestionType, question: str, table: Cues) -> tuple[str, ...]:
    """Every criterion an answer to this question may be judged by, in order: what a model is asked to quote."""
    return tuple(dict.fromkeys(name for weights in weight_sets(kind, question, table) for name, _ in weights))


def _quote(sentence: Sentence) -> Quote:
    return Quote(sentence.text, sentence.start, sentence.end, "cue")


def _credit(found: Sequence[Sentence], need: int) -> tuple[float, tuple[Quote, ...]]:
    """Credit for `need` sentences at most, and each of them quoted: no point rests on an unquoted one."""
    distinct = list(dict.fromkeys(found))[:need]  # a sentence found by two cues is still one piece of evidence
    return min(1.0, len(distinct) / need), tuple(_quote(s) for s in distinct)


def _is_name(token: str, frequency: float) -> bool:
    lowered = token.lower().replace("’", "'")
    if HANGUL.search(token) or not token[0].isupper() or lowered in EN_FUNCTION or lowered.startswith("i'"):
        return False
    return lowered != "i" and frequency < NAME_ZIPF


def details(sentence: str, language: str, topic: Sequence[str]) -> int:
    """Checkable specifics in a sentence: figures, rare words (tools, places, measures), names. In a Korean
    string of mostly bare words only the figures count: its "rare words" may be noise (made-up syllables
    read as rare words once put gibberish above a real answer)."""
    count = len(NUMBER.findall(sentence.lower()))
    if is_korean(language) and texture(sentence, language).grammar_share < SENTENCE_GRAMMAR_KO:
        return count  # figures count however a sentence is put ("매출 3억 원, 재구매율 27% 증가했습니다")
    for index, token in enumerate(words(sentence)):
        if token[0].isdigit() or any(same_stem(token.lower(), t) for t in topic):
            continue
        frequency = zipf(token)
        if 1.0 <= frequency < RARE_ZIPF:
            count += 1
        elif index > 0 and _is_name(token, frequency):
            count += 1  # a name mid-sentence: a product, a company, a person
    return count


@dataclass(frozen=True)
class Reading:
    """What the finders share: the answer's sentences, STAR tags, the question's topic and the cue table."""

    kind: QuestionType
    said: tuple[Sentence, ...]
    tags: tuple[StarTag, ...]
    topic: tuple[str, ...]
    table: Cues
    fit: Relevance
    last_word: bool = False  # read as a last word (without_announcing): its point is its answer

    def tagged(self, *parts: str) -> list[Sentence]:
        """The sentences surely of these parts (StarTag.sure, star.py)."""
        return [s for s, t in zip(self.said, self.tags, strict=True) if t.part in parts and t.sure]

    def cued(self, phrases: tuple[str, ...]) -> list[Sentence]:
        return [s for s in self.said if has_phrase(s.text, phrases, self.table.language)]


Finder = Callable[[Reading], tuple[float, tuple[Quote, ...]]]


def _relevance(r: Reading) -> tuple[float, tuple[Quote, ...]]:
    # Asked for a last word, a point of one's own answers it as far as it is one (the question names no topic
    # to find again), unless the answer is talk of leisure ("어제 친구랑 축구를 하고…").
    if r.last_word and (not r.fit.leisure_words or r.fit.work_words > r.fit.leisure_words):
        credit, quotes = _added_point(r)
        if credit:
            return credit, quotes[:1]
    language = r.table.language

    def overlap(sentence: Sentence) -> int:
        own = stems(sentence.text, language)
        return sum(1 for t in r.topic if any(same_stem(t, s) for s in own))

    ranked = sorted(r.said, key=overlap, reverse=True)
    # The sentence that shares most of the question's words; else one with the type's cues or grammar (the
    # score counts both: "저는 … 편입니다" answers a strengths question without its words).
    patterns = r.table.type_patterns[r.kind]
    best = (
        [s for s in ranked[:1] if overlap(s)]
        or r.cued(r.table.type_cues[r.kind])[:1]
        or [s for s in r.said if any(p.search(s.text) for p in patterns)][:1]
    )
    return (r.fit.score, tuple(_quote(s) for s in best)) if best else (0.0, ())


def _specificity(r: Reading) -> tuple[float, tuple[Quote, ...]]:
    scored = [(details(s.text, r.table.language, r.topic), s) for s in r.said]
    best = [(n, s) for n, s in sorted(scored, key=lambda pair: -pair[0]) if n][:SPECIFIC_QUOTES]
    total = sum(n for n, _ in best)  # only what is quoted counts
    return min(1.0, total / FULL_DETAILS), tuple(_quote(s) for _, s in best)


def _ownership(r: Reading) -> tuple[float, tuple[Quote, ...]]:
    language = r.table.language
    first = r.cued(r.table.ownership_first)
    if is_korean(language):
        first = [s for s in r.said if any(w in s.text for w in ("제가", "저는", "저의", "제 ", "내가", "나는"))]
    team = r.cued(r.table.ownership_team)
    if not first:
        return 0.0, ()
    return len(first) / (len(first) + len(team)), (_quote(first[0]),)


def _asked(r: Reading) -> list[Sentence]:
    return [
        s
        for s in r.said
        if s.text.rstrip().endswith(("?", "？")) or has_phrase(s.text, r.table.question_ask, r.table.language)
    ]


def _questions(r: Reading) -> tuple[float, tuple[Quote, ...]]:
    return _credit(_asked(r), 2)


def _added_point(r: Reading) -> tuple[float, tuple[Quote, ...]]:
    """A last word's point: something checkable said, not asked: a figure, a step or outcome the STAR readers
    are sure of, or two details ("설문에서 도움이 됐다는 응답이 90% 넘게 나왔습니다"). One rare word is not
    enough: "누구보다 열심히 하겠습니다" has one."""
    asked = set(_asked(r))
    sure = set(r.tagged("action", "result"))
    points = [
        s
        for s in r.said
        if s not in asked and (NUMBER.search(s.text) or s in sure or details(s.text, r.table.language, r.topic) >= 2)
    ]
    # One point made whole is a last word in full: a change measured, two figures and an outcome or a move
    # from one to the other ("…배포 시간을 40분에서 5분으로 줄였습니다"). Two figures alone are not ("2시간 동안
    # 축구를 하고 치킨 3마리를 먹었습니다"). Otherwise it takes two points.
    outcome = r.table.star_patterns["result"]
    whole = [
        s
        for s in points
        if len(NUMBER.findall(s.text.lower())) >= 2
        and (CHANGE.search(s.text) or any(p.search(s.text) for p in outcome))
    ]
    credit, quotes = _credit(whole[:1] + points, 2)
    return (1.0 if whole else credit), quotes


def without_announcing(reading: Reading) -> Reading:
    """The reading a last word is judged on: without its opener, thanks or promises ("네, 한 가지만 덧붙이고 싶습니다.",
    "Yes, two things."), which say a point is coming, not the point ("한 가지" would count as a figure)."""
    kept = [
        (s, t)
        for s, t in zip(reading.said, reading.tags, strict=True)
        if not has_phrase(s.text, reading.table.announce, reading.table.language)
        and not empty_promise(s.text, reading.table)  # "뽑아 주신다면 누구보다 열심히 하겠습니다": no point either
    ]
    return replace(reading, said=tuple(s for s, _ in kept), tags=tuple(t for _, t in kept), last_word=True)


def _explanation(r: Reading) -> tuple[float, tuple[Quote, ...]]:
    """Sentences that take up the question's own terms, or define something."""
    language = r.table.language

    def on_topic(sentence: Sentence) -> bool:
        own = stems(sentence.text, language)
        return any(same_stem(t, s) for t in r.topic for s in own)

    return _credit([s for s in r.said if on_topic(s)] or r.cued(r.table.type_cues[QuestionType.TECHNICAL]), 2)


def _concrete(r: Reading, found: Sequence[Sentence]) -> list[Sentence]:
    """Of the sentences making a claim, those with a checkable detail in them. "Your company's vision" or
    "after joining I will do my best" is what every candidate says; a named product, a figure or a place
    says the candidate knows the company and has a plan."""
    return [s for s in found if details(s.text, r.table.language, r.topic) >= 1]


FINDERS: dict[str, Finder] = {
    "relevance": _relevance,
    "situation": lambda r: _credit(r.tagged("situation"), 1),
    "task": lambda r: _credit(r.tagged("task"), 1),
    "action": lambda r: _credit(r.tagged("action"), 2),
    "result": lambda r: _credit(r.tagged("result"), 1),
    "plan": lambda r: _credit(r.tagged("action"), 3),
    "outcome": lambda r: _credit(r.tagged("result"), 1),
    "reasoning": lambda r: _credit(r.cued(r.table.reasoning), 2),
    "specificity": _specificity,
    "ownership": _ownership,
    "company_fit": lambda r: _credit(_concrete(r, r.cued(r.table.type_cues[QuestionType.MOTIVATION])), 3),
    "experience": lambda r: _credit(r.cued(r.table.example) + r.tagged("situation", "action"), 2),
    "future": lambda r: _credit(_concrete(r, r.cued(r.table.future)), 1),
    "background": lambda r: _credit(r.cued(r.table.type_cues[QuestionType.SELF_INTRODUCTION]), 2),
    "achievement": lambda r: _credit(r.tagged("result"), 2),
    "trait": lambda r: _credit(r.cued(r.table.type_cues[QuestionType.STRENGTHS_WEAKNESSES]), 1),
    "improvement": lambda r: _credit(r.tagged("result") + r.cued(r.table.future), 2),
    "explanation": _explanation,
    "example": lambda r: _credit(r.cued(r.table.example), 1),
    "tradeoffs": lambda r: _credit(r.cued(r.table.contrast), 1),
    "questions": _questions,
    "added_point": _added_point,
    "question_focus": lambda r: _credit(r.cued(r.table.ask_topics), 2),
}
