"""Time from "answer finished" to the first token of the next question, over a long interview.

An interview whose context is over 4,000 tokens (a long posting, a résumé and the bank's questions as
seeds, then the turns) is played turn by turn: each answer (the English answers of
tests/data/feedback_labelled.json) arrives as finals of about 12 words, paced like speech at 150 words a
minute (scaled by --speed); then the answer finishes and the next question (a follow-up or a new main
question, as the app decides) is asked. The app's run reads the prefix ahead as the interview begins and
gives way to the bank when the model has not begun within 1 s (engine/interview/turns.py), so its figure is
how long the candidate waits, whoever asks; each turn says who asked. Printed: the first turn's wait, the
median, p90 and spread of all turns with KV-cache prefix reuse, drafting and the bank's stand-in on, the
same with all of it off and the model waited for (the baseline, same run; --no-baseline skips it), and
their ratio; with --score, how long each answer's review took. The last line: `median X ms, p90 Y ms, max
Z ms` of the app's run. Targets with SmolLM2 on 2 cores: median <= 300 ms and <= 0.25 x the baseline; with
a 1.5B model on 2 cores, max <= 1.5 s.

    uv run python bench/turn_latency.py [--turns 10] [--speed 1] [--score]
    INTERVIEW_COACH_BENCH_GGUF=/path/model.gguf uv run python bench/turn_latency.py --turns 4 --n-ctx 8192
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# After the path insert above:
from engine.errors import LlmError  # noqa: E402
from engine.feedback.question_type import QuestionType  # noqa: E402
from engine.interview.questions import load_bank  # noqa: E402
from engine.interview.turns import START_DEADLINE_S, TurnPlan  # noqa: E402
from engine.llm.desk import ModelDesk  # noqa: E402
from engine.llm.interviewer import Exchange, LlmInterviewer  # noqa: E402
from engine.llm.local import LocalModel, LocalOptions  # noqa: E402
from engine.llm.prompts import InterviewBrief  # noqa: E402
from tests.llm_support import POSTING, smollm2_path  # noqa: E402

WORDS_PER_FINAL = 12
WORDS_PER_SECOND = 2.5  # 150 words a minute


def labelled() -> list[dict[str, str]]:
    """The English answers of the labelled set's dev split (tests/data/feedback/; the test split stays unseen)."""
    lines = (ROOT / "tests" / "data" / "feedback" / "dev.jsonl").read_text("utf-8").splitlines()
    return [a for a in map(json.loads, lines) if a["lang"] == "en" and a["label"] in ("strong", "weak")]


def answers() -> list[str]:
    return [a["answer"] for a in labelled()]


def brief() -> InterviewBrief:
    bank = load_bank("en")
    # A long résumé: the candidate's career notes (written from the labelled answers' stories).
    resume = "\n".join(f"- {a}" for a in answers())
    resume += "\n\nCover letter:\n" + " ".join(a["answer"] for a in labelled() if a["label"] == "strong")
    return InterviewBrief(
        language="en",
        role="Senior backend engineer",
        company="Acme Logistics",
        seniority="senior",
        kind="mixed",
        posting=POSTING * 3,
        resume=resume,
        seeds=tuple(q.text for q in bank),
    )


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def interview(path: Path, n_ctx: int, turns: int, speed: float, optimised: bool, score: bool) -> dict:
    model = LocalModel(path, LocalOptions(n_ctx=n_ctx, reuse_prefix=optimised))
    model.start()
    await model.ready()
    interviewer = LlmInterviewer(ModelDesk(model), brief(), drafting=optimised, seed=1)
    bank = list(load_bank("en"))[: turns + 1]
    # The app's run: the bank stands in for a model that has not begun; the baseline waits for the model.
    plan = TurnPlan(bank, "en", interviewer, follow_ups=True, start_deadline_s=START_DEADLINE_S if optimised else None)
    if not optimised:
        plan.question_deadline_s = 3600.0  # the baseline measures the model itself: never the bank's stand-in
    if optimised:
        interviewer.read_ahead()  # as InterviewSession.begin() does
    await plan.next_question()
    plan.prime()
    sources: list[str] = []
    scored: list[float] = []
    said = answers()
    latencies: list[float] = []
    context: list[int] = []
    scoring: list[asyncio.Task[object]] = []
    for turn in range(turns):
        words = said[turn % len(said)].split()
        so_far: list[str] = []
        for start in range(0, len(words), WORDS_PER_FINAL):
            final = words[start : start + WORDS_PER_FINAL]
            if optimised or score:  # the speech takes its time (what drafting works within)
                await asyncio.sleep(len(final) / WORDS_PER_SECOND / speed)
            so_far += final
            plan.answer_progress(" ".join(so_far))
        # The answer is finished: the clock starts.
        finished = time.perf_counter()
        first: list[float] = []
        so_far = plan.record_answer(" ".join(words))
        if score:
            scoring.append(asyncio.create_task(timed_score(interviewer, so_far, scored)))

        def on_text(_: str, first: list[float] = first) -> None:
            if not first:
                first.append(time.perf_counter())

        planned, _ = await plan.next_question(on_text)
        assert planned is not None, "the model failed on the last follow-up"
        latencies.append((first[0] if first else time.perf_counter()) - finished)
        sources.append(planned.source)
        if not optimised:
            context.append(model.prefilled_tokens)  # without reuse, the whole prompt is prefilled
        print(
            f"  {'cached+drafts' if optimised else 'baseline':>13} turn {turn + 1:2}: "
            f"{latencies[-1] * 1000:7.0f} ms  {planned.source:5} {planned.kind.value:9}  {planned.text[:60]!r}",
            flush=True,
        )
    if score:  # the reviews still being written are waited for: each one's time is a figure
        await asyncio.gather(*scoring, return_exceptions=True)
    await interviewer.close()
    await model.close()
    return {
        "latencies": latencies,
        "context": context,
        "draft_hits": interviewer.draft_hits,
        "sources": sources,
        "scored": scored,
    }


