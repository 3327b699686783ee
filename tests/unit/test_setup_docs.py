"""The set-up a new user reads is the set-up CI runs: README's apt line and .ci/run install the same
packages, README says how to get uv, and the entry points it names exist."""

from __future__ import annotations

import re
import tomllib

from tests.conftest import ROOT


def _readme_packages() -> set[str]:
    line = next(line for line in (ROOT / "README.md").read_text().splitlines() if "apt-get install" in line)
    command = line.split("apt-get install", 1)[1].split("&&", 1)[0]
    return {word for word in command.replace("`", " ").split() if not word.startswith("-")}


def _ci_packages() -> set[str]:
    script = (ROOT / ".ci" / "run").read_text()
    block = re.search(r"packages=\((.*?)\)", script, re.S)
    assert block is not None
    return set(block.group(1).split())


def test_readme_and_ci_install_the_same_system_packages() -> None:
    readme, ci = _readme_packages(), _ci_packages()
    assert readme == ci, f"only in README: {readme - ci}; only in .ci/run: {ci - readme}"
    for needed in ("libportaudio2", "libpulse0", "libxcb-cursor0", "poppler-utils", "espeak-ng", "g++", "cmake"):
        assert needed in readme


def test_readme_says_how_to_get_uv_under_pep_668() -> None:
    quick_start = (ROOT / "README.md").read_text().split("## Quick start", 1)[1].split("```", 1)[0]
    assert "pipx install uv" in quick_start


def test_the_entry_points_exist() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["scripts"]["interview-coach"] == "main:run"
    assert project["gui-scripts"]["interview-coach-gui"] == "main:gui"
    import main

    assert callable(main.run) and callable(main.gui)
