"""Feedback on what an answer says (engine/feedback/): this part of the engine's message catalogue (merged
into engine.messages.CATALOGUE). Every number shown says what it measures and what would raise it."""

from __future__ import annotations

from typing import Final

_TYPES: Final[dict[str, dict[str, str]]] = {
    "qtype.behavioural": {"en": "past experience", "ko": "경험 질문"},
    "qtype.situational": {"en": "hypothetical situation", "ko": "상황 질문"},
    "qtype.motivation": {"en": "motivation and fit", "ko": "지원 동기·적합성"},
    "qtype.self_introduction": {"en": "self-introduction", "ko": "자기소개"},
    "qtype.strengths_weaknesses": {"en": "strengths and weaknesses", "ko": "장단점"},
    "qtype.technical": {"en": "knowledge", "ko": "직무 지식"},
    "qtype.closing": {"en": "closing", "ko": "마지막 질문"},
}

# Each criterion: its name, and what would earn its points (shown when it earned few).
_CRITERIA: Final[dict[str, dict[str, str]]] = {
    "criterion.relevance": {"en": "Answers the question", "ko": "질문에 대한 답"},
    "criterion.situation": {"en": "Situation", "ko": "상황"},
    "criterion.task": {"en": "Your task", "ko": "맡은 과제"},
    "criterion.action": {"en": "Your actions", "ko": "본인의 행동"},
    "criterion.result": {"en": "Result", "ko": "결과"},
    "criterion.specificity": {"en": "Specific detail", "ko": "구체성"},
    "criterion.ownership": {"en": "Your own part", "ko": "본인의 역할"},
    "criterion.plan": {"en": "A plan in steps", "ko": "단계별 계획"},
    "criterion.reasoning": {"en": "Reasons", "ko": "이유"},
    "criterion.outcome": {"en": "Expected outcome", "ko": "기대 결과"},
    "criterion.company_fit": {"en": "This company and role", "ko": "회사와 직무"},
    "criterion.experience": {"en": "A real example", "ko": "실제 사례"},
    "criterion.future": {"en": "What you would bring", "ko": "입사 후 기여"},
    "criterion.background": {"en": "Your background", "ko": "경력과 배경"},
    "criterion.achievement": {"en": "An achievement", "ko": "성과"},
    "criterion.trait": {"en": "Names the trait", "ko": "장단점 제시"},
    "criterion.improvement": {"en": "What you do about it", "ko": "개선 노력"},
    "criterion.explanation": {"en": "Explanation", "ko": "설명"},
    "criterion.example": {"en": "An example", "ko": "예시"},
    "criterion.tradeoffs": {"en": "Trade-offs", "ko": "장단점 비교"},
    "criterion.questions": {"en": "Real questions", "ko": "구체적인 질문"},
    "criterion.question_focus": {"en": "About the work", "ko": "업무에 관한 질문"},
    "criterion.added_point": {"en": "A point added", "ko": "덧붙인 내용"},
    "criterion.posting": {"en": "The posting's terms", "ko": "채용 공고의 용어"},
}

