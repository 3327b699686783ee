"""What the portable llama.cpp build (pyproject.toml: x86-64 baseline, AVX2/FMA/F16C) costs against one
compiled for this CPU (GGML_NATIVE=ON), on the interviewer's two kinds of work: reading a prompt (prefill)
and writing tokens (generation).

    uv run python bench/portable_cost.py --native-lib-dir DIR [--rounds 5] [--prompt-tokens 1024]

DIR holds the shared libraries of a native build of the same llama.cpp (libggml*.so, libllama.so), made
from llama-cpp-python's vendored source, e.g.:

    cmake -S vendor/llama.cpp -B native -DGGML_NATIVE=ON -DBUILD_SHARED_LIBS=ON -DLLAMA_CURL=OFF \
          -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_SERVER=OFF -DLLAMA_BUILD_TOOLS=OFF
    cmake --build native --target llama ggml-cpu -j   # DIR is native/bin

Each round runs each build once, in a child process of its own, alternating (ABAB), so that drift in the
machine's speed falls on both alike. Printed: the median and spread of prefill and generation tokens per
second for each build, and the portable/native ratio of the medians. Model: SmolLM2 (the test model), or
INTERVIEW_COACH_BENCH_GGUF.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.llm_support import POSTING, smollm2_path  # noqa: E402

CHILD = r"""
import json, sys, time
from llama_cpp import Llama
import psutil
path, prompt_tokens, gen_tokens = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
threads = psutil.cpu_count(logical=False) or 2
llm = Llama(model_path=path, n_ctx=prompt_tokens + gen_tokens + 16, n_batch=512, n_threads=threads,
            n_threads_batch=threads, n_gpu_layers=0, verbose=False)
text = sys.stdin.read()
tokens = llm.tokenize(text.encode(), add_bos=True)
while len(tokens) < prompt_tokens:
    tokens += tokens
tokens = tokens[:prompt_tokens]
llm.eval(tokens[:16]); llm.reset()  # warm-up: first-touch of the weights is not what we measure
started = time.perf_counter(); llm.eval(tokens); prefill = time.perf_counter() - started
started = time.perf_counter()
for _ in range(gen_tokens):
    llm.eval([llm.sample(temp=0.0)])
generation = time.perf_counter() - started
print(json.dumps({"prefill_tps": prompt_tokens / prefill, "generation_tps": gen_tokens / generation,
                  "library": __import__("llama_cpp").__file__}))
"""


def native_package(lib_dir: Path, into: Path) -> Path:
    """A copy of the installed llama_cpp package whose libraries are the native build's (every soname)."""
    spec = importlib.util.find_spec("llama_cpp")
    assert spec is not None and spec.submodule_search_locations
    package = into / "llama_cpp"
    shutil.copytree(next(iter(spec.submodule_search_locations)), package, symlinks=False)
    replaced = 0
    for target in (package / "lib").iterdir():
        stem = target.name.split(".so")[0]
        source = lib_dir / f"{stem}.so"
        if source.exists():
            shutil.copyfile(source.resolve(), target)
            replaced += 1
    if replaced == 0:
        raise SystemExit(f"no llama.cpp libraries in {lib_dir}")
    return into


def run(model: Path, prompt_tokens: int, gen_tokens: int, python_path: str | None) -> dict[str, float]:
    env = dict(os.environ)
    if python_path:
        env["PYTHONPATH"] = python_path
    else:
        env.pop("PYTHONPATH", None)
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(model), str(prompt_tokens), str(gen_tokens)],
        input=POSTING * 8,
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=600,
    )
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def line(name: str, values: list[float]) -> str:
    return f"{name}: median {statistics.median(values):7.1f} tok/s, spread {min(values):.1f}-{max(values):.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--native-lib-dir", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--prompt-tokens", type=int, default=1024)
    parser.add_argument("--gen-tokens", type=int, default=64)
    args = parser.parse_args()
    override = os.environ.get("INTERVIEW_COACH_BENCH_GGUF")
    model = Path(override) if override else smollm2_path()
    print(f"model {model.name}, prompt {args.prompt_tokens} tokens, {args.gen_tokens} generated, {args.rounds} rounds")
    results: dict[str, dict[str, list[float]]] = {
        b: {"prefill_tps": [], "generation_tps": []} for b in ("portable", "native")
    }
    with tempfile.TemporaryDirectory() as scratch:
        native_path = str(native_package(args.native_lib_dir, Path(scratch)))
        for round_number in range(args.rounds):
            for build, python_path in (("portable", None), ("native", native_path)):
                figures = run(model, args.prompt_tokens, args.gen_tokens, python_path)
                for key in results[build]:
                    results[build][key].append(figures[key])
                print(
                    f"  round {round_number + 1} {build:8}: prefill {figures['prefill_tps']:7.1f} tok/s, "
                    f"generation {figures['generation_tps']:6.1f} tok/s",
                    flush=True,
                )
    for key, label in (("prefill_tps", "prefill"), ("generation_tps", "generation")):
        print(line(f"{label:10} portable", results["portable"][key]))
        print(line(f"{label:10} native  ", results["native"][key]))
        ratio = statistics.median(results["portable"][key]) / statistics.median(results["native"][key])
        print(f"{label:10} portable/native ratio of medians: {ratio:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
