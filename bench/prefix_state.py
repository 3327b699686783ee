"""A second interview with the same posting and résumé: how long its first model question waits, reading
the prefix from scratch (cold) against loading the saved state of the first interview (warm).

Each run opens the model afresh (its load is not timed), asks the first question of an interview whose
posting and résumé are long, and times from the request to the first token. The cold run also saves the
state (engine/llm/prefix_cache.py); the warm runs use it with other seed questions, as a new interview
chooses. Printed: the prefix's tokens, the state's size and save time, cold and warm (median and spread of
--runs), and warm/cold.

    uv run python bench/prefix_state.py [--runs 3] [--repeat 3]
    INTERVIEW_COACH_BENCH_GGUF=/path/model.gguf uv run python bench/prefix_state.py --n-ctx 8192
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# After the path insert above:
from engine.llm import prompts  # noqa: E402
from engine.llm.contract import ChatMessage, GenerationRequest, Role  # noqa: E402
from engine.llm.local import LocalModel, LocalOptions  # noqa: E402
from tests.llm_support import POSTING, RESUME, smollm2_path  # noqa: E402


def brief(repeat: int, seed: str) -> prompts.InterviewBrief:
    return prompts.InterviewBrief(
        "en", "Backend engineer", "Acme", "senior", "mixed", POSTING * repeat, RESUME * repeat, (seed,)
    )


async def first_question(
    path: Path, n_ctx: int, states: Path, chosen: prompts.InterviewBrief
) -> tuple[float, LocalModel]:
    model = LocalModel(path, LocalOptions(n_ctx=n_ctx, state_dir=states))
    await model.ready()
    messages = (
        ChatMessage(Role.SYSTEM, prompts.system_prompt(chosen)),
        ChatMessage(Role.USER, prompts.note("en", "next_question")),
    )
    request = GenerationRequest(
        messages, max_tokens=8, temperature=0.0, seed=1, keep_prefix_chars=len(prompts.stable_prompt(chosen))
    )
    started = time.perf_counter()
    first = None
    async for _chunk in model.stream(request):
        if first is None:
            first = time.perf_counter() - started
    await model.close()
    return first or 0.0, model


async def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=12, help="posting and résumé repeated this many times")
    parser.add_argument("--n-ctx", type=int, default=8192)
    args = parser.parse_args()
    path = Path(os.environ.get("INTERVIEW_COACH_BENCH_GGUF") or smollm2_path())
    print(f"model {path.name}, {os.cpu_count()} CPUs", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        states = Path(folder)
        cold, model = await first_question(path, args.n_ctx, states, brief(args.repeat, "Tell me about a conflict."))
        saved = sorted(states.glob("*.state"))
        size = sum(p.stat().st_size for p in saved)
        print(f"cold: {cold:.2f} s to the first token, {model.prefilled_tokens} tokens read; state {size >> 20} MiB")
        warm = []
        for run in range(args.runs):
            seconds, model = await first_question(path, args.n_ctx, states, brief(args.repeat, f"Question {run}?"))
            warm.append(seconds)
            print(f"warm {run + 1}: {seconds:.2f} s, {model.restored_tokens} tokens restored, "
                  f"{model.prefilled_tokens} read", flush=True)  # fmt: skip
    median = statistics.median(warm)
    print(f"cold {cold:.2f} s, warm median {median:.2f} s (spread {min(warm):.2f}-{max(warm):.2f}), "
          f"warm/cold {median / cold:.3f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
