"""The engine runs headless: importing it (and running the CLI's modules) must not pull in Qt."""

from __future__ import annotations

import json
import subprocess
import sys

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
