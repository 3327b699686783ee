"""Which STAR part each sentence of an answer shows: situation, task, action, result, or none.

Tagged by the grammar of the sentence (resources/feedback/*.json, star_patterns): a result is a change or
an outcome ("went from 98 to 99.7 percent", "그 뒤로 재발하지 않았습니다"), a task an obligation ("I had
to…", "맡았습니다"), a situation a setting ("at my last job", "작년에"), most often in the opening
sentences, an action the speaker doing something. An opinion ("I think…", "…라고 생각합니다") is none unless
it states an outcome. A sentence with none of these is left untagged: a tag is shown to the candidate as
evidence, so precision matters more than recall (bench/feedback_quality.py measures both).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from engine.feedback.cues import Cues
from engine.feedback.evidence import Quote
from engine.feedback.star_model import star_model
from engine.feedback.text import NUMBER, Sentence

OPENING = 2  # a setting in the first sentences is the situation; later, it is usually part of an action
MIN_EVIDENCE_WORDS = 3


@dataclass(frozen=True, slots=True)
class StarTag:
    sentence: Quote
    part: str  # situation, task, action, result, or "" for none
    sure: bool = True  # shown and credited: tagged by a cue (not by place or tense alone) the sentence model
    # agrees with, or a sentence that opens with the speaker acting


def _matches(text: str, table: Cues, part: str) -> bool:
    return any(p.search(text) for p in table.star_patterns.get(part, ()))


def _opens_with_action(sentence: str, table: Cues) -> bool:
    """ "I checked…", "먼저 … 확인하겠습니다": the speaker doing something is what the sentence is about."""
    if "plan" in table.star_patterns:  # Korean puts the verb last: only a step planned (하겠습니다) tells
        return _matches(sentence, table, "plan")
    return any((m := p.search(sentence)) is not None and m.start() <= 12 for p in table.star_patterns["action"])


def tag(sentence: str, index: int, table: Cues, *, last: bool = False, plans: bool = True) -> tuple[str, bool]:
    """The sentence's part, and whether an explicit cue says so. `plans`: a step said in the future tense
    (Korean 하겠습니다) is an action; only in an answer to a hypothetical. Elsewhere it is a promise."""
    if any(p.search(sentence) for p in table.opinion_patterns) and not _matches(sentence, table, "outcome"):
        return "", True
    if not plans and "plan" in table.star_patterns and _matches(sentence, table, "plan"):
        return "", True
    if _matches(sentence, table, "result") and not (
        _opens_with_action(sentence, table) and not _matches(sentence, table, "outcome")
    ):
        return ("situation" if index == 0 and _matches(sentence, table, "situation") else "result"), True
    if index == 0 and _matches(sentence, table, "situation"):  # the opening sets the scene, even "while I led…"
        return "situation", True
    if _matches(sentence, table, "task"):
        return "task", True
    if _opens_with_action(sentence, table):
        return "action", True
    if index < OPENING and _matches(sentence, table, "situation"):
        return "situation", True
    if _matches(sentence, table, "action"):  # a cue, but a loose one: shown only where the sentence model agrees
        return "action", True
    # A story's last sentence, told in the past, is where it ends: its outcome.
    if last and index >= OPENING and any(p.search(sentence) for p in table.past_tense):
        return "result", False
    return "", True


def empty_promise(sentence: str, table: Cues) -> bool:
    """Effort promised in general words ("최선의 방법을 찾아보겠습니다", "I would do my best"): no step anyone
    could check, so never evidence. The same words in something done ("원만하게 합의해서 교환으로 처리했고")
    or beside a figure ("30분 안에 적절히 공지를 올리겠습니다") are not."""
    return (
        any(p.search(sentence) for p in table.empty_steps)
        and any(p.search(sentence) for p in table.intent)
        and not NUMBER.search(sentence)
    )


def star_tags(said: Sequence[Sentence], table: Cues, *, plans: bool = True) -> tuple[StarTag, ...]:
    """Each sentence's part. `plans`: the answer is to a hypothetical, where steps are told as plans; in a
    story of the past, "…하는 사원이 되겠습니다" is a promise, not something done."""
    tags = []
    model = star_model(table.language)
    for i, s in enumerate(said):
        part, cued = tag(s.text, i, table, last=i == len(said) - 1, plans=plans)
        # Sure, and shown as evidence, where the sentence model reads the same part, where the speaker opens
        # the sentence doing something ("I profiled…", "…확인하겠습니다"), or where its wording says so
        # outright ("My task was…", "그 결과…").
        agreed = model.part(s.text, i, len(said), table.language) == part
        # A Korean step planned (…하겠습니다) opens the sentence in form only: vague plans ("관련 부서와 협의해서
        # 가능한 방법을 찾아보겠습니다") take the same ending, so the sentence model must read an action too.
        opens = part == "action" and _opens_with_action(s.text, table) and ("plan" not in table.star_patterns or agreed)
        explicit = any(p.search(s.text) for p in table.star_explicit.get(part, ()))
        # "네, 있었습니다." says nothing checkable of any part: a sentence this short is never evidence.
        sure = bool(part) and len(s.text.split()) >= MIN_EVIDENCE_WORDS and (opens or explicit or (cued and agreed))
        sure = sure and not empty_promise(s.text, table)
        tags.append(StarTag(Quote(s.text, s.start, s.end, "cue"), part, sure))
    return tuple(tags)