_RAISE: Final[dict[str, dict[str, str]]] = {
    "raise.relevance": {
        "en": "Answer the question that was asked, using its own words early on.",
        "ko": "질문에서 물은 것에 바로 답하고, 질문의 핵심 단어를 답변 앞부분에 넣어 말하세요.",
    },
    "raise.situation": {
        "en": "Set the scene in one sentence: where, when, what was at stake.",
        "ko": "언제, 어디서, 무엇이 걸린 일이었는지 한 문장으로 먼저 밝히세요.",
    },
    "raise.task": {
        "en": "Say what you were responsible for, or what had to be achieved.",
        "ko": "본인이 맡은 일이나 달성해야 했던 목표를 말하세요.",
    },
    "raise.action": {
        "en": 'Describe two or three steps you took yourself, with "I".',
        "ko": '본인이 직접 한 일을 두세 단계로 "제가"를 넣어 말하세요.',
    },
    "raise.result": {
        "en": "End with the outcome, measured if you can, and what you learned.",
        "ko": "결과를 가능하면 숫자로 말하고, 배운 점으로 마무리하세요.",
    },
    "raise.specificity": {
        "en": "Add checkable details: figures, names of tools, products or places.",
        "ko": "숫자, 도구·제품·장소의 이름처럼 확인할 수 있는 내용을 넣으세요.",
    },
    "raise.ownership": {
        "en": 'Say "I" for what you did; keep "we" for the team\'s part.',
        "ko": '본인이 한 일은 "제가"로, 팀이 한 일은 "저희"로 구분해 말하세요.',
    },
    "raise.plan": {
        "en": "Lay out what you would do first, next and last.",
        "ko": "무엇을 먼저 하고, 그다음 무엇을 할지 순서대로 말하세요.",
    },
    "raise.reasoning": {
        "en": 'Give a reason for each point ("because…", "so that…").',
        "ko": '말하는 내용마다 이유를 덧붙이세요("~때문에", "~하도록").',
    },
    "raise.outcome": {
        "en": "Say what your approach would achieve.",
        "ko": "그렇게 하면 어떤 결과가 나올지 말하세요.",
    },
    "raise.company_fit": {
        "en": "Name what draws you to this company and role, with a detail only they have: a product, a "
        'customer, a figure, a way of working. "Your vision" alone earns nothing.',
        "ko": "이 회사와 직무의 무엇에 끌렸는지 그 회사만의 제품, 고객, 숫자, 일하는 방식을 들어 구체적으로 "
        '말하세요. "귀사의 비전"만으로는 점수가 없습니다.',
    },
    "raise.experience": {
        "en": "Back it with one real example from your own work or study.",
        "ko": "본인의 업무나 학업에서 실제 사례 하나로 뒷받침하세요.",
    },
    "raise.future": {
        "en": "Say what you would do or bring in the role, with something checkable in it: a tool or product "
        'by name, a goal with a number. "I will do my best" alone earns nothing.',
        "ko": "입사 후 할 일을 구체적으로 말하세요. 쓸 도구나 제품의 이름, 숫자가 담긴 목표처럼 확인할 수 있는 "
        '내용이 있어야 합니다. "최선을 다하겠습니다"만으로는 점수가 없습니다.',
    },
    "raise.background": {
        "en": "Give your current role or studies and your years of experience.",
        "ko": "현재 직무나 전공, 경력 기간을 말하세요.",
    },
    "raise.achievement": {
        "en": "Add one achievement with its result.",
        "ko": "결과가 드러나는 성과 하나를 넣으세요.",
    },
    "raise.trait": {
        "en": "Name the strength or weakness plainly.",
        "ko": "장점이나 단점을 분명하게 밝히세요.",
    },
    "raise.improvement": {
        "en": "Say what you are doing about it and what has changed since.",
        "ko": "그것을 위해 무엇을 하고 있고 그 뒤로 무엇이 달라졌는지 말하세요.",
    },
    "raise.explanation": {
        "en": "Explain the terms of the question directly, one by one.",
        "ko": "질문에 나온 개념을 하나씩 직접 설명하세요.",
    },
    "raise.example": {
        "en": "Show it in use: one concrete example.",
        "ko": "실제로 쓰이는 예를 하나 드세요.",
    },
    "raise.tradeoffs": {
        "en": "Say when you would choose it and what it costs.",
        "ko": "언제 선택하고 무엇을 포기하게 되는지 말하세요.",
    },
    "raise.questions": {
        "en": "Ask two real questions of your own.",
        "ko": "직접 준비한 질문을 두 가지 하세요.",
    },
    "raise.added_point": {
        "en": "Add one concrete point the interview has not covered: something you did, with a figure or a name.",
        "ko": "면접에서 아직 나오지 않은 내용을 하나 덧붙이세요. 직접 한 일을 숫자나 이름과 함께 말하면 됩니다.",
    },
    "raise.question_focus": {
        "en": "Ask about the team, the role's first months, or how success is measured.",
        "ko": "팀, 입사 후 첫 몇 달, 성과를 평가하는 방식처럼 업무에 관해 물어보세요.",
    },
    "raise.posting": {
        "en": "Use the posting's terms where they are true of you: {missed}.",
        "ko": "채용 공고의 용어 중 본인에게 해당하는 것을 쓰세요: {missed}.",
    },
}

