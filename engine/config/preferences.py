"""The user's preferences: one small JSON file in the per-user config folder.

Kept apart from the database because one of them is where the database lives. A missing file means
defaults; an unreadable one also means defaults, and the broken file is kept aside so nothing the user
set is silently overwritten.
"""

from __future__ import annotations

import enum
import json
import logging
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from engine.config.settings import APP_NAME, AppPaths, SpeechSettings, default_data_dir
from engine.errors import StorageError
from engine.llm.choice import LlmChoice

log = logging.getLogger(__name__)

CONFIG_DIR_ENV = "INTERVIEW_COACH_CONFIG_DIR"
FILE_NAME = "preferences.json"


class Theme(enum.StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


@dataclass(frozen=True)
class Preferences:
    ui_language: str = ""  # "en", "ko", or "" to follow the system locale
    theme: Theme = Theme.SYSTEM
    input_device: str = ""  # a device name; "" is the system default
    data_dir: str = ""  # "" is the OS's per-user data folder (or $INTERVIEW_COACH_DATA_DIR)
    models_dir: str = ""  # "" is <data>/models (or $INTERVIEW_COACH_MODELS_DIR)
    stt_backend: str = "local"  # "local", "google" or "rtzr"; cloud backends go on locally if the network goes
    google_credentials_file: str = ""  # a service-account key file ("" = application-default credentials)
    google_endpoint: str = ""  # host:port ("" = speech.googleapis.com:443)
    rtzr_auth_url: str = ""  # "" = RTZR's public endpoints; the client id and secret live in the keyring
    rtzr_stream_url: str = ""
    speech_model: str = "base"
    # The model that reads each answer again for its stored transcript ("" = the live model): a larger one is
    # more accurate, above all in Korean, and costs more (Settings show what it cost on this machine).
    reread_model: str = ""
    compute_type: str = "int8"
    first_run_done: bool = False
    speak_questions: bool = True
    voice: str = ""  # "" = the system's voice for the interview language, else espeak-ng's
    speech_rate_wpm: int = 165
    headset: bool = False  # the microphone cannot hear the speakers: no muting while the interviewer speaks
    silence_end_s: float = 4.0  # a silence this long ends an answer; 0 = only the button or Space
    # The interviewer model: "none" (bank questions, model-free feedback), "file" (a GGUF), "server".
    llm_mode: str = "none"
    llm_path: str = ""  # a GGUF file (downloaded from the catalogue into the models folder, or the user's own)
    llm_server_url: str = ""  # an OpenAI-compatible /v1 address; its API key lives in the OS keyring
    llm_server_model: str = ""
    llm_context: int = 32_768
    follow_ups: bool = True
    blind_check: bool = True  # flag personal details in answers (blind hiring)
    exaone_licence_accepted: str = ""  # when the user accepted the EXAONE licence (ISO time), "" = not yet

    def with_changes(self, **changes: Any) -> Preferences:
        return replace(self, **changes)

    def paths(self) -> AppPaths:
        return AppPaths(Path(self.data_dir).expanduser() if self.data_dir else default_data_dir())

    def models_folder(self) -> Path:
        return Path(self.models_dir).expanduser() if self.models_dir else self.paths().models

    def llm_choice(self) -> LlmChoice:
        if self.llm_mode == "file" and self.llm_path:
            return LlmChoice(gguf_path=self.llm_path, n_ctx=self.llm_context, state_dir=str(self.paths().model_states))
        if self.llm_mode == "server" and self.llm_server_url:
            return LlmChoice(server_url=self.llm_server_url, server_model=self.llm_server_model)
        return LlmChoice()

    def speech_settings(self) -> SpeechSettings:
        return SpeechSettings(model=self.speech_model, compute_type=self.compute_type)

    def reading_settings(self) -> SpeechSettings:
        """The model that reads answers again for their stored transcripts."""
        return replace(self.speech_settings(), model=self.reread_model or self.speech_model)


def config_dir() -> Path:
    override = os.environ.get(CONFIG_DIR_ENV)
    return Path(override).expanduser() if override else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class LoadedPreferences:
    preferences: Preferences
    # Set when the file existed but could not be read: where the broken copy was kept.
    broken_copy: Path | None = None


def load(folder: Path | None = None) -> LoadedPreferences:
    path = (folder or config_dir()) / FILE_NAME
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("not a JSON object")
        return LoadedPreferences(_from_dict(raw))
    except FileNotFoundError:
        return LoadedPreferences(Preferences())
    except (OSError, ValueError, TypeError) as error:
        broken = path.with_suffix(".json.broken")
        log.warning("preferences file %s is unreadable (%s); using defaults, kept as %s", path, error, broken)
        try:
            os.replace(path, broken)
        except OSError as move_error:
            log.warning("could not keep the broken preferences file: %s", move_error)
            return LoadedPreferences(Preferences(), path)
        return LoadedPreferences(Preferences(), broken)


def _from_dict(raw: dict[str, Any]) -> Preferences:
    defaults = Preferences()
    values: dict[str, Any] = {}
    for f in fields(Preferences):
        value = raw.get(f.name, getattr(defaults, f.name))
        default = getattr(defaults, f.name)
        if f.name == "theme":
            value = Theme(value)
        elif isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        elif not isinstance(value, type(default)):
            raise TypeError(f"{f.name} should be {type(default).__name__}")
        values[f.name] = value
    if values["ui_language"] not in ("", "en", "ko"):
        raise ValueError(f"unknown interface language {values['ui_language']!r}")
    return Preferences(**values)


def save(preferences: Preferences, folder: Path | None = None) -> Path:
    """Write atomically (a crash mid-write leaves the previous file whole)."""
    folder = folder or config_dir()
    path = folder / FILE_NAME
    data = {**asdict(preferences), "theme": preferences.theme.value}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".json.tmp")
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(temporary, path)
    except OSError as error:
        raise StorageError("prefs.save_failed", path=str(path), detail=error.strerror or str(error)) from error
    return path
