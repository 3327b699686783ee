"""The model-free reading of what an answer says: STAR coverage with its evidence, specificity, ownership,
the job posting's keywords, and a score that ranks the project's labelled strong answers above weak ones."""

from __future__ import annotations

import json
from pathlib import Path

from bench.feedback_quality import LABELLED, roc_auc, scores
from engine.analysis.advice import advise, render
from engine.analysis.content import posting_keywords, read_content

STRONG_EN = (
    "When I was at my previous company, our release process took two weeks. My task was to cut it down. "
    "I wrote a deployment pipeline and I automated the tests. As a result we reduced release time by 80 percent."
)
STRONG_KO = (
    "당시 이전 회사에서 배포가 2주씩 걸렸습니다. 제 목표는 이를 줄이는 것이었습니다. 제가 직접 배포 파이프라인을 "
    "구축했고 테스트를 자동화했습니다. 그 결과 배포 시간이 80% 단축되었습니다."
)


def test_each_star_part_is_found_with_the_sentence_that_shows_it() -> None:
    reading = read_content(STRONG_EN, "en")
    evidence = {p.part: p.evidence for p in reading.star}
    assert evidence["situation"].startswith("When I was at my previous company")
    assert evidence["task"] == "My task was to cut it down."
    assert evidence["action"].startswith("I wrote a deployment pipeline")
    assert evidence["result"].startswith("As a result")
    assert reading.numbers >= 2 and reading.ownership > 0.5


def test_korean_answers_are_read_too() -> None:
    reading = read_content(STRONG_KO, "ko")
    assert reading.star_count == 4 and reading.numbers >= 2 and reading.first_person >= 2
    weak = read_content("저희 팀에서 이것저것 바꾸고 여러 가지 시도를 했습니다.", "ko")
    assert weak.team > weak.first_person and weak.vague >= 2 and weak.score < reading.score


def test_a_vague_answer_gets_advice_to_be_specific() -> None:
    content = read_content("We improved stuff and things like that, kind of.", "en").to_dict()
    metrics = {
        "language": "en",
        "speaking_s": 30.0,
        "words_per_minute": 140.0,
        "syllables_per_minute": 0.0,
        "fillers_per_minute": 0.0,
        "filler_count": 0,
        "content": content,
    }
    keys = [a.key for a in advise(metrics)]
    assert "advice.no_numbers" in keys and "advice.ownership" in keys and "advice.vague" in keys
    assert "advice.star_missing_action" in keys or "advice.star_structure" in keys
    thin = {**metrics, "content": read_content("I like teamwork.", "en").to_dict()}
    structure = [a for a in advise(thin) if a.key == "advice.star_structure"]
    assert len(structure) == 1  # one line for a shapeless answer, not four
    assert "situation, task, action, result" in render(structure[0], "en")
    assert "상황, 과제, 행동, 결과" in render(structure[0], "ko")


def test_posting_keywords_name_the_tools_and_skills_and_answers_are_checked_against_them() -> None:
    posting = (
        "We are looking for a Backend Engineer with Python, PostgreSQL and AWS experience. "
        "You will design APIs in Python and run services on Kubernetes."
    )
    keywords = posting_keywords(posting, "en")
    assert keywords[0] == "Python" and {"PostgreSQL", "AWS", "Kubernetes"} <= set(keywords)
    assert not {"the", "with", "you", "experience"} & {k.lower() for k in keywords}
    reading = read_content("I moved our reports from MySQL to PostgreSQL and wrote the jobs in Python.", "en", keywords)
    assert set(reading.keywords_hit) == {"Python", "PostgreSQL"} and "AWS" in reading.keywords_missed
    korean = posting_keywords("파이썬과 장고를 이용한 API 개발 경험을 우대합니다. 파이썬 능숙자.", "ko")
    assert korean[0] == "파이썬" and "장고" in korean and "우대합니다" not in korean


def test_the_labelled_set_is_complete_and_the_score_ranks_strong_above_weak() -> None:
    answers = json.loads(Path(LABELLED).read_text("utf-8"))["answers"]
    assert len(answers) >= 24 and all(a["reason"] for a in answers)
    for language in ("en", "ko"):
        strong, weak, _rows = scores(language)
        assert len(strong) >= 6 and len(weak) >= 6
        assert roc_auc(strong, weak) >= 0.9


def test_the_voice_is_measured_from_the_recording_and_a_flat_one_is_called_monotone() -> None:
    import numpy as np

    from engine.analysis.advice import voice_advice
    from engine.analysis.voice_delivery import measure
    from engine.audio.file_source import read_samples
    from tests.conftest import speech_file

    t = np.arange(16000 * 6) / 16000
    flat = measure((0.3 * np.sin(2 * np.pi * 150 * t) * 32767).astype(np.int16))
    assert flat.monotone and abs(flat.pitch_hz - 150) < 3
    frequency = 120 * 2 ** (np.sin(2 * np.pi * 0.5 * t) * 0.5)  # +-6 semitones, slowly
    lively = measure((0.3 * np.sin(2 * np.pi * np.cumsum(frequency) / 16000) * 32767).astype(np.int16))
    assert not lively.monotone and lively.pitch_spread_semitones > 3
    speech = measure(read_samples(speech_file("en/jfk.flac")))
    assert speech.judged and 80 < speech.pitch_hz < 300 and speech.pitch_spread_semitones > 1.5
    assert [a.key for a in voice_advice(flat.to_dict())] == ["advice.monotone"]
    quiet = measure((0.01 * np.sin(2 * np.pi * 150 * t) * 32767).astype(np.int16) + np.int16(0))
    assert "advice.quiet" in [a.key for a in voice_advice(quiet.to_dict())]
