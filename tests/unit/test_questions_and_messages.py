from __future__ import annotations

import random
import re

import pytest

from engine import messages
from engine.interview.questions import Category, InterviewKind, choose_questions, load_bank
from engine.interview.state import InvalidTransition, SessionState, check_move


@pytest.mark.parametrize("language", ["en", "ko"])
def test_each_bank_has_at_least_80_tagged_questions(language: str) -> None:
    bank = load_bank(language)
    assert len(bank) >= 80
    assert len({q.id for q in bank}) == len(bank)
    assert len({q.text for q in bank}) == len(bank)
    assert {q.category for q in bank} == set(Category)
    assert all(q.roles and q.seniority in {"any", "junior", "mid", "senior"} for q in bank)


def test_korean_questions_are_written_in_korean() -> None:
    for question in load_bank("ko"):
        hangul = sum("\uac00" <= ch <= "\ud7a3" for ch in question.text)
        assert hangul >= len(question.text.replace(" ", "")) * 0.6, question.text


def test_recently_asked_questions_are_not_repeated() -> None:
    first = choose_questions("en", InterviewKind.MIXED, 10, rng=random.Random(1))
    second = choose_questions(
        "en", InterviewKind.MIXED, 10, recently_asked=frozenset(q.id for q in first), rng=random.Random(1)
    )
    assert not {q.id for q in first} & {q.id for q in second}
    assert first[0].category is Category.MOTIVATION  # interviews open with the candidate's motivation


def test_technical_interviews_fit_the_role() -> None:
    chosen = choose_questions("ko", InterviewKind.TECHNICAL, 6, role_family="data", rng=random.Random(2))
    assert {q.category for q in chosen} <= {Category.TECHNICAL, Category.SITUATIONAL}
    assert all("any" in q.roles or "data" in q.roles for q in chosen)


def test_every_message_has_both_languages() -> None:
    for key, entry in messages.CATALOGUE.items():
        assert set(messages.LANGUAGES) <= set(entry) <= {*messages.LANGUAGES, "en_one"}, key
        assert all(text.strip() for text in entry.values()), key
        if "en_one" in entry:  # the singular names the same things as the plural
            assert set(re.findall(r"{(\w+)", entry["en_one"])) <= set(re.findall(r"{(\w+)", entry["en"])), key


def test_state_machine_refuses_impossible_moves() -> None:
    check_move(SessionState.SETTING_UP, SessionState.ASKING)
    check_move(SessionState.LISTENING, SessionState.INTERRUPTED)
    with pytest.raises(InvalidTransition):
        check_move(SessionState.ASKING, SessionState.COMPLETE)
    with pytest.raises(InvalidTransition):
        check_move(SessionState.COMPLETE, SessionState.FAILED)


@pytest.mark.parametrize(
    ("paired", "settled"),
    [
        ("세션 4이(가) 끝났습니다", "세션 4가 끝났습니다"),  # 사: no final consonant
        ("세션 1이(가) 끝났습니다", "세션 1이 끝났습니다"),  # 일
        ("'medium'이(가) 없습니다", "'medium'이 없습니다"),  # 엠, past the quote
        ("'base'이(가) 없습니다", "'base'가 없습니다"),
        ("이력서.pdf을(를) 읽지 못했습니다", "이력서.pdf를 읽지 못했습니다"),  # 에프
        ("면접을(를)", "면접을"),
        ("질문은(는)", "질문은"),
        ("답변과(와) 녹음", "답변과 녹음"),
        ("회사과(와) 직무", "회사와 직무"),
        ("b.json.broken(으)로 보관", "b.json.broken으로 보관"),  # 엔
        ("서울(으)로", "서울로"),  # ㄹ takes 로
        ("부산(으)로", "부산으로"),
        ("#(으)로", "#(으)로"),  # nothing to go by: the paired form stays
    ],
)
def test_korean_particles_follow_the_sound_before_them(paired: str, settled: str) -> None:
    from engine.messages.particles import settle

    assert settle(paired) == settled


def test_messages_settle_their_particles_in_korean_only() -> None:
    assert messages.text("cli.interrupted_found", "ko", session_id=4).startswith("면접 4가 ")
    assert messages.text("cli.interrupted_found", "ko", session_id=3).startswith("면접 3이 ")
    assert "(" not in messages.text("cli.interrupted_found", "ko", session_id=3).split("종료")[0]


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_closing_question_is_never_drawn_as_an_ordinary_one(language: str) -> None:
    for seed in range(40):
        chosen = choose_questions(language, InterviewKind.MIXED, 15, rng=random.Random(seed))
        assert all(q.category is not Category.CLOSING for q in chosen)
    assert messages.text("category.closing", language)
