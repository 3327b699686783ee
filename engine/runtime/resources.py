"""Where the bundled data (question banks, filler lists) lives, for a source checkout and an installed wheel."""

from __future__ import annotations

from pathlib import Path

# resources/ sits beside engine/ both in the repository and in the wheel (pyproject's only-include).
RESOURCES_DIR = Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    return RESOURCES_DIR.joinpath(*parts)
