"""Installs a larger Whisper model (small, medium, large-v3-turbo) into <models>/whisper-<name>, for the
re-read: the CTranslate2 conversion faster-whisper itself uses for that name, file by file from the Hugging
Face hub (models/download.py: each file resumable, cancellable; model.bin verified by the sha256 the hub
sends for it, and refused when none comes). The repositories are followed at `main`: no revision is pinned,
since no hub was reachable to read one from.

model.bin comes last, so the folder counts as installed (models/catalogue.installed_whisper) only once every
file is in; a stopped install keeps what it had, and the next attempt resumes. The vocabulary is a .txt in
some conversions and a .json in others, and only some have preprocessor_config.json (large-v3's 128 mel
bins need it): a file the hub does not have (404) is skipped where it is one of those.
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Callable
from pathlib import Path

from engine.errors import ModelError
from models.catalogue import WHISPER_DOWNLOADS, WhisperDownload
from models.download import DownloadFailed, Expected, FailureKind, download, in_background

Progress = Callable[[int, int | None], None]  # model.bin's bytes so far, its total (None: not said)

# A mirror (a company proxy, an offline file server, the tests' loopback server) serving a model's files as
# <mirror>/whisper-<name>/<file name>; the same variable as the interviewer models' (engine/llm/installer.py).
MIRROR_ENV = "INTERVIEW_COACH_MODEL_MIRROR"
# (file, required): in this order, model.bin last. Of the two vocabularies, one is required.
FILES = (
    ("config.json", True),
    ("tokenizer.json", True),
    ("vocabulary.txt", False),
    ("vocabulary.json", False),
    ("preprocessor_config.json", False),
    ("model.bin", True),
)


def file_url(spec: WhisperDownload, file: str) -> str:
    mirror = os.environ.get(MIRROR_ENV)
    if mirror:
        return f"{mirror.rstrip('/')}/whisper-{spec.name}/{file}"
    return f"https://huggingface.co/{spec.repo}/resolve/main/{file}"


async def install_whisper(name: str, models_dir: Path, progress: Progress) -> Path:
    """Download `name` into <models>/whisper-<name>; returns the folder. Raises ModelError with what to do;
    cancel the task to stop (what came stays, for the next attempt)."""
    spec = WHISPER_DOWNLOADS[name]
    folder = models_dir / f"whisper-{name}"
    loop = asyncio.get_running_loop()

    def report(done: int, total: int | None) -> None:
        loop.call_soon_threadsafe(progress, done, total)

    def fetch_all(cancel: threading.Event) -> Path:
        for file, required in FILES:
            target = folder / file
            if target.is_file():
                continue  # an earlier attempt brought it
            if file == "vocabulary.json" and (folder / "vocabulary.txt").is_file():
                continue
            listen = report if file == "model.bin" else (lambda _done, _total: None)
            try:
                # model.bin is an LFS file: the hub names its sha256, and an install that cannot check it fails.
                expected = Expected(checked=file == "model.bin")
                download(file_url(spec, file), target, expected, cancel=cancel, progress=listen)
            except DownloadFailed as failure:
                if required or failure.status != 404:
                    raise
        if not any((folder / f"vocabulary.{kind}").is_file() for kind in ("txt", "json")):
            raise DownloadFailed(FailureKind.HTTP, f"{spec.repo} has no vocabulary file", 404)
        return folder

    try:
        return await in_background(fetch_all)
    except DownloadFailed as failure:
        raise _error(failure, folder, spec) from failure


def _error(failure: DownloadFailed, folder: Path, spec: WhisperDownload) -> ModelError:
    if failure.kind is FailureKind.NETWORK:
        return ModelError("model.download_network", name=spec.name, detail=failure.detail)
    if failure.kind is FailureKind.CHECKSUM:
        return ModelError("model.download_checksum", name=spec.name, detail=failure.detail)
    if failure.kind is FailureKind.DISK:
        megabytes = spec.approx_bytes // 1_000_000
        return ModelError("model.download_disk", folder=str(folder.parent), detail=failure.detail, megabytes=megabytes)
    return ModelError("model.download_http", name=spec.name, detail=failure.detail)
