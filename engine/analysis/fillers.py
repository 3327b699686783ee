"""Filler words, counted where they are fillers: "um" always, "like" only where it carries no meaning.

The lists live in resources/fillers/{en,ko}.json. Recognisers differ in what they keep: Whisper often
writes "um"/"uh" (and Korean 어/음) but drops some, so counts are a lower bound of what was said.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from engine.analysis.thresholds import FILLER_PAUSE_S
from engine.runtime.resources import resource_path
from engine.stt.contract import Word

_EDGE_PUNCT = re.compile(r"^[^\w']+|[^\w']+$", re.UNICODE)
_CLAUSE_END = re.compile(r"[,.;:!?…]$")


@dataclass(frozen=True, slots=True)
class FillerHit:
    index: int  # position of the (first) word in the answer's word list
    text: str  # the filler as normalised ("you know", "어")
    start: float


@cache
def filler_lists(language: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource_path("fillers", f"{language}.json").read_text("utf-8"))
    return data


def _norm(text: str) -> str:
    return _EDGE_PUNCT.sub("", text.strip().lower().replace("’", "'"))


def _pause_before(words: Sequence[Word], i: int) -> bool:
    return i == 0 or words[i].start - words[i - 1].end >= FILLER_PAUSE_S or bool(_CLAUSE_END.search(words[i - 1].text))


def _pause_after(words: Sequence[Word], i: int) -> bool:
    return (
        i == len(words) - 1
        or words[i + 1].start - words[i].end >= FILLER_PAUSE_S
        or bool(_CLAUSE_END.search(words[i].text))
    )


def find_fillers(words: Sequence[Word], language: str) -> list[FillerHit]:
    return _find_korean(words) if language == "ko" else _find_english(words)


def _find_english(words: Sequence[Word]) -> list[FillerHit]:
    lists = filler_lists("en")
    always = set(lists["always"])
    contextual = set(lists["contextual"])
    multi = [tuple(m) for m in lists["multiword_always"]]
    kind_of_exceptions = set(lists["kind_of_not_filler_after"])
    you_know_exceptions = set(lists["you_know_not_filler_before"])
    like_exceptions = set(lists["like_not_filler_after"])
    norm = [_norm(w.text) for w in words]
    hits: list[FillerHit] = []
    i = 0
    while i < len(words):
        for phrase in multi:
            n = len(phrase)
            if tuple(norm[i : i + n]) != phrase:
                continue
            before = norm[i - 1] if i else ""
            after = norm[i + n] if i + n < len(norm) else ""
            if phrase in {("kind", "of"), ("sort", "of")} and before in kind_of_exceptions:
                continue  # "what kind of team": a noun phrase, not a hedge
            if phrase == ("you", "know") and after in you_know_exceptions and not _pause_after(words, i + 1):
                continue  # "you know what happened", "you know how it is": the verb, not the filler
            if phrase == ("i", "mean") and not (_pause_before(words, i) or _pause_after(words, i + 1)):
                continue  # "what I mean is" stays; "I mean, ..." is a filler
            hits.append(FillerHit(i, " ".join(phrase), words[i].start))
            i += n
            break
        else:  # no phrase of several words starts here: this word alone
            token = norm[i]
            if token in always or (token in contextual and _contextual_filler(words, norm, i, like_exceptions, hits)):
                hits.append(FillerHit(i, token, words[i].start))
            i += 1
    return hits


def _contextual_filler(
    words: Sequence[Word], norm: list[str], i: int, like_exceptions: set[str], hits: list[FillerHit]
) -> bool:
    """'like', 'so', 'well', 'right', 'actually', 'okay' are fillers only when set off from the sentence."""
    token = norm[i]
    before = norm[i - 1] if i else ""
    after_filler = bool(hits) and hits[-1].index == i - 1
    set_off = _pause_before(words, i) and _pause_after(words, i)
    if token == "like":
        if set_off or after_filler:
            return True  # "it was, like, three weeks"; "um like we had no tests"
        if before in like_exceptions:
            return False  # "I'd like to", "looks like", "things like Kafka"
        # Followed by a pause ("like... we never tested it") or opening a clause after one.
        return _pause_after(words, i) or (i > 0 and _pause_before(words, i))
    # The others carry meaning mid-sentence ("so that", "works well", "the right call"): only a word
    # standing alone between pauses, or stacked on another filler ("um, so, ..."), is a filler.
    return set_off or (after_filler and _pause_after(words, i))


def _find_korean(words: Sequence[Word]) -> list[FillerHit]:
    lists = filler_lists("ko")
    always = set(lists["always"])
    standalone = set(lists["standalone"])
    norm = [_norm(w.text) for w in words]
    hits: list[FillerHit] = []
    for i, token in enumerate(norm):
        if token in always:
            hits.append(FillerHit(i, token, words[i].start))
        elif token in standalone:
            repeated = i + 1 < len(norm) and norm[i + 1] == token
            before_filler = i + 1 < len(norm) and norm[i + 1] in always
            # Not "after another filler": in "어 그 프로젝트" the 그 still points at the project.
            if _pause_after(words, i) or repeated or before_filler:
                hits.append(FillerHit(i, token, words[i].start))
    return hits
