"""The pure logic under streaming recognition: utterance cutting and LocalAgreement."""

from __future__ import annotations

from engine.stt.agreement import LocalAgreement
from engine.stt.segmenter import PAD_MS, Segmenter, SegmentKind
from engine.stt.vad import WINDOW

PAD = PAD_MS * 16


def kinds(events: list) -> list[str]:  # type: ignore[type-arg]
    return [e.kind.value for e in events]


def test_an_utterance_ends_after_enough_silence_with_padding() -> None:
    seg = Segmenter(silence_ms=320)  # 10 windows
    events = seg.feed([0.0] * 50 + [0.9] * 20 + [0.1] * 12)
    assert kinds(events) == ["speech_start", "silence_start", "utterance_end"]
    assert events[0].sample == 50 * WINDOW - PAD
    assert events[-1].sample == 70 * WINDOW + PAD


def test_a_short_pause_does_not_end_the_utterance() -> None:
    seg = Segmenter(silence_ms=320)
    events = seg.feed([0.9] * 20 + [0.1] * 4 + [0.9] * 20)
    assert kinds(events) == ["speech_start", "silence_start", "speech_resume"]


def test_a_click_shorter_than_min_speech_is_dropped() -> None:
    seg = Segmenter(silence_ms=320)
    events = seg.feed([0.9] * 2 + [0.0] * 12)
    assert events[-1].kind is SegmentKind.UTTERANCE_END and events[-1].sample == -1


def test_flush_closes_an_open_utterance() -> None:
    seg = Segmenter(silence_ms=320)
    seg.feed([0.9] * 30)
    assert kinds(seg.flush()) == ["utterance_end"]
    assert seg.flush() == []


def test_long_speech_is_cut_before_whisper_window() -> None:
    seg = Segmenter(silence_ms=320)
    events = seg.feed([0.9] * 900)  # 28.8 s without a pause
    assert kinds(events)[:3] == ["speech_start", "utterance_end", "speech_start"]


def test_local_agreement_settles_words_two_passes_agree_on() -> None:
    agreement = LocalAgreement()
    assert agreement.update([" I", " led"]) == [" I", " led"]
    assert agreement.stable == []
    # Second pass agrees on "I led"; the last word of a pass is never settled.
    assert agreement.update([" I", " led", " the"]) == [" the"]
    assert agreement.stable == [" I", " led"]
    # Later passes continue after the stable words only; a changed tail is not settled.
    assert agreement.update([" a", " team"]) == [" a", " team"]
    assert agreement.stable == [" I", " led"]
    agreement.update([" a", " team", " of"])
    assert agreement.stable == [" I", " led", " a", " team"]


def test_a_whisper_pass_never_reaches_past_the_models_448_positions() -> None:
    from engine.stt.whisper_decode import CONTEXT_TOKENS, max_length

    # A 30 s window allows 760 new tokens; with a long context and forced prefix the cap is what holds.
    for prompt in (4, 60, 230, 440):
        for new in (1, 20, 200, 760):
            last_position = max_length(prompt, new)  # CTranslate2 generates up to max_length - prompt + 1 tokens
            assert last_position <= CONTEXT_TOKENS - 1
            assert last_position == min(CONTEXT_TOKENS - 1, prompt + new - 1)
