"""Practice that builds skill, in both languages, as a user runs it: redo, the weak-spot drill, real mode's
timers, the pressure persona, the closing turn and the blind-hiring check. Real speech, the real Whisper
model, real SQLite files; the feedback is the app's own."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from engine import messages
from engine.analysis.metrics import analyse
from engine.feedback.assess import assess
from engine.feedback.question_type import QuestionType
from engine.feedback.view import build_view
from engine.interview.config import InterviewConfig
from engine.interview.modes import Persona
from engine.interview.questions import Category, Question, closing_question, load_bank
from engine.interview.session import hint_key
from engine.interview.turns import TurnPlan
from engine.llm.interviewer import TurnKind
from engine.llm.prompts import system_prompt
from engine.practice.asking import drill_questions
from engine.practice.drill import schedule
from engine.report.attempts_view import Change, compare
from engine.storage.store import Store
from engine.stt.contract import TranscriptEvent, TranscriptKind, Word
from tests.cli_support import cli
from tests.conftest import speech_file

CLIPS = {"en": "en/jfk.flac", "ko": "ko/deeply_AnechoicChamber_sub100122a00035.wav"}  # 11.0 s and 10.7 s

STRONG = {
    "en": "Last year our checkout service failed every Friday under peak load, and I was asked to fix it before "
    "the holiday sale. I profiled the database calls myself, found two queries without an index, added the "
    "indexes and wrote a load test that ran on every release. As a result the error rate fell from 4 percent "
    "to 0.2 percent and the sale brought in 30 percent more orders than the year before.",
    "ko": "작년에 저희 결제 서비스가 금요일마다 트래픽이 몰리면 장애가 났고, 제가 연말 할인 행사 전까지 해결하는 "
    "일을 맡았습니다. 제가 직접 데이터베이스 호출을 분석해서 인덱스가 없는 쿼리 두 개를 찾았고, 인덱스를 추가한 "
    "뒤 배포할 때마다 도는 부하 테스트를 만들었습니다. 그 결과 오류율이 4%에서 0.2%로 줄었고 행사 주문은 "
    "전년보다 30% 늘었습니다.",
}
WEAK = {  # on the question, but vague: "we", hedges, no figure
    "en": "We kind of worked on the problem that kept coming back as a team and things got better eventually, I guess.",
    "ko": "반복되던 문제를 저희 팀이 같이 열심히 해결해서 뭐 어느 정도 잘 된 것 같습니다.",
}
QUESTION = {
    "en": "Tell me about a time you fixed a problem that kept coming back.",
    "ko": "반복해서 생기던 문제를 해결한 경험을 말씀해 주세요.",
}

OTHER_QUESTION = {"en": "What did you learn from a project that failed?", "ko": "실패한 프로젝트에서 배운 점은?"}


def _practice(data_dir: Path, *args: str) -> dict[str, object]:
    result = cli(data_dir, "practice", *args, "--json")
    assert result.returncode == 0, result.stderr
    document: dict[str, object] = json.loads(result.stdout)
    document["stderr"] = result.stderr
    return document


async def _answer(store: Store, language: str, question: str, text: str, when: datetime) -> int:
    """A heard answer to `question`, stored through the Store as the interview stores one, with the app's own
    feedback on it, answered at `when`."""
    session = await store.create_session({"language": language}, "local")
    q = await store.add_question(session, 1, "", question, "behavioural", question_type="behavioural")
    answer = await store.start_answer(session, q, "")
    await store.add_final(answer, TranscriptEvent(TranscriptKind.FINAL, 0, text, "", 0.0, 30.0, (), 0.9, "test"))
    await store.finish_answer(answer, "complete", 30.0, text)
    content = build_view(assess(question, text, language, QuestionType.BEHAVIOURAL)).to_stored()
    spoken = [Word(w, i * 0.4, i * 0.4 + 0.3, 0.9) for i, w in enumerate(text.split())]  # a steady speaker
    figures = analyse(spoken, language, 30.0)
    await store.save_metrics(answer, {**figures.to_dict(), "content": content})
    stamp = when.isoformat()
    store.db.execute("update answers set ended_at = ? where id = ?", (stamp, answer))
    store.db.conn.commit()
    return answer


@pytest.mark.parametrize("language", ["en", "ko"])
def test_redo_asks_the_same_question_and_groups_the_attempts(data_dir: Path, language: str) -> None:
    clip = str(speech_file(CLIPS[language]))
    first = _practice(data_dir, "--lang", language, "--answers", clip)
    asked = first["answers"][0]["question"]  # type: ignore[index]
    again = _practice(data_dir, "--redo", f"{first['session_id']}:1", "--answers", clip)
    assert again["language"] == language
    assert again["answers"][0]["question"] == asked  # type: ignore[index]

    async def grouped() -> None:
        store = await Store.open(data_dir / "interview-coach.sqlite3")
        try:
            session = await store.session_detail(int(again["session_id"]))  # type: ignore[call-overload]
            assert session is not None and session.origin == "redo"
            attempts = await store.attempts_of(session.questions[0].id)
        finally:
            await store.close()
        assert [a.session_id for a in attempts] == [first["session_id"], again["session_id"]]
        side_by_side = compare(attempts)
        assert side_by_side is not None
        assert [c.label for c in side_by_side.columns][:2] == ["latest", "previous"]
        assert side_by_side.attempts == 2
        # The diff rebuilds both answers: the earlier from what stayed and was dropped, the latest from what
        # stayed and was added.
        kept = {Change.SAME, Change.DROPPED}, {Change.SAME, Change.ADDED}
        for wanted, attempt in zip(kept, attempts, strict=True):
            rebuilt = " ".join(text for change, text in side_by_side.diff if change in wanted)
            assert rebuilt.split() == attempt.transcript.split()

    import asyncio

    asyncio.run(grouped())


@pytest.mark.parametrize("language", ["en", "ko"])
async def test_the_drill_asks_the_weak_question_first_and_its_due_date_moves_with_the_result(
    tmp_path: Path, language: str
) -> None:
    store = await Store.open(tmp_path / "history.sqlite3")
    try:
        start = datetime(2026, 11, 1, 9, tzinfo=UTC)
        other = OTHER_QUESTION[language]
        await _answer(store, language, QUESTION[language], WEAK[language], start)
        await _answer(store, language, other, STRONG[language][:90], start + timedelta(minutes=5))
        queue = schedule(await store.attempts(language))
        scores = {item.latest.text: item.last_score for item in queue}
        assert scores[QUESTION[language]] < scores.get(other, 100)  # both may be due; the weaker comes first
        asked = await drill_questions(store, language, now=start + timedelta(hours=1))
        assert asked[0].text == QUESTION[language]
        assert asked[0].kind is QuestionType.BEHAVIOURAL
        due_weak = next(i for i in queue if i.latest.text == QUESTION[language]).due

        # A good answer pushes the question out by a day; another, further still.
        await _answer(store, language, QUESTION[language], STRONG[language], start + timedelta(hours=2))
        after_good = next(i for i in schedule(await store.attempts(language)) if i.latest.text == QUESTION[language])
        assert after_good.due >= start + timedelta(hours=2, days=1) > due_weak
        await _answer(store, language, QUESTION[language], STRONG[language], start + timedelta(days=2))
        after_two = next(i for i in schedule(await store.attempts(language)) if i.latest.text == QUESTION[language])
        assert after_two.interval > after_good.interval
        # A poor one makes it due at once again, with a shorter interval.
        await _answer(store, language, QUESTION[language], WEAK[language], start + timedelta(days=3))
        after_poor = next(i for i in schedule(await store.attempts(language)) if i.latest.text == QUESTION[language])
        assert after_poor.due == start + timedelta(days=3)
        assert after_poor.interval < after_two.interval
    finally:
        await store.close()


@pytest.mark.parametrize("language", ["en", "ko"])
def test_real_mode_cuts_an_answer_at_its_limit_keeps_what_was_said_and_moves_on(data_dir: Path, language: str) -> None:
    clip = str(speech_file(CLIPS[language]))
    ui = ["--ui-lang", language]
    result = cli(data_dir, *ui, "practice", "--lang", language, "--answers", clip, clip, "--mode", "real",
                 "--prep-seconds", "0", "--answer-seconds", "5", "--json")  # fmt: skip
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    answers = document["answers"]
    assert len(answers) == 2 and all(a["status"] == "complete" for a in answers)  # the second question followed
    for answer in answers:
        assert 4.5 <= answer["duration_s"] <= 5.5  # cut at the limit, not at the clip's end (10.7-11 s)
        assert answer["transcript"].strip()  # what was said before the limit is kept
    assert ("5초" if language == "ko" else "at 5 s") in result.stderr
    # The whole clip gives more words than the cut answer did.
    full = _practice(data_dir, "--lang", language, "--answers", clip)
    assert len(full["answers"][0]["transcript"]) > len(answers[0]["transcript"])  # type: ignore[index]


@pytest.mark.parametrize("language", ["en", "ko"])
def test_real_mode_timing_out_of_range_or_outside_real_mode_is_refused_with_what_to_do(
    data_dir: Path, language: str
) -> None:
    clip = str(speech_file(CLIPS[language]))
    outside = cli(data_dir, "practice", "--lang", language, "--answers", clip, "--answer-seconds", "30")
    assert outside.returncode == 2 and "--mode real" in outside.stderr
    real = ("--mode", "real", "--answer-seconds", "9000")
    too_long = cli(data_dir, "practice", "--lang", language, "--answers", clip, *real)
    assert too_long.returncode == 2 and "600" in too_long.stderr


@pytest.mark.parametrize("language", ["en", "ko"])
async def test_the_pressure_persona_follows_up_on_a_vague_answer_and_neutral_does_not(language: str) -> None:
    bank = [Question("x1", Category.BEHAVIOURAL, ("any",), "any", QUESTION[language]), load_bank(language)[1]]
    for persona, expected in ((Persona.PRESSURE, True), (Persona.NEUTRAL, False)):
        plan = TurnPlan(bank, language, persona=persona)
        first, _ = await plan.next_question()
        assert first is not None
        view = build_view(assess(first.text, WEAK[language], language, first.bank.kind))
        plan.record_answer(WEAK[language], view)
        follow, _ = await plan.next_question()
        assert follow is not None
        assert (follow.kind is TurnKind.FOLLOW_UP) is expected
        if expected:
            # It presses on what was vague: the candidate's own part ("we") or the words they hedged with.
            assert any(cue in follow.text for cue in ("we", "yourself", "저희", "본인", "mean", "뜻"))
    # A concrete answer of one's own is not pressed on.
    plan = TurnPlan(bank, language, persona=Persona.PRESSURE)
    first, _ = await plan.next_question()
    assert first is not None
    plan.record_answer(STRONG[language], build_view(assess(first.text, STRONG[language], language, first.bank.kind)))
    follow, _ = await plan.next_question()
    assert follow is not None and follow.kind is TurnKind.MAIN


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_pressure_persona_follows_up_in_a_spoken_interview_and_the_closing_turn_is_judged_on_questions(
    data_dir: Path, language: str
) -> None:
    clip = str(speech_file(CLIPS[language]))
    document = _practice(
        data_dir, "--lang", language, "--questions", "2", "--answers", clip, clip, "--persona", "pressure", "--closing"
    )
    kinds = [(a["kind"], a["question_type"]) for a in document["answers"]]  # type: ignore[union-attr]
    assert kinds[1][0] == "follow_up"  # a reading of a speech, answering an interview question: pressed on
    assert kinds[-1] == ("main", "closing")  # the interview closes with the candidate's questions


@pytest.mark.parametrize(
    ("language", "answer", "kinds"),
    [
        ("en", "My father is a judge, so I learned discipline early. I graduated from Yonsei University.",
         {"family", "school"}),
        ("ko", "아버지께서 공무원이셔서 책임감을 배웠습니다. 연세대학교 경영학과를 졸업했습니다.",
         {"family", "school"}),
    ],
)  # fmt: skip
def test_the_blind_hiring_check_flags_a_parents_job_and_a_school_and_can_be_switched_off(
    language: str, answer: str, kinds: set[str]
) -> None:
    view = build_view(assess(QUESTION[language], answer, language))
    assert {p.kind.value for p in view.personal} == kinds
    assert all(p.quote in answer for p in view.personal)  # each quotes the sentence as said
    assert view.without_personal().personal == ()
    # Work talk that a bare keyword would flag is left alone.
    work = "We sold our app to twenty universities." if language == "en" else "학교 급식 관리 시스템을 개발했습니다."
    assert build_view(assess(QUESTION[language], work, language)).personal == ()


CLOSING_ANSWERS = {  # real questions about the work; perks only; none at all
    "en": (
        "What would success look like in my first 90 days? How does the team decide which features to build "
        "next, and how do you review code?",
        "How much is the salary? How many vacation days do I get?",
        "No, I think you covered everything. I do not have any questions.",
    ),
    "ko": (
        "입사 후 첫 3개월 동안 어떤 성과를 기대하시나요? 팀에서는 코드 리뷰를 어떤 방식으로 진행하나요?",
        "연봉은 얼마인가요? 휴가는 며칠인가요?",
        "아니요, 딱히 궁금한 점은 없습니다.",
    ),
}


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_closing_turn_is_judged_on_the_questions_the_candidate_asks(language: str) -> None:
    question = closing_question(language)
    assert question.kind is QuestionType.CLOSING
    answers = CLOSING_ANSWERS[language]
    real, perks, none = (build_view(assess(question.text, a, language, question.kind)) for a in answers)
    assert real.score > perks.score > none.score
    assert none.flag is not None  # having no questions is said, not just scored low
    assert {p.criterion for p in real.parts} >= {"questions", "question_focus"}  # not STAR
    # The Korean bank's closing question also invites a last word, and its hint says a concrete point counts.
    hint = hint_key(question.kind, question.text, language)
    assert hint == ("hint.closing_last_word" if language == "ko" else "hint.closing")
    assert messages.text(hint, "ko") != messages.text(hint, "en")  # both languages written (KeyError if none)


@pytest.mark.parametrize(("language", "pressing"), [("en", "What exactly did you do?"), ("ko", "본인이 정확히")])
def test_with_a_model_the_persona_is_part_of_its_instructions(language: str, pressing: str) -> None:
    brief = InterviewConfig(language=language, persona=Persona.PRESSURE).brief()
    assert pressing in system_prompt(brief)
    neutral = system_prompt(InterviewConfig(language=language).brief())
    assert pressing not in neutral
