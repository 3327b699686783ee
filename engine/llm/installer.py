"""Installs a catalogue model: licence first, then a resumable, verified, cancellable download.

The download itself (models/download.py) blocks; it runs on a worker thread, reports progress back to the
loop with call_soon_threadsafe, and stops when the asyncio task awaiting it is cancelled (the part file is
kept, so the next attempt resumes).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from pathlib import Path

from engine.errors import LlmError
from models.download import DownloadFailed, Expected, FailureKind, download, in_background, part_path
from models.llm_catalogue import LlmSpec

Progress = Callable[[int, int | None], None]  # bytes so far, total

# A mirror (a company proxy, an offline file server, the tests' loopback server) that serves the catalogue's
# files by name: <mirror>/<file name>.
MIRROR_ENV = "INTERVIEW_COACH_MODEL_MIRROR"


def source_url(spec: LlmSpec) -> str:
    mirror = os.environ.get(MIRROR_ENV)
    return f"{mirror.rstrip('/')}/{spec.file_name}" if mirror else spec.url


def installed_path(spec: LlmSpec, models_dir: Path) -> Path:
    return models_dir / "llm" / spec.file_name


def is_installed(spec: LlmSpec, models_dir: Path) -> bool:
    return installed_path(spec, models_dir).is_file()


def partial_bytes(spec: LlmSpec, models_dir: Path) -> int:
    """How much an earlier, stopped download left to resume from."""
    part = part_path(installed_path(spec, models_dir))
    return part.stat().st_size if part.exists() else 0


async def install(
    spec: LlmSpec,
    models_dir: Path,
    *,
    licence_accepted: bool,
    progress: Progress,
    url: str | None = None,
) -> Path:
    """Download `spec` into <models>/llm/. Raises LlmError with what to do; cancel the task to stop."""
    if not licence_accepted:
        raise LlmError("llm.licence_needed")
    target = installed_path(spec, models_dir)
    if target.is_file():
        return target
    loop = asyncio.get_running_loop()

    def report(done: int, total: int | None) -> None:
        loop.call_soon_threadsafe(progress, done, total)

    # The catalogue's size is exact only where a checksum pins the file; otherwise the server says.
    expected = Expected(size=spec.size_bytes if spec.sha256 else None, sha256=spec.sha256)
    source = url or source_url(spec)
    try:
        return await in_background(lambda cancel: download(source, target, expected, cancel=cancel, progress=report))
    except DownloadFailed as failure:
        raise _error(failure, target, spec) from failure


def _error(failure: DownloadFailed, target: Path, spec: LlmSpec) -> LlmError:
    if failure.kind is FailureKind.NETWORK:
        return LlmError("llm.download_network", detail=failure.detail)
    if failure.kind is FailureKind.CHECKSUM:
        return LlmError("llm.download_checksum")
    if failure.kind is FailureKind.DISK:
        megabytes = spec.size_bytes // 1_000_000
        return LlmError("llm.download_disk", folder=str(target.parent), detail=failure.detail, megabytes=megabytes)
    return LlmError("llm.download_http", detail=failure.detail)
