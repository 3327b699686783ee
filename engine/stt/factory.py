"""Creates speech-recognition sessions by backend name, importing each engine only when it is used.

A backend whose package is missing fails with a message naming the package, not with an ImportError.
Cloud sessions go on with local Whisper when the network goes (so the local model is always given).
"""

from __future__ import annotations

import enum
import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from engine.errors import MissingPackageError
from engine.stt.contract import StreamingTranscriptionSession
from engine.stt.speech_model import SpeechModel

SessionFactory = Callable[[str, tuple[str, ...]], StreamingTranscriptionSession]


class SttBackend(enum.StrEnum):
    LOCAL = "local"
    GOOGLE = "google"
    RTZR = "rtzr"


# backend -> (module, the distribution to install if it is missing, feature name for the message)
_WHISPER = ("faster_whisper", "faster-whisper", "local speech recognition")
_REQUIREMENTS: dict[SttBackend, tuple[tuple[str, str, str], ...]] = {
    SttBackend.LOCAL: (_WHISPER,),
    SttBackend.GOOGLE: (_WHISPER, ("google.cloud.speech_v1", "google-cloud-speech", "Google Cloud speech recognition")),
    SttBackend.RTZR: (_WHISPER, ("websockets", "websockets", "RTZR speech recognition")),
}


def require(backend: SttBackend) -> None:
    for module, package, feature in _REQUIREMENTS[backend]:
        try:
            importlib.import_module(module)
        except ImportError as error:
            raise MissingPackageError("missing.package", feature=feature, package=package) from error


if TYPE_CHECKING:  # the cloud stack is imported only when a cloud backend is used
    from engine.stt.cloud.providers import CloudProviders


def session_factory(backend: SttBackend, model: SpeechModel, cloud: CloudProviders | None = None) -> SessionFactory:
    """A function (language, phrase hints) -> new session, for InterviewSession."""
    require(backend)
    from engine.stt.local_session import LocalWhisperSession

    if backend is SttBackend.LOCAL:
        return lambda language, hints: LocalWhisperSession(model, language, hotwords=hints)
    if cloud is None:
        raise ValueError(f"{backend} recognition needs the app's CloudProviders")
    from engine.stt.cloud.session import CloudSession

    provider = cloud.google() if backend is SttBackend.GOOGLE else cloud.rtzr()

    def create(language: str, hints: tuple[str, ...]) -> StreamingTranscriptionSession:
        return CloudSession(
            provider.streamer(language, hints),
            health=provider.health,
            fallback=lambda: LocalWhisperSession(model, language),
        )

    return create
