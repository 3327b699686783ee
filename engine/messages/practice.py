"""Practice that builds skill: the blind-hiring check, modes and their timers, personas, redo and the weak-spot
drill. This part of the engine's message catalogue (merged into engine.messages.CATALOGUE)."""

from __future__ import annotations

from typing import Final

_BLIND: Final[dict[str, dict[str, str]]] = {
    "blind.title": {"en": "Blind-hiring check", "ko": "블라인드 채용 점검"},
    "blind.finding": {"en": "{what}: “{quote}”", "ko": "{what}: “{quote}”"},
    "blind.family": {"en": "A family member's job or standing", "ko": "가족의 직업이나 신상"},
    "blind.hometown": {"en": "Where you are from", "ko": "출신 지역"},
    "blind.school": {"en": "Your school's name", "ko": "출신 학교"},
    "blind.age": {"en": "Your age", "ko": "나이"},
    "blind.marital": {"en": "Marital status or children", "ko": "결혼 여부나 자녀"},
    "blind.physical": {"en": "Your body (height, weight, looks, health)", "ko": "키·몸무게·외모 같은 신체 정보"},
    "blind.advice": {
        "en": "In blind hiring (the rule in Korean public employers and many private ones), personal details "
        "like these can count against you or break the rules. Leave them out and say what you did instead.",
        "ko": "블라인드 채용(공공기관과 많은 기업이 따르는 방식)에서는 이런 개인 정보가 불이익이 되거나 규정 "
        "위반이 될 수 있습니다. 빼고, 대신 본인이 한 일을 말하세요.",
    },
}

# What each question type's answer is judged on: the practice mode's hint, shown under the question.
_HINTS: Final[dict[str, dict[str, str]]] = {
    "hint.behavioural": {
        "en": "Tell one real story: the situation, your task, what you did yourself, and the result (a figure "
        "if you can). About 1–2 minutes.",
        "ko": "실제 경험 하나를 상황, 맡은 과제, 본인이 한 행동, 결과(가능하면 수치) 순서로 말하세요. "
        "1~2분 정도가 알맞습니다.",
    },
    "hint.situational": {
        "en": "Lay out a plan in steps, say why, and what outcome you would aim for. About 1–2 minutes.",
        "ko": "단계별 계획과 그 이유, 기대하는 결과를 말하세요. 1~2분 정도가 알맞습니다.",
    },
    "hint.motivation": {
        "en": "Name what draws you to this company and role, tie it to your own experience, and say what you "
        "would bring. About 1 minute.",
        "ko": "이 회사와 직무에 끌린 이유를 본인 경험과 연결하고, 입사 후 기여할 점을 말하세요. 1분 정도가 알맞습니다.",
    },
    "hint.self_introduction": {
        "en": "Your background in a sentence, one achievement with its result, and what you want to do next. "
        "About 1 minute.",
        "ko": "경력과 배경을 한 문장으로, 대표 성과 하나와 그 결과, 앞으로 하고 싶은 일을 말하세요. 1분 정도가 "
        "알맞습니다.",
    },
    "hint.strengths_weaknesses": {
        "en": "Name the trait, show it in a real example, and (for a weakness) what you are doing about it. "
        "About 1 minute.",
        "ko": "장점이나 단점을 밝히고 실제 사례로 보여 주세요. 단점이라면 어떻게 고치고 있는지도 말하세요. "
        "1분 정도가 알맞습니다.",
    },
    "hint.technical": {
        "en": "Explain it plainly, give an example of using it, and weigh it against an alternative. About "
        "1–2 minutes.",
        "ko": "쉽게 설명하고, 직접 써 본 예를 들고, 다른 방법과 비교해 장단점을 말하세요. 1~2분 정도가 알맞습니다.",
    },
    "hint.closing": {
        "en": "Ask two or three real questions about the work, the team or what success looks like.",
        "ko": "업무, 팀, 성과 기준에 관한 구체적인 질문을 두세 가지 하세요.",
    },
    "hint.closing_last_word": {
        "en": "Ask two or three real questions about the work or the team, or add one concrete point the "
        "interview has not covered: something you did, with a figure.",
        "ko": "업무나 팀에 관한 구체적인 질문을 두세 가지 하거나, 면접에서 아직 나오지 않은 내용을 하나 덧붙이세요. "
        "직접 한 일을 숫자와 함께 말하면 좋습니다.",
    },
}

