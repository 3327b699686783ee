"""The terms a job posting stresses, so feedback can say which of them an answer used (criteria "posting")."""

from __future__ import annotations

import re
from collections import Counter

from engine.feedback.cues import cues
from engine.feedback.text import HANGUL as HANGUL_SYLLABLE

_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9+#.\-]*[A-Za-z0-9+#]|[A-Za-z]|[\uac00-\ud7a3]+|\d+(?:[.,]\d+)?%?")
# Korean particles and endings trimmed from a posting's words, so 파이썬을 and 파이썬 are one keyword.
_PARTICLES = ("으로", "에서", "에게", "까지", "부터", "이나", "과", "와", "을", "를",
              "이", "가", "은", "는", "에", "의", "로", "도", "및")  # fmt: skip
_VERB_ENDINGS = ("니다", "한", "하는", "하고", "하며", "된", "되는", "있는", "적인", "하실", "해요", "세요")


def posting_keywords(posting: str, language: str, limit: int = 12) -> tuple[str, ...]:
    """The skills and terms a job posting stresses: its most repeated content words, technical terms first."""
    # Postings mix languages (Korean ones name English tools): both lists apply.
    stop = set(cues(language).posting_stopwords) | set(cues("en").posting_stopwords)
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
