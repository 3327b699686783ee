"""What every screen of the desktop app shares: preferences, the store, the speech model, audio, tasks.

One object, built once by desktop/app.py and handed to each page; the sounddevice module and the answer
source are injected here so tests can put a file or a stand-in sound card where the microphone would be.
"""

from __future__ import annotations

import asyncio
import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.errors import ErrorPresenter
from desktop.tasks import TaskOwner
from engine import preferences as prefs_file
from engine.audio.frames import AudioSource
from engine.audio.microphone import MicrophoneSource, list_input_devices
from engine.audio.playback import Player
from engine.errors import AppError
from engine.llm.choice import LlmChoice
from engine.llm.contract import LanguageModel
from engine.native.probe import LlmCrashError
from engine.preferences import Preferences
from engine.settings import AppPaths
from engine.storage.store import Store
from engine.stt.cloud.health import HealthSnapshot
from engine.stt.cloud.providers import CloudProviders, CloudSettings
from engine.stt.speech_model import ModelProgress, ModelStage, SpeechModel

log = logging.getLogger(__name__)

SourceFactory = Callable[[], AudioSource]


class LlmStage(enum.Enum):
    OFF = "off"
    LOADING = "loading"
    READY = "ready"
    FAILED = "failed"


@dataclass(frozen=True)
class LlmStatus:
    stage: LlmStage
    detail: str = ""  # the model's name when ready; the error message when it failed
    notes: tuple[str, ...] = field(default_factory=tuple)  # message keys (e.g. a context lowered for memory)


class AppContext(QObject):
    modelProgress = Signal(object)  # ModelProgress
    preferencesChanged = Signal(object)  # Preferences
    languageChanged = Signal(str)
    historyChanged = Signal()  # a session was stored, finished or deleted
    llmStatus = Signal(object)  # LlmStatus: the interviewer model loading, ready, failed or off
    cloudHealth = Signal(object)  # HealthSnapshot of a cloud speech provider, pushed as it changes

    def __init__(
        self,
        preferences: Preferences,
        store: Store,
        speech_model: SpeechModel,
        tasks: TaskOwner,
        errors: ErrorPresenter,
        *,
        sd: ModuleType | Any,
        config_dir: Path | None = None,
        source_factory: SourceFactory | None = None,
    ) -> None:
        super().__init__()
        self.preferences = preferences
        self.paths: AppPaths = preferences.paths()
        self.store = store
        self.speech_model = speech_model
        self.tasks = tasks
        self.errors = errors
        self.sd = sd
        self.config_dir = config_dir
        self._source_factory = source_factory
        self.player = Player(sd)
        self.model_progress = speech_model.progress
        speech_model.subscribe(self._on_model_progress)
        self.language_model: LanguageModel | None = None
        self.llm_status = LlmStatus(LlmStage.OFF)
        self._llm_choice = LlmChoice()
        self._llm_opened = asyncio.Event()  # the chosen model object exists (loading may go on)
        self._llm_opened.set()
        self.cloud_health: dict[str, HealthSnapshot] = {}
        self.cloud = CloudProviders(CloudSettings.of(preferences), on_health=self._on_cloud_health)

    # -- speech model -------------------------------------------------------------------------------
    def _on_model_progress(self, progress: ModelProgress) -> None:
        self.model_progress = progress
        self.modelProgress.emit(progress)

    @property
    def model_ready(self) -> bool:
        return self.model_progress.stage is ModelStage.READY

    # -- interviewer model --------------------------------------------------------------------------
    def open_language_model(self, *, force: bool = False) -> None:
        """(Re)open the interviewer model the preferences name, loading it in the background."""
        choice = self.preferences.llm_choice()
        unchanged = choice == self._llm_choice and (self.language_model is not None or not choice.enabled)
        if unchanged and not force:
            return
        self._llm_choice = choice
        self._llm_opened.clear()
        self.tasks.spawn(self._open_language_model(choice), "interviewer-model")

    async def interviewer_model(self) -> LanguageModel | None:
        """The interviewer model for a new interview, once it exists (it may still be loading)."""
        await self._llm_opened.wait()
        return self.language_model

    async def _open_language_model(self, choice: LlmChoice) -> None:
        from engine.llm.factory import open_model  # llama.cpp and httpx load only when a model is chosen

        old, self.language_model = self.language_model, None
        try:
            if old is not None:
                await old.close()
            if not choice.enabled:
                self._set_llm_status(LlmStatus(LlmStage.OFF))
                return
            self._set_llm_status(LlmStatus(LlmStage.LOADING))
            model = await asyncio.to_thread(open_model, choice)  # the keyring may block: off the loop
            self.language_model = model
        finally:
            self._llm_opened.set()
        try:
            assert model is not None
            await model.ready()
        except AppError as error:
            # Kept: the interview tries it, falls back to the bank and says why in the practice screen.
            self._set_llm_status(LlmStatus(LlmStage.FAILED, error.message(self.preferences.ui_language or "en")))
            if isinstance(error, LlmCrashError):  # llama.cpp faulted in its probe: say so now, not at the interview
                self.errors.show(error)
            return
        self._set_llm_status(LlmStatus(LlmStage.READY, model.info.name, model.info.notes))

    def _set_llm_status(self, status: LlmStatus) -> None:
        self.llm_status = status
        self.llmStatus.emit(status)

    async def close_language_model(self) -> None:
        if self.language_model is not None:
            await self.language_model.close()
            self.language_model = None

    # -- cloud speech recognition -------------------------------------------------------------------
    def _on_cloud_health(self, snapshot: HealthSnapshot) -> None:
        self.cloud_health[snapshot.provider] = snapshot
        self.cloudHealth.emit(snapshot)

    async def reconfigure_cloud(self) -> None:
        """Settings or credentials changed: the next answer connects with the new ones."""
        await self.cloud.reconfigure(CloudSettings.of(self.preferences))

    # -- audio --------------------------------------------------------------------------------------
    def input_device(self) -> int | str | None:
        """The chosen microphone if it is still plugged in, else the system default."""
        name = self.preferences.input_device
        if not name:
            return None
        try:
            names = {device.name for device in list_input_devices(self.sd)}
        except AppError:
            return None
        return name if name in names else None

    def answer_source(self) -> AudioSource:
        if self._source_factory is not None:
            return self._source_factory()
        return MicrophoneSource(self.sd, self.input_device())

    def microphone(self) -> AudioSource:
        """The real microphone (first-run level meter and test recording), even when answers are injected."""
        return MicrophoneSource(self.sd, self.input_device())

    # -- preferences --------------------------------------------------------------------------------
    def update_preferences(self, **changes: Any) -> Preferences:
        new = self.preferences.with_changes(**changes)
        prefs_file.save(new, self.config_dir)  # StorageError (with advice) if it cannot be written
        old, self.preferences = self.preferences, new
        if new.ui_language != old.ui_language:
            self.languageChanged.emit(new.ui_language)
        self.preferencesChanged.emit(new)
        self.open_language_model()
        if CloudSettings.of(new) != CloudSettings.of(old):
            self.tasks.spawn(self.reconfigure_cloud(), "reconfigure-cloud-speech")
        return new
