"""The one error hierarchy the UI shows: every user-facing failure is an AppError.

An AppError carries a message-catalogue key and its parameters rather than a fixed string, so the same
error renders in Korean or English wherever it is finally shown (CLI or GUI).
"""

from __future__ import annotations

from typing import Any

from engine import messages


class AppError(Exception):
    """A failure the user can act on: a title and a message that says what to do."""

    title_key = "error.title.generic"

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        return messages.text(self.key, lang, **self.params)

    def title(self, lang: str = "en") -> str:
        return messages.text(self.title_key, lang)


class ModelError(AppError):
    title_key = "error.title.model"


class AudioFileError(AppError):
    title_key = "error.title.audio_file"


class MicrophoneError(AppError):
    title_key = "error.title.microphone"


class StorageError(AppError):
    title_key = "error.title.storage"


class ConfigError(AppError):
    title_key = "error.title.config"


class LlmError(AppError):
    """The interviewer model: a missing or damaged file, a server that refuses, output that will not parse."""

    title_key = "error.title.llm"


class MissingPackageError(AppError):
    title_key = "error.title.missing_package"


class CloudSpeechError(AppError):
    """A cloud speech provider refused or failed in a way the user must fix (credentials, settings)."""

    title_key = "error.title.cloud_speech"
