"""The style rules the project holds itself to: mypy strict on engine/ and models/, ruff clean."""

from __future__ import annotations

import subprocess

from tests.conftest import ROOT


def test_engine_and_models_type_check_strictly() -> None:
    result = subprocess.run(["mypy"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout


def test_ruff_finds_nothing() -> None:
    result = subprocess.run(
        ["ruff", "check", "engine", "models", "desktop", "tests", "bench", "main.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout
