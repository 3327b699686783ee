"""What an answer says, read without a language model: STAR coverage, specificity, the job posting's
keywords, and a 0-100 content score that ranks answers (bench/feedback_quality.py measures how well).

Cue lists live in resources/feedback/{en,ko}.json. The weights below are this project's own starting
point, tuned on tests/data/feedback_labelled.json; each part's reason is beside it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import cache
from typing import Any

from engine.analysis.metrics import HANGUL_SYLLABLE
from engine.resources import resource_path

STAR_PARTS = ("situation", "task", "action", "result")
_SENTENCE_END = re.compile(r"(?<=[.?!。？！])\s+|\n+")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9+#.\-]*[A-Za-z0-9+#]|[A-Za-z]|[\uac00-\ud7a3]+|\d+(?:[.,]\d+)?%?")
_NUMBER = re.compile(
    r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|fifty|hundred|thousand|million|half|double|twice|percent)\b|[두세네]\s?(?:배|명|달|주|개)"
)
# Korean particles and endings trimmed from a posting's words, so 파이썬을 and 파이썬 are one keyword.
_PARTICLES = (
    "으로",
    "에서",
    "에게",
    "까지",
    "부터",
    "이나",
    "과",
    "와",
    "을",
    "를",
    "이",
    "가",
    "은",
    "는",
    "에",
    "의",
    "로",
    "도",
    "및",
)
_VERB_ENDINGS = ("니다", "한", "하는", "하고", "하며", "된", "되는", "있는", "적인", "하실", "해요", "세요")


@cache
def cues(language: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource_path("feedback", f"{language}.json").read_text("utf-8"))
    return data


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def _has(sentence: str, phrases: Iterable[str], language: str) -> bool:
    lowered = sentence.lower()
    for phrase in phrases:
        if language == "ko" or not phrase[0].isalpha():
            if phrase in lowered:
                return True
        elif re.search(rf"(?<![a-z']){re.escape(phrase)}(?![a-z'])", lowered):
            return True
    return False


@dataclass(frozen=True, slots=True)
class StarPart:
    part: str
    evidence: str  # the first sentence that shows it; "" when absent

    @property
    def present(self) -> bool:
        return bool(self.evidence)


@dataclass(frozen=True)
class ContentReading:
    language: str
    star: tuple[StarPart, ...]
    numbers: int  # figures and amounts: evidence a listener can check
    first_person: int
    team: int
    vague: int
    size: int  # words (English) or Hangul syllables (Korean)
    keywords_hit: tuple[str, ...]
    keywords_missed: tuple[str, ...]
    score: float

    @property
    def star_count(self) -> int:
        return sum(p.present for p in self.star)

    @property
    def ownership(self) -> float:
        """Share of first-person singular among personal references (1.0 = all "I")."""
        total = self.first_person + self.team
        return self.first_person / total if total else 0.0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["star"] = [{"part": p.part, "evidence": p.evidence} for p in self.star]
        return data


def _count_words(text: str, words: Iterable[str], language: str) -> int:
    if language == "ko":
        return sum(len(re.findall(re.escape(w), text)) for w in words)
    lowered = text.lower()
    return sum(len(re.findall(rf"(?<![a-z']){re.escape(w)}(?![a-z'])", lowered)) for w in words)


def read_content(text: str, language: str, keywords: Iterable[str] = ()) -> ContentReading:
    table = cues(language)
    parts = []
    said = sentences(text)
    for part in STAR_PARTS:
        evidence = next((s for s in said if _has(s, table[part], language)), "")
        parts.append(StarPart(part, evidence))
    keywords = tuple(keywords)
    lowered = text.lower()
    hit = tuple(k for k in keywords if k.lower() in lowered)
    size = len(HANGUL_SYLLABLE.findall(text)) if language == "ko" else len(re.findall(r"[A-Za-z']+", text))
    first = _count_words(text, table["ownership_first"], language)
    team = _count_words(text, table["ownership_team"], language)
    if language == "ko":
        # "제" also starts 제가/제품; count 제가/저는/저의 only once: take the explicit forms.
        first = sum(text.count(w) for w in ("제가", "저는", "저의", "제 ", "내가", "나는"))
    reading = ContentReading(
        language=language,
        star=tuple(parts),
        numbers=len(_NUMBER.findall(lowered)),
        first_person=first,
        team=team,
        vague=_count_words(text, table["vague"], language),
        size=size,
        keywords_hit=hit,
        keywords_missed=tuple(k for k in keywords if k not in hit),
        score=0.0,
    )
    return _scored(reading, len(keywords))


# A full answer: about a minute and a half of speech (English ~200 words; Korean ~450 syllables at ~5
# syllables a second). Shorter answers earn the length points in proportion.
FULL_SIZE = {"en": 150, "ko": 300}


def _scored(r: ContentReading, keyword_count: int) -> ContentReading:
    points = 0.0
    # STAR: the backbone interviewers listen for; action and result weigh most (they show what *you* did
    # and what came of it).
    weights = {"situation": 10.0, "task": 10.0, "action": 17.0, "result": 18.0}
    points += sum(weights[p.part] for p in r.star if p.present)
    points += 12.0 * min(r.numbers, 3) / 3  # specificity: figures a listener can check
    points += 12.0 * r.ownership if r.first_person + r.team else 0.0  # ownership: "I" over "we"
    points += 13.0 * min(1.0, r.size / FULL_SIZE.get(r.language, 150))  # enough said to judge
    points -= min(10.0, 3.0 * r.vague)  # vagueness
    if keyword_count:
        points += 8.0 * len(r.keywords_hit) / keyword_count
        points *= 100.0 / 108.0
    return ContentReading(
        **{**{f: getattr(r, f) for f in r.__dataclass_fields__}, "score": round(max(0.0, min(100.0, points)), 1)}
    )


def posting_keywords(posting: str, language: str, limit: int = 12) -> tuple[str, ...]:
    """The skills and terms a job posting stresses: its most repeated content words, technical terms first."""
    # Postings mix languages (Korean ones name English tools): both lists apply.
    stop = set(cues(language)["posting_stopwords"]) | set(cues("en")["posting_stopwords"])
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    shown: dict[str, str] = {}
    for index, token in enumerate(_TOKEN.findall(posting)):
        word = token
        if HANGUL_SYLLABLE.search(word):
            for particle in _PARTICLES:
                if word.endswith(particle) and len(word) > len(particle) + 1:
                    word = word[: -len(particle)]
                    break
            if len(word) < 2:
                continue
        key = word.lower()
        if HANGUL_SYLLABLE.search(word) and word.endswith(_VERB_ENDINGS):
            continue  # 모집합니다, 이용한: verbs and adjectives, not skills
        if key in stop or (len(key) < 2 and not key.isupper()) or key.replace(".", "").isdigit():
            continue
        counts[key] += 1
        first_seen.setdefault(key, index)
        shown.setdefault(key, word)

    def rank(key: str) -> tuple[int, int]:
        word = shown[key]
        # Named tools and terms (Python, PostgreSQL, AWS, C++) outrank plain words said as often.
        named = word[0].isupper() or any(c.isdigit() or c in "+#." for c in word)
        return (-2 * counts[key] - (1 if named else 0), first_seen[key])

    return tuple(shown[k] for k in sorted(counts, key=rank)[:limit])
