"""The CLI's running transcript: a line cannot be taken back, so a revised final follows it, marked."""

from __future__ import annotations

import io

from engine.cli.practice_output import printer
from engine.interview.events import TranscriptUpdated
from engine.stt.contract import TranscriptEvent, TranscriptKind


def final(utterance: int, text: str) -> TranscriptEvent:
    return TranscriptEvent(TranscriptKind.FINAL, utterance, text, text, utterance, utterance + 1, (), 0.9, "t")


def test_a_revised_final_is_printed_again_marked_and_a_new_one_plainly() -> None:
    out, err = io.StringIO(), io.StringIO()
    listener = printer("ko", out, err, quiet=False, blind_check=False)
    for event in (final(0, "잘 쪄요"), final(0, "자, 이쪽으로 오세요."), final(1, "오늘은"), final(0, "x")):
        listener(TranscriptUpdated(1, 7, event))
    listener(TranscriptUpdated(1, 8, final(0, "다음 답변")))  # another answer's utterance 0 is no revision
    assert out.getvalue().splitlines() == [
        "  잘 쪄요",
        "  ↺ (뒤에 이어진 말과 함께 다시 들음) 자, 이쪽으로 오세요.",
        "  오늘은",
        "  ↺ (뒤에 이어진 말과 함께 다시 들음) x",
        "  다음 답변",
    ]
