"""Where the app keeps its data, and the engine settings that travel from the CLI or GUI to the engine."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

APP_NAME = "InterviewCoach"
DATA_DIR_ENV = "INTERVIEW_COACH_DATA_DIR"
MODELS_DIR_ENV = "INTERVIEW_COACH_MODELS_DIR"
CACHE_DIR_ENV = "INTERVIEW_COACH_CACHE_DIR"
LOG_DIR_ENV = "INTERVIEW_COACH_LOG_DIR"


def default_data_dir() -> Path:
    """The data folder: $INTERVIEW_COACH_DATA_DIR if set, else the OS's per-user data folder."""
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override).expanduser() if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_cache_dir() -> Path:
    """Machine-level facts worth keeping between runs (which native libraries run here): $INTERVIEW_COACH_CACHE_DIR,
    else the OS's per-user cache folder."""
    override = os.environ.get(CACHE_DIR_ENV)
    return Path(override).expanduser() if override else Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def default_log_dir() -> Path:
    """The log folder: $INTERVIEW_COACH_LOG_DIR, else the OS's per-user log folder."""
    override = os.environ.get(LOG_DIR_ENV)
    return Path(override).expanduser() if override else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class AppPaths:
    """Every file the app writes lives under one data folder."""

    data_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "interview-coach.sqlite3"

    @property
    def recordings(self) -> Path:
        return self.data_dir / "recordings"

    @property
    def summaries(self) -> Path:
        """Long postings and résumés summarised for the interviewer (engine/llm/summary.py): a cache."""
        return self.data_dir / "cache" / "summaries"

    @property
    def model_states(self) -> Path:
        """The interviewer model's saved prefix states (engine/llm/prefix_cache.py): a cache, safe to delete."""
        return self.data_dir / "cache" / "model-states"

    @property
    def models(self) -> Path:
        """<data>/models, or $INTERVIEW_COACH_MODELS_DIR (models are large and may live elsewhere)."""
        override = os.environ.get(MODELS_DIR_ENV)
        return Path(override).expanduser() if override else self.data_dir / "models"


@dataclass(frozen=True)
class SpeechSettings:
    """Local recognition settings. `model` is 'base' (embedded) or the name of an installed larger model."""

    model: str = "base"
    # int8 is the fastest CPU type for CTranslate2 and costs no measurable accuracy on base (bench/).
    compute_type: str = "int8"
    device: str = "cpu"
    cpu_threads: int = field(default_factory=lambda: max(1, min(4, os.cpu_count() or 1)))
    # Silence that closes an utterance (not the answer): short, so finals arrive quickly; see stt/segmenter.py.
    utterance_silence_ms: int = 400
