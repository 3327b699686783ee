"""What this machine has for a language model: memory, and GPU memory where an NVIDIA GPU is present."""

from __future__ import annotations

import logging
import shutil
import subprocess

import psutil

from models.llm_catalogue import LlmSpec, recommend

log = logging.getLogger(__name__)


def gpu_memory_bytes() -> int:
    """Total memory of the largest NVIDIA GPU (nvidia-smi), or 0. Blocking (up to 3 s): call off the loop."""
    tool = shutil.which("nvidia-smi")
    if tool is None:
        return 0
    try:
        out = subprocess.run(
            [tool, "--query-gpu=memory.total", "--format=csv,noheader,nounits"],
            capture_output=True,
            text=True,
            timeout=3,
            check=True,
        ).stdout
        return max((int(line.strip()) for line in out.splitlines() if line.strip().isdigit()), default=0) << 20
    except (OSError, subprocess.SubprocessError, ValueError) as error:
        log.info("no GPU memory figure: %s", error)
        return 0


def recommended_model() -> LlmSpec | None:
    """The catalogue model this machine runs best at a 32k context (blocking)."""
    return recommend(psutil.virtual_memory().total, gpu_memory_bytes())
