"""Time from "question ready" to the first sample of its voice reaching the output stream, cold (rendered
by espeak-ng now) and cached (read back from the speech cache), over the question bank's first questions.

The output stream is the stand-in sound card of the tests, which asks for its first block the moment the
stream starts: the figure is the app's own part (render or cache read, then stream start), without the
sound card's buffer, which a real device adds (typically 10-40 ms).

    uv run python bench/tts_latency.py [--questions 8]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engine.audio.playback import Player
from engine.interview.questions import InterviewKind, choose_questions
from engine.tts.cache import SpeechCache
from engine.tts.espeak import EspeakSynthesizer, VoiceRequest
from tests.fake_sounddevice import FakeSoundDevice


class TimedOutput(FakeSoundDevice):
    """Notes when the output callback is first asked for audio."""

    def __init__(self) -> None:
        super().__init__(None)
        self.first_block_at: float | None = None

    def OutputStream(self, **kwargs: object):  # type: ignore[no-untyped-def]
        callback = kwargs["callback"]

        def timed(outdata, frames, time_info, status):  # type: ignore[no-untyped-def]
            if self.first_block_at is None:
                self.first_block_at = time.perf_counter()
            return callback(outdata, frames, time_info, status)  # type: ignore[operator]

        return super().OutputStream(**{**kwargs, "callback": timed})


async def first_sound(cache: SpeechCache, request: VoiceRequest) -> float:
    output = TimedOutput()
    began = time.perf_counter()
    audio = await cache.get(request)
    await Player(output).play(audio.samples, audio.rate)
    assert output.first_block_at is not None
    return output.first_block_at - began


def describe(name: str, values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return f"{name:<8} median {statistics.median(ms):7.1f} ms  (min {min(ms):.1f}, max {max(ms):.1f}, n={len(ms)})"


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questions", type=int, default=8)
    args = parser.parse_args()
    synthesizer = EspeakSynthesizer()
    if not synthesizer.available:
        print("espeak-ng is not installed (sudo apt-get install espeak-ng)")
        return 1
    with tempfile.TemporaryDirectory() as folder:
        cache = SpeechCache(Path(folder), synthesizer)
        for language in ("en", "ko"):
            questions = choose_questions(language, InterviewKind.MIXED, args.questions)
            requests = [VoiceRequest(q.text, language) for q in questions]
            cold = [await first_sound(cache, r) for r in requests]
            cached = [await first_sound(cache, r) for r in requests]
            print(f"{language}: question ready -> first sample of its voice")
            print("  " + describe("cold", cold))
            print(
                "  "
                + describe("cached", cached)
                + f"   ratio cold/cached {statistics.median(cold) / statistics.median(cached):.0f}x"
            )
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
