"""Desktop start-up and responsiveness on this machine.

Prints the median (and spread) of 5 cold starts, from process start to the main window shown and to
"ready to practise" (the embedded speech model loaded), then the longest event-loop stall while an answer
is practised in the real window (an English clip fed at real time in the microphone's place).
Targets on 2 cores: window <= 1.0 s, ready <= 3 s, longest stall <= 50 ms.

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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SPEECH = ROOT.parent / "shared" / "speech"


def cold_start(work: Path, models: Path, run: int) -> dict[str, float]:
    env = {
        **os.environ,
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


def summary(name: str, values: list[float], target: float) -> str:
    median = statistics.median(values)
    verdict = "met" if median <= target else "MISSED"
    return (
        f"{name:<28} median {median:6.3f} s  (min {min(values):.3f}, max {max(values):.3f})  "
        f"target <= {target} s: {verdict}"
    )


async def practised_answer_stall(work: Path, models: Path, clip: Path) -> tuple[float, int, float]:
    """Open the real window, practise one answer, and watch the loop the whole time the answer runs."""
    from PySide6.QtWidgets import QApplication

    from desktop.app import Launch, prepare, run_app
    from desktop.signals import next_emission
    from engine.audio.file_source import FileSource
    from engine.interview.events import AnswerFinished
    from engine.loop_stall import StallMonitor
    from engine.preferences import LoadedPreferences, Preferences
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

    def on_ready(window: object) -> None:
        async def drive() -> None:
            from desktop.main_window import MainWindow

            assert isinstance(window, MainWindow)
            await window.ctx.speech_model.get()
            runner = window.practice.runner
            awaiting = asyncio.ensure_future(next_emission(runner.awaitingChoice, bool))
            window.setup.count.setValue(1)
            window.setup.start_button.click()
            await awaiting
            finished = asyncio.ensure_future(
                next_emission(runner.engine_event, lambda e: isinstance(e, AnswerFinished))
            )
            monitor = StallMonitor(0.005)
            monitor.start()
            began = time.perf_counter()
            window.practice.answer_button.click()
            await finished
            result["seconds"] = time.perf_counter() - began
            result["longest"] = await monitor.stop()
            result["samples"] = monitor.samples
            window.close()

        window.ctx.tasks.spawn(drive(), "bench-drive")  # type: ignore[attr-defined]

    launch.on_ready = on_ready
    await run_app(app, launch, prepare(app, launch))
    return result["longest"], int(result["samples"]), result["seconds"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from models.whisper_assembly import ensure_whisper_base

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        models = work / "models"
        ensure_whisper_base(models)  # installed once, as a user's first run does; starts below are "cold"
        runs = [cold_start(work, models, run) for run in range(args.runs)]
        print(f"cold starts: {args.runs} (Python {sys.version.split()[0]}, {os.cpu_count()} cores)")
        print(summary("process start -> window", [r["window_shown"] for r in runs], 1.0))
        print(summary("process start -> ready", [r["ready"] for r in runs], 3.0))

        import qasync
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication(sys.argv[:1])
        app.setQuitOnLastWindowClosed(False)
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        clip = SPEECH / "en" / "jfk.flac"
        with loop:
            longest, samples, seconds = loop.run_until_complete(practised_answer_stall(work, models, clip))
        verdict = "met" if longest <= 0.050 else "MISSED"
        print(
            f"longest event-loop stall during a practised answer ({seconds:.1f} s, {samples} wake-ups): "
            f"{longest * 1000:.1f} ms  target <= 50 ms: {verdict}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
