"""The words of an answer as the feedback reads them: sentences with their places in the transcript,
content-word stems for matching an answer against its question, grammar and vocabulary signals.

Stems: Snowball's English stemmer (snowballstemmer); for Korean, the particles and verb endings are cut from
each eojeol, so 갈등을 and 갈등이 match. Vocabulary: wordfreq's word lists (English words, Korean morphemes),
which tell a real word from gibberish and a rare, specific word from a common one.
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # both load their tables on import: imported on first use, not at start-up
    from snowballstemmer.basestemmer import BaseStemmer

HANGUL = re.compile(r"[\uac00-\ud7a3]")
# A sentence ends at . ? ! followed by a space or the end (so 0.3초 and v2.1 stay whole), or at a line break.
_SENTENCE = re.compile(r"[^\s].*?(?:[.?!。？！…]+(?=\s|$)|(?=\n)|$)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|[\uac00-\ud7a3]+|\d+(?:[.,]\d+)*")
NUMBER = re.compile(
    r"\d+(?:[.,]\d+)*%?|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|hundred|thousand|million|billion|half|double|twice|percent|dozen)\b|"
    # Korean counted in words, numeral and counter apart as they are written ("세 명", "삼 년"): 이건, 한번 are not.
    # Tens before units as said ("스물여덟 분", "열두 명"); 분 counts people here ("세 분"), minutes after 삼십.
    r"(?<![가-힣])(?:(?:열|스물|서른|마흔|쉰)?(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉)|열|스무|서른|마흔|쉰)"
    r"\s(?:배|명|분|달|주|개|시간|건|번|곳|개월|가지)|"
    r"(?<![가-힣])(?:일|이|삼|사|오|육|칠|팔|구|십|백|천|만|억)+\s(?:년|개월|주일|명|퍼센트|배|건|시간|분기)(?![가-힣])|"
    r"(?<![가-힣])(?:하루|이틀|사흘|나흘|일주일|보름)|"
    # Money in words, spaced or not ("삼십만 원", "천원"); "30만원" is a figure by its digits already.
    r"(?<![가-힣\d])(?:[일이삼사오육칠팔구십백]*(?:천|만|억))+\s?원"
)

# English function words: real sentences are about 40-55% these; a list of buzzwords or figures is not.
EN_FUNCTION = frozenset((
    "a", "an", "the", "and", "or", "but", "so", "if", "then", "than", "that", "this", "these", "those", "there",
    "here", "it", "its", "it's", "i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "we", "we're", "we've",
    "our", "us", "you", "your", "he", "she", "his", "her", "they", "their", "them", "is", "are", "was", "were",
    "be", "been", "being", "am", "do", "does", "did", "doing", "have", "has", "had", "having", "will", "would",
    "could", "should", "can", "may", "might", "must", "shall", "not", "no", "nor", "to", "of", "in", "on", "at",
    "by", "for", "with", "from", "into", "onto", "about", "as", "up", "down", "out", "over", "under", "again",
    "after", "before", "because", "while", "when", "where", "why", "how", "what", "which", "who", "whom", "whose",
    "all", "any", "both", "each", "few", "more", "most", "other", "some", "such", "only", "own", "same", "very",
    "just", "also", "too", "much", "many", "one", "first", "then", "after", "until", "once", "during", "through",
    "between", "against", "off",
))  # fmt: skip
# Korean grammar: an eojeol that ends in a particle or a verb ending carries a sentence's structure.
_KO_PARTICLES = (
    "에서는", "으로는", "에게는", "에서도", "으로서", "으로써", "에서", "으로", "에게", "한테", "까지", "부터", "처럼",
    "보다", "마다", "이나", "이랑", "과", "와", "을", "를", "이", "가", "은", "는", "에", "의", "로", "도", "만", "랑",
)  # fmt: skip
_KO_ENDINGS = (
    "했습니다", "했었습니다", "합니다", "습니다", "입니다", "됩니다", "겠습니다", "니다", "었고", "았고", "였고",
    "하고",
    "해서", "하여", "하며", "하면", "해야", "했고", "했는데", "는데", "지만", "면서", "어서", "아서", "려고", "도록",
    "었던", "았던", "했던", "하는", "되는", "였습니다", "어요", "아요", "해요", "예요", "에요", "죠", "다", "요", "고",
    "서", "며", "면", "던", "한", "할", "된", "될", "인", "게", "지", "야",
)  # fmt: skip
_KO_GRAMMAR = tuple(sorted({*_KO_PARTICLES, *_KO_ENDINGS}, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int  # its place in the transcript, so a quote of it can be shown and checked
    end: int


def sentences(text: str) -> tuple[Sentence, ...]:
    out = []
    for match in _SENTENCE.finditer(text):
        raw = match.group(0)
        stripped = raw.strip()
        if not any(ch.isalnum() for ch in stripped):
            continue
        start = match.start() + (len(raw) - len(raw.lstrip()))
        out.append(Sentence(stripped, start, start + len(stripped)))
    return tuple(out)


def ngrams(lowered: str, word: re.Pattern[str], language: str, longest: int) -> set[str]:
    """A lower-cased text as the naive Bayes readers see it: Korean as the syllable pairs and triples of its words
    (they survive particles and endings); else its words and word n-grams up to `longest`, after a start mark."""
    if language == "ko":
        text = " " + " ".join(word.findall(lowered)) + " "
        return {text[i : i + n] for n in (2, 3) for i in range(len(text) - n + 1)}
    tokens = ["<s>", *word.findall(lowered)]
    return {" ".join(tokens[i : i + n]) for n in range(1, longest + 1) for i in range(len(tokens) - n + 1)}


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def is_korean(language: str) -> bool:
    return language == "ko"


# A Snowball stemmer keeps the word it is cutting in itself, so one shared between the threads that assess
# answers at once (a live answer's feedback, an earlier answer's re-read) cut one thread's word with another's
# (an IndexError, seen at an answer's end): each thread has its own.
_stemmers = threading.local()


def _english_stemmer() -> BaseStemmer:
    stemmer: BaseStemmer | None = getattr(_stemmers, "english", None)
    if stemmer is None:
        import snowballstemmer

        stemmer = _stemmers.english = snowballstemmer.stemmer("english")
    return stemmer


def korean_stem(token: str) -> str:
    """An eojeol without its particle or verb ending: 갈등을 → 갈등, 진행했습니다 → 진행."""
    for _ in range(2):  # 프로젝트에서는: 에서는; 개선했습니다: 했습니다
        for tail in _KO_GRAMMAR:
            if token.endswith(tail) and len(token) > len(tail):
                token = token[: -len(tail)]
                break
        else:
            break
    for verb in ("하", "했", "해", "되", "됐", "시키"):  # 개선하 → 개선
        if token.endswith(verb) and len(token) > len(verb) + 1:
            token = token[: -len(verb)]
    return token


def has_grammar(token: str) -> bool:
    return len(token) > 1 and token.endswith(_KO_GRAMMAR)


def stems(text: str, language: str, stop: frozenset[str] = frozenset()) -> list[str]:
    """The content words of `text` as stems (function words and `stop` stems left out)."""
    out = []
    for token in words(text):
        if HANGUL.search(token):
            stem = korean_stem(token)
            if len(stem) >= 2 and stem not in stop:
                out.append(stem)
        elif token[0].isalpha():
            lowered = token.lower().replace("’", "'")
            head = lowered.split("'")[0]  # that's → that
            if lowered in EN_FUNCTION or head in EN_FUNCTION or len(head) < 3:
                continue
            stem = _english_stemmer().stemWord(head)
            if stem not in stop:
                out.append(stem)
    return out


def same_stem(a: str, b: str) -> bool:
    """Korean stems match on their first two syllables as well (협업 / 협업을통해), English ones exactly."""
    if a == b:
        return True
    return bool(HANGUL.match(a)) and len(a) >= 2 and len(b) >= 2 and a[:2] == b[:2]


@cache
def _wordfreq() -> ModuleType:
    import wordfreq

    return wordfreq


@cache
def _korean_vocabulary() -> dict[str, float]:
    table: dict[str, float] = _wordfreq().get_frequency_dict("ko")
    return table


def zipf(token: str) -> float:
    """How common a word is, on wordfreq's Zipf scale (0 unknown, 3 an ordinary word, 6+ a function word).
    A Korean eojeol is looked up by its longest known head (진행했습니다 → 진행)."""
    if HANGUL.search(token):
        table = _korean_vocabulary()
        for size in range(min(len(token), 6), 0, -1):
            frequency = table.get(token[:size])
            # One syllable is a stem only before an ending (좋다는, 찾아봤을), or the whole word.
            if frequency and (size >= 2 or len(token) == 1 or has_grammar(token)):
                return round(math.log10(frequency) + 9.0, 2)  # wordfreq's Zipf scale
        return 0.0
    return float(_wordfreq().zipf_frequency(token.lower(), "en"))


UNKNOWN_ZIPF = 2.0  # rarer than once in ten million words: not a word a candidate says, or a misspelling


@dataclass(frozen=True, slots=True)
class Texture:
    """How much of an answer is language rather than a list or noise."""

    tokens: int  # words (English) or eojeol (Korean)
    grammar_share: float  # English: function words; Korean: eojeol with a particle or ending
    unknown_share: float  # words no word list knows (gibberish, or names and jargon)
    number_share: float  # figures among the words


def texture(text: str, language: str) -> Texture:
    tokens = words(text)
    if not tokens:
        return Texture(0, 0.0, 0.0, 0.0)
    numbers = sum(1 for t in tokens if t[0].isdigit() or NUMBER.fullmatch(t.lower()))
    lettered = [t for t in tokens if not t[0].isdigit()]
    if is_korean(language):
        hangul = [t for t in lettered if HANGUL.search(t)]
        grammar = sum(1 for t in hangul if has_grammar(t)) / max(1, len(hangul))
    else:
        grammar = sum(1 for t in lettered if t.lower().replace("’", "'") in EN_FUNCTION) / max(1, len(lettered))
    # Among content words: function words are real in any noise ("the kanby wex on the drennet").
    content = [t for t in lettered if t.lower().replace("’", "'") not in EN_FUNCTION]
    unknown = sum(1 for t in content if zipf(t) < UNKNOWN_ZIPF) / max(1, len(content))
    return Texture(len(tokens), round(grammar, 3), round(unknown, 3), round(numbers / len(tokens), 3))


def phrase_hits(text: str, phrases: tuple[str, ...], language: str) -> Iterator[re.Match[str]]:
    """Where each phrase occurs: Korean as a substring, English at word boundaries, case-insensitive."""
    for phrase in phrases:
        if is_korean(language) or not phrase[:1].isalpha():
            pattern = re.escape(phrase)
        else:
            pattern = rf"(?<![A-Za-z']){re.escape(phrase)}(?![A-Za-z'])"
        yield from re.finditer(pattern, text, re.IGNORECASE)


def has_phrase(text: str, phrases: tuple[str, ...], language: str) -> bool:
    return next(phrase_hits(text, phrases, language), None) is not None
