"""The PDF report's own words beyond the general ones: dated comparisons, chart captions and the one-line
notes that stand in for a chart with nothing to show. This part of the engine's message catalogue (merged
into engine.messages.CATALOGUE)."""

from __future__ import annotations

from typing import Final

REPORT_MESSAGES: Final[dict[str, dict[str, str]]] = {
    "report.change": {
        "en": "{measure}: previous session #{before_id} ({before_date}): {before} → this one, #{after_id} "
        "({after_date}): {after}",
        "ko": "{measure}: 지난 면접 #{before_id}({before_date}) {before} → 이번 면접 #{after_id}({after_date}) {after}",
    },
    "report.pace_measure": {"en": "Pace ({unit})", "ko": "말하기 속도({unit})"},
    "report.review_writing": {
        "en": "The interviewer model was still writing its review of this answer when this report was made: "
        "export the report again once it is done to include it.",
        "ko": "이 보고서를 만들 때 면접관 모델이 아직 이 답변의 검토를 쓰고 있었습니다. 검토가 끝난 뒤 다시 "
        "내보내면 보고서에 들어갑니다.",
    },
    "report.scores_all_zero": {
        "en": "Every answer scored 0 for content; each question's page says why.",
        "ko": "모든 답변의 내용 점수가 0점입니다. 이유는 질문별 페이지에 있습니다.",
    },
    "report.fillers_none": {
        "en": "No fillers were counted in any answer.",
        "ko": "어느 답변에서도 군말이 나오지 않았습니다.",
    },
    "report.fillers_short": {
        "en": "Fillers a minute are charted from 20 s of speech; each question's page gives its count.",
        "ko": "분당 군말은 20초 이상 말한 답변부터 그래프로 보여 줍니다. 답변별 개수는 질문별 페이지에 있습니다.",
    },
    "report.with_unit": {"en": "{title} ({unit})", "ko": "{title}({unit})"},
    "report.target_band": {"en": "shaded: target {low}–{high}", "ko": "음영: 목표 {low}–{high}"},
    "report.seconds": {"en": "{n} s", "ko": "{n}초"},
    "report.pace_too_short": {
        "en": "The pace chart needs 20 s of speech; this answer had {seconds} s.",
        "ko": "속도 그래프는 20초 이상 말한 답변에 그립니다. 이 답변은 {seconds}초였습니다.",
    },
    "report.trend_needs_two": {
        "en": "The trend over your sessions starts with your second {language} session.",
        "ko": "면접별 추이는 같은 언어({language})로 두 번째 면접를 마치면 나타납니다.",
    },
    "report.trend_content": {"en": "Content score over your sessions", "ko": "면접별 내용 점수"},
    "report.trend_note": {
        "en": "Each point is a session as numbered in your history; this one is #{id}.",
        "ko": "각 점은 기록 화면의 면접 번호와 같습니다. 이번 면접는 #{id}입니다.",
    },
}