_JUNK: Final[dict[str, dict[str, str]]] = {
    "junk.empty": {"en": "Nothing was said.", "ko": "아무 말도 하지 않았습니다."},
    "junk.fillers": {
        "en": "Only hesitation sounds: there is no answer to score yet.",
        "ko": "머뭇거리는 소리만 있어서 아직 평가할 답변이 없습니다.",
    },
    "junk.gibberish": {
        "en": "Most of the words are not words: this does not read as an answer.",
        "ko": "대부분이 알아들을 수 있는 말이 아니어서 답변으로 볼 수 없습니다.",
    },
    "junk.number_stuffing": {
        "en": "Figures with no story around them: say what happened and what you did.",
        "ko": "숫자만 나열되어 있습니다. 어떤 일이 있었고 본인이 무엇을 했는지 말하세요.",
    },
    "junk.keywords": {
        "en": "A list of terms, not sentences: answer in full sentences about what you did.",
        "ko": "문장이 아니라 낱말의 나열입니다. 본인이 한 일을 완전한 문장으로 말하세요.",
    },
    "junk.star_stuffing": {
        "en": "The method's labels (situation, result, impact…) without a story: tell what actually happened.",
        "ko": "상황, 결과, 성과 같은 틀의 낱말만 있고 실제 이야기가 없습니다. 실제로 있었던 일을 말하세요.",
    },
    "junk.question_repeat": {
        "en": "This repeats the question without answering it.",
        "ko": "질문을 되풀이할 뿐 답하지 않았습니다.",
    },
    "junk.evasion": {
        "en": "This avoids the question. Interviewers expect an answer: pick a real, small example.",
        "ko": "질문을 피했습니다. 면접관은 답을 기대합니다. 작더라도 실제 사례를 고르세요.",
    },
    "junk.evasion_closing": {
        "en": "No questions for them reads as little interest: prepare two, about the team, the first months or "
        "how success is measured.",
        "ko": "질문이 없다고 하면 관심이 적어 보일 수 있습니다. 팀, 입사 후 첫 몇 달, 성과 평가 방식에 관한 질문을 두 "
        "가지 준비하세요.",
    },
    "junk.off_topic_closing": {
        "en": "Nothing here asks them a question or adds a point of your own. Prepare two questions about the "
        "team, the first months or how success is measured, or add one concrete point: something you did, with "
        "its figure.",
        "ko": "면접관에게 묻는 질문도, 새로 덧붙인 내용도 없습니다. 팀, 입사 후 첫 몇 달, 성과 평가 방식에 관한 질문을 "
        "두 가지 준비하거나, 직접 한 일을 숫자와 함께 하나 덧붙이세요.",
    },
    "junk.off_topic": {
        "en": "This does not answer the question: none of its topic comes up.",
        "ko": "질문의 주제가 나오지 않아 질문에 대한 답으로 보기 어렵습니다.",
    },
}

_VIEW: Final[dict[str, dict[str, str]]] = {
    "feedback.score": {
        "en": "Content {score}/100 ({kind} question)",
        "ko": "내용 {score}/100 ({kind})",
    },
    "feedback.score_plain": {"en": "Content {score}/100", "ko": "내용 {score}/100"},
    "feedback.measures": {
        "en": "What this measures: how well your answer covers what this type of question looks for. Each "
        "score quotes the words it is based on; checkable details (figures, names) weigh most, and vague or "
        "hedging words lose points.",
        "ko": "평가 기준: 이 유형의 질문에서 기대하는 요소를 답변에 얼마나 담았는지 평가합니다. 점수마다 근거가 "
        "된 문장을 인용했고, 숫자나 이름처럼 확인할 수 있는 내용이 가장 큰 비중을 차지하며, 모호하거나 "
        "얼버무리는 표현은 감점합니다.",
    },
    "feedback.part": {"en": "{name}: {points} of {max}", "ko": "{name}: {max}점 중 {points}점"},
    "feedback.vague": {
        "en": "Vague or hedging words: −{points} ({each} each: {words})",
        "ko": "모호하거나 얼버무리는 표현: −{points}점 (하나에 {each}점: {words})",
    },
    "feedback.vague_name": {"en": "Vague or hedging words", "ko": "모호한 표현"},
    "feedback.vague_detail": {"en": "−{each} each: {words}", "ko": "하나에 −{each}점: {words}"},
    "feedback.total": {"en": "Content score", "ko": "내용 점수"},
    "feedback.raise_title": {"en": "How to raise your score", "ko": "점수를 올리려면"},
    "feedback.evidence": {"en": "“{quote}”", "ko": "“{quote}”"},
    "feedback.model_evidence": {"en": "“{quote}” (found by the model)", "ko": "“{quote}” (모델이 찾음)"},
    "feedback.flagged": {"en": "Flagged: {reason}", "ko": "확인 필요: {reason}"},
    "feedback.batch_line_error": {
        "en": 'line {line}: {problem} (each line must be a JSON object with "lang", "question" and "answer")',
        "ko": '{line}번째 줄: {problem} (각 줄은 "lang", "question", "answer"가 있는 JSON 객체여야 합니다)',
    },
    "config.feedback_lang": {
        "en": "Say the answer's language with --lang en or --lang ko.",
        "ko": "--lang en 또는 --lang ko로 답변의 언어를 알려 주세요.",
    },
    "feedback.no_answer": {
        "en": "Give the answer with --answer TEXT or --answer-file FILE.",
        "ko": "--answer 텍스트 또는 --answer-file 파일로 답변을 주세요.",
    },
    "feedback.answer_file_unreadable": {
        "en": "The answer file {path} cannot be read ({reason}). Check the path, and that it is UTF-8 text.",
        "ko": "답변 파일 {path}을(를) 읽을 수 없습니다({reason}). 경로와 UTF-8 텍스트인지 확인하세요.",
    },
}

FEEDBACK_MESSAGES: Final[dict[str, dict[str, str]]] = {**_TYPES, **_CRITERIA, **_RAISE, **_JUNK, **_VIEW}
