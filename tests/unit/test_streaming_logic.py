"""The pure logic under streaming recognition: utterance cutting, LocalAgreement, revising a short final."""

from __future__ import annotations

from engine.stt.agreement import LocalAgreement
from engine.stt.contract import Word
from engine.stt.finals import differs, split_reading
from engine.stt.segmenter import PAD_MS, Segmenter, SegmentKind
from engine.stt.vad import WINDOW
from engine.stt.whisper_decode import Hypothesis

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


def reading(*words: tuple[str, float, float]) -> Hypothesis:
    timed = tuple(Word(text, start, end, 0.9) for text, start, end in words)
    return Hypothesis(tuple(w.text for w in timed), timed, -0.2, 0.01, 1.2)


def test_a_reading_of_two_utterances_splits_where_the_second_begins() -> None:
    both = reading((" 자,", 0.1, 0.4), (" 이쪽으로", 0.4, 1.0), (" 오세요.", 1.0, 1.6), (" 오늘은", 2.3, 2.8))
    split = split_reading(both, boundary_s=2.0)
    assert split is not None
    head, tail = split
    assert head.text == "자, 이쪽으로 오세요."
    assert tail.text == "오늘은"
    assert tail.timed_words[0].start == 2.3  # times stay those of the pass's audio
    # A word straddling the boundary goes where most of it lies.
    for boundary, parts in ((1.4, ("자, 이쪽으로 오세요.", "오늘은")), (1.2, ("자, 이쪽으로", "오세요. 오늘은"))):
        head, tail = split_reading(both, boundary_s=boundary) or (None, None)
        assert head is not None and tail is not None
        assert (head.text, tail.text) == parts


def test_a_reading_that_leaves_either_utterance_without_words_revises_nothing() -> None:
    both = reading((" 자,", 0.1, 0.4), (" 이쪽으로", 0.4, 1.0), (" .", 2.2, 2.3))
    assert split_reading(both, boundary_s=2.0) is None  # only punctuation after the boundary
    assert split_reading(both, boundary_s=0.0) is None  # nothing before it
    looping = reading(*((" 하이", float(t), t + 0.5) for t in range(6)))
    assert split_reading(looping, boundary_s=2.0) is None  # a loop is no reading to revise with


def test_a_revision_counts_only_when_it_says_something_else() -> None:
    assert not differs("자 이쪽으로 오세요", "자, 이쪽으로 오세요.")
    assert differs("잘 쪄요", "자, 이쪽으로 오세요.")
