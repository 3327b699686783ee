"""The feedback on one answer: its question's type, relevance and junk first, then each criterion's points
from quoted evidence, and a 0-100 score that is their sum (scaled to 100 when a job posting adds its
criterion), less vague wording; junk scores at most 5.

    assess(question, answer, language) -> Assessment

Model evidence (engine/llm/judge.py) can be added: quotes that are verified against the transcript count
like a cue's; the model's own numbers never do.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from engine.feedback.blind import PersonalDetail, personal_details
from engine.feedback.criteria import (
    FINDERS,
    LAST_WORD,
    Criterion,
    Reading,
    details,
    invites_last_word,
    weight_sets,
    without_announcing,
)
from engine.feedback.cues import Cues, classify, cues
from engine.feedback.evidence import Quote, verify
from engine.feedback.question_type import QuestionType
from engine.feedback.screening import JunkKind, Relevance, junk_kind, relevance, topic_stems
from engine.feedback.star import StarTag, star_tags
from engine.feedback.star_model import star_model
from engine.feedback.text import HANGUL, has_phrase, phrase_hits, sentences

log = logging.getLogger(__name__)

JUNK_CAP = 5.0  # junk scores at most this: below any real answer that earned anything
FULL_RELEVANCE = 0.5  # a model's "not relevant" flags an answer whose own relevance is under this
VAGUE_POINTS, VAGUE_MAX = 3.0, 25.0  # each hedge or cliché ("I guess", "team player") costs this, up to
# A criterion whose only evidence is a model's verified quote earns half its points: the quote is there, but
# whether it shows the criterion is the model's word (a 1.5B model quotes generously).
MODEL_CREDIT = 0.5
# Criteria the app counts itself, where a model's quote can add nothing: how well the answer keeps to the
# question (its words and type, screening.py), its checkable details (criteria.details), and an example,
# credited only where cue words mark it ("예를 들어", "for instance", "in my last"). A 1.5B model
# quoted "아이들을 좋아하고, 좋은 영향을 주는 선생님이 되고 싶어요" as specific detail, and "GraphQL은 데이터베이스에
# 바로 쿼리를 보내는 거라서 서버가 따로 필요 없고요" (a claim, and a wrong one) as an example, each for half its points.
COUNTED = frozenset({"relevance", "specificity", "example"})
WHOLE_ANSWER = 0.6  # a "quote" longer than this share of the answer is no evidence of anything in particular
POSTING_POINTS = 8.0  # the job posting's terms, when a posting was given
ASKED_GUESSES = ("것 같", "거 같")  # asking for a guess: "…라고 할 것 같으세요?"
TOLD_DETAILS = 3  # checkable details that, with an action or outcome said outright, make an answer one


@dataclass(frozen=True)
class Assessment:
    language: str
    question_type: QuestionType
    score: float  # 0-100: the criteria's points less the vague-wording penalty; junk at most JUNK_CAP
    criteria: tuple[Criterion, ...]
    relevance: Relevance
    junk: JunkKind | None
    star: tuple[StarTag, ...]  # each sentence's STAR part (behavioural and situational questions)
    keywords_hit: tuple[str, ...]
    keywords_missed: tuple[str, ...]
    vague: tuple[Quote, ...]  # vague wording, quoted
    personal: tuple[PersonalDetail, ...] = ()  # the blind-hiring check's findings (they cost no points)

    @property
    def earned(self) -> float:
        return round(sum(c.points for c in self.criteria), 1)

    @property
    def vague_penalty(self) -> float:
        return min(VAGUE_MAX, VAGUE_POINTS * len(self.vague))

    def criterion(self, name: str) -> Criterion | None:
        return next((c for c in self.criteria if c.name == name), None)


def assess(
    question: str,
    answer: str,
    language: str,
    kind: QuestionType | None = None,
    keywords: Iterable[str] = (),
    model_quotes: Mapping[str, Sequence[str]] | None = None,
    model_relevant: bool | None = None,
) -> Assessment:
    """`model_quotes`: criterion name → quotes a model offered as evidence; each is checked against the
    transcript, and one that is not there (or that is most of the answer) is dropped and logged.
    `model_relevant`: the model's verdict; "not relevant" flags an answer the cues found only loosely tied
    to the question, and never lifts a flag the cues raised."""
    # One form of every character, so a quote's place is the same in every reading of the answer.
    answer, question = unicodedata.normalize("NFC", answer), unicodedata.normalize("NFC", question)
    table = cues(language)
    kind = kind or classify(question, language)
    fit = relevance(question, answer, kind, table)
    said = sentences(answer)
    # Other types use them too: an example told is a situation and actions. Plans are actions only in an
    # answer to a hypothetical.
    every = star_tags(said, table, plans=kind is QuestionType.SITUATIONAL)
    # Something of the speaker's own, told with checkable details, is an answer even without the question's
    # words ("Code lookup speed. … I've cut my lookups from a few minutes to under one").
    told = any(t.sure and t.part in ("action", "result") for t in every) and (
        sum(details(s.text, language, ()) for s in said) >= TOLD_DETAILS
    )
    reading = Reading(kind, said, every, tuple(topic_stems(question, table)), table, fit)
    # Asked for a last word, a checkable point of one's own is an answer, whatever its words: the question
    # names no topic to find again.
    last_word = without_announcing(reading) if invites_last_word(kind, question, table) else None
    told = told or (last_word is not None and FINDERS["added_point"](last_word)[0] > 0)
    junk = junk_kind(question, answer, kind, table, fit, told=told)
    if junk is None and model_relevant is False and fit.score < FULL_RELEVANCE and not told:
        junk = JunkKind.OFF_TOPIC
    tags = every if kind.uses_star else ()
    judged = [
        _judged(last_word or reading if weights is LAST_WORD else reading, weights, answer, every, junk, model_quotes)
        for weights in weight_sets(kind, question, table)
    ]
    criteria = max(judged, key=lambda found: sum(c.points for c in found))  # the first, on a tie
    keywords = tuple(keywords)
    hit = tuple(k for k in keywords if _mentions(answer, k, language))
    if keywords:
        points = POSTING_POINTS * len(hit) / len(keywords) if junk is None else 0.0
        found = [s for s in said if any(has_phrase(s.text, (k,), language) for k in hit)]
        quotes = tuple(Quote(s.text, s.start, s.end) for s in dict.fromkeys(found)) if points else ()
        criteria.append(Criterion("posting", round(points, 1), POSTING_POINTS, quotes))
    # A guess the question asks for is no hedge ("…평가할 것 같으세요?" "…할 것 같습니다"); other vague words
    # the question happens to use ("What kind of…", "좀 더 구체적으로") still count.
    asked = {m.group(0) for m in phrase_hits(question, ASKED_GUESSES, language)}
    vague = tuple(
        Quote(m.group(0), m.start(), m.end())
        for m in phrase_hits(answer, table.vague, language)
        if m.group(0) not in asked
    )
    draft = Assessment(
        language, kind, 0.0, tuple(criteria), fit, junk, tags, hit,
        tuple(k for k in keywords if k not in hit), vague, personal_details(answer, language),
    )  # fmt: skip
    return replace(draft, score=_score(draft, bool(keywords)))


def _judged(
    reading: Reading,
    weights: tuple[tuple[str, float], ...],
    answer: str,
    every: tuple[StarTag, ...],
    junk: JunkKind | None,
    model_quotes: Mapping[str, Sequence[str]] | None,
) -> list[Criterion]:
    criteria = []
    for name, weight in weights:
        credit, quotes = FINDERS[name](reading) if junk is None else (0.0, ())
        offered = (model_quotes or {}).get(name, ()) if junk is None and name not in COUNTED else ()
        extra = _verified(name, offered, answer)
        extra = tuple(q for q in extra if _part_confirmed(name, q, every, reading.table))
        if name == "added_point":  # a model's point, too, lies outside openers, thanks and promises
            extra = tuple(q for q in extra if any(s.start <= q.start and q.end <= s.end for s in reading.said))
        if extra:
            credit = max(credit, MODEL_CREDIT)
        criteria.append(Criterion(name, round(weight * credit, 1), float(weight), _merged(quotes, extra)))
    return criteria


def _score(a: Assessment, posting: bool) -> float:
    total = a.earned * (100.0 / (100.0 + POSTING_POINTS) if posting else 1.0)
    total = max(0.0, total - a.vague_penalty)
    if a.junk is not None:
        total = min(total, JUNK_CAP)
    return round(max(0.0, min(100.0, total)), 1)


def _verified(name: str, offered: Sequence[str], answer: str) -> tuple[Quote, ...]:
    kept = []
    for text in offered:
        quote = verify(text, answer, "model")
        if quote is None:
            log.info("model evidence for %s dropped: not in the transcript: %r", name, text[:120])
        elif quote.end - quote.start > WHOLE_ANSWER * len(answer.strip()):
            log.info("model evidence for %s dropped: it quotes most of the answer", name)
        else:
            kept.append(quote)
    return tuple(kept)


# A model's quote for a STAR criterion must be a sentence of that part to both of the app's own readers too
# (the cue rules and the sentence model): a 1.5B model quoted the situation as the result often enough that
# its STAR quotes alone were right well under nine times in ten (bench/rubric_quality.py).
STAR_PART_OF = {"situation": "situation", "task": "task", "action": "action", "result": "result",
                "plan": "action", "outcome": "result", "achievement": "result"}  # fmt: skip


def _part_confirmed(name: str, quote: Quote, tags: Sequence[StarTag], table: Cues) -> bool:
    want = STAR_PART_OF.get(name)
    if want is None:
        return True
    for index, tag in enumerate(tags):
        sentence = tag.sentence
        if sentence.start <= quote.start < sentence.end:
            model = star_model(table.language)
            if tag.part == want and model.part(sentence.text, index, len(tags), table.language) == want:
                return True
            log.info("model evidence for %s dropped: its sentence does not read as that part", name)
            return False
    return False


def _merged(first: tuple[Quote, ...], more: tuple[Quote, ...]) -> tuple[Quote, ...]:
    out = list(first)
    for quote in more:
        if not any(q.start <= quote.start < q.end or quote.start <= q.start < quote.end for q in out):
            out.append(quote)
    return tuple(out)


# One short answer per language: enough to load every table and model the feedback reads.
_WARM_UP = (
    (
        "en",
        "Tell me about a time you missed a deadline.",
        "I led the release, it slipped, so I cut scope and we shipped.",
    ),
    ("ko", "마감을 놓친 경험을 말해 주세요.", "제가 맡은 출시가 늦어져서 범위를 줄였고 결국 출시했습니다."),
)


def warm_up() -> None:
    """Load what the first feedback would otherwise load on its way (wordfreq's tables, the stemmer, the
    question and STAR models; about half a second). The desktop runs it on a worker during start-up, so
    no first use lands on the event loop in the middle of an answer."""
    for language, question, answer in _WARM_UP:
        assess(question, answer, language, classify(question, language))


def _mentions(answer: str, keyword: str, language: str) -> bool:
    """Whole words in English ("C" is not in "code"); in Korean, spacing aside ("데이터 파이프라인" is
    "데이터파이프라인": compounds are written both ways)."""
    if has_phrase(answer, (keyword,), language):
        return True
    return bool(HANGUL.search(keyword)) and keyword.replace(" ", "") in answer.replace(" ", "")
