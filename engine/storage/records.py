"""Stored rows read back as typed records, parsed and checked here, once: nothing outside storage indexes a
row, a JSON list or a metrics document. Reads (engine/storage/reads.py, history.py) build these."""

from __future__ import annotations

import json
import logging
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any, TypeVar

from engine import messages
from engine.analysis.delivery_view import RATE_MIN_S
from engine.analysis.fillers import FillerHit
from engine.analysis.metrics import AnswerMetrics, Pause
from engine.analysis.voice_delivery import VoiceDelivery
from engine.feedback.blind import DetailKind
from engine.feedback.question_type import QuestionType
from engine.feedback.view import EvidenceView, FeedbackView, PartView, PersonalView
from engine.llm.rubric import ModelReview

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

log = logging.getLogger(__name__)
R = TypeVar("R", bound="DataclassInstance")

_SCALARS = tuple(f.name for f in fields(AnswerMetrics) if f.name not in ("fillers", "pauses"))

# An answer's status as stored: a recognised answer is one of HEARD; "recording" is one a crash left open.
SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class StoredWord:
    text: str
    start: float  # seconds from the answer's start
    end: float
    probability: float


@dataclass(frozen=True, slots=True)
class StoredSegment:
    """One stored final of an answer's transcript (a re-read's segment, or a live final)."""

    start: float
    end: float
    text: str
    words: tuple[StoredWord, ...]
    confidence: float
    backend: str  # which recognition wrote it (whisper-reread for the re-read)


@dataclass(frozen=True, slots=True)
class StoredError:
    """Why an answer was cut short: a message-catalogue key and its parameters, shown in either language."""

    key: str
    params: tuple[tuple[str, str | int | float], ...] = ()  # numbers stay numbers: a message formats them

    def message(self, lang: str) -> str:
        return messages.text(self.key, lang, **dict(self.params))


@dataclass(frozen=True, slots=True)
class StoredAnswer:
    id: int
    status: str  # recording, complete, incomplete, interrupted, failed, skipped
    started_at: str
    ended_at: str  # "" while it was never finished (a crash)
    transcript: str
    transcript_source: str  # live (a re-read is owed), reread, live_only
    segments: tuple[StoredSegment, ...]  # the stored transcript, in order
    audio_path: str  # relative to the data folder; "" when none was kept
    duration_s: float
    error: StoredError | None
    figures: AnswerMetrics | None  # None: nothing recognised, or not analysed
    content: FeedbackView | None  # the content feedback, re-scored with the model's quotes once they came
    voice: VoiceDelivery | None
    review: ModelReview | None  # the interviewer model's review; None without one (or an old 1-5 rubric)

    @property
    def words(self) -> tuple[StoredWord, ...]:
        return tuple(w for s in self.segments for w in s.words)

    @property
    def rereading(self) -> bool:
        """Its live transcript is shown while the whole answer is read again."""
        return self.transcript_source == "live"


@dataclass(frozen=True, slots=True)
class StoredQuestion:
    id: int
    position: int
    text: str
    follow_up: bool
    source: str  # bank or model
    category: str
    answers: tuple[StoredAnswer, ...]  # oldest first; empty when it was asked but never answered
    bank_id: str = ""  # the bank question it was, or stood for
    question_type: str = ""  # the type its answer was judged by; "" when stored before types were kept


@dataclass(frozen=True, slots=True)
class StoredSession:
    id: int
    created_at: str  # ISO 8601, UTC
    ended_at: str  # "" while it never ended (a crash, until the next start marks it interrupted)
    status: str  # a SessionState value
    language: str
    role: str
    company: str
    seniority: str
    kind: str
    stt_backend: str
    job_posting: str
    resume: str
    interviewer_model: str  # "" when the interview had no model
    questions: tuple[StoredQuestion, ...]
    mode: str = "practice"  # practice or real
    persona: str = "neutral"
    blind_check: bool = True  # the blind-hiring check is shown
    origin: str = ""  # "redo" or "drill" when its questions were chosen for one
    role_family: str = "any"
    timing_s: tuple[float, float] | None = None  # real mode: seconds to prepare, and to answer at most

    @property
    def when(self) -> str:
        return when(self.created_at)


