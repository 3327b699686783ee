"""The interviewer's prompts: both languages render completely, and their layout keeps one shared prefix;
the rubric reply is fitted to its limits before it is checked."""

from __future__ import annotations

import json

import pytest

from engine.feedback.criteria import WEIGHTS
from engine.feedback.question_type import QuestionType
from engine.llm.contract import Role
from engine.llm.desk import ModelDesk
from engine.llm.interviewer import Exchange, LlmInterviewer, QuestionUnusable, TurnKind, clean_question
from engine.llm.judge import criteria_lines, judge_request, names_for
from engine.llm.prompts import note, system_prompt
from engine.llm.rubric import REASON_MAX_CHARS, RubricParseError, fit, parse
from tests.llm_support import ANSWER, POSTING, brief


class _NoModel:  # never asked to generate: these tests only read the prompts
    info = None


@pytest.mark.parametrize("language", ["en", "ko"])
def test_every_prompt_renders_fully_in_both_languages(language: str) -> None:
    system = system_prompt(brief(language))
    assert "$" not in system
    assert "Backend engineer" in system and "Acme" in system and POSTING[:40] in system
    assert ("면접관" in system) == (language == "ko")
    for name in ("next_question", "follow_up"):
        assert "$" not in note(language, name)
    for kind in QuestionType:
        names = names_for("Q?", language, kind)
        assert names == tuple(name for name, _ in WEIGHTS[kind])
        criteria = criteria_lines(names, language)
        scored = note(language, "score", question="Q?", kind="K", criteria=criteria)
        judged = note(language, "judge", question="Q?", kind="K", criteria=criteria, answer="A.")
        for text in (scored, judged):
            assert "Q?" in text and "JSON" in text and "$" not in text
            assert all(f'"{name}"' in text for name in names)  # each criterion, by its schema key


def test_a_closing_question_that_invites_a_last_word_asks_the_model_for_both_sets_of_criteria() -> None:
    closing = QuestionType.CLOSING
    for language, last_word, questions_only in (
        ("ko", "마지막으로 하고 싶은 말씀 있으신가요?", "마지막으로 저희에게 궁금한 점 있으신가요?"),
        ("en", "Is there anything you\u2019d like to add?", "Do you have any questions for us?"),
    ):
        both = names_for(last_word, language, closing)
        assert {"questions", "question_focus", "added_point", "future"} <= set(both)
        assert "added_point" not in names_for(questions_only, language, closing)
        request = judge_request(last_word, "A.", language, closing)
        assert request.json_schema is not None
        assert set(request.json_schema["properties"]["evidence"]["required"]) == set(both)
        assert '"added_point"' in request.messages[0].content


def test_a_growing_answer_only_appends_to_the_prompt() -> None:
    interviewer = LlmInterviewer(ModelDesk(_NoModel()), brief())  # type: ignore[arg-type]
    early = interviewer.question_messages([Exchange("Q1", ANSWER[:80])], TurnKind.FOLLOW_UP)
    late = interviewer.question_messages([Exchange("Q1", ANSWER)], TurnKind.FOLLOW_UP)
    assert early[:-1] == late[:-1]
    assert late[-1].content.startswith(early[-1].content)  # the note first, then the answer as it grows
    # The next turn's prompt extends this one: the answered turn is kept with its note.
    following = interviewer.question_messages(
        [Exchange("Q1", ANSWER, TurnKind.FOLLOW_UP), Exchange("Why?", "Because.")], TurnKind.MAIN
    )
    assert following[: len(late)] == late
    assert following[-1].role is Role.USER


def test_model_replies_are_cut_to_one_question_or_rejected() -> None:
    assert clean_question('Interviewer: "What did you change first? And why?"') == "What did you change first?"
    assert clean_question("Walk me through the migration. Start with the schema. Then the rest.") == (
        "Walk me through the migration. Start with the schema."
    )
    korean = clean_question("면접관: 그 결정을 내린 이유는 무엇인가요? 다른 방법은요?")
    assert korean == "그 결정을 내린 이유는 무엇인가요?"
    # A first question too short to ask on its own runs on to the next (SmolLM2 wrote this one).
    assert clean_question("What? How did you measure it?") == "What? How did you measure it?"
    # A label or an announcement on a line of its own: the question is on the next line; alone, it is none.
    assert clean_question("Question:\nWhat did you change first?") == "What did you change first?"
    assert clean_question("**Follow-up question:**\n- What did you change first?") == "What did you change first?"
    assert clean_question("다음 질문입니다:\n그 결정을 내린 이유는 무엇인가요?") == "그 결정을 내린 이유는 무엇인가요?"
    # An instruction that ends in a colon is still asked, ending as a sentence.
    assert clean_question("Walk me through how you chose the cache:\n\n1. Options") == (
        "Walk me through how you chose the cache."
    )
    assert clean_question("Tell me about a question you struggled with:") == (
        "Tell me about a question you struggled with."
    )
    assert clean_question("그 결정을 내린 이유는 무엇인가요？ 다른 방법은요？") == "그 결정을 내린 이유는 무엇인가요？"
    for unusable in (
        "",
        "   ",
        "?!",
        "…",
        "Why?",
        "Here's the response:",
        "Now I'll give you the answer to your question:",
    ):
        with pytest.raises(QuestionUnusable):
            clean_question(unusable)


def test_an_over_long_reason_keeps_its_first_sentences_and_junk_is_still_refused() -> None:
    rambling = "The situation is clear. " * 30  # a 135M model ran one reason on for 720 characters
    cut = fit(rambling, REASON_MAX_CHARS)
    assert len(cut) <= REASON_MAX_CHARS and cut.endswith("clear.")
    korean = fit("상황 설명이 구체적입니다. " * 40, REASON_MAX_CHARS)
    assert len(korean) <= REASON_MAX_CHARS and korean.endswith("구체적입니다.")
    assert fit("word " * 200, 50).endswith("…") and len(fit("word " * 200, 50)) <= 50
    names = tuple(name for name, _ in WEIGHTS[QuestionType.BEHAVIOURAL])
    reply = {
        "evidence": {name: "" for name in names},
        "relevant": True,
        "improvements": [rambling, "Name the result in numbers."],
        "example_answer": "At my last job I cut the checkout latency from two seconds to 300 ms by adding an index.",
    }
    review = parse(json.dumps(reply), "test", names)
    assert all(len(i) <= REASON_MAX_CHARS for i in review.improvements)
    assert review.quotes == {}  # an empty quote is no evidence
    reply["improvements"] = ["short"]  # under the minimum: still refused
    with pytest.raises(RubricParseError):
        parse(json.dumps(reply), "test", names)
    reply["improvements"], reply["score"] = ["Name the result in numbers."], 9  # a number of its own: off the schema
    with pytest.raises(RubricParseError):
        parse(json.dumps(reply), "test", names)


@pytest.mark.parametrize(
    "reply",
    [
        '{"foo": "bar", "score": "eleven"}',
        '[{"question": "Why?"}]',
        '<img src="http://127.0.0.1:9/x.png"> Why this role?',
        'Sure: {"question": "What did you build?"}',
    ],
)
def test_json_markup_or_code_from_a_server_is_no_question(reply: str) -> None:
    with pytest.raises(QuestionUnusable):
        clean_question(reply)


def test_ordinary_questions_with_quotes_and_numbers_stay_questions() -> None:
    assert clean_question('What did "done" mean for the 2.0 release?') == 'What did "done" mean for the 2.0 release?'
    assert clean_question("그 결과 응답 시간이 얼마나 줄었나요?") == "그 결과 응답 시간이 얼마나 줄었나요?"