_PRACTICE: Final[dict[str, dict[str, str]]] = {
    "cli.hint": {"en": "Hint: {hint}", "ko": "힌트: {hint}"},
    "timer.prep": {"en": "Prepare: {seconds} s", "ko": "준비 시간: {seconds}초"},
    "timer.answer": {"en": "Answer: {seconds} s left", "ko": "답변 시간: {seconds}초 남음"},
    "answer.time_up": {
        "en": "Time is up: the answer ended at {seconds} s. What you said is kept.",
        "ko": "시간이 다 되어 {seconds}초에서 답변이 끝났습니다. 말한 내용은 저장되었습니다.",
    },
    "config.redo_spec": {
        "en": "--redo takes SESSION:N, e.g. --redo 12:3 for session 12's question 3.",
        "ko": "--redo는 면접:번호 형식으로 입력하세요. 예: 면접 12의 3번 질문은 --redo 12:3.",
    },
    "config.redo_not_found": {
        "en": "Session {session_id} has no question {position}. See its questions with `show {session_id}`.",
        "ko": "면접 {session_id}에는 {position}번 질문이 없습니다. `show {session_id}`로 질문을 확인하세요.",
    },
    "config.redo_follow_up": {
        "en": "Question {position} of session {session_id} is a follow-up to the answer before it, and makes no "
        "sense asked alone. Redo the question it followed instead.",
        "ko": "면접 {session_id}의 {position}번 질문은 바로 앞 답변에 대한 꼬리 질문이라 따로 물으면 뜻이 통하지 "
        "않습니다. 그 앞의 질문을 다시 연습하세요.",
    },
    "config.practice_lang": {
        "en": "Say the interview's language with --lang en or --lang ko.",
        "ko": "--lang en 또는 --lang ko로 면접 언어를 정해 주세요.",
    },
    "config.llm_seed": {
        "en": "--llm-seed takes a whole number from 0 to {highest}.",
        "ko": "--llm-seed에는 0부터 {highest}까지의 정수를 넣어 주세요.",
    },
    "config.drill_empty": {
        "en": "No question is due for the drill. Questions answered weakly join it; practise more first.",
        "ko": "지금 다시 연습할 질문이 없습니다. 점수가 낮았던 질문이 여기에 쌓이니, 먼저 연습을 더 해 보세요.",
    },
    "config.timing_needs_real": {
        "en": "--prep-seconds and --answer-seconds apply to --mode real only.",
        "ko": "--prep-seconds와 --answer-seconds는 --mode real에서만 쓸 수 있습니다.",
    },
    "config.timing_range": {
        "en": "{what} must be between {low} and {high} seconds.",
        "ko": "{what} 값은 {low}초에서 {high}초 사이여야 합니다.",
    },
    "drill.line": {
        "en": "{due} · last score {score}/100 · {count} attempts · {text}",
        "en_one": "{due} · last score {score}/100 · {count} attempt · {text}",
        "ko": "{due} · 최근 점수 {score}점 · {count}번 답함 · {text}",
    },
    "drill.due_now": {"en": "due now", "ko": "지금 연습할 차례"},
    "drill.due_on": {"en": "due {date}", "ko": "{date}에 다시 연습"},
}

_COMPARE: Final[dict[str, dict[str, str]]] = {
    "compare.title": {
        "en": "Your {count} attempts at this question, side by side",
        "ko": "이 질문에 {count}번 답한 기록 비교",
    },
    "compare.latest": {"en": "This attempt (#{number})", "ko": "이번 답변 ({number}번째)"},
    "compare.previous": {"en": "The one before (#{number})", "ko": "직전 답변 ({number}번째)"},
    "compare.best": {"en": "Your best (#{number})", "ko": "최고 점수 답변 ({number}번째)"},
    "compare.pace": {"en": "Pace", "ko": "말 빠르기"},
    "compare.fillers": {"en": "Filler words", "ko": "군말 횟수"},
    "compare.diff_title": {"en": "What you said differently this time", "ko": "이번에 달라진 내용"},
    "compare.diff_key": {
        "en": "Underlined: new this time. Struck through: said before, left out this time.",
        "ko": "밑줄: 이번에 새로 말한 부분. 취소선: 지난번에는 말했지만 이번에 뺀 부분.",
    },
}

_REVIEW: Final[dict[str, dict[str, str]]] = {
    "review.summary_title": {"en": "This interview at a glance", "ko": "이번 면접 한눈에 보기"},
    "review.summary_score": {"en": "Average content score {score}/100", "ko": "내용 점수 평균 {score}점(100점 만점)"},
    "review.summary_empty": {
        "en": "No answer was heard in this interview, so there is nothing to sum up. Retry a question below.",
        "ko": "이 면접에서는 인식된 답변이 없어 요약할 내용이 없습니다. 아래에서 질문에 다시 답해 보세요.",
    },
}

PRACTICE_MESSAGES: Final[dict[str, dict[str, str]]] = {**_BLIND, **_HINTS, **_PRACTICE, **_COMPARE, **_REVIEW}