@dataclass(frozen=True, slots=True)
class SessionRow:
    """One line of the history list."""

    id: int
    created_at: str
    ended_at: str
    status: str
    language: str
    role: str
    kind: str
    stt_backend: str
    questions: int
    answers: int  # answered (not skipped or failed)
    pace: float | None  # mean pace of the answers with 20 s of speech or more: syllables a minute for Korean,
    # words a minute otherwise

    @property
    def when(self) -> str:
        return when(self.created_at)


@dataclass(frozen=True, slots=True)
class SearchHit:
    session_id: int
    matches: int
    snippet: str  # the first hit's context, the match in [brackets]


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """A session with analysed answers, for the trend: its averages (rates a minute over the answers with
    20 s of speech or more, as everywhere; None when it has none)."""

    session_id: int
    created_at: str
    language: str
    pace: float | None  # syllables a minute for Korean, words a minute otherwise
    fillers_per_minute: float | None
    answers: int
    content_score: float | None


# A record's plain fields, by their annotations (text: this module postpones them), and each one's empty value.
_PLAIN: dict[str, type[Any]] = {"str": str, "int": int, "float": float, "bool": bool}


def from_row(record: type[R], row: Mapping[str, Any], **given: Any) -> R:
    """A `record` whose plain fields are `row`'s same-named columns (NULL read as the field type's empty
    value); `given` holds its other fields."""
    plain = {f.name: _PLAIN[str(f.type)] for f in fields(record) if f.name not in given}
    return record(**given, **{name: kind(row[name] or kind()) for name, kind in plain.items()})


def when(created_at: str) -> str:
    """A stored time as shown: date and minutes."""
    return created_at[:16].replace("T", " ")


def words_of(words_json: str | None) -> tuple[StoredWord, ...]:
    """A segment's stored words: [text, start, end, probability] lists."""
    return tuple(StoredWord(str(w[0]), float(w[1]), float(w[2]), float(w[3])) for w in json.loads(words_json or "[]"))


def error_of(stored: str | None) -> StoredError | None:
    """An answer's stored error: {"key", "params"}; older rows hold the English message, shown as written."""
    if not stored:
        return None
    try:
        found = json.loads(stored)
    except json.JSONDecodeError:
        found = None
    if isinstance(found, dict) and str(found.get("key")) in messages.CATALOGUE:
        return StoredError(str(found["key"]), tuple((str(k), _param(v)) for k, v in found.get("params", {}).items()))
    return StoredError("answer.error_as_stored", (("text", stored),))


def error_json(key: str, params: Mapping[str, Any]) -> str:
    return json.dumps({"key": key, "params": {k: _param(v) for k, v in params.items()}}, ensure_ascii=False)


def _param(value: object) -> str | int | float:
    """A message parameter as kept: a number as a number ("{seconds:.1f}" formats it), anything else as text."""
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)


def timing_of(config: Mapping[str, Any]) -> tuple[float, float] | None:
    """A real-mode session's timers as it kept them (InterviewConfig.timing); None when it had none."""
    timing = config.get("timing")
    found = timing if isinstance(timing, Mapping) else {}
    kept = [found.get(name) for name in ("prep_s", "answer_s")]
    numbers = [float(v) for v in kept if isinstance(v, int | float) and not isinstance(v, bool)]
    return (numbers[0], numbers[1]) if len(numbers) == 2 else None


def config_of(config_json: str | None) -> dict[str, Any]:
    found = json.loads(config_json or "{}")
    return found if isinstance(found, dict) else {}


def voice_of(stored: Mapping[str, Any] | None) -> VoiceDelivery | None:
    """The voice reading kept in an answer's metrics document; None when there is none or it is unreadable."""
    voice = (stored or {}).get("voice")
    if not isinstance(voice, Mapping):
        return None
    try:
        return VoiceDelivery(**{f.name: float(voice[f.name]) for f in fields(VoiceDelivery)})
    except (KeyError, TypeError, ValueError) as error:
        log.warning("stored voice reading unreadable, left out: %r", error)
        return None


def answer_metrics(stored: Mapping[str, Any]) -> AnswerMetrics:
    """An answer's figures from its stored metrics document. The document also carries the content and voice
    readings (other keys), which are not speech figures and are left to their own readers."""
    return AnswerMetrics(
        **{name: stored[name] for name in _SCALARS},
        fillers=tuple(FillerHit(int(f["index"]), str(f["text"]), float(f["start"])) for f in stored["fillers"]),
        pauses=tuple(Pause(int(p["after_word"]), float(p["start"]), float(p["duration"])) for p in stored["pauses"]),
    )


