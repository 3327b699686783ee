"""Desktop start-up and responsiveness on this machine, against the floor: a bare PySide6 window.

Absolute times do not travel between machines, so each cold start of the app is paired with a cold start
of a bare window (QApplication, QMainWindow, show, one paint) in the same run, alternating. Printed: the
median (and spread) of --runs cold starts from process start to the first window painted and to "ready to
practise" (the embedded speech model loaded), both also as ratios to the bare window's median, and the
speech model loaded alone in a process (the floor under "ready"); then, over --runs answers each
practised in a fresh real window (an English clip fed at real time in the microphone's place), the median
of each answer's longest event-loop stall, with the functions the loop was in whenever it stalled over
20 ms. Targets: window <= 2x bare, ready <= 8x bare, stall <= 20 ms, each a median of --runs. The last line reads
`window/bare R1, ready/bare R2, stall S ms`.

    uv run python bench/startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SPEECH = ROOT.parent / "shared" / "speech"


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    import platform

    return platform.processor() or platform.machine()


# A user's Python keeps each module's bytecode (__pycache__) after its first import; the app's set-up has uv
# compile the installed packages' too (pyproject.toml). Where this machine's environment forbids writing it
# (PYTHONDONTWRITEBYTECODE), every start would compile the app's source again, which no user's start does.
CHILD_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def cold_start(work: Path, models: Path, run: int) -> dict[str, float]:
    env = {
        **CHILD_ENV,
        "INTERVIEW_COACH_CONFIG_DIR": str(work / f"config-{run}"),
        "INTERVIEW_COACH_MODELS_DIR": str(models),
    }
    started = time.time()
    process = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "--data-dir",
            str(work / f"data-{run}"),
            "--startup-trace",
            "--quit-when-ready",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    marks = {}
    for line in process.stderr.splitlines():
        if line.startswith('{"mark"'):
            mark = json.loads(line)
            marks[mark["mark"]] = mark["time"] - started
    if process.returncode != 0 or "ready" not in marks:
        raise SystemExit(f"start {run} failed ({process.returncode}):\n{process.stderr[-2000:]}")
    return marks


BARE_WINDOW = """
import json, sys, time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1120, 760)
window.show()
app.processEvents()
print(json.dumps({"mark": "window_shown", "time": time.time()}), file=sys.stderr, flush=True)
"""


def bare_window() -> float:
    started = time.time()
    process = subprocess.run(
        [sys.executable, "-c", BARE_WINDOW], capture_output=True, text=True, timeout=120, check=True, env=CHILD_ENV
    )
    mark = json.loads(next(line for line in process.stderr.splitlines() if line.startswith('{"mark"')))
    return float(mark["time"]) - started


# The floor under "ready": a process that only loads the speech model as the app does (its imports, the
# load, the warm-up pass), with no window and nothing else competing for the interpreter.
MODEL_ALONE = """
import asyncio, json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from engine.config.settings import SpeechSettings
from engine.stt.speech_model import SpeechModel
asyncio.run(SpeechModel(SpeechSettings(), Path(sys.argv[2])).get())
print(json.dumps({"mark": "ready", "time": time.time()}), file=sys.stderr, flush=True)
"""


def model_alone(models: Path) -> float:
    started = time.time()
    process = subprocess.run(
        [sys.executable, "-c", MODEL_ALONE, str(ROOT), str(models)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
        env=CHILD_ENV,
    )
    mark = json.loads(next(line for line in process.stderr.splitlines() if line.startswith('{"mark"')))
    return float(mark["time"]) - started


def summary(name: str, values: list[float], bare: float, target: float) -> str:
    median = statistics.median(values)
    ratio = median / bare
    verdict = "met" if ratio <= target else "MISSED"
    return (
        f"{name:<28} median {median:6.3f} s  (min {min(values):.3f}, max {max(values):.3f})  "
        f"{ratio:.2f}x bare, target <= {target}x: {verdict}"
    )


async def practised_answer_stall(work: Path, models: Path, clip: Path) -> tuple[float, int, float, Counter[str]]:
    """Open the real window, practise one answer, and watch the loop the whole time the answer runs."""
    from PySide6.QtWidgets import QApplication

    from desktop.app import Launch, prepare, run_app
    from desktop.signals import next_emission
    from engine.audio.file_source import FileSource
    from engine.config.preferences import LoadedPreferences, Preferences
    from engine.interview.events import AnswerFinished
    from engine.runtime.loop_stall import StallMonitor
    from tests.fake_sounddevice import FakeSoundDevice

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    prefs = Preferences(data_dir=str(work / "stall-data"), models_dir=str(models), first_run_done=True)
    launch = Launch(
        config_dir=work / "stall-config",
        ui_language="en",
        sd=FakeSoundDevice(None),
        source_factory=lambda: FileSource(clip, realtime=True),
        preferences=LoadedPreferences(prefs),
    )
    result: dict[str, float] = {}
    blamed: Counter[str] = Counter()
    # The answer starts once the model is loaded and the feedback warm (the "ready" and "warm" marks): a
    # person cannot click through set-up sooner.
    ready = asyncio.Event()
    marks: set[str] = set()

    def trace(mark: str) -> None:
        marks.add(mark)
        if {"ready", "warm"} <= marks:
            ready.set()

    launch.trace = trace

    def on_ready(window: object) -> None:
        async def drive() -> None:
            from desktop.main_window import MainWindow

            assert isinstance(window, MainWindow)
            await ready.wait()
            runner = window.practice.runner
            awaiting = asyncio.ensure_future(next_emission(runner.awaitingChoice, bool))
            window.setup.count.setValue(1)
            window.setup.start_button.click()
            await awaiting
            finished = asyncio.ensure_future(
                next_emission(runner.engine_event, lambda e: isinstance(e, AnswerFinished))
            )
            monitor = StallMonitor(0.005, blame_after=0.020)
            happened: list[tuple[float, str]] = []
            runner.engine_event.connect(lambda e: happened.append((time.perf_counter(), type(e).__name__)))
            monitor.start()
            began = time.perf_counter()
            window.practice.answer_button.click()
            await finished
            result["seconds"] = time.perf_counter() - began
            result["longest"] = await monitor.stop()
            result["samples"] = monitor.samples
            blamed.update(monitor.blamed)
            for woke, late in monitor.stalls:  # what the engine had just said when the loop stalled
                before = [name for at, name in happened if at <= woke - late]
                last = before[-1] if before else "(nothing yet)"
                blamed[f"stall at {woke - late - began:.2f} s into the answer, after {last}"] += 1
            window.close()

        window.ctx.tasks.spawn(drive(), "bench-drive")  # type: ignore[attr-defined]

    launch.on_ready = on_ready
    await run_app(app, launch, prepare(app, launch))
    return result["longest"], int(result["samples"]), result["seconds"], blamed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from models.whisper_assembly import ensure_whisper_base

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        models = work / "models"
        ensure_whisper_base(models)  # installed once, as a user's first run does; starts below are "cold"
        # The user's first start, not counted: it leaves what every later start reads (bytecode, the native
        # probes' verdicts, the speech model's int8 copy), and only then is a start the one users make daily.
        first = cold_start(work, models, -1)
        print(f"first start, not counted (fills the caches): ready {first['ready']:.3f} s, warm {first['warm']:.3f} s")
        bare_runs: list[float] = []
        alone_runs: list[float] = []
        runs: list[dict[str, float]] = []
        for run in range(args.runs):  # alternating, so all see the same machine
            bare_runs.append(bare_window())
            alone_runs.append(model_alone(models))
            runs.append(cold_start(work, models, run))
        bare = statistics.median(bare_runs)
        print(f"cold starts: {args.runs} each (Python {sys.version.split()[0]}, {os.cpu_count()} cores, {cpu_name()})")
        print(f"{'bare PySide6 window':<28} median {bare:6.3f} s  (min {min(bare_runs):.3f}, max {max(bare_runs):.3f})")
        window = [r["window_shown"] for r in runs]
        ready = [r["ready"] for r in runs]
        print(summary("process start -> window", window, bare, 2.0))
        print(summary("process start -> main window", [r["main_window_shown"] for r in runs], bare, 8.0))
        print(summary("process start -> ready", ready, bare, 8.0))
        alone = statistics.median(alone_runs)
        print(
            f"{'the speech model alone':<28} median {alone:6.3f} s  (min {min(alone_runs):.3f}, "
            f"max {max(alone_runs):.3f})  {alone / bare:.2f}x bare: the floor under ready (no window, no app)"
        )

        import qasync
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication(sys.argv[:1])
        app.setQuitOnLastWindowClosed(False)
        clip = SPEECH / "en" / "jfk.flac"
        stalls: list[float] = []
        blamed: Counter[str] = Counter()
        for _ in range(args.runs):  # a fresh window each time; the target is a median, like the starts above
            loop = qasync.QEventLoop(app)  # each run closes its loop on leaving the with block
            asyncio.set_event_loop(loop)
            with loop:
                longest, samples, seconds, blamed_now = loop.run_until_complete(
                    practised_answer_stall(work, models, clip)
                )
            stalls.append(longest)
            blamed.update(blamed_now)
        stall = statistics.median(stalls)
        verdict = "met" if stall <= 0.020 else "MISSED"
        print(
            f"longest event-loop stall during a practised answer ({seconds:.1f} s, {samples} wake-ups), "
            f"{args.runs} answers: median {stall * 1000:.1f} ms (min {min(stalls) * 1000:.1f}, "
            f"max {max(stalls) * 1000:.1f})  target <= 20 ms: {verdict}"
        )
        for where, count in blamed.most_common(8):
            print(f"  stalled over 20 ms in {where} ({count} samples)")
        print(
            f"window/bare {statistics.median(window) / bare:.2f}, ready/bare {statistics.median(ready) / bare:.2f}, "
            f"stall {stall * 1000:.0f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
