"""Creates speech-recognition sessions by backend name, importing each engine only when it is used.

A backend whose package is missing fails with a message naming the package, not with an ImportError.
"""

from __future__ import annotations

import enum
import importlib
from collections.abc import Callable

from engine.errors import MissingPackageError
from engine.stt.contract import StreamingTranscriptionSession
from engine.stt.speech_model import SpeechModel


class SttBackend(enum.StrEnum):
    LOCAL = "local"


# backend -> (module, the distribution to install if it is missing, feature name for the message)
_REQUIREMENTS: dict[SttBackend, tuple[str, str, str]] = {
    SttBackend.LOCAL: ("faster_whisper", "faster-whisper", "local speech recognition"),
}


def require(backend: SttBackend) -> None:
    module, package, feature = _REQUIREMENTS[backend]
    try:
        importlib.import_module(module)
    except ImportError as error:
        raise MissingPackageError("missing.package", feature=feature, package=package) from error


def session_factory(backend: SttBackend, model: SpeechModel) -> Callable[[str], StreamingTranscriptionSession]:
    """A function language -> new session, for InterviewSession."""
    require(backend)
    if backend is SttBackend.LOCAL:
        from engine.stt.local_session import LocalWhisperSession

        return lambda language: LocalWhisperSession(model, language)
    raise ValueError(backend)
