from __future__ import annotations

from engine.analysis.metrics import analyse, find_pauses
from engine.stt.contract import Word


def words(spec: str, gap: float = 0.05, length: float = 0.3) -> list[Word]:
    """Words one after another; '|' marks a 0.6 s pause before the next word."""
    out, t = [], 0.0
    for token in spec.split():
        if token == "|":
            t += 0.6
            continue
        out.append(Word(token, t, t + length, 0.9))
        t += length + gap
    return out


def fillers(spec: str, language: str = "en") -> list[str]:
    return [f.text for f in analyse(words(spec), language, 10.0).fillers]


def test_hesitation_fillers_always_count() -> None:
    assert fillers("Um, I think uh we shipped it") == ["um", "uh"]


def test_like_counts_only_as_a_filler() -> None:
    assert fillers("I would like to lead the team") == []
    assert fillers("It looks like a good plan") == []
    assert fillers("We used tools like Kafka") == []
    assert fillers("It was, like, three weeks late") == ["like"]
    assert fillers("Um like we had no tests") == ["um", "like"]


def test_multiword_fillers_and_their_exceptions() -> None:
    assert fillers("It was, you know, a hard call") == ["you know"]
    assert fillers("Do you know what happened next") == []
    assert fillers("It was sort of a rewrite") == ["sort of"]
    assert fillers("What kind of team do you want") == []


def test_korean_fillers_respect_meaning() -> None:
    assert fillers("어 그 프로젝트에서 음 저는 리드를 맡았습니다", "ko") == ["어", "음"]
    assert fillers("그 | 그 프로젝트가 이제 끝났어요", "ko") == ["그", "이제"]
    assert fillers("저, | 저는 백엔드 개발자입니다", "ko") == ["저"]


def test_pauses_count_total_and_longest() -> None:
    metrics = analyse(words("We | shipped it | on time"), "en", 5.0)
    assert metrics.pause_count == 2
    assert metrics.longest_pause_s == 0.65
    assert metrics.pause_total_s == 1.3
    assert find_pauses(words("no pauses here")) == []


def test_pace_is_words_and_syllables_per_minute_of_speaking_time() -> None:
    en = analyse(words("one two three four five six"), "en", 10.0)
    assert en.word_count == 6
    assert en.speaking_s == 2.05
    assert en.words_per_minute == round(6 / (2.05 / 60), 1)
    ko = analyse(words("저는 백엔드 개발자입니다"), "ko", 5.0)
    assert ko.syllable_count == 2 + 3 + 6
    assert ko.syllables_per_minute == round(11 / (ko.speaking_s / 60), 1)
    assert ko.words_per_minute > 0


def test_empty_answer_has_zero_rates() -> None:
    metrics = analyse([], "en", 3.0)
    assert (metrics.word_count, metrics.words_per_minute, metrics.filler_count) == (0, 0.0, 0)
