"""Threads, batch and micro-batch for the local interviewer model, chosen by measurement: for each setting,
prefill speed (tokens a second reading a prompt) and generation speed (tokens a second writing), on the
model and machine at hand. LocalModel's defaults (threads = physical cores, n_batch = n_ubatch = 512) are
judged against the best setting in the same run.

    uv run python bench/llm_threads.py [--tokens 384] [--repeat 2]
    INTERVIEW_COACH_BENCH_GGUF=/path/model.gguf uv run python bench/llm_threads.py
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.llm_support import POSTING, smollm2_path  # noqa: E402


def measure(path: Path, threads: int, batch: int, ubatch: int, tokens: int, repeat: int) -> tuple[float, float]:
    from llama_cpp import Llama

    llm = Llama(
        model_path=str(path), n_ctx=2048, n_threads=threads, n_threads_batch=threads, n_batch=batch,
        n_ubatch=ubatch, verbose=False,
    )  # fmt: skip
    prompt = llm.tokenize((POSTING * 40).encode())[:tokens]
    prefill, writing = [], []
    for _ in range(repeat):
        llm.reset()
        llm._ctx.kv_cache_clear()
        started = time.perf_counter()
        llm.eval(prompt)
        prefill.append(len(prompt) / (time.perf_counter() - started))
        started = time.perf_counter()
        for count, _token in enumerate(llm.generate(prompt, temp=0.0), start=1):
            if count == 24:
                break
        writing.append(24 / (time.perf_counter() - started))
    llm.close()
    return statistics.median(prefill), statistics.median(writing)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tokens", type=int, default=384)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    path = Path(os.environ.get("INTERVIEW_COACH_BENCH_GGUF") or smollm2_path())
    physical = psutil.cpu_count(logical=False) or 1
    logical = psutil.cpu_count() or physical
    print(f"model {path.name}; {physical} physical cores, {logical} logical", flush=True)
    results = {}
    for threads, (batch, ubatch) in itertools.product(
        sorted({1, physical, logical}), ((512, 512), (128, 128), (512, 128))
    ):
        prefill, writing = measure(path, threads, batch, ubatch, args.tokens, args.repeat)
        results[(threads, batch, ubatch)] = (prefill, writing)
        print(f"threads {threads}, batch {batch}, micro-batch {ubatch}: prefill {prefill:6.1f} tok/s, "
              f"writing {writing:5.1f} tok/s", flush=True)  # fmt: skip
    default = results[(physical, 512, 512)]
    best = max(results, key=lambda k: results[k][0])
    ratio = default[0] / results[best][0]
    print(f"default (threads {physical}, 512/512): prefill {default[0]:.1f}, writing {default[1]:.1f} tok/s; "
          f"best prefill {best}: {results[best][0]:.1f} tok/s; default/best {ratio:.2f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