async def timed_score(interviewer: LlmInterviewer, so_far: list[Exchange], scored: list[float]) -> None:
    started = time.perf_counter()
    try:
        await interviewer.score(so_far, QuestionType.BEHAVIOURAL)
    except LlmError as error:
        print(f"  a review failed: {error}", flush=True)
        return
    scored.append(time.perf_counter() - started)


def summary(name: str, values: list[float]) -> str:
    return (
        f"{name}: median {statistics.median(values) * 1000:.0f} ms, p90 {pct(values, 0.9) * 1000:.0f} ms, "
        f"spread {min(values) * 1000:.0f}-{max(values) * 1000:.0f} ms (n={len(values)})"
    )


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--turns", type=int, default=10)
    parser.add_argument("--speed", type=float, default=1.0, help="speech pace factor (2 = twice as fast)")
    parser.add_argument("--score", action="store_true", help="score each answer in the background too")
    parser.add_argument("--n-ctx", type=int, default=0, help="context tokens (default: 8192 SmolLM2, else 32768)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the baseline (minutes a turn on 1.5B)")
    args = parser.parse_args()
    override = os.environ.get("INTERVIEW_COACH_BENCH_GGUF")
    path = Path(override) if override else smollm2_path()
    n_ctx = args.n_ctx or (32_768 if override else 8_192)
    print(f"model {path.name}, context {n_ctx}, {args.turns} turns, speech x{args.speed}, scoring {args.score}")
    optimised = await interview(path, n_ctx, args.turns, args.speed, True, args.score)
    waits = optimised["latencies"]
    print(f"\nfirst turn's wait: {waits[0] * 1000:.0f} ms ({optimised['sources'][0]} question)")
    print(summary("with read-ahead, prefix cache, drafting and the bank's stand-in", waits))
    bank = optimised["sources"].count("bank")
    print(f"  asked by the model: {args.turns - bank} of {args.turns}; drafts used: {optimised['draft_hits']}")
    if optimised["scored"]:
        print(summary("time to review an answer", optimised["scored"]))
    if not args.no_baseline:
        baseline = await interview(path, n_ctx, args.turns, args.speed, False, args.score)
        print(f"interview context per turn: {min(baseline['context'])}-{max(baseline['context'])} tokens")
        print(summary("baseline (no cache reuse, no drafts, the model waited for)", baseline["latencies"]))
        ratio = statistics.median(waits) / statistics.median(baseline["latencies"])
        print(f"ratio of medians: {ratio:.3f} (target <= 0.25); target median <= 300 ms")
    print(f"median {statistics.median(waits) * 1000:.0f} ms, p90 {pct(waits, 0.9) * 1000:.0f} ms, "
          f"max {max(waits) * 1000:.0f} ms")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
