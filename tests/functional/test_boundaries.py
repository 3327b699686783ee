"""The engine runs headless: importing it (and running the CLI's modules) must not pull in Qt. The desktop
app's first window comes before any heavy import."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_engine_imports_neither_qt_nor_desktop() -> None:
    code = (
        "import sys, json, pkgutil, importlib, engine, models\n"
        "for pkg in (engine, models):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    loaded = json.loads(result.stdout)
    forbidden = [m for m in loaded if m.split(".")[0] in {"PySide6", "qasync", "desktop", "shiboken6"}]
    assert forbidden == []
    assert "engine.stt.local_session" in loaded  # the walk really imported the engine


def test_import_linter_contracts_hold() -> None:
    result = subprocess.run(["lint-imports"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout
    assert "engine layers: front end over interview over the parts it drives KEPT" in result.stdout


# Loaded behind the start window, never before it: what a cold start would otherwise wait for.
HEAVY = (
    "numpy",
    "httpx",
    "sqlite_utils",
    "jsonschema",
    "grpc",
    "google.cloud.speech",
    "faster_whisper",
    "ctranslate2",
    "llama_cpp",
    "wordfreq",
    "av",
    "sounddevice",
    "websockets",
)
# Used by a feature this start does not use (no cloud provider, no interviewer model): never loaded.
UNUSED_FEATURES = ("grpc", "google.cloud.speech", "httpx", "websockets", "llama_cpp")


def test_the_first_window_shows_before_any_heavy_module_is_imported(tmp_path: Path) -> None:
    code = (
        "import json, os, sys\n"
        "from pathlib import Path\n"
        "from desktop.launch import Launch, first_frame\n"
        f"HEAVY = {HEAVY!r}\n"
        "seen = {}\n"
        "def trace(mark):\n"
        "    seen[mark] = [m for m in HEAVY if m in sys.modules]\n"
        "    if mark == 'main_window_shown':\n"
        "        print(json.dumps(seen), flush=True)\n"
        "        os._exit(0)\n"
        f"tmp = Path({str(tmp_path)!r})\n"
        # As main.py starts the app: the first frame, then desktop.app and the rest.
        "launch = Launch(config_dir=tmp / 'config', data_dir=tmp / 'data', trace=trace)\n"
        "frame = first_frame(launch)\n"
        "from desktop.app import main\n"
        "main(launch, frame)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    seen = json.loads(result.stdout.splitlines()[-1])
    assert seen["window_shown"] == [], "imported before the first frame"
    # The probe sees imports: by the time the main window replaces the start window, the engine is in.
    assert {"numpy", "sqlite_utils"} <= set(seen["main_window_shown"])
    assert [m for m in UNUSED_FEATURES if m in seen["main_window_shown"]] == []
