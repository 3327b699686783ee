"""What every screen of the desktop app shares: preferences, the store, the speech model, audio, tasks.

One object, built once by desktop/app.py and handed to each page; the sounddevice module and the answer
source are injected here so tests can put a file or a stand-in sound card where the microphone would be.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.errors import ErrorPresenter
from desktop.tasks import TaskOwner
from engine.audio.frames import AudioSource
from engine.audio.microphone import MicrophoneSource, list_input_devices
from engine.audio.playback import Player
from engine.config import preferences as prefs_file
from engine.config.preferences import Preferences
from engine.config.settings import AppPaths
from engine.errors import AppError, LlmError
from engine.interview.config import InterviewConfig
from engine.interview.stored_transcript import TranscriptKeeper
from engine.interview.turns import START_DEADLINE_S
from engine.llm.contract import LanguageModel
from engine.llm.desk import desk_for
from engine.llm.interviewer import read_ahead
from engine.llm.lifecycle import InterviewerModel, LlmStage, LlmStatus
from engine.llm.summary import Summaries
from engine.native.probe import LlmCrashError
from engine.storage.store import Store
from engine.stt.cloud.health import HealthSnapshot
from engine.stt.cloud.providers import CloudProviders, CloudSettings
from engine.stt.speech_model import ModelProgress, SpeechModel

log = logging.getLogger(__name__)

SourceFactory = Callable[[], AudioSource]


class AppContext(QObject):
    modelProgress = Signal(object)  # ModelProgress
    preferencesChanged = Signal(object)  # Preferences
    languageChanged = Signal(str)
    historyChanged = Signal()  # a session was stored, finished or deleted
    llmStatus = Signal(object)  # LlmStatus: the interviewer model loading, ready, failed or off
    cloudHealth = Signal(object)  # HealthSnapshot of a cloud speech provider, pushed as it changes
    transcriptStored = Signal(object)  # TranscriptStored: an answer's re-read replaced its live transcript
    reviewsChanged = Signal(int)  # session id: the model began or ended writing a review of one of its answers

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
        # Every answer's stored transcript: its audio read again once it ends (an interview's own answers, and
        # at start the ones a closed or killed app left owing).
        self.keeper = TranscriptKeeper(store, speech_model, reading=preferences.reading_settings())
        self.keeper.subscribe(self._on_transcript_stored)
        self.interviewer = InterviewerModel()  # the engine owns its lifecycle; this shows its status
        self.llm_status = self.interviewer.status
        self.interviewer.subscribe(self._on_llm_status)
        self.cloud_health: dict[str, HealthSnapshot] = {}
        self.reviews_writing: set[int] = set()  # answers whose review the interviewer model is writing
        self._reading: asyncio.Task[None] | None = None  # the model reading the set-up ahead
        self.summaries = Summaries(self.paths.summaries)
        # How long an answer's end waits for the model to begin the next question before the bank asks it
        # (None: the model is waited for; tests whose answers come from files faster than speech).
        self.question_start_s: float | None = START_DEADLINE_S
        self.model_seed: int | None = None  # the interviewer model samples afresh; tests fix it to repeat a run
        self.cloud = CloudProviders(CloudSettings.of(preferences), on_health=self._on_cloud_health)

    def _on_transcript_stored(self, stored: object) -> None:
        self.transcriptStored.emit(stored)
        self.historyChanged.emit()  # its figures and its words in search changed

    # -- speech model -------------------------------------------------------------------------------
    def _on_model_progress(self, progress: ModelProgress) -> None:
        self.model_progress = progress
        self.modelProgress.emit(progress)

    # -- interviewer model --------------------------------------------------------------------------
    def open_language_model(self, *, force: bool = False) -> None:
        """(Re)open the interviewer model the preferences name, loading it in the background."""
        self.interviewer.start(self.preferences.llm_choice(), force=force)

    def read_ahead(self, config: InterviewConfig) -> None:
        """Start the interviewer model reading this set-up (its posting and résumé) before the interview
        starts, so that its first question does not wait for it; a newer set-up replaces an older one."""
        if self._reading is not None:
            self._reading.cancel()
        chosen = self.llm_status.stage in (LlmStage.LOADING, LlmStage.READY)
        self._reading = self.tasks.spawn(self._read_ahead(config), "llm-read-setup") if chosen else None

    def stop_reading_ahead(self) -> None:
        """The interview starts: it reads its own prefix (what the set-up reading got through is in the cache)."""
        if self._reading is not None:
            self._reading.cancel()
            self._reading = None

    async def _read_ahead(self, config: InterviewConfig) -> None:
        model = await self.interviewer_model()
        if model is None or model.info.backend != "local":  # a server keeps nothing between requests
            return
        desk = desk_for(model)
        try:
            # A long posting or résumé is summarised first, once (kept by its text's hash): the interview
            # then reads the summary, and so does every later interview with the same text.
            for kind, text in (("posting", config.job_posting), ("resume", config.resume)):
                await self.summaries.summarise(desk, config.language, kind, text)
            brief = await asyncio.to_thread(config.brief, (), self.summaries)  # kept summaries are files: off the loop
            reading = read_ahead(desk, brief)
            try:
                await reading
            except asyncio.CancelledError:
                reading.cancel()
                raise
        except LlmError as error:  # the interview will say what is wrong with the model, if it still is
            log.info("reading the set-up ahead failed: %s", error)
        except OSError as error:  # a summary not kept (a full disk): the interview reads the full text
            log.warning("a summary could not be kept: %s", error)

    async def interviewer_model(self) -> LanguageModel | None:
        """The interviewer model for a new interview, once it exists (it may still be loading)."""
        return await self.interviewer.get()

    def _on_llm_status(self, status: LlmStatus) -> None:
        self.llm_status = status
        self.llmStatus.emit(status)
        # A model that could not be opened, or whose native code crashed in its probe, is said now; one that
        # failed to load is kept, and the interview says why when it falls back to the bank.
        error = status.error if status.stage is LlmStage.FAILED else None
        if error is not None and (not status.opened or isinstance(error, LlmCrashError)):
            self.errors.show(error)

    async def close_language_model(self) -> None:
        await self.interviewer.close()

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
