"""Cloud recognition across restarts: the restart gap, audio lost, and RTZR's added latency per utterance.

Google: counter audio (tests/loopback/counter_audio.py: every 100 ms says which it is) streams at --speed
times real time to the loopback StreamingRecognize server, whose streams end at a scaled-down length limit
(OUT_OF_RANGE) and abort at random; the client restarts before its own limit as it would before Google's
305 s. Printed: the restart gap (last audio taken by the old stream -> first audio taken by the new one),
median / p90 / spread; and audio lost: cells never finalised, plus cells finalised twice (both must be 0).

RTZR: turns of counter audio against the loopback WebSocket server, whose handshake takes --connect-ms
(the design notes measured ~80 ms). Per turn, the added latency is the time the turn's audio waited for a
socket; it is printed with pre-connecting on and off (same run) with their ratio, and the time from EOS to
the last final for both.

    uv run python bench/cloud_restart.py [--seconds 60] [--speed 4] [--turns 20] [--connect-ms 80]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# After the path insert above:
from engine.stt.cloud.google import GoogleOptions, GoogleProvider  # noqa: E402
from engine.stt.cloud.rtzr import RtzrOptions, RtzrProvider  # noqa: E402
from engine.stt.cloud.session import CloudSession, ReconnectPolicy  # noqa: E402
from engine.stt.contract import RecognitionNotice, TranscriptEvent  # noqa: E402
from tests.loopback.counter_audio import counter_frames  # noqa: E402
from tests.loopback.google_server import FakeGoogleSpeech, GoogleBehaviour  # noqa: E402
from tests.loopback.rtzr_server import CLIENT_ID, CLIENT_SECRET, FakeRtzr, RtzrBehaviour  # noqa: E402


def spread(values: list[float], unit: str = "ms", scale: float = 1000) -> str:
    if not values:
        return "n/a"
    ordered = sorted(v * scale for v in values)
    p90 = ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
    return (
        f"median {statistics.median(ordered):.1f} {unit}, p90 {p90:.1f} {unit}, "
        f"spread {ordered[0]:.1f}–{ordered[-1]:.1f} {unit} (n={len(ordered)})"
    )


async def run(session: CloudSession, cells: int, speed: float) -> tuple[list[TranscriptEvent], float]:
    """Feed `cells` of counter audio at `speed` x real time; return the finals and EOS -> last final (s)."""
    finals: list[TranscriptEvent] = []
    fed_at = 0.0
    last_final_at = 0.0
    await session.start()

    async def feed() -> None:
        nonlocal fed_at
        for frame in counter_frames(cells):
            session.accept_audio(frame)
            await asyncio.sleep(0.1 / speed)  # paced like a microphone
        fed_at = time.perf_counter()
        await session.finish()

    async def collect() -> None:
        nonlocal last_final_at
        async for event in session.events():
            if not isinstance(event, RecognitionNotice) and event.is_final and event.text:
                finals.append(event)
                last_final_at = time.perf_counter()

    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(feed())
            group.create_task(collect())
    finally:
        await session.close()
    return finals, max(0.0, last_final_at - fed_at)


async def google_bench(seconds: float, speed: float) -> None:
    server = FakeGoogleSpeech(GoogleBehaviour(limit_s=2.0, abort_probability=0.01, seed=11))
    await server.start()
    provider = GoogleProvider(GoogleOptions(endpoint=server.endpoint, stream_limit_s=1.5))
    cells = int(seconds * 10)
    session = CloudSession(provider.streamer("en"), health=provider.health, policy=ReconnectPolicy(backoff_base_s=0.01))
    finals, _ = await run(session, cells, speed)
    await provider.aclose()
    await server.stop()
    heard = Counter(int(w.text[1:]) for f in finals for w in f.words)
    lost = sum(1 for k in range(cells) if heard[k] == 0)
    repeated = sum(n - 1 for n in heard.values() if n > 1)
    print(
        f"Google: {seconds:.0f} s of audio at {speed:g}x real time, {session.stats.restarts} restarts "
        f"({server.stats.out_of_range} OUT_OF_RANGE, {server.stats.aborted} ABORTED, the rest planned)"
    )
    print(f"  restart gap: {spread(session.stats.restart_gaps)}")
    print(f"  audio lost: {lost} of {cells} cells (100 ms each); finalised twice: {repeated}")


async def rtzr_turns(server: FakeRtzr, turns: int, preconnect: bool) -> tuple[list[float], list[float]]:
    provider = RtzrProvider(
        RtzrOptions(
            auth_url=server.auth_url,
            stream_url=server.stream_url,
            client_id=CLIENT_ID,
            client_secret=CLIENT_SECRET,
            preconnect=preconnect,
        )
    )
    waits: list[float] = []
    eos_to_final: list[float] = []
    for _ in range(turns):
        streamer = provider.streamer("ko")
        session = CloudSession(streamer, health=provider.health)
        _, tail = await run(session, 10, speed=20)
        waits.extend(streamer.waits[:1])
        eos_to_final.append(tail)
        await asyncio.sleep(0.3)  # the next question is asked and read: the spare has time to open
    await provider.aclose()
    return waits, eos_to_final


async def rtzr_bench(turns: int, connect_ms: float) -> None:
    server = FakeRtzr(RtzrBehaviour(handshake_delay_s=connect_ms / 1000))
    await server.start()
    cold, cold_tail = await rtzr_turns(server, turns, preconnect=False)
    warm, warm_tail = await rtzr_turns(server, turns, preconnect=True)
    await server.stop()
    print(f"RTZR: {turns} turns each way, handshake {connect_ms:g} ms (loopback plus a simulated network)")
    print(f"  added latency, pre-connecting off (baseline): {spread(cold)}")
    print(f"  added latency, pre-connecting on:             {spread(warm)}")
    ratio = statistics.median(warm) / statistics.median(cold) if cold and statistics.median(cold) else float("nan")
    print(f"  ratio on/off (median): {ratio:.3f}")
    print(f"  EOS -> last final: off {spread(cold_tail)}; on {spread(warm_tail)}")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60.0, help="audio streamed to the Google server")
    parser.add_argument("--speed", type=float, default=4.0, help="times real time")
    parser.add_argument("--turns", type=int, default=20)
    parser.add_argument("--connect-ms", type=float, default=80.0)
    args = parser.parse_args()
    await google_bench(args.seconds, args.speed)
    await rtzr_bench(args.turns, args.connect_ms)


if __name__ == "__main__":
    asyncio.run(main())