def feedback_view(stored: Mapping[str, Any] | None) -> FeedbackView | None:
    """An answer's content feedback from its stored metrics document; None when it has none, or it cannot be
    read (logged: the review goes on without it). A document written before feedback had parts (a bare
    score) reads as that score alone."""
    content = (stored or {}).get("content")
    if not isinstance(content, Mapping):
        return None
    try:
        return _feedback_view(content, stored or {})
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        log.warning("stored content feedback unreadable, left out: %r", error)
        return None


def _feedback_view(content: Mapping[str, Any], stored: Mapping[str, Any]) -> FeedbackView:
    for key in [f"junk.{content.get('flag')}"] * bool(content.get("flag")) + [
        r["key"] for r in content.get("raise", ())
    ]:
        if key not in messages.CATALOGUE:
            raise ValueError(f"unknown message {key}")
    if "parts" not in content:
        return FeedbackView(str(stored.get("language", "en")), int(float(content["score"]) + 0.5),
                            QuestionType.BEHAVIOURAL, None, (), 0, (), (), ())  # fmt: skip
    return FeedbackView(
        language=str(content["language"]),
        score=int(content["score"]),
        question_type=QuestionType(content["question_type"]),
        flag=content["flag"],
        parts=tuple(
            PartView(
                str(p["criterion"]),
                int(p["points"]),
                int(p["max"]),
                tuple(EvidenceView(str(e["quote"]), e["source"] == "model") for e in p["evidence"]),
            )
            for p in content["parts"]
        ),
        vague_points=int(content["vague_penalty"]),
        vague_words=tuple(str(w) for w in content["vague_words"]),
        raise_keys=tuple((str(r["key"]), tuple((k, str(v)) for k, v in r["params"].items())) for r in content["raise"]),
        star=tuple((str(s["sentence"]), str(s["part"] or "")) for s in content["star"]),
        personal=tuple(PersonalView(DetailKind(p["kind"]), str(p["quote"])) for p in content.get("personal", ())),
    )


def review_of(rubric_json: str | None) -> ModelReview | None:
    """The interviewer model's stored review of an answer; None when there is none, or it is an older rubric
    of 1-5 numbers, which are no longer shown."""
    body = json.loads(rubric_json or "{}")
    if not isinstance(body, Mapping) or "quotes" not in body:
        return None
    return ModelReview(
        relevant=bool(body["relevant"]),
        quotes={str(k): tuple(str(q) for q in v) for k, v in body["quotes"].items()},
        improvements=tuple(str(i) for i in body["improvements"]),
        example_answer=str(body["example_answer"]),
        model=str(body["model"]),
    )


@dataclass(frozen=True, slots=True)
class Attempt:
    """One answer to a question, among every answer ever given to the same question (its attempts)."""

    key: str  # the question, as attempts are grouped: its language and wording (question_key)
    question_id: int
    session_id: int
    position: int
    language: str
    text: str
    bank_id: str
    category: str
    question_type: str  # "" when stored before types were kept
    follow_up: bool  # a follow-up makes sense only after its answer: the drill leaves it out
    answer_id: int
    answered_at: str  # ISO 8601, UTC
    transcript: str
    figures: AnswerMetrics | None
    content: FeedbackView | None

    @property
    def score(self) -> int | None:
        return self.content.score if self.content is not None else None

    @property
    def when(self) -> str:
        return when(self.answered_at)


def question_key(language: str, text: str) -> str:
    """Attempts of one question share this: a redo asks the bank's or the model's question in its own words,
    so its wording (case, spacing and end punctuation aside) names it."""
    normal = " ".join(unicodedata.normalize("NFC", text).casefold().split()).rstrip(".?!。？ ")
    return f"{language}|{normal}"


# A session's mean of a rate a minute, in SQL over metrics `m` of a session `s`: only answers with RATE_MIN_S of
# speech or more as shown (rounded half up, as delivery_view.shown does), the rule every other view keeps.
TIMED = f"m.speaking_s + 0.5 >= {RATE_MIN_S}"
MEAN_PACE_SQL = (
    f"round(avg(case when {TIMED} then (case when s.language = 'ko' then m.syllables_per_minute "
    "else m.words_per_minute end) end), 1)"
)
MEAN_FILLER_RATE_SQL = f"round(avg(case when {TIMED} then m.fillers_per_minute end), 2)"
